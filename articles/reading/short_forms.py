"""Short forms of a body's name given right after it ("Korea Railroad Corp. (Korail)", "the
Department of Fire and Emergency Services (DFES)"), and their mentions wherever they stand."""

from bisect import bisect_right
from types import ModuleType

from .identity import ORGANISATION, known_place, spells_initials
from .mention import Mention
from .organisations import short_name_mentions


def short_name_after(doc, end: int) -> str | None:
    """A one-word name written as a word, not in capitals, right after a span: in brackets
    ("Korea Railroad Corp. (Korail)") or after ", known as" ("..., known as Fiocruz,")."""
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
        word = doc[end + 1]
    elif end + 3 < len(doc) and [t.lower_ for t in doc[end : end + 3]] == [",", "known", "as"]:
        word = doc[end + 3]
    else:
        return None
    text = word.text
    if not (text.isalpha() and len(text) >= 4 and text[:1].isupper() and not text.isupper()):
        return None
    return text


def made_of_the_words(short: str, name: str, lang: ModuleType) -> bool:
    """Whether short is built from name's words: the starts of two of them or more, in order
    ("Korail" of "Korea Railroad Corp.") or, three letters each at least, in another order
    ("MetMalaysia" of "Malaysian Meteorological Department"), or a whole word of four letters
    or more that is no generic word, with letters before it ("Fiocruz" of "Oswaldo Cruz
    Foundation")."""
    if known_place(short, lang):
        return False
    words = [w.lower().strip(".,") for w in name.split() if w.lower() not in lang.STOPWORDS]
    short = short.lower()
    generic = lang.ORG_SUFFIXES | lang.CORPORATE_SUFFIXES
    if any(len(w) >= 4 and w not in generic and short.endswith(w) and short != w for w in words):
        return True

    def built(rest: str, index: int, used: int) -> bool:
        if not rest:
            return used >= 2
        for k in range(index, len(words)):
            word = words[k]
            for size in range(min(len(word), len(rest)), 0, -1):
                if rest.startswith(word[:size]) and built(rest[size:], k + 1, used + 1):
                    return True
        return False

    def reordered(rest: str, used: frozenset[int]) -> bool:
        if not rest:
            return len(used) >= 2
        return any(
            rest.startswith(word[:size]) and reordered(rest[size:], used | {k})
            for k, word in enumerate(words)
            if k not in used
            for size in range(min(len(word), len(rest)), 2, -1)
        )

    return built(short, 0, 0) or reordered(short, frozenset())


def short_form_after(doc, end: int) -> str | None:
    """The capitals in brackets right after a span ("Monetary Policy Rate (MPR)"), if any."""
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")" and doc[end + 1].is_upper:
        return doc[end + 1].text
    return None


def with_short_name_mentions(
    doc,
    mentions: list[Mention],
    sentence_starts: list[int],
    lang: ModuleType,
    short_names: dict[str, str] | None = None,
) -> list[Mention]:
    """Mentions of a company by its name without "Inc" added where the model tagged nothing,
    and of a body by the capitals in brackets after its name that spell it ("the Department of
    Fire and Emergency Services (DFES)"), there and wherever else they stand untagged ("DFES
    Commissioner Alison Treloar"). short_names: other short names given right after a body's
    name ("(IFRC)" after "the International Federation of Red Cross and Red Crescent
    Societies"), each to that name, found untagged wherever they stand in capitals."""
    short_names = short_names or {}
    names = [m.text for m in mentions if m.kind == ORGANISATION]
    covered = {k for m in mentions for k in range(m.start, m.end)}
    spans = short_name_mentions(doc, names, covered, lang)
    initials_of = set()
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        short = short_form_after(doc, span.end) if m.kind == ORGANISATION and span is not None else None
        if short and spells_initials(short.lower(), m.text, lang):
            initials_of.add(short)
    capitals = {short for short in short_names if short.isupper()}
    spans += [
        (t.i, t.i + 1)
        for t in doc
        if (t.text in initials_of or t.text in capitals)
        and not any(k in covered for k in range(t.idx, t.idx + len(t)))
    ]
    added = []
    for start, end in sorted(set(spans)):
        span = doc[start:end]
        sentence = max(bisect_right(sentence_starts, span.start_char) - 1, 0)
        mention = Mention(span.start_char, span.end_char, span.text, ORGANISATION, sentence)
        if span.text in capitals and span.text not in initials_of:
            mention.long_form = short_names[span.text]
        added.append(mention)
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions
