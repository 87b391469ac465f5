"""One report read: the parse, the entities, quotes, numbers and sentence vectors, as a
JSON-safe dict that is stored with the report (Article.analysis) and versioned.

Reports are read in batches (spaCy's nlp.pipe, one encoder call for all their sentences), which
is several times faster than one at a time; read_report is the batch of one.
"""

import re
from collections.abc import Iterable, Iterator
from itertools import islice

from .entities import collect_mentions, link_mentions
from .identity import PERSON
from .lang import get_language
from .models import nlp
from .numbers import ORDINAL_WORDS, read_numbers
from .quotes import read_quotes
from .sentences import split_paragraphs, split_sentences
from .speech import SPEECH_LEMMAS
from .vectors import encode, pack

# Bump when what is stored changes; stored readings of an older version are read again
# (on the fly by comparisons, for good by `manage.py reanalyse_articles`).
READING_VERSION = 61
BATCH = 8  # reports a batch: as fast as 32 here, and a worker peaks 190 MB lower (bench_reading.py)


# Verbs that tell someone what to do: "were told not to eat" gives an instruction, it denies
# nothing that happened (the recall it reports is the same claim as "recalled").
_DIRECTIVE_VERBS = frozenset(
    {"tell", "ask", "urge", "warn", "advise", "order", "instruct", "caution", "beg", "remind", "request"}
)
_NOBODY = frozenset({"nobody", "nothing", "none", "noone"})


def _own_root(token, span) -> bool:
    """Whether a token is the root of the sentence `span`: the parse's root, or, where the parse
    ran the sentence into the one before ("Full service resumed at around 5:40 p.m." then "It
    is the third ..."), the word whose head lies outside it."""
    return token.dep_ == "ROOT" or not span.start <= token.head.i < span.end


def _negated(span) -> bool:
    """Whether the sentence (a spaCy span) denies its main claim ("did not pass"): a negation
    attached to its root verb or a clause it governs, or a subject that is no one ("No new talks
    have been scheduled", "Nobody was hurt"). A negated instruction ("were told not to enter the
    water") denies nothing."""
    if span is None:
        return False
    roots = {t.i for t in span if _own_root(t, span)}

    def main(verb) -> bool:
        return verb.i in roots or (verb.dep_ in ("ccomp", "xcomp") and verb.head.i in roots)

    for t in span:
        if t.dep_ == "neg" and main(t.head):
            directive = t.head.dep_ == "xcomp" and t.head.head.lemma_.lower() in _DIRECTIVE_VERBS
            if not directive:
                return True
        if _no_one(t) and main(t.head):
            return True
    return False


_DENYING_WORDS = frozenset(
    {"no", "never", "nobody", "none", "nothing", "neither", "nor", "not", "n't", "without"}
)
# Verbs that say no by themselves ("refused", "was barred from", "lacks the votes"); "decline" and
# "fail" only with a clause of their own ("declined to comment", not "shares declined").
_DENYING_VERBS = frozenset(
    {
        "refuse",
        "deny",
        "reject",
        "lack",
        "bar",
        "ban",
        "forbid",
        "prohibit",
        "prevent",
        "stop",
        "halt",
        "cancel",
        "suspend",
        "postpone",
        "scrap",
        "abandon",
        "shelve",
    }
)
_DENYING_WITH_CLAUSE = frozenset({"decline", "fail"})
_NOT_UN = ("uni", "under", "unti", "unle")  # "united", "unique", "underlying", "until", "unless"


def _says_no(token) -> bool:
    """Whether a word denies by itself: a denying verb, or an adjective or participle made with
    "un" ("left unregulated", "unable to"), not a verb undoing something ("uncovered payments",
    "unveiled a phone": those take an object)."""
    lemma = token.lemma_.lower()
    if token.pos_ in ("VERB", "AUX") and lemma in _DENYING_VERBS:
        return True
    if token.pos_ == "VERB" and lemma in _DENYING_WITH_CLAUSE:
        return any(c.dep_ == "xcomp" for c in token.children)
    word = token.lower_
    return (
        word.startswith("un")
        and not word.startswith(_NOT_UN)
        and len(word) > 6
        and (
            token.tag_ == "JJ"
            or (token.tag_ in ("VBN", "VBD") and not any(c.dep_ == "dobj" for c in token.children))
        )
    )


def _denies_something(span) -> bool:
    """Whether any part of the sentence denies anything ("who has not been named", "no ransom
    was paid", "but never like this"), its main claim or not, also in words of its own: "refused",
    "was barred from", "left unregulated", "the first increase since 2018" (none before), "the
    hottest day ever" (never hotter). Two reports often deny one fact, one with "not", the other
    with such a word ("did not allow" / "refused"); the denial guard must not take them for
    opposites."""
    if span is None:
        return False
    if any(t.dep_ == "neg" or t.lower_ in _DENYING_WORDS or _says_no(t) for t in span):
        return True
    words = [t.lower_ for t in span]
    if "first" in words and "since" in words[words.index("first") :]:
        return True
    return "ever" in words and any(t.tag_ in ("JJS", "RBS") for t in span)


# Auxiliaries and frames that put a claim ahead of the report ("will resume", "is due to resume",
# "is expected to cut"); "would" as in reported speech ("said the bridge would reopen").
_AHEAD_AUX = frozenset({"will", "shall", "'ll", "wo", "would"})
_AHEAD_FRAMES = frozenset({"due", "set", "expected", "scheduled", "poised", "slated", "planned", "going"})


def _time(span) -> str | None:
    """When the sentence's main claim happens, from its verb: "past" ("broke down"), "ahead"
    ("will resume", "are due to resume", "said workers would walk out") or None when the parse
    cannot tell. Told, a past tense is only the teller's ("said Switzerland was ready" is
    still so), and a present perfect or an intention ("vowed to appeal") is not over: None.
    A sentence telling both times, in a verb joined to the main one or in a clause of its own
    ("completed a medical on Monday and will sign a four-year contract", "will have to wait
    longer after the bank yesterday declined to move its rate"), is None too: either report
    may tell the half the other tells."""
    if span is None:
        return None
    verb = next((t for t in span if _own_root(t, span)), None)
    if verb is None:
        return None
    told = verb.lemma_.lower() in SPEECH_LEMMAS
    if told:
        # What was said is the claim ("told an interviewer that he would step in"); a speech
        # verb with no clause of its own ("promised 200 million euros") tells no time.
        said = next((t for t in verb.subtree if t.dep_ == "ccomp"), None)
        if said is None:
            return None
        verb = said
    time = _verb_time(verb, told)
    if time is not None and any(_joined_time(c, told) not in (None, time) for c in verb.children):
        return None
    return time


def _joined_time(clause, told: bool) -> str | None:
    """The time a clause joined to the main verb tells ("and will sign", "after the bank
    yesterday declined to move", "; his daughter will join"): a past tense is past here
    whatever follows it."""
    if clause.dep_ not in ("conj", "parataxis", "advcl", "ccomp", "dep") or clause.pos_ not in (
        "VERB",
        "AUX",
    ):
        return None
    has_auxiliary = any(c.dep_ in ("aux", "auxpass") for c in clause.children)
    if clause.tag_ == "VBD" and not has_auxiliary:
        return "past"
    return _verb_time(clause, told)


def _verb_time(verb, told: bool) -> str | None:
    """The time one verb tells (see _time)."""
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if auxiliaries & _AHEAD_AUX:
        # "would have risen": what would have been, not what will be
        return None if "have" in auxiliaries and verb.tag_ == "VBN" else "ahead"
    frame = [verb] + [c for c in verb.children if c.dep_ == "acomp"]
    if any(t.lower_ in _AHEAD_FRAMES and any(c.dep_ == "xcomp" for c in t.children) for t in frame):
        return "ahead"
    intends = any(c.dep_ == "xcomp" for c in verb.children)
    if verb.tag_ == "VBD" and not told and not intends and not auxiliaries:
        return "past"
    return None


# Words of the subject's own that stay with who spoke, not with what was said ("said on Tuesday",
# "told reporters"); a prepositional phrase is left out, since the parse often hangs the clause
# said on it ("told reporters outside the mission that Pyongyang wanted ...").
_TELLING_CHILDREN = frozenset({"aux", "auxpass", "advmod", "npadvmod"})
_AUDIENCES = frozenset({"reporters", "journalists"})


def _attribution(span) -> tuple[list[list[int]], list[list[int]]]:
    """Where the sentence says who is speaking, as [start, end] offsets: a speech verb at the
    top of the sentence with the whole of its subject ("Unite regional officer Bobby Kershaw
    said", "said Kamrul Hasan Chowdhury, the ministry's additional secretary"), and an
    "according to" phrase. The rest is what was said; two sentences of one speaker that share
    none of it tell two things that speaker said, not one."""
    if span is None:
        return [], []
    telling: set[int] = set()
    speaking: set[int] = set()
    for token in span:
        top = token.dep_ == "ROOT" or (token.dep_ in ("parataxis", "advcl") and token.head.dep_ == "ROOT")
        if top and token.pos_ == "VERB" and token.lemma_.lower() in SPEECH_LEMMAS:
            subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not subjects:
                continue
            telling.add(token.i)
            for child in token.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    speaking.update(t.i for t in child.subtree)
                elif child.dep_ in _TELLING_CHILDREN or (child.dep_ == "dobj" and child.lower_ in _AUDIENCES):
                    telling.update(t.i for t in child.subtree)
        elif token.lower_ == "according" and token.dep_ == "prep":
            speaking.update(t.i for t in token.subtree if t.i != token.i)
            telling.add(token.i)
    return _runs(span, telling | speaking), _runs(span, speaking)


def _runs(span, indices: set[int]) -> list[list[int]]:
    """[start, end] offsets of the runs of consecutive tokens among indices, inside span."""
    runs: list[list[int]] = []
    for i in sorted(t for t in indices if span.start <= t < span.end):
        token = span.doc[i]
        start, end = token.idx, token.idx + len(token)
        if runs and runs[-1][2] == i - 1:
            runs[-1][1], runs[-1][2] = end, i
        else:
            runs.append([start, end, i])
    return [[start, end] for start, end, _ in runs]


# Words by which a sentence speaks to its reader or for its writer ("If you woke up to pictures
# of ...", "we have all seen"): a feature's or a column's voice, not a lead's.
_READER_OR_WRITER = frozenset({"you", "your", "we", "our", "us", "i", "my", "me"})
# Auxiliaries of a thing done: "has recalled", "had asked", "were brought", "has been arrested".
_DONE_AUXILIARIES = frozenset({"has", "have", "had", "was", "were", "been"})


def _happened(span) -> bool:
    """Whether the sentence tells, in the reporter's own voice, a thing that happened, as a news
    lead does: its main verb in a past tense or a perfect ("broke up", "has recalled", "were
    brought to the surface"; "... has fallen sharply, the agency said"), not a state ("is still
    there", "has 412 stores"), a statement ("China said it would take measures"), a denial,
    something ahead or going on ("will keep", "are mourning"), nor a sentence speaking to its
    reader ("If you woke up to ..."). A dateline ("KOTA BHARU:") is a sentence of its own to
    the parse, so the main verb is the first root that is a verb."""
    if span is None:
        return False
    verb = next((t for t in span if _own_root(t, span) and t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        verb = _after_dateline(span)
    if verb is None:
        return False
    if any(t.tag_ in ("PRP", "PRP$") and t.lower_ in _READER_OR_WRITER and t.text != "US" for t in span):
        return False
    said = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if verb.lemma_.lower() in SPEECH_LEMMAS and said is not None:
        # "Two people have died in a wildfire, the RCMP confirmed": the happening told first and
        # its source after it is a lead's; "China said it would take measures" tells a statement
        if said.i > verb.i or said.pos_ not in ("VERB", "AUX"):
            return False
        verb = said
    if any(c.dep_ == "neg" or _no_one(c) for c in verb.children):
        return False
    # "Borrowers will have to wait a while longer, after the central bank yesterday again declined
    # to move its rate": a lead telling first what follows for its readers tells the happening
    # itself in its "after" clause
    return _done(verb) or any(_done(clause) for clause in _after_clauses(verb))


def _after_dateline(span):
    """The main verb of a sentence the parse hangs on its dateline ("LUANSHYA – Nineteen miners
    were yesterday brought to the surface": the place is the root, the verb a clause of it): a
    verb with a subject of its own right under a root that is a name followed by a dash or a
    colon."""
    root = next((t for t in span if _own_root(t, span)), None)
    if root is None or root.pos_ != "PROPN" or root.i + 1 >= span.end or span.doc[root.i + 1].tag_ != ":":
        return None
    return next(
        (
            c
            for c in root.children
            if c.pos_ in ("VERB", "AUX")
            and c.i > root.i
            and any(d.dep_ in ("nsubj", "nsubjpass") for d in c.children)
        ),
        None,
    )


def _done(verb) -> bool:
    """Whether a verb tells a thing done: a past tense or a perfect ("broke up", "has recalled",
    "were brought"), not a state ("be", "have"), a denial, nor a perfect over a stretch of time."""
    if verb.lemma_.lower() in ("be", "have") or any(c.dep_ == "neg" or _no_one(c) for c in verb.children):
        return False
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if auxiliaries & {"has", "have"} and any(_span_of_time(c) for c in verb.children):
        return False  # "has spent the past decade persuading", "has lived there for 20 years"
    if verb.tag_ == "VBD":
        return not auxiliaries
    # a past participle with no auxiliary is the parse's for a past tense ("The crossing reopened")
    return verb.tag_ == "VBN" and auxiliaries <= _DONE_AUXILIARIES


def _after_clauses(verb) -> list:
    """The verbs of the "after" clauses a main verb governs, or the verb it governs does ("will
    have to wait ... after the bank declined"); the parse sometimes reads such an "after" as a
    preposition over the clause."""
    clauses = []
    for head in (verb, *(c for c in verb.children if c.dep_ == "xcomp")):
        for child in head.children:
            if child.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ == "after" for m in child.children
            ):
                clauses.append(child)
            elif child.dep_ == "prep" and child.lower_ == "after":
                clauses.extend(c for c in child.children if c.dep_ == "pcomp" and c.pos_ == "VERB")
    return clauses


def _span_of_time(token) -> bool:
    """Whether a verb's dependent is a stretch of time ("the past decade", "for nearly two
    years", "since 2019"): a perfect with one tells what has gone on, not what happened."""
    if token.dep_ == "prep" and token.lower_ in ("for", "since"):
        return any(c.ent_type_ in ("DATE", "TIME") for c in token.subtree)
    return token.dep_ in ("dobj", "npadvmod") and token.ent_type_ in ("DATE", "TIME")


def _no_one(token) -> bool:
    """Whether a verb's dependent is a subject that is no one ("No talks have been scheduled")."""
    return token.dep_ in ("nsubj", "nsubjpass") and (
        token.lower_ in _NOBODY or any(c.dep_ == "det" and c.lower_ == "no" for c in token.children)
    )


# What a source declines to do when it keeps its view to itself ("declined to comment", "refused
# to say", "declined to criticise the referee"), and the verbs that, denied, tell the same ("did
# not say whether", "would not comment", "did not respond to requests for comment").
_WITHHELD_WITH_REFUSAL = frozenset(
    {
        "comment",
        "say",
        "discuss",
        "confirm",
        "elaborate",
        "speculate",
        "criticise",
        "criticize",
        "blame",
        "name",
        "identify",
        "specify",
        "disclose",
        "reveal",
        "answer",
        "respond",
        "reply",
        "explain",
        "detail",
        "address",
    }
)
# Denied, only the verbs of answering at all: "did not disclose the price" / "the price was not
# disclosed" tell one fact about the price, not a source's silence (a Huawei pair on the real copies).
_WITHHELD_WHEN_DENIED = frozenset({"say", "comment", "respond", "reply", "answer", "elaborate"})
_REFUSING = frozenset({"decline", "refuse"})
_MESSAGES = frozenset({"call", "message", "email", "e-mail", "request", "inquiry", "enquiry"})


def _withholds(span) -> bool:
    """Whether the sentence's main claim is that someone kept what they think to themselves:
    "The ministry declined to comment", "The club refused to say how much it paid", "The coach
    declined to criticise the umpire", "The firm did not say whether it would cut jobs",
    "Officials could not be reached for comment", "did not return calls", "had no immediate
    comment"; also told ("The union said it would not comment"). Such a sentence tells that a
    thing was not said, so it is never the same claim as one telling what was said or done
    ("A spokeswoman said the fund was following developments closely"). "Shares declined 3%"
    and "The insurer refused to pay the claim" withhold nothing."""
    if span is None:
        return False
    verb = next((t for t in span if _own_root(t, span) and t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    said = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    told = verb.lemma_.lower() in SPEECH_LEMMAS and not any(c.dep_ == "neg" for c in verb.children)
    if told and said is not None and said.pos_ in ("VERB", "AUX"):
        verb = said  # "said it would not comment"; "did not say whether" is the speech denied
    lemma = verb.lemma_.lower()
    children = list(verb.children)
    if lemma in _REFUSING:
        return any(c.dep_ == "xcomp" and c.lemma_.lower() in _WITHHELD_WITH_REFUSAL for c in children)
    if lemma == "have":  # "had no immediate comment"
        return any(
            c.dep_ == "dobj" and c.lemma_.lower() == "comment" and any(d.lower_ == "no" for d in c.children)
            for c in children
        )
    if not any(c.dep_ == "neg" for c in children):
        return False
    if lemma in _WITHHELD_WHEN_DENIED:
        return not any(c.dep_ == "auxpass" for c in children)  # "was not said" tells no silence
    if lemma == "return":  # "did not return calls", not "did not return to work"
        return any(c.dep_ == "dobj" and c.lemma_.lower() in _MESSAGES for c in children)
    # "could not be reached for comment"
    return lemma == "reach" and any(c.dep_ == "nsubjpass" for c in children)


_ORDINAL_DIGITS = re.compile(r"^(\d+)(?:st|nd|rd|th)$")


def _rank(span) -> int | None:
    """The place in a series that the sentence is about ("It is the third KTX derailment since
    2022", "Tuesday was the ninth consecutive day above 105 degrees"): an ordinal describing
    what a "be" at its root says the subject is. Two reports giving two places ("the second
    serious derailment in two years") count two series, or one differently: not one claim.
    Where the parse ran the sentence into the one before ("Full service resumed at around 5:40
    p.m." then "It is the third ..."), its root is the word whose head lies outside it."""
    if span is None:
        return None
    for token in span:
        if _own_root(token, span) and token.lemma_.lower() == "be":
            for attr in token.children:
                if attr.dep_ != "attr":
                    continue
                for child in attr.children:
                    word = child.lower_
                    digits = _ORDINAL_DIGITS.match(word)
                    if child.dep_ == "amod" and (word in ORDINAL_WORDS or digits):
                        return ORDINAL_WORDS.get(word) or int(digits.group(1))
    return None


_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})


def _doer(span) -> dict | None:
    """Who does what in the main claim, from the parse: its main verb's lemma ("sit", "tackle")
    and its subject's head with the words compounded with it, as characters, and whether the
    subject is a name ("Galatasaray, the Turkish champions, sit top of the table":
    "Galatasaray"; "the agreement would save" is no name).
    Told, the claim is what was said ("Hendra said the bank would step up its intervention":
    "step", "the bank"). None where the parse gives no main verb or it has no subject."""
    if span is None:
        return None
    verb = next((t for t in span if _own_root(t, span) and t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return None
    said = next((c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), None)
    if verb.lemma_.lower() in SPEECH_LEMMAS and said is not None:
        verb = said
    subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
    if not subjects:
        return None
    # the subject's head and the words compounded with it: the doer's own name ("Aston Villa"),
    # not what tells more of it ("Galatasaray, the Turkish champions,", "Klopp's Reds", "Two
    # officers who had been assigned to the festival")
    characters = sorted(
        [t.idx, t.idx + len(t.text)]
        for subject in subjects
        for t in subject.subtree
        if t == subject or (t.dep_ == "compound" and t.head == subject)
    )
    return {
        "verb": verb.lemma_.lower(),
        "subject": characters,
        "named": all(subject.pos_ == "PROPN" for subject in subjects),
    }


def _sentence(sentence, span) -> dict:
    """A sentence of the reading: where it stands, its text, and what its parse (`span`, or
    None where the parse's tokens do not cover it) says of its main claim."""
    return {
        "id": sentence.index,
        "paragraph": sentence.paragraph,
        "start": sentence.start,
        "end": sentence.end,
        "text": sentence.text,
        "negated": _negated(span),
        "denies": _denies_something(span),
        "time": _time(span),
        "rank": _rank(span),
        "happened": _happened(span),
        "withholds": _withholds(span),
        "doer": _doer(span),
        **dict(zip(("attribution", "speaker"), _attribution(span), strict=True)),
    }


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(span_start <= start and end <= span_end for span_start, span_end in spans)


def _read_one(title: str, body: str, language: str, body_doc, title_doc) -> dict:
    lang = get_language(language)
    sentences = split_sentences(body, language)
    starts = [s.start for s in sentences]
    paragraphs = split_paragraphs(body)
    mentions = collect_mentions(body_doc, starts, lang)
    entities = link_mentions(mentions, lang)
    mentions = [m for e in entities for m in e.mentions]  # those the linking kept
    quotes = read_quotes(body, body_doc, sentences, paragraphs, mentions, entities)
    # A person's name is no figure: "May's own lawmakers" is Theresa May, not the month.
    named = [(m.start, m.end) for e in entities if e.kind == PERSON for m in e.mentions]
    numbers = [n for n in read_numbers(body_doc, starts, lang) if not _inside(n.start, n.end, named)]
    title_numbers = read_numbers(title_doc, [0], lang)
    return {
        "version": READING_VERSION,
        "language": language,
        "title": title,
        "title_numbers": [n.as_dict() for n in title_numbers],
        "sentences": [
            _sentence(s, body_doc.char_span(s.start, s.end, alignment_mode="expand")) for s in sentences
        ],
        "entities": [e.as_dict() for e in entities],
        "quotes": [q.as_dict() for q in quotes],
        "numbers": [n.as_dict() for n in numbers],
    }


def read_reports(items: Iterable[tuple[str, str, str]], batch_size: int = BATCH) -> Iterator[dict]:
    """The reading of each (title, body, language), in order, read batch_size at a time."""
    iterator = iter(items)
    while batch := list(islice(iterator, batch_size)):
        texts = [text for title, body, _ in batch for text in (body, title)]
        docs = list(nlp().pipe(texts, batch_size=batch_size * 2))
        readings = [
            _read_one(title, body, language or "en", docs[2 * k], docs[2 * k + 1])
            for k, (title, body, language) in enumerate(batch)
        ]
        # One encoder call for every headline and sentence of the batch.
        texts = [text for r in readings for text in (r["title"], *(s["text"] for s in r["sentences"]))]
        matrix = encode(texts)
        row = 0
        for reading in readings:
            count = 1 + len(reading["sentences"])
            reading["title_vector"] = pack(matrix[row : row + 1])
            reading["vectors"] = pack(matrix[row + 1 : row + count])
            row += count
        yield from readings


def read_report(title: str, body: str, language: str = "en") -> dict:
    """The reading of one report (see read_reports)."""
    return next(read_reports([(title, body, language)]))
