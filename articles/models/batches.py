from django.conf import settings
from django.db import models
from django.urls import reverse


class ImportOrigin(models.TextChoices):
    UPLOAD = "upload", "Admin upload"
    PASTE = "paste", "Admin paste"
    COMMAND = "command", "Command line"


class ImportStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"


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
        ]

    def __str__(self) -> str:
        return f"Import #{self.pk} ({self.get_origin_display()}, {self.get_status_display()})"

    def get_absolute_url(self) -> str:
        return reverse("admin:articles_importbatch_change", args=[self.pk])
