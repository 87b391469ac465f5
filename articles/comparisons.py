"""Django-side glue for comparisons: stored analyses in, comparisons and fact tables out.

The text work is in articles.compare (plain Python); this module reads the stored analysis of
Article rows, re-analyses only when the stored version is stale, and caches results keyed by
what they depend on, so a repeated page view costs one lookup.
"""

import hashlib
import logging
from collections.abc import Callable
from itertools import islice

from django.core.cache import cache
from django.db.models import QuerySet

from .compare.compare import compare_analyses
from .compare.facts import fact_table
from .models import Article, Event
from .reading import READING_VERSION, read_report, read_reports

logger = logging.getLogger(__name__)

MAX_FACT_TABLE_REPORTS = 24
CACHE_SECONDS = 600
BATCH = 64  # reports read and written back at a time by reanalyse


class UnreadableReport(Exception):
    """The reading layer fails on a report (stage two recorded why): nothing can be shown of
    its analysis, and a comparison with it cannot be made."""

    def __init__(self, article: Article, reason: str) -> None:
        super().__init__(f"report {article.pk} could not be read: {reason}")
        self.article = article
        self.reason = reason


def article_analysis(article: Article) -> dict:
    """The article's analysis, recomputed (not stored) when it predates READING_VERSION.

    Raises UnreadableReport when the reading layer fails on it (as it did in stage two, which
    then grouped the report on its words and left it unread)."""
    if article.analysis_version == READING_VERSION and article.analysis:
        return article.analysis
    try:
        return read_report(article.title, article.body_text, article.language or "en")
    except Exception as error:
        logger.exception("Reading report %s failed", article.pk)
        raise UnreadableReport(article, str(error) or type(error).__name__) from error


def reanalyse(articles: QuerySet[Article], *, on_progress: Callable[[], None] | None = None) -> int:
    """Read each article again and store the reading, in batches; returns how many were updated."""
    updated = 0
    rows = articles.only("pk", "title", "body_text", "language").iterator(chunk_size=BATCH)
    while chunk := list(islice(rows, BATCH)):
        readings = read_reports([(a.title, a.body_text, a.language or "en") for a in chunk])
        for article, reading in zip(chunk, readings, strict=True):
            article.analysis = reading
            article.analysis_version = READING_VERSION
        Article.objects.bulk_update(chunk, ["analysis", "analysis_version"])
        updated += len(chunk)
        if on_progress:
            for _ in chunk:
                on_progress()
    return updated


def _cache_key(prefix: str, articles: list[Article]) -> str:
    parts = [f"{a.pk}:{a.analysis_version}:{a.content_hash}:{a.title}" for a in articles]
    digest = hashlib.sha256("|".join(parts).encode()).hexdigest()[:32]
    return f"{prefix}:{READING_VERSION}:{digest}"


def comparison_cache_key(a: Article, b: Article) -> str:
    return _cache_key("compare", [a, b])


def _load_analyses(articles: list[Article]) -> None:
    """Fill in the analysis (and, where it is stale, the text to redo it) of articles loaded
    without them, in one query rather than one per deferred field and article."""
    deferred = [a for a in articles if "analysis" in a.get_deferred_fields()]
    if not deferred:
        return
    rows = Article.objects.filter(pk__in={a.pk for a in deferred}).values(
        "pk", "analysis", "analysis_version", "title", "body_text", "language"
    )
    by_pk = {row.pop("pk"): row for row in rows}
    for article in deferred:
        for field, value in by_pk.get(article.pk, {}).items():
            setattr(article, field, value)


def build_comparison(a: Article, b: Article) -> dict:
    """The comparison of two reports (see articles.compare.compare.compare_analyses), cached."""
    key = comparison_cache_key(a, b)
    result = cache.get(key)
    if result is None:
        _load_analyses([a, b])
        analysis_a, analysis_b = article_analysis(a), article_analysis(b)
        if a.pk == b.pk:
            analysis_b = analysis_a
        result = compare_analyses(analysis_a, analysis_b)
        cache.set(key, result, CACHE_SECONDS)
    return result


def event_reports(event: Event) -> list[Article]:
    """The event's reports for the fact table, oldest first, at most MAX_FACT_TABLE_REPORTS.

    Only what the cache key needs: the stored analyses and bodies (most of a row's bytes) are
    read by _load_analyses when the table has to be built, not on every page view."""
    return list(
        event.articles.select_related("source")
        .only("pk", "title", "content_hash", "analysis_version", "published_at", "source__name")
        .order_by("published_at", "id")[:MAX_FACT_TABLE_REPORTS]
    )


def event_fact_table(event: Event) -> dict:
    """Claims x outlets for the event's reports, plus who is named and quoted by which outlet.

    One query for the reports (with their outlets); the clustering is cached.
    """
    reports = event_reports(event)
    # The table shows outlet names too, so a renamed outlet makes a new table.
    outlets = hashlib.sha256("|".join(article.source.name for article in reports).encode()).hexdigest()[:16]
    key = f"{_cache_key(f'facts:{event.pk}', reports)}:{outlets}"
    table = cache.get(key)
    if table is None:
        _load_analyses(reports)
        readable, unreadable = [], []
        for article in reports:
            try:
                analysis = article_analysis(article)
            except UnreadableReport:
                # One report the reading layer cannot read leaves the others' table standing.
                unreadable.append({"id": article.pk, "outlet": article.source.name, "title": article.title})
                continue
            readable.append(
                {
                    "id": article.pk,
                    "outlet": article.source.name,
                    "title": article.title,
                    "analysis": analysis,
                }
            )
        table = {**fact_table(readable), "unreadable": unreadable}
        cache.set(key, table, CACHE_SECONDS)
    table = dict(table)
    table["event_id"] = event.pk
    table["truncated"] = event.article_count > len(reports)
    # Names everything the rendered table depends on, for the partial's fragment cache.
    table["cache_key"] = f"{key}:{table['truncated']}"
    return table
