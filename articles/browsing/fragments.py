"""Rendered list rows (event rows, report rows) kept in the cache, keyed by what each row shows.

The page cache (pagecache.py) is keyed by the database's content version, so on a site that
imports every few seconds most requests render the page afresh. Most of a list page's rows have
not changed, though: a row is stored under a digest of exactly the values it shows (title,
counts, dates, outlet names, which outlets reported the event, the time zone), so it is reused
until one of those values changes, and a changed value makes a new key at once. Nothing is ever
invalidated, and nothing stale can be served. One `get_many` per page: on Redis, one round trip,
and none for the rows this process holds copies of (processcopy).
"""

import hashlib
from collections.abc import Callable, Hashable, Sequence

from django import forms
from django.conf import settings
from django.core.cache import caches
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django_filters import FilterSet

from . import processcopy

# Bump when a row's markup changes, so that rows rendered by the old code are not reused.
ROW_MARKUP_VERSION = 1


def fragment_key(kind: str, shown: Hashable, *, zone: str | None = None) -> str:
    """`zone`: the current time zone's name, when the caller has it already (one per page)."""
    zone = zone or timezone.get_current_timezone_name()
    digest = hashlib.sha256(repr((shown, zone)).encode()).hexdigest()
    return f"row:{kind}:{ROW_MARKUP_VERSION}:{digest[:40]}"


def cached_rows[T](
    items: Sequence[T],
    *,
    kind: str,
    shown: Callable[[T], Hashable],
    render: Callable[[list[T]], list[SafeString | None]],
) -> list[SafeString]:
    """Each item's row: from the cache where its shown values were rendered before, else
    rendered now, all misses in one call to `render` (and stored). `shown(item)` must name
    every value the row displays. `render` answers None for an item that is gone (deleted
    since the list was read): it is left out, and nothing is stored for it."""
    seconds = settings.BROWSE_FRAGMENT_CACHE_SECONDS
    if not seconds:
        return [row for row in render(list(items)) if row is not None]
    cache = caches[settings.BROWSE_PAGE_CACHE]
    zone = timezone.get_current_timezone_name()
    keys = [fragment_key(kind, shown(item), zone=zone) for item in items]
    found: dict[str, str] = processcopy.get_many(cache, keys)  # type: ignore[assignment]
    missed = [(item, key) for item, key in zip(items, keys, strict=True) if key not in found]
    if missed:
        fresh = render([item for item, _ in missed])
        rendered = {key: str(html) for (_, key), html in zip(missed, fresh, strict=True) if html is not None}
        processcopy.put_many(cache, rendered, seconds)
        found |= rendered
    # Markup built by the row renderers with format_html, stored as such. SafeString rather
    # than mark_safe, whose check for lazy strings cost more than the rest of a cached row.
    return [SafeString(found[key]) for key in keys if key in found]


def cached_fragment(kind: str, state: str, render: Callable[[], str]) -> SafeString:
    """A part of a page kept under `state`, a string naming everything the part shows (a page
    version, see pagecache.scope_versions): from the cache, else rendered now and stored."""
    seconds = settings.BROWSE_FRAGMENT_CACHE_SECONDS
    if not seconds:
        return mark_safe(render())  # markup rendered by Django's templates
    cache = caches[settings.BROWSE_PAGE_CACHE]
    key = fragment_key(kind, state)
    html = processcopy.get(cache, key)
    if html is None:
        html = str(render())
        processcopy.put(cache, key, html, seconds)
    return mark_safe(html)


def filter_form_key(filterset_class: type[FilterSet], path: str, form: forms.Form | None) -> str:
    """The key of a list page's rendered filter form: it shows the submitted values and their
    errors, and nothing from the database beyond those errors (an unknown outlet, say), so the
    form's class, the page's path, the values and the errors name all it shows. `form` None:
    no filter was given (views.listing.RowListView), so no values and no errors. Rendering it
    through Django's form templates cost more than the rest of the events list."""
    values, errors = [], {}
    if form is not None:
        values = sorted((name, tuple(form.data.getlist(name))) for name in form.data if name != "page")
        errors = form.errors.get_json_data()
    shown = (filterset_class.__qualname__, path, values, errors)
    return fragment_key("filter-form", shown)
