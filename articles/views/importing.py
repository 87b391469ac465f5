"""The admin's "Import articles" page. Filled in by the importing feature."""

from django.contrib.admin.views.decorators import staff_member_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


@staff_member_required
def import_articles_view(request: HttpRequest) -> HttpResponse:
    return render(request, "admin/articles/import.html", {})
