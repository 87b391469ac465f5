from django.db import models

from ..paths import path_for


class EventQuerySet(models.QuerySet["Event"]):
    def with_reports(self) -> "EventQuerySet":
        return self.filter(article_count__gt=0)

    def for_rows(self) -> "EventQuerySet":
        """What a list row shows (rows.attach_event_rows): not the summary or the timestamps."""
        return self.only(
            "id", "title", "first_published_at", "last_published_at", "article_count", "source_count"
        )

    def latest_first(self) -> "EventQuerySet":
        return self.order_by(models.F("last_published_at").desc(nulls_last=True), "-updated_at", "-id")


class Event(models.Model):
    """A news event: the thing several outlets reported on."""

    title = models.CharField(max_length=500)
    slug = models.SlugField(max_length=200, blank=True)
    summary = models.TextField(blank=True)
    # Staff edits win: once set, automatic maintenance never rewrites the field.
    title_locked = models.BooleanField(default=False)
    summary_locked = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Denormalised from the event's articles so that lists need no aggregation;
    # kept current by Event.refresh_stats() whenever membership changes.
    first_published_at = models.DateTimeField(null=True, blank=True)
    last_published_at = models.DateTimeField(null=True, blank=True)
    article_count = models.PositiveIntegerField(default=0)
    source_count = models.PositiveIntegerField(default=0)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["-last_published_at", "-id"]
        indexes = [
            models.Index(fields=["-last_published_at", "-id"], name="event_latest_idx"),
            models.Index(fields=["-source_count"], name="event_coverage_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(first_published_at__isnull=True)
                | models.Q(last_published_at__isnull=True)
                | models.Q(first_published_at__lte=models.F("last_published_at")),
                name="event_first_before_last",
            ),
            models.CheckConstraint(
                condition=models.Q(source_count__lte=models.F("article_count")),
                name="event_sources_le_articles",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return path_for("articles:event-detail", "pk", self.pk)

    def refresh_stats(self) -> None:
        """Recompute the denormalised counts and publication span from the articles."""
        agg = self.articles.aggregate(
            first=models.Min("published_at"),
            last=models.Max("published_at"),
            n=models.Count("id"),
            sources=models.Count("source", distinct=True),
        )
        self.first_published_at = agg["first"]
        self.last_published_at = agg["last"]
        self.article_count = agg["n"]
        self.source_count = agg["sources"]
        self.save(
            update_fields=[
                "first_published_at",
                "last_published_at",
                "article_count",
                "source_count",
                "updated_at",
            ]
        )


class MergedEvent(models.Model):
    """An event staff merged into another: its old address redirects to the survivor.

    Keyed by the old event's id, which is never used again by an event (ids only grow), so
    the row is all that is left of it.
    """

    id = models.BigIntegerField(primary_key=True)
    into = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="absorbed")
    merged_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"event #{self.pk} merged into #{self.into_id}"


class PossiblySame(models.Model):
    """Two events whose best cross score came close under the grouping threshold, or two dated
    events of one news cycle that score at least the link line (grouping.link_look): perhaps one
    story split in two. Shown on both event pages and in the admin (with a one-click merge);
    outlets found in either are not listed as missing from the other.

    Stored once per pair, the lower id first (a database check), so a pair is never listed
    twice or with itself.
    """

    event_a = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="+")
    event_b = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="+")
    score = models.FloatField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["event_a", "event_b"], name="possibly_same_pair_once"),
            models.CheckConstraint(
                condition=models.Q(event_a__lt=models.F("event_b")), name="possibly_same_ordered"
            ),
            models.CheckConstraint(
                condition=models.Q(score__gte=0) & models.Q(score__lte=1), name="possibly_same_score_range"
            ),
        ]
        indexes = [models.Index(fields=["event_b"], name="possibly_same_b_idx")]
        verbose_name = "pair of events possibly the same story"
        verbose_name_plural = "events possibly the same story"

    def __str__(self) -> str:
        return f"events #{self.event_a_id} and #{self.event_b_id} possibly the same ({self.score:.2f})"
