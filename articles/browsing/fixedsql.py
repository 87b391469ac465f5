"""Queries whose SQL is the same on every request, compiled by the ORM once per process.

An uncached list page runs two or three queries whose text never changes: the home page's
latest events and reports not yet grouped, an unfiltered list's count and its page of ids. The
database answers each in a few hundredths of a millisecond, but building and compiling them
through the ORM (the latest-first ordering's expressions above all) cost a third of the page.
Each is still written as an ORM queryset, compiled on first use and then run as that SQL.
"""

import hashlib
from collections.abc import Callable, Hashable

from django.conf import settings
from django.core.cache import caches
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Func, IntegerField, QuerySet

from .pagecache import content_version, read_rows

# Keys are named by the code (a page and its page number), so this stays small; the bound only
# guards against a crawler walking every page number of a long list.
MAX_STATEMENTS = 2000
_statements: dict[Hashable, tuple[str, str, tuple]] = {}


def fixed_rows(key: Hashable, build: Callable[[], QuerySet]) -> list[tuple]:
    """The rows of `build()`, a values_list() queryset whose SQL and parameters depend on `key`
    alone (no values from the request, no time of day) and whose columns need no conversion
    from what the driver returns (ids, counts)."""
    statement = _statements.get(key)
    if statement is None:
        queryset = build()
        sql, params = queryset.query.get_compiler(using=queryset.db).as_sql()
        if len(_statements) >= MAX_STATEMENTS:
            _statements.clear()
        statement = _statements[key] = (queryset.db, sql, tuple(params))
    alias, sql, params = statement
    if alias == DEFAULT_DB_ALIAS and "%%" not in sql:
        # On a SQLite file, through the thread's long-lived reader (pagecache.read_rows): a list
        # page whose rows are cached then never opens Django's connection, which costs about
        # half a millisecond a request there (CONN_MAX_AGE=0), as much as the page's queries.
        return read_rows(sql, params)
    with connections[alias].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def count_of(queryset: QuerySet) -> QuerySet:
    """`queryset.count()` as a values_list() queryset, for fixed_rows, for a queryset with no
    joins and no DISTINCT. COUNT through Func rather than the Count aggregate, which would
    group by every column of the model; COUNT(*), as count() writes it, which SQLite answers
    from its smallest index where COUNT(id) read every row (0.2 ms at 5,000 reports)."""
    return queryset.order_by().values_list(Func(template="COUNT(*)", output_field=IntegerField()))


def whole_count(key: Hashable, build: Callable[[], QuerySet]) -> int:
    """The count of `build()` (a count_of queryset over a whole table of reports, events or
    outlets: no filter), kept in the cache under the site-wide token, which every write to those
    tables changes; so it is counted again only after a write. COUNT(*) reads an entry of the
    index for every row: at 100,000 reports on PostgreSQL it held the uncached article list and
    the API's list at 0.07 of the minimal view. The token is read first: a count read after it
    is at least as new as the state it names."""
    seconds = settings.BROWSE_FRAGMENT_CACHE_SECONDS
    if not seconds:
        return fixed_rows(key, build)[0][0]
    cache = caches[settings.BROWSE_PAGE_CACHE]
    named = hashlib.sha256(repr(key).encode()).hexdigest()[:32]
    cache_key = f"count:{named}:{content_version()}"
    count = cache.get(cache_key)
    if count is None:
        count = fixed_rows(key, build)[0][0]
        cache.set(cache_key, count, seconds)
    return count
