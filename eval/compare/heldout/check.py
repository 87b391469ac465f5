"""Standalone check of the held-out pairs: plain string methods only (no app code).

Every annotated substring occurs exactly once in its body (scare quotes: once right after a
quote mark); every sentence (split by the simple rule below) is in a match or in only_a/only_b
and not both; each body has 8 to 16 sentences; every entity form occurs in a body and its
bucket agrees with which bodies name it; quote speakers are entity names or null; conflict
numbers occur as whole tokens. Usage: python3 check.py [pair.json ...]
"""

import glob
import json
import os
import sys

ABBR = {
    "Mr.",
    "Ms.",
    "Mrs.",
    "Dr.",
    "Jr.",
    "Sr.",
    "Gov.",
    "Sen.",
    "St.",
    "Mass.",
    "Minn.",
    "Jan.",
    "Oct.",
    "Nov.",
    "U.S.",
    "a.m.",
    "p.m.",
    "Prof.",
    "Rep.",
    "No.",
    "Ald.",
    "Mt.",
}
OPEN = "\"“‘'"
CLOSE = "\"”’'"


def sentences(body):
    out = []  # (start, end)
    pos = 0
    for para in body.split("\n\n"):
        start = body.index(para, pos)
        pos = start + len(para)
        i, s = 0, 0
        n = len(para)
        while i < n:
            c = para[i]
            if c in ".?!":
                j = i + 1
                while j < n and para[j] in CLOSE:
                    j += 1
                if (
                    j < n
                    and para[j] == " "
                    and j + 1 < n
                    and (para[j + 1].isupper() or para[j + 1] in OPEN or para[j + 1].isdigit())
                ):
                    word = para[: i + 1].split(" ")[-1].lstrip(OPEN + "(")
                    initial = len(word) == 2 and word[0].isupper()
                    if c == "." and (word in ABBR or initial):
                        i += 1
                        continue
                    out.append((start + s, start + j))
                    s = j + 1
                    i = j + 1
                    continue
            i += 1
        if s < n:
            out.append((start + s, start + n))
    return out


def locate(body, sub, what, errs):
    k = body.count(sub)
    if k != 1:
        errs.append(f"{what}: {k} occurrences: {sub!r}")
        return None
    i = body.find(sub)
    return (i, i + len(sub))


def best_sentence(sents, span):
    best, bo = None, 0
    for idx, (s, e) in enumerate(sents):
        o = min(e, span[1]) - max(s, span[0])
        if o > bo:
            best, bo = idx, o
    return best


def has_token(body, form):
    i = body.find(form)
    while i != -1:
        before = body[i - 1] if i > 0 else " "
        after = body[i + len(form)] if i + len(form) < len(body) else " "
        if not before.isalnum() and not after.isalnum():
            return True
        i = body.find(form, i + 1)
    return False


def check(path):
    with open(path, encoding="utf-8") as handle:
        d = json.load(handle)
    errs = []
    bodies = {"a": d["a"]["body"], "b": d["b"]["body"]}
    sents = {k: sentences(v) for k, v in bodies.items()}
    matched = {"a": set(), "b": set()}
    only = {"a": set(), "b": set()}
    stats = {"same": 0, "related": 0}
    for m in d["matches"]:
        stats[m["level"]] += 1
        assert m["level"] in ("same", "related")
        for k in "ab":
            sp = locate(bodies[k], m[k], f"match.{k}", errs)
            if sp:
                matched[k].add(best_sentence(sents[k], sp))
    for k in "ab":
        for sub in d["only_" + k]:
            sp = locate(bodies[k], sub, "only_" + k, errs)
            if sp:
                only[k].add(best_sentence(sents[k], sp))
        for idx, (s, e) in enumerate(sents[k]):
            txt = bodies[k][s:e]
            if idx not in matched[k] and idx not in only[k]:
                errs.append(f"uncovered {k}[{idx}]: {txt!r}")
            if idx in matched[k] and idx in only[k]:
                errs.append(f"both matched and only {k}[{idx}]: {txt!r}")
        n = len(sents[k])
        if not 8 <= n <= 16:
            errs.append(f"{k}: {n} sentences")
    # entities
    names = {}
    for bucket in ("both", "only_a", "only_b"):
        for e in d["entities"][bucket]:
            assert e["kind"] in ("person", "organisation", "place"), e
            forms = [e["name"]] + e["aliases"]
            for f in forms:
                if f.lower() in names and names[f.lower()] != e["name"]:
                    errs.append(f"entity form twice: {f}")
                names[f.lower()] = e["name"]
                if not (has_token(bodies["a"], f) or has_token(bodies["b"], f)):
                    errs.append(f"entity form in neither body: {f!r}")
            ina = any(has_token(bodies["a"], f) for f in forms)
            inb = any(has_token(bodies["b"], f) for f in forms)
            want = {"both": (True, True), "only_a": (True, False), "only_b": (False, True)}[bucket]
            if (ina, inb) != want:
                errs.append(f"entity {e['name']} in {bucket} but a={ina} b={inb}")
    canon = {e["name"] for b in d["entities"].values() for e in b}
    for q in d["quotes"]:
        locate(bodies[q["side"]], q["text"], "quote." + q["side"], errs)
        if q["speaker"] is not None and q["speaker"] not in canon:
            errs.append(f"speaker not an entity: {q['speaker']}")
    for s in d["scare_quotes"]:
        body = bodies[s["side"]]
        k = sum(body.count(o + s["text"]) for o in OPEN)
        if k != 1:
            errs.append(f"scare quote {s['text']!r}: {k} after a quote mark")
    for c in d["number_conflicts"]:
        if not has_token(bodies["a"], c["a"]) or not has_token(bodies["b"], c["b"]):
            errs.append(f"conflict numbers not found: {c}")
    ents = sum(len(v) for v in d["entities"].values())
    info = dict(
        sent_a=len(sents["a"]),
        sent_b=len(sents["b"]),
        same=stats["same"],
        related=stats["related"],
        entities=ents,
        quotes=len(d["quotes"]),
        scare=len(d["scare_quotes"]),
        conflicts=len(d["number_conflicts"]),
        only=len(d["only_a"]) + len(d["only_b"]),
    )
    return d["id"], errs, info, sents, bodies


if __name__ == "__main__":
    files = sys.argv[1:] or sorted(
        glob.glob(os.path.join(os.path.dirname(os.path.abspath(__file__)), "*.json"))
    )
    tot = {}
    bad = 0
    for f in files:
        id, errs, info, sents, bodies = check(f)
        print(id, info)
        if "-v" in os.environ.get("CHECKV", ""):  # CHECKV=-v prints the sentences
            for k in "ab":
                for i, (s, e) in enumerate(sents[k]):
                    print(f"  {k}{i}: {bodies[k][s:e]}")
        for e in errs:
            print("   ERROR", e)
        bad += len(errs)
        for k, v in info.items():
            tot[k] = tot.get(k, 0) + v
    print("TOTAL", len(files), "pairs", tot)
    sys.exit(1 if bad else 0)
