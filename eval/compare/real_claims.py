"""List the same-claim rows the comparison shows for every pair of real copies of one event.

The annotated pairs are written for the repository; the real page copies (eval/corpus/real_*.jsonl,
cleaned as an import cleans them) show how the comparison does on real reports. This prints one
block per same-claim row (both sentences), so that two runs can be diffed and new or lost rows
read by hand, and the count at the end:

    .venv/bin/python eval/compare/real_claims.py > before.txt

It needs Django settings (the page cleaner), not a database.
"""

import argparse
import itertools
import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import audit_real  # the same cleaning as the people audit


def reports_by_event() -> dict[str, list[tuple[str, str, str]]]:
    """event -> (label, title, body) of its real copies, cleaned as an import cleans them."""
    labels = {}
    for name in audit_real.FILES:
        lines = (audit_real.CORPUS / name).read_text().splitlines()
        for number, line in enumerate(lines, start=1):
            labels[f"{name.removesuffix('.jsonl')}:{number}"] = json.loads(line)["event"]
    events: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for label, title, body in audit_real.load_reports():
        events[labels[label]].append((label, title, body))
    return events


def same_claim_lines(label_a: str, label_b: str, reading_a: dict, reading_b: dict) -> list[str]:
    from articles.compare.compare import compare_analyses

    comparison = compare_analyses(reading_a, reading_b)
    lines = []
    for row in comparison["rows"]:
        if row["kind"] in ("match", "moved_b") and row["level"] == "same":
            text_a = " ".join(reading_a["sentences"][i]["text"] for i in row["a"])
            text_b = " ".join(reading_b["sentences"][j]["text"] for j in row["b"])
            lines.append(
                f"= {label_a} {row['a']} | {label_b} {row['b']} | {row['score']}\n  A {text_a}\n  B {text_b}"
            )
    return lines


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.parse_args(argv)
    audit_real._setup()
    from articles.reading import read_reports

    events = reports_by_event()
    items = [item for event in sorted(events) for item in events[event]]
    readings = dict(
        zip((label for label, _, _ in items), read_reports((t, b, "en") for _, t, b in items), strict=True)
    )
    rows = pairs = 0
    for event in sorted(events):
        for (label_a, _, _), (label_b, _, _) in itertools.combinations(events[event], 2):
            lines = same_claim_lines(label_a, label_b, readings[label_a], readings[label_b])
            rows += len(lines)
            pairs += 1
            if lines:
                print("\n".join(lines))
    print(f"# {len(items)} reports, {len(events)} events, {pairs} pairs of reports, {rows} same-claim rows")


if __name__ == "__main__":
    main()
