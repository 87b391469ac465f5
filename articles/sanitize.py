"""The one place where untrusted HTML becomes HTML we are willing to show.

Every stored `body_html` passes through `sanitize_html`. The allow-list lives here
and nowhere else, so switching the engine (bleach -> nh3) is a change to this file only.
Plain text that leaves the site in a field readers take as HTML (an Atom `<summary
type="html">`: feed readers do not apply our CSP) goes through `text_as_html`.
"""

import html as html_lib
import re

import bleach

ALLOWED_TAGS: frozenset[str] = frozenset(
    {
        "a",
        "abbr",
        "b",
        "blockquote",
        "br",
        "caption",
        "cite",
        "code",
        "dd",
        "del",
        "dl",
        "dt",
        "em",
        "figcaption",
        "figure",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "i",
        "ins",
        "li",
        "ol",
        "p",
        "pre",
        "q",
        "s",
        "small",
        "strong",
        "sub",
        "sup",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "u",
        "ul",
    }
)
ALLOWED_ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"href", "title"}),
    "abbr": frozenset({"title"}),
    "blockquote": frozenset({"cite"}),
    "q": frozenset({"cite"}),
    "td": frozenset({"colspan", "rowspan"}),
    "th": frozenset({"colspan", "rowspan", "scope"}),
}
ALLOWED_PROTOCOLS: frozenset[str] = frozenset({"http", "https", "mailto"})

# Content of these elements is dropped entirely, not kept as escaped text.
_DROP_WITH_CONTENT = ("script", "style", "noscript", "template", "iframe", "object", "svg", "math")

_cleaner = bleach.sanitizer.Cleaner(
    tags=ALLOWED_TAGS,
    attributes={tag: list(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()},
    protocols=ALLOWED_PROTOCOLS,
    strip=True,
    strip_comments=True,
)


# C0 controls (but tab, newline, carriage return) are not allowed in XML, so lxml refuses
# a fragment that holds one; they carry nothing a reader could see.
_XML_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _drop_dangerous_elements(html: str) -> str:
    """bleach with strip=True keeps the text inside <script>; remove those elements whole."""
    import lxml.html  # lxml comes with trafilatura; imported here to keep the module light

    if not html.strip():
        return ""
    fragment = lxml.html.fragment_fromstring(_XML_FORBIDDEN.sub("", html), create_parent="div")
    for element in fragment.iter(*_DROP_WITH_CONTENT):
        element.drop_tree()
    return "".join(
        [_escape_text(fragment.text)] + [lxml.html.tostring(child, encoding="unicode") for child in fragment]
    )


def _escape_text(text: str | None) -> str:
    if not text:
        return ""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def sanitize_html(html: str) -> str:
    """Return `html` reduced to the allow-list: no scripts, styles, event handlers or unsafe URLs."""
    return _cleaner.clean(_drop_dangerous_elements(html)).strip()


def text_as_html(text: str) -> str:
    """Plain text for a field that is read as HTML: every markup character escaped, so a
    byline of `<img onerror=...>` is shown as those characters, never run."""
    return html_lib.escape(text, quote=True)
