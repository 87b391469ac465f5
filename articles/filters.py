"""FilterSets shared by the reader pages and the API, so both filter the same way.

Every filter names its field and lookup. Dates are whole days in the site's time zone, turned into
datetime bounds so the published_at indexes are used (a `__date` lookup would defeat them).
"""

import datetime as dt

import django_filters
from django import forms
from django.db.models import Exists, F, OuterRef, QuerySet
from django.http import HttpRequest
from django.urls import reverse_lazy
from django.utils import timezone

from .models import Article, Event, Source
from .paths import MAX_ID
from .search import parse_query
from .search.service import filter_matching


def _day_start(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


class DateInput(forms.DateInput):
    input_type = "date"


class DayRangeMixin:
    """`published_after` / `published_before` filters as whole days, both ends included."""

    def filter_from_day(self, queryset: QuerySet, name: str, value: dt.date) -> QuerySet:
        return queryset.filter(**{f"{name}__gte": _day_start(value)})

    def filter_to_day(self, queryset: QuerySet, name: str, value: dt.date) -> QuerySet:
        return queryset.filter(**{f"{name}__lt": _day_start(value + dt.timedelta(days=1))})


def _outlets(request: HttpRequest | None) -> QuerySet[Source]:
    return Source.objects.order_by("name").only("id", "name", "slug")


class OutletSearchInput(forms.TextInput):
    """The outlet filter as a text box (an outlet's slug), suggested from /sources/suggest.json
    as one types. A <select> of every outlet made /articles/ 1.4 MB with 8,550 outlets."""

    def __init__(self) -> None:
        super().__init__(
            attrs={
                "list": "outlet-suggestions",
                "autocomplete": "off",
                "placeholder": "Any outlet",
                "data-suggest-url": reverse_lazy("articles:source-suggestions"),
            }
        )


class ArticleFilter(DayRangeMixin, django_filters.FilterSet):
    text = django_filters.CharFilter(
        field_name="body_text", lookup_expr="search", method="filter_text", label="Words"
    )
    source = django_filters.ModelChoiceFilter(
        field_name="source",
        lookup_expr="exact",
        queryset=_outlets,
        to_field_name="slug",
        label="Outlet",
        empty_label="Any outlet",
        widget=OutletSearchInput,
    )
    event = django_filters.NumberFilter(
        field_name="event", lookup_expr="exact", label="Event number", min_value=1, max_value=MAX_ID
    )
    unassigned = django_filters.BooleanFilter(
        field_name="event",
        lookup_expr="isnull",
        widget=forms.CheckboxInput,
        method="filter_unassigned",
        label="Only reports not grouped yet",
    )
    published_after = django_filters.DateFilter(
        field_name="published_at", lookup_expr="gte", method="filter_from_day", label="From", widget=DateInput
    )
    published_before = django_filters.DateFilter(
        field_name="published_at", lookup_expr="lt", method="filter_to_day", label="To", widget=DateInput
    )

    class Meta:
        model = Article
        fields: list[str] = []

    def filter_text(self, queryset: QuerySet[Article], name: str, value: str) -> QuerySet[Article]:
        """Words in the headline or body, through the full-text index (all words must appear)."""
        query = parse_query(value)
        if query.is_empty:
            return queryset
        return filter_matching(queryset, query)

    def filter_unassigned(self, queryset: QuerySet[Article], name: str, value: bool) -> QuerySet[Article]:
        # An unticked checkbox means "any report", not "only grouped reports".
        return queryset.filter(event__isnull=True) if value else queryset


class EventFilter(DayRangeMixin, django_filters.FilterSet):
    text = django_filters.CharFilter(
        field_name="title", lookup_expr="icontains", label="Title contains", max_length=200
    )
    source = django_filters.ModelChoiceFilter(
        field_name="articles__source",
        lookup_expr="exact",
        queryset=_outlets,
        to_field_name="slug",
        method="filter_outlet",
        label="Reported by",
        empty_label="Any outlet",
        widget=OutletSearchInput,
    )
    min_outlets = django_filters.NumberFilter(
        field_name="source_count",
        lookup_expr="gte",
        label="Minimum number of outlets",
        min_value=1,
        max_value=MAX_ID,
    )
    # An event is in the range when any of its reports is: its span overlaps the days asked for.
    published_after = django_filters.DateFilter(
        field_name="last_published_at",
        lookup_expr="gte",
        method="filter_from_day",
        label="From",
        widget=DateInput,
    )
    published_before = django_filters.DateFilter(
        field_name="first_published_at",
        lookup_expr="lt",
        method="filter_to_day",
        label="To",
        widget=DateInput,
    )
    sort = django_filters.ChoiceFilter(
        field_name="last_published_at",
        lookup_expr="exact",
        choices=(("latest", "Latest activity"), ("covered", "Most outlets")),
        method="filter_sort",
        label="Sort by",
        empty_label=None,
    )

    class Meta:
        model = Event
        fields: list[str] = []

    def filter_outlet(self, queryset: QuerySet[Event], name: str, value: Source) -> QuerySet[Event]:
        # EXISTS rather than a join: no duplicate events, and the (event, source) index answers it.
        reported = Article.objects.filter(event=OuterRef("pk"), source=value)
        return queryset.filter(Exists(reported))

    def filter_sort(self, queryset: QuerySet[Event], name: str, value: str) -> QuerySet[Event]:
        if value == "covered":
            return queryset.order_by(
                F("source_count").desc(), F("article_count").desc(), F("last_published_at").desc(), "-id"
            )
        return queryset.latest_first()
