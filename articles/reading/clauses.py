"""The clauses of a long sentence, cut from its parse.

A long sentence often holds several facts ("Seven of the victims died in Broward County, where
the storm made landfall, and officials said the toll could rise"), and another report may state
only one of them in a sentence of its own. The whole sentence's vector and words are diluted by
the others; a clause's are not. A clause is a verb's subtree that adds a fact of its own (a
coordinated main clause, a participle or adverbial clause, a relative clause, a clause after a
semicolon), or a prepositional tail set off by a comma; the main clause is what is left. The
sentence itself stays the unit the comparison shows: clauses only help find its partner.
"""

from dataclasses import dataclass

MIN_SENTENCE_WORDS = 12  # shorter sentences hold one claim as a rule
MIN_CLAUSE_WORDS = 4  # a shorter part is a phrase, not a claim
_CARVED = frozenset({"conj", "advcl", "relcl", "parataxis"})
_TAILS = frozenset({"prep"})
_TAIL_WORDS = 4
_OPENERS = frozenset({"cc", "punct", "mark"})


@dataclass(frozen=True, slots=True)
class Clause:
    sentence: int
    parts: tuple[tuple[int, int], ...]  # character ranges in the text parsed, in order
    text: str


def _is_verb(token) -> bool:
    return token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB")


def _heads(span) -> list:
    """The tokens whose subtrees are cut out as clauses of their own."""
    heads = []
    for token in span:
        if token.dep_ in _CARVED and _is_verb(token) and token.head.i != token.i:
            heads.append(token)
        elif (
            token.dep_ in _TAILS
            and _is_verb(token.head)
            and token.i > span.start
            and token.doc[token.i - 1].text == ","
            and token.right_edge.i - token.i + 1 >= _TAIL_WORDS
        ):
            heads.append(token)
    return heads


def _words(tokens) -> int:
    return sum(1 for t in tokens if not t.is_punct)


def sentence_clauses(span, sentence: int) -> list[Clause]:
    """The clauses of one sentence (a spaCy span), or none when it holds only one."""
    tokens = [t for t in span if not t.is_space]
    if _words(tokens) < MIN_SENTENCE_WORDS:
        return []
    inside = {t.i for t in tokens}
    heads = _heads(span)
    owner: dict[int, int] = {}  # token index -> index of the carved head owning it (-1: main)
    # A token belongs to the nearest carved head above it (or itself), else to the main clause.
    head_ids = {h.i for h in heads}
    for t in tokens:
        node, found = t, -1
        while True:
            if node.i in head_ids:
                found = node.i
                break
            if node.head.i == node.i or node.head.i not in inside:
                break
            node = node.head
        owner[t.i] = found
    # Clauses after a semicolon are clauses of their own however the parse attached them.
    segment, segments = 0, {}
    for t in tokens:
        if t.text == ";":
            segment += 1
        segments[t.i] = segment
    groups: dict[tuple[int, int], list] = {}
    for t in tokens:
        groups.setdefault((owner[t.i], segments[t.i]), []).append(t)
    clauses = []
    for members in groups.values():
        runs: list[list] = []
        for t in members:
            if runs and t.i == runs[-1][-1].i + 1:
                runs[-1].append(t)
            else:
                runs.append([t])
        # Commas and conjunctions at a cut belong to neither side.
        trimmed = []
        for run in runs:
            while run and (run[0].dep_ in _OPENERS or run[0].is_punct):
                run = run[1:]
            while run and (run[-1].dep_ in _OPENERS or run[-1].is_punct):
                run = run[:-1]
            if run:
                trimmed.append(run)
        if _words([t for run in trimmed for t in run]) < MIN_CLAUSE_WORDS:
            continue
        parts = tuple((run[0].idx, run[-1].idx + len(run[-1].text)) for run in trimmed)
        text = " ".join(span.doc.text[s:e] for s, e in parts)
        clauses.append(Clause(sentence, parts, text))
    return clauses if len(clauses) > 1 else []
