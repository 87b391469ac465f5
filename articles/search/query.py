"""Turning what a reader typed into search terms both engines accept. Plain Python."""

import hashlib
import re
from dataclasses import dataclass

# Words only: FTS5 and tsquery operators ( " * : ^ - OR NEAR ( ) ) never reach the engine as syntax.
_WORD = re.compile(r"\w+", re.UNICODE)
MAX_TERMS = 12
MAX_TERM_LENGTH = 60
MAX_QUERY_LENGTH = 500


@dataclass(frozen=True)
class SearchQuery:
    raw: str
    terms: tuple[str, ...]

    @property
    def is_empty(self) -> bool:
        return not self.terms

    def fts5_expression(self) -> str:
        """Every term as a quoted FTS5 string, all required (implicit AND)."""
        return " ".join(f'"{term}"' for term in self.terms)

    def plain_text(self) -> str:
        """The terms for PostgreSQL's plainto_tsquery, which ANDs them."""
        return " ".join(self.terms)

    def digest(self) -> str:
        """The terms as a short fixed-length string, for cache keys (a query may be long)."""
        return hashlib.sha256(self.plain_text().encode()).hexdigest()[:32]


def parse_query(raw: str | None) -> SearchQuery:
    text = (raw or "").strip()[:MAX_QUERY_LENGTH]
    terms: list[str] = []
    for word in _WORD.findall(text):
        word = word.lower()[:MAX_TERM_LENGTH]
        if word.strip("_") and word not in terms:
            terms.append(word)
    return SearchQuery(raw=text, terms=tuple(terms[:MAX_TERMS]))
