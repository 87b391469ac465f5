"""An import's reports are grouped in an order that depends on the reports, not on the file."""

import io
import json
import random
from datetime import datetime
from pathlib import Path

import pytest
from django.core.management import call_command

from articles.grouping.order import grouping_order
from articles.models import Article, Event, KeyFrequency

CORPUS = Path(__file__).resolve().parent.parent / "eval" / "corpus" / "dev_a.jsonl"


def records(limit: int = 24) -> list[dict]:
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()][:limit]


def as_items(rows: list[dict], *, dated: bool) -> list[tuple[str, str, datetime | None]]:
    return [
        (r["title"], r["text"], datetime.fromisoformat(r["published_at"]) if dated else None) for r in rows
    ]


@pytest.mark.parametrize("dated", [True, False], ids=["dated", "undated"])
def test_any_order_of_the_same_reports_is_grouped_in_one_order(dated):
    rows = records()
    expected = [rows[k]["url"] for k in grouping_order(as_items(rows, dated=dated))]
    for seed in range(5):
        shuffled = rows[:]
        random.Random(seed).shuffle(shuffled)
        order = grouping_order(as_items(shuffled, dated=dated))
        assert [shuffled[k]["url"] for k in order] == expected


def test_dated_reports_go_oldest_first_and_undated_ones_after_them():
    rows = records(6)
    items = as_items(rows, dated=True)
    items[2] = (items[2][0], items[2][1], None)
    order = grouping_order(items)
    assert order[-1] == 2
    dates = [items[k][2] for k in order[:-1]]
    assert dates == sorted(dates)


def test_undated_reports_of_one_story_are_grouped_one_after_another():
    rows = records(10)  # a summit, the next summit (a near miss), a Senate vote; shuffled
    random.Random(3).shuffle(rows)
    order = grouping_order(as_items(rows, dated=False))
    labels = [rows[k]["event"] for k in order]
    # Each labelled story forms one run: its reports are not interleaved with another's.
    runs = [label for n, label in enumerate(labels) if n == 0 or labels[n - 1] != label]
    assert len(runs) == len(set(labels))


@pytest.mark.django_db
def test_importing_a_file_in_two_orders_makes_the_same_events(tmp_path):
    rows = [{k: v for k, v in r.items() if k not in ("event", "published_at")} for r in records(18)]

    def events_after_import(ordered: list[dict]) -> set[frozenset[str]]:
        path = tmp_path / "reports.jsonl"
        path.write_text("\n".join(json.dumps(r) for r in ordered), encoding="utf-8")
        call_command("import_articles", str(path), stdout=io.StringIO())
        events: dict[int | None, set[str]] = {}
        for url, event_id in Article.objects.values_list("url", "event_id"):
            events.setdefault(event_id, set()).add(url)
        # A clean slate for the next import: no reports, events or word counts left.
        Article.objects.all().delete()
        Event.objects.all().delete()
        KeyFrequency.objects.all().delete()
        return {frozenset(urls) for urls in events.values()}

    shuffled = rows[:]
    random.Random(7).shuffle(shuffled)
    first = events_after_import(rows)
    assert len(first) > 3
    assert events_after_import(shuffled) == first
