from django.urls import path

from .views import browse, compare

app_name = "articles"

urlpatterns = [
    path("", browse.home, name="home"),
    path("articles/", browse.ArticleListView.as_view(), name="article-list"),
    path("articles/<int:pk>/", browse.article_detail, name="article-detail"),
    path("events/", browse.EventListView.as_view(), name="event-list"),
    path("events/<int:pk>/", browse.event_detail, name="event-detail"),
    path("events/<int:pk>/export.json", compare.event_export_json, name="event-export-json"),
    path("events/<int:pk>/export.csv", compare.event_export_csv, name="event-export-csv"),
    path("sources/", browse.source_list, name="source-list"),
    path("sources/<slug:slug>/", browse.source_detail, name="source-detail"),
    path("compare/", compare.compare_pick, name="compare-pick"),
    path("compare/<int:a>/<int:b>/", compare.compare_view, name="compare"),
]
