"""PostgreSQL rankings kept between searches and brought up to date from a log of writes.

ts_rank_cd reads every matching report's vector: 25 ms for a query matching 1,400 of 100,000
reports, and counting the matches for "N reports match" visits each one too (32 ms for the
10,000 that "Warsaw" matches). A search that ran before needs only the reports written since:
every other report kept its vector, so whether it matches and its score. So each query's
standing is kept in the cache: the best `limit` (id, score) pairs, the ids of every match
(packed, idsets.py) and the snapshot it was taken in. Migration 0018 logs the id of every report
a transaction inserts, deletes or gives a new vector, with that transaction's id. The next search
reads the log rows since the kept snapshot by index, tests only those reports against the query,
and brings up to date

- the matches: the logged ids leave the set and those that match now come back; its size is the
  exact count without visiting the other matches;
- the best: the logged reports that match now are merged in with their scores. When a kept best
  one was logged and is gone, no longer matches or scores lower, a report below the cut could now
  belong above it, and the ranking starts over (as on a cache miss).

"Since the snapshot" is read from the log row's transaction id against the oldest transaction
still running when the snapshot was taken: every older one had ended, so its writes were seen. A
write the snapshot did not see is by a transaction at least that young, and its log row commits
with it, so the log read finds it. Rows of younger transactions that the snapshot did see are
applied again: applying a row sets the report's entry to what it is now, so twice does no harm.
Transaction ids are read as xid8, 64 bits that never wrap around. The ranking starts over when the
log cannot say: rows it needs may have been pruned (migration 0018 says when), a TRUNCATE or a
new apply of the migration came between (its generation), or more rows were logged since than a
ranking from scratch costs.
"""

from dataclasses import dataclass

import numpy as np
from django.core.cache import cache
from django.db import connection

from . import idsets
from .query import SearchQuery

KEEP_SECONDS = 600  # migration 0018 keeps log rows twice as long
# Log rows since a kept snapshot that a search reads again before it keeps a newer snapshot.
RESCORE_BEFORE_KEEPING = 32
# Past this many log rows since the kept snapshot (a bulk import) and half as many more as there
# are matches, a ranking from scratch costs less: at 100,000 reports it took 9 to 40 us a match
# (more for more words), and testing a logged report 10 to 30 us (its vector read from the table).
MOST_LOGGED = 64

# The snapshot's point: NULL in a transaction that has written (its statements see its own
# uncommitted writes, which a rollback would take back, log rows and all), whose rankings answer
# its searches but are not kept.
_OLDEST = (
    "CASE WHEN pg_current_xact_id_if_assigned() IS NULL"
    " THEN pg_snapshot_xmin(pg_current_snapshot())::text::bigint END"
)
# Every match scored once (a MATERIALIZED CTE read twice): the ids of all, 8 bytes each (sorted
# here: 0.1 ms in numpy against 4 ms in the aggregate at 10,000 matches), and the best `limit`.
# One row, so that the ids cross to the client once.
_ALL = f"""
    WITH q AS (SELECT plainto_tsquery('english', %s) AS tsq),
    m AS MATERIALIZED (
        SELECT a.id, ts_rank_cd(a.search_vector, q.tsq) AS score
        FROM articles_article a, q
        WHERE a.search_vector @@ q.tsq
    ),
    b AS (SELECT m.id, m.score FROM m ORDER BY m.score DESC, m.id DESC LIMIT %s)
    SELECT {_OLDEST}, st.generation, st.prunes,
           (SELECT string_agg(int8send(m.id), ''::bytea) FROM m),
           (SELECT array_agg(b.id ORDER BY b.score DESC, b.id DESC) FROM b),
           (SELECT array_agg(b.score ORDER BY b.score DESC, b.id DESC) FROM b)
    FROM articles_search_state st
"""
# The log rows since the kept snapshot's oldest running transaction (by index, at most one past
# _most_logged), and each logged report's score now: NULL when it is gone or does not match.
_SINCE = f"""
    WITH q AS (SELECT plainto_tsquery('english', %s) AS tsq),
    logged AS (
        SELECT c.article_id FROM articles_search_change c
        WHERE c.xid >= %s::xid8 ORDER BY c.xid LIMIT %s
    )
    SELECT s.oldest, s.generation, s.prunes, s.complete, s.logged, w.id,
           CASE WHEN a.search_vector @@ q.tsq THEN ts_rank_cd(a.search_vector, q.tsq) END
    FROM (
        SELECT {_OLDEST} AS oldest, st.generation, st.prunes,
               st.prunes = %s OR st.complete_from <= %s::xid8 AS complete,
               (SELECT count(*) FROM logged) AS logged
        FROM articles_search_state st
    ) s
    CROSS JOIN q
    LEFT JOIN (SELECT DISTINCT article_id AS id FROM logged) w ON true
    LEFT JOIN articles_article a ON a.id = w.id
"""


@dataclass(frozen=True)
class Standing:
    generation: str  # the log's (migration 0018): another one means the log cannot say
    prunes: int  # how many prunes of the log had deleted rows, as the snapshot saw it
    oldest: int | None  # the oldest transaction running at the snapshot (xid8); None: not kept
    total: int  # how many reports matched
    best: tuple[tuple[int, float], ...]  # (id, score), best first
    matching: bytes  # every matching id, idsets.pack


def ranking(query: SearchQuery, *, limit: int) -> tuple[list[int], int]:
    """The ids of the best `limit` matches, best first (ts_rank_cd, newest first on a tie), and
    how many match: what a full ranking gives, from the kept ranking where there is one."""
    key = _key(query, limit)
    kept = cache.get(key)
    update = _brought_up_to_date(query, kept, limit) if isinstance(kept, Standing) else None
    if update is None:
        standing, keep = _ranked_afresh(query, limit), True
    else:
        standing, changed, logged = update
        # Most writes leave a search's results as they were: the kept entry then stays, and the
        # next search reads the same few log rows again, until there are enough to be worth a
        # write to the shared cache.
        keep = changed or logged > RESCORE_BEFORE_KEEPING
    if keep and standing.oldest is not None:
        cache.set(key, standing, KEEP_SECONDS)
    return [pk for pk, _ in standing.best], standing.total


def _key(query: SearchQuery, limit: int) -> str:
    return f"search-standing-logged:{query.digest()}:{limit}"


def _ranked_afresh(query: SearchQuery, limit: int) -> Standing:
    oldest, generation, prunes, ids, best_ids, best_scores = _fetch(_ALL, [query.plain_text(), limit])[0]
    best = tuple(zip(best_ids or [], best_scores or [], strict=True))
    matching = np.sort(idsets.from_int8send(ids))
    return Standing(generation, prunes, oldest, matching.size, best, idsets.pack(matching))


def _brought_up_to_date(query: SearchQuery, kept: Standing, limit: int) -> tuple[Standing, bool, int] | None:
    """The kept standing with the log rows since it applied, whether its results changed, and
    how many log rows it read; None when the log cannot bring it up to date."""
    rows = _fetch(_SINCE, [query.plain_text(), *_since_params(kept)])
    if not rows:
        return None  # no state row: the migration's table emptied by hand
    oldest, generation, prunes, complete, logged = rows[0][:5]
    if generation != kept.generation or not complete or logged > _most_logged(kept):
        return None
    now = {pk: score for *_, pk, score in rows if pk is not None}  # score None: not a match now
    best = dict(kept.best)
    if any(pk in now and (now[pk] is None or now[pk] < score) for pk, score in best.items()):
        return None  # a kept one fell: what ranked below the cut is unknown
    standing = Standing(generation, prunes, oldest, kept.total, kept.best, kept.matching)
    if not now:
        return standing, False, logged
    matching = idsets.unpack(kept.matching)
    logged_ids = np.fromiter(now, dtype=np.int64, count=len(now))
    was = set(logged_ids[idsets.present(matching, logged_ids)].tolist())
    is_ = {pk for pk, score in now.items() if score is not None}
    scored = {pk: now[pk] for pk in is_}
    merged = tuple(sorted((best | scored).items(), key=lambda pair: (-pair[1], -pair[0]))[:limit])
    if was == is_ and merged == kept.best:
        return standing, False, logged
    matching = idsets.changed(matching, sorted(was - is_), sorted(is_ - was))
    return Standing(generation, prunes, oldest, matching.size, merged, idsets.pack(matching)), True, logged


def _most_logged(kept: Standing) -> int:
    return MOST_LOGGED + kept.total // 2


def _since_params(kept: Standing) -> list[object]:
    """The log read's parameters: from the kept snapshot's point, at most one row past
    _most_logged; what the snapshot saw of pruning."""
    return [str(kept.oldest), _most_logged(kept) + 1, kept.prunes, str(kept.oldest)]


def _fetch(sql: str, params: list[object]) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()
