from django.db import models
from django.db.models.functions import Length

from ..paths import path_for


class GroupingStatus(models.TextChoices):
    PENDING = "pending", "Not grouped yet"
    JOINED = "joined", "Joined an existing event"
    STARTED = "started", "Started a new event"
    MANUAL = "manual", "Placed by staff"
    REVIEW = "review", "Too little text: needs review"


class IngestStage(models.TextChoices):
    """Where a report stands in the two import stages. Stage one stores it (listed and
    searchable at once); stage two reads it with the reading layer, then groups it."""

    STORED = "stored", "Stored; waiting to be read"
    READ = "read", "Read; waiting to be grouped"
    DONE = "done", "Read and grouped"


class ArticleQuerySet(models.QuerySet["Article"]):
    def for_lists(self) -> "ArticleQuerySet":
        """What list pages show: outlet and event joined, bodies left out."""
        return self.select_related("source", "event").defer("body_text", "body_html", "analysis")

    def for_rows(self) -> "ArticleQuerySet":
        """What a list row (rows.attach_report_rows) or a search hit shows and no more: a list
        page of 50 reports spent more time building full instances, JSON evidence and the
        event's summary included, than on anything else."""
        return self.select_related("source", "event").only(
            "id",
            "title",
            "published_at",
            "published_time_known",
            "event_id",
            "source_id",
            "ingest_stage",
            "source__id",
            "source__name",
            "source__slug",
            "event__id",
            "event__title",
            "event__source_count",
        )

    def unassigned(self) -> "ArticleQuerySet":
        return self.filter(event__isnull=True)

    def being_analysed(self) -> "ArticleQuerySet":
        """Reports stage two has not finished with (not read, or read but not grouped)."""
        return self.exclude(ingest_stage=IngestStage.DONE)

    def latest_first(self) -> "ArticleQuerySet":
        return self.order_by(models.F("published_at").desc(nulls_last=True), "-id")


class Article(models.Model):
    """One outlet's report."""

    source = models.ForeignKey("articles.Source", on_delete=models.PROTECT, related_name="articles")
    # True when the report named no outlet and the import's default was used. Grouping then
    # does not treat two such reports as one outlet's: a folder of unattributed pages
    # imported under one name is many outlets, not one filing the same story twice.
    outlet_assumed = models.BooleanField(
        default=False, help_text="The report named no outlet; the one chosen for its import was used"
    )
    # Deleting an event leaves its reports ungrouped rather than deleting them.
    event = models.ForeignKey(
        "articles.Event", on_delete=models.SET_NULL, null=True, blank=True, related_name="articles"
    )
    title = models.CharField(max_length=500)
    byline = models.CharField(max_length=300, blank=True)
    # NULL, not "", when absent: the (source, url) uniqueness applies only to real URLs.
    url = models.URLField(max_length=2000, null=True, blank=True)  # noqa: DJ001
    published_at = models.DateTimeField(null=True, blank=True)
    # False when the source gave only the day: published_at is then that day's midnight UTC,
    # and pages show the day, never "00:00".
    published_time_known = models.BooleanField(
        default=True, help_text="The source gave a time of day, not only the date"
    )
    body_text = models.TextField()
    # Sanitized on the way in (articles.sanitize); the only field marked safe in templates.
    body_html = models.TextField(null=True, blank=True)  # noqa: DJ001  (NULL: the report came as text)
    language = models.CharField(max_length=12, blank=True, default="en")
    word_count = models.PositiveIntegerField(default=0)
    # SHA-256 of the normalised text: the same report pasted twice is one row.
    content_hash = models.CharField(max_length=64)
    batch = models.ForeignKey(
        "articles.ImportBatch", on_delete=models.SET_NULL, null=True, blank=True, related_name="articles"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    # Grouping: the decision and the evidence behind it, shown to readers and staff.
    grouping_status = models.CharField(
        max_length=10, choices=GroupingStatus.choices, default=GroupingStatus.PENDING
    )
    grouping_score = models.FloatField(null=True, blank=True)
    grouping_evidence = models.JSONField(default=dict, blank=True)

    # Text analysis (sentences, entities, quotes, numbers), computed once at import.
    analysis = models.JSONField(default=dict, blank=True)
    analysis_version = models.PositiveSmallIntegerField(default=0)
    # Stage two's progress on this report; rows stored before the two stages are done.
    ingest_stage = models.CharField(max_length=10, choices=IngestStage.choices, default=IngestStage.DONE)
    # A stage-two process that took this report to read holds it until then; once that lies
    # in the past (the process died), another takes the report over.
    claimed_until = models.DateTimeField(null=True, blank=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["content_hash"], name="article_content_hash_unique"),
            models.UniqueConstraint(
                fields=["source", "url"],
                condition=models.Q(url__isnull=False),
                name="article_source_url_unique",
            ),
            models.CheckConstraint(
                condition=models.Q(url__isnull=True)
                | models.Q(url__startswith="http://")
                | models.Q(url__startswith="https://"),
                name="article_url_http",
            ),
            models.CheckConstraint(condition=~models.Q(body_text=""), name="article_body_not_empty"),
            models.CheckConstraint(condition=~models.Q(title=""), name="article_title_not_empty"),
            models.CheckConstraint(
                condition=models.Q(published_time_known=True) | models.Q(published_at__isnull=False),
                name="article_day_only_needs_date",
            ),
            models.CheckConstraint(
                condition=models.lookups.Exact(Length("content_hash"), 64), name="article_hash_sha256"
            ),
            models.CheckConstraint(
                condition=models.Q(grouping_status__in=GroupingStatus.values),
                name="article_grouping_status_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(ingest_stage__in=IngestStage.values), name="article_ingest_stage_valid"
            ),
        ]
        indexes = [
            models.Index(fields=["-published_at", "-id"], name="article_latest_idx"),
            models.Index(fields=["source", "-published_at"], name="article_source_latest_idx"),
            models.Index(fields=["event", "source"], name="article_event_source_idx"),
            # An event's reports in id order, first few only (grouping refreshes the title
            # and summary from them on every import). With only event_id indexed, PostgreSQL
            # may walk the whole table in id order looking for them when its statistics
            # are stale, as after a bulk import: 300 ms a report at 100,000 stored.
            models.Index(fields=["event", "id"], name="article_event_order_idx"),
            # Stage two's queue: the few reports not done yet, per batch in id order (a
            # partial index stays as small as the queue, however many reports are stored).
            models.Index(
                fields=["batch", "id"],
                condition=~models.Q(ingest_stage="done"),
                name="article_ingest_queue_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.source})" if self.source_id else self.title

    def get_absolute_url(self) -> str:
        return path_for("articles:article-detail", "pk", self.pk)

    @property
    def being_analysed(self) -> bool:
        return self.ingest_stage != IngestStage.DONE

    @property
    def why_here(self) -> str:
        """The grouping note readers see. The report that started its event failed no test:
        it came first, so it says so rather than quote the score of a nearer miss."""
        if self.grouping_status == GroupingStatus.STARTED and self.event_id is not None:
            return "started this event: the first report of it we stored"
        return (self.grouping_evidence or {}).get("explanation") or ""

    @property
    def published_day_only(self) -> bool:
        return self.published_at is not None and not self.published_time_known
