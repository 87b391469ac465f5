"""Template helpers for the reader pages."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from ..browsing.coverage import CoverageStrip

register = template.Library()
# Filled and hollow rectangles: the difference is in the shape, not only the colour.
REPORTED = "\u25ae"
NOT_REPORTED = "\u25af"


@register.simple_tag
def coverage_cells(coverage: CoverageStrip) -> SafeString:
    """The strip as one glyph per outlet, in the outlets' name order. Built in Python and kept to
    a few bytes: list pages draw thousands of cells, and a template loop with an element per cell
    was most of the page's rendering time and size. The strip is aria-hidden: the sentence beside
    it names the reporters."""
    return mark_safe("".join(REPORTED if cell.reported else NOT_REPORTED for cell in coverage.cells))


@register.simple_tag
def reporter_links(coverage: CoverageStrip) -> SafeString:
    if not coverage.reporters:
        return format_html("{}", "no outlet")
    return mark_safe(", ".join(coverage.links))  # each link is built by format_html
