"""Quotes and their speakers.

A quote is text between curly or straight double quotes inside one paragraph. Its speaker is read
from the words around it, in this order: a speech verb with a name after the quote ("...," said
X / X said / X, a former CIA analyst, said), "according to X", a speech verb with a name before
the quote (X said: "..."; X said talks were "good"), a pronoun (he / she / they said) pointing
back at the last named speaker, and finally a quote that opens a sentence right after a quote of
the same paragraph, which continues that speaker's words.
"""

import bisect
import re
from dataclasses import dataclass
from types import ModuleType

from .entities import ORGANISATION, PERSON, Mention
from .lang import get_language
from .sentences import Sentence

_QUOTE = re.compile(r"“([^”\n]{1,3000})”|\"([^\"\n]{1,3000})\"")
_WORD = re.compile(r"[A-Za-z]+")
_APPOSITIVE = re.compile(r"^\s*,[^,“”\"]{0,120},\s*$")
MIN_UNATTRIBUTED_WORDS = 4  # shorter unattributed quotes are scare quotes ("high-tech")


@dataclass(slots=True)
class Quote:
    text: str
    start: int
    end: int
    sentences: list[int]
    speaker: str | None
    speaker_key: str | None
    partial: bool

    def as_dict(self) -> dict:
        return {
            "text": self.text,
            "speaker": self.speaker,
            "speaker_key": self.speaker_key,
            "sentences": self.sentences,
            "partial": self.partial,
            "start": self.start,
            "end": self.end,
        }


def extract_quotes(
    text: str,
    sentences: list[Sentence],
    mentions: list[Mention],
    names: dict[str, str],
    language: str = "en",
) -> list[Quote]:
    """Quotes in reading order; names maps an entity key to the name shown for it."""
    lang = get_language(language)
    speakers = [m for m in mentions if m.kind in (PERSON, ORGANISATION)]
    starts = [m.start for m in speakers]
    sentence_starts = [s.start for s in sentences]
    quotes: list[Quote] = []
    last_speaker: tuple[str, str] | None = None
    for m in _QUOTE.finditer(text):
        inner = (m.group(1) or m.group(2) or "").strip()
        if not inner:
            continue
        first = max(bisect.bisect_right(sentence_starts, m.start()) - 1, 0)
        last = max(bisect.bisect_right(sentence_starts, m.end() - 1) - 1, 0)
        if not sentences:
            break
        s_first, s_last = sentences[first], sentences[last]
        before = text[s_first.start : m.start()]
        after = text[m.end() : s_last.end]
        speaker = _speaker_after(after, m.end(), speakers, starts, lang)
        if speaker is None:
            speaker = _speaker_before(before, s_first.start, m.start(), speakers, starts, lang)
        if speaker == "pronoun" or (speaker is None and _pronoun_speech(before, after, lang)):
            speaker = last_speaker or _last_person_before(m.start(), speakers, starts)
        if speaker is None and last_speaker and quotes and not before.strip():
            previous = quotes[-1]
            # A quote that opens a sentence right after another quote continues it.
            if text.count("\n", previous.end, m.start()) <= 1 and m.start() - previous.end < 400:
                speaker = last_speaker
        if speaker == "pronoun":
            speaker = None
        word_count = len(_WORD.findall(inner))
        if speaker is None and word_count < MIN_UNATTRIBUTED_WORDS:
            continue
        key = speaker[0] if speaker else None
        if speaker:
            last_speaker = speaker
        partial = bool(before.strip()) and not before.rstrip().endswith(":")
        partial = partial or inner[:1].islower()
        quotes.append(
            Quote(
                text=inner.rstrip(",") if inner.endswith(",") else inner,
                start=m.start(),
                end=m.end(),
                sentences=list(range(first, last + 1)),
                speaker=names.get(key, speaker[1]) if speaker else None,
                speaker_key=key,
                partial=partial,
            )
        )
    return quotes


def _speech_verb_at(fragment: str, lang: ModuleType) -> re.Match | None:
    for w in _WORD.finditer(fragment):
        if w.group(0).lower() in lang.SPEECH_VERBS:
            return w
    return None


def _mentions_between(start: int, end: int, speakers: list[Mention], starts: list[int]) -> list[Mention]:
    lo = bisect.bisect_left(starts, start)
    hi = bisect.bisect_left(starts, end)
    return speakers[lo:hi]


def _speaker_after(
    after: str, offset: int, speakers: list[Mention], starts: list[int], lang: ModuleType
) -> tuple[str, str] | str | None:
    verb = _speech_verb_at(after[:160], lang)
    lowered = after.lower()
    for phrase in lang.ATTRIBUTION_PHRASES:
        at = lowered.find(phrase, 0, 80)
        if at >= 0:
            found = _mentions_between(offset + at, offset + at + 120, speakers, starts)
            if found:
                return found[0].key, found[0].text
    if verb is None:
        return None
    head = after[: verb.start()]
    # ", he said" / "they added".
    head_words = _WORD.findall(head)
    if head_words and head_words[-1].lower() in lang.PRONOUNS_PERSON and len(head_words) <= 2:
        return "pronoun"
    # ", X said" / ", X, a former CIA analyst, said": the name sits between quote and verb; the
    # first person there is the speaker, an organisation in the description is not.
    found = _mentions_between(offset, offset + verb.start(), speakers, starts)
    # The name must follow the quote at once ("...," Terry said), not later in another clause
    # ("...", while the Liberal Democrats said).
    if found and len(_WORD.findall(after[: found[0].start - offset])) <= 1 and len(head_words) <= 12:
        chosen = next((m for m in found if m.kind == PERSON), found[0])
        return chosen.key, chosen.text
    # ", said X" / ", said X, a former CIA analyst" / ", said Warm Streets director Samuel Okonjo".
    found = _mentions_between(offset + verb.end(), offset + verb.end() + 80, speakers, starts)
    if found and not head.strip(" ,—–-"):
        return _person_after_affiliation(after, offset, found, lang)
    return None


def _person_after_affiliation(
    text: str, offset: int, found: list[Mention], lang: ModuleType
) -> tuple[str, str]:
    """ "Redmarsh manager Tomasz Wierzbicki": a name, a role, a name: the person is the second."""
    first = found[0]
    if len(found) > 1:
        gap = text[first.end - offset : found[1].start - offset]
        gap_words = _WORD.findall(gap)
        if gap_words and len(gap_words) <= 3 and any(w.lower() in lang.TITLES for w in gap_words):
            return found[1].key, found[1].text
    return first.key, first.text


def _speaker_before(
    before: str, offset: int, quote_start: int, speakers: list[Mention], starts: list[int], lang: ModuleType
) -> tuple[str, str] | str | None:
    verbs = [w for w in _WORD.finditer(before) if w.group(0).lower() in lang.SPEECH_VERBS]
    lowered = before.lower()
    for phrase in lang.ATTRIBUTION_PHRASES:
        at = lowered.rfind(phrase)
        if at >= 0:
            found = _mentions_between(offset + at, quote_start, speakers, starts)
            if found:
                return found[0].key, found[0].text
    if not verbs:
        # "Redmarsh manager Tomasz Wierzbicki praised his striker: "...": the subject of a
        # sentence that introduces the quote with a colon.
        if before.rstrip().endswith(":"):
            found = _mentions_between(offset, quote_start, speakers, starts)
            people = [m for m in found if m.kind == PERSON]
            if people:
                return people[0].key, people[0].text
        return None
    verb = verbs[-1]
    head_words = _WORD.findall(before[: verb.start()])
    if head_words and head_words[-1].lower() in lang.PRONOUNS_PERSON:
        return "pronoun"
    # The subject before the verb: the nearest person before it in the sentence, else an
    # organisation ("The State Department said").
    found = _mentions_between(offset, offset + verb.start(), speakers, starts)
    people = [m for m in found if m.kind == PERSON]
    if people or found:
        chosen = (people or found)[-1]
        return chosen.key, chosen.text
    if head_words and head_words[0].lower() in lang.PRONOUNS_PERSON:
        return "pronoun"
    # "said Mr X:" / "told X" is ambiguous; take a name straight after the verb only before a colon.
    found = _mentions_between(offset + verb.end(), quote_start, speakers, starts)
    if found and before.rstrip().endswith(":"):
        return found[0].key, found[0].text
    return None


def _pronoun_speech(before: str, after: str, lang: ModuleType) -> bool:
    words = _WORD.findall(after[:40])
    return (
        len(words) >= 2 and words[0].lower() in lang.PRONOUNS_PERSON and words[1].lower() in lang.SPEECH_VERBS
    )


def _last_person_before(position: int, speakers: list[Mention], starts: list[int]) -> tuple[str, str] | None:
    index = bisect.bisect_left(starts, position) - 1
    while index >= 0:
        if speakers[index].kind == PERSON:
            return speakers[index].key, speakers[index].text
        index -= 1
    return None
