"""Later mentions of a person by surname alone ("Pelosi told reporters"), which the model
often leaves untagged or reads as another word ("May said")."""

from bisect import bisect_right

from .identity import PERSON, is_initial, name_parts
from .kin import honorific_before
from .mention import Mention
from .spans import hyphenated_end


def surnames_of(names) -> set[str]:
    """The last names of the people named in full among names: two words or more, or one
    after initials ("K. R. Sreelatha", as South Indian names are written: the initials stand
    for the father's name and the place, the word is what the report goes on to call her)."""
    return {
        core[-1]
        for name in names
        if len(core := name_parts(name)) >= 2 or (core and any(is_initial(w) for w in name.split()[:-1]))
    }


def _names_someone(token) -> bool:
    """Whether a word spelt as a known surname is used as a name here. The small model reads a
    surname that is also a modal verb as the verb ("May told parliament", '"...," May said');
    a modal is not capitalised inside a sentence, nor followed by a verb in the past tense."""
    if token.ent_type_ == "DATE" and token.tag_ != "MD" and token.dep_ not in ("poss", "nsubj", "nsubjpass"):
        return False  # "in May", "May 5": the month
    if token.pos_ == "PROPN":
        return True
    if token.pos_ == "NOUN" and token.text[:1].isupper():
        # '"...," Desrochers said': the parser reads an unfamiliar surname as a common noun; it
        # is one inside a sentence, or as the subject or owner at its start.
        return not token.is_sent_start or token.dep_ in ("nsubj", "nsubjpass", "poss")
    if token.tag_ != "MD" or not token.text[:1].isupper():
        return False
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return not token.is_sent_start or (following is not None and following.tag_ in ("VBD", "VBZ"))


def with_surname_mentions(
    doc, mentions: list[Mention], sentence_starts: list[int], family_first: set[str] = frozenset()
) -> list[Mention]:
    """Later mentions by surname the model did not tag ("Pelosi told reporters") added, when
    the surname is that of a person the report names in full; so are family names written
    first ("Han said" after "Han Seung Woo")."""
    surnames = surnames_of(m.text for m in mentions if m.kind == PERSON) | family_first
    if not surnames:
        return mentions
    covered = set()
    for mention in mentions:
        covered.update(range(mention.start, mention.end))
    added = []
    for token in doc:
        end = hyphenated_end(doc, token.i, token.i + 1)
        text = doc[token.i : end].text  # "Ellison-Platt" is three tokens
        if text not in surnames:  # "Trump" in "the Trump-Kim meeting"
            end, text = token.i + 1, token.text
        if text in surnames and _names_someone(doc[end - 1]) and token.idx not in covered:
            sentence = max(bisect_right(sentence_starts, token.idx) - 1, 0)
            honorific = honorific_before(doc, token.i)
            titled = bool(honorific) or (token.i > 0 and doc[token.i - 1].lower_.rstrip(".") == "dr")
            mention = Mention(token.idx, token.idx + len(text), text, PERSON, sentence, titled)
            mention.honorific = honorific
            added.append(mention)
    return sorted(mentions + added, key=lambda m: m.start)
