"""PostgreSQL rankings kept between searches and brought up to date, not recomputed.

ts_rank_cd reads every matching report's vector: 25 ms for a query matching 1,400 of 100,000
reports, the whole cost of a search page. A search that ran before needs only the reports
written since: every other match kept its vector, so its score, and it ranked below the kept
best ones. So the best `limit` (id, score) pairs are kept in the cache with the statement's
snapshot, and the next search scores only

- the rows written since that snapshot (inserted or updated: an UPDATE writes a new row version
  with its own xmin), and
- the kept best ones, to learn that they still exist and still match,

and merges. When a kept one is gone, no longer matches or scores lower than before, a report
that was below the cut could now belong above it, and the ranking starts over.

"Written since" is read from the row version's inserting transaction (xmin) against the oldest
transaction still running when the snapshot was taken: every transaction older than that had
ended, so its rows were seen. Rows of younger transactions are scored again whether the
snapshot saw them or not; that costs a little and is never wrong. Transaction ids are 32-bit and
wrap around, so they are compared by age(); a kept ranking lives far shorter than the 2^31
transactions that could confuse the comparison.
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.db import connection

from .query import SearchQuery

KEEP_SECONDS = 600
# Rows written since a kept snapshot that a search scores again before it keeps a newer one.
RESCORE_BEFORE_KEEPING = 32

# Both statements read their own snapshot (pg_current_snapshot is the active one): the oldest
# transaction then running, as a 32-bit id. Each also counts every match, for "N reports match".
_OLDEST = f"SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint %% {1 << 32} AS oldest"
_ALL = f"""
    WITH q AS (SELECT plainto_tsquery('english', %s) AS tsq), s AS ({_OLDEST})
    SELECT s.oldest, m.total, m.id, m.score FROM s LEFT JOIN (
        SELECT a.id, ts_rank_cd(a.search_vector, q.tsq) AS score, count(*) OVER () AS total
        FROM articles_article a, q
        WHERE a.search_vector @@ q.tsq
        ORDER BY score DESC, a.id DESC
        LIMIT %s
    ) m ON true
"""
# Scored: rows written by a transaction at or after the kept snapshot's oldest running one (age()
# counts back from one point for the whole statement, on the circle of transaction ids), and the
# kept best. One pass over the matches, the filter worked out once a row (OFFSET 0 keeps the
# planner from copying it into both aggregates: 20% more time at 10,000 matches), ts_rank_cd run
# only where it holds.
_SINCE = f"""
    WITH q AS (SELECT plainto_tsquery('english', %s) AS tsq), s AS ({_OLDEST})
    SELECT s.oldest, m.total, m.ids, m.scores FROM s, (
        SELECT count(*) AS total,
               array_agg(f.id) FILTER (WHERE f.fresh) AS ids,
               array_agg(ts_rank_cd(f.search_vector, f.tsq)) FILTER (WHERE f.fresh) AS scores
        FROM (
            SELECT a.id, a.search_vector, q.tsq, (age(a.xmin) <= age(%s::xid) OR a.id = ANY(%s)) AS fresh
            FROM articles_article a, q
            WHERE a.search_vector @@ q.tsq
            OFFSET 0
        ) f
    ) m
"""


@dataclass(frozen=True)
class Standing:
    oldest: int  # the oldest transaction running at the snapshot (32-bit id)
    total: int  # how many reports matched
    best: tuple[tuple[int, float], ...]  # (id, score), best first


def ranking(query: SearchQuery, *, limit: int) -> tuple[list[int], int]:
    """The ids of the best `limit` matches, best first (ts_rank_cd, newest first on a tie), and
    how many match: what a full ranking gives, from the kept ranking where there is one."""
    key = _key(query, limit)
    kept = cache.get(key)
    update = _brought_up_to_date(query, kept, limit) if isinstance(kept, Standing) else None
    if update is None:
        standing = _ranked_afresh(query, limit)
        cache.set(key, standing, KEEP_SECONDS)
    else:
        standing, written_since = update
        # Most writes leave a search's results as they were: the kept entry then stays, and the
        # next search scores the same few rows again, until there are enough to be worth a write
        # to the shared cache.
        changed = (standing.best, standing.total) != (kept.best, kept.total)
        if changed or written_since > RESCORE_BEFORE_KEEPING:
            cache.set(key, standing, KEEP_SECONDS)
    return [pk for pk, _ in standing.best], standing.total


def _key(query: SearchQuery, limit: int) -> str:
    return f"search-standing:{query.digest()}:{limit}"


def _ranked_afresh(query: SearchQuery, limit: int) -> Standing:
    rows = _fetch(_ALL, [query.plain_text(), limit])
    best = tuple((pk, score) for _, _, pk, score in rows if pk is not None)
    return Standing(rows[0][0], rows[0][1] or 0, best)


def _brought_up_to_date(query: SearchQuery, kept: Standing, limit: int) -> tuple[Standing, int] | None:
    """The kept ranking merged with the rows written since, and how many of those it scored
    besides the kept best; None when it cannot be merged."""
    best = dict(kept.best)
    oldest, total, ids, scores = _fetch(_SINCE, [query.plain_text(), *_since_params(kept)])[0]
    scored = dict(zip(ids or [], scores or [], strict=True))
    if any(pk not in scored or scored[pk] < score for pk, score in best.items()):
        return None  # a kept one fell: what ranked below the cut is unknown
    merged = sorted((best | scored).items(), key=lambda pair: (-pair[1], -pair[0]))[:limit]
    return Standing(oldest, total, tuple(merged)), len(scored.keys() - best.keys())


def _since_params(kept: Standing) -> list[object]:
    """The filter's parameters: the kept snapshot's point and the kept best."""
    return [str(kept.oldest), [pk for pk, _ in kept.best]]


def _fetch(sql: str, params: list[object]) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()
