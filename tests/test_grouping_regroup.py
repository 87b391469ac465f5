"""Regrouping: same result as incremental assignment, staff decisions kept, clean input errors."""

import json
import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Min
from django.utils.dateparse import parse_datetime
from grouping_cases import FERRY_FIRST_DAY, FERRY_NEXT_DAY, FIRST_SUMMIT_WIRE, QUAKE_WIRE
from grouping_helpers import report

from articles.grouping.corrections import merge_events, move_articles, split_articles
from articles.models import Article, Event, EventKey, GroupingStatus, KeyFrequency

pytestmark = pytest.mark.django_db

CORPUS = Path(__file__).resolve().parent.parent / "eval" / "corpus"


def corpus_reports(limit: int) -> list[dict]:
    lines = (CORPUS / "dev_a.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()][:limit]


def load(records: list[dict], *, dated: bool = True) -> None:
    for record in records:
        when = parse_datetime(record["published_at"]) if dated else None
        report(record["source"], record["title"], record["text"], when)


def grouping_state() -> dict:
    """Everything grouping decides. Regrouping numbers events afresh, so an event is
    named by its first report's id ("E12") wherever its id appears."""
    first_member = dict(Event.objects.annotate(first=Min("articles__id")).values_list("id", "first"))

    def canonical(text: str) -> str:
        return re.sub(r"#(\d+)", lambda m: f"E{first_member.get(int(m.group(1)))}", text)

    partition = {}
    for article in Article.objects.order_by("id"):
        members = tuple(
            Article.objects.filter(event_id=article.event_id).order_by("id").values_list("id", flat=True)
        )
        evidence = json.loads(canonical(json.dumps(article.grouping_evidence)))
        for key in ("event_id", "moved_from_event_id", "split_from_event_id"):
            if evidence.get(key) is not None:
                evidence[key] = first_member.get(evidence[key])
        evidence["candidates"] = [
            (first_member.get(c["event_id"]), c["score"]) for c in evidence.get("candidates", [])
        ]
        partition[article.pk] = (
            members if article.event_id else None,
            article.grouping_status,
            article.grouping_score,
            evidence,
        )
    events = sorted(
        (e.title, e.summary, e.article_count, e.source_count, e.first_published_at, e.last_published_at)
        for e in Event.objects.all()
    )
    keys = sorted(EventKey.objects.values_list("event__title", "key", "weight"))
    frequencies = sorted(KeyFrequency.objects.values_list("key", "reports"))
    return {"articles": partition, "events": events, "keys": keys, "frequencies": frequencies}


@pytest.mark.parametrize("dated", [True, False], ids=["dated", "undated"])
def test_regroup_gives_the_same_result_as_incremental_assignment(dated):
    load(corpus_reports(30), dated=dated)
    incremental = grouping_state()
    assert len(incremental["events"]) > 3

    call_command("regroup", "--no-progress", stdout=StringIO())

    assert grouping_state() == incremental


def test_regroup_from_scratch_rebuilds_after_the_index_is_lost():
    load(corpus_reports(12))
    before = grouping_state()
    EventKey.objects.all().delete()
    KeyFrequency.objects.all().delete()

    call_command("regroup", "--no-progress", stdout=StringIO())

    assert grouping_state() == before


def test_manual_corrections_survive_regrouping(admin_user):
    ferry = report("Northwire", *FERRY_FIRST_DAY)
    ferry_next = report("Tidewater", *FERRY_NEXT_DAY)
    quake = report("Northwire", *QUAKE_WIRE)
    summit = report("Northwire", *FIRST_SUMMIT_WIRE)
    assert ferry_next.event_id == ferry.event_id

    # Staff: the quake report goes with the ferry story (a wrong call, but theirs to make),
    # the follow-up is split off on its own, and the summit event is merged into the quake's.
    move_articles([quake], to=ferry.event, by=admin_user)
    split = split_articles([Article.objects.get(pk=ferry_next.pk)], by=admin_user)
    summit.refresh_from_db()
    merged = merge_events([Event.objects.get(pk=summit.event_id), split], by=admin_user)
    manual = Article.objects.filter(grouping_status=GroupingStatus.MANUAL)
    after_corrections = dict(manual.values_list("id", "event_id"))
    assert set(after_corrections) == {quake.pk, ferry_next.pk, summit.pk}

    call_command("regroup", "--no-progress", stdout=StringIO())

    assert dict(manual.values_list("id", "event_id")) == after_corrections
    assert set(Article.objects.values_list("grouping_status", flat=True)) <= {
        GroupingStatus.MANUAL,
        GroupingStatus.STARTED,
        GroupingStatus.JOINED,
    }
    quake.refresh_from_db()
    assert quake.grouping_status == GroupingStatus.MANUAL
    assert quake.grouping_evidence["by"] == admin_user.get_username()
    assert quake.grouping_evidence["action"] == "moved"
    merged.refresh_from_db()
    assert {summit.pk, ferry_next.pk} <= set(merged.articles.values_list("id", flat=True))
    assert merged.article_count == merged.articles.count()


def test_new_reports_never_move_a_manual_report():
    ferry = report("Northwire", *FERRY_FIRST_DAY)
    detached = split_articles([ferry])
    follow_up = report("Tidewater", *FERRY_NEXT_DAY)
    ferry.refresh_from_db()

    assert ferry.event_id == detached.pk
    assert ferry.grouping_status == GroupingStatus.MANUAL
    # The follow-up may join the staff's event; the staff's report stays where it was put.
    assert follow_up.event_id == detached.pk


def test_regroup_since_only_touches_newer_reports():
    old = report("Northwire", *FERRY_FIRST_DAY, parse_datetime("2026-01-05T08:00:00+00:00"))
    new = report("Northwire", *QUAKE_WIRE, parse_datetime("2026-03-05T08:00:00+00:00"))
    old_event = old.event_id

    call_command("regroup", "--since", "2026-02-01", "--no-progress", stdout=StringIO())

    old.refresh_from_db()
    new.refresh_from_db()
    assert old.event_id == old_event
    assert new.event_id is not None and new.event_id != old_event


def test_regroup_refuses_a_malformed_date_and_changes_nothing():
    first = report("Northwire", *FERRY_FIRST_DAY)
    with pytest.raises(CommandError, match="--since must be a date"):
        call_command("regroup", "--since", "last tuesday")
    first.refresh_from_db()
    assert first.grouping_status == GroupingStatus.STARTED


def test_regroup_dry_run_reports_and_stores_nothing():
    first = report("Northwire", *FERRY_FIRST_DAY)
    before = grouping_state()
    Article.objects.filter(pk=first.pk).update(grouping_status=GroupingStatus.PENDING)
    out = StringIO()

    call_command("regroup", "--dry-run", "--no-progress", stdout=out)

    assert out.getvalue().startswith("Dry run, nothing stored: Regrouped 1 reports into 1 events")
    first.refresh_from_db()
    assert first.grouping_status == GroupingStatus.PENDING
    assert grouping_state()["events"] == before["events"]


def test_regroup_can_read_every_reports_features_from_its_text_again():
    from articles.grouping.features import extract_features
    from articles.models import ReportFeatures

    first = report("Northwire", *FERRY_FIRST_DAY)
    follow_up = report("Tidewater", *FERRY_NEXT_DAY)
    # Features stored by an older reader that found nothing in these texts.
    ReportFeatures.objects.update(data={"t": {}, "n": {}, "l": {}, "s": False, "u": {}})
    call_command("regroup", "--no-progress", stdout=StringIO())
    first.refresh_from_db()
    follow_up.refresh_from_db()
    assert first.event_id != follow_up.event_id  # nothing in common, as stored

    call_command("regroup", "--refresh-features", "--no-progress", stdout=StringIO())

    first.refresh_from_db()
    follow_up.refresh_from_db()
    assert first.event_id == follow_up.event_id
    stored = ReportFeatures.objects.get(article=first).data
    assert (
        stored == extract_features(first.title, first.body_text, first.published_at, first.analysis).to_json()
    )
    assert "v" in stored  # the meaning vectors, from the stored reading
