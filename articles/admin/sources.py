from django.contrib import admin

from ..models import Source


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["name", "domain", "country", "language"]
    list_filter = ["country", "language"]
    search_fields = ["name", "domain"]
    prepopulated_fields = {"slug": ["name"]}
