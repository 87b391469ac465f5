"""Paths of the reader pages, built without running reverse() for every link.

A list page links to hundreds of reports, events and outlets, and reverse() costs about 25 µs a
call (it walks the resolver and quotes every argument): a sixth of the home page's render time
at 100,000 reports. Each route is reversed once per URLconf and script prefix, with a
placeholder; a link is then the placeholder's surroundings joined around the value.
"""

import functools
import re

from django.urls import get_script_prefix, get_urlconf, reverse

# The largest id either database stores (a signed 64-bit integer). SQLite raises OverflowError
# on a larger one in some lookups (in_bulk) where PostgreSQL simply finds nothing.
MAX_ID = 2**63 - 1


def is_db_id(value: int) -> bool:
    """Whether `value` could be a row's id; anything else is a row that does not exist."""
    return 1 <= value <= MAX_ID


class DbIdConverter:
    """`<id:pk>`: a positive whole number a database can hold; larger ones match no route (404)."""

    regex = "[0-9]{1,20}"

    def to_python(self, value: str) -> int:
        number = int(value)
        if not is_db_id(number):
            raise ValueError(value)  # Django treats this as "no match"
        return number

    def to_url(self, value: int) -> str:
        return str(value)


# Accepted by both the <int:> and the <slug:> converters, and not part of any route's fixed text.
_PLACEHOLDER = "9081726354"
# Values that need no quoting and that reverse() would accept for a <slug:> argument.
_PLAIN_SLUG = re.compile(r"[-a-zA-Z0-9_]+")


@functools.cache
def _around(name: str, kwarg: str, urlconf: str | None, prefix: str) -> tuple[str, str]:
    head, _, tail = reverse(name, urlconf=urlconf, kwargs={kwarg: _PLACEHOLDER}).rpartition(_PLACEHOLDER)
    return head, tail


@functools.cache
def _fixed(name: str, urlconf: str | None, prefix: str) -> str:
    return reverse(name, urlconf=urlconf)


def path_of(name: str) -> str:
    """The same string as reverse(name) for a route without arguments: every page's header
    links to five of them, and {% url %} reversed each on every render."""
    return _fixed(name, get_urlconf(), get_script_prefix())


def path_for(name: str, kwarg: str, value: int | str) -> str:
    """The same string as reverse(name, kwargs={kwarg: value}) for a route with one argument."""
    if isinstance(value, str) and not _PLAIN_SLUG.fullmatch(value):
        return reverse(name, kwargs={kwarg: value})  # let reverse() quote or refuse it
    head, tail = _around(name, kwarg, get_urlconf(), get_script_prefix())
    return f"{head}{value}{tail}"
