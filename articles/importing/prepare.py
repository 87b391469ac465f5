"""From a raw record to a validated, cleaned article ready to store (plain Python).

Checks each field, cleans the text, finds the outlet, and computes the word count and
the content hash. Anything wrong becomes an `ItemFailure` naming the field and reason.
"""

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from ..sanitize import sanitize_html
from .bylines import fit_byline
from .cleaning import PageCleaner, word_count
from .dates import DateError, day_in_url, parse_date_field, time_known
from .normalise import normalise_text, strip_controls
from .outlets import OutletMatcher
from .records import ItemFailure, RawRecord

MAX_URL_LENGTH = 2000
MAX_TITLE_LENGTH = 500
MAX_BYLINE_LENGTH = 300

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "‚": "'", "–": "-", "—": "-"})
_WHITESPACE = re.compile(r"\s+")
_BY = re.compile(r"^by\s+", re.IGNORECASE)
# Characters that make a URL read differently from where it goes: bidirectional overrides
# and isolates ("moc.elgoog" shown as "google.com"), zero-width characters.
_DECEPTIVE = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
_URL_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# The text fields of a record, normalised before anything reads them (`url` is refused,
# not repaired, when it holds control characters: see check_url).
_TEXT_FIELDS = ("title", "source", "published_at", "byline", "text", "html")
_BLOCK_END = re.compile(r"</(p|div|li|h[1-6]|blockquote|tr|figure|figcaption|pre)>|<br\s*/?>", re.IGNORECASE)


@dataclass
class PreparedArticle:
    label: str
    title: str
    source_name: str
    source_origin: str  # "record", "url", "text" or "uploader": where the outlet came from
    url: str | None
    published_at: datetime | None
    byline: str
    body_text: str
    body_html: str | None
    language: str
    word_count: int
    content_hash: str
    warnings: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    # False when the source gave the day alone (published_at is then that day's midnight UTC).
    published_time_known: bool = True


def normalise_for_hash(text: str) -> str:
    """The text as compared for duplicates: case, quotes, dashes and spacing do not count."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return " ".join(text.split())


def content_hash(text: str) -> str:
    return hashlib.sha256(normalise_for_hash(text).encode("utf-8")).hexdigest()


def check_url(url: str) -> str:
    """Return the URL if it is a usable http(s) address, else raise ValueError saying why."""
    if len(url) > MAX_URL_LENGTH:
        raise ValueError(f"the URL is {len(url):,} characters, over the limit of {MAX_URL_LENGTH:,}")
    if _URL_CONTROL.search(url):
        raise ValueError("the URL contains control characters")
    if _DECEPTIVE.search(url):
        raise ValueError("the URL contains invisible or right-to-left characters that disguise it")
    if _WHITESPACE.search(url):
        raise ValueError("the URL contains spaces")
    parts = urlsplit(url)
    if parts.scheme.lower() not in {"http", "https"}:
        raise ValueError(f"the URL must start with http:// or https:// (found {url[:40]!r})")
    if not parts.hostname:
        raise ValueError(f"the URL has no host name ({url[:60]!r})")
    if parts.username is not None or parts.password is not None:
        raise ValueError("the URL carries a user name or password (user:pass@); remove them")
    # "HTTPS://..." is valid; store the scheme in lower case as the database check expects.
    return parts.scheme.lower() + url[len(parts.scheme) :]


def html_to_text(html: str) -> str:
    import lxml.html

    if not html.strip():
        return ""
    marked = _BLOCK_END.sub(lambda m: m.group(0) + "\n\n", html)
    return lxml.html.fragment_fromstring(marked, create_parent="div").text_content()


def drop_blocks(html: str, texts: set[str]) -> str:
    """Remove the HTML blocks whose text the cleaner took out of the body (furniture, the
    headline), so that body_html and body_text tell the same story."""
    import lxml.html

    from .cleaning import normalise_whitespace

    fragment = lxml.html.fragment_fromstring(html, create_parent="div")
    wanted = {normalise_whitespace(t) for t in texts if t}
    for element in list(
        fragment.iter("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "blockquote")
    ):
        if normalise_whitespace(element.text_content()).strip() in wanted:
            element.drop_tree()
    inner = (fragment.text or "") + "".join(
        lxml.html.tostring(child, encoding="unicode") for child in fragment
    )
    return inner.strip()


def _strip_outlet_suffix(title: str, outlet: str) -> str:
    """ "Harbour bridge closed | Valley Gazette": an HTML <title> often carries the outlet."""
    if outlet:
        for separator in (" | ", " - ", " – ", " — "):
            suffix = separator + outlet
            if title.casefold().endswith(suffix.casefold()) and len(title) > len(suffix):
                return title[: -len(suffix)].strip()
    return title


def _normalised(raw: RawRecord) -> tuple[RawRecord, list[str]]:
    """The record with every text field repaired and stripped of control characters."""
    warnings: list[str] = []
    values: dict[str, str] = {}
    for name in _TEXT_FIELDS:
        values[name], found = normalise_text(getattr(raw, name), name)
        warnings.extend(found)
    return replace(raw, **values), warnings


def prepare_record(
    raw: RawRecord, *, cleaner: PageCleaner, outlets: OutletMatcher, default_source: str = ""
) -> PreparedArticle | ItemFailure:
    raw, repairs = _normalised(raw)
    default_source = strip_controls(default_source)
    warnings = list(raw.warnings) + repairs
    url = raw.url.strip() or None
    if url:
        try:
            url = check_url(url)
        except ValueError as error:
            return ItemFailure(raw.label, f"field url: {error}")
    published_at = None
    if raw.published_at.strip():
        try:
            published_at = parse_date_field(raw.published_at)
        except DateError as error:
            return ItemFailure(raw.label, f"field published_at: {error}")

    body_html = sanitize_html(raw.html) if raw.html.strip() else None
    text = raw.text if raw.text.strip() else html_to_text(body_html or "")
    if not text.strip():
        return ItemFailure(raw.label, "the article has no text")
    given_title = _strip_outlet_suffix(_WHITESPACE.sub(" ", raw.title).strip(), raw.source.strip())
    cleaned = cleaner.clean(text, title=given_title)
    if not cleaned.body:
        reason = "nothing but page furniture" if cleaned.removed else "no article text"
        return ItemFailure(raw.label, f"the article has no text left: {reason}")

    if body_html and cleaned.removed:
        body_html = drop_blocks(body_html, {*cleaned.removed, cleaned.title})
    title = given_title or cleaned.title
    if not given_title and cleaned.title_from_text:
        warnings.append("no headline found; the title was taken from the first sentence")
    if len(title) > MAX_TITLE_LENGTH:
        title = title[: MAX_TITLE_LENGTH - 1].rsplit(" ", 1)[0] + "…"
        warnings.append(f"the title was cut to {MAX_TITLE_LENGTH} characters")
    byline = _BY.sub("", _WHITESPACE.sub(" ", raw.byline).strip()) or cleaned.byline
    byline = fit_byline(byline, MAX_BYLINE_LENGTH, cleaner.rules)

    if raw.source.strip():
        source_name, origin = (
            outlets.by_name(raw.source) or _WHITESPACE.sub(" ", raw.source).strip(),
            "record",
        )
    elif url and (by_url := outlets.by_url(url)):
        source_name, origin = by_url, "url"
    elif cleaned.outlet:
        source_name, origin = cleaned.outlet, "text"
    elif default_source.strip():
        source_name, origin = outlets.by_name(default_source) or default_source.strip(), "uploader"
    else:
        return ItemFailure(
            raw.label,
            "no outlet: the item names none (no 'source' field, no outlet line in the text, "
            "no known URL) and no outlet was chosen for the import",
        )
    language = strip_controls(str(raw.extra.get("language") or "en"))[:12] or "en"
    published_at = published_at or cleaned.published_at
    if published_at is None and url and (day := day_in_url(url)):
        # Last resort, and said so: the day is the outlet's, the hour unknown.
        published_at = day
        warnings.append("no publication date given; the day was taken from the URL")
    return PreparedArticle(
        label=raw.label,
        title=title,
        source_name=source_name[:200],
        source_origin=origin,
        url=url,
        published_at=published_at,
        published_time_known=time_known(published_at),
        byline=byline,
        body_text=cleaned.body,
        body_html=body_html,
        language=language,
        word_count=word_count(cleaned.body),
        content_hash=content_hash(cleaned.body),
        warnings=warnings,
        extra=raw.extra,
    )
