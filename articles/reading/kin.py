"""Relatives and honorifics around a name: they say it is someone's, and whether "he" or "she"
points back to it."""

from .identity import POSSESSIVE

# Relatives whose word says their sex ("whose son Tavita"): as telling as "Mr" for "he" or "she".
_KIN_SEX = {
    "son": "mr",
    "brother": "mr",
    "husband": "mr",
    "father": "mr",
    "widower": "mr",
    "daughter": "ms",
    "sister": "ms",
    "wife": "ms",
    "mother": "ms",
    "widow": "ms",
}

KIN = frozenset(_KIN_SEX) | {"family", "parents"}

# What a family calls a relative, written before the name as a title is ("Grandad Bent
# Mikkelsen, 78,"): who the person is to someone, not part of the name. Not "nan" or "gran",
# which are also given names and surnames.
RELATIVE_WORDS = frozenset(
    "grandad granddad grandpa grandma granny grandmother grandfather mum mom dad uncle aunt auntie aunty".split()
)

OWNERS = frozenset("his her their whose my our your".split())

HONORIFICS = {
    "mr": "mr",
    "mrs": "ms",
    "ms": "ms",
    "miss": "ms",
    "sir": "mr",
    "dame": "ms",
    "lord": "mr",
    "lady": "ms",
    # Other languages' honorifics that English reports keep before a name: Amharic's "Ato"
    # and "Woizero" (Ethiopians are called by the given name after them: "Ato Getachew"),
    # Hindi's "Shri" and "Smt", the Hausa and Yoruba "Alhaji".
    "ato": "mr",
    "woizero": "ms",
    "weizero": "ms",
    "shri": "mr",
    "smt": "ms",
    "alhaji": "mr",
}


def honorific_before(doc, start: int) -> str:
    if start > 1 and doc[start - 2].lower_ in OWNERS and doc[start - 1].lower_ in _KIN_SEX:
        return _KIN_SEX[doc[start - 1].lower_]
    return HONORIFICS.get(doc[start - 1].lower_.rstrip("."), "") if start > 0 else ""


def owns_a_relative(doc, end: int) -> bool:
    """Whether the name owns a relative right after it, an adjective or two between ("Cian's
    younger brother", "Ana's son"): only people have one."""
    if end >= len(doc) or doc[end].lower_ not in POSSESSIVE:
        return False
    k = end + 1
    while k < len(doc) and k <= end + 3 and doc[k].pos_ == "ADJ":
        k += 1
    return k < len(doc) and doc[k].lower_ in KIN


def introduced_as_relative(doc, start: int) -> bool:
    """Whether the name is introduced as someone's relative: after "his mother", "Saunders's
    wife", with or without a comma between ("hugged his mother, Bernice Saunders, 76")."""
    k = start - 1
    if k >= 0 and doc[k].text == ",":
        k -= 1
    if k < 1 or doc[k].lower_ not in KIN or doc[k].lower_ in ("family", "parents"):
        return False
    return doc[k - 1].lower_ in OWNERS or doc[k - 1].lower_ in POSSESSIVE
