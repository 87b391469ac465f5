"""Reports known only to the day: the import records it, and pages show the day, never "00:00"."""

import datetime as dt

import pytest
from browse_data import outlet, report
from import_helpers import STORY, jsonl, run_files

from articles.browsing.timeline import TimelineReport, build_timeline
from articles.importing.dates import day_in_url, parse_date_field, time_known
from articles.models import Article, Event

pytestmark = pytest.mark.django_db

DAY = dt.datetime(2026, 3, 2, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("value", "known"),
    [
        ("2026-03-02", False),
        ("2 March 2026", False),
        ("March 2, 2026", False),
        ("2026-03-02T00:00:00Z", True),
        ("2026-03-02T09:30:00+01:00", True),
        ("Mon, 02 Mar 2026 09:30:00 GMT", True),
        ("2 March 2026 09:30 GMT", True),
    ],
)
def test_a_date_field_records_whether_it_gave_a_time(value, known):
    parsed = parse_date_field(value)
    assert time_known(parsed) is known
    assert parsed.date() == dt.date(2026, 3, 2)


def test_import_stores_a_bare_date_as_day_only_and_a_datetime_as_timed(source):
    result = run_files(
        jsonl(
            "two.jsonl",
            {"title": "Bridge closed", "source": "Alpha", "published_at": "2026-03-02", "text": STORY},
            {
                "title": "Bridge shut",
                "source": "Beta",
                "published_at": "2026-03-02T00:00:00Z",
                "text": STORY.replace("Tuesday", "Wednesday"),
            },
        )
    )
    assert [e["outcome"] for e in result.entries] == ["created", "created"]
    stored = dict(Article.objects.values_list("title", "published_time_known"))
    assert stored == {"Bridge closed": False, "Bridge shut": True}
    assert set(Article.objects.values_list("published_at", flat=True)) == {DAY}


def test_a_day_only_report_needs_a_date_in_the_database(source):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.create(
            source=source, title="T", body_text="B", content_hash="a" * 64, published_time_known=False
        )


def test_article_page_shows_the_day_without_a_time(client):
    article = report(outlet("Alpha News"), published_at=DAY)
    Article.objects.filter(pk=article.pk).update(published_time_known=False)
    html = client.get(article.get_absolute_url()).content.decode()
    assert "2 Mar 2026</time>" in html
    assert "00:00" not in html


def test_event_page_shows_days_and_draws_a_timeline_of_days_when_no_report_has_a_time(client):
    event = Event.objects.create(title="Floods in the valley")
    for name, day in (("Alpha News", DAY), ("Beta Times", DAY + dt.timedelta(days=1))):
        report(outlet(name), event=event, published_at=day)
    Article.objects.update(published_time_known=False)
    html = client.get(event.get_absolute_url()).content.decode()
    assert "00:00" not in html
    assert "23:30" not in html
    assert ">02 Mar 2026</text>" in html and ">03 Mar 2026</text>" in html
    table = html[html.index("<table>") :]
    assert '<th scope="col">Date</th>' in table and "2 Mar 2026</time>" in table


def test_timeline_of_one_day_spans_that_day_with_the_dot_at_midday():
    line = build_timeline([TimelineReport("Alpha", DAY, "T", "/a/1/", time_known=False)])
    assert line.days
    assert (line.start, line.end) == (DAY, DAY + dt.timedelta(days=1))
    assert [t.label for t in line.ticks] == ["02 Mar 2026"]
    assert line.rows[0].dots[0].x == pytest.approx((line.plot_left + line.plot_right) / 2, abs=0.1)


def test_timeline_keeps_times_when_any_report_has_one():
    line = build_timeline(
        [
            TimelineReport("Alpha", DAY, "T", "/a/1/", time_known=False),
            TimelineReport("Beta", DAY + dt.timedelta(hours=9), "U", "/a/2/"),
        ]
    )
    assert not line.days
    assert line.ticks[0].label == "02 Mar 00:00"


@pytest.mark.parametrize(
    ("url", "day"),
    [
        ("https://www.wire.example/politics/2026/03/02/bridge-closed/", dt.date(2026, 3, 2)),
        ("https://news.example/2026-03-02/bridge-closed", dt.date(2026, 3, 2)),
        ("https://news.example/politics/bridge-closed", None),
        ("https://news.example/2026/02/30/no-such-day", None),
        ("https://news.example/2999/03/02/far-future", None),
    ],
)
def test_a_url_names_the_day_of_publication_only_when_it_holds_a_real_past_date(url, day):
    found = day_in_url(url)
    assert (found.date() if found else None) == day
    assert found is None or time_known(found) is False


def test_a_record_with_no_date_takes_the_day_from_its_url_and_says_so(source):
    result = run_files(
        jsonl(
            "dated-url.jsonl",
            {
                "title": "Bridge closed",
                "source": "Alpha",
                "url": "https://alpha.example/local/2026/03/02/bridge-closed",
                "text": STORY,
            },
        )
    )
    (entry,) = result.entries
    assert entry["outcome"] == "created"
    assert any("day was taken from the URL" in warning for warning in entry["warnings"])
    article = Article.objects.get()
    assert (article.published_at, article.published_time_known) == (DAY, False)


def test_a_given_date_wins_over_the_day_in_the_url(source):
    result = run_files(
        jsonl(
            "both.jsonl",
            {
                "title": "Bridge closed",
                "source": "Alpha",
                "url": "https://alpha.example/local/2026/03/01/bridge-closed",
                "published_at": "2026-03-02T09:30:00Z",
                "text": STORY,
            },
        )
    )
    (entry,) = result.entries
    assert not any("URL" in warning for warning in entry["warnings"])
    article = Article.objects.get()
    assert (article.published_at, article.published_time_known) == (DAY.replace(hour=9, minute=30), True)
