"""Template helpers for the reader pages."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from ..browsing.coverage import CoverageStrip

register = template.Library()


@register.simple_tag
def coverage_cells(coverage: CoverageStrip) -> SafeString:
    """The strip's cells, built in Python: a list page draws thousands of them, and a template
    loop over them was most of the page's rendering time."""
    return format_html_join(
        "",
        '<span class="cell{}" title="{}: {}"></span>',
        (
            (" on" if cell.reported else "", cell.name, "reported" if cell.reported else "no report")
            for cell in coverage.cells
        ),
    )


@register.simple_tag
def reporter_links(coverage: CoverageStrip) -> SafeString:
    if not coverage.reporters:
        return format_html("{}", "no outlet")
    return format_html_join(
        ", ", '<a href="{}">{}</a>', ((source.get_absolute_url(), source.name) for source in coverage.reporters)
    )
