from django.contrib import admin

from ..models import ImportBatch


@admin.register(ImportBatch)
class ImportBatchAdmin(admin.ModelAdmin):
    list_display = [
        "id",
        "created_at",
        "origin",
        "status",
        "created_count",
        "duplicate_count",
        "failed_count",
        "created_by",
    ]
    list_filter = ["origin", "status"]
    list_select_related = ["created_by"]
    search_fields = ["message"]
    readonly_fields = [f.name for f in ImportBatch._meta.fields]

    def has_add_permission(self, request) -> bool:  # batches are made by imports only
        return False
