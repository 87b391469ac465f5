"""Safe highlighting: engines wrap matches in private-use markers; we escape, then mark."""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# Characters from Unicode's private use area: they never carry meaning in news text, and HTML
# escaping leaves them alone, so they survive escaping and can become <mark> afterwards.
START = "\ue000"
STOP = "\ue001"
_PAIR = re.compile(f"{START}([^{START}{STOP}]*){STOP}")


def marked_html(text: str) -> SafeString:
    """Escape the text and turn each START...STOP pair into <mark>; stray markers are dropped."""
    escaped = escape(text)
    highlighted = _PAIR.sub(r"<mark>\1</mark>", escaped)
    return mark_safe(highlighted.replace(START, "").replace(STOP, ""))
