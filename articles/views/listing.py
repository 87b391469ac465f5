"""The filtered list pages' shared view: a FilterView that skips its FilterSet when unfiltered."""

from django.http import HttpRequest, HttpResponse
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import SafeString
from django_filters.views import FilterView

from ..browsing.fragments import filter_form_key


class RowListView(FilterView):
    """A list page whose rows come from the row cache (browsing.rows) and whose filter form is
    kept by what it shows (fragments.filter_form_key).

    Most readers open a list with no filter at all (perhaps a page number). Such a request
    filters nothing, and its form shows no values and no errors, so neither the FilterSet nor
    its form is needed unless the form's fragment is missing from the cache: they are built
    lazily then. Building them (django-filter deep-copies every filter and form field per
    request) cost about a sixth of an uncached list page.
    """

    strict = True  # invalid filters show the form's errors over an empty list, not everything

    def rows(self, object_list: object) -> list[SafeString]:
        """The page's rendered rows, from its (filtered, ordered, sliced) queryset."""
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

    def get_context_data(self, **kwargs: object) -> dict[str, object]:
        context = super().get_context_data(**kwargs)
        context["rows"] = self.rows(context["object_list"])
        form = None if self.unfiltered else self.filterset.form
        context["filter_form_key"] = filter_form_key(self.get_filterset_class(), self.request.path, form)
        return context
