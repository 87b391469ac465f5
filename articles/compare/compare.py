"""One comparison of two analysed reports, as a JSON-safe dict the page, the API and exports share."""

import re
from types import ModuleType

from ..reading.gazetteer import countries_holding, country_code
from ..reading.identity import ORGANISATION
from ..reading.lang import get_language
from ..reading.names import name_tokens
from ..reading.vectors import cosine_matrix, unpack
from .align import align
from .key_differences import key_differences
from .summary import (
    Country,
    InCountry,
    crossed_conflicts,
    entity_summary,
    headline_summary,
    link_entities,
    number_conflicts,
    quote_summary,
    quotes_by_sentence,
    unread_names,
    word_diff,
)


def with_linked_keys(analysis: dict, mapping: dict[str, str]) -> dict:
    if not mapping:
        return analysis
    entities = [{**e, "key": mapping.get(e["key"], e["key"])} for e in analysis.get("entities", [])]
    return {**analysis, "entities": entities}


def with_unread_names(analysis: dict, found: dict[str, list[dict]], kinds: dict[str, str]) -> dict:
    """analysis with the names its reading missed that the other report's found there
    (summary.unread_names: {entity key: mentions}) as entities of their own under the other's
    key, so that the alignment counts "Katla" in both reports as one name, not as a name in one
    and a word in the other."""
    if not found:
        return analysis
    added = [
        {
            "key": key,
            "name": mentions[0]["text"],
            "kind": kinds.get(key, ""),
            "variants": sorted({m["text"] for m in mentions}),
            "sentences": sorted({m["sentence"] for m in mentions}),
            "mentions": mentions,
        }
        for key, mentions in found.items()
    ]
    return {**analysis, "entities": [*analysis.get("entities", []), *added]}


def places_by_sentence(analysis: dict) -> dict[int, set[object]]:
    """The places each sentence names: each place's key (linked across the reports), the keys
    of its name's words, so that "Daejeon Station" and "Daejeon" can be told to meet, and the
    country it is or lies in, so that "Lahore" and "Pakistan" can (summary.places_meet). Only
    places a claim may happen in: not a place inside an organisation's name ("the District of
    Columbia" of a court's), nor one describing a body ("the Silicon Valley giant", "the
    Seattle-based company": _describes_a_body)."""
    lang = get_language(analysis.get("language", "en"))
    sentences = analysis.get("sentences", [])
    bodies = [
        (m["start"], m["end"])
        for e in analysis.get("entities", [])
        if e.get("kind") == ORGANISATION
        for m in e.get("mentions", [])
    ]
    places: dict[int, set[object]] = {}
    for entity in analysis.get("entities", []):
        if entity.get("kind") == "place":
            name = entity.get("name", "")
            where: set[object] = {entity["key"]}
            if words := name_tokens(name):
                where.add(words)
            # Through the language's short forms first: "UK" is the United Kingdom, "NSW" a
            # state of Australia.
            folded = name.lower()
            if code := country_code(lang.COUNTRY_ALIASES.get(folded, name)):
                where.add(Country(code))
            else:
                where.update(
                    InCountry(code) for code in countries_holding(lang.PLACE_ALIASES.get(folded, name))
                )
            for mention in entity.get("mentions", []):
                if any(start <= mention["start"] and mention["end"] <= end for start, end in bodies):
                    continue
                if _describes_a_body(mention, sentences, lang):
                    continue
                places.setdefault(mention["sentence"], set()).update(where)
    return places


# "based in" or "headquartered in" before a place, with the names of the places before it in a
# list ("based in Richmond, Virginia"): where a body has its home, not where the claim happens.
_HOME_BEFORE = re.compile(r"\b(?:based|headquartered)\s+in\s+(?:the\s+)?(?:[A-Z][\w.'-]*,?\s+){0,4}$")


def _describes_a_body(mention: dict, sentences: list[dict], lang: ModuleType) -> bool:
    """Whether a place's name describes a body: right before a noun for one ("the Silicon Valley
    giant", "a Seattle firm", "the London-based lender") or after "based in" ("the chain based
    in Richmond, Virginia")."""
    index = mention["sentence"]
    if not 0 <= index < len(sentences) or "start" not in sentences[index]:
        return False
    sentence = sentences[index]
    if _HOME_BEFORE.search(sentence["text"][: max(mention["start"] - sentence["start"], 0)]):
        return True  # "the home furnishings chain based in Richmond, Virginia"
    after = sentence["text"][mention["end"] - sentence["start"] :]
    following = re.match(r"(?:-based)?\s+([a-z]+(?:-[a-z]+)?)\b|-based\b", after)
    if following is None:
        return False
    return following.group(1) is None or following.group(1) in lang.BODY_NOUNS


def join_quoted_rows(rows: list[dict], quotes_a: list[dict], quotes_b: list[dict]) -> list[dict]:
    """Rows of one report only, next to each other, that hold sentences of one quote are made one
    row, carrying the quote's index ("quote"): a quote told over two sentences ("We move this
    country's goods. We can't even ...," he said.) is one thing its speaker said, not two claims
    of half a quote each. Rows that match the other report are left as they are."""
    of_quote = {"a": quotes_by_sentence(quotes_a), "b": quotes_by_sentence(quotes_b)}
    joined: list[dict] = []
    for row in rows:
        side = {"only_a": "a", "only_b": "b"}.get(row["kind"])
        quote = _one_quote(row[side], of_quote[side]) if side else None
        previous = joined[-1] if joined else None
        if (
            quote is not None
            and previous is not None
            and previous["kind"] == row["kind"]
            and _one_quote(previous[side], of_quote[side]) == quote
        ):
            joined[-1] = {**previous, side: previous[side] + row[side], "quote": quote}
        else:
            joined.append(row)
    return joined


def with_conflict_rows(
    rows: list[dict],
    crossed: list[dict],
    sentences: tuple[list[dict], list[dict]],
    cosines=None,
    language: str = "en",
) -> list[dict]:
    """rows with a row of its own for each conflict between two sentences no row paired
    (summary.crossed_conflicts), shown as related, not as the same claim (the two disagree on
    the figure they give), so that the page shows the two side by side with the conflict and
    neither sentence stays listed as a claim only its report makes. The row takes the place of
    a sentence's one-sided row: of B's, or of A's when B's sentence is in another row; when
    both were one-sided and not next to each other, the row stands at A's place and B's place
    gets a link to it, as a match out of order does. Its score is the sentences' cosine."""
    rows = list(rows)
    for conflict in crossed:
        i, j = conflict["a_sentences"][0], conflict["b_sentences"][0]
        text_a, text_b = sentences[0][i]["text"], sentences[1][j]["text"]
        parts_a, parts_b = word_diff(text_a, text_b, language)
        score = (
            round(float(cosines[i, j]), 3)
            if cosines is not None and cosines.shape[0] > i and cosines.shape[1] > j
            else 0.0
        )
        row = {
            "kind": "match",
            "a": [i],
            "b": [j],
            "score": score,
            "level": "related",
            "moved": False,
            "conflict": True,
            "a_parts": parts_a,
            "b_parts": parts_b,
        }
        at_a = next((k for k, r in enumerate(rows) if r["kind"] == "only_a" and r["a"] == [i]), None)
        at_b = next((k for k, r in enumerate(rows) if r["kind"] == "only_b" and r["b"] == [j]), None)
        if at_a is not None and at_b is not None and abs(at_a - at_b) == 1:
            rows[min(at_a, at_b)] = row
            del rows[max(at_a, at_b)]
        elif at_a is not None and at_b is not None:
            rows[at_a] = {**row, "moved": True}
            # The link says what it points to: a sentence whose figure differs, not a match
            # (presenting._rows labels it by "conflict").
            rows[at_b] = {
                "kind": "moved_b", "a": [i], "b": [j], "score": score, "level": "related", "moved": True,
                "conflict": True,
            }  # fmt: skip
        elif at_b is not None or at_a is not None:
            rows[at_b if at_b is not None else at_a] = row
        else:
            after = max((k for k, r in enumerate(rows) if i in r["a"]), default=len(rows) - 1)
            rows.insert(after + 1, row)
    return rows


def _one_quote(sentences: list[int], of_quote: dict[int, int]) -> int | None:
    quotes = {of_quote.get(i) for i in sentences}
    return quotes.pop() if len(quotes) == 1 else None


def _people_words(*analyses: dict) -> frozenset[str]:
    """The lower-cased words of the people's names both readings give (a figure's anchor is its
    clause's subject in lower case: "kuipers")."""
    return frozenset(
        word.lower()
        for analysis in analyses
        for entity in analysis.get("entities", [])
        if entity.get("kind") == "person"
        for word in re.findall(r"[^\W\d_]+", entity.get("name", ""))
    )


def compare_analyses(analysis_a: dict, analysis_b: dict) -> dict:
    """Rows, similarity and summary of two reports' analyses (see articles.reading.read_report)."""
    language = analysis_a.get("language", "en")
    mapping = link_entities(
        analysis_a.get("entities", []),
        analysis_b.get("entities", []),
        language,
        (analysis_a.get("sentences", []), analysis_b.get("sentences", [])),
    )
    quotes = quote_summary(analysis_a.get("quotes", []), analysis_b.get("quotes", []), mapping)
    quotes_a, quotes_b = analysis_a.get("quotes", []), analysis_b.get("quotes", [])
    quoted_pairs = [
        (quotes_a[p["a"]]["sentences"][0], quotes_b[p["b"]]["sentences"][0]) for p in quotes["shared"]
    ]
    linked_b = with_linked_keys(analysis_b, mapping)
    found = unread_names(analysis_a, analysis_b, mapping)
    kinds_a = {e["key"]: e["kind"] for e in analysis_a.get("entities", [])}
    kinds_b = {e["key"]: e["kind"] for e in linked_b.get("entities", [])}
    alignment = align(
        with_unread_names(analysis_a, {mapping.get(k, k): m for k, m in found["a"].items()}, kinds_b),
        with_unread_names(linked_b, found["b"], kinds_a),
        quoted_pairs,
    )
    sentences_a = analysis_a.get("sentences", [])
    sentences_b = analysis_b.get("sentences", [])
    rows = []
    for row in alignment.rows:
        row = dict(row)
        if row["kind"] == "match":
            text_a = " ".join(sentences_a[i]["text"] for i in row["a"])
            text_b = " ".join(sentences_b[j]["text"] for j in row["b"])
            row["a_parts"], row["b_parts"] = word_diff(text_a, text_b, language)
        rows.append(row)
    rows = join_quoted_rows(rows, quotes_a, quotes_b)
    places = (places_by_sentence(analysis_a), places_by_sentence(linked_b))
    people = _people_words(analysis_a, analysis_b)
    numbers_a, numbers_b = analysis_a.get("numbers", []), analysis_b.get("numbers", [])
    conflicts = number_conflicts(rows, numbers_a, numbers_b, places, (sentences_a, sentences_b), people)
    crossed = crossed_conflicts(
        rows,
        numbers_a,
        numbers_b,
        places,
        (sentences_a, sentences_b),
        people,
        (analysis_a.get("entities", []), linked_b.get("entities", [])),
        language,
    )
    if crossed:
        cosines = cosine_matrix(unpack(analysis_a.get("vectors")), unpack(analysis_b.get("vectors")))
        rows = with_conflict_rows(rows, crossed, (sentences_a, sentences_b), cosines, language)
        conflicts += crossed
    counts = {
        "shared": sum(r["kind"] == "match" and r.get("level") != "related" for r in rows),
        "related": sum(r["kind"] == "match" and r.get("level") == "related" for r in rows),
        "only_a": sum(r["kind"] == "only_a" for r in rows),
        "only_b": sum(r["kind"] == "only_b" for r in rows),
        "moved": sum(r["kind"] == "moved_b" for r in rows),
    }
    comparison = {
        "similarity": alignment.similarity,
        "counts": counts,
        "rows": rows,
        "sentences": {"a": sentences_a, "b": sentences_b},
        "entities": entity_summary(
            analysis_a.get("entities", []),
            analysis_b.get("entities", []),
            mapping,
            found,
            language=language,
        ),
        "quotes": {"a": quotes_a, "b": quotes_b, **quotes},
        "numbers": {
            "a": analysis_a.get("numbers", []),
            "b": analysis_b.get("numbers", []),
            "conflicts": conflicts,
        },
        "headline": headline_summary(analysis_a.get("title", ""), analysis_b.get("title", ""), language),
    }
    comparison["key_differences"] = key_differences(analysis_a, analysis_b, comparison)
    return comparison
