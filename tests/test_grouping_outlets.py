"""Which outlet grouping sees: the same-outlet penalty applies to outlets the reports name.

A folder of unattributed pages imported under one default outlet (`--source`) holds
reports from many real outlets; treating them as one outlet's would halve every match.
"""

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from grouping_cases import KETTLE_RECALL_PAPER, KETTLE_RECALL_WIRE

from articles.grouping.regroup import regroup
from articles.models import Article

pytestmark = pytest.mark.django_db


def import_kettle_reports(tmp_path: Path, *, name_the_outlet: bool) -> tuple[Article, Article]:
    records = []
    for number, (title, body) in enumerate((KETTLE_RECALL_WIRE, KETTLE_RECALL_PAPER)):
        # Without the wire's dateline, neither page names its outlet.
        text = body.replace("MILAN (Northwire) - ", "")
        record = {"title": title, "text": text, "url": f"https://pages.example/kettles/{number}"}
        if name_the_outlet:
            record["source"] = "Folder Outlet"
        records.append(record)
    path = tmp_path / "kettles.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    call_command("import_articles", str(path), "--source", "Folder Outlet", stdout=io.StringIO())
    first, second = Article.objects.order_by("id")
    return first, second


def test_reports_under_an_import_default_outlet_are_not_penalised_as_one_outlets(tmp_path):
    first, second = import_kettle_reports(tmp_path, name_the_outlet=False)

    assert first.source_id == second.source_id
    assert first.outlet_assumed and second.outlet_assumed
    assert second.event_id == first.event_id is not None
    assert second.grouping_evidence["time_factor"] == 1.0


def test_reports_that_name_one_outlet_still_carry_the_same_outlet_penalty(tmp_path):
    first, second = import_kettle_reports(tmp_path, name_the_outlet=True)

    assert not first.outlet_assumed and not second.outlet_assumed
    assert second.grouping_evidence["time_factor"] == 0.5


def test_regroup_sees_the_same_outlets_as_import(tmp_path):
    first, second = import_kettle_reports(tmp_path, name_the_outlet=False)
    before = second.grouping_evidence

    regroup()

    second.refresh_from_db()
    assert second.event_id == Article.objects.get(pk=first.pk).event_id
    assert second.grouping_evidence["time_factor"] == before["time_factor"] == 1.0
