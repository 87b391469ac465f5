from django.contrib import admin
from django.db.models import Count, QuerySet
from django.http import HttpRequest

from ..models import Source


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["name", "domain", "country", "language", "report_count"]
    list_filter = ["country", "language"]
    search_fields = ["name", "domain"]
    prepopulated_fields = {"slug": ["name"]}
    ordering = ["name"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Source]:
        return super().get_queryset(request).annotate(report_total=Count("articles"))

    @admin.display(description="Reports", ordering="report_total")
    def report_count(self, source: Source) -> int:
        return source.report_total
