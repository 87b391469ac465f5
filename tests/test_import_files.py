"""Importing files: every format, encodings, outlets, duplicates and batch records."""

import codecs
import csv
import io
import json

import pytest
from import_helpers import PARAGRAPHS, STORY, jsonl, outcomes, run_files, run_paste, story, zipped

from articles.importing import InputFile
from articles.models import Article, ImportBatch, ImportStatus, Source
from articles.sanitize import sanitize_html

pytestmark = pytest.mark.django_db

PARAGRAPHS_HTML = "</p><p>".join(PARAGRAPHS)

RECORD = {
    "title": "Harbour bridge closed to lorries",
    "source": "Valley Gazette",
    "url": "https://valley-gazette.test/news/bridge?utm_source=twitter&utm_medium=social",
    "published_at": "2019-01-18T09:30:00+01:00",
    "byline": "Ann Example",
    "text": STORY,
}


def test_jsonl_record_is_stored_with_every_field():
    result = run_files(jsonl("feed.jsonl", RECORD))
    assert result.summary == "created 1, duplicates 0, failed 0"
    article = Article.objects.get()
    assert article.title == RECORD["title"]
    assert article.source.name == "Valley Gazette"
    assert article.url == RECORD["url"]
    assert article.published_at.isoformat() == "2019-01-18T08:30:00+00:00"
    assert article.byline == "Ann Example"
    assert article.body_text == STORY
    assert article.word_count == len(STORY.split())
    assert len(article.content_hash) == 64
    assert article.batch == result.batch


def test_json_object_and_list_and_unknown_fields_are_kept_in_extra():
    single = InputFile("one.json", json.dumps({**RECORD, "label": "same-event-7"}).encode())
    many = InputFile(
        "many.json",
        json.dumps(
            [{**RECORD, "text": story("old mill"), "url": ""}, {**RECORD, "text": story("ferry")}]
        ).encode(),
    )
    result = run_files(single, many)
    assert result.created == 2 and result.duplicates == 1  # the ferry story repeats the URL
    assert Article.objects.count() == 2


def test_unknown_fields_reach_callers_through_extra():
    from articles.importing.formats import record_from_mapping

    record = record_from_mapping({**RECORD, "label": "event-7", "Section": "Local"}, "x")
    assert record.extra == {"label": "event-7", "Section": "Local"}


def test_csv_with_the_same_columns():
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=[*RECORD, "notes"])
    writer.writeheader()
    writer.writerow({**RECORD, "notes": "ignored"})
    writer.writerow({**RECORD, "url": "", "published_at": "2019-01-19", "text": story("ring road")})
    result = run_files(InputFile("export.csv", buffer.getvalue().encode()))
    assert result.summary == "created 2, duplicates 0, failed 0"
    bare_date = Article.objects.get(url=None)
    assert bare_date.published_at.isoformat() == "2019-01-19T00:00:00+00:00"


def test_by_prefix_of_a_record_byline_is_dropped():
    run_files(jsonl("feed.jsonl", {**RECORD, "byline": "By Ann Example"}))
    assert Article.objects.get().byline == "Ann Example"


def test_a_byline_over_the_field_limit_is_cut_between_names():
    names = [f"Reporter {letter}{letter.lower() * 9}son" for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"]
    run_files(jsonl("feed.jsonl", {**RECORD, "byline": ", ".join(names)}))
    byline = Article.objects.get().byline
    assert len(byline) <= Article._meta.get_field("byline").max_length
    kept = byline.replace(" and ", ", ").split(", ")
    assert kept == names[: len(kept)]
    assert len(kept) > 10


def test_record_without_published_at_or_title_gets_a_title_with_a_warning():
    result = run_files(jsonl("feed.jsonl", {"source": "Valley Gazette", "text": STORY}))
    article = Article.objects.get()
    assert article.published_at is None
    assert article.title.startswith("The regional council voted on Tuesday")
    assert "title was taken from the first sentence" in result.entries[0]["warnings"][0]
    assert result.batch.report[0]["warnings"]


def test_html_file_main_text_and_metadata_are_extracted_and_sanitized():
    html = f"""<html><head><title>Bridge closed | Valley Gazette</title>
    <meta name="author" content="Ann Example"><meta property="og:site_name" content="Valley Gazette">
    <meta property="article:published_time" content="2019-01-18">
    <link rel="canonical" href="https://valley-gazette.test/news/bridge"></head>
    <body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
    <article><h1>Harbour bridge closed to lorries</h1>
    {"".join(f"<p onclick='steal()'>{p}</p>" for p in STORY.split(chr(10) * 2))}
    <script>alert('x')</script></article>
    <footer>Copyright Valley Gazette. Leave a Reply</footer></body></html>"""
    result = run_files(InputFile("page.html", html.encode()))
    assert result.created == 1, result.entries
    article = Article.objects.get()
    assert article.title == "Harbour bridge closed to lorries"
    assert article.source.name == "Valley Gazette"
    assert article.url == "https://valley-gazette.test/news/bridge"
    assert article.byline == "Ann Example"
    assert article.published_at.date().isoformat() == "2019-01-18"
    assert "The regional council voted" in article.body_text
    assert "<script" not in article.body_html and "onclick" not in article.body_html
    assert "alert" not in article.body_html
    assert "<p>" in article.body_html


def test_json_html_field_is_sanitized_and_its_text_stored():
    record = {
        **RECORD,
        "text": "",
        "html": f'<p>{STORY}</p><a href="javascript:evil()">x</a><style>p{{}}</style>',
    }
    run_files(jsonl("feed.jsonl", record))
    article = Article.objects.get()
    assert "javascript:" not in article.body_html and "<style" not in article.body_html
    assert article.body_text.startswith("The regional council voted")


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16", b""), ("cp1252", b"")],
)
def test_text_files_in_common_encodings(encoding, prefix):
    text = "Café owners fear “détour” costs\n\nSource: Valley Gazette\n\n" + STORY.replace(
        "Hauliers", "Hauliers’ bosses"
    )
    result = run_files(InputFile("page.txt", prefix + text.encode(encoding)))
    assert result.created == 1, result.entries
    article = Article.objects.get()
    assert article.title == "Café owners fear “détour” costs"
    assert "Hauliers’ bosses" in article.body_text


def test_zip_holding_several_formats():
    archive = zipped(
        "bundle.zip",
        {
            "a/feed.jsonl": json.dumps(RECORD).encode(),
            "b/page.txt": f"Ferry service cut\n\nSource: Valley Gazette\n\n{story('ferry')}".encode(),
            "__MACOSX/._page.txt": b"\x00\x01",
        },
    )
    result = run_files(archive)
    assert sorted(outcomes(result)) == [
        ("bundle.zip/a/feed.jsonl line 1", "created"),
        ("bundle.zip/b/page.txt", "created"),
    ]


def test_outlet_comes_from_record_then_text_then_uploaders_choice():
    Source.objects.create(name="Reuters", slug="reuters", domain="reuters.com")
    run_files(jsonl("feed.jsonl", {**RECORD, "source": "reuters"}))
    assert Article.objects.get().source.name == "Reuters"  # matched case-insensitively
    run_paste(f"Ferry service cut\n\nBloomberg\n\n{story('ferry')}", default_source="Chosen Outlet")
    assert Article.objects.get(title="Ferry service cut").source.name == "Bloomberg"
    run_paste(f"Ring road delayed\n\n{story('ring road')}", default_source="Chosen Outlet")
    assert Article.objects.get(title="Ring road delayed").source.name == "Chosen Outlet"


def test_outlet_is_found_from_the_url_domain():
    Source.objects.create(name="Valley Gazette", slug="vg", domain="valley-gazette.test")
    record = {key: value for key, value in RECORD.items() if key != "source"}
    record["url"] = "https://www.valley-gazette.test/a/1"
    run_files(jsonl("feed.jsonl", record))
    assert Article.objects.get().source.name == "Valley Gazette"
    assert Source.objects.count() == 1


def test_item_without_any_outlet_is_refused_not_guessed():
    result = run_paste(f"Ring road delayed\n\n{STORY}")
    assert result.failed == 1 and Article.objects.count() == 0
    assert "no outlet" in result.entries[0]["reason"]


def test_duplicates_by_text_and_by_url_are_reported_not_stored():
    first = run_files(jsonl("feed.jsonl", RECORD))
    assert first.created == 1
    same_text_other_spacing = {**RECORD, "url": "", "text": STORY.upper().replace(" ", "  ")}
    same_url = {**RECORD, "text": story("ferry")}
    result = run_files(jsonl("again.jsonl", same_text_other_spacing, same_url))
    assert result.summary == "created 0, duplicates 2, failed 0"
    assert all(e["article_id"] == Article.objects.get().pk for e in result.entries)
    assert Article.objects.count() == 1


def test_duplicates_within_one_batch_are_caught():
    result = run_files(jsonl("feed.jsonl", RECORD, {**RECORD, "url": ""}, {**RECORD, "text": story("x")}))
    assert result.summary == "created 1, duplicates 2, failed 0"
    assert result.entries[1]["reason"] == "the same text is in feed.jsonl line 1 of this import"
    assert result.entries[2]["reason"] == "the same outlet and URL are in feed.jsonl line 1 of this import"


def test_reports_are_stored_and_grouped_oldest_first_undated_last_whatever_the_file_order():
    # Grouping decides each report as it is stored: a follow-up listed before the
    # happening it follows must not be decided first.
    later = {**RECORD, "url": "", "text": story("ferry"), "published_at": "2019-01-20T09:00:00+00:00"}
    undated = {**RECORD, "url": "", "text": story("old mill"), "published_at": ""}
    earlier = {**RECORD, "url": "", "text": story("tunnel"), "published_at": "2019-01-18T09:00:00+00:00"}
    also_earlier = {**RECORD, "url": "", "text": story("quay"), "published_at": "2019-01-18T09:00:00+00:00"}
    result = run_files(jsonl("feed.jsonl", later, undated, earlier, also_earlier))
    assert result.summary == "created 4, duplicates 0, failed 0"
    # The report lists the items in the file's order; the articles are stored by date.
    stored = [result.entries[i]["article_id"] for i in range(4)]
    by_id = sorted(range(4), key=lambda i: stored[i])
    assert by_id == [2, 3, 0, 1]  # ties keep the file's order; undated last


def test_batch_records_counts_report_and_progress():
    result = run_files(jsonl("feed.jsonl", RECORD, {**RECORD, "url": "", "published_at": "never"}))
    batch = ImportBatch.objects.get(pk=result.batch.pk)
    assert batch.status == ImportStatus.DONE
    assert (batch.created_count, batch.duplicate_count, batch.failed_count) == (1, 0, 1)
    assert batch.processed_items == batch.total_items == 2
    assert batch.report[0]["article_id"] == Article.objects.get().pk
    assert batch.report[1]["item"] == "feed.jsonl line 2" and "published_at" in batch.report[1]["reason"]


def test_dry_run_reports_without_storing():
    result = run_files(jsonl("feed.jsonl", RECORD), dry_run=True)
    assert result.summary == "would create 1, duplicates 0, failed 0"
    assert result.entries[0]["outcome"] == "new" and result.entries[0]["excerpt"].startswith("The regional")
    assert not Article.objects.exists() and not Source.objects.exists() and not ImportBatch.objects.exists()


def test_strict_stores_nothing_when_an_item_is_invalid():
    result = run_files(jsonl("feed.jsonl", RECORD, {**RECORD, "url": "mailto:x@example.com"}), strict=True)
    assert result.refused and not Article.objects.exists() and not Source.objects.exists()
    assert result.batch.status == ImportStatus.FAILED


def test_long_tracking_urls_up_to_2000_characters_are_accepted():
    url = "https://valley-gazette.test/news/bridge?" + "&".join(f"utm_{i}=x{i:04d}" for i in range(180))
    url = url[:2000]
    run_files(jsonl("feed.jsonl", {**RECORD, "url": url}))
    assert Article.objects.get().url == url


def test_sanitize_wrapper_removes_scripts_styles_handlers_and_javascript_urls():
    dirty = (
        '<p onmouseover="x()">Hi<script>alert(1)</script><style>p{color:red}</style>'
        '<a href="javascript:alert(1)" onclick="y()">link</a> <a href="https://ok.test/">ok</a>'
        '<img src="x" onerror="z()"><iframe src="https://evil.test"></iframe></p>'
    )
    clean = sanitize_html(dirty)
    for bad in (
        "script",
        "alert",
        "style",
        "color:red",
        "onmouseover",
        "onclick",
        "onerror",
        "javascript:",
        "iframe",
        "<img",
    ):
        assert bad not in clean
    assert '<a href="https://ok.test/">ok</a>' in clean and clean.startswith("<p>Hi")


def test_pasted_seed_text_keeps_its_paragraphs_and_typography():
    result = run_paste(f"Ferry service cut\n\nBloomberg\n\n{STORY}\n\nLeave a Reply\n\nSend this to a friend")
    article = Article.objects.get(pk=result.entries[0]["article_id"])
    assert article.body_text == STORY
    assert article.body_html is None


def test_html_furniture_is_dropped_from_the_stored_html_too():
    record = {
        **RECORD,
        "text": "",
        "html": f"<p>{PARAGRAPHS_HTML}</p><p>Advertisement</p><p>Sign up for our newsletter</p><p>Leave a Reply</p>",
    }
    run_files(jsonl("feed.jsonl", record))
    article = Article.objects.get()
    for furniture in ("Advertisement", "newsletter", "Leave a Reply"):
        assert furniture not in article.body_html and furniture not in article.body_text
    assert "The regional council voted" in article.body_html


def test_one_article_the_database_refuses_does_not_take_its_chunk_with_it():
    from articles.importing.pipeline import ImportResult, _insert_chunk, _resolve_sources
    from articles.importing.prepare import PreparedArticle, content_hash

    run_files(jsonl("feed.jsonl", RECORD))  # stored; its hash now exists

    def prepared(text: str) -> PreparedArticle:
        return PreparedArticle(
            label=text[:10], title="T", source_name="Valley Gazette", source_origin="record", url=None,
            published_at=None, byline="", body_text=text, body_html=None, language="en",
            word_count=3, content_hash=content_hash(text),
        )  # fmt: skip

    # As if another import stored the first item between our duplicate check and our insert.
    items = [(0, prepared(STORY)), (1, prepared(story("ring road")))]
    result = ImportResult(entries=[{"item": "a"}, {"item": "b"}])
    _insert_chunk(
        items, result, sources=_resolve_sources({"Valley Gazette"}, create=True), batch=None, strict=False
    )
    assert [e["outcome"] for e in result.entries] == ["duplicate", "created"]
    assert Article.objects.count() == 2


def test_url_scheme_in_capitals_is_stored_in_lower_case():
    run_files(jsonl("feed.jsonl", {**RECORD, "url": "HTTPS://valley-gazette.test/Story?ID=7"}))
    assert Article.objects.get().url == "https://valley-gazette.test/Story?ID=7"


def test_strict_import_undoes_everything_when_the_database_refuses_an_article():
    from articles.importing.pipeline import ImportResult, _insert_chunk, _resolve_sources, _StrictAbort
    from articles.importing.prepare import PreparedArticle, content_hash

    run_files(jsonl("feed.jsonl", RECORD))

    def prepared(text: str) -> PreparedArticle:
        return PreparedArticle(
            label=text[:10], title="T", source_name="Valley Gazette", source_origin="record", url=None,
            published_at=None, byline="", body_text=text, body_html=None, language="en",
            word_count=3, content_hash=content_hash(text),
        )  # fmt: skip

    items = [(0, prepared(story("ring road"))), (1, prepared(STORY))]
    result = ImportResult(entries=[{"item": "a"}, {"item": "b"}])
    with pytest.raises(_StrictAbort):
        _insert_chunk(
            items, result, sources=_resolve_sources({"Valley Gazette"}, create=True), batch=None, strict=True
        )
    assert Article.objects.count() == 1


def test_outlet_name_appended_to_a_record_title_is_removed():
    run_files(jsonl("feed.jsonl", {**RECORD, "title": "Harbour bridge closed to lorries | Valley Gazette"}))
    assert Article.objects.get().title == "Harbour bridge closed to lorries"
