"""Queries whose SQL is the same on every request, compiled by the ORM once per process.

An uncached list page runs two or three queries whose text never changes: the home page's
latest events and reports not yet grouped, an unfiltered list's count and its page of ids. The
database answers each in a few hundredths of a millisecond, but building and compiling them
through the ORM (the latest-first ordering's expressions above all) cost a third of the page.
Each is still written as an ORM queryset, compiled on first use and then run as that SQL.
"""

from collections.abc import Callable, Hashable

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Func, IntegerField, QuerySet

from .pagecache import read_rows

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
