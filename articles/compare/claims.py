"""When two sentences make the same claim: a small fitted model over words, meaning and facts.

Each pair of sentences is described by a few features: the weighted overlap of their words
(align.pair_score, which finds claims worded alike), the cosine of their meaning vectors (which
finds paraphrases sharing few words: "$5.7 billion for a wall" / "his demands for $5.7
billion"), the people, organisations and places and the figures both name, and whether both
are their report's lead (news puts the core fact first). A logistic
regression fitted on annotated pairs (eval/compare/fit_claims.py; the weights are data, in
claim_model.json) turns them into the probability that both sentences make the same claim.
A pair is the *same claim* above SAME_CLAIM, *related* above RELATED; a sentence that denies
what the other asserts is at most related. Sentence vectors cannot tell "12 killed" from "21
killed": numbers are compared separately, as conflicts inside a matched claim.
"""

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

MODEL_PATH = Path(__file__).with_name("claim_model.json")
FEATURES = ("words", "meaning", "meaning_sq", "words_x_meaning", "names", "figures", "leads")
SAME, RELATED_LEVEL = "same", "related"


@dataclass(frozen=True, slots=True)
class ClaimModel:
    weights: tuple[float, ...]
    bias: float
    same: float  # probability from which a pair is the same claim
    related: float  # ...and from which it is related

    def probability(self, features: tuple[float, ...]) -> float:
        z = self.bias + sum(w * x for w, x in zip(self.weights, features, strict=True))
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


@lru_cache(maxsize=1)
def _stored() -> ClaimModel:
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise ValueError(f"{MODEL_PATH} was fitted on features {data['features']}, not {FEATURES}")
    return ClaimModel(tuple(data["weights"]), data["bias"], data["same"], data["related"])


_in_use: list[ClaimModel] = []  # a model put in place by use() (the fitting script's trials)


def model() -> ClaimModel:
    """The model in use: the stored one unless use() put another in place."""
    return _in_use[-1] if _in_use else _stored()


def use(candidate: ClaimModel | None) -> None:
    """Score with candidate from now on (None: back to the stored model)."""
    _in_use.clear()
    if candidate is not None:
        _in_use.append(candidate)


def features(words: float, meaning: float | None, names: float, figures: float, leads: float = 0.0) -> tuple:
    """The model's inputs. Without vectors (a reading from before they were stored) the meaning
    is estimated from the words, so old readings still compare, if less well. leads is 1 when
    both sentences are their report's lead (align.lead): news states its core fact first, and
    two leads of one event share it even when worded far apart ("began an eight-day strike" /
    "brought Britain's biggest container port to a standstill"). (A general position feature
    was measured and left out: it helped on long reports and misled on short ones; so were how
    far a pair leads its sentences' next-best partners, and names of one kind given by one side
    only: in 4-fold cross-validation over 40 annotated pairs neither gained recall at equal
    precision, see eval/compare/RESULTS.md.)"""
    if meaning is None:
        meaning = min(1.0, 0.3 + 0.6 * words)
    return (words, meaning, meaning * meaning, words * meaning, names, figures, leads)


def claim_score(
    words: float, meaning: float | None, names: float = 0.0, figures: float = 0.0, leads: float = 0.0
) -> float:
    return model().probability(features(words, meaning, names, figures, leads))


def level(score: float, negation_differs: bool = False) -> str | None:
    """ "same", "related" or None (not a match) for a pair's claim probability."""
    current = model()
    if score >= current.same and not negation_differs:
        return SAME
    if score >= current.related:
        return RELATED_LEVEL
    return None
