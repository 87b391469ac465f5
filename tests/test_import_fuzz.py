"""Property-based attack on the import pipeline's entry points (hypothesis): arbitrary JSON,
JSON lines, CSV, text files, raw bytes and pasted text. Whatever comes in, no exception escapes
an item, every item ends with an outcome (and a reason when it failed), and nothing is
half-stored: every new row belongs to an article the report says was created."""

import csv
import io
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from import_helpers import story

from articles.importing import InputFile, read_inputs, read_pasted_text
from articles.importing.pipeline import import_items, limits_from_settings
from articles.models import Article, Event, ImportBatch, ImportStatus, Source

pytestmark = pytest.mark.django_db

# Examples per entry point; each runs the whole pipeline (and grouping) on the test database.
EXAMPLES = 60
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Text with what tends to break parsers: controls and NUL, bidi overrides, markup, digits from
# other scripts, dates with absurd offsets, mojibake.
_NASTY = st.sampled_from(
    [
        "\x00",
        "\x01",
        "\x1b[31m",
        "\u202e",
        "\ufeff",
        "<img src=x onerror=alert(1)>",
        "<p>",
        "]]>",
        "٣٠",
        "GMT+30",
        "18 January 2019 10:32 GMT+30",
        "CafÃ©",
        "https://user:pw@example.com/",
        "\r\n",
        "=cmd|' /C calc'!A0",
    ]
)
TEXT = st.lists(st.text(max_size=40) | _NASTY, max_size=6).map("".join)
# A real story wrapped in hostile text, so that many items get as far as being stored.
PROSE = st.builds(lambda head, topic, tail: f"{head}\n\n{story(topic)}\n\n{tail}", TEXT, TEXT, TEXT)
FIELD_NAMES = st.sampled_from(["title", "source", "url", "published_at", "byline", "text", "html", "extra"])
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TEXT,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(FIELD_NAMES | st.text(max_size=8), inner, max_size=5)
    ),
    max_leaves=12,
)
RECORDS = st.dictionaries(FIELD_NAMES, PROSE | TEXT | JSON_VALUES, max_size=7) | st.fixed_dictionaries(
    {"text": PROSE},
    optional={name: TEXT for name in ("title", "source", "url", "published_at", "byline", "html")},
)


def _run(items) -> None:
    """Import `items` and check the invariants; any exception fails the example."""
    articles_before = set(Article.objects.values_list("pk", flat=True))
    sources_before = set(Source.objects.values_list("pk", flat=True))
    events_before = set(Event.objects.values_list("pk", flat=True))

    result = import_items(items, origin="command", default_source="Fuzz Outlet")

    for entry in result.entries:
        assert entry["outcome"] in {"created", "duplicate", "failed"}, entry
        if entry["outcome"] == "failed":
            assert entry["reason"].strip(), entry
            assert entry["article_id"] is None
    created_ids = {e["article_id"] for e in result.entries if e["outcome"] == "created"}
    new_articles = set(Article.objects.values_list("pk", flat=True)) - articles_before
    assert new_articles == created_ids
    assert result.created == len(created_ids)
    new_sources = set(Source.objects.values_list("pk", flat=True)) - sources_before
    used = set(Article.objects.filter(pk__in=new_articles).values_list("source_id", flat=True))
    assert new_sources <= used, "an outlet was stored without its article"
    new_events = set(Event.objects.values_list("pk", flat=True)) - events_before
    grouped = set(Article.objects.filter(pk__in=new_articles).values_list("event_id", flat=True))
    assert new_events <= grouped, "an event was stored without its report"
    for article in Article.objects.filter(pk__in=new_articles).select_related("source"):
        for text in (article.title, article.byline, article.body_text, article.source.name):
            assert "\x00" not in text and not any(ord(c) < 32 and c not in "\n\t" for c in text)
    batch = ImportBatch.objects.get(pk=result.batch.pk)
    assert batch.status in {ImportStatus.DONE, ImportStatus.FAILED}


def _files(*files: InputFile):
    return read_inputs(list(files), limits_from_settings())


@FUZZ
@given(document=JSON_VALUES | st.lists(RECORDS, min_size=1, max_size=3) | RECORDS)
def test_any_json_document_is_imported_or_refused_item_by_item(document):
    _run(_files(InputFile("fuzz.json", json.dumps(document).encode())))


@FUZZ
@given(lines=st.lists(RECORDS | JSON_VALUES | TEXT, min_size=1, max_size=4))
def test_any_json_lines_are_imported_or_refused_item_by_item(lines):
    body = "\n".join(
        json.dumps(line) if not isinstance(line, str) or line.startswith("{") else line for line in lines
    )
    _run(_files(InputFile("fuzz.jsonl", body.encode())))


@FUZZ
@given(
    header=st.lists(FIELD_NAMES | st.text(max_size=8), min_size=1, max_size=5).map(lambda h: ["text", *h]),
    rows=st.lists(st.lists(PROSE | TEXT, max_size=6), max_size=3),
    delimiter=st.sampled_from([",", ";", "\t"]),
)
def test_any_csv_is_imported_or_refused_item_by_item(header, rows, delimiter):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    _run(_files(InputFile("fuzz.csv", buffer.getvalue().encode())))


@FUZZ
@given(
    data=st.binary(max_size=400) | TEXT.map(lambda t: t.encode("utf-8")),
    name=st.sampled_from(["a.txt", "a.html"]),
)
def test_any_bytes_as_a_text_or_html_file_are_imported_or_refused(data, name):
    _run(_files(InputFile(name, data)))


@FUZZ
@given(text=st.lists(PROSE | TEXT, min_size=1, max_size=4).map("\n\n".join))
def test_any_pasted_text_is_imported_or_refused(text):
    _run(read_pasted_text(text))
