"""How likely a report tells the same story as an event, from how alike their texts are.

A logistic regression over average-linkage similarities (mean over the event's members):
- terms: idf-weighted words and two-word phrases (cosine);
- names: idf-weighted people, organisations and places (cosine), with an indicator of
  whether both sides name anyone at all (a zero then means something; otherwise not);
- meaning: the cosine of the headline-and-lead vectors and of the whole-text vectors
  (meaning.py).
The weights are fitted on labelled report pairs of the development corpora by
eval/grouping/fit_grouping.py and kept as data in scoring.json, with the decision threshold
chosen on the same development data. A report without meaning vectors (not read yet, or
stored before they existed) is scored by the words-only model fitted alongside.

The model is linear before the logistic, so its value on mean similarities is the mean of its
pairwise values: fitting on pairs and scoring against an event's average agree.
Plain Python; no Django.
"""

import json
import math
import os
from dataclasses import dataclass
from pathlib import Path

FITTED = Path(__file__).with_name("scoring.json")


@dataclass(frozen=True, slots=True)
class Model:
    bias: float
    weights: dict[str, float]

    def probability(self, features: dict[str, float]) -> float:
        z = self.bias + sum(weight * features.get(name, 0.0) for name, weight in self.weights.items())
        return 1.0 / (1.0 + math.exp(-z))


def _load() -> tuple[Model, Model, dict]:
    data = json.loads(FITTED.read_text(encoding="utf-8"))
    with_meaning = Model(data["with_meaning"]["bias"], data["with_meaning"]["weights"])
    words_only = Model(data["words_only"]["bias"], data["words_only"]["weights"])
    thresholds = dict(data["thresholds"])
    # Only for choosing the threshold: eval/evaluate.py --threshold runs the pipeline with another.
    if override := os.environ.get("COVERAGE_GROUPING_THRESHOLD"):
        thresholds["join"] = float(override)
    return with_meaning, words_only, thresholds


WITH_MEANING, WORDS_ONLY, THRESHOLDS = _load()


def text_score(
    term_sim: float, name_sim: float, *, names_on_both_sides: bool, meaning: tuple[float, float] | None
) -> float:
    """The probability, before time and outlet, that the texts tell the same story."""
    features = {
        "terms": term_sim,
        "names": name_sim if names_on_both_sides else 0.0,
        "named": 1.0 if names_on_both_sides else 0.0,
    }
    if meaning is None:
        return WORDS_ONLY.probability(features)
    features["lead_meaning"], features["text_meaning"] = meaning
    return WITH_MEANING.probability(features)
