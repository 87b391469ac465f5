"""What "no live markup" means for a page, a feed's HTML field or a CSV cell, checked the way a
browser, a feed reader or a spreadsheet would read them."""

from html.parser import HTMLParser

# Elements our templates never emit with content we do not control.
# (<svg> is not here: the timeline is one; its handlers are caught as attributes.)
_FORBIDDEN_ELEMENTS = {"iframe", "object", "embed", "base", "frame"}
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "srcdoc", "xlink:href", "data"}


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self._in_inline_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in _FORBIDDEN_ELEMENTS:
            self.problems.append(f"<{tag}> element")
        if tag == "script" and not values.get("src") and values.get("type") != "application/json":
            self.problems.append("inline <script>")
        if tag == "img" and not (values.get("src") or "").startswith("/static/"):
            self.problems.append(f"<img src={values.get('src')!r}>")
        for name, value in attrs:
            lowered = (value or "").strip().lower()
            if name.startswith("on"):
                self.problems.append(f"event handler attribute {name}= on <{tag}>")
            if name in _URL_ATTRIBUTES and lowered.startswith(("javascript:", "data:text/html", "vbscript:")):
                self.problems.append(f"{name}={value!r} on <{tag}>")
            if name == "style" and "javascript" in lowered:
                self.problems.append(f"style={value!r} on <{tag}>")


def live_markup(html: str) -> list[str]:
    """Every way `html` would run or load something an attacker wrote; empty when safe."""
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return collector.problems


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
