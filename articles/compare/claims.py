"""When two sentences make the same claim: words and meaning together, with vetoes.

Two signals score a pair of sentences: the weighted overlap of their words, names and numbers
(align.pair_score, which finds claims worded alike) and the cosine of their meaning vectors
(which finds paraphrases that share few words: "$5.7 billion for a wall" / "his demands for
$5.7 billion"). Neither alone is enough: sentences on one topic share words and meaning while
saying different things. A pair is the *same claim* above SAME_CLAIM, *related* above RELATED;
a sentence that denies what the other asserts is at most related, whatever the score.
Sentence vectors cannot tell "12 killed" from "21 killed": numbers are compared separately, as
conflicts inside a matched claim.
"""

# Weights of the two signals, and the thresholds, measured on eval/compare (see RESULTS.md there).
LEXICAL_WEIGHT = 0.5
MEANING_WEIGHT = 0.5
# Below this cosine the sentences mean different things, whatever words they share.
MEANING_FLOOR = 0.3
SAME_CLAIM = 0.42
RELATED = 0.32
SAME, RELATED_LEVEL = "same", "related"


def claim_score(lexical: float, cosine: float | None) -> float:
    """One score in [0, 1] from the word overlap and (when both sides have vectors) the cosine."""
    if cosine is None:
        return lexical
    if cosine < MEANING_FLOOR:
        return min(lexical, cosine)
    return LEXICAL_WEIGHT * lexical + MEANING_WEIGHT * cosine


def level(score: float, negation_differs: bool = False) -> str | None:
    """ "same", "related" or None (not a match) for a pair's claim score."""
    if score >= SAME_CLAIM and not negation_differs:
        return SAME
    if score >= RELATED:
        return RELATED_LEVEL
    return None
