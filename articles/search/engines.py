"""The two engines. Each runs raw SQL against the index migration 0005_browsing built."""

import hashlib
from dataclasses import dataclass
from typing import Protocol

from django.core.cache import cache
from django.db import connection

from ..browsing.pagecache import content_version
from . import standing
from .highlight import START, STOP
from .query import SearchQuery

HEADLINE_CACHE_SECONDS = 3600
RANKING_SECONDS = 600  # a kept SQLite ranking; its key changes with any write anyway


@dataclass(frozen=True)
class RawHit:
    article_id: int
    score: float | None  # higher is better on both engines; None: in the order a ranking gave
    title: str  # with START/STOP markers
    snippet: str  # with START/STOP markers


class Engine(Protocol):
    def match_sql(self, query: SearchQuery) -> tuple[str, list[object]]:
        """SQL selecting the ids of matching articles, for use in `id IN (...)`."""

    def count(self, query: SearchQuery) -> int: ...

    def ranked(self, query: SearchQuery, *, limit: int, offset: int = 0) -> list[RawHit]: ...

    def ranked_ids(self, query: SearchQuery, *, limit: int) -> list[int]:
        """Ids of the best `limit` matches, most relevant first, without snippets (cheap)."""

    def ranking(self, query: SearchQuery, *, limit: int) -> tuple[list[int], int]:
        """ranked_ids, and how many reports match in all."""

    def hits_for(self, query: SearchQuery, ids: list[int]) -> list[RawHit]:
        """Highlighted headlines and snippets of the reports `ids` (as ranked_ids gave them),
        in that order, without ranking again; reports gone since are left out."""


class SqliteEngine:
    def match_sql(self, query: SearchQuery) -> tuple[str, list[object]]:
        return (
            "SELECT rowid FROM articles_article_fts WHERE articles_article_fts MATCH %s",
            [query.fts5_expression()],
        )

    def count(self, query: SearchQuery) -> int:
        sql, params = self.match_sql(query)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) FROM ({sql})", params)
            return cursor.fetchone()[0]

    def ranked(self, query: SearchQuery, *, limit: int, offset: int = 0) -> list[RawHit]:
        # bm25 is lower-is-better; headline matches weigh five times body matches.
        sql = """
            SELECT rowid, -bm25(articles_article_fts, 5.0, 1.0) AS score,
                   highlight(articles_article_fts, 0, %s, %s),
                   snippet(articles_article_fts, 1, %s, %s, '…', 32)
            FROM articles_article_fts
            WHERE articles_article_fts MATCH %s
            ORDER BY bm25(articles_article_fts, 5.0, 1.0), rowid DESC
            LIMIT %s OFFSET %s
        """
        params = [START, STOP, START, STOP, query.fts5_expression(), limit, offset]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [RawHit(row[0], float(row[1]), row[2], row[3]) for row in cursor.fetchall()]

    def ranked_ids(self, query: SearchQuery, *, limit: int) -> list[int]:
        sql = """
            SELECT rowid FROM articles_article_fts WHERE articles_article_fts MATCH %s
            ORDER BY bm25(articles_article_fts, 5.0, 1.0), rowid DESC LIMIT %s
        """
        with connection.cursor() as cursor:
            cursor.execute(sql, [query.fts5_expression(), limit])
            return [row[0] for row in cursor.fetchall()]

    def ranking(self, query: SearchQuery, *, limit: int) -> tuple[list[int], int]:
        # FTS5 scores every match with bm25 on each call (3 of a search page's 5 ms for three
        # words at 100,000 reports). The ranking is kept under the site-wide content token,
        # which every write changes in its own transaction: a kept ranking never outlives a
        # write, and between writes a search asked again costs one cache read. (PostgreSQL
        # brings a kept ranking up to date from the log of writes instead: standing.py.)
        expression = query.fts5_expression()
        digest = hashlib.sha256(expression.encode()).hexdigest()[:32]
        key = f"search:fts5-ranking:{content_version()}:{limit}:{digest}"
        kept = cache.get(key)
        if kept is not None:
            return kept
        ids = self.ranked_ids(query, limit=limit)
        found = (ids, len(ids) if len(ids) < limit else self.count(query))
        cache.set(key, found, RANKING_SECONDS)
        return found

    def hits_for(self, query: SearchQuery, ids: list[int]) -> list[RawHit]:
        if not ids:
            return []
        # Snippets for these rows only: ranked() builds one for every match before sorting.
        sql = f"""
            SELECT rowid, highlight(articles_article_fts, 0, %s, %s),
                   snippet(articles_article_fts, 1, %s, %s, '…', 32)
            FROM articles_article_fts
            WHERE articles_article_fts MATCH %s AND rowid IN ({", ".join(["%s"] * len(ids))})
        """
        with connection.cursor() as cursor:
            cursor.execute(sql, [START, STOP, START, STOP, query.fts5_expression(), *ids])
            found = {row[0]: (row[1], row[2]) for row in cursor.fetchall()}
        return [RawHit(pk, None, *found[pk]) for pk in ids if pk in found]


class PostgresEngine:
    _HEADLINE = f"StartSel={START}, StopSel={STOP}, MaxWords=40, MinWords=15, MaxFragments=2"

    def match_sql(self, query: SearchQuery) -> tuple[str, list[object]]:
        return (
            "SELECT id FROM articles_article WHERE search_vector @@ plainto_tsquery('english', %s)",
            [query.plain_text()],
        )

    def count(self, query: SearchQuery) -> int:
        sql, params = self.match_sql(query)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) FROM ({sql}) AS matches", params)
            return cursor.fetchone()[0]

    def ranked(self, query: SearchQuery, *, limit: int, offset: int = 0) -> list[RawHit]:
        # Rank every match from the stored vector, then build headlines for the chosen few only:
        # ts_headline re-parses the body and is the expensive part (8 ms for 50 hits at 20,000
        # reports), so each report's headlines for a query are also cached under a digest of
        # its title and body: an import elsewhere leaves them valid, an edit makes a new key.
        sql = """
            WITH q AS (SELECT plainto_tsquery('english', %s) AS tsq),
            best AS (
                SELECT a.id, ts_rank_cd(a.search_vector, q.tsq) AS score
                FROM articles_article a, q
                WHERE a.search_vector @@ q.tsq
                ORDER BY score DESC, a.id DESC
                LIMIT %s OFFSET %s
            )
            SELECT best.id, best.score, md5(a.title || chr(1) || a.body_text)
            FROM best JOIN articles_article a ON a.id = best.id
            ORDER BY best.score DESC, best.id DESC
        """
        with connection.cursor() as cursor:
            cursor.execute(sql, [query.plain_text(), limit, offset])
            ranked = cursor.fetchall()
        return self._with_headlines(query, ranked)

    def hits_for(self, query: SearchQuery, ids: list[int]) -> list[RawHit]:
        if not ids:
            return []
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT id, md5(title || chr(1) || body_text) FROM articles_article WHERE id = ANY(%s)", [ids]
            )
            digests = dict(cursor.fetchall())
        return self._with_headlines(query, [(pk, None, digests[pk]) for pk in ids if pk in digests])

    def _with_headlines(
        self, query: SearchQuery, ranked: list[tuple[int, float | None, str]]
    ) -> list[RawHit]:
        """The ranked (id, score, digest of title and body) rows with their headlines."""
        words = query.digest()
        keys = {pk: f"search-headline:{words}:{pk}:{digest}" for pk, _, digest in ranked}
        headlines = cache.get_many(list(keys.values()))
        missing = [pk for pk, key in keys.items() if key not in headlines]
        if missing:
            built = self._headlines(query, missing)
            fresh = {keys[pk]: pair for pk, pair in built.items()}
            cache.set_many(fresh, HEADLINE_CACHE_SECONDS)
            headlines |= fresh
        return [
            RawHit(pk, None if score is None else float(score), *headlines[keys[pk]])
            for pk, score, _ in ranked
            if keys[pk] in headlines
        ]

    def _headlines(self, query: SearchQuery, ids: list[int]) -> dict[int, tuple[str, str]]:
        sql = """
            SELECT a.id, ts_headline('english', a.title, q.tsq, %s), ts_headline('english', a.body_text, q.tsq, %s)
            FROM articles_article a, plainto_tsquery('english', %s) AS q(tsq)
            WHERE a.id = ANY(%s)
        """
        title_options = f"StartSel={START}, StopSel={STOP}, HighlightAll=true"
        with connection.cursor() as cursor:
            cursor.execute(sql, [title_options, self._HEADLINE, query.plain_text(), ids])
            return {pk: (title, snippet) for pk, title, snippet in cursor.fetchall()}

    def ranked_ids(self, query: SearchQuery, *, limit: int) -> list[int]:
        return self.ranking(query, limit=limit)[0]

    def ranking(self, query: SearchQuery, *, limit: int) -> tuple[list[int], int]:
        # Ranking every match is the cost of a search here; a kept ranking is brought up to date.
        return standing.ranking(query, limit=limit)


def engine() -> Engine:
    if connection.vendor == "postgresql":
        return PostgresEngine()
    if connection.vendor == "sqlite":
        return SqliteEngine()
    raise NotImplementedError(f"No full-text search for the {connection.vendor} database")
