"""The filtered list pages' shared view: a FilterView that skips its FilterSet when unfiltered,
cached by what an unfiltered page shows."""

from collections.abc import Callable, Mapping

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.safestring import SafeString
from django.views.decorators.http import require_safe
from django_filters.views import FilterView

from ..browsing.fixedsql import count_of, fixed_rows, whole_count
from ..browsing.fragments import filter_form_key
from ..browsing.pagecache import cached_page, scope_tokens
from ..browsing.rows import ShownRows, joined, row_ids


class _CountedPaginator(Paginator):
    """A paginator told its count instead of asking the queryset for it."""

    def __init__(self, *args: object, count: Callable[[], int], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self._count = count

    @cached_property
    def count(self) -> int:
        return self._count()


class RowListView(FilterView):
    """A list page whose rows come from the row cache (browsing.rows) and whose filter form is
    kept by what it shows (fragments.filter_form_key).

    Most readers open a list with no filter at all (perhaps a page number). Such a request
    filters nothing, and its form shows no values and no errors, so neither the FilterSet nor
    its form is needed unless the form's fragment is missing from the cache: they are built
    lazily then. Building them (django-filter deep-copies every filter and form field per
    request) cost about a sixth of an uncached list page. The unfiltered list's count and page
    of ids are queries whose SQL never changes, compiled once per process (fixedsql).
    """

    strict = True  # invalid filters show the form's errors over an empty list, not everything
    row_columns: tuple[str, ...] = ("id",)  # what `rows` takes of each row of the page

    def rows(self, ids: list[tuple], *, tokens: Mapping[str, str] | None = None) -> list[SafeString]:
        """The page's rendered rows, from the `row_columns` of its rows (`tokens`: their tokens
        as already read, see browsing.rows.ShownRows)."""
        raise NotImplementedError

    @classmethod
    def row_scopes(cls, ids: list[tuple]) -> list[str]:
        """The scopes of what the rows of `ids` show (browsing.rows.event_scopes...)."""
        raise NotImplementedError

    @classmethod
    def as_view(cls, **initkwargs: object) -> Callable[..., HttpResponse]:
        """The view, cached by what an unfiltered page shows (see shown); a filtered page by the
        site-wide token, as its rows come from a query compiled for its filter."""
        return require_safe(cached_page(super().as_view(**initkwargs), shows=cls.shown))

    @classmethod
    def shown(cls, request: HttpRequest) -> ShownRows | None:
        """What an unfiltered page shows: the list's count, the page's rows' ids and their tokens,
        read in that order (each at least as new as the one before). None for a filtered page
        or a page number that is not a plain number (the view answers those)."""
        if set(request.GET) - {"page"}:
            return None
        number = request.GET.get("page", "1")
        if not number.isdigit() or int(number) < 1:
            return None
        queryset = cls.queryset.all()
        count = whole_count((cls.__qualname__, "count"), lambda: count_of(queryset))
        ids = tuple(cls.page_ids(queryset, int(number), count))
        return ShownRows(count, ids, scope_tokens(cls.row_scopes(list(ids))))

    @classmethod
    def page_ids(cls, queryset: QuerySet, number: int, count: int) -> list[tuple]:
        """Page `number`'s rows of the unfiltered list through fixed SQL. The SQL takes the page's
        full size (its text must not depend on the count, which changes with every new report)
        and the rows are cut to the count here."""
        start = cls.paginate_by * (number - 1)
        if count <= start:
            return []
        end = start + cls.paginate_by
        key = (cls.__qualname__, "page", start, end)
        rows = fixed_rows(key, lambda: queryset.values_list(*cls.row_columns)[start:end])
        return rows[: count - start]

    def get(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        self.unfiltered = not (set(request.GET) - {"page"})
        if not self.unfiltered:
            return super().get(request, *args, **kwargs)
        filterset_class = self.get_filterset_class()
        self.filterset = SimpleLazyObject(lambda: self.get_filterset(filterset_class))
        self.object_list = self.get_queryset()
        return self.render_to_response(
            self.get_context_data(filter=self.filterset, object_list=self.object_list)
        )

    def _shown(self) -> ShownRows | None:
        """What the page cache read this page to show (cached_page's `shows`), or None when it
        is off: the page renders exactly that, so that what is stored under its key is what
        the key names."""
        shown = getattr(self.request, "page_version", None)
        return shown if isinstance(shown, ShownRows) else None

    def get_paginator(self, queryset: QuerySet, per_page: int, *args: object, **kwargs: object) -> Paginator:
        if not self.unfiltered:
            return super().get_paginator(queryset, per_page, *args, **kwargs)
        if (shown := self._shown()) is not None:
            return _CountedPaginator(queryset, per_page, *args, count=lambda: shown.count, **kwargs)
        key = (type(self).__qualname__, "count")
        count = lambda: whole_count(key, lambda: count_of(queryset))  # noqa: E731
        return _CountedPaginator(queryset, per_page, *args, count=count, **kwargs)

    def get_context_data(self, **kwargs: object) -> dict[str, object]:
        context = super().get_context_data(**kwargs)
        tokens = None
        if (shown := self._shown()) is not None:
            ids, tokens = list(shown.ids), shown.tokens
        elif self.unfiltered:
            page = context["page_obj"]
            ids = self.page_ids(self.object_list, page.number, page.paginator.count)
        else:
            ids = row_ids(context["object_list"], *self.row_columns)
        context["rows"] = joined(self.rows(ids, tokens=tokens))
        form = None if self.unfiltered else self.filterset.form
        context["filter_form_key"] = filter_form_key(self.get_filterset_class(), self.request.path, form)
        return context
