"""Recognising outlets by name, alias or web domain. Plain Python: no database here.

The pipeline builds one `OutletMatcher` per import from the outlets already in the
database plus the bundled list of well-known outlets (rules/outlets.txt), so that an
outlet line such as "Bloomberg" or a URL on reuters.com resolves to one canonical name.
"""

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from .rules import known_outlets

_EDGE_PUNCT = re.compile(r"^[\s\"'“”‘’()\[\]|:;,.\-–—]+|[\s\"'“”‘’()\[\]|:;,.\-–—]+$")


def name_key(name: str) -> str:
    """Case-, punctuation- and leading-"The"-insensitive key for an outlet name."""
    key = _EDGE_PUNCT.sub("", name).casefold()
    key = re.sub(r"\s+", " ", key)
    return key[4:] if key.startswith("the ") else key


def url_domain(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


class OutletMatcher:
    """Maps names, aliases and domains to the canonical outlet name.

    Outlets in the database win: if the database has "BBC" and the bundled list knows
    "BBC News" with alias "BBC", both names resolve to "BBC".
    """

    def __init__(self, database_outlets: Iterable[tuple[str, str]] = ()) -> None:
        self._by_name: dict[str, str] = {}
        self._by_domain: dict[str, str] = {}
        self._domain_of: dict[str, str] = {}
        db = [(name, domain.lower().removeprefix("www.")) for name, domain in database_outlets]
        db_by_key = {name_key(name): name for name, _ in db}
        db_by_domain = {domain: name for name, domain in db if domain}
        for outlet in known_outlets():
            names = [outlet.name, *outlet.aliases]
            canonical = next((db_by_key[name_key(n)] for n in names if name_key(n) in db_by_key), None)
            if canonical is None:
                canonical = next((db_by_domain[d] for d in outlet.domains if d in db_by_domain), outlet.name)
            for n in names:
                self._by_name.setdefault(name_key(n), canonical)
            for domain in outlet.domains:
                self._by_domain.setdefault(domain, canonical)
            if outlet.domains:
                self._domain_of.setdefault(canonical, outlet.domains[0])
        # Database names and domains override the bundled ones.
        for name, domain in db:
            self._by_name[name_key(name)] = name
            if domain:
                self._by_domain[domain] = name
                self._domain_of[name] = domain

    def by_name(self, text: str) -> str | None:
        if len(text) > 80:
            return None
        return self._by_name.get(name_key(text))

    def by_url(self, url: str) -> str | None:
        domain = url_domain(url)
        while domain:
            if domain in self._by_domain:
                return self._by_domain[domain]
            _, _, domain = domain.partition(".")
            if "." not in domain:
                return None
        return None

    def domain_for(self, name: str) -> str:
        """The web domain we know for a canonical outlet name, or ""."""
        return self._domain_of.get(name, "")
