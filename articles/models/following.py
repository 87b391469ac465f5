"""Outlets' feeds (RSS or Atom) that the poller follows, and the entries it has seen."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone


def default_interval() -> int:
    return settings.FEED_DEFAULT_INTERVAL_MINUTES


class FeedQuerySet(models.QuerySet["Feed"]):
    def due(self, now: dt.datetime | None = None) -> "FeedQuerySet":
        return self.filter(active=True, next_poll_at__lte=now or timezone.now()).order_by("next_poll_at")

    def failing_for(self, period: dt.timedelta, now: dt.datetime | None = None) -> "FeedQuerySet":
        """Active feeds whose every poll has failed for at least `period`."""
        return self.filter(active=True, failing_since__lte=(now or timezone.now()) - period)


class Feed(models.Model):
    """An outlet's RSS or Atom feed, polled on its own interval; its health is kept here."""

    source = models.ForeignKey("articles.Source", on_delete=models.CASCADE, related_name="feeds")
    url = models.URLField("feed URL", max_length=2000, unique=True)
    active = models.BooleanField(default=True, help_text="Inactive feeds are not polled")
    interval_minutes = models.PositiveIntegerField(
        default=default_interval, help_text="Minutes between polls (longer after errors)"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Conditional GET: what the server told us last time, sent back so that an unchanged feed
    # answers 304 and costs nothing.
    etag = models.CharField(max_length=500, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    # Health, written after every poll.
    last_polled_at = models.DateTimeField(null=True, blank=True)
    last_status = models.PositiveSmallIntegerField("HTTP status", null=True, blank=True)
    last_new_entries = models.PositiveIntegerField("new entries", default=0)
    last_error = models.TextField(blank=True)
    last_batch = models.ForeignKey(
        "articles.ImportBatch", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    next_poll_at = models.DateTimeField(default=timezone.now, db_index=True)
    consecutive_failures = models.PositiveIntegerField(default=0)
    failing_since = models.DateTimeField(null=True, blank=True)

    objects = FeedQuerySet.as_manager()

    class Meta:
        ordering = ["source__name", "url"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(url__startswith="http://") | models.Q(url__startswith="https://"),
                name="feed_url_http",
            ),
            models.CheckConstraint(
                condition=models.Q(interval_minutes__gte=1, interval_minutes__lte=7 * 24 * 60),
                name="feed_interval_range",
            ),
            # A feed is failing exactly when its last poll failed.
            models.CheckConstraint(
                condition=models.Q(consecutive_failures=0, failing_since__isnull=True)
                | models.Q(consecutive_failures__gt=0, failing_since__isnull=False),
                name="feed_failing_since_matches_failures",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source.name}: {self.url}"


class FeedEntry(models.Model):
    """An entry the poller has seen in a feed: stored (or found stored) or failed so far.

    Entries marked `done` are never fetched again; failed ones are tried again at later
    polls until FEED_ENTRY_MAX_ATTEMPTS."""

    feed = models.ForeignKey(Feed, on_delete=models.CASCADE, related_name="entries")
    guid = models.CharField(max_length=1000)
    link = models.URLField(max_length=2000, blank=True)
    article = models.ForeignKey(
        "articles.Article", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    done = models.BooleanField(default=False)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    first_seen_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "feed entries"
        constraints = [models.UniqueConstraint(fields=["feed", "guid"], name="feed_entry_unique_guid")]

    def __str__(self) -> str:
        return self.link or self.guid
