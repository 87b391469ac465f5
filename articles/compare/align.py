"""Alignment of two analysed reports, claim by claim.

Each sentence becomes a weighted bag of normalised words (stems, American spelling), entity keys
(so "Kim Yong-chol" and "Kim Yong Chol" are one token) and number values. Words that are rare in
the two reports weigh more (inverse document frequency over their sentences). A pair's word
overlap is the mean of its weighted Dice overlap and its overlap relative to the shorter
sentence, so that a short claim inside a long sentence still counts; with the cosine of the
sentences' meaning vectors and the names and figures they share it makes the same-claim model's
probability (claims.py); two figures count as shared when equal, or when what qualifies them
allows one value ("about 25,000" / "24,600": figures_agree). Identical sentences are matched first; pairs above the "related" level
(and pairs quoting the same words) are then assigned globally, best first, one-to-one; a weaker
pair right next to a matched pair is accepted too, since reworded sentences keep their place in
the story. A sentence left over that continues its neighbour's match (one outlet split what the
other said in one sentence) joins that match when its own pair reaches the same-claim level. A
match is shown as the same claim only when its sentences are each other's closest in meaning or in words; otherwise it is at most related (one
topic, not one claim); so is a match of two sentences telling what one speaker said that share
no word of what was said (two of the speaker's remarks), a match of two speakers each quoted
saying another thing, and a match of two sentences each
about a different place in a series ("the third derailment" / "the second"). The sentences
right before or after both sentences of a same-claim match are the same claim too when the
model gives them a fair chance and no guard objects. Rows follow both reports' reading
order along the in-order chain of matches with the greatest total score; a match outside that
chain stays at its place in the first report and gets a link at its place in the second.
"""

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import numpy as np

from ..reading.identity import PLACE
from ..reading.tokens import content_tokens
from ..reading.vectors import cosine_matrix, unpack
from .claims import RELATED_LEVEL, SAME, features, level, model
from .summary import ABOUT, NOT_COMPARED, figure_range, part_and_whole

NEIGHBOUR_THRESHOLD = 0.2  # a claim probability from which a pair next to a matched pair is matched
MEANING_CANDIDATE = 0.35  # pairs sharing no word are scored from this cosine up
QUOTE_PAIR_SCORE = 0.6  # the least score of two sentences quoting the same words
# The claim probability from which a sentence may take a second partner beside its one-to-one
# match: from 0.8 up, nine in ten of all candidate pairs of the development sets are gold "same"
# (0.73 from 0.7, 0.69 from 0.6; eval/compare/RESULTS.md, session 20), and a second partner has
# no competition of the one-to-one assignment to weed it out.
SECOND_PARTNER_LEVEL = 0.8
# A pair of sentences giving one telling figure alike (one_figure) takes a second partner from
# the same-claim level instead: one report's long sentence gives the figure the other gives in a
# sentence of its own ("signed a bill that will divert $144 million ..." / "The state has set
# aside $144 million for the first year"). Counts under DISTINCT_COUNT ("two people") and
# lengths of time recur across a story's happenings and are no such cue.
TELLING_FIGURES = frozenset({"amount", "percent", "quantity", "count"})
DISTINCT_COUNT = 10
# The claim probability from which two sentences next to a same-claim match, in both reports'
# order, are the same claim too (_neighbours_of_same_claims): reworded sentences keep their
# place in the story. From 0.15 up, 8 of the 9 such pairs of the twelve development sets are
# gold same; from 0.1 they take in an opposite ("no flights had been cancelled" / "had
# cancelled six morning flights") and a false number conflict (eval/compare/RESULTS.md,
# session 22).
NEIGHBOUR_SAME_LEVEL = 0.15
ENTITY_WEIGHT = 1.5
NUMBER_WEIGHT = 1.2
# Two speakers' quoted words sharing under this share of the shorter quote's words say two
# things: "independent judgment and a deep knowledge of how ordinary Americans borrow" /
# "honored by the trust of the Senate ... serve all Americans" share one word of five.
QUOTES_APART = 0.25
MOSTLY_QUOTED = 0.5  # ...when at least this share of the words of what each side says is quoted
LARGE_COUNT = 100  # a count from which it names its event whatever it counts ("24,600 volunteers")


@dataclass(slots=True)
class SideText:
    """One report prepared for alignment."""

    sentences: list[dict]
    bags: list[dict[str, int]]  # token -> count, per sentence
    lengths: list[int]
    figures: list[list[dict]] = field(default_factory=list)  # per sentence, those agreeing_figures weighs


@dataclass(slots=True)
class Match:
    a: list[int]
    b: list[int]
    score: float
    moved: bool = False
    level: str = SAME
    second: bool = False  # a sentence's second partner (second_partners): its closest test is one way


@dataclass(slots=True)
class Alignment:
    matches: list[Match]
    rows: list[dict] = field(default_factory=list)
    similarity: float = 0.0


def prepare(analysis: dict, skip: frozenset[int] | set[int] = frozenset()) -> SideText:
    """Token bags of a stored analysis (see articles.reading.read_report); sentences in skip (already
    matched word for word) get empty bags, which saves most of the work on wire copies."""
    language = analysis.get("language", "en")
    sentences = analysis.get("sentences", [])
    bags: list[dict[str, int]] = [
        Counter() if k in skip else Counter(content_tokens(s["text"], language))
        for k, s in enumerate(sentences)
    ]
    for entity in analysis.get("entities", []):
        token = "E:" + entity["key"]
        # The entity token replaces the words of its name, which would otherwise count twice
        # and differ between spellings.
        name_words = {w for variant in entity["variants"] for w in content_tokens(variant, language)}
        for index in entity["sentences"]:
            if 0 <= index < len(bags) and index not in skip:
                bag = bags[index]
                for word in name_words:
                    bag.pop(word, None)
                bag[token] = 1
    for number in analysis.get("numbers", []):
        index = number["sentence"]
        if 0 <= index < len(bags) and index not in skip:
            # The number itself counts once, as its value: "second" of "second summit" goes,
            # "summit" stays; dates keep their month words.
            words = content_tokens(number["text"], language)
            if number["kind"] in ("amount", "year"):
                drop = words
            elif number["kind"] == "date":
                drop = []
            else:
                drop = words[:1]
            for word in drop:
                bags[index].pop(word, None)
            bags[index][f"N:{_matching_unit(number)}={number['value']}"] = 1
    figures: list[list[dict]] = [[] for _ in sentences]
    for number in analysis.get("numbers", []):
        index = number["sentence"]
        if (
            0 <= index < len(figures)
            and index not in skip
            and isinstance(number["value"], int | float)
            and number["kind"] not in ("date", "time", "year")
        ):
            figures[index].append(number)
    return SideText(sentences, bags, [len(s["text"]) for s in sentences], figures)


# Dollars of any country, as a cue that two sentences tell one thing: whose dollars an amount is,
# a report often leaves unsaid ("$7 million" bail in a Canadian court against "C$7 million"). The
# currency read still keeps two currencies' amounts from conflicting.
_DOLLARS = frozenset({"USD", "AUD", "CAD", "NZD", "HKD", "SGD", "TWD"})


def _matching_unit(number: dict) -> str:
    unit = number["unit"]
    return "USD" if number["kind"] == "amount" and unit in _DOLLARS else unit


def _weights(a: SideText, b: SideText) -> dict[str, float]:
    document_frequency: Counter[str] = Counter()
    for bag in (*a.bags, *b.bags):
        document_frequency.update(bag.keys())
    total = max(len(a.bags) + len(b.bags), 1)
    weights = {}
    for token, df in document_frequency.items():
        weight = math.log(1 + total / df)
        if token.startswith("E:"):
            weight *= ENTITY_WEIGHT
        elif token.startswith("N:"):
            weight *= NUMBER_WEIGHT
        weights[token] = weight
    return weights


def _mass(bag: dict[str, int], weights: dict[str, float]) -> float:
    return sum(weights[t] for t in bag)


def pair_score(common: float, mass_a: float, mass_b: float) -> float:
    if not mass_a or not mass_b:
        return 0.0
    dice = 2 * common / (mass_a + mass_b)
    containment = common / min(mass_a, mass_b)
    return min((dice + containment) / 2, 1.0)


def figures_agree(x: dict, y: dict) -> bool:
    """Whether two different figures may be one, given what qualifies them: "about 25,000" /
    "24,600", "more than 2,500" / "about 3,000", "more than 50,000" / "52,000". Both must measure
    one thing, or both be counts of LARGE_COUNT or more (a large count names its event whatever
    its noun: "volunteers" / "people"; "two trucks" is not "two dead"); one must allow a bounded
    range (two open bounds always meet: "more than 6 million" / "more than 12 million"); two
    exact figures never agree ("54%" / "46%"), nor two more than ABOUT apart. Figures of two
    roles never agree, and references ("down from 1.2%") and passives' agents never do, as in
    number conflicts. (Sessions 16 to 18 counted any two figures within 20% as shared: that matched two
    different figures of one measure, "24%" / "22%" coral cover; see eval/compare/RESULTS.md.)"""
    if x["kind"] != y["kind"] or x["value"] == y["value"]:
        return False
    if x.get("bound", "exact") == y.get("bound", "exact") == "exact":
        return False
    role = x.get("role", "")
    if role != y.get("role", "") or role in NOT_COMPARED:
        return False  # as conflicts: a margin faces a margin only; references and agents neither
    one_measure = (x.get("measure") or x["unit"]) == (y.get("measure") or y["unit"])
    large_counts = x["kind"] == "count" and min(abs(x["value"]), abs(y["value"])) >= LARGE_COUNT
    if not (one_measure or large_counts):
        return False
    range_x, range_y = figure_range(x), figure_range(y)
    if range_x is None or range_y is None:
        return False
    if not any(math.isfinite(low) and math.isfinite(high) for low, high in (range_x, range_y)):
        return False
    if abs(x["value"] - y["value"]) > ABOUT * max(abs(x["value"]), abs(y["value"])):
        return False  # an open bound meets any figure beyond it: "more than 1,800" / "about 5,900"
    return range_x[0] <= range_y[1] and range_y[0] <= range_x[1]


def agreeing_figures(figures_a: list[dict], figures_b: list[dict]) -> float:
    """Share of the figures of the sentence giving fewer that the other gives in other words
    (figures_agree), to add to the share both give alike."""
    if not figures_a or not figures_b:
        return 0.0
    hits = len({id(x) for x in figures_a for y in figures_b if figures_agree(x, y)})
    return hits / min(len(figures_a), len(figures_b))


def identical_pairs(sentences_a: list[dict], sentences_b: list[dict]) -> list[tuple[float, int, int]]:
    """Sentences with the same text in both reports (wire copies): matched at once, score 1."""
    positions: dict[str, list[int]] = defaultdict(list)
    for j, sentence in enumerate(sentences_b):
        positions[sentence["text"]].append(j)
    pairs = []
    for i, sentence in enumerate(sentences_a):
        free = positions.get(sentence["text"])
        if free:
            pairs.append((1.0, i, free.pop(0)))
    return pairs


def lexical_pairs(
    a: SideText, b: SideText, weights: dict[str, float], skip_a: set[int], skip_b: set[int]
) -> dict[tuple[int, int], tuple[float, float, float]]:
    """(word overlap, shared names, shared figures) of every pair sharing a token, through an
    inverted index of B's tokens. Names and figures are the share of the sentence naming fewer
    of them that the other names too."""
    index: dict[str, list[int]] = defaultdict(list)
    for j, bag in enumerate(b.bags):
        if j in skip_b:
            continue
        for token in bag:
            index[token].append(j)
    mass_a = [_mass(bag, weights) for bag in a.bags]
    mass_b = [_mass(bag, weights) for bag in b.bags]
    names_b = [sum(t.startswith("E:") for t in bag) for bag in b.bags]
    figures_b = [sum(t.startswith("N:") for t in bag) for bag in b.bags]
    scores: dict[tuple[int, int], tuple[float, float, float]] = {}
    for i, bag in enumerate(a.bags):
        if i in skip_a:
            continue
        names_a = sum(t.startswith("E:") for t in bag)
        figures_a = sum(t.startswith("N:") for t in bag)
        common: dict[int, float] = defaultdict(float)
        shared_names: Counter[int] = Counter()
        shared_figures: Counter[int] = Counter()
        for token in bag:
            w = weights[token]
            for j in index.get(token, ()):
                common[j] += w
                shared_names[j] += token.startswith("E:")
                shared_figures[j] += token.startswith("N:")
        for j, c in common.items():
            scores[(i, j)] = (
                pair_score(c, mass_a[i], mass_b[j]),
                shared_names[j] / max(min(names_a, names_b[j]), 1),
                shared_figures[j] / max(min(figures_a, figures_b[j]), 1),
            )
    return scores


def sentence_cosines(analysis_a: dict, analysis_b: dict, a: SideText, b: SideText):
    """Cosine of every sentence of A with every sentence of B, or None when a reading has no
    vectors or they were made for another sentence split (then words alone decide)."""
    cosines = cosine_matrix(unpack(analysis_a.get("vectors")), unpack(analysis_b.get("vectors")))
    if cosines is not None and cosines.shape != (len(a.bags), len(b.bags)):
        return None
    return cosines


def candidate_features(
    a: SideText,
    b: SideText,
    weights: dict[str, float],
    skip_a: set[int],
    skip_b: set[int],
    cosines=None,
    lexical: dict[tuple[int, int], tuple[float, float, float]] | None = None,
) -> dict[tuple[int, int], tuple]:
    """The same-claim model's features (claims.features) of every pair that may make one claim:
    pairs sharing a word, a name or a figure, and pairs close in meaning that share none.
    lexical: lexical_pairs() of the same reports, when the caller has it already."""
    lexical = dict(lexical) if lexical is not None else lexical_pairs(a, b, weights, skip_a, skip_b)
    lead_a, lead_b = lead(a.sentences), lead(b.sentences)
    if cosines is not None:
        close = cosines >= MEANING_CANDIDATE
        for i, j in zip(*close.nonzero(), strict=True):
            i, j = int(i), int(j)
            if i not in skip_a and j not in skip_b and a.bags[i] and b.bags[j]:
                lexical.setdefault((i, j), (0.0, 0.0, 0.0))
    figures_a = a.figures or [[] for _ in a.bags]
    figures_b = b.figures or [[] for _ in b.bags]
    # Figures that agree in other words ("About 1,900 members" / "Nearly 2,000 dockers") share
    # no token, so the index above does not see them: they make a candidate too.
    with_figures_b = [j for j, figures in enumerate(figures_b) if figures and j not in skip_b and b.bags[j]]
    for i, figures in enumerate(figures_a):
        if figures and i not in skip_a and a.bags[i]:
            for j in with_figures_b:
                if (i, j) not in lexical and agreeing_figures(figures, figures_b[j]):
                    lexical[(i, j)] = (0.0, 0.0, 0.0)
    return {
        (i, j): features(
            words,
            float(cosines[i, j]) if cosines is not None else None,
            names,
            min(figures + agreeing_figures(figures_a[i], figures_b[j]), 1.0),
            leads=float(i == lead_a and j == lead_b),
        )
        for (i, j), (words, names, figures) in lexical.items()
    }


LEAD_WORDS = 6  # a first "sentence" shorter than this is a heading or a credit, not the lead


def lead(sentences: list[dict]) -> int:
    """The index of a report's lead: its first sentence of some length. News states its core
    fact first, so two reports' leads of one event are the same claim far more often than
    any other two sentences (in every annotated pair whose leads both state a fact)."""
    for k, sentence in enumerate(sentences):
        if len(sentence["text"].split()) >= LEAD_WORDS:
            return k
    return -1


def candidate_pairs(
    a: SideText,
    b: SideText,
    weights: dict[str, float],
    skip_a: set[int],
    skip_b: set[int],
    cosines=None,
    lexical: dict[tuple[int, int], tuple[float, float, float]] | None = None,
    floor: float = NEIGHBOUR_THRESHOLD,
) -> list[tuple[float, int, int]]:
    """(claim probability, i, j) of every candidate pair the alignment may use (from floor)."""
    current = model()
    pairs = []
    for (i, j), pair_features in candidate_features(a, b, weights, skip_a, skip_b, cosines, lexical).items():
        score = current.probability(pair_features)
        if score >= floor:
            pairs.append((score, i, j))
    return pairs


def closest_both_ways(
    lexical: dict[tuple[int, int], tuple[float, float, float]], cosines=None
) -> set[tuple[int, int]]:
    """Pairs whose sentences are each other's closest, in meaning or in words. Reports of one
    event are all on one topic, so many of their sentences score alike; a pair neither of whose
    sentences has a closer partner in the other report is far more often the same claim (on
    real page copies, two in three "same" rows failing this test paired different claims)."""
    meaning_a, meaning_b, words_a, words_b = _closest_each_way(lexical, cosines)
    return (meaning_a & meaning_b) | (words_a & words_b)


def _closest_each_way(
    lexical: dict[tuple[int, int], tuple[float, float, float]], cosines=None
) -> tuple[set[tuple[int, int]], ...]:
    """The pairs (i, j) whose B sentence is the closest to its A sentence, and those whose A
    sentence is the closest to its B sentence: in meaning (the greatest cosine), then in words
    (the greatest word overlap, above none)."""
    meaning_a: set[tuple[int, int]] = set()
    meaning_b: set[tuple[int, int]] = set()
    if cosines is not None and cosines.size:
        meaning_a = {(i, int(j)) for i, j in enumerate(cosines.argmax(axis=1))}
        meaning_b = {(int(i), j) for j, i in enumerate(cosines.argmax(axis=0))}
    best_a: dict[int, float] = defaultdict(float)
    best_b: dict[int, float] = defaultdict(float)
    for (i, j), (words, _, _) in lexical.items():
        best_a[i] = max(best_a[i], words)
        best_b[j] = max(best_b[j], words)
    words_a = {(i, j) for (i, j), (words, _, _) in lexical.items() if words > 0 and words >= best_a[i]}
    words_b = {(i, j) for (i, j), (words, _, _) in lexical.items() if words > 0 and words >= best_b[j]}
    return meaning_a, meaning_b, words_a, words_b


def _assign(pairs: list[tuple[float, int, int]], n_a: int, n_b: int) -> dict[int, tuple[int, float]]:
    """Best-first global one-to-one assignment; ties go to the pair nearer in relative position."""

    def order(p: tuple[float, int, int]) -> tuple[float, float]:
        score, i, j = p
        return (-round(score, 3), abs(i / max(n_a, 1) - j / max(n_b, 1)))

    taken_b: set[int] = set()
    assigned: dict[int, tuple[int, float]] = {}
    for score, i, j in sorted(pairs, key=order):
        if i in assigned or j in taken_b:
            continue
        assigned[i] = (j, score)
        taken_b.add(j)
    return assigned


def _assign_between_neighbours(
    assigned: dict[int, tuple[int, float]], weak: list[tuple[float, int, int]]
) -> None:
    """Accept a weaker pair next to a matched pair (the sentences before, or after, are matched
    to each other): a reworded sentence tends to keep its place in the story."""
    taken_b = {j for j, _ in assigned.values()}
    beside = [
        (score, i, j)
        for score, i, j in weak
        if assigned.get(i - 1, (None,))[0] == j - 1 or assigned.get(i + 1, (None,))[0] == j + 1
    ]
    for score, i, j in sorted(beside, reverse=True):
        if i not in assigned and j not in taken_b:
            assigned[i] = (j, score)
            taken_b.add(j)


def _merge_split_sentences(
    matches: list[Match],
    pairs: list[tuple[float, int, int]],
    n_a: int,
    n_b: int,
    closest: tuple[set[tuple[int, int]], ...],
) -> None:
    """Attach a leftover sentence to its neighbour's match when it matches the same sentence and
    that sentence is its closest in the other report, in meaning or in words (closest: from
    _closest_each_way). A leftover closer to another sentence tells something else: without
    that test a lead took the sentence after the other lead whatever it said ("Walmart reported
    quarterly profit above estimates" / "Wal-Mart, the retailer that built its empire on
    sprawling supercentres, is increasingly winning its customers on their phones"). The leftover's
    own pair must reach the same-claim level: it is shown inside a same-claim row, and a pair
    at the related level joined to a match lifted the whole row with the score of the joined
    bags ("The rocket lifted off from Kourou just after 21:00" joined to "Ariane 6 placed the
    satellite into orbit on Tuesday evening"; session 22 in eval/compare/RESULTS.md)."""
    meaning_a, meaning_b, words_a, words_b = closest
    same_level = model().same
    closest_to_a = meaning_a | words_a  # (i, j): j is i's closest
    closest_to_b = meaning_b | words_b  # (i, j): i is j's closest
    used_a = {i for m in matches for i in m.a}
    used_b = {j for m in matches for j in m.b}
    by_a = {i: m for m in matches for i in m.a}
    by_b = {j: m for m in matches for j in m.b}
    for score, i, j in sorted(pairs, reverse=True):
        if score < same_level:
            break
        if i in used_a and (i, j) not in closest_to_b:
            continue  # B's sentence is closer to another of A's: it tells something else
        if j in used_b and (i, j) not in closest_to_a:
            continue
        if i in used_a and j not in used_b:
            match = by_a[i]
            if len(match.a) == 1 and any(abs(j - k) == 1 for k in match.b):
                match.b = sorted([*match.b, j])
                used_b.add(j)
                by_b[j] = match
        elif j in used_b and i not in used_a:
            match = by_b[j]
            if len(match.b) == 1 and any(abs(i - k) == 1 for k in match.a):
                match.a = sorted([*match.a, i])
                used_a.add(i)
                by_a[i] = match


def one_figure(figures_a: list[dict], figures_b: list[dict]) -> bool:
    """Whether two sentences give one telling figure alike: an amount, a share, a quantity or a
    count of DISTINCT_COUNT or more, of one kind, unit and value ("$144 million" / "$144
    million", "54.3 per cent" / "54.3%", "About 4,300 of the canton's taxpayers" / "roughly
    4,300 taxpayers"). Lengths of time ("over three years", "four minutes"), places in a series
    and small counts recur across a story's different happenings and tell nothing."""
    for x in figures_a:
        if x["kind"] not in TELLING_FIGURES or (x["kind"] == "count" and abs(x["value"]) < DISTINCT_COUNT):
            continue
        for y in figures_b:
            if x["kind"] == y["kind"] and x["value"] == y["value"] and _matching_unit(x) == _matching_unit(y):
                return True
    return False


def second_partners(
    matches: list[Match],
    pairs: list[tuple[float, int, int]],
    lexical: dict[tuple[int, int], tuple[float, float, float]],
    cosines=None,
    figures: tuple[list[list[dict]], list[list[dict]]] | None = None,
) -> list[Match]:
    """Matches of a sentence with a second sentence of the other report: one report often says
    in one sentence (a lead above all) what the other says in two. The one-to-one assignment
    keeps one partner per sentence; a pair it left out becomes a match of its own, sharing a
    sentence with another match, when the model alone scores it at SECOND_PARTNER_LEVEL or more,
    or at the same-claim level when the two give one telling figure alike (one_figure: figures
    from each side's SideText, as (A, B)), and one of its sentences is the other's closest in
    meaning or in words. Pairs that are already in one match, or whose sentences are both
    unmatched, are left alone."""
    closest_one_way = set().union(*_closest_each_way(lexical, cosines))
    matched_a = {i for m in matches for i in m.a}
    matched_b = {j for m in matches for j in m.b}
    together = {(i, j) for m in matches for i in m.a for j in m.b}
    seconded_a: set[int] = set()
    seconded_b: set[int] = set()
    added: list[Match] = []
    same_level = model().same
    for score, i, j in sorted(pairs, reverse=True):
        if score < same_level:
            break
        if score < SECOND_PARTNER_LEVEL and not (figures and one_figure(figures[0][i], figures[1][j])):
            continue
        if (i, j) in together or (i not in matched_a and j not in matched_b):
            continue
        if i in seconded_a or j in seconded_b:
            continue  # one second partner a sentence: a sentence telling three is rarely told thrice
        if (i, j) not in closest_one_way:
            continue
        added.append(Match([i], [j], score, second=True))
        together.add((i, j))
        seconded_a.add(i)
        seconded_b.add(j)
    return added


def _longest_in_order(matches: list[Match]) -> set[int]:
    """Indices (into matches sorted by A) of the in-order chain, increasing in B too, with the
    greatest total score: those stay side by side; the others become links."""
    n = len(matches)
    scores = [m.score for m in matches]
    firsts = [m.b[0] for m in matches]
    lasts = [m.b[-1] for m in matches]
    best = scores[:]
    previous = [-1] * n
    for k in range(n):
        b_k, score_k, best_k = firsts[k], scores[k], best[k]
        for p in range(k):
            if lasts[p] < b_k and best[p] + score_k > best_k:
                best_k = best[p] + score_k
                previous[k] = p
        best[k] = best_k
    keep: set[int] = set()
    k = max(range(n), key=best.__getitem__) if n else -1
    while k >= 0:
        keep.add(k)
        k = previous[k]
    return keep


def align(
    analysis_a: dict, analysis_b: dict, shared_quotes: list[tuple[int, int]] | None = None
) -> Alignment:
    """Match the sentences of two analysed reports and lay them out as rows in reading order.

    shared_quotes: (sentence of A, sentence of B) pairs that carry the same quoted words; such
    a pair makes the same claim however differently the rest is worded.
    """
    identical = identical_pairs(analysis_a.get("sentences", []), analysis_b.get("sentences", []))
    same_a, same_b = {i for _, i, _ in identical}, {j for _, _, j in identical}
    a, b = prepare(analysis_a, same_a), prepare(analysis_b, same_b)
    weights = _weights(a, b)
    cosines = sentence_cosines(analysis_a, analysis_b, a, b)
    lexical = lexical_pairs(a, b, weights, same_a, same_b)
    pairs = candidate_pairs(
        a, b, weights, same_a, same_b, cosines, lexical, floor=min(NEIGHBOUR_THRESHOLD, NEIGHBOUR_SAME_LEVEL)
    )
    # pairs too weak for any step but one: next to a same-claim match (_neighbours_of_same_claims)
    faint = {(i, j): score for score, i, j in pairs if score < NEIGHBOUR_THRESHOLD}
    pairs = [p for p in pairs if p[0] >= NEIGHBOUR_THRESHOLD]
    closest = closest_both_ways(lexical, cosines)
    if shared_quotes:
        scored = {(i, j): score for score, i, j in pairs}
        for i, j in shared_quotes:
            if 0 <= i < len(a.bags) and 0 <= j < len(b.bags):
                scored[(i, j)] = max(scored.get((i, j), 0.0), QUOTE_PAIR_SCORE, model().same)
        pairs = [(score, i, j) for (i, j), score in scored.items()]
    threshold = model().related
    weak = [p for p in pairs if p[0] < threshold]
    pairs = [p for p in pairs if p[0] >= threshold]
    assigned = _assign(identical + pairs, len(a.bags), len(b.bags))
    _assign_between_neighbours(assigned, weak)
    matches = [Match([i], [j], score) for i, (j, score) in assigned.items()]
    _merge_split_sentences(matches, pairs, len(a.bags), len(b.bags), _closest_each_way(lexical, cosines))
    seconds = second_partners(matches, pairs, lexical, cosines, (a.figures, b.figures))
    for match in matches:
        if len(match.a) + len(match.b) > 2:
            bag_a: Counter[str] = sum((Counter(a.bags[i]) for i in match.a), Counter())
            bag_b: Counter[str] = sum((Counter(b.bags[j]) for j in match.b), Counter())
            common = sum(weights[t] for t in bag_a.keys() & bag_b.keys())
            match.score = max(match.score, pair_score(common, _mass(bag_a, weights), _mass(bag_b, weights)))
    sentences_a, sentences_b = analysis_a.get("sentences", []), analysis_b.get("sentences", [])
    matches = matches + seconds
    told_a, told_b = told_by(analysis_a), told_by(analysis_b)
    sides = Sides(
        (sentences_a, sentences_b),
        (told_a, told_b),
        (ordinal_series(analysis_a), ordinal_series(analysis_b)),
        (quoted_words(analysis_a), quoted_words(analysis_b)),
        (a.figures, b.figures),
        (named_doers(analysis_a), named_doers(analysis_b)),
    )
    leads = (lead(sentences_a), lead(sentences_b))
    for match in matches:
        differs = _differs(match, sides)
        match.level = level(match.score, differs) or RELATED_LEVEL
        if (
            match.level == SAME
            and match.score < 1.0
            and not match.second
            and not any((i, j) in closest for i in match.a for j in match.b)
            and not two_leads_told_as_news(match, leads, sentences_a, sentences_b)
        ):
            match.level = RELATED_LEVEL  # a sentence closer to another: at most related
    matches += _neighbours_of_same_claims(matches, faint, closest, leads, sides)
    _join_split_claims(
        matches,
        (a, b),
        weights,
        (analysis_a, analysis_b),
        cosines,
        _closest_each_way(lexical, cosines),
        sides,
    )
    matches.sort(key=lambda m: m.a[0])
    in_order = _longest_in_order(matches)
    for k, match in enumerate(matches):
        match.moved = k not in in_order
    rows = _rows(matches, len(a.bags), len(b.bags))
    total = sum(a.lengths) + sum(b.lengths)
    covered = sum(  # a second partner's sentence is covered by its first match already
        m.score * (sum(a.lengths[i] for i in m.a) + sum(b.lengths[j] for j in m.b))
        for m in matches
        if not m.second
    )
    similarity = round(covered / total, 3) if total else 1.0
    return Alignment(matches, rows, similarity)


def two_leads_told_as_news(
    match: Match, leads: tuple[int, int], sentences_a: list[dict], sentences_b: list[dict]
) -> bool:
    """Whether a match is of the two reports' leads, each telling in the reporter's voice a
    thing that happened (the reading's "happened": "Dock workers have begun an eight-day
    strike" / "Nearly 2,000 dockers brought Britain's biggest container port to a standstill").
    News states its core fact first, in words of its own, so such a pair is the same claim
    though a later sentence reads closer to one of them. A lead that is a feature's opening,
    a headline, a state or a quote ("Ethiopian Airlines has spent the past decade persuading
    the world ...", "The system that kept him in power for 30 years is still there", "China
    said it would take the necessary measures") keeps the closest-both-ways test: on the real
    copies such openings made a third to a half of the lead rules' rows wrong (sessions 16, 17
    and 22 in eval/compare/RESULTS.md)."""
    return (
        match.a == [leads[0]]
        and match.b == [leads[1]]
        and bool(sentences_a[leads[0]].get("happened"))
        and bool(sentences_b[leads[1]].get("happened"))
    )


def _neighbours_of_same_claims(
    matches: list[Match],
    faint: dict[tuple[int, int], float],
    closest: set[tuple[int, int]],
    leads: tuple[int, int],
    sides: "Sides",
) -> list[Match]:
    """The sentences right before, or right after, both sentences of a same-claim match tell the
    same claim as each other when the model gives them any chance at all: reworded sentences
    keep their place in the story, and next to a claim both reports make, a pair the words and
    the vectors rate low is far more often one claim told in other words ("Seven people suffered
    minor burns" after the recall / "Several people have been burned") than elsewhere. So a
    match of such a pair shown as related (under the same level, or not each other's closest)
    becomes the same claim, and two such sentences left unmatched make a same-claim match from
    NEIGHBOUR_SAME_LEVEL; unless a guard (_differs) objects. The two reports' leads keep the
    closest-both-ways test: real pages often open with a headline or a feature's first line,
    where a matched next sentence says nothing of the first (sessions 16, 17 and 22 in
    eval/compare/RESULTS.md). Returns the new matches; the promoted ones change in place."""
    taken_a = {i for m in matches for i in m.a}
    taken_b = {j for m in matches for j in m.b}
    alone = {(m.a[0], m.b[0]): m for m in matches if len(m.a) == len(m.b) == 1}
    anchors = [m for m in alone.values() if m.level == SAME]
    added: list[Match] = []
    for anchor in anchors:
        i0, j0 = anchor.a[0], anchor.b[0]
        for i, j in ((i0 - 1, j0 - 1), (i0 + 1, j0 + 1)):
            match = alone.get((i, j))
            if match is not None:
                if match.level == SAME or ((i, j) == leads and (i, j) not in closest):
                    continue
                if not _differs(match, sides):
                    match.level = SAME
                continue
            score = faint.get((i, j))
            if score is None or score < NEIGHBOUR_SAME_LEVEL or i in taken_a or j in taken_b:
                continue
            match = Match([i], [j], score)
            if _differs(match, sides):
                continue
            taken_a.add(i)
            taken_b.add(j)
            added.append(match)
    return added


@dataclass(slots=True)
class Sides:
    """What the guards (_differs) read of the two reports: their sentences, who tells what
    (told_by), the series their ordinals rank (ordinal_series), the words each sentence
    quotes (quoted_words), the figures of each sentence (SideText.figures) and who does what
    (named_doers), each as (A, B)."""

    sentences: tuple[list[dict], list[dict]]
    told: tuple[dict[int, "Told"], dict[int, "Told"]]
    series: tuple[dict[int, set[str]], dict[int, set[str]]]
    quoted: tuple[dict[int, set[str]], dict[int, set[str]]] = ({}, {})
    figures: tuple[list[list[dict]], list[list[dict]]] = ([], [])
    doers: tuple[dict[int, "Doer"], dict[int, "Doer"]] = ({}, {})


def _differs(match: Match, sides: Sides) -> bool:
    """Whether the two sides of a match tell two things however alike they read: one denies what
    the other asserts, one speaker's two remarks, a thing done against a thing ahead (unless the
    two give one telling figure alike: "put the cost at about €5 million" / "said the clean-up
    would cost at least €5 million", "licensed the $2.6 billion plant" / "will invest $2.6
    billion in the plant": one thing told at two moments), a question
    against a statement, two places in two series, two speakers quoted saying two things, a
    source keeping its view to itself against one telling it, two counts of two things, one
    doing told of two named doers."""
    sentences_a, sentences_b = sides.sentences
    return (
        _denial_differs(match, sentences_a, sentences_b)
        or _one_speaker_two_things(match, *sides.told)
        or _two_speakers_two_quotes(match, sides.told, sides.quoted)
        or (_times_differ(match, sentences_a, sentences_b) and not _one_figure_alike(match, sides))
        or _asks(match.a, sentences_a) != _asks(match.b, sentences_b)
        or _ranks_differ(match, sides)
        or _withholding_differs(match, sentences_a, sentences_b)
        or _counts_far_apart(match, sides)
        or _other_doers(match, *sides.doers)
    )


@dataclass(slots=True)
class Doer:
    """Who does what in a sentence's main claim (the reading's "doer", its subject a name): the
    main verb's lemma, the subject's words and entity keys, whether the subject names a place,
    all the sentence's words and entity keys, and those of its whole report."""

    verb: str
    subject: set[str]
    place: bool
    words: set[str]
    report: set[str] = field(default_factory=set)  # the words and entity keys of the whole report


def named_doers(analysis: dict) -> dict[int, Doer]:
    """The sentences of a reading whose main claim's subject is a name ("Galatasaray ... sit top
    of the table"), by index. A reading from before doers were stored has none."""
    language = analysis.get("language", "en")
    sentences = analysis.get("sentences", [])
    doers: dict[int, Doer] = {}
    words_of = [set(content_tokens(sentence["text"], language)) for sentence in sentences]
    # one set for the whole report, shared by its doers
    report = {"E:" + entity["key"] for entity in analysis.get("entities", [])}.union(*words_of)
    for k, sentence in enumerate(sentences):
        doer = sentence.get("doer")
        if doer and doer.get("named") and doer.get("subject"):
            subject = _blank_outside(sentence, doer["subject"], keep=True)
            doers[k] = Doer(doer["verb"], set(content_tokens(subject, language)), False, words_of[k], report)
    for entity in analysis.get("entities", []):
        for mention in entity.get("mentions", []):
            doer = doers.get(mention.get("sentence"))
            if doer is None:
                continue
            doer.words.add("E:" + entity["key"])
            spans = sentences[mention["sentence"]]["doer"]["subject"]
            if any(s < mention["end"] and mention["start"] < e for s, e in spans):
                doer.subject.add("E:" + entity["key"])
                doer.place = doer.place or entity.get("kind") == PLACE
    return doers


def _other_doers(match: Match, doers_a: dict[int, Doer], doers_b: dict[int, Doer]) -> bool:
    """Whether the two sides tell one doing of two named doers: each side's main verb is the
    same and each side's subject is a name the other side does not mention at all
    ("Galatasaray, the Turkish champions, sit top of the table after five games" / "Villa sit
    sixth in the Premier League table after five games"; "The Knicks have not won a title since
    1973" / "The Blazers have not won a title since 1977"). Such sentences share all their words
    but the doer, so they read as one claim; they are two. Each doer must be known to the other
    report by that name: a name only one report uses may be the other's doer in other words
    ("Liverpool will face either Tottenham or Ajax in the final" / "Klopp's Reds ... will face
    Spurs or Ajax", real copies). A subject that is no name ("the agreement would save patients
    ..." / "the deal would save patients ...") is often the other's in other words, and so is a
    place standing for its government ("Pyongyang" / "North Korea"): neither is taken for another
    doer."""
    sides = []
    for ids, doers in ((match.a, doers_a), (match.b, doers_b)):
        parts = [doers[k] for k in ids if k in doers]
        if not parts or len(parts) != len(ids) or any(p.place for p in parts):
            return False
        sides.append(
            (
                {p.verb for p in parts},
                set().union(*(p.subject for p in parts)),
                set().union(*(p.words for p in parts)),
                parts[0].report,  # the parts are of one report: one shared set
            )
        )
    (verbs_a, subject_a, words_a, report_a), (verbs_b, subject_b, words_b, report_b) = sides
    return (
        bool(verbs_a & verbs_b)
        and bool(subject_a & report_b)
        and bool(subject_b & report_a)
        and not subject_a & words_b
        and not subject_b & words_a
    )


def _one_figure_alike(match: Match, sides: Sides) -> bool:
    """Whether a sentence of each side gives one telling figure alike (one_figure). Letting it
    lift the time guard changed two rows of the fourteen development sets, both gold same, and
    none of the real copies (eval/compare/RESULTS.md, session 24)."""
    figures_a, figures_b = sides.figures
    return any(
        one_figure(figures_a[i], figures_b[j])
        for i in match.a
        for j in match.b
        if i < len(figures_a) and j < len(figures_b)
    )


def _withholding_differs(match: Match, sentences_a: list[dict], sentences_b: list[dict]) -> bool:
    """Whether one side only tells that someone kept their view to themselves (the reading's
    "withholds": "The International Monetary Fund declined to comment", "The coach declined to
    criticise the referee", "The firm did not say whether it would offer refunds") and the
    other withholds nothing: it tells what was said or done ("A spokeswoman said the fund was
    following developments closely", "The coach called the penalty a scandal", "The firm said
    it would not offer refunds"). The two sentences share their speaker and their subject, so
    they read alike, but saying nothing and saying something are two claims. Two sides each
    withholding ("declined to comment" / "did not respond to requests for comment") are one."""
    withholds_a = [bool(sentences_a[i].get("withholds")) for i in match.a]
    withholds_b = [bool(sentences_b[j].get("withholds")) for j in match.b]
    return (all(withholds_a) and not any(withholds_b)) or (all(withholds_b) and not any(withholds_a))


def _counts_far_apart(match: Match, sides: Sides) -> bool:
    """Whether each side gives one figure only, a count of DISTINCT_COUNT or more, the two of
    one measure and so far apart that one counts a part of what the other counts whole (the
    number conflicts' part_and_whole): two counts of two things, however alike the sentences
    read ("The 2010 floods displaced more than 150,000 people in the valley" / "In 2010, floods
    in the valley killed 30 people"), and no conflict either. Where a side gives other figures
    too, the two may be set against each other otherwise ("cut from more than 11,000 to 1,204"),
    and a small count ("one in six") is too common to tell."""
    counts = []
    for ids, figures in ((match.a, sides.figures[0]), (match.b, sides.figures[1])):
        telling = [
            x
            for k in ids
            for x in (figures[k] if k < len(figures) else [])
            if x["kind"] in TELLING_FIGURES and x.get("role", "") not in NOT_COMPARED
        ]
        if len(telling) != 1 or telling[0]["kind"] != "count" or abs(telling[0]["value"]) < DISTINCT_COUNT:
            return False
        counts.append(telling[0])
    x, y = counts
    return (x.get("measure") or x["unit"]) == (y.get("measure") or y["unit"]) and part_and_whole(x, y)


def ordinal_series(analysis: dict) -> dict[int, set[str]]:
    """The series each sentence's ordinal figures rank, by sentence ("derailment since 2022")."""
    series: dict[int, set[str]] = defaultdict(set)
    for number in analysis.get("numbers", []):
        if number["kind"] == "ordinal":
            series[number["sentence"]].add(number.get("measure") or number["unit"])
    return series


def _ranks_differ(match: Match, sides: Sides) -> bool:
    """Whether the two sides are about two places in two series ("It is the third KTX derailment
    since 2022" / "It was the second serious KTX derailment in two years"; the reading's
    "rank"): two counts, and at most related. Two places in one series (the figures read rank
    the same thing: "the third derailment on the line" / "the second derailment on the line")
    are one claim told with two figures, which the number conflicts show."""
    (sentences_a, sentences_b), (series_a, series_b) = sides.sentences, sides.series
    ranks_a = {sentences_a[i].get("rank") for i in match.a} - {None}
    ranks_b = {sentences_b[j].get("rank") for j in match.b} - {None}
    if not ranks_a or not ranks_b or ranks_a & ranks_b:
        return False
    one_series = set().union(*(series_a.get(i, set()) for i in match.a)) & set().union(
        *(series_b.get(j, set()) for j in match.b)
    )
    return not one_series


def asks(text: str) -> bool:
    """Whether a sentence is a question ("What does Iran say?"): it states nothing."""
    return text.rstrip(" \"'”’)").endswith("?")


def _asks(ids: list[int], sentences: list[dict]) -> bool:
    """Whether a side of a match only asks: a question makes no claim that a statement could
    share."""
    return all(asks(sentences[i]["text"]) for i in ids)


def _denial_differs(match: Match, sentences_a: list[dict], sentences_b: list[dict]) -> bool:
    """Whether one side denies its main claim ("did not pass") where the other denies nothing
    at all ("passed"). Where both deny something, the denials are worded differently more often
    than they differ ("has not been released" / "who has not been named", "had not paid" / "no
    ransom had been paid"), so neither is taken for the other's opposite."""

    def sides(ids: list[int], sentences: list[dict]) -> tuple[bool, bool]:
        main = any(sentences[k].get("negated") for k in ids)
        # a reading from before "denies" was stored: its main claim's denial is all it knows
        some = any(sentences[k].get("denies", sentences[k].get("negated")) for k in ids)
        return main, some

    main_a, some_a = sides(match.a, sentences_a)
    main_b, some_b = sides(match.b, sentences_b)
    return (main_a and not some_b) or (main_b and not some_a)


@dataclass(slots=True)
class Told:
    """What a sentence says someone said: who (the words of the speaker's part and the keys of
    the entities named there) and the words of what they said (the sentence's words outside who
    spoke and the speech verb)."""

    speakers: set[str]
    words: set[str]


def told_by(analysis: dict) -> dict[int, Told]:
    """The sentences of a reading that say who is speaking (a sentence's "attribution" and its
    "speaker", read from its parse), by index. A reading from before attributions were stored
    has none."""
    language = analysis.get("language", "en")
    sentences = analysis.get("sentences", [])
    told: dict[int, Told] = {}
    for k, sentence in enumerate(sentences):
        spans = sentence.get("attribution") or []
        if not spans:
            continue
        said = _blank_outside(sentence, spans, keep=False)
        speaker = _blank_outside(sentence, sentence.get("speaker") or [], keep=True)
        # The speaker's own words count as well as their entity: a body the entity layer did
        # not name in one report ("The Malaysian Anti-Corruption Commission, which brought the
        # case, said ...") is still the one speaker.
        told[k] = Told(set(content_tokens(speaker, language)), set(content_tokens(said, language)))
    for entity in analysis.get("entities", []):
        for mention in entity.get("mentions", []):
            k = mention.get("sentence")
            speaker = (sentences[k].get("speaker") or []) if k in told else []
            if any(s < mention["end"] and mention["start"] < e for s, e in speaker):
                told[k].speakers.add("E:" + entity["key"])
    return told


def _blank_outside(sentence: dict, spans: list[list[int]], keep: bool) -> str:
    """The sentence's text with the characters in spans kept (keep) or blanked (not keep)."""
    start = sentence["start"]
    return "".join(
        ch if any(s <= start + c < e for s, e in spans) == keep else " "
        for c, ch in enumerate(sentence["text"])
    )


def _one_speaker_two_things(match: Match, told_a: dict[int, Told], told_b: dict[int, Told]) -> bool:
    """Whether both sides tell what one speaker said, and what they said shares no word: a
    speaker says several things to a press conference or in a statement, and two reports quoting
    two of them meet on the speaker's name and title alone ("Unite regional officer Bobby Kershaw
    said the offer was below inflation" / "'The money is there,' said Bobby Kershaw, the union's
    regional officer"). Where a side tells nothing beyond who spoke ("Solberg-Haugen conceded"),
    there is nothing to set against the other."""
    sides = []
    for ids, told in ((match.a, told_a), (match.b, told_b)):
        parts = [told[k] for k in ids if k in told]
        if len(parts) != len(ids):
            return False  # a side's sentence tells something in its own voice
        sides.append((set().union(*(p.speakers for p in parts)), set().union(*(p.words for p in parts))))
    (speakers_a, words_a), (speakers_b, words_b) = sides
    return bool(speakers_a & speakers_b) and bool(words_a) and bool(words_b) and not words_a & words_b


def quoted_words(analysis: dict) -> dict[int, set[str]]:
    """The words each sentence quotes (the reading's quotes, scare quotes left out), by sentence."""
    language = analysis.get("language", "en")
    quoted: dict[int, set[str]] = defaultdict(set)
    for quote in analysis.get("quotes", []):
        words = set(content_tokens(quote["text"], language))
        for k in quote.get("sentences", []):
            quoted[k] |= words
    return quoted


def _two_speakers_two_quotes(
    match: Match,
    told: tuple[dict[int, Told], dict[int, Told]],
    quoted: tuple[dict[int, set[str]], dict[int, set[str]]],
) -> bool:
    """Whether the two sides quote two speakers saying two things: every sentence of each side
    tells what someone said, the speakers named share nothing, and the words each side quotes
    share next to none (under QUOTES_APART of the shorter quote's words), each side telling what
    was said mostly in the quoted words (MOSTLY_QUOTED of them): "The White House said
    in a statement that she would bring 'independent judgment ...' to the board" /
    "Whitfield-Ames said in a statement that she was 'honored by the trust of the Senate'".
    Two sources telling one fact in their own words (no quotation marks on a side, quoted
    words in common, or a few words quoted at the end of a paraphrase: "Huawei said it had been
    given very little information ..., adding that it believed the ... legal systems would
    reach 'a just conclusion'") are left to the model: a rule on speakers alone lost 23 right rows
    (session 22 in eval/compare/RESULTS.md)."""
    sides = []
    for ids, told_side, quoted_side in ((match.a, told[0], quoted[0]), (match.b, told[1], quoted[1])):
        if not all(k in told_side for k in ids):
            return False  # a sentence in the report's own voice
        speakers = set().union(*(told_side[k].speakers for k in ids))
        words = set().union(*(quoted_side.get(k, set()) for k in ids))
        said = set().union(*(told_side[k].words for k in ids))
        if not speakers or not words or len(words) < MOSTLY_QUOTED * len(said):
            return False  # what is said is told mostly in the reporter's words
        sides.append((speakers, words))
    (speakers_a, words_a), (speakers_b, words_b) = sides
    shared = len(words_a & words_b) / min(len(words_a), len(words_b))
    return not speakers_a & speakers_b and shared < QUOTES_APART


def _times_differ(match: Match, sentences_a: list[dict], sentences_b: list[dict]) -> bool:
    """Whether one side tells of something done and the other of something ahead ("talks broke
    down on Friday" / "talks are due to resume on Monday"): two happenings, not one claim."""
    times_a = {sentences_a[i].get("time") for i in match.a} - {None}
    times_b = {sentences_b[j].get("time") for j in match.b} - {None}
    return len(times_a) == 1 and len(times_b) == 1 and times_a != times_b


def _rows(matches: list[Match], n_a: int, n_b: int) -> list[dict]:
    """Rows in the reading order of both reports: kind match / only_a / only_b / moved_b (a link).
    A match's sentences need not be next to each other, and a sentence may stand in two matches
    (one sentence of one report telling what two of the other tell): each row lists its own
    sentences, and a sentence no match holds gets a row of its own once."""
    matches_of_a: dict[int, list[Match]] = defaultdict(list)
    matches_of_b: dict[int, list[Match]] = defaultdict(list)
    for m in matches:
        for i in m.a:
            matches_of_a[i].append(m)
        for j in m.b:
            matches_of_b[j].append(m)
    rows: list[dict] = []
    next_a = next_b = 0

    def row(kind: str, a_ids: list[int], b_ids: list[int], match: Match | None) -> dict:
        return {
            "kind": kind,
            "a": a_ids,
            "b": b_ids,
            "score": round(match.score, 3) if match else None,
            "level": match.level if match else None,
            "moved": bool(match and match.moved),
        }

    def flush_a(until: int) -> None:
        nonlocal next_a
        while next_a < until:
            held = matches_of_a.get(next_a)
            if not held:
                rows.append(row("only_a", [next_a], [], None))
            for match in held or ():
                if match.moved and match.a[0] == next_a:
                    rows.append(row("match", match.a, match.b, match))
            next_a += 1

    def flush_b(until: int) -> None:
        nonlocal next_b
        while next_b < until:
            held = matches_of_b.get(next_b)
            if not held:
                rows.append(row("only_b", [], [next_b], None))
            for match in held or ():
                if match.moved and match.b[0] == next_b:
                    rows.append(row("moved_b", match.a, match.b, match))
            next_b += 1

    for match in matches:
        if match.moved:
            continue
        flush_a(match.a[0])
        flush_b(match.b[0])
        rows.append(row("match", match.a, match.b, match))
        # another match starting at the same sentence (a second partner's) has its row here too
        rows.extend(
            row("match", m.a, m.b, m) for m in matches_of_a[match.a[0]] if m.moved and m.a[0] == match.a[0]
        )
        rows.extend(
            row("moved_b", m.a, m.b, m) for m in matches_of_b[match.b[0]] if m.moved and m.b[0] == match.b[0]
        )
        next_a = max(next_a, match.a[0] + 1)
        next_b = max(next_b, match.b[0] + 1)
    flush_a(n_a)
    flush_b(n_b)
    return rows


# A claim one report tells in two adjacent sentences and the other in one (_join_split_claims):
# the part joins a same-claim match when the two parts read together make the same claim with
# the one sentence, JOINT_GAIN more likely than the first part alone; when the one sentence is
# JOINT_LONGER times the first part's length at least (it holds more than that part tells); and
# when JOINT_PART_WORDS of the part's own weighted words, names and figures aside, are the one
# sentence's too (the part tells something of it, not only of the same people). Without the last
# two, of 49 joins on the fifteen development sets 13 were gold same and 36 related, one-sided
# or wrong: a speaker's other remark, a line about who the speaker is (eval/compare/RESULTS.md,
# session 25).
JOINT_GAIN = 0.05
JOINT_LONGER = 1.3
JOINT_PART_WORDS = 0.15


def _joint_features(
    one: int,
    parts: list[int],
    one_side: SideText,
    parts_side: SideText,
    weights: dict[str, float],
    cosine: float,
) -> tuple:
    """The same-claim model's features of sentence one (of one_side) against the sentences parts
    (of parts_side) read as one text: their bags summed, meaning the given cosine, names and
    figures as lexical_pairs and candidate_features count them."""
    bag_one = one_side.bags[one]
    bag_parts: Counter[str] = sum((Counter(parts_side.bags[k]) for k in parts), Counter())
    shared = bag_one.keys() & bag_parts.keys()
    words = pair_score(sum(weights[t] for t in shared), _mass(bag_one, weights), _mass(bag_parts, weights))

    def share(prefix: str) -> float:
        fewer = min(sum(t.startswith(prefix) for t in bag_one), sum(t.startswith(prefix) for t in bag_parts))
        return sum(t.startswith(prefix) for t in shared) / max(fewer, 1)

    part_figures = [x for k in parts for x in parts_side.figures[k]] if parts_side.figures else []
    one_figures = one_side.figures[one] if one_side.figures else []
    figures = min(share("N:") + agreeing_figures(one_figures, part_figures), 1.0)
    return features(words, cosine, share("E:"), figures)


def _part_words_told(one: dict[str, int], part: dict[str, int], weights: dict[str, float]) -> float:
    """The share of the part's weighted words, names and figures aside, that the one sentence
    has too: how much of what the part says in words of its own the one sentence tells."""
    plain = [t for t in part if not t.startswith(("E:", "N:"))]
    mass = _mass(part, weights)
    return sum(weights[t] for t in plain if t in one) / mass if mass else 0.0


def _join_split_claims(
    matches: list[Match],
    texts: tuple[SideText, SideText],
    weights: dict[str, float],
    analyses: tuple[dict, dict],
    cosines,
    closest: tuple[set[tuple[int, int]], ...],
    sides: "Sides",
) -> None:
    """Join to a one-to-one same-claim match the unmatched sentence right before or after one
    of its sentences when it tells the rest of what the other side's sentence tells: one outlet
    often says in two sentences what the other says in one ("A staggering 432 MPs voted against
    her plan, with just 202 backing it" after the lead of the defeat / "rejected ... May's Brexit
    deal by 432 votes to 202 on Tuesday, the biggest defeat ..."). Scored alone, such a part
    shares a piece of the long sentence and reads far from it, under the level at which
    _merge_split_sentences joins it; scored with the first part (their bags summed, the cosine
    with the sum of their vectors), the two complete it. The part must have the one sentence as
    its closest in the other report (in meaning or in words), pass the tests told at JOINT_GAIN,
    and no guard (_differs) may object to the joined match. Changes matches in place."""
    a, b = texts
    vectors = (unpack(analyses[0].get("vectors")), unpack(analyses[1].get("vectors")))
    if cosines is None or vectors[0] is None or vectors[1] is None:
        return
    meaning_a, meaning_b, words_a, words_b = closest
    # per side of the part: the pairs (i, j) whose other sentence is that side's sentence's closest
    closest_of = {"a": meaning_a | words_a, "b": meaning_b | words_b}
    used = {"a": {i for m in matches for i in m.a}, "b": {j for m in matches for j in m.b}}
    current = model()
    anchors = [m for m in matches if len(m.a) == len(m.b) == 1 and not m.second and m.level == SAME]
    for match in sorted(anchors, key=lambda m: -m.score):
        i, j = match.a[0], match.b[0]
        base = current.probability(_joint_features(i, [j], a, b, weights, float(cosines[i, j])))
        best: tuple[float, str, int] | None = None
        # side "b": B told in two what A's sentence i tells in one; side "a": the other way round
        for side, one, first, one_text, parts_text, one_vector, part_vectors in (
            ("b", i, j, a, b, vectors[0][i], vectors[1]),
            ("a", j, i, b, a, vectors[1][j], vectors[0]),
        ):
            if one_text.lengths[one] < JOINT_LONGER * parts_text.lengths[first]:
                continue  # the one sentence tells no more than the first part: nothing to complete
            for k in (first - 1, first + 1):
                if not 0 <= k < len(parts_text.bags) or k in used[side] or not parts_text.bags[k]:
                    continue
                if ((i, k) if side == "b" else (k, j)) not in closest_of[side]:
                    continue  # the part is closer to another sentence: it tells something else
                if _part_words_told(one_text.bags[one], parts_text.bags[k], weights) < JOINT_PART_WORDS:
                    continue
                summed = part_vectors[first] + part_vectors[k]
                cosine = float(one_vector @ summed) / max(float(np.linalg.norm(summed)), 1e-9)
                parts = sorted([first, k])
                p = current.probability(_joint_features(one, parts, one_text, parts_text, weights, cosine))
                if p >= current.same and p >= base + JOINT_GAIN and (best is None or p > best[0]):
                    best = (p, side, k)
        if best is None:
            continue
        p, side, k = best
        joined = Match(sorted([i, k]), [j], p) if side == "a" else Match([i], sorted([j, k]), p)
        if _differs(joined, sides):
            continue
        match.a, match.b, match.score = joined.a, joined.b, max(match.score, p)
        used[side].add(k)
