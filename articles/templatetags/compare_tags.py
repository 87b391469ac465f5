"""Template helpers for the comparison partials, so that they work wherever they are included."""

from django import template

from ..comparisons import event_fact_table as build_fact_table
from ..models import Article, Event

register = template.Library()

MAX_OTHER_REPORTS = 50


@register.simple_tag
def other_reports(article: Article) -> list[Article]:
    """The other reports of the article's event (one query), for "compare with another report"."""
    if not article.event_id:
        return []
    return list(
        Article.objects.filter(event_id=article.event_id)
        .exclude(pk=article.pk)
        .select_related("source")
        .only("pk", "title", "published_at", "source__name")
        .order_by("source__name", "published_at", "pk")[:MAX_OTHER_REPORTS]
    )


@register.simple_tag
def event_fact_table(event: Event) -> dict:
    """The event's fact table, for pages that include _fact_table.html without building it."""
    return build_fact_table(event)


@register.filter
def column_outlet(fact_table: dict, column: int) -> str:
    return fact_table["reports"][column]["outlet"]


@register.filter
def figures_differ(claim: dict, column: int) -> str:
    """The figures a report's sentence gives where they disagree with the claim's ("17 people"),
    or "" (tables cached before this was read have no "differs")."""
    differs = claim.get("differs") or []
    return ", ".join(differs[column] or []) if column < len(differs) else ""
