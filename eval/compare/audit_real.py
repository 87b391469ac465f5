"""List the people and named quote speakers the reading finds in the 108 real page copies.

The issue's bar is set on real reports (at most 3% of listed people wrong, 1.5% of named
speakers); the annotated pairs are written for the repository and do not show every way real
pages go wrong. This prints, per report, every person entry (canonical name and the texts of
its mentions) and every quote with a named speaker (the speaker, how it was found and the
quote's first words), one item a line, so that a hand count can be made and two runs diffed:

    .venv/bin/python eval/compare/audit_real.py > before.txt
    .venv/bin/python eval/compare/audit_real.py --context > before.txt   # plus each sentence
    .venv/bin/python eval/compare/audit_real.py --all-kinds > all.txt    # organisations, places too

Each text is cleaned as an import does (the page cleaner, then the reading), so it needs Django
settings, not a database.
"""

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "eval" / "corpus"
FILES = ("real_a.jsonl", "real_b.jsonl", "real_c.jsonl")


def _setup() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coverage_site.settings")
    import django

    django.setup()


def load_reports() -> list[tuple[str, str, str]]:
    """(label, title, body) of every real copy, cleaned as an import cleans it."""
    from articles.importing.cleaning import PageCleaner
    from articles.importing.outlets import OutletMatcher
    from articles.importing.rules import rules_for

    cleaner = PageCleaner(rules_for("en"), OutletMatcher())
    reports = []
    for name in FILES:
        for number, line in enumerate((CORPUS / name).read_text().splitlines(), start=1):
            record = json.loads(line)
            cleaned = cleaner.clean(record["text"], title="")
            reports.append((f"{name.removesuffix('.jsonl')}:{number}", cleaned.title, cleaned.body))
    return reports


def _first_words(text: str, count: int = 8) -> str:
    words = text.split()
    return " ".join(words[:count]) + (" ..." if len(words) > count else "")


_MARKS = {"person": "P", "organisation": "O", "place": "L"}


def audit_lines(label: str, reading: dict, context: bool, kinds: tuple[str, ...] = ("person",)) -> list[str]:
    """One line per entry of the kinds asked for ("P" a person, "O" an organisation, "L" a
    place) and per quote with a named speaker ("S")."""
    sentences = {s["id"]: s["text"] for s in reading["sentences"]}
    lines = [f"== {label} | {reading['title']}"]
    for entity in reading["entities"]:
        if entity["kind"] not in kinds:
            continue
        lines.append(f"{_MARKS[entity['kind']]} {entity['name']} | {' / '.join(entity['variants'])}")
        if context:
            lines.append(f"    > {sentences.get(entity['sentences'][0], '')}")
    for quote in reading["quotes"]:
        if not quote["speaker"]:
            continue
        lines.append(
            f"S {quote['speaker']} [{quote['speaker_kind']}, {quote['cue']}] | {_first_words(quote['text'])}"
        )
        if context:
            lines.append(f"    > {' '.join(sentences.get(i, '') for i in quote['sentences'])}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--context", action="store_true", help="print each entry's first sentence")
    parser.add_argument("--all-kinds", action="store_true", help="list organisations and places too")
    args = parser.parse_args()
    _setup()
    from articles.reading import read_reports

    reports = load_reports()
    readings = read_reports((title, body, "en") for _, title, body in reports)
    people = speakers = 0
    for (label, _, _), reading in zip(reports, readings, strict=True):
        kinds = tuple(_MARKS) if args.all_kinds else ("person",)
        lines = audit_lines(label, reading, args.context, kinds)
        people += sum(line.startswith("P ") for line in lines)
        speakers += sum(line.startswith("S ") for line in lines)
        print("\n".join(lines))
    print(f"# {len(reports)} reports, {people} person entries, {speakers} quotes with a named speaker")


if __name__ == "__main__":
    main()
