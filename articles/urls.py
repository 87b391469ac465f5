from django.urls import path, register_converter

from . import feeds
from .paths import DbIdConverter
from .views import browse, compare, events, outlets, reports, search

app_name = "articles"
# Ids beyond what a database holds answer 404 here rather than reach a query.
register_converter(DbIdConverter, "id")

urlpatterns = [
    path("", browse.home, name="home"),
    path("articles/", reports.ArticleListView.as_view(), name="article-list"),
    path("articles/<id:pk>/", reports.article_detail, name="article-detail"),
    path("events/", events.EventListView.as_view(), name="event-list"),
    path("events/feed/", feeds.LatestEventsFeed(), name="event-feed"),
    path("events/<id:pk>/", events.event_detail, name="event-detail"),
    path("events/<id:pk>/feed/", feeds.EventReportsFeed(), name="event-reports-feed"),
    path("events/<id:pk>/export.json", compare.event_export_json, name="event-export-json"),
    path("events/<id:pk>/export.csv", compare.event_export_csv, name="event-export-csv"),
    path("sources/", outlets.source_list, name="source-list"),
    # ".json" keeps the route apart from outlet slugs, which cannot hold a dot.
    path("sources/suggest.json", outlets.source_suggestions, name="source-suggestions"),
    path("sources/<slug:slug>/", outlets.source_detail, name="source-detail"),
    path("sources/<slug:slug>/feed/", feeds.OutletReportsFeed(), name="source-feed"),
    path("search/", search.search, name="search"),
    path("compare/", compare.compare_pick, name="compare-pick"),
    path("compare/<id:a>/<id:b>/", compare.compare_view, name="compare"),
]
