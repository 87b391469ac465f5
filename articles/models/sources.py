from django.db import models
from django.db.models.functions import Lower

from ..paths import path_for


class Source(models.Model):
    """A news outlet."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    homepage = models.URLField(max_length=500, blank=True)
    domain = models.CharField(max_length=253, blank=True, help_text="e.g. bbc.co.uk, without www.")
    country = models.CharField(max_length=2, blank=True, help_text="ISO 3166-1 alpha-2 code")
    language = models.CharField(max_length=12, blank=True, help_text="BCP 47 code, e.g. en")
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            # "BBC" and "bbc" are the same outlet.
            models.UniqueConstraint(Lower("name"), name="source_name_ci_unique"),
        ]
        indexes = [models.Index(fields=["domain"], name="source_domain_idx")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return path_for("articles:source-detail", "slug", self.slug)
