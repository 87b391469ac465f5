"""Spelling-insensitive keys for names, shared by grouping and comparison. Plain Python.

Outlets romanise, accent and hyphenate names differently ("Kim Yong-chol", "Kim Yong Chol",
"José Martínez" / "Jose Martinez"); both features must agree on when two spellings are one name.
"""

import re
import unicodedata
from functools import lru_cache

_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=65536)
def name_key(surface: str) -> str:
    """One key for every spelling variant of a name: "Kim Yong-Chol's" -> "kimyongchol"."""
    text = unicodedata.normalize("NFKD", surface)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.lower().replace("\u2019s", "").replace("'s", "")
    return _NOT_ALNUM.sub("", text)
