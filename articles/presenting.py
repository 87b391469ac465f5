"""Turns a comparison dict into what the compare page template walks through.

Anchors: sentence i of the left report is #a-i, of the right report #b-i; rows are #row-n.
Every summary item carries the anchor of the sentence that supports it.
"""

from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .models import Article


def _anchor(side: str, ids: list[int]) -> str:
    return f"#{side}-{ids[0]}" if ids else ""


_MARK = {"del": "del", "ins": "ins"}


def diff_html(parts: list[list[str]]) -> SafeString:
    """A side of a word diff as HTML: changed words in <del>/<ins> with a text label for screen
    readers (rendered here, not by a template include per row: a long comparison has hundreds)."""
    out = []
    for op, text in parts:
        if op == "same":
            out.append(escape(text))
        else:
            tag = _MARK[op]
            out.append(
                f'<{tag}><span class="sr-only">[only here: </span>{escape(text)}<span class="sr-only">]</span></{tag}>'
            )
    return mark_safe("".join(out))  # every piece of text above is escaped


def _side_cells(
    side: str,
    ids: list[int],
    sentences: list[dict],
    parts: list[list[str]] | None,
    shown: dict[str, int] | None = None,
    number: int = 0,
) -> dict:
    """shown: element id -> the row that holds it already. A sentence may make the claims of two
    rows (one report says in one sentence what the other says in two): its anchor stays with its
    first row, and later rows give it an id of their own so that no id is used twice."""
    element_ids = []
    for i in ids:
        element = f"{side}-{i}"
        if shown is not None:
            if element in shown:
                element = f"{element}-row-{number}"
            else:
                shown[element] = number
        element_ids.append(element)
    return {
        "ids": element_ids,
        "html": diff_html(parts) if parts else " ".join(sentences[i]["text"] for i in ids),
        "anchor": _anchor(side, ids),
    }


def _rows(comparison: dict, outlet_a: str, outlet_b: str) -> list[dict]:
    sentences_a = comparison["sentences"]["a"]
    sentences_b = comparison["sentences"]["b"]
    conflicts_by_pair: dict[tuple[tuple[int, ...], tuple[int, ...]], list[dict]] = {}
    for conflict in comparison["numbers"]["conflicts"]:
        conflicts_by_pair.setdefault(
            (tuple(conflict["a_sentences"]), tuple(conflict["b_sentences"])), []
        ).append(conflict)
    # The row that shows each sentence of the right report, for the links to it.
    row_of_b: dict[int, int] = {}
    for number, row in enumerate(comparison["rows"], start=1):
        if row["kind"] != "moved_b":
            for j in row["b"]:
                row_of_b.setdefault(j, number)
    rows = []
    shown: dict[str, int] = {}
    for number, row in enumerate(comparison["rows"], start=1):
        kind = row["kind"]
        item = {"number": number, "kind": kind, "moved": row["moved"], "badges": []}
        if kind == "moved_b":
            # A link at the right report's reading position to where its sentence is shown.
            item["a"] = {"anchor": _anchor("a", row["a"])}
            item["b"] = {"anchor": _anchor("b", row["b"]), "position": row["b"][0] + 1}
            target = row_of_b.get(row["b"][0]) if row["b"] else None
            where = f" in row {target}" if target else " elsewhere"
            if row.get("conflict"):
                # A conflict's link (compare.with_conflict_rows): the two sentences give two
                # figures for one claim; calling that a match would tell the reader they agree.
                item["conflict"] = True
                item["badges"].append(("badge-warn", f"Numbers differ: shown{where}"))
                item["label"] = (
                    f"Row {number}: link to a sentence of {outlet_b} giving another figure than "
                    f"{outlet_a}'s, shown{where}"
                )
            else:
                item["badges"].append(("", f"Matched{where}"))
                item["label"] = f"Row {number}: link to a matched sentence of {outlet_b}, shown{where}"
        else:
            item["a"] = _side_cells("a", row["a"], sentences_a, row.get("a_parts"), shown, number)
            item["b"] = _side_cells("b", row["b"], sentences_b, row.get("b_parts"), shown, number)
            for side, outlet in (("a", outlet_a), ("b", outlet_b)):
                again = sorted({shown[f"{side}-{i}"] for i in row[side]} - {number})
                if again:
                    item["badges"].append(("", f"{outlet}'s sentence also in row {again[0]}"))
        item["level"] = row.get("level")
        if kind == "match" and row.get("level") == "related":
            item["label"] = f"Row {number}: related sentences, not the same claim"
            item["badges"].append(("badge-related", "Related, not the same claim"))
        elif kind == "match":
            item["label"] = f"Row {number}: the same claim in both"
            item["badges"].append(("badge-match", "Same claim in both"))
        if kind == "match":
            if row["moved"]:
                item["badges"].append(("", f"Order differs: sentence {row['b'][0] + 1} of {outlet_b}"))
            for (ids_a, ids_b), found in conflicts_by_pair.items():
                if set(ids_a) <= set(row["a"]) and set(ids_b) <= set(row["b"]):
                    for c in found:
                        item["badges"].append(
                            ("badge-warn", f"Numbers differ: {', '.join(c['a'])} / {', '.join(c['b'])}")
                        )
        elif kind == "only_a":
            item["label"] = f"Row {number}: only in {outlet_a}"
            item["badges"].append(("badge-a", f"Only in {outlet_a}"))
        elif kind == "only_b":
            item["label"] = f"Row {number}: only in {outlet_b}"
            item["badges"].append(("badge-b", f"Only in {outlet_b}"))
        if "quote" in row:
            # One quote told over several sentences (compare.join_quoted_rows), with its speaker.
            side = "a" if kind == "only_a" else "b"
            speaker = comparison["quotes"][side][row["quote"]].get("speaker")
            item["badges"].append(("", f"One quote by {speaker}" if speaker else "One quote"))
        rows.append(item)
    return rows


def _entities(comparison: dict) -> dict:
    groups = {}
    for group in ("shared", "only_a", "only_b"):
        items = []
        for entity in comparison["entities"][group]:
            variants = list(dict.fromkeys(entity.get("variants_a", []) + entity.get("variants_b", [])))
            items.append(
                {
                    "name": entity["name"],
                    "kind": entity["kind"],
                    "other_spellings": [
                        v
                        for v in variants
                        if entity["kind"] != "place" and v != entity["name"] and len(v.split()) > 1
                    ],
                    "a_anchor": _anchor("a", entity["a_sentences"]),
                    "b_anchor": _anchor("b", entity["b_sentences"]),
                }
            )
        groups[group] = {
            kind: [i for i in items if i["kind"] == kind] for kind in ("person", "organisation", "place")
        }
    return groups


def _quotes(comparison: dict) -> dict:
    quotes = comparison["quotes"]
    speakers = []
    for entry in quotes["speakers"]:
        speakers.append(
            {
                "speaker": entry["speaker"] or "Unattributed",
                "attributed": entry["key"] is not None,
                "only": entry["only"],
                "a": [
                    {"text": quotes["a"][i]["text"], "anchor": _anchor("a", quotes["a"][i]["sentences"])}
                    for i in entry["a"]
                ],
                "b": [
                    {"text": quotes["b"][j]["text"], "anchor": _anchor("b", quotes["b"][j]["sentences"])}
                    for j in entry["b"]
                ],
            }
        )
    shared = []
    for pair in quotes["shared"]:
        quote_a, quote_b = quotes["a"][pair["a"]], quotes["b"][pair["b"]]
        shared.append(
            {
                "a_text": quote_a["text"],
                "b_text": quote_b["text"],
                "speaker": quote_a["speaker"] or quote_b["speaker"],
                "b_speaker": _other_speaker(quote_a["speaker"], quote_b["speaker"]),
                "a_anchor": _anchor("a", quote_a["sentences"]),
                "b_anchor": _anchor("b", quote_b["sentences"]),
            }
        )
    return {"speakers": speakers, "shared": shared}


def _other_speaker(speaker_a: str | None, speaker_b: str | None) -> str | None:
    """B's speaker of a quote both reports carry, when B gives the words to someone else ("Janelle
    K. Osei" in one, "the White House" in the other): the line must not say B quotes A's speaker.
    None when B names no one or names A's speaker, in full or in part ("Osei")."""
    if not speaker_a or not speaker_b:
        return None
    a, b = speaker_a.lower(), speaker_b.lower()
    return None if a in b or b in a else speaker_b


def _numbers(comparison: dict) -> dict:
    numbers = comparison["numbers"]
    values_a = {(n["unit"], n["value"]) for n in numbers["a"]}
    values_b = {(n["unit"], n["value"]) for n in numbers["b"]}

    def listing(side: str, items: list[dict], other: set) -> list[dict]:
        return [
            {
                "text": n["text"],
                "kind": n["kind"],
                "in_both": (n["unit"], n["value"]) in other,
                "anchor": f"#{side}-{n['sentence']}",
            }
            for n in items
        ]

    return {
        "a": listing("a", numbers["a"], values_b),
        "b": listing("b", numbers["b"], values_a),
        "conflicts": [
            {**c, "a_anchor": _anchor("a", c["a_sentences"]), "b_anchor": _anchor("b", c["b_sentences"])}
            for c in numbers["conflicts"]
        ],
    }


def _side(article: Article) -> dict:
    return {
        "id": article.pk,
        "outlet": article.source.name,
        "title": article.title,
        "byline": article.byline,
        "published_at": article.published_at,
        "published_time_known": article.published_time_known,
        "url": article.get_absolute_url(),
        "original_url": article.url,
    }


def _key_differences(comparison: dict) -> dict:
    """The key differences (compare.key_differences) with the anchors of their sentences."""
    found = comparison.get("key_differences") or {}

    def sentences(side: str, items: list[dict], field: str) -> list[dict]:
        return [
            {**item, "anchor": _anchor(side, item[field] if isinstance(item[field], list) else [item[field]])}
            for item in items
        ]

    out = {
        "conflicts": [
            {**c, "a_anchor": _anchor("a", c["a_sentences"]), "b_anchor": _anchor("b", c["b_sentences"])}
            for c in found.get("conflicts", [])
        ]
    }
    for side in ("a", "b"):
        out[f"only_{side}"] = sentences(side, found.get(f"only_{side}", []), "sentence")
        out[f"quotes_only_{side}"] = sentences(side, found.get(f"quotes_only_{side}", []), "sentences")
        out[f"people_only_{side}"] = sentences(side, found.get(f"people_only_{side}", []), "sentences")
    out["any"] = any(out[k] for k in out)
    # Sentences left unmatched but kept off the list (a line of a few words, or one close in
    # meaning to the other report's): the page must not then say the report has no claim of its
    # own.
    for side in ("a", "b"):
        out[f"unlisted_{side}"] = not out[f"only_{side}"] and any(
            row["kind"] == f"only_{side}" for row in comparison.get("rows", [])
        )
    out["any"] = out["any"] or out["unlisted_a"] or out["unlisted_b"]
    return out


def comparison_page(left: Article, right: Article, comparison: dict, cache_key: str = "") -> dict:
    """Template context of the compare page; cache_key names the comparison for fragment caching."""
    side_a, side_b = _side(left), _side(right)
    rows = _rows(comparison, side_a["outlet"], side_b["outlet"])
    entities = _entities(comparison)
    kinds = ("person", "organisation", "place")
    first_of = {}
    for row in rows:
        first_of.setdefault(row["kind"], f"#row-{row['number']}")
    return {
        "a": side_a,
        "b": side_b,
        "sides": [{**side_a, "key": "a"}, {**side_b, "key": "b"}],
        "entity_groups": [
            ("Both", [entities["shared"][k] for k in kinds]),
            (f"Only {side_a['outlet']}", [entities["only_a"][k] for k in kinds]),
            (f"Only {side_b['outlet']}", [entities["only_b"][k] for k in kinds]),
        ],
        "similarity_percent": round(comparison["similarity"] * 100),
        "counts": comparison["counts"],
        "first_of": first_of,
        "rows": rows,
        "key": _key_differences(comparison),
        "entities": entities,
        "quotes": _quotes(comparison),
        "numbers": _numbers(comparison),
        "headline": {
            **comparison["headline"],
            "a_html": diff_html(comparison["headline"]["a_parts"]),
            "b_html": diff_html(comparison["headline"]["b_parts"]),
        },
        "swap_url": reverse("articles:compare", kwargs={"a": right.pk, "b": left.pk}),
        "permalink": reverse("articles:compare", kwargs={"a": left.pk, "b": right.pk}),
        "api_url": reverse("api:compare") + f"?a={left.pk}&b={right.pk}",
        "same_report": left.pk == right.pk,
        "cache_key": cache_key,
    }
