"""One comparison of two analysed reports, as a JSON-safe dict the page, the API and exports share."""

from ..reading.gazetteer import countries_holding, country_code
from ..reading.names import name_tokens
from .align import align
from .key_differences import key_differences
from .summary import (
    Country,
    InCountry,
    entity_summary,
    headline_summary,
    link_entities,
    number_conflicts,
    quote_summary,
    unread_names,
    word_diff,
)


def with_linked_keys(analysis: dict, mapping: dict[str, str]) -> dict:
    if not mapping:
        return analysis
    entities = [{**e, "key": mapping.get(e["key"], e["key"])} for e in analysis.get("entities", [])]
    return {**analysis, "entities": entities}


def places_by_sentence(analysis: dict) -> dict[int, set[object]]:
    """The places each sentence names: each place's key (linked across the reports), the keys
    of its name's words, so that "Daejeon Station" and "Daejeon" can be told to meet, and the
    country it is or lies in, so that "Lahore" and "Pakistan" can (summary.places_meet)."""
    places: dict[int, set[object]] = {}
    for entity in analysis.get("entities", []):
        if entity.get("kind") == "place":
            name = entity.get("name", "")
            where: set[object] = {entity["key"]}
            if words := name_tokens(name):
                where.add(words)
            if code := country_code(name):
                where.add(Country(code))
            else:
                where.update(InCountry(code) for code in countries_holding(name))
            for mention in entity.get("mentions", []):
                places.setdefault(mention["sentence"], set()).update(where)
    return places


def compare_analyses(analysis_a: dict, analysis_b: dict) -> dict:
    """Rows, similarity and summary of two reports' analyses (see articles.reading.read_report)."""
    language = analysis_a.get("language", "en")
    mapping = link_entities(analysis_a.get("entities", []), analysis_b.get("entities", []))
    quotes = quote_summary(analysis_a.get("quotes", []), analysis_b.get("quotes", []), mapping)
    quotes_a, quotes_b = analysis_a.get("quotes", []), analysis_b.get("quotes", [])
    quoted_pairs = [
        (quotes_a[p["a"]]["sentences"][0], quotes_b[p["b"]]["sentences"][0]) for p in quotes["shared"]
    ]
    linked_b = with_linked_keys(analysis_b, mapping)
    alignment = align(analysis_a, linked_b, quoted_pairs)
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
    conflicts = number_conflicts(
        rows,
        analysis_a.get("numbers", []),
        analysis_b.get("numbers", []),
        (places_by_sentence(analysis_a), places_by_sentence(linked_b)),
    )
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
            unread_names(analysis_a, analysis_b, mapping),
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
