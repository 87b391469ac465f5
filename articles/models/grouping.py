"""Grouping's own tables: per-report features, event profiles, the candidate index and
document frequencies.

The index (EventKey) lets an incoming report find the events that share its rarest
terms and names without reading every event; the frequencies let the scorer weigh a
shared word by how rare it is. Both are maintained incrementally, one report at a time.
"""

from django.db import models


class ReportFeatures(models.Model):
    """The features of one report (terms, names), computed once from its text."""

    article = models.OneToOneField(
        "articles.Article", on_delete=models.CASCADE, primary_key=True, related_name="grouping_features"
    )
    data = models.JSONField()

    class Meta:
        verbose_name_plural = "report features"

    def __str__(self) -> str:
        return f"Features of article {self.article_id}"


class EventProfile(models.Model):
    """An event's centroid (summed member vectors, capped), used to score newcomers."""

    event = models.OneToOneField(
        "articles.Event", on_delete=models.CASCADE, primary_key=True, related_name="grouping_profile"
    )
    data = models.JSONField()

    def __str__(self) -> str:
        return f"Profile of event {self.event_id}"


class EventKey(models.Model):
    """Inverted index: which events carry a (rare, heavy) term or name key.

    `last_published_at` copies the event's latest date so that the time window can be
    applied in the index lookup itself.
    """

    event = models.ForeignKey("articles.Event", on_delete=models.CASCADE, related_name="grouping_keys")
    key = models.CharField(max_length=120)
    weight = models.FloatField()
    last_published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["key", "-event"], name="eventkey_key_event_idx")]
        constraints = [models.UniqueConstraint(fields=["event", "key"], name="eventkey_event_key_unique")]

    def __str__(self) -> str:
        return f"{self.key} -> event {self.event_id}"


class KeyFrequency(models.Model):
    """How many reports carry a key (document frequency). The key "" counts all reports."""

    key = models.CharField(max_length=120, primary_key=True)
    reports = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.key}: {self.reports}"
