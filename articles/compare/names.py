"""Normalising names and words so that spelling variants compare equal."""

import re
import unicodedata
from functools import lru_cache

_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """One key for every spelling of a name: "Kim Yong-chol", "Kim Yong Chol", "kim yong-Chol"."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return _NOT_ALNUM.sub("", folded)


@lru_cache(maxsize=65536)
def name_tokens(name: str) -> tuple[str, ...]:
    """The keys of a name's words, a hyphenated part kept with its word ("yongchol")."""
    return tuple(k for k in (name_key(w) for w in name.split()) if k)
