"""Quotes and who said them, read from spaCy's dependency parse.

A quote is text between quotation marks; one left open at a paragraph's end runs on into the
next paragraph that opens with a quotation mark (the news convention for long quotes). A word
or two in quotation marks is a scare quote or a term, not a quote.

The speaker is the subject of a speech verb outside the quotation marks in the quote's own
sentences ("X said", "said X, the ...", "X says", "X told reporters"), or the object of
"according to". It must be a person or an organisation the entity layer found; a pronoun ("he
said") is the person named last before the quote; a common noun ("a spokeswoman") gives its
apposition's name ("a spokeswoman, Maria Chen") or no speaker. A quote with no attribution of
its own that follows the same speaker's attributed quote in the previous paragraph, or earlier
in the same paragraph, continues it. Anything less certain leaves the speaker empty: a wrong
speaker is worse than none.
"""

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from .entities import Entity, Mention
from .identity import ORGANISATION, PERSON
from .speech import PROXY_NOUNS, ROLE_NOUNS, SPEECH_LEMMAS

PRONOUNS = frozenset({"he", "she"})
MIN_QUOTE_WORDS = 3  # "a word or two" in quotation marks is a scare quote
MAX_MODIFIER_WORDS = 5  # more words before a noun are someone's ('his "we will not pay a penny" pledge')
_OPEN = '“"'
_CLOSE = '”"'
_WORD = re.compile(r"\w+(?:['’]\w+)*")


@dataclass(slots=True)
class Quote:
    text: str
    start: int  # offsets of the quoted text, inside the marks
    end: int
    sentences: list[int]
    paragraphs: list[int]
    speaker: str | None = None
    speaker_key: str | None = None
    speaker_kind: str | None = None
    cue: str = ""  # how the speaker was found: verb, according_to, pronoun, continued
    partial: bool = False

    def as_dict(self) -> dict:
        return {
            "text": self.text,
            "speaker": self.speaker,
            "speaker_key": self.speaker_key,
            "speaker_kind": self.speaker_kind,
            "cue": self.cue,
            "sentences": self.sentences,
            "partial": self.partial,
            "start": self.start,
            "end": self.end,
        }


# Words opening a clause that sets another's words against the quote's ("while", "whereas").
_CONTRASTING = frozenset({"while", "whereas", "although", "though", "whilst"})
# Those whose words are the words of whom they speak for ("a spokeswoman for the IMF said").
_SPEAKS_FOR = frozenset({"spokesman", "spokeswoman", "spokesperson"})


def quote_spans(text: str, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int, list[int]]]:
    """(start, end, paragraph indices) of the text between quotation marks."""
    spans: list[tuple[int, int, list[int]]] = []
    open_at: int | None = None
    open_paragraphs: list[int] = []
    previous_end = 0
    for index, (p_start, p_end) in enumerate(paragraphs):
        paragraph = text[p_start:p_end]
        position = 0
        if open_at is not None:
            if paragraph[:1] in _OPEN:
                position = 1  # the quote runs on: this paragraph's opening mark continues it
                open_paragraphs.append(index)
            else:
                # Left open and not continued: the quote is what its paragraph held.
                spans.append((open_at, previous_end, open_paragraphs))
                open_at, open_paragraphs = None, []
        while position < len(paragraph):
            ch = paragraph[position]
            if open_at is None and ch in _OPEN and _opens(paragraph, position):
                open_at, open_paragraphs = p_start + position + 1, [index]
            elif open_at is not None and ch in _CLOSE and _closes(paragraph, position):
                spans.append((open_at, p_start + position, open_paragraphs))
                open_at, open_paragraphs = None, []
            position += 1
        previous_end = p_end
    if open_at is not None:
        spans.append((open_at, previous_end, open_paragraphs))
    return spans


def _opens(paragraph: str, position: int) -> bool:
    if paragraph[position] == "“":
        return True
    before = paragraph[position - 1] if position else " "
    return before.isspace() or before in "([—–-:"


def _closes(paragraph: str, position: int) -> bool:
    if paragraph[position] == "”":
        return True
    after = paragraph[position + 1] if position + 1 < len(paragraph) else " "
    return not after.isalnum()


def _words(text: str) -> int:
    """Words as a reader counts them: "free-for-all" is one."""
    return sum(1 for chunk in text.split() if _WORD.search(chunk))


def _clean(text: str) -> str:
    """The quoted words: a run-on quote's paragraph break and reopening mark go, and so does the
    comma that belongs to the attribution ("... started," she said)."""
    return re.sub(r"\s*\n\s*[“\"]?", " ", text).strip().rstrip(",").rstrip()


class _Reader:
    """Attribution inside one report: the parse, its sentences and its entity mentions."""

    def __init__(self, doc, sentences: list, mentions: list[Mention], entities: list[Entity]) -> None:
        self.doc = doc
        self.sentences = sentences
        self.starts = [s.start for s in sentences]
        self.entities = entities
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.mention_starts = [m.start for m in self.mentions]
        # The previous quote's speaker, when that quote is in this paragraph or the one before
        # and nobody else is named in between.
        self.last_speaker: Entity | None = None

    def sentence_of(self, offset: int) -> int:
        return max(bisect_right(self.starts, offset) - 1, 0)

    def entity_at(self, offset: int) -> Entity | None:
        """The entity whose mention covers the character at offset."""
        index = bisect_right(self.mention_starts, offset) - 1
        if index >= 0 and self.mentions[index].start <= offset < self.mentions[index].end:
            return self.entities[self.mentions[index].entity]
        return None

    def person_before(self, offset: int, quoted: list[tuple[int, int]], pronoun: str = "") -> Entity | None:
        """The person named last before offset, outside quotation marks, passing over anyone
        the pronoun cannot stand for ("whose son Tavita ..., she said")."""
        index = bisect_right(self.mention_starts, offset) - 1
        while index >= 0:
            mention = self.mentions[index]
            inside = any(s <= mention.start < e for s, e in quoted)
            if mention.kind == PERSON and not inside and mention.end <= offset:
                person = self.entities[mention.entity]
                if not (pronoun and _contradicts(pronoun, person)):
                    return person
            index -= 1
        return None

    def others_named_lately(
        self, offset: int, quoted: list[tuple[int, int]], candidate: Entity, pronoun: str = ""
    ) -> bool:
        """Whether a person other than candidate is the subject of a clause, outside quotation
        marks, between the start of the sentence before offset's and offset ("Barr, together
        with Rosenstein, decided ..."): then a pronoun there may stand for either, and a wrong
        speaker is worse than none. Someone owned or met ("Barksdale's sister, Kiara, disputed
        ...") is no rival."""
        sentence = self.sentence_of(offset)
        # "Sen. Bramwell blamed Democrats for what he called ...": the subject of the pronoun's
        # own sentence is who it stands for, whoever the sentence before named
        if any(
            self.entities[m.entity].key == candidate.key and self._acts_as_subject(m)
            for m in self._mentions_between(self.sentences[sentence].start, offset)
        ):
            return False
        # ... and from the start of the sentence that named the candidate last, when earlier
        # ("Barr, with Rosenstein, decided ... Trump's take? '...,' he tweeted")
        start = self.sentences[max(sentence - 1, 0)].start
        named = [
            m.start for m in self.mentions if m.end <= offset and self.entities[m.entity].key == candidate.key
        ]
        if named:
            start = min(start, self.sentences[self.sentence_of(named[-1])].start)
        if any(
            m.kind == PERSON
            and not any(s <= m.start < e for s, e in quoted)
            and self.entities[m.entity].key != candidate.key
            and not (pronoun and _contradicts(pronoun, self.entities[m.entity]))
            and self._acts_as_subject(m)
            for m in self._mentions_between(start, offset)
        ):
            return True
        return self._proxy_acted(start, offset, quoted)

    def pronoun_for_another(self, pronoun: str, candidate: Entity, offset: int) -> bool:
        """Whether the sentence that named candidate last, before offset, also has a pronoun of
        the same sex before the name and in another clause ("Her own MPs revolted, the Commons
        leader Andrea Leadsom resigned ... She said"): someone else of that sex is in the story's
        eye, and "she" may be either. One in the candidate's own clause or one it governs ("In
        his speech, Johnson said", "Before he was sentenced, Mr. Kowalczyk stood") is the
        candidate's."""
        named = [m for m in self.mentions if m.end <= offset and self.entities[m.entity].key == candidate.key]
        if not named:
            return False
        last = self.doc.char_span(named[-1].start, named[-1].end, alignment_mode="expand")
        if last is None:
            return False
        forms = _SAME_SEX[pronoun]
        clause = _clause_verb(last.root).i
        return any(
            t.lower_ in forms and not _inside_clause(_clause_verb(t), clause)
            for t in last.root.sent
            if t.i < last.start
        )

    def _proxy_acted(self, start: int, end: int, quoted: list[tuple[int, int]]) -> bool:
        """Whether someone unnamed who speaks for another is a subject between start and end,
        outside quotation marks ("A spokesman for ... Donald Tusk, said ... He said ...")."""
        span = self.doc.char_span(start, end, alignment_mode="contract")
        if span is None:
            return False
        return any(
            t.dep_ in ("nsubj", "nsubjpass")
            and t.lemma_.lower() in PROXY_NOUNS
            and t.is_lower
            and not _in_quotes(t.idx, quoted)
            and self.speaker_of(t) is None
            for t in span
        )

    def _mentions_between(self, start: int, end: int) -> Iterator[Mention]:
        """The mentions that begin at or after start and end by end, in text order."""
        index = bisect_right(self.mention_starts, start - 1)
        while index < len(self.mentions) and self.mentions[index].end <= end:
            yield self.mentions[index]
            index += 1

    def _acts_as_subject(self, mention: Mention) -> bool:
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            return False
        token = span.root
        while token.dep_ in ("appos", "conj") and token.head.i != token.i:
            token = token.head  # "Arne Sorvik, Liverpool's manager," / "Trump and Kim"
        return token.dep_ in ("nsubj", "nsubjpass")

    def role_holder(self, token) -> Entity | None:
        """The one person the report names with the office "the <token>" stands for ("the
        president" after "President Donald Trump"; "the prime minister" after "Prime Minister
        Theresa May"), or None when it names none or several so; only those named before it
        count when there are any."""
        role = [token.lower_]
        if token.lower_ == "minister":
            role = [c.lower_ for c in token.children if c.dep_ in ("compound", "amod")] + role
            if len(role) < 2:
                return None  # "the minister": which one?
        holders, named_before = set(), set()
        for mention in self.mentions:
            if mention.kind != PERSON:
                continue
            span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None or span.start < len(role):
                continue
            before = [t for t in self.doc[max(span.start - len(role) - 1, 0) : span.start] if t.text != "."]
            words = [t.lower_.rstrip(".") for t in before[-len(role) :]]
            if [_ROLE_OF.get(w, w) for w in words] == role:
                holders.add(mention.entity)  # "Gov. Danielle Okafor" holds "the governor"
                if mention.start < token.idx:
                    named_before.add(mention.entity)
        # "the governor said" points back: to the one holder named so far, though the report
        # names another governor further on
        holders = named_before or holders
        return self.entities[holders.pop()] if len(holders) == 1 else None

    def body_named(self, token) -> Entity | None:
        """The one organisation of the report whose name ends in the noun "the <token>" uses
        ("the airline" of "Ethiopian Airlines", "the ministry" of "the Defence Ministry"), or
        has it before "of" ("the bank" of "Bank of Canada"), or None when none or several do."""
        word = token.lemma_.lower()
        bodies = [e for e in self.entities if e.kind == ORGANISATION and _head_noun(e.name) == word]
        return bodies[0] if len(bodies) == 1 else None

    def nobody_between(self, start: int, end: int, speaker_key: str | None) -> bool:
        """No person other than speaker_key is named between start and end."""
        index = bisect_right(self.mention_starts, start)
        while index < len(self.mentions) and self.mentions[index].start < end:
            mention = self.mentions[index]
            if mention.kind == PERSON and self.entities[mention.entity].key != speaker_key:
                return False
            index += 1
        return True

    def speaker_of(self, token) -> Entity | None:
        """The named person or organisation a subject token stands for."""
        entity = self.entity_at(token.idx)
        if entity is not None and entity.kind == ORGANISATION:
            # "Bank Central Asia (BCA) chief economist Dian Kartika Sari said": the parse makes
            # the body the subject and the person holding its post its apposition, or the
            # apposition of the post ("economist"); the person speaks
            posts = [c for c in token.children if c.dep_ == "appos"]
            posts += [c for post in posts for c in post.children if c.dep_ == "appos"]
            for child in posts:
                person = self.entity_at(child.idx)
                if person is not None and person.kind == PERSON:
                    return person
        if entity is not None:
            return entity if entity.kind in (PERSON, ORGANISATION) else None
        # "a spokeswoman, Maria Chen" / "the company's chief, Ann Lee": the apposition names it.
        for child in token.children:
            if child.dep_ == "appos":
                entity = self.entity_at(child.idx)
                if entity is not None and entity.kind in (PERSON, ORGANISATION):
                    return entity
        # "a spokeswoman for the International Monetary Fund said", "a spokesman for Mayor Renata
        # Solís-Whitcombe said": one who speaks for a body or a person only, unnamed, gives their words
        if token.lower_ in _SPEAKS_FOR:
            for prep in token.children:
                if prep.dep_ == "prep" and prep.lower_ == "for":
                    for named in prep.children:
                        entity = self.entity_at(named.idx) if named.dep_ == "pobj" else None
                        if entity is not None and entity.kind in (PERSON, ORGANISATION):
                            return entity
        # "Chen, a spokeswoman for X" parsed with the name in a compound: its head words.
        for child in token.children:
            if child.dep_ == "compound":
                entity = self.entity_at(child.idx)
                if entity is not None and entity.kind == PERSON:
                    return entity
        # "said Cpl. Dana Whitford": the parser makes the abbreviated rank, which names no one,
        # the subject; the person named right after it is the one who spoke.
        after = token.i + 1
        if after < len(self.doc) and self.doc[after].text == "." and not token.whitespace_:
            after += 1
        if token.is_title and token.pos_ == "PROPN" and after < len(self.doc) and after > token.i + 1:
            entity = self.entity_at(self.doc[after].idx)
            if entity is not None and entity.kind == PERSON:
                return entity
        return None

    def attribute(
        self, start: int, end: int, quoted: list[tuple[int, int]]
    ) -> tuple[Entity | None, str, bool]:
        """(speaker, cue, attributed) for the quote between start and end. attributed is True
        when a speech cue was found even if its subject names nobody ("a spokeswoman said")."""
        first, last = self.sentence_of(start), self.sentence_of(max(end - 1, start))
        lo, hi = self.sentences[first].start, self.sentences[last].end
        span = self.doc.char_span(lo, hi, alignment_mode="expand")
        if span is None:
            return None, "", False
        attributed = False
        for token in span:
            if _in_quotes(token.idx, quoted):
                continue  # inside quotation marks (any quote): not this quote's attribution
            if (
                token.lower_ == "according"
                and token.i + 1 < len(self.doc)
                and self.doc[token.i + 1].lower_ == "to"
            ):
                attributed = True
                for obj in self.doc[token.i + 1].children:
                    if obj.dep_ == "pobj":
                        return self._resolve(obj, start, quoted, "according_to")
                continue
            if not _reporting(token) or token.pos_ not in ("VERB", "AUX"):
                continue
            if not self.reports(token, start, end):
                continue
            subject = _subject(token, quoted)
            if subject is None:
                # '"...," sobbed grandmother Yolanda Perez': the verb right after the quote, the
                # name right after the verb, which the small parser often fails to link.
                speaker = self._named_after(token, end)
                if speaker is not None:
                    return speaker, "verb_after", True
                speaker = self._first_named(token, quoted) if _active(token) else None
                if speaker is not None:
                    return speaker, "sentence_subject", True
                continue
            if _in_quotes(subject.idx, quoted):
                continue
            attributed = True
            speaker, cue, _ = self._resolve(subject, start, quoted, "verb")
            if speaker is not None:
                return speaker, cue, True
        if not attributed:
            return self._introduced_by_colon(start, span, quoted)
        return None, "", attributed

    def reported_before(
        self, sentence: int, paragraph_start: int, quoted: list[tuple[int, int]]
    ) -> Entity | None:
        """The person whose words the sentence before sentence reports without quoting them
        ("Farid said commuters deserved better."), when it is in the same paragraph."""
        previous = self.sentences[sentence - 1]
        if previous.start < paragraph_start or any(
            s < previous.end and previous.start < e for s, e in quoted
        ):
            return None
        speaker, _, _ = self.attribute(previous.start, previous.end, quoted)
        return speaker if speaker is not None and speaker.kind == PERSON else None

    def reports(self, verb, start: int, end: int) -> bool:
        """Whether a speech verb can report the quote between start and end: any verb before it,
        or inside the verb's clause; after it, only with no other verb in between ('"...," the
        minister told reporters'), not one of a clause of its own ('("This is the end of my
        Presidency"), and the aides did not do what he asked')."""
        if verb.idx < end or any(start <= t.idx < end for t in verb.subtree):
            return True
        if any(c.dep_ == "mark" and c.lower_ in _CONTRASTING for c in verb.children):
            return False  # '"...", while the Liberal Democrats said more': a clause of its own
        between = self.doc.char_span(end, verb.idx, alignment_mode="expand")
        return between is None or not any(t.pos_ == "VERB" and t.i != verb.i for t in between)

    def partial_quote_speaker(self, start: int, end: int, quoted: list[tuple[int, int]]) -> Entity | None:
        """The named speaker of a word or two in quotation marks that a speech verb outside the
        marks governs ("what he called the 'hostage-taking'", "said he would 'keep going'"):
        someone's words, not a scare quote. None when no speech verb governs them, or only
        through its subject ("Twitter's 'chief twit' has not commented")."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None
        # The parse may join a sentence to the one before ("... said his players had been
        # 'robbed'. // Villaverde ... is the latest product of a 'youth project'"): a speech
        # verb of another sentence reports nothing of this one.
        own = (self.sentences[self.sentence_of(start)].start, self.sentences[self.sentence_of(end - 1)].end)
        for token in span:
            child, head = token, token.head
            while head.i != child.i and own[0] <= head.idx < own[1]:
                speaks = _reporting(head) and head.pos_ == "VERB"
                if speaks and not _in_quotes(head.idx, quoted):
                    if child.dep_ in ("nsubj", "nsubjpass"):
                        return None
                    subject = _subject(head, quoted)
                    if subject is None or _in_quotes(subject.idx, quoted):
                        return None
                    speaker, _, _ = self._resolve(subject, start, quoted, "partial")
                    return speaker
                child, head = head, head.head
        return None

    def _first_named(self, verb, quoted: list[tuple[int, int]]) -> Entity | None:
        """'Justice Samuel T. Cordero, joined by two others, dissented, warning of "..."': the
        person who opens the sentence, set off by a comma, when the parser lost the verb's
        subject and nobody else is named between them."""
        sentence = self.sentences[self.sentence_of(verb.idx)]
        index = bisect_right(self.mention_starts, sentence.start) - 1
        index = index + 1 if index < 0 or self.mentions[index].start < sentence.start else index
        if index >= len(self.mentions):
            return None
        first = self.mentions[index]
        opening = self.doc.text[sentence.start : first.start].split()
        if first.kind != PERSON or first.start > verb.idx or _in_quotes(first.start, quoted):
            return None
        if any(w.lower().rstrip(".") not in ("the",) and not w[:1].isupper() for w in opening):
            return None  # only a title may stand before the name ("Justice")
        if self.doc.text[first.end : first.end + 1] != ",":
            return None
        if not self.nobody_between(first.end, verb.idx, self.entities[first.entity].key):
            return None
        return self.entities[first.entity]

    def _introduced_by_colon(
        self, start: int, span, quoted: list[tuple[int, int]]
    ) -> tuple[Entity | None, str, bool]:
        """'X praised his striker: "He was unplayable."': the subject of the clause the colon ends."""
        before = self.doc.text[max(start - 3, 0) : start].rstrip('“" ')
        if not before.endswith(":"):
            return None, "", False
        for token in reversed([t for t in span if t.idx < start]):
            if token.pos_ == "VERB":
                subject = _subject(token, quoted)
                if subject is not None and not _in_quotes(subject.idx, quoted):
                    speaker, _, _ = self._resolve(subject, start, quoted, "colon")
                    return speaker, "colon", True
        return None, "", False

    def _named_after(self, verb, quote_end: int) -> Entity | None:
        """The person named within a few words after a speech verb that directly follows the
        quote's closing mark (only punctuation between)."""
        if verb.idx < quote_end:
            return None
        between = self.doc.text[quote_end : verb.idx]
        if any(ch.isalnum() for ch in between) or len(between) > 4:
            return None
        for token in self.doc[verb.i + 1 : verb.i + 5]:
            if token.is_punct and token.text not in ("-", "‐"):
                break
            entity = self.entity_at(token.idx)
            if entity is not None:
                return entity if entity.kind == PERSON else None
        return None

    def _resolve(
        self, token, quote_start: int, quoted: list[tuple[int, int]], cue: str
    ) -> tuple[Entity | None, str, bool]:
        if token.lower_ in PRONOUNS:
            # "he said" right after a speaker's quote is that speaker; else whoever was named last;
            # nobody when the pronoun contradicts the person's honorific ("she" after "Mr. Reed").
            if self.last_speaker is not None and self.last_speaker.kind == PERSON:
                candidate = self.last_speaker
            else:
                candidate = self.person_before(min(token.idx, quote_start), quoted, token.lower_)
                if candidate is not None and (
                    self.others_named_lately(min(token.idx, quote_start), quoted, candidate, token.lower_)
                    or self.pronoun_for_another(token.lower_, candidate, min(token.idx, quote_start))
                ):
                    return None, "pronoun", True  # "Barr, with Rosenstein, ... '...,' he tweeted": who?
            if candidate is not None and _contradicts(token.lower_, candidate):
                return None, "pronoun", True
            return candidate, "pronoun", True
        if token.lower_ == "who" and token.head.head is not None:
            token = token.head.head  # "Smith, who said ...": the noun the clause describes
        speaker = self.speaker_of(token)
        if speaker is None and any(c.lower_ == "the" for c in token.children):
            if token.lower_ in ROLE_NOUNS:
                return self.role_holder(token), "role", True
            if token.pos_ == "NOUN":
                return self.body_named(token), "role", True
        return speaker, cue, True


# Abbreviated titles and the office they name ("Gov. Danielle Okafor" is "the governor").
_ROLE_OF = {"gov": "governor", "sen": "senator", "pres": "president", "rep": "congressman"}


def _modifies_next_noun(doc, start: int, end: int) -> bool:
    """Whether the quoted words, as a whole, describe the noun right after the closing mark
    ('a "tough on crime" candidate', 'the "too big to fail" banks'): the parse hangs a quoted
    word on that noun as a modifier, and the quote closes with no comma or stop of its own."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.end + 1 >= len(doc) or not doc[span.end].is_quote:
        return False
    noun = doc[span.end + 1]
    if noun.pos_ not in ("NOUN", "PROPN") or span[-1].is_punct:
        return False
    return any(t.head.i == noun.i and t.dep_ in ("amod", "compound", "nmod") for t in span)


def _head_noun(name: str) -> str:
    """The noun a body's name is built on: its last word, or the one before "of" ("Bank of
    Canada"), singular and in lower case."""
    words = name.split()
    if "of" in words[1:]:
        words = words[: words.index("of", 1)]
    return words[-1].lower().removesuffix("s") if words else ""


_SAME_SEX = {
    "he": frozenset({"he", "him", "his", "himself"}),
    "she": frozenset({"she", "her", "hers", "herself"}),
}


def _clause_verb(token):
    """The verb whose clause token stands in: the nearest verb above it in the parse."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token


def _inside_clause(verb, clause: int) -> bool:
    """Whether verb is the verb at index clause or stands in a clause below it."""
    return verb.i == clause or any(a.i == clause for a in verb.ancestors)


def _reporting(verb) -> bool:
    """Whether a verb reports someone's words: a speech verb, or a court's or a body's ruling
    ("Judge Whitcombe ruled that the evidence 'would probably have produced a different
    result'", "the ECB ruled the bank was 'failing or likely to fail'"); not "ruled out"."""
    lemma = verb.lemma_.lower()
    if lemma in SPEECH_LEMMAS:
        return True
    return lemma == "rule" and not any(c.dep_ == "prt" for c in verb.children)


def _in_quotes(offset: int, quoted: list[tuple[int, int]]) -> bool:
    """Whether offset falls inside quotation marks, the marks themselves included."""
    return any(start - 1 <= offset < end + 1 for start, end in quoted)


def _contradicts(pronoun: str, person: Entity) -> bool:
    honorifics = {m.honorific for m in person.mentions if m.honorific}
    return (pronoun == "she" and "mr" in honorifics) or (pronoun == "he" and "ms" in honorifics)


def _active(verb) -> bool:
    """A verb whose subject does the speaking: not a passive participle ("described by X as")."""
    if verb.tag_ in ("VBG", "VBD"):
        return True
    return verb.tag_ == "VBN" and not any(c.dep_ in ("agent", "auxpass") for c in verb.children)


def _object_of_a_gerund(token) -> bool:
    """Whether the parser made a subject of what a gerund before it acts on ("Trump, before
    boarding Air Force One, called it ...": the plane is no speaker; "the ruling party said" is
    one, its participle no compound)."""
    return any(c.tag_ == "VBG" and c.dep_ == "compound" and c.i < token.i for c in token.children)


def _subject(verb, quoted: list[tuple[int, int]] = ()):
    """The subject of a speech verb, following conjunctions ("she smiled and said"). Not one
    inside quotation marks: the parser may hang the quote's own subject on the verb that
    reports it ('"...our laws will too," Ms Ardern told')."""
    subjects = [
        c
        for c in verb.children
        if c.dep_ in ("nsubj", "nsubjpass") and not _in_quotes(c.idx, quoted) and not _object_of_a_gerund(c)
    ]
    if subjects:
        # "which he said had ...": the parser may give the relative pronoun as a second subject
        named = [c for c in subjects if c.lower_ not in ("which", "that")]
        return (named or subjects)[0]
    misread = [c for c in verb.children if c.tag_ == "MD" and c.text[:1].isupper() and c.i < verb.i]
    if misread and not misread[0].is_sent_start:
        return misread[0]  # '"...," May told parliament': a surname the parser took for "may"
    if verb.dep_ == "advcl" and verb.tag_ == "VBG":
        # "The bank did not signal whether cuts would follow, saying ...": a participle set off
        # by a comma tells what the sentence's subject did, wherever the parser hangs it
        root = verb
        while root.dep_ != "ROOT" and root.head is not root:
            root = root.head
        if root is not verb:
            return _subject(root, quoted)
    if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head is not verb:
        # "she smiled and said", "..., warning of", "..., telling reporters": the main clause's subject
        return _subject(verb.head, quoted)
    if verb.dep_ == "relcl":
        return verb.head
    return None


def read_quotes(
    text: str,
    doc,
    sentences: list,
    paragraphs: list[tuple[int, int]],
    mentions: list[Mention],
    entities: list[Entity],
) -> list[Quote]:
    """The quotes of a report (its body text and the spaCy doc of it), speakers included."""
    spans = quote_spans(text, paragraphs)
    quoted = [(s, e) for s, e, _ in spans]
    reader = _Reader(doc, sentences, mentions, entities)
    quotes: list[Quote] = []
    previous: Quote | None = None
    for start, end, paragraph_indices in spans:
        body = _clean(text[start:end])
        short = _words(body) < MIN_QUOTE_WORDS
        partial_speaker = reader.partial_quote_speaker(start, end, quoted) if short else None
        if short and partial_speaker is None:
            continue  # a scare quote or a term
        if (
            not short
            and _words(body) <= MAX_MODIFIER_WORDS
            and _modifies_next_noun(doc, start, end)
            and reader.partial_quote_speaker(start, end, quoted) is None
        ):
            continue  # 'a "back to basics" candidate': words that describe, nobody's
        first, last = reader.sentence_of(start), reader.sentence_of(max(end - 1, start))
        quote = Quote(body, start, end, list(range(first, last + 1)), paragraph_indices)
        # A quote that is part of a sentence ('called it "a disgrace to the office"') is partial.
        sentence = sentences[first]
        before = text[sentence.start : max(start - 1, sentence.start)].strip()
        quote.partial = bool(before) and not before.endswith((":", ",")) and _words(before) > 3
        close = previous is not None and paragraph_indices[0] - previous.paragraphs[-1] <= 1
        reader.last_speaker = (
            _entity_named(entities, previous.speaker_key)
            if close
            and previous.speaker_key
            and reader.nobody_between(previous.end, start, previous.speaker_key)
            else None
        )
        if partial_speaker is not None:
            speaker, cue, attributed = partial_speaker, "partial", True
        else:
            speaker, cue, attributed = reader.attribute(start, end, quoted)
        if (
            speaker is None
            and not attributed
            and reader.last_speaker is not None
            and not (quote.partial and _someone_new_before(doc, sentence.start, start))
        ):
            # Unattributed, right after the same speaker's quote: the same voice goes on; not
            # words quoted inside a sentence whose subject is someone new ('with one user
            # calling him "a disgrace"'), whose they are.
            speaker, cue = reader.last_speaker, "continued"
        elif speaker is None and not attributed and not before and first > 0:
            # 'X said commuters deserved better. "They expect ...': a quote opening the sentence
            # after someone's reported words, in the same paragraph, goes on in their voice.
            speaker = reader.reported_before(first, paragraphs[paragraph_indices[0]][0], quoted)
            cue = "reported_before" if speaker is not None else cue
        if speaker is not None:
            quote.speaker, quote.speaker_key, quote.speaker_kind = speaker.name, speaker.key, speaker.kind
            quote.cue = cue
        quotes.append(quote)
        previous = quote
    return quotes


_INDEFINITE = frozenset("a an one another some several many other others".split())


def _someone_new_before(doc, start_char: int, end_char: int) -> bool:
    """Whether someone brought in by "a", "one", "another", "some" ("one user", "another fan")
    does something in the text before the quote: someone not named before, not the last speaker."""
    span = doc.char_span(start_char, end_char, alignment_mode="contract")
    return span is not None and any(
        # the subject of a verb, or a noun a verb of its own hangs on ("with one user calling him")
        (t.dep_ in ("nsubj", "nsubjpass") or any(c.dep_ == "acl" and c.pos_ == "VERB" for c in t.children))
        and t.pos_ == "NOUN"
        and any(c.dep_ in ("det", "nummod") and c.lower_ in _INDEFINITE for c in t.children)
        for t in span
    )


def _entity_named(entities: list[Entity], key: str | None) -> Entity | None:
    return next((e for e in entities if e.key == key), None)
