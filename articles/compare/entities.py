"""People, organisations and places named in a report, found without a gazetteer.

Capitalised sequences are read with a few cues: a title or role before the name ("President",
"spokeswoman"), a speech verb after it, organisation suffixes ("Institute", "Department"),
small lists of countries, cities and demonyms. Spelling variants share one key
("Kim Yong-chol" = "Kim Yong Chol"), and a short mention ("Trump", "Choe") is linked to the
latest full name it is part of.
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache
from types import ModuleType

from .lang import get_language
from .names import name_key, name_tokens
from .sentences import Sentence

PERSON, ORGANISATION, PLACE = "person", "organisation", "place"

_CAP_WORD = r"(?:[A-Z](?:\.[A-Z])+\.?|[A-Z][\w’']*(?:-[\w’']+)*)"
_CONNECTOR = r"(?:of|for|and|the|de|del|van|von|al|bin|la|le|da|du)"
_SEQUENCE = re.compile(rf"{_CAP_WORD}(?:\s+(?:{_CONNECTOR}\s+)*{_CAP_WORD})*")
_POSSESSIVE = re.compile(r"[’']s?$")
_WORD_BEFORE = re.compile(r"([A-Za-z-]+)[\s,]*$")
_WORD_AFTER = re.compile(r"[\s,]*(?:a |an |the )?([a-z]+)")
_OPENING = re.compile(r"[\s\"'“‘(\[—–-]*$")


@dataclass(slots=True)
class Mention:
    sentence: int
    start: int  # offsets in the body text
    end: int
    text: str
    key: str = ""
    kind: str = ""
    name: str = ""  # how the entity is shown: the canonical place name, else the text


@dataclass(slots=True)
class Entity:
    key: str
    name: str
    kind: str
    variants: list[str] = field(default_factory=list)
    sentences: list[int] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "key": self.key,
            "name": self.name,
            "kind": self.kind,
            "variants": self.variants,
            "sentences": self.sentences,
        }


def _place_key(words_lower: str, lang: ModuleType) -> str | None:
    """The canonical place a lower-cased phrase names, or None."""
    phrase = lang.PLACE_ALIASES.get(words_lower, words_lower)
    if phrase in lang.DEMONYMS:
        return lang.DEMONYMS[phrase]
    if phrase.endswith("s") and phrase[:-1] in lang.DEMONYMS:  # "the North Koreans"
        return lang.DEMONYMS[phrase[:-1]]
    if phrase in lang.COUNTRIES or phrase in lang.CITIES or phrase in lang.COUNTRY_PHRASES:
        return phrase
    return None


_TITLE_PHRASES_BY_FIRST_WORD: dict[str, dict[str, list[str]]] = {}


def _title_phrases(lang: ModuleType) -> dict[str, list[str]]:
    table = _TITLE_PHRASES_BY_FIRST_WORD.get(lang.__name__)
    if table is None:
        table = {}
        for phrase in lang.TITLE_PHRASES:
            table.setdefault(phrase.split()[0], []).append(phrase)
        _TITLE_PHRASES_BY_FIRST_WORD[lang.__name__] = table
    return table


def _strip_title(words: list[str], lang: ModuleType) -> tuple[list[str], bool]:
    """Words without leading titles ("Secretary of State", "President"); True if one was there."""
    had_title = False
    while words:
        phrase = None
        candidates = _title_phrases(lang).get(words[0].lower())
        if candidates:
            lowered = " ".join(words).lower()
            phrase = next((p for p in candidates if lowered.startswith(p + " ")), None)
        if phrase:
            words = words[len(phrase.split()) :]
            had_title = True
        elif words[0].lower().rstrip(".") in lang.TITLES and len(words) > 1:
            words = words[1:]
            had_title = True
        else:
            break
    return words, had_title


def _split_name_pairs(words: list[str]) -> tuple[str, list[str]]:
    """ "Trump-Kim Yong Chol meeting": the first name of a hyphenated pair is a mention of its own."""
    first = words[0]
    if "-" in first and len(words) > 1:
        head, _, tail = first.partition("-")
        if head[:1].isupper() and tail[:1].isupper():
            return head, [tail, *words[1:]]
    return "", words


def _split_sequence(words: list[str], lang: ModuleType) -> list[list[str]]:
    """Split "Washington and Pyongyang" and "Kwon Hye-rin of Yonsei University"; keep
    "Center for Strategic and International Studies" and "Bank of England" whole: a name whose
    first part already ends like an organisation goes on past "of", "for" and "and"."""
    parts, current = [], []
    for w in words:
        if w in _CONNECTORS:
            if current and not parts and current[-1].lower() in lang.ORG_SUFFIXES:
                return _split_organisations(words, lang)
            if current:
                parts.append(current)
            current = []
        else:
            current.append(w)
    if current:
        parts.append(current)
    return parts


def _split_organisations(words: list[str], lang: ModuleType) -> list[list[str]]:
    """ "Bank of Japan and the Bank of Korea" is two; "Center for Strategic and International
    Studies" is one: split at "and" only when another organisation's head word follows."""
    parts, current = [], []
    for k, w in enumerate(words):
        following = words[k + 1 : k + 3]
        if w == "and" and following and (following[0] == "the" or following[0].lower() in lang.ORG_SUFFIXES):
            parts.append(current)
            current = []
        elif not (w == "the" and not current):
            current.append(w)
    parts.append(current)
    return [p for p in parts if p]


_CONNECTORS = frozenset("of for and the de del van von al bin la le da du".split())


def _split_possessive(words: list[str]) -> list[list[str]]:
    """ "Kazakhstan's Turkistan region" -> "Kazakhstan", "Turkistan"."""
    parts, current = [], []
    for w in words:
        bare = _POSSESSIVE.sub("", w)
        if bare != w and w[-2:] in ("'s", "’s"):
            current.append(bare)
            parts.append(current)
            current = []
        else:
            current.append(w)
    if current:
        parts.append(current)
    return parts


_COMMON_SUFFIXES = (
    "tion",
    "sion",
    "ism",
    "ity",
    "ment",
    "ness",
    "ance",
    "ence",
    "ship",
    "ives",
    "ies",
    "ers",
)
_LOWER_WORDS = re.compile(r"(?<![\w’'-])[a-z][a-z’'-]+")


def _looks_common(word: str, lower_words: set[str], lang: ModuleType) -> bool:
    """A capitalised word that is an ordinary word: it also occurs in lower case in the report,
    or has a common-noun ending. People's names rarely do either."""
    lowered = word.lower()
    return lowered in lower_words or lowered in lang.STOPWORDS or lowered.endswith(_COMMON_SUFFIXES)


def _classify(
    words: list[str],
    lang: ModuleType,
    *,
    title_cue: bool,
    speech_cue: bool,
    lower_words: frozenset[str] | set[str] = frozenset(),
) -> str | None:
    lowered = " ".join(words).lower()
    last = words[-1].lower()
    if lowered in lang.KNOWN_ORG_PHRASES or last in lang.ORG_SUFFIXES:
        # A lone "Committee" or "Bank" is a reference back, too vague to list.
        return ORGANISATION if len(words) > 1 or lowered in lang.KNOWN_ORG_PHRASES else None
    if _place_key(lowered, lang) or (len(words) > 1 and last in lang.PLACE_SUFFIXES and not title_cue):
        return PLACE
    if last in lang.NOT_PERSON_LAST_WORDS or words[0].lower() in lang.NOT_PERSON_LAST_WORDS:
        return None  # "Electoral Act", "Champions League"
    if all(w.isupper() and len(w) > 1 for w in words) and (
        len(words) > 1 or lowered in lower_words or lowered in lang.STOPWORDS
    ):
        return None  # shouted words: "OUR FIGHT FOR FAIR BILLS", "GREEDY"
    if len(words) == 1 and words[0].isupper():
        letters = words[0].replace(".", "")
        # An acronym ("CIA", "NATO"), not a unit, time zone or a shouted word ("MORE").
        if 2 <= len(letters) <= 6 and letters.isalpha() and lowered not in lang.NOT_ACRONYMS:
            return ORGANISATION
        return None
    if title_cue:
        return PERSON
    # "Transparent Ballot Initiative", "Liberal Democrats": ordinary words make a name of a
    # group, party or campaign rather than of a person, even when it "said" something.
    if len(words) >= 2 and any(_looks_common(w, lower_words, lang) for w in words):
        return ORGANISATION
    if speech_cue or len(words) >= 2:
        return PERSON
    return None


@lru_cache(maxsize=65536)
def _parse_sequence(
    sequence: str, at_start: bool, language: str
) -> tuple[tuple[tuple[str, ...], str, bool], ...]:
    """The pieces of one capitalised sequence: (words, "place" or "", a title preceded them).

    Cached: outlets repeat the same names, so most sequences of an import were seen before.
    """
    lang = get_language(language)
    words = sequence.split()
    words[-1] = _POSSESSIVE.sub("", words[-1])
    # Drop sentence-initial function words and lone capitalised common words.
    while words:
        lowered = words[0].lower()
        first_part = lowered.split("-")[0]
        if words[0].isupper() and len(words[0]) > 1:
            drop = lowered in lang.NOT_ACRONYMS  # "MW Noor Tafilalt": a unit before a name
        else:
            drop = (
                lowered in lang.STOPWORDS
                or lowered in lang.NEVER_NAMES
                or first_part in lang.NUMBER_WORDS
                or (at_start and lowered in lang.NOT_NAMES)
            )
        if not drop:
            break
        words = words[1:]
        at_start = False
    while words and words[-1] == "I":
        words = words[:-1]
    if not words:
        return ()
    pieces: list[tuple[tuple[str, ...], str, bool]] = []
    head, words = _split_name_pairs(words)
    if head:
        pieces.append(((head,), "", False))
    for group in _split_possessive(words):
        rest, had_title = _take_prefixes(group, pieces, lang)
        for part in _split_sequence(rest, lang) if rest else []:
            name, part_title = _take_prefixes(part, pieces, lang)
            if name:
                sole_at_start = at_start and len(name) == 1 and len(part) == len(words)
                pieces.append((tuple(name), "sole" if sole_at_start else "", had_title or part_title))
    return tuple(pieces)


def _take_prefixes(
    words: list[str], pieces: list[tuple[tuple[str, ...], str, bool]], lang: ModuleType
) -> tuple[list[str], bool]:
    """Words after leading places and titles ("US President Donald Trump" -> "Donald Trump",
    "Finance Minister Rodrigo Aranguiz" -> "Rodrigo Aranguiz"); a place that starts an
    organisation's name stays in it ("European Commission", "Czech National Bank")."""
    had_title = False
    if words and words[-1].lower() in lang.ORG_SUFFIXES:
        return words, False
    # A title word inside the sequence: the name is what follows the last one.
    for k in range(len(words) - 2, 0, -1):
        if words[k].lower().rstrip(".") in lang.TITLES and words[k + 1][:1].isupper():
            before = words[:k]
            if _place_key(" ".join(before).lower(), lang):
                pieces.append((tuple(before), PLACE, False))
            words, had_title = words[k + 1 :], True
            break
    while words:
        for n in (3, 2, 1):
            if len(words) > n and _place_key(" ".join(words[:n]).lower(), lang):
                pieces.append((tuple(words[:n]), PLACE, False))
                words = words[n:]
                break
        else:
            stripped, title = _strip_title(words, lang)
            if not title:
                break
            had_title = True
            words = stripped
    return words, had_title


def extract_mentions(text: str, sentences: list[Sentence], language: str = "en") -> list[Mention]:
    """Named mentions in reading order, each with a kind and a provisional key."""
    lang = get_language(language)
    mentions: list[Mention] = []
    lower_words = set(_LOWER_WORDS.findall(text))
    for sentence in sentences:
        s_text = sentence.text
        for m in _SEQUENCE.finditer(s_text):
            at_start = bool(_OPENING.match(s_text, 0, m.start()))
            pieces = _parse_sequence(m.group(0), at_start, language)
            if not pieces:
                continue
            before = _WORD_BEFORE.search(s_text, max(0, m.start() - 40), m.start())
            title_before = bool(before) and before.group(1).lower() in lang.TITLES
            after = _WORD_AFTER.match(s_text, m.end())
            speech_cue = bool(after and after.group(1) in lang.SPEECH_VERBS)
            search_from = m.start()
            dateline = at_start and s_text[m.end() : m.end() + 2] in (", ", " (") and m.group(0).isupper()
            for words, hint, had_title in pieces:
                if hint == PLACE or dateline:
                    kind = PLACE  # "BUSAN, South Korea (Northwire) -": a dateline names a place
                else:
                    title_cue = title_before or had_title
                    kind = (
                        _classify(
                            list(words),
                            lang,
                            title_cue=title_cue,
                            speech_cue=speech_cue,
                            lower_words=lower_words,
                        )
                        or ""
                    )
                    if (
                        hint == "sole"
                        and kind in (PERSON, ORGANISATION)
                        and not title_cue
                        and not words[0].isupper()
                    ):
                        kind = ""  # only a later full name can make this a mention
                search_from = _add(mentions, sentence, words, kind, search_from, lang)
    return mentions


def _add(
    mentions: list[Mention],
    sentence: Sentence,
    words: tuple[str, ...],
    kind: str,
    search_from: int,
    lang: ModuleType,
) -> int:
    """Append the mention; returns the offset in the sentence where the next piece is looked for."""
    surface = " ".join(words)
    pos = sentence.text.find(words[0], search_from)
    pos = max(pos, search_from)
    start = sentence.start + pos
    key, name = name_key(surface), surface
    if kind == PLACE:
        place = _place_key(surface.lower(), lang) or surface.lower()
        surface = surface.title() if surface.isupper() else surface
        key, name = "place:" + name_key(place), place.title()
    mentions.append(Mention(sentence.index, start, start + len(surface), surface, key, kind, name))
    return pos + len(words[0])


def order_key(tokens: tuple[str, ...]) -> str:
    return "".join(sorted(tokens))


def resolve_entities(mentions: list[Mention]) -> list[Entity]:
    """Group mentions into entities: variant spellings merge, short names link to full ones."""
    entities: dict[str, Entity] = {}
    # Full names by their first and last word, and by their words in any order.
    by_token: dict[str, str] = {}
    by_order: dict[str, str] = {}
    for mention in mentions:
        tokens = name_tokens(mention.text)
        if mention.kind in ("", PERSON) and len(tokens) == 1 and tokens[0] in by_token:
            mention.key = by_token[tokens[0]]
            mention.kind = PERSON
        elif not mention.kind:
            continue
        if mention.kind == PERSON and len(tokens) >= 2:
            # The same words in another order ("Takeda Hiroshi") are the same person.
            mention.key = by_order.setdefault(order_key(tokens), mention.key)
            # A bare surname shared by two people ("Kim") means the one the report named first,
            # usually its main subject.
            by_token.setdefault(tokens[0], mention.key)
            by_token.setdefault(tokens[-1], mention.key)
        entity = entities.get(mention.key)
        if entity is None:
            entity = entities[mention.key] = Entity(mention.key, mention.name or mention.text, mention.kind)
        if mention.text not in entity.variants:
            entity.variants.append(mention.text)
        if mention.kind != PLACE and len(tokens) > len(name_tokens(entity.name)):
            entity.name = mention.text
        if not entity.sentences or entity.sentences[-1] != mention.sentence:
            entity.sentences.append(mention.sentence)
    # A lone mention that was never linked to a full name is too weak to keep as a person.
    return [
        e
        for e in entities.values()
        if e.kind != PERSON or len(name_tokens(e.name)) >= 2 or len(e.sentences) >= 2
    ]


def extract_entities(
    text: str, sentences: list[Sentence], language: str = "en"
) -> tuple[list[Entity], list[Mention]]:
    mentions = extract_mentions(text, sentences, language)
    entities = resolve_entities(mentions)
    kept = {e.key for e in entities}
    return entities, [m for m in mentions if m.key in kept and m.kind]
