"""List the number conflicts the comparison flags for every pair of real copies of one event.

The issue counts a false conflict flag as one of the worst things the page can show; the
annotated pairs cover few of the ways real reports state figures. This prints one line per flag
(both figures and both sentences), so that two runs can be diffed and each new flag judged by
hand, and the count at the end:

    .venv/bin/python eval/compare/real_conflicts.py > before.txt

It needs Django settings (the page cleaner), not a database.
"""

import itertools
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import audit_real  # the same cleaning as the people audit
import real_claims  # the real copies grouped by event


def main() -> int:
    audit_real._setup()
    from articles.compare.compare import compare_analyses
    from articles.reading import read_report

    flags = 0
    for event, reports in sorted(real_claims.reports_by_event().items()):
        readings = {label: read_report(title, body, "en") for label, title, body in reports}
        for (label_a, _, _), (label_b, _, _) in itertools.combinations(reports, 2):
            reading_a, reading_b = readings[label_a], readings[label_b]
            comparison = compare_analyses(reading_a, reading_b)
            for conflict in comparison["numbers"]["conflicts"]:
                flags += 1
                text_a = " ".join(reading_a["sentences"][i]["text"] for i in conflict["a_sentences"])
                text_b = " ".join(reading_b["sentences"][j]["text"] for j in conflict["b_sentences"])
                print(f"{event} | {label_a} {conflict['a']} | {label_b} {conflict['b']}")
                print(f"    A: {text_a}")
                print(f"    B: {text_b}")
    print(f"{flags} conflict flags")
    return 0


if __name__ == "__main__":
    sys.exit(main())
