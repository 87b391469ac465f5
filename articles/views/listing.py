"""The filtered list pages' shared view: a FilterView that skips its FilterSet when unfiltered."""

from collections.abc import Callable

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.safestring import SafeString
from django_filters.views import FilterView

from ..browsing.fixedsql import count_of, fixed_rows, whole_count
from ..browsing.fragments import filter_form_key
from ..browsing.rows import joined, row_ids


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

    def rows(self, ids: list[tuple]) -> list[SafeString]:
        """The page's rendered rows, from the `row_columns` of its rows."""
        raise NotImplementedError

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

    def get_paginator(self, queryset: QuerySet, per_page: int, *args: object, **kwargs: object) -> Paginator:
        if not self.unfiltered:
            return super().get_paginator(queryset, per_page, *args, **kwargs)
        key = (type(self).__qualname__, "count")
        count = lambda: whole_count(key, lambda: count_of(queryset))  # noqa: E731
        return _CountedPaginator(queryset, per_page, *args, count=count, **kwargs)

    def _unfiltered_page_ids(self, page: Page) -> list[tuple]:
        """The page's rows through fixed SQL. The paginator ends the last page's slice at the
        count, which changes with every new report: the SQL takes the page's full size (the
        same rows, or more) and the rows are cut to the page here."""
        paginator = page.paginator
        if paginator.count == 0:
            return []
        start = paginator.per_page * (page.number - 1)
        end = start + paginator.per_page + paginator.orphans
        key = (type(self).__qualname__, "page", start, end)
        rows = fixed_rows(key, lambda: self.object_list.values_list(*self.row_columns)[start:end])
        return rows[: page.end_index() - page.start_index() + 1]

    def get_context_data(self, **kwargs: object) -> dict[str, object]:
        context = super().get_context_data(**kwargs)
        if self.unfiltered:
            ids = self._unfiltered_page_ids(context["page_obj"])
        else:
            ids = row_ids(context["object_list"], *self.row_columns)
        context["rows"] = joined(self.rows(ids))
        form = None if self.unfiltered else self.filterset.form
        context["filter_form_key"] = filter_form_key(self.get_filterset_class(), self.request.path, form)
        return context
