"""Fetching one web page or feed safely (plain Python over httpx; no Django here).

Every hop of a redirect chain is checked again: only http and https, and, unless the
policy allows it, no host that resolves to a private, loopback, link-local or otherwise
non-public address (a URL typed into the admin must not reach the machine's own services
or a cloud metadata endpoint). The body is read as a stream and refused as soon as it
passes the size limit; a total deadline stops a server that trickles bytes just fast
enough to dodge the read timeout.

Known limit: the address check resolves the host name itself, and httpx resolves it again
to connect; a name whose DNS answer changes between the two (DNS rebinding) is not caught.

Every refusal is a `FetchError` whose message says, in words staff can act on, why.
"""

import ipaddress
import re
import socket
import time
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import httpx

from .decoding import decode_bytes
from .prepare import check_url
from .records import InputError

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
        "application/x-rss+xml",
        "text/plain",  # some servers send feeds as plain text; the parser decides
    }
)
REDIRECTS = {301, 302, 303, 307, 308}
# Legacy labels browsers read as Windows-1252 (WHATWG Encoding): pages declaring Latin-1 are
# nearly always Windows-1252 with curly quotes in the 0x80-0x9F range.
_AS_WINDOWS_1252 = {"iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii", "l1"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


@dataclass(frozen=True)
class FetchPolicy:
    timeout: float
    max_bytes: int
    max_redirects: int
    user_agent: str
    allow_private: bool = False


@dataclass
class Fetched:
    url: str  # the final URL, after redirects
    status: int
    headers: Mapping[str, str]
    body: bytes

    @property
    def media_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def header_charset(self) -> str:
        match = re.search(
            r"charset\s*=\s*\"?([^\";\s]+)", self.headers.get("content-type", ""), re.IGNORECASE
        )
        return match.group(1).lower() if match else ""


class FetchError(Exception):
    """A fetch refused or failed; `str()` says why. `retry_after` (seconds) is set when the
    server asked us to come back later (429, 503)."""

    def __init__(self, reason: str, *, status: int | None = None, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.status = status
        self.retry_after = retry_after


def check_address(url: str, *, allow_private: bool) -> None:
    """Refuse a URL that is not http(s) or whose host resolves to a non-public address."""
    try:
        check_url(url)
    except ValueError as error:
        raise FetchError(str(error)) from None
    if allow_private:
        return
    parts = urlsplit(url)
    host = parts.hostname or ""
    try:
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    except ValueError:
        raise FetchError(f"the URL has an invalid port ({url[:80]!r})") from None
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise FetchError(f"the host name {host!r} does not resolve") from None
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
            address = address.ipv4_mapped
        if not address.is_global or address.is_multicast:
            raise FetchError(
                f"refused: {host} is a private, loopback or link-local address ({address}); "
                "set FETCH_ALLOW_PRIVATE_ADDRESSES=true to allow such addresses"
            )


def retry_after_seconds(value: str | None, *, now: float | None = None) -> float | None:
    """Retry-After as seconds from now: either a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def size_text(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{n / 1024:.0f} KB"


def fetch(
    url: str,
    policy: FetchPolicy,
    *,
    accept: Collection[str] = HTML_TYPES,
    headers: Mapping[str, str] | None = None,
    client: httpx.Client | None = None,
) -> Fetched:
    """GET `url`, following at most policy.max_redirects redirects, each checked again.

    Returns 2xx answers and 304 (for conditional requests); anything else, and a 2xx whose
    content type is not in `accept`, raises FetchError saying why.
    """
    own = client is None
    # trust_env=False: a proxy from the environment would take the request past our checks.
    client = client or httpx.Client(timeout=policy.timeout, trust_env=False, follow_redirects=False)
    deadline = time.monotonic() + policy.timeout * 3
    seen: list[str] = []
    try:
        while True:
            check_address(url, allow_private=policy.allow_private)
            seen.append(url)
            result = _get_one(url, policy, accept, headers, client, deadline)
            if isinstance(result, Fetched):
                return result
            target = urljoin(url, result)
            if target in seen:
                raise FetchError(f"redirect loop: {target} redirects back to itself after {len(seen)} hops")
            if len(seen) > policy.max_redirects:
                raise FetchError(f"too many redirects (more than {policy.max_redirects})")
            url = target
    finally:
        if own:
            client.close()


def _get_one(
    url: str,
    policy: FetchPolicy,
    accept: Collection[str],
    headers: Mapping[str, str] | None,
    client: httpx.Client,
    deadline: float,
) -> Fetched | str:
    """One request: a Fetched answer, or the Location of a redirect."""
    request_headers = {"User-Agent": policy.user_agent, "Accept": ", ".join(sorted(accept)) + ", */*;q=0.1"}
    request_headers.update(headers or {})
    host = urlsplit(url).hostname
    try:
        with client.stream("GET", url, headers=request_headers) as response:
            status = response.status_code
            if status in REDIRECTS:
                location = response.headers.get("location")
                if not location:
                    raise FetchError(f"the server answered {status} (a redirect) without saying where to")
                return location
            if status in (429, 503):
                wait = retry_after_seconds(response.headers.get("retry-after"))
                later = f"; it asks us to wait {wait:.0f} seconds" if wait is not None else ""
                raise FetchError(
                    f"the server answered {status} {response.reason_phrase} (busy or rate-limited){later}",
                    status=status,
                    retry_after=wait,
                )
            if status == 304:
                return Fetched(url=url, status=status, headers=dict(response.headers), body=b"")
            if not 200 <= status < 300:
                raise FetchError(f"the server answered {status} {response.reason_phrase}", status=status)
            fetched = Fetched(url=url, status=status, headers=dict(response.headers), body=b"")
            if fetched.media_type and fetched.media_type not in accept:
                kind = "an HTML page" if accept == HTML_TYPES else "a feed"
                raise FetchError(f"not {kind} (the server says it is {fetched.media_type})", status=status)
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > policy.max_bytes:
                raise FetchError(
                    f"too large: {size_text(int(declared))}, over the limit of {size_text(policy.max_bytes)}",
                    status=status,
                )
            chunks: list[bytes] = []
            received = 0
            for chunk in response.iter_bytes():
                received += len(chunk)
                if received > policy.max_bytes:
                    raise FetchError(
                        f"too large: over the limit of {size_text(policy.max_bytes)}", status=status
                    )
                if time.monotonic() > deadline:
                    raise FetchError(
                        f"too slow: the page did not arrive within {policy.timeout * 3:g} seconds",
                        status=status,
                    )
                chunks.append(chunk)
            fetched.body = b"".join(chunks)
            return fetched
    except httpx.TimeoutException:
        raise FetchError(f"timed out: {host} did not answer within {policy.timeout:g} seconds") from None
    except httpx.ConnectError as error:
        raise FetchError(f"could not connect to {host} ({error})") from None
    except httpx.HTTPError as error:
        raise FetchError(f"the fetch failed ({type(error).__name__}: {error})") from None


def decode_page(fetched: Fetched) -> str:
    """The page as text: the charset of the Content-Type header, else the page's own
    <meta charset>, else detection (BOM, UTF-8, then charset-normalizer)."""
    declared = [fetched.header_charset]
    match = _META_CHARSET.search(fetched.body[:4096])
    if match:
        declared.append(match.group(1).decode("ascii", "replace").lower())
    for charset in filter(None, declared):
        charset = "cp1252" if charset in _AS_WINDOWS_1252 else charset
        try:
            return fetched.body.decode(charset)
        except (LookupError, UnicodeDecodeError):
            continue
    try:
        return decode_bytes(fetched.body, fetched.url)
    except InputError as error:
        raise FetchError(str(error).removeprefix(f"{fetched.url}: ")) from None
