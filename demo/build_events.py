"""Writes demo/events.jsonl from the annotated comparison pairs (eval/compare), two outlets an
event, publication times a few days apart. Run from the repository root after the pairs change:

    python demo/build_events.py
"""

import json
from datetime import datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
START = datetime(2026, 11, 2, 9, 0)


def main() -> None:
    folders = [REPO / "eval" / "compare" / "pairs", REPO / "eval" / "compare" / "heldout"]
    pairs = [path for folder in folders for path in sorted(folder.glob("*.json"))]
    lines = []
    for k, path in enumerate(pairs):
        pair = json.loads(path.read_text(encoding="utf-8"))
        day = START + timedelta(days=k // 2, hours=(k % 2) * 5)
        for side, offset in (("a", 0), ("b", 3)):
            when = day + timedelta(hours=offset, minutes=17 * k % 50)
            lines.append(
                {
                    "title": pair[side]["title"],
                    "body": pair[side]["body"],
                    "source": pair[side]["outlet"],
                    "published_at": when.strftime("%Y-%m-%dT%H:%M:00Z"),
                }
            )
    text = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)
    (REPO / "demo" / "events.jsonl").write_text(text, encoding="utf-8")
    print(f"{len(lines)} reports of {len(pairs)} events")


if __name__ == "__main__":
    main()
