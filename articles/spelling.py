"""Spelling-insensitive keys for names, shared by grouping and comparison. Plain Python.

Outlets romanise, accent and hyphenate names differently ("Kim Yong-chol", "Kim Yong Chol",
"José Martínez" / "Jose Martinez"); both features must agree on when two spellings are one name.
"""

import re
import unicodedata
from functools import lru_cache

_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
# Letters that Unicode does not decompose into a Latin letter and a mark, written without them
# in English copy ("Łódź" / "Lodz", "Søren" / "Soren", "Strauß" / "Strauss").
_UNMARKED = str.maketrans(
    {
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "Ð": "D",
        "ı": "i",  # noqa: RUF001 (the Turkish dotless i)
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "þ": "th",
        "Þ": "Th",
    }
)


@lru_cache(maxsize=65536)
def name_key(surface: str) -> str:
    """One key for every spelling variant of a name: "Kim Yong-Chol's" -> "kimyongchol"."""
    text = unicodedata.normalize("NFKD", surface.translate(_UNMARKED))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.lower().replace("\u2019s", "").replace("'s", "")
    return _NOT_ALNUM.sub("", text)
