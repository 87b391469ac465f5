"""Normalising names and words so that spelling variants compare equal."""

from functools import lru_cache

from ..spelling import name_key

__all__ = ["name_key", "name_tokens"]


@lru_cache(maxsize=65536)
def name_tokens(name: str) -> tuple[str, ...]:
    """The keys of a name's words, a hyphenated part kept with its word ("yongchol")."""
    return tuple(k for k in (name_key(w) for w in name.split()) if k)
