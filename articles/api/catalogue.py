"""API endpoints for outlets, events and articles.

The list endpoints run the same FilterSets as the reader pages, so a filter means the same thing
in both places; parameters are typed here so that the OpenAPI schema documents each of them.
"""

import datetime as dt

from django.db.models import QuerySet
from django.http import Http404
from django_filters import FilterSet
from ninja import Query, Router
from ninja.decorators import decorate_view

from ..browsing.coverage import event_coverage
from ..browsing.fixedsql import count_of, whole_count
from ..browsing.outlets import outlets_with_counts
from ..browsing.pagecache import cached_page
from ..filters import ArticleFilter, EventFilter
from ..models import Article, Event, IngestStage
from ..paths import path_for
from ..search import parse_query
from ..search.service import ranked_article_ids
from .errors import BadParameters
from .schemas import (
    ArticleDetailOut,
    ArticleList,
    ArticleParams,
    BadRequest,
    EventDetailOut,
    EventList,
    EventParams,
    NotFound,
    SourceList,
)

# Answers are cached like the reader pages, keyed by the content version (always current).
router = Router(tags=["catalogue"])
ERRORS = {400: BadRequest, 404: NotFound}
SEARCH_MAX_RESULTS = 1000


def _filtered(filterset_class: type[FilterSet], data: dict[str, str], queryset: QuerySet) -> QuerySet:
    """`queryset` narrowed by the filters in `data`. With none given, the FilterSet is not built:
    django-filter deep-copies every filter and form field for each instance, which cost a fifth
    of an unfiltered list's answer."""
    if not data:
        return queryset
    filterset = filterset_class(data, queryset=queryset)
    if not filterset.is_valid():
        raise BadParameters(
            [
                {"parameter": field, "message": " ".join(messages)}
                for field, messages in filterset.errors.items()
            ]
        )
    return filterset.qs


def _filter_data(params: dict[str, object]) -> dict[str, str]:
    return {key: str(value) for key, value in params.items() if value not in (None, "", False)}


# What a list item shows, read as values (`_listed`): building model instances of the reports
# and their outlets, and compiling the join that fills them, was most of a list's cost.
ITEM_COLUMNS = (
    "id",
    "title",
    "source__name",
    "source__slug",
    "url",
    "published_at",
    "event_id",
    "ingest_stage",
)


def _item(
    pk: int,
    title: str,
    source_name: str,
    source_slug: str,
    url: str | None,
    published_at: dt.datetime | None,
    event_id: int | None,
    ingest_stage: str,
) -> dict[str, object]:
    """A report as the API shows it in lists (the ITEM_COLUMNS, in order)."""
    return {
        "id": pk,
        "title": title,
        "source": source_name,
        "source_slug": source_slug,
        "url": url,
        "published_at": published_at,
        "event": event_id,
        "being_analysed": ingest_stage != IngestStage.DONE,
        "link": path_for("articles:article-detail", "pk", pk),
    }


def _listed(articles: QuerySet[Article]) -> list[dict[str, object]]:
    return [_item(*row) for row in articles.values_list(*ITEM_COLUMNS)]


# What `_article(..., grouping=True)` reads of a report and its outlet.
GROUPED_ITEM_COLUMNS = (
    *ITEM_COLUMNS,
    "source_id",
    "grouping_status",
    "grouping_score",
    "grouping_evidence",
)


def _article(article: Article, *, grouping: bool = False) -> dict[str, object]:
    item = _item(
        article.pk,
        article.title,
        article.source.name,
        article.source.slug,
        article.url,
        article.published_at,
        article.event_id,
        article.ingest_stage,
    )
    if grouping:
        item["grouping"] = {
            "status": article.grouping_status,
            "score": article.grouping_score,
            "explanation": article.why_here or None,
        }
    return item


EVENT_COLUMNS = (
    "id",
    "title",
    "summary",
    "article_count",
    "source_count",
    "first_published_at",
    "last_published_at",
)


def _event_item(
    pk: int,
    title: str,
    summary: str,
    article_count: int,
    source_count: int,
    first_published_at: dt.datetime | None,
    last_published_at: dt.datetime | None,
) -> dict[str, object]:
    """An event as the API shows it (the EVENT_COLUMNS, in order)."""
    return {
        "id": pk,
        "title": title,
        "summary": summary,
        "article_count": article_count,
        "source_count": source_count,
        "first_published_at": first_published_at,
        "last_published_at": last_published_at,
        "link": path_for("articles:event-detail", "pk", pk),
    }


def _event(event: Event) -> dict[str, object]:
    return _event_item(*(getattr(event, "pk" if name == "id" else name) for name in EVENT_COLUMNS))


@router.get("/articles", response={200: ArticleList, **ERRORS}, summary="List reports")
@decorate_view(cached_page)
def list_articles(request, params: Query[ArticleParams]) -> dict[str, object]:
    """Reports, newest first (or by relevance with `search`), with the reader pages' filters."""
    data = _filter_data(
        {
            "source": params.source,
            "event": params.event,
            "unassigned": "on" if params.unassigned else None,
            "text": params.q,
            "published_after": params.published_after,
            "published_before": params.published_before,
        }
    )
    queryset = _filtered(ArticleFilter, data, Article.objects.latest_first())
    window = slice(params.offset, params.offset + params.limit)
    if params.search is not None:
        query = parse_query(params.search)
        if query.is_empty:
            raise BadParameters([{"parameter": "search", "message": "Give at least one word."}])
        ranked = ranked_article_ids(query, limit=SEARCH_MAX_RESULTS)
        allowed = set(queryset.filter(id__in=ranked).values_list("id", flat=True))
        ids = [pk for pk in ranked if pk in allowed]
        page = {item["id"]: item for item in _listed(Article.objects.filter(id__in=ids[window]))}
        return {"items": [page[pk] for pk in ids[window] if pk in page], "count": len(ids)}
    if data:
        count = queryset.count()
    else:  # every report: a count whose SQL never changes (fixedsql)
        count = whole_count("api-articles-count", lambda: count_of(Article.objects.all()))
    return {"items": _listed(queryset[window]), "count": count}


@router.get("/articles/{article_id}", response={200: ArticleDetailOut, **ERRORS}, summary="One report")
@decorate_view(cached_page)
def get_article(request, article_id: int) -> dict[str, object]:
    article = Article.objects.select_related("source", "event").filter(pk=article_id).first()
    if article is None:
        raise Http404(f"No report with id {article_id}.")
    return {
        **_article(article, grouping=True),
        "byline": article.byline,
        "language": article.language,
        "word_count": article.word_count,
        "body_text": article.body_text,
        "event_title": article.event.title if article.event else None,
    }


@router.get("/events", response={200: EventList, **ERRORS}, summary="List events")
@decorate_view(cached_page)
def list_events(request, params: Query[EventParams]) -> dict[str, object]:
    """Events with at least one report, by latest report or by number of outlets."""
    data = _filter_data(
        {
            "source": params.source,
            "text": params.q,
            "min_outlets": params.min_outlets,
            "published_after": params.published_after,
            "published_before": params.published_before,
            # "latest" is the list's own order: no filter to apply, so no FilterSet to build.
            "sort": None if params.sort == "latest" else params.sort,
        }
    )
    queryset = _filtered(EventFilter, data, Event.objects.with_reports().latest_first())
    window = slice(params.offset, params.offset + params.limit)
    items = [_event_item(*row) for row in queryset[window].values_list(*EVENT_COLUMNS)]
    return {"items": items, "count": queryset.count()}


@router.get("/events/{event_id}", response={200: EventDetailOut, **ERRORS}, summary="One event")
@decorate_view(cached_page)
def get_event(request, event_id: int) -> dict[str, object]:
    """An event with its reports and the evidence that grouped each of them."""
    try:
        event = Event.objects.get(pk=event_id)  # get(), not first(): no ordering to compile
    except Event.DoesNotExist:
        raise Http404(f"No event with id {event_id}.") from None
    # What _article reads, and no more: the reports' bodies, analyses and events stay unread.
    reports = list(
        event.articles.select_related("source").only(*GROUPED_ITEM_COLUMNS).order_by("published_at", "id")
    )
    coverage = event_coverage(event, reports)
    return {
        **_event(event),
        "articles": [_article(a, grouping=True) for a in reports],
        "not_covered_by": [{"name": m.source.name, "slug": m.source.slug} for m in coverage.missing],
        "possibly_same": [
            {"id": link.event.pk, "title": link.event.title, "score": round(link.score, 4)}
            for link in coverage.possibly_same
        ],
    }


@router.get("/sources", response={200: SourceList}, summary="List outlets")
@decorate_view(cached_page)
def list_sources(request) -> dict[str, object]:
    """Every outlet, with its numbers of reports and events."""
    sources = list(outlets_with_counts())
    items = [
        {
            "id": s.pk,
            "name": s.name,
            "slug": s.slug,
            "homepage": s.homepage,
            "domain": s.domain,
            "country": s.country,
            "language": s.language,
            "report_count": s.report_count,
            "event_count": s.event_count,
        }
        for s in sources
    ]
    return {"items": items, "count": len(items)}
