from django.contrib import admin
from django.urls import include, path

from articles.api import api
from articles.views.importing import import_articles_view

urlpatterns = [
    # The import page lives under the admin, behind its login and permission checks.
    path("admin/articles/import/", import_articles_view, name="admin-import-articles"),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("", include("articles.urls")),
]
