import datetime as dt

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone


class ImportOrigin(models.TextChoices):
    UPLOAD = "upload", "Admin upload"
    PASTE = "paste", "Admin paste"
    COMMAND = "command", "Command line"
    URL = "url", "Web pages by URL"
    FEED = "feed", "Feed poll"


class ImportStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"


def lease_until() -> dt.datetime:
    """When a running import's claim lapses unless its process renews it (at every chunk)."""
    return timezone.now() + dt.timedelta(seconds=settings.IMPORT_LEASE_SECONDS)


def analysis_lease_until() -> dt.datetime:
    """When stage two's claim on a report (and a batch's "analysing" state) lapses unless
    the process working on it finishes or renews it first."""
    return timezone.now() + dt.timedelta(seconds=settings.ANALYSIS_LEASE_SECONDS)


STALLED_ANALYSIS = (
    "The process analysing this batch stopped (killed or crashed). Nothing it had not "
    "finished was kept; the next worker resumes the rest."
)


class ImportBatchQuerySet(models.QuerySet["ImportBatch"]):
    def expire_dead(self) -> int:
        """Mark failed the running batches whose process stopped renewing its lease (killed,
        out of memory, machine restarted); returns how many. A live import renews its lease
        long before it lapses, so this never touches one.

        Stage two likewise: a batch "analysing" whose lease lapsed goes back to waiting for a
        worker, which then takes over the reports the dead process held."""
        now = timezone.now()
        self.filter(analysis_status=ImportStatus.RUNNING, analysis_lease_expires_at__lt=now).update(
            analysis_status=ImportStatus.QUEUED, analysis_message=STALLED_ANALYSIS
        )
        return self.filter(status=ImportStatus.RUNNING, lease_expires_at__lt=now).update(
            status=ImportStatus.FAILED,
            finished_at=now,
            message="The import stopped: its process ended without finishing (killed or crashed). "
            "Items reported as created were stored; import the file again to add the rest "
            "(duplicates are skipped).",
        )


class ImportBatch(models.Model):
    """One import: who loaded what, and what became of every item."""

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    origin = models.CharField(max_length=10, choices=ImportOrigin.choices)
    status = models.CharField(max_length=10, choices=ImportStatus.choices, default=ImportStatus.QUEUED)
    total_items = models.PositiveIntegerField(default=0)
    processed_items = models.PositiveIntegerField(default=0)
    created_count = models.PositiveIntegerField(default=0)
    duplicate_count = models.PositiveIntegerField(default=0)
    failed_count = models.PositiveIntegerField(default=0)
    # One entry per item: {"item": file/line label, "outcome": created|duplicate|failed,
    # "reason": str, "article_id": int|None, "warnings": [str]}.
    report = models.JSONField(default=list, blank=True)
    message = models.TextField(blank=True, help_text="Batch-level error, if the batch as a whole failed")
    # A running import renews this as it goes; once it lies in the past, the process is dead.
    lease_expires_at = models.DateTimeField(null=True, blank=True)

    # Stage two (read with the reading layer, then group), done by workers after stage one
    # stored the reports. Blank status: the batch stored nothing for stage two to do.
    analysis_status = models.CharField(max_length=10, choices=ImportStatus.choices, blank=True)
    analysis_total = models.PositiveIntegerField(default=0)
    read_count = models.PositiveIntegerField(default=0)
    grouped_count = models.PositiveIntegerField(default=0)
    # One entry per report stage two could not read or group: {"article_id", "title",
    # "stage": "reading" | "grouping", "reason"}. The report stays stored and listed.
    analysis_failures = models.JSONField(default=list, blank=True)
    analysis_message = models.TextField(blank=True)
    analysis_lease_expires_at = models.DateTimeField(null=True, blank=True)
    analysis_finished_at = models.DateTimeField(null=True, blank=True)

    objects = ImportBatchQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "import batches"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(origin__in=ImportOrigin.values), name="batch_origin_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=ImportStatus.values), name="batch_status_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(processed_items__lte=models.F("total_items")),
                name="batch_processed_le_total",
            ),
            models.CheckConstraint(
                condition=models.Q(analysis_status__in=["", *ImportStatus.values]),
                name="batch_analysis_status_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(read_count__lte=models.F("analysis_total"))
                & models.Q(grouped_count__lte=models.F("analysis_total")),
                name="batch_analysed_le_total",
            ),
        ]

    def __str__(self) -> str:
        return f"Import #{self.pk} ({self.get_origin_display()}, {self.state})"

    def get_absolute_url(self) -> str:
        return reverse("admin:articles_importbatch_change", args=[self.pk])

    @property
    def in_progress(self) -> bool:
        """Whether either stage is still waiting or running."""
        waiting = (ImportStatus.QUEUED, ImportStatus.RUNNING)
        return self.status in waiting or self.analysis_status in waiting

    @property
    def state(self) -> str:
        """Both stages in a word: stage one's status until it is done, then stage two's."""
        if self.status == ImportStatus.DONE and self.analysis_status in (
            ImportStatus.QUEUED,
            ImportStatus.RUNNING,
        ):
            return "stored; reading and grouping"
        return self.get_status_display()
