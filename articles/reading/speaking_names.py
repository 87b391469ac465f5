"""Full names with a person's marks where the model tagged nothing or took them for somewhere:
the subject of a verb of speech (whoever says something is someone, or a body), or a name
with an age in commas after it ("Anwen Price-Jenkins, 29, a nurse")."""

from types import ModuleType

from .identity import PERSON, PLACE, is_first_name, known_place
from .kinds import aged, kind_by_shape, one_word
from .not_names import DESCRIBING
from .people import opens_with_a_common_word
from .spans import hyphenated_end, strip_span
from .speech import SPEECH_LEMMAS


def _speaker_name(doc, subject) -> tuple[int, int]:
    """Token bounds of the proper name a speech verb's subject ends: the capitalised words
    and hyphenated parts before it ("Mum-of-two Meera Kulkarni-Dunne" -> "Meera Kulkarni-Dunne")."""
    start, end = subject.i, subject.i + 1
    while start > 0:
        before = doc[start - 1]
        if before.pos_ == "PROPN" and before.text[:1].isupper() and before.whitespace_:
            start -= 1
        elif before.text == "-" and not before.whitespace_ and start > 1 and not doc[start - 2].whitespace_:
            if not doc[start - 2].text[:1].isupper():
                break
            start -= 2
        else:
            break
    return start, end


def _marked_as_someone(doc, start: int, end: int) -> bool:
    """Whether a name carries a person's marks around it: an age after it ("Meera Kulkarni-Dunne,
    36,") or a description in lower case right before it ("candidate Craig Ellison-Platt",
    "Mum-of-two Meera ...")."""
    with_age = end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].like_num
    before = doc[start - 1] if start > 0 else None
    described = before is not None and before.is_alpha and (before.is_lower or before.like_num)
    return with_age or described


def with_untagged_speakers(
    doc, raw: list[tuple[int, int, str, bool]], lang: ModuleType
) -> list[tuple[int, int, str, bool]]:
    """raw with the full names that speak ("Governor Laurent Desrochers told reporters",
    "Mum-of-two Meera Kulkarni-Dunne, 36, said:") where the model tagged nothing or took them
    for a building or an area: whoever says something is someone, or a body.

    A name the model tagged nothing in must show a person's marks as well: a title, an age
    after it, a description before it ("candidate Craig ..."), or a first name the nicknames
    table knows ("Theresa May tweeted"); untagged and bare, "Federated
    Farmers said" and "Cheong Wa Dae said" are bodies as often. Lone words are left to the
    surname linking (an untagged "Acas said" may be a body as well as a person); storms that
    "slam" into coasts and places ("N. Korea says") are no one."""
    out = list(raw)
    for verb in doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in SPEECH_LEMMAS:
            continue
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        # "B.C.'s Minister of Emergency Management, Harjit S. Dhaliwal, said": the name set
        # beside a title that speaks is someone's, titled by it
        by_title = [
            c
            for s in subjects
            if s.lower_.rstrip(".") in lang.TITLES
            for c in s.children
            if c.dep_ == "appos" and c.pos_ == "PROPN"
        ]
        for subject in subjects + by_title:
            if subject.pos_ != "PROPN":
                continue
            start, end = _speaker_name(doc, subject)
            end = hyphenated_end(doc, start, end)  # "Gregory A. Ashworth-Osei has called ..."
            if end < len(doc) and doc[end].tag_ == "MD" and doc[end].text[:1].isupper():
                end += 1  # "Theresa May tweeted": a surname the parser read as the modal
            if start > 0 and doc[start - 1].lower_ in DESCRIBING | {"the"}:
                continue  # "one Tory Brexiteer told", "the Liberal Democrats said": no one's name
            start, end, titled = strip_span(doc, start, end, PERSON, lang)
            titled = titled or subject in by_title
            words = [t.text for t in doc[start:end] if t.text != "-"]
            if len(words) < 2 or not all(w[:1].isupper() for w in words):
                continue
            lower = [w.lower().strip(".") for w in words]
            if any(w in lang.NOT_PERSON_BEFORE or known_place(w, lang) for w in lower):
                continue
            kind = kind_by_shape(words, PERSON, lang)
            overlapping = [k for k, (s, e, _, _) in enumerate(out) if s < end and start < e]
            pieces = [out[k] for k in overlapping]
            if (
                kind == PERSON
                and pieces
                and all(start <= s and e <= end and e - s < end - start for s, e, _, _ in pieces)
                and any(old_kind == PLACE for _, _, old_kind, _ in pieces)
                and all(
                    old_kind == PERSON or (old_kind == PLACE and not known_place(doc[s:e].text, lang))
                    for s, e, old_kind, _ in pieces
                )
                and (titled or _marked_as_someone(doc, start, end) or is_first_name(words[0]))
            ):
                # "Fergal" of "Fergal Ó Laoire" taken for a town, "Ó Laoire" apart: the whole name
                out = [span for span in out if span not in pieces] + [(start, end, PERSON, titled)]
                continue
            if not overlapping:
                if kind == PERSON and (
                    titled or _marked_as_someone(doc, start, end) or is_first_name(words[0])
                ):
                    out.append((start, end, PERSON, titled))
                continue
            for k in overlapping:
                s, e, old_kind, old_titled = out[k]
                if old_kind == PLACE and kind == PERSON and not known_place(doc[s:e].text, lang):
                    out[k] = (s, e, PERSON, old_titled or titled)
    return sorted(out)


def with_untagged_aged_names(
    doc, raw: list[tuple[int, int, str, bool]], lang: ModuleType
) -> list[tuple[int, int, str, bool]]:
    """raw with the full names the model tagged nothing in that an age in commas follows
    ("Anwen Price-Jenkins, 29, a nurse at ...", where a sentence's first words leave the small
    model unsure): no body and no place is written with an age, so the capitalised proper nouns
    before it are someone's name."""
    out = list(raw)
    lowercase_words = {t.text for t in doc if t.is_lower}
    for last in doc[:-3]:
        if last.pos_ != "PROPN" or not aged(doc, last.i + 1):
            continue
        start, end, titled = strip_span(doc, *_speaker_name(doc, last), PERSON, lang)
        words = [t.text for t in doc[start:end] if t.text not in ("-", "‐")]
        if len(words) < 2 or not all(w[:1].isupper() and w[1:2].islower() for w in words):
            continue
        if any(known_place(w, lang) for w in words) or kind_by_shape(words, PERSON, lang) != PERSON:
            continue
        if opens_with_a_common_word(words, lowercase_words):
            continue  # "Passenger Meera Kulkarni-Dunne, 36,": who she is, capitalised, then her name
        # the model may have tagged a piece of it ("Lloyd-Hughes" of "Carys Lloyd-Hughes, 33,"):
        # the whole name replaces its pieces, unless a tagged name crosses its edge; a person's
        # name of two words or more keeps the model's bounds ("Passenger [Meera Kulkarni-Dunne]")
        pieces = [span for span in out if span[0] < end and start < span[1]]
        if all(
            start <= s and e <= end and e - s < end - start and (k != PERSON or one_word(doc, s, e))
            for s, e, k, _ in pieces
        ):
            out = [span for span in out if span not in pieces] + [(start, end, PERSON, titled)]
    return sorted(out)
