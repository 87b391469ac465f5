"""The few differences a reader most needs, before the full claim-by-claim rows.

Only the reports' own sentences, quotes, names and figures: nothing here writes text. Each item
carries the sentence ids behind it, so the page links it to its row.

- number conflicts inside claims both make (always shown: a reader must see them first);
- claims only one report makes, the most central first: a sentence is central when its meaning
  is close to its report's headline and to the rest of its report, and when it comes early
  (news puts what matters first); a line of a few words ("Leave a Reply"), a question, a list's
  lead-in and a bracketed aside (a wire credit) make no claim and are never listed, and
  a sentence close in meaning to one of the other report is left out (it may say the same in
  other words: a false "only this report says it" is worse than a shorter list);
- quotes only one report uses, from speakers the other does not quote;
- people only one report names, the most mentioned first.
"""

import numpy as np

from ..reading.lang import get_language
from ..reading.tokens import content_tokens
from ..reading.vectors import unpack
from .align import asks
from .summary import quotes_by_sentence

ONE_SIDED_SHOWN = 3
QUOTES_SHOWN = 2
PEOPLE_SHOWN = 5
MIN_WORDS = 6
# A cosine from which another report may say the same in other words. Measured on the eleven
# annotated sets (1,223 one-sided sentences of six words or more): at 0.4, 24% of the lines this
# list showed were claims the other report makes in other words ("All 19 were brought to
# surface alive" / "Nineteen miners were yesterday brought to the surface alive", cosine 0.29);
# at 0.3, 13%, with the list shorter (188 lines in 88 pairs, from 415).
COUNTERPART = 0.3
# The share of a sentence's content words the other report must lack anywhere for the sentence to
# be listed as a claim of its own. Measured with eval/compare/key_lines.py on the fifteen annotated
# sets: without it 34 of 214 judged lines were claims the annotation matches as the same claim in
# the other report; at 0.7, 17 of 162, with 67 fewer lines listed (108 of 256 sides empty, from
# 75). A
# sentence most of whose words the other report uses is often the same claim told another way
# ("Shares of Lumora slid more than 4 percent on the news" / "... fell 4.6 percent ...").
NEW_WORDS = 0.7


def _states_nothing(text: str, language: str = "en") -> bool:
    """Whether a line makes no claim of its own: a question ("What do we know so far?"), the
    lead-in to a list ("Under the terms of her release, Ms. Meng must:"), an aside wholly in
    brackets, as wire credits are ("(Reporting by ...; Editing by ...)"), or the page speaking
    of itself outside any quote ("We will update this post as we learn more")."""
    text = text.strip()
    lead_in = text.rstrip(" \"'”’").endswith(":")
    about_the_page = not any(mark in text for mark in '"“”') and get_language(language).ABOUT_THE_PAGE.search(
        text
    )
    return asks(text) or lead_in or (text.startswith("(") and text.endswith(")")) or bool(about_the_page)


def _centrality(analysis: dict, indices: list[int]) -> dict[int, float]:
    sentences = analysis.get("sentences", [])
    vectors = unpack(analysis.get("vectors"))
    title = unpack(analysis.get("title_vector"))
    usable = vectors is not None and len(vectors) == len(sentences)
    mean_vector = vectors.mean(axis=0) if usable and len(vectors) else None
    scores = {}
    for i in indices:
        early = 1.0 / (1.0 + i / 4)
        if usable:
            to_title = float(vectors[i] @ title[0]) if title is not None else 0.0
            to_report = float(vectors[i] @ mean_vector / (np.linalg.norm(mean_vector) or 1.0))
            scores[i] = 0.4 * to_title + 0.3 * to_report + 0.3 * early
        else:
            scores[i] = early
    return scores


def _has_counterpart(analysis: dict, other: dict) -> set[int]:
    """Sentences whose meaning is close to some sentence of the other report (cosine at least
    COUNTERPART), or most of whose words the other report uses (less than NEW_WORDS of them new
    to it): the alignment did not take them as one claim, but a reader told "only this report
    says it" might find it in the other in other words. Left out of the key list."""
    language = analysis.get("language", "en")
    theirs_words = {w for s in other.get("sentences", []) for w in content_tokens(s["text"], language)}
    near = set()
    for i, sentence in enumerate(analysis.get("sentences", [])):
        words = set(content_tokens(sentence["text"], language))
        if words and len(words - theirs_words) < NEW_WORDS * len(words):
            near.add(i)
    mine, theirs = unpack(analysis.get("vectors")), unpack(other.get("vectors"))
    if mine is None or theirs is None or mine.shape[1] != theirs.shape[1]:
        return near
    return near | {int(i) for i in np.nonzero((mine @ theirs.T).max(axis=1) >= COUNTERPART)[0]}


def _echoed_quotes(quotes: dict, side: str, language: str) -> set[int]:
    """This side's quotes whose speaker the other report quotes too, in words at least half of
    which are that quote's ("That's what this group does. We find a way." against "... we found
    a way, and that's what this group does"): the same quote told another way, not one only this
    report gives."""
    other = "b" if side == "a" else "a"
    echoed: set[int] = set()
    for entry in quotes.get("speakers", []):
        if not entry.get("key") or not entry[other]:
            continue
        theirs = {w for k in entry[other] for w in content_tokens(quotes[other][k]["text"], language)}
        for k in entry[side]:
            mine = set(content_tokens(quotes[side][k]["text"], language))
            if mine and 2 * len(mine & theirs) >= len(mine):
                echoed.add(k)
    return echoed


def _one_sided(
    analysis: dict, other: dict, rows: list[dict], side: str, echoed: frozenset[int] | set[int] = frozenset()
) -> list[dict]:
    """The most central claims only this side makes. A quote told over several sentences is one
    item, all its sentences together (compare.join_quoted_rows joins its one-sided rows), and is
    left out when any of them is close in meaning to a sentence of the other report: half a
    quote, without its speaker, is no claim of its own."""
    kind = f"only_{side}"
    sentences = analysis.get("sentences", [])
    near = _has_counterpart(analysis, other)
    quotes = analysis.get("quotes", [])
    of_quote = quotes_by_sentence(quotes, every=True)
    items: list[list[int]] = []
    for row in rows:
        if row["kind"] != kind:
            continue
        for ids in [row[side]] if "quote" in row else [[i] for i in row[side]]:
            if ids[0] in of_quote:
                # Half a quote is shown with the rest of it, and not at all when any of it may be
                # in the other report in other words.
                ids = quotes[of_quote[ids[0]]]["sentences"]
            if near & set(ids) or ids in items or echoed & {of_quote.get(i, -1) for i in ids}:
                continue
            if sum(len(sentences[i]["text"].split()) for i in ids) >= MIN_WORDS and not _states_nothing(
                " ".join(sentences[i]["text"] for i in ids), analysis.get("language", "en")
            ):
                items.append(ids)
    scores = _centrality(analysis, [i for ids in items for i in ids])
    ranked = sorted(items, key=lambda ids: -max(scores[i] for i in ids))[:ONE_SIDED_SHOWN]
    return [
        {
            "sentence": ids[0],
            **({"sentences": ids} if len(ids) > 1 else {}),
            "text": " ".join(sentences[i]["text"] for i in ids),
            "centrality": round(max(scores[i] for i in ids), 3),
        }
        for ids in ranked
    ]


def _quotes_only(quotes: dict, side: str) -> list[dict]:
    shared = {pair[side] for pair in quotes.get("shared", [])}
    lonely_speakers = {s["key"] for s in quotes.get("speakers", []) if s.get("only") == side and s.get("key")}
    found = [
        {"quote": k, "speaker": q["speaker"], "text": q["text"], "sentences": q["sentences"]}
        for k, q in enumerate(quotes.get(side, []))
        if k not in shared and q.get("speaker_key") in lonely_speakers
    ]
    found.sort(key=lambda q: -len(q["text"]))
    return found[:QUOTES_SHOWN]


def _people_only(entities: dict, side: str) -> list[dict]:
    people = [e for e in entities.get(f"only_{side}", []) if e["kind"] == "person"]
    people.sort(key=lambda e: -len(e[f"{side}_sentences"]))
    return [{"name": e["name"], "sentences": e[f"{side}_sentences"]} for e in people[:PEOPLE_SHOWN]]


def key_differences(analysis_a: dict, analysis_b: dict, comparison: dict) -> dict:
    """The key differences of a comparison (compare.compare_analyses) of two readings."""
    rows = comparison["rows"]
    found = {"conflicts": comparison["numbers"]["conflicts"]}
    for side, mine, other in (("a", analysis_a, analysis_b), ("b", analysis_b, analysis_a)):
        quotes = _quotes_only(comparison["quotes"], side)
        quoted = {i for q in quotes for i in q["sentences"]}  # listed once, as a quote
        echoed = _echoed_quotes(comparison["quotes"], side, mine.get("language", "en"))
        found[f"only_{side}"] = [
            s
            for s in _one_sided(mine, other, rows, side, echoed)
            if not quoted & set(s.get("sentences", [s["sentence"]]))
        ]
        found[f"quotes_only_{side}"] = quotes
        found[f"people_only_{side}"] = _people_only(comparison["entities"], side)
    return found
