import django_filters

from .models import Article, Event, Source


class ArticleFilter(django_filters.FilterSet):
    source = django_filters.ModelChoiceFilter(
        field_name="source", queryset=Source.objects.order_by("name"), label="Outlet"
    )
    published_after = django_filters.DateFilter(
        field_name="published_at", lookup_expr="date__gte", label="From"
    )
    published_before = django_filters.DateFilter(
        field_name="published_at", lookup_expr="date__lte", label="To"
    )
    text = django_filters.CharFilter(field_name="body_text", lookup_expr="icontains", label="Text contains")

    class Meta:
        model = Article
        fields: list[str] = []


class EventFilter(django_filters.FilterSet):
    text = django_filters.CharFilter(field_name="title", lookup_expr="icontains", label="Title contains")

    class Meta:
        model = Event
        fields: list[str] = []
