"""What the comparison page summarises: shared and one-sided entities, quotes, numbers, headlines.

Every item carries the sentence ids that support it, so the page can link each to its sentence.
Nothing here writes text of its own: names, quotes and numbers are the reports' own words.
"""

import difflib
from collections import defaultdict

from rapidfuzz import fuzz

from .entities import PERSON
from .lang import get_language
from .names import name_tokens
from .tokens import DIFF_TOKEN, content_tokens, diff_key

SAME_PERSON_SPELLING = 88  # rapidfuzz ratio of two name keys taken as one person ("Kowalski"/"Kovalski")
SAME_QUOTE = 85


def link_entities(entities_a: list[dict], entities_b: list[dict]) -> dict[str, str]:
    """B's entity keys mapped to A's where both reports name the same entity another way."""
    by_key = {e["key"]: e for e in entities_a}
    people_a = [e for e in entities_a if e["kind"] == PERSON]
    mapping: dict[str, str] = {}
    for entity in entities_b:
        key = entity["key"]
        if key in by_key or entity["kind"] != PERSON:
            continue
        tokens = name_tokens(entity["name"])
        for other in people_a:
            other_tokens = name_tokens(other["name"])
            if len(tokens) == 1 or len(other_tokens) == 1:
                short, long = (tokens, other_tokens) if len(tokens) == 1 else (other_tokens, tokens)
                same = short[0] in (long[0], long[-1])
            elif sorted(tokens) == sorted(other_tokens):
                same = True  # "Takeda Hiroshi" / "Hiroshi Takeda"
            else:
                same = tokens[0] == other_tokens[0] and fuzz.ratio(key, other["key"]) >= SAME_PERSON_SPELLING
            if same:
                mapping[key] = other["key"]
                break
    return mapping


def entity_summary(entities_a: list[dict], entities_b: list[dict], mapping: dict[str, str]) -> dict:
    b_by_key = {mapping.get(e["key"], e["key"]): e for e in entities_b}
    shared, only_a = [], []
    for entity in entities_a:
        other = b_by_key.pop(entity["key"], None)
        item = {
            "key": entity["key"],
            "name": entity["name"],
            "kind": entity["kind"],
            "variants_a": entity["variants"],
            "a_sentences": entity["sentences"],
            "b_sentences": other["sentences"] if other else [],
        }
        if other:
            item["variants_b"] = other["variants"]
            shared.append(item)
        else:
            only_a.append(item)
    only_b = [
        {
            "key": key,
            "name": e["name"],
            "kind": e["kind"],
            "variants_b": e["variants"],
            "a_sentences": [],
            "b_sentences": e["sentences"],
        }
        for key, e in b_by_key.items()
    ]
    return {"shared": shared, "only_a": only_a, "only_b": only_b}


def quote_summary(quotes_a: list[dict], quotes_b: list[dict], mapping: dict[str, str]) -> dict:
    """Quotes per speaker per side, and quotes that appear (nearly word for word) in both."""
    speakers: dict[str, dict] = {}
    for side, quotes in (("a", quotes_a), ("b", quotes_b)):
        for index, quote in enumerate(quotes):
            key = quote["speaker_key"] or ""
            if side == "b":
                key = mapping.get(key, key)
            entry = speakers.setdefault(
                key, {"speaker": quote["speaker"], "key": key or None, "a": [], "b": []}
            )
            entry[side].append(index)
    for entry in speakers.values():
        entry["only"] = "a" if not entry["b"] else "b" if not entry["a"] else None
    shared = []
    used_b: set[int] = set()
    for i, qa in enumerate(quotes_a):
        for j, qb in enumerate(quotes_b):
            if j in used_b:
                continue
            short = min(len(qa["text"]), len(qb["text"]))
            score = fuzz.ratio(qa["text"], qb["text"])
            if short >= 20:
                score = max(score, fuzz.partial_ratio(qa["text"], qb["text"]))
            if score >= SAME_QUOTE:
                shared.append({"a": i, "b": j, "score": round(score / 100, 3)})
                used_b.add(j)
                break
    ordered = sorted(speakers.values(), key=lambda e: (e["key"] is None, -(len(e["a"]) + len(e["b"]))))
    return {"speakers": ordered, "shared": shared}


def number_conflicts(rows: list[dict], numbers_a: list[dict], numbers_b: list[dict]) -> list[dict]:
    """Numbers that disagree between two sentences making the same claim."""
    by_sentence_a, by_sentence_b = defaultdict(list), defaultdict(list)
    for n in numbers_a:
        by_sentence_a[n["sentence"]].append(n)
    for n in numbers_b:
        by_sentence_b[n["sentence"]].append(n)
    conflicts = []
    for row in rows:
        if row["kind"] != "match":
            continue
        side_a = [n for i in row["a"] for n in by_sentence_a[i]]
        side_b = [n for j in row["b"] for n in by_sentence_b[j]]
        units_a = defaultdict(list)
        for n in side_a:
            units_a[n["unit"]].append(n)
        units_b = defaultdict(list)
        for n in side_b:
            units_b[n["unit"]].append(n)
        pairs = [(units_a[u], units_b[u]) for u in units_a.keys() & units_b.keys()]
        # "2,000 residents" / "3,000 people": one count each side, the nouns differing.
        counts_a = [n for n in side_a if n["kind"] == "count"]
        counts_b = [n for n in side_b if n["kind"] == "count"]
        if len(counts_a) == 1 and len(counts_b) == 1 and counts_a[0]["unit"] != counts_b[0]["unit"]:
            pairs.append((counts_a, counts_b))
        for nums_a, nums_b in pairs:
            if {n["value"] for n in nums_a} & {n["value"] for n in nums_b}:
                continue
            conflicts.append(
                {
                    "unit": nums_a[0]["unit"],
                    "a": [n["text"] for n in nums_a],
                    "b": [n["text"] for n in nums_b],
                    "a_sentences": sorted({n["sentence"] for n in nums_a}),
                    "b_sentences": sorted({n["sentence"] for n in nums_b}),
                }
            )
    return conflicts


def word_diff(text_a: str, text_b: str, language: str = "en") -> tuple[list[list[str]], list[list[str]]]:
    """Both texts cut into [op, text] parts: "same", or "del" (only in A) / "ins" (only in B)."""
    if text_a == text_b:
        return [["same", text_a]], [["same", text_b]]
    lang = get_language(language)
    tokens_a = DIFF_TOKEN.findall(text_a)
    tokens_b = DIFF_TOKEN.findall(text_b)
    keys_a = [diff_key(t, lang) for t in tokens_a]
    keys_b = [diff_key(t, lang) for t in tokens_b]
    matcher = difflib.SequenceMatcher(None, keys_a, keys_b, autojunk=False)
    parts_a: list[list[str]] = []
    parts_b: list[list[str]] = []
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op == "equal":
            _push(parts_a, "same", tokens_a[a0:a1])
            _push(parts_b, "same", tokens_b[b0:b1])
        else:
            _push(parts_a, "del", tokens_a[a0:a1])
            _push(parts_b, "ins", tokens_b[b0:b1])
    return parts_a, parts_b


def _push(parts: list[list[str]], op: str, tokens: list[str]) -> None:
    text = "".join(tokens)
    if not text:
        return
    if op != "same" and not text.strip():
        op = "same"  # white space alone is no difference worth marking
    if parts and parts[-1][0] == op:
        parts[-1][1] += text
    else:
        parts.append([op, text])


def headline_summary(title_a: str, title_b: str, language: str = "en") -> dict:
    parts_a, parts_b = word_diff(title_a, title_b, language)
    words_a = set(content_tokens(title_a, language))
    words_b = set(content_tokens(title_b, language))
    union = words_a | words_b
    return {
        "a": title_a,
        "b": title_b,
        "a_parts": parts_a,
        "b_parts": parts_b,
        "score": round(len(words_a & words_b) / len(union), 3) if union else 1.0,
    }
