"""What the pages and the API call: ranked hits grouped by event, and a match filter."""

import hashlib
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.db.models.expressions import RawSQL
from django.utils import timezone
from django.utils.safestring import SafeString

from ..models import Article, Event
from .engines import engine
from .highlight import marked_html
from .query import SearchQuery


@dataclass(frozen=True)
class SearchHit:
    article: Article
    score: float
    title_html: SafeString
    snippet_html: SafeString


@dataclass
class EventGroup:
    event: Event | None  # None: reports not grouped into an event yet
    hits: list[SearchHit] = field(default_factory=list)


@dataclass(frozen=True)
class SearchResults:
    query: SearchQuery
    total: int
    hits: list[SearchHit]

    def content_key(self) -> str:
        """A digest of everything the results list shows, for its fragment cache: rendering 50
        hits costs as much as finding them, and an import elsewhere rarely changes them."""
        shown = (
            self.query.raw,
            self.total,
            [
                (
                    hit.article.pk,
                    str(hit.title_html),
                    str(hit.snippet_html),
                    hit.article.source.name,
                    hit.article.published_at,
                    (event.pk, event.title, event.source_count) if (event := hit.article.event) else None,
                )
                for hit in self.hits
            ],
            timezone.get_current_timezone_name(),
        )
        return hashlib.sha256(repr(shown).encode()).hexdigest()

    @property
    def groups(self) -> list[EventGroup]:
        """Hits grouped by event, events in the order of their best hit."""
        groups: dict[int | None, EventGroup] = {}
        for hit in self.hits:
            key = hit.article.event_id
            if key not in groups:
                groups[key] = EventGroup(event=hit.article.event)
            groups[key].hits.append(hit)
        return list(groups.values())


def search_reports(query: SearchQuery, *, limit: int = 50, offset: int = 0) -> SearchResults:
    """The best `limit` matching reports, most relevant first, with highlighted snippets."""
    if query.is_empty:
        return SearchResults(query=query, total=0, hits=[])
    search = engine()
    raw_hits = search.ranked(query, limit=limit, offset=offset)
    articles = Article.objects.for_rows().in_bulk([hit.article_id for hit in raw_hits])
    hits = [
        SearchHit(
            article=articles[raw.article_id],
            score=raw.score,
            title_html=marked_html(raw.title),
            snippet_html=marked_html(raw.snippet),
        )
        for raw in raw_hits
        if raw.article_id in articles
    ]
    total = len(hits) + offset if len(raw_hits) < limit else search.count(query)
    return SearchResults(query=query, total=total, hits=hits)


def ranked_article_ids(query: SearchQuery, *, limit: int) -> list[int]:
    """The ids of the `limit` most relevant reports, best first."""
    if query.is_empty:
        return []
    return engine().ranked_ids(query, limit=limit)


def matching_ids(query: SearchQuery) -> RawSQL:
    """A subquery for `Article.objects.filter(id__in=matching_ids(q))`."""
    sql, params = engine().match_sql(query)
    return RawSQL(sql, params)


def filter_matching(articles: QuerySet[Article], query: SearchQuery) -> QuerySet[Article]:
    if query.is_empty:
        return articles
    return articles.filter(id__in=matching_ids(query))
