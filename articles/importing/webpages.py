"""Import by URL: fetch pages (safely, politely) and read them into raw records.

A page becomes a `RawRecord` the pipeline prepares like any uploaded HTML file: trafilatura
finds the headline, byline, date, main text and site name; the canonical URL comes from
<link rel="canonical"> or og:url, else the address the page was fetched from. Every failure
(refused address, 404, timeout, redirect loop, too large, not HTML, no article text) is an
`ItemFailure` for that URL alone, with its reason.

Reads its limits from Django settings (`policy_from_settings`); the fetching itself is in
`fetching` (plain Python).
"""

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from django.conf import settings

from .fetching import Fetched, FetchError, FetchPolicy, decode_page, fetch
from .formats import UNEXPECTED
from .outlets import url_domain
from .politeness import HostGate
from .prepare import check_url
from .records import ItemFailure, RawRecord

logger = logging.getLogger(__name__)
# Shared by every fetch in this process: one request at a time per host.
HOST_GATE = HostGate(lambda: settings.FETCH_HOST_DELAY_SECONDS)


def policy_from_settings() -> FetchPolicy:
    return FetchPolicy(
        timeout=settings.FETCH_TIMEOUT_SECONDS,
        max_bytes=settings.FETCH_MAX_BYTES,
        max_redirects=settings.FETCH_MAX_REDIRECTS,
        user_agent=settings.FETCH_USER_AGENT,
        allow_private=settings.FETCH_ALLOW_PRIVATE_ADDRESSES,
    )


@dataclass(frozen=True)
class EntryHints:
    """What a feed entry says about its page, used where the page itself is silent (title,
    date), and the outlet the feed belongs to (which wins over the page's site name)."""

    title: str = ""
    published_at: str = ""
    outlet: str = ""


def parse_url_lines(text: str) -> list[str]:
    """URLs one a line; blank lines and lines starting with # are skipped, repeats dropped."""
    urls: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#") and line not in urls:
            urls.append(line)
    return urls


def read_urls(urls: Iterable[str], *, policy: FetchPolicy | None = None) -> Iterator[RawRecord | ItemFailure]:
    """One item per URL, in order; more than FETCH_MAX_URLS are refused by name, unfetched."""
    policy = policy or policy_from_settings()
    for number, url in enumerate(urls, start=1):
        if number > settings.FETCH_MAX_URLS:
            yield ItemFailure(url, f"not fetched: at most {settings.FETCH_MAX_URLS} URLs per import")
            continue
        yield read_url(url, policy=policy)


def read_url(url: str, *, policy: FetchPolicy, hints: EntryHints | None = None) -> RawRecord | ItemFailure:
    try:
        with HOST_GATE.turn(url):
            fetched = fetch(url, policy)
        return page_record(fetched, label=url, hints=hints)
    except FetchError as error:
        return ItemFailure(url, str(error))
    except Exception:
        # The item boundary: one URL's surprise fails that URL, not the import.
        logger.exception("Fetching %s failed unexpectedly", url)
        return ItemFailure(url, UNEXPECTED)


def page_record(fetched: Fetched, *, label: str, hints: EntryHints | None = None) -> RawRecord | ItemFailure:
    import trafilatura  # heavy import, only needed for HTML

    hints = hints or EntryHints()
    markup = decode_page(fetched)
    document = trafilatura.bare_extraction(
        markup, url=fetched.url, with_metadata=True, include_comments=False
    )
    if document is None or not (document.text or "").strip():
        return ItemFailure(label, "no article text found on this page")
    html = trafilatura.extract(
        markup, url=fetched.url, output_format="html", include_comments=False, include_formatting=True
    )
    return RawRecord(
        label=label,
        kind="record",
        title=document.title or hints.title,
        source=hints.outlet or _site_name(document.sitename or "", fetched.url),
        url=canonical_url(markup, fetched.url),
        published_at=document.date or hints.published_at,
        byline=document.author or "",
        text=document.text,
        html=html or "",
    )


def _site_name(sitename: str, url: str) -> str:
    """The page's own site name; trafilatura falls back to the host name when the page has
    none, and a host name is not an outlet name (the URL's domain is matched separately)."""
    host = urlsplit(url).netloc.lower()
    if sitename.strip().lower() in {host, url_domain(url), host.removeprefix("www.")}:
        return ""
    return sitename.strip()


def canonical_url(markup: str, fetched_url: str) -> str:
    """<link rel="canonical">, else og:url, else the fetched address; relative links are
    resolved against the page, and anything not a plain http(s) URL is ignored."""
    import lxml.html

    try:
        tree = lxml.html.document_fromstring(markup)
    except Exception:  # lxml raises several types for broken pages; the fetched URL will do
        return fetched_url
    candidates = [
        *tree.xpath("//link[translate(@rel,'CANONICAL','canonical')='canonical']/@href"),
        *tree.xpath("//meta[@property='og:url']/@content"),
    ]
    for candidate in candidates:
        try:
            return check_url(urljoin(fetched_url, str(candidate).strip()))
        except ValueError:
            continue
    return fetched_url
