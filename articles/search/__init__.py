"""Full-text search over report headlines and bodies, one interface over two engines.

SQLite uses the FTS5 table and PostgreSQL the GIN-indexed tsvector column that migration
0005_browsing creates; `backend()` picks the engine by the connection's vendor. Callers see only
`search_reports()` (ranked hits with safe highlighted snippets), `rank()` and `results_for()`
(the same in two steps, so that the page can key its results by the ranking) and
`matching_ids()` (a filter).
"""

from .query import SearchQuery, parse_query
from .service import Ranking, SearchHit, SearchResults, matching_ids, rank, results_for, search_reports

__all__ = [
    "Ranking",
    "SearchHit",
    "SearchQuery",
    "SearchResults",
    "matching_ids",
    "parse_query",
    "rank",
    "results_for",
    "search_reports",
]
