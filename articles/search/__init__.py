"""Full-text search over report headlines and bodies, one interface over two engines.

SQLite uses the FTS5 table and PostgreSQL the GIN-indexed tsvector column that migration
0005_browsing creates; `backend()` picks the engine by the connection's vendor. Callers see only
`search_reports()` (ranked hits with safe highlighted snippets) and `matching_ids()` (a filter).
"""

from .query import SearchQuery, parse_query
from .service import SearchHit, SearchResults, matching_ids, results_state, search_reports

__all__ = [
    "SearchHit",
    "SearchQuery",
    "SearchResults",
    "matching_ids",
    "parse_query",
    "results_state",
    "search_reports",
]
