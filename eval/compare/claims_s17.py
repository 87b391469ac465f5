"""Session 17 experiments on same-claim recall (issue 13), none kept in the product.

Measured by clause_cv.py (fit_claims' K-fold cross-validation); the figures and the reasons they
were left out are in RESULTS.md, "Session 17: same-claim recall, third step". apply(variant)
wraps functions of articles.compare.align for the length of a run; readings get the clause data
from add_clauses() (the product's readings hold none).

- Clauses: a long sentence's clauses cut from its parse (coordinated main clauses, ";", a
  participle, adverbial or relative clause, a prepositional tail after a comma), each encoded.
  "probability": a pair scores the best of the model over the sentence and clause pairings;
  "features": the model's features take their best over the pairings; "extra": two features
  more, how much a pairing beats the whole sentences in meaning and in words. "/one": a clause
  of one side against the other whole sentence only; "/short": only against a short sentence.
  "+closest": the closeness test reads the best cosine of the pairings.
- Leads: two leads that both state a fact exempt from the closeness test ("leadfacts": past
  tense as the reading tells it, with a figure or a named actor; "leadloose": a past tense or
  present perfect of an event verb, read from the parse).
- Figures: figures close in value on one measure count as shared ("close@share"; "close_noun":
  a count's noun ignored).
"""

import sys
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))

from articles.compare import align, compare
from articles.compare.align import SideText, lead, pair_score
from articles.compare.claims import features
from articles.reading.tokens import content_tokens
from articles.reading.vectors import encode, pack, unpack

MEANING_CANDIDATE = align.MEANING_CANDIDATE


class Settings:
    clauses = ""  # "", "probability", "features" or "extra"
    pairs = "all"  # "all", "one_side" or "short_other"
    short_words = 20
    only_meaning = False  # "extra" with the meaning gain alone
    closest = False
    leads = ""  # "", "past" or "loose"
    close = 0.0  # figures within this share of each other agree
    close_noun = False


S = Settings()


# ---------------------------------------------------------------- clauses cut from the parse
MIN_SENTENCE_WORDS = 12  # shorter sentences hold one claim as a rule
MIN_CLAUSE_WORDS = 4  # a shorter part is a phrase, not a claim
_CARVED = frozenset({"conj", "advcl", "relcl", "parataxis"})
_TAIL_WORDS = 4
_OPENERS = frozenset({"cc", "punct", "mark"})


def _is_verb(token) -> bool:
    return token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB")


def _heads(span) -> list:
    heads = []
    for token in span:
        if (token.dep_ in _CARVED and _is_verb(token) and token.head.i != token.i) or (
            token.dep_ == "prep"
            and _is_verb(token.head)
            and token.i > span.start
            and token.doc[token.i - 1].text == ","
            and token.right_edge.i - token.i + 1 >= _TAIL_WORDS
        ):
            heads.append(token)
    return heads


def _words(tokens) -> int:
    return sum(1 for t in tokens if not t.is_punct)


def sentence_clauses(span) -> list[list[tuple[int, int]]]:
    """The clauses of one sentence (a spaCy span) as character ranges, or none when it holds
    only one: each carved verb's subtree without the clauses below it, the rest as the main
    clause, and what follows a semicolon apart."""
    tokens = [t for t in span if not t.is_space]
    if _words(tokens) < MIN_SENTENCE_WORDS:
        return []
    inside = {t.i for t in tokens}
    head_ids = {h.i for h in _heads(span)}
    owner: dict[int, int] = {}
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
    segment, segments = 0, {}
    for t in tokens:
        segment += t.text == ";"
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
        trimmed = []
        for run in runs:
            while run and (run[0].dep_ in _OPENERS or run[0].is_punct):
                run = run[1:]
            while run and (run[-1].dep_ in _OPENERS or run[-1].is_punct):
                run = run[:-1]
            if run:
                trimmed.append(run)
        if _words([t for run in trimmed for t in run]) >= MIN_CLAUSE_WORDS:
            clauses.append([(run[0].idx, run[-1].idx + len(run[-1].text)) for run in trimmed])
    return clauses if len(clauses) > 1 else []


def add_clauses(readings: dict) -> None:
    """Give every reading of {(title, body): reading} its clauses and their vectors, once."""
    from articles.reading.models import nlp

    todo = [(key, r) for key, r in readings.items() if "clause_vectors" not in r]
    texts: list[str] = []
    for (_, body), reading in todo:
        doc = nlp()(body)
        reading["clauses"] = []
        for k, sentence in enumerate(reading["sentences"]):
            span = doc.char_span(sentence["start"], sentence["end"], alignment_mode="expand")
            for parts in sentence_clauses(span) if span is not None else []:
                reading["clauses"].append({"sentence": k, "parts": [list(p) for p in parts]})
                texts.append(" ".join(body[s:e] for s, e in parts))
    matrix = encode(texts)
    row = 0
    for _, reading in todo:
        count = len(reading["clauses"])
        reading["clause_vectors"] = pack(matrix[row : row + count])
        row += count


# ---------------------------------------------------------------- clause pairings


def _clauses(analysis: dict, skip) -> tuple[list, object]:
    """Each sentence's clauses (add_clauses) as (token bag, vector); the bags are built as
    prepare() builds a sentence's, from the names and figures inside the clause's ranges."""
    language = analysis.get("language", "en")
    sentences = analysis.get("sentences", [])
    out: list[list] = [[] for _ in sentences]
    vectors = unpack(analysis.get("clause_vectors"))
    clauses = analysis.get("clauses", [])
    if vectors is None or len(vectors) != len(clauses):
        return out, None
    for clause, vector in zip(clauses, vectors, strict=True):
        k = clause["sentence"]
        if k in skip or not 0 <= k < len(sentences):
            continue
        parts = clause["parts"]
        start = sentences[k]["start"]
        text = " ".join(sentences[k]["text"][s - start : e - start] for s, e in parts)
        bag: Counter[str] = Counter(content_tokens(text, language))

        def inside(s: int, e: int, parts=parts) -> bool:
            return any(ps <= s and e <= pe for ps, pe in parts)

        for entity in analysis.get("entities", []):
            if any(m["sentence"] == k and inside(m["start"], m["end"]) for m in entity.get("mentions", [])):
                for variant in entity["variants"]:
                    for word in content_tokens(variant, language):
                        bag.pop(word, None)
                bag["E:" + entity["key"]] = 1
        for number in analysis.get("numbers", []):
            if number["sentence"] == k and inside(number["start"], number["end"]):
                words = content_tokens(number["text"], language)
                drop = (
                    words
                    if number["kind"] in ("amount", "year")
                    else []
                    if number["kind"] == "date"
                    else words[:1]
                )
                for word in drop:
                    bag.pop(word, None)
                bag[f"N:{number['unit']}={number['value']}"] = 1
        if bag:
            out[k].append((bag, vector))
    return out, unpack(analysis.get("vectors"))


def _units(side: SideText, k: int) -> list[tuple[dict[str, int], object, bool]]:
    """Sentence k and its clauses, as (bag, vector, is the whole sentence)."""
    whole = (side.bags[k], side.vectors[k] if side.vectors is not None else None, True)
    return [whole, *((bag, vector, False) for bag, vector in side.clauses[k])]


def clause_features(a: SideText, b: SideText, weights: dict[str, float], i: int, j: int) -> list[tuple]:
    """The model's features of every pairing of sentence i or one of its clauses with sentence
    j or one of its clauses, the two whole sentences excepted."""
    if not a.clauses or not b.clauses or (not a.clauses[i] and not b.clauses[j]):
        return []
    if a.vectors is None or b.vectors is None:
        return []
    out = []
    for bag_u, vector_u, whole_u in _units(a, i):
        for bag_v, vector_v, whole_v in _units(b, j):
            if whole_u and whole_v:
                continue
            if S.pairs == "one_side" and not (whole_u or whole_v):
                continue
            if S.pairs == "short_other" and not (
                (whole_u and len(a.sentences[i]["text"].split()) <= S.short_words)
                or (whole_v and len(b.sentences[j]["text"].split()) <= S.short_words)
            ):
                continue
            common = sum(weights.get(t, 0.0) for t in bag_u.keys() & bag_v.keys())
            words = pair_score(
                common, sum(weights.get(t, 0.0) for t in bag_u), sum(weights.get(t, 0.0) for t in bag_v)
            )
            names_u = sum(t.startswith("E:") for t in bag_u)
            names_v = sum(t.startswith("E:") for t in bag_v)
            figures_u = sum(t.startswith("N:") for t in bag_u)
            figures_v = sum(t.startswith("N:") for t in bag_v)
            shared = bag_u.keys() & bag_v.keys()
            names = sum(t.startswith("E:") for t in shared) / max(min(names_u, names_v), 1)
            figures = sum(t.startswith("N:") for t in shared) / max(min(figures_u, figures_v), 1)
            out.append(features(words, float(vector_u @ vector_v), names, figures))
    return out


def unit_cosines(a: SideText, b: SideText, cosines):
    """Per pair of sentences, the best cosine of the sentences or any of their clauses."""
    if cosines is None or a.vectors is None or b.vectors is None or not a.clauses or not b.clauses:
        return None
    best = cosines.copy()
    for i, clauses_a in enumerate(a.clauses):
        for _, vector in clauses_a:
            best[i] = np.maximum(best[i], b.vectors @ vector)
    for j, clauses_b in enumerate(b.clauses):
        for _, vector in clauses_b:
            best[:, j] = np.maximum(best[:, j], a.vectors @ vector)
            for i, clauses_a in enumerate(a.clauses):
                for _, vector_a in clauses_a:
                    best[i, j] = max(best[i, j], float(vector_a @ vector))
    return best


def _close_figures(figures_a: list[dict], figures_b: list[dict]) -> float:
    """Share of the sentence giving fewer figures whose figures the other gives close in value
    on the same measure (experiment (b))."""

    def key(n):
        return (n["kind"], "" if S.close_noun and n["kind"] == "count" else n.get("measure") or n["unit"])

    def usable(figures: list[dict]) -> list[dict]:
        return [
            n
            for n in figures
            if isinstance(n["value"], int | float) and n["kind"] not in ("date", "time", "year")
        ]

    def close(x: dict, y: dict) -> bool:
        # Both non-zero: a share of zero is no closeness (and under 1, one zero never passes).
        bigger = max(abs(x["value"]), abs(y["value"]))
        return (
            key(x) == key(y)
            and bool(x["value"] and y["value"])
            and abs(x["value"] - y["value"]) <= S.close * bigger
        )

    usable_a, usable_b = usable(figures_a), usable(figures_b)
    if not usable_a or not usable_b:
        return 0.0
    hits = sum(any(close(x, y) for y in usable_b) for x in usable_a)
    hits_b = sum(any(close(x, y) for x in usable_a) for y in usable_b)
    return min(max(hits, hits_b) / max(min(len(usable_a), len(usable_b)), 1), 1.0)


# ---------------------------------------------------------------- leads that state a fact
ACTORS = ("person", "organisation")


def states_fact(analysis: dict, k: int) -> bool:
    """Whether sentence k tells a news fact: a happening told in the past tense ("crashed",
    "said the plane had crashed") with a figure or a named actor, unlike a feature lede or a
    headline standing first ("has spent the past decade persuading ...", "puts the jet back
    under scrutiny")."""
    sentence = analysis.get("sentences", [])[k]
    if S.leads == "loose":
        if not _event_verb(sentence["text"]):
            return False
    elif sentence.get("time") != "past":
        return False
    if any(n["sentence"] == k for n in analysis.get("numbers", [])):
        return True
    return any(e["kind"] in ACTORS and k in e["sentences"] for e in analysis.get("entities", []))


_STATE_VERBS = frozenset({"be", "have", "seem", "remain", "appear", "look", "become", "spend"})


@lru_cache(maxsize=4096)
def _event_verb(text: str) -> bool:
    """Experiment: whether the sentence's main happening (its root, or what a speech verb
    reports) is told done: a past tense or a present perfect of an event verb."""
    from articles.reading.models import nlp
    from articles.reading.speech import SPEECH_LEMMAS

    doc = nlp()(text)
    verb = next((t for t in doc if t.dep_ == "ROOT"), None)
    if verb is None:
        return False
    if verb.lemma_.lower() in SPEECH_LEMMAS:
        said = next((t for t in verb.children if t.dep_ == "ccomp"), None)
        if said is not None:
            verb = said
    if verb.lemma_.lower() in _STATE_VERBS or not verb.tag_.startswith("VB"):
        return False
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if aux & {"will", "would", "shall", "'ll", "wo", "may", "might", "could", "should", "can", "must"}:
        return False
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ == "VBN" and bool(aux & {"has", "have", "had", "was", "were", "been"})


def _fact_leads(analysis_a: dict, analysis_b: dict) -> tuple[int, int] | None:
    lead_a, lead_b = lead(analysis_a.get("sentences", [])), lead(analysis_b.get("sentences", []))
    if lead_a < 0 or lead_b < 0:
        return None
    if states_fact(analysis_a, lead_a) and states_fact(analysis_b, lead_b):
        return lead_a, lead_b
    return None


# ---------------------------------------------------------------- wrapping align
_ORIGINAL = {
    name: getattr(align, name)
    for name in ("prepare", "candidate_features", "candidate_pairs", "closest_both_ways", "align")
}
_current: list[tuple[dict, dict, SideText, SideText]] = []


class ClauseSide(SideText):
    """A SideText with its sentences' clauses and vectors (SideText has slots, this a dict)."""


def prepare(analysis: dict, skip=frozenset()) -> SideText:
    plain = _ORIGINAL["prepare"](analysis, skip)
    side = ClauseSide(plain.sentences, plain.bags, plain.lengths)
    side.clauses, side.vectors = [], None
    if S.close:
        figures: dict[int, list] = defaultdict(list)
        for number in analysis.get("numbers", []):
            figures[number["sentence"]].append(number)
        side.sentences = [{**s, "_figures": figures.get(k, [])} for k, s in enumerate(side.sentences)]
    if S.clauses:
        side.clauses, side.vectors = _clauses(analysis, skip)
    return side


def candidate_features(a, b, weights, skip_a, skip_b, cosines=None, lexical=None):
    out = _ORIGINAL["candidate_features"](a, b, weights, skip_a, skip_b, cosines, lexical)
    best = unit_cosines(a, b, cosines) if S.clauses else None
    if best is not None:
        lead_a, lead_b = lead(a.sentences), lead(b.sentences)
        for i, j in zip(*(best >= MEANING_CANDIDATE).nonzero(), strict=True):
            i, j = int(i), int(j)
            if (i, j) not in out and i not in skip_a and j not in skip_b and a.bags[i] and b.bags[j]:
                out[(i, j)] = features(
                    0.0, float(cosines[i, j]), 0.0, 0.0, leads=float(i == lead_a and j == lead_b)
                )
    if S.close:
        for (i, j), f in list(out.items()):
            close = _close_figures(a.sentences[i].get("_figures", []), b.sentences[j].get("_figures", []))
            if close > f[5]:
                out[(i, j)] = (*f[:5], close, *f[6:])
    if S.clauses == "features" and best is not None:
        for key, sentence_features in out.items():
            units = clause_features(a, b, weights, *key)
            if units:
                w, m, n, f = (
                    max(x)
                    for x in zip(
                        *[(u[0], u[1], u[4], u[5]) for u in (sentence_features, *units)], strict=True
                    )
                )
                out[key] = features(w, m, n, f, leads=sentence_features[-1])
    if S.clauses == "extra":
        for key, sentence_features in out.items():
            units = clause_features(a, b, weights, *key) if best is not None else []
            cos = max(u[1] for u in (sentence_features, *units))
            words = max(u[0] for u in (sentence_features, *units))
            extra = (
                (cos - sentence_features[1],)
                if S.only_meaning
                else (cos - sentence_features[1], words - sentence_features[0])
            )
            out[key] = (*sentence_features, *extra)
    return out


def candidate_pairs(a, b, weights, skip_a, skip_b, cosines=None, lexical=None):
    pairs = _ORIGINAL["candidate_pairs"](a, b, weights, skip_a, skip_b, cosines, lexical)
    if S.clauses != "probability":
        return pairs
    current = align.model()
    out = []
    for score, i, j in pairs:
        units = clause_features(a, b, weights, i, j)
        out.append((max([score, *(current.probability(f) for f in units)]), i, j))
    return out


def closest_both_ways(lexical, cosines=None):
    analysis_a, analysis_b, a, b = _current[-1] if _current else (None, None, None, None)
    if S.closest and S.clauses and a is not None:
        best = unit_cosines(a, b, cosines)
        cosines = best if best is not None else cosines
    closest = _ORIGINAL["closest_both_ways"](lexical, cosines)
    if S.leads and analysis_a is not None:
        leads = _fact_leads(analysis_a, analysis_b)
        if leads is not None:
            closest.add(leads)
    return closest


def _align(analysis_a: dict, analysis_b: dict, shared_quotes=None):
    _current.append((analysis_a, analysis_b, None, None))
    try:
        return _ORIGINAL["align"](analysis_a, analysis_b, shared_quotes)
    finally:
        _current.pop()


def _prepare_remembered(analysis: dict, skip=frozenset()) -> SideText:
    side = prepare(analysis, skip)
    if _current:
        analysis_a, analysis_b, a, b = _current[-1]
        if a is None:
            _current[-1] = (analysis_a, analysis_b, side, None)
        elif b is None:
            _current[-1] = (analysis_a, analysis_b, a, side)
    return side


def apply(variant: str) -> None:
    """Put variant in place (see the module's docstring for the names), "base" for none."""
    global S
    S = Settings()
    name, _, pairs = variant.partition("/")
    name, _, share = name.partition("@")
    for part in name.split("+"):
        if part in ("probability", "features", "extra", "extra_meaning"):
            S.clauses = "extra" if part.startswith("extra") else part
            S.only_meaning = part == "extra_meaning"
        elif part == "closest":
            S.closest = True
        elif part in ("leadfacts", "leadloose"):
            S.leads = "past" if part == "leadfacts" else "loose"
        elif part in ("close", "close_noun"):
            S.close = float(share) if share else 0.2
            S.close_noun = part == "close_noun"
        elif part != "base":
            raise ValueError(f"unknown variant {variant}")
    S.pairs = {"": "all", "one": "one_side", "short": "short_other"}[pairs]
    align.prepare = _prepare_remembered
    align.candidate_features = candidate_features
    align.candidate_pairs = candidate_pairs
    align.closest_both_ways = closest_both_ways
    align.align = _align
    compare.align = _align
