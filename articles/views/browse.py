"""Reader pages: home, lists and detail pages for articles, events and outlets."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django_filters.views import FilterView

from ..filters import ArticleFilter, EventFilter
from ..models import Article, Event, Source


def home(request: HttpRequest) -> HttpResponse:
    events = Event.objects.with_reports().latest_first()[:20]
    unassigned = Article.objects.for_lists().unassigned().latest_first()[:20]
    return render(request, "articles/home.html", {"events": events, "unassigned": unassigned})


class ArticleListView(FilterView):
    filterset_class = ArticleFilter
    queryset = Article.objects.for_lists().latest_first()
    template_name = "articles/article_list.html"
    paginate_by = 50


class EventListView(FilterView):
    filterset_class = EventFilter
    queryset = Event.objects.with_reports().latest_first()
    template_name = "articles/event_list.html"
    paginate_by = 50


def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article.objects.select_related("source", "event"), pk=pk)
    return render(request, "articles/article_detail.html", {"article": article})


def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(Event, pk=pk)
    reports = event.articles.for_lists().order_by("source__name", "published_at", "id")
    return render(request, "articles/event_detail.html", {"event": event, "reports": reports})


def source_list(request: HttpRequest) -> HttpResponse:
    return render(request, "articles/source_list.html", {"sources": Source.objects.all()})


def source_detail(request: HttpRequest, slug: str) -> HttpResponse:
    source = get_object_or_404(Source, slug=slug)
    reports = source.articles.for_lists().latest_first()[:50]
    return render(request, "articles/source_detail.html", {"source": source, "reports": reports})
