"""What the pages and the API call: ranked hits grouped by event, and a match filter."""

from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.db.models.expressions import RawSQL
from django.utils.safestring import SafeString

from ..browsing.pagecache import scope_versions
from ..models import Article, Event
from .engines import RawHit, engine
from .highlight import marked_html
from .query import SearchQuery


@dataclass(frozen=True)
class SearchHit:
    article: Article
    score: float | None  # None: in the order of a Ranking
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


def _hits(raw_hits: list[RawHit]) -> list[SearchHit]:
    """The engine's hits as the results list shows them, in their order; a report deleted since
    it was ranked is left out."""
    articles = Article.objects.for_rows().in_bulk([hit.article_id for hit in raw_hits])
    return [
        SearchHit(
            article=articles[raw.article_id],
            score=raw.score,
            title_html=marked_html(raw.title),
            snippet_html=marked_html(raw.snippet),
        )
        for raw in raw_hits
        if raw.article_id in articles
    ]


def search_reports(query: SearchQuery, *, limit: int = 50, offset: int = 0) -> SearchResults:
    """The best `limit` matching reports, most relevant first, with highlighted snippets."""
    if query.is_empty:
        return SearchResults(query=query, total=0, hits=[])
    search = engine()
    raw_hits = search.ranked(query, limit=limit, offset=offset)
    hits = _hits(raw_hits)
    total = len(hits) + offset if len(raw_hits) < limit else search.count(query)
    return SearchResults(query=query, total=total, hits=hits)


@dataclass(frozen=True)
class Ranking:
    """Which reports a search shows, in which order, and how many match, with the version
    tokens (migration 0014) of those reports, their events and the outlets: together, everything
    the results list shows. Its str() keys the rendered results; results_for(ranking) renders
    exactly these reports, so what is stored under a key is what the key names."""

    query: SearchQuery
    ids: list[int]
    total: int
    tokens: str

    def __str__(self) -> str:
        return repr((self.query.raw, self.ids, self.total, self.tokens))


def rank(query: SearchQuery, *, limit: int = 50) -> Ranking:
    """The ranking without the snippets (building those is the expensive part of a search) and
    one query for the tokens: an import elsewhere leaves it unchanged unless the new report
    ranks among the first."""
    ids, total = engine().ranking(query, limit=limit)
    tokens = scope_versions([f"article:{pk}" for pk in ids], reports_events=ids)
    return Ranking(query, ids, total, tokens)


def results_for(ranking: Ranking) -> SearchResults:
    """The hits of a ranking, with highlighted headlines and snippets, in its order."""
    raw_hits = engine().hits_for(ranking.query, ranking.ids)
    hits = _hits(raw_hits)
    return SearchResults(query=ranking.query, total=ranking.total, hits=hits)


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
