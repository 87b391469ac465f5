"""Input that used to crash a whole import now fails its own item, with a reason, while the
good items beside it are stored whole (the outside probe of issue 17, item by item)."""

import json
import logging

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from import_helpers import STORY, jsonl, run_files, run_paste, story

from articles.importing import InputFile, RawRecord
from articles.importing.pipeline import import_items
from articles.models import Article, ImportStatus, Source

pytestmark = pytest.mark.django_db

GOOD = {"title": "Harbour bridge closed", "source": "Valley Gazette", "text": STORY}


def entry(result, label: str) -> dict:
    return next(e for e in result.entries if e["item"] == label)


def failed_reason(result, label: str) -> str:
    found = entry(result, label)
    assert found["outcome"] == "failed", found
    assert found["article_id"] is None
    return found["reason"]


def assert_good_neighbour_stored(result) -> None:
    assert result.created == 1, result.entries
    assert result.batch.status == ImportStatus.DONE
    assert Article.objects.get().title == GOOD["title"]


@pytest.mark.parametrize(
    "value", ["Published 18 January 2019 10:32 GMT+30", "Friday 18 January 2019 10:32 GMT+٣٠"]
)
def test_published_at_with_an_offset_of_a_day_or_more_fails_that_item(value):
    bad = {**GOOD, "title": "Other", "text": story("tunnel"), "published_at": value}
    result = run_files(jsonl("feed.jsonl", GOOD, bad))
    assert "published_at" in failed_reason(result, "feed.jsonl line 2")
    assert_good_neighbour_stored(result)


def test_pasted_dateline_with_an_impossible_offset_is_not_read_as_a_date():
    result = run_paste(
        f"Harbour bridge closed\n\nBy Ann Smith\n\n18 January 2019 10:32 GMT+30\n\n{STORY}",
        default_source="X",
    )
    assert result.created == 1, result.entries
    assert Article.objects.get().published_at is None


def test_control_character_before_the_first_tag_of_html_is_dropped():
    bad = {"title": "Tunnel shut", "source": "Valley Gazette", "html": f"\x01<p>{story('tunnel')}</p>"}
    result = run_files(jsonl("feed.jsonl", GOOD, bad))
    assert result.created == 2, result.entries
    stored = Article.objects.get(title="Tunnel shut")
    assert "\x01" not in stored.body_html and stored.body_html.startswith("<p>")


def test_json_nested_a_thousand_levels_deep_fails_that_file():
    deep = "[" * 1000 + "]" * 1000
    nested = InputFile("deep.json", f'[{{"text": "x", "extra": {deep}}}]'.encode())
    result = run_files(nested, jsonl("feed.jsonl", GOOD))
    assert "nested too deeply" in failed_reason(result, "deep.json")
    assert_good_neighbour_stored(result)


# 100,000 levels make json.loads itself raise RecursionError; 1,000 pass it and used to
# recurse later.
@pytest.mark.parametrize("depth", [1000, 100_000])
def test_jsonl_line_nested_too_deep_fails_that_line(depth):
    deep = "[" * depth + "]" * depth
    data = f'{json.dumps(GOOD)}\n{{"text": "x", "extra": {deep}}}\n'.encode()
    result = run_files(InputFile("feed.jsonl", data))
    assert "nested too deeply" in failed_reason(result, "feed.jsonl line 2")
    assert_good_neighbour_stored(result)


def test_integer_of_thousands_of_digits_fails_that_line():
    data = f'{json.dumps(GOOD)}\n{{"text": "x", "title": {"9" * 4400}}}\n'.encode()
    result = run_files(InputFile("feed.jsonl", data))
    assert "thousands of digits" in failed_reason(result, "feed.jsonl line 2")
    assert_good_neighbour_stored(result)


def test_nul_and_control_characters_are_removed_from_every_stored_text_field():
    record = {
        "title": "Harbour\x00 bridge\x07 closed",
        "source": "Valley\x00 Gazette\x1b",
        "byline": "Ann\x00 Smith\x08",
        "text": STORY.replace("regional", "regional\x00\x0b"),
        "html": "<p>" + STORY.replace("regional", "regional\x00\x0c") + "</p>",
    }
    result = run_files(jsonl("feed.jsonl", record))
    assert result.created == 1, result.entries
    article = Article.objects.select_related("source").get()
    stored = [article.title, article.byline, article.body_text, article.body_html, article.source.name]
    for text in stored:
        assert not any(ord(ch) < 32 and ch not in "\n\t" for ch in text), repr(text)
    assert (article.title, article.source.name, article.byline) == (
        "Harbour bridge closed",
        "Valley Gazette",
        "Ann Smith",
    )


def test_mixed_encodings_are_repaired_with_a_warning():
    record = {**GOOD, "title": "CafÃ© owners protest the harbour bridge closure"}
    result = run_files(jsonl("feed.jsonl", record))
    assert Article.objects.get().title == "Café owners protest the harbour bridge closure"
    assert any(
        "mixed text encodings were repaired" in w for w in entry(result, "feed.jsonl line 1")["warnings"]
    )


def test_utf16_without_a_byte_order_mark_is_read():
    text = f"Harbour bridge closed\n\n{STORY}"
    for encoding in ("utf-16-le", "utf-16-be"):
        Article.objects.all().delete()
        result = run_files(InputFile("page.txt", text.encode(encoding)), default_source="Valley Gazette")
        assert result.created == 1, (encoding, result.entries)
        assert Article.objects.get().body_text.startswith("The regional council")


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("https://user:secret@news.example/a", "user name or password"),
        ("https://news.example/\u202egpj.exe", "right-to-left"),
        ("https://news.example/a\x00b", "control characters"),
        ("https://news\u200b.example/a", "invisible"),
    ],
)
def test_deceptive_urls_are_refused_with_a_reason(url, reason):
    result = run_files(jsonl("feed.jsonl", GOOD, {**GOOD, "text": story("tunnel"), "url": url}))
    assert reason in failed_reason(result, "feed.jsonl line 2")
    assert_good_neighbour_stored(result)


def test_an_unexpected_error_in_one_item_is_logged_and_reported_not_raised(caplog):
    # A record no reader makes (a title that is not text) stands in for the bug we did not foresee.
    broken = RawRecord(label="odd item", kind="record", title=None, text=STORY)  # type: ignore[arg-type]
    good = RawRecord(
        label="good item", kind="record", source="Valley Gazette", title="Tunnel", text=story("t")
    )
    with caplog.at_level(logging.ERROR):
        result = import_items([broken, good], origin="command")
    assert failed_reason(result, "odd item") == (
        "could not be read (an unexpected error; the details are in the server log)"
    )
    assert entry(result, "good item")["outcome"] == "created"
    assert result.batch.status == ImportStatus.DONE
    assert any(record.exc_info for record in caplog.records), "the traceback must reach the log"


def test_command_reports_a_deeply_nested_file_and_imports_the_rest(tmp_path, capsys):
    (tmp_path / "deep.json").write_text("[" * 1000 + "]" * 1000)
    (tmp_path / "good.jsonl").write_text(json.dumps(GOOD))
    call_command("import_articles", str(tmp_path))
    captured = capsys.readouterr()
    assert "nested too deeply" in captured.err
    assert "created 1, duplicates 0, failed 1" in captured.out
    assert Source.objects.filter(name="Valley Gazette").exists()


def test_command_with_only_hostile_files_exits_with_a_message_not_a_traceback(tmp_path):
    (tmp_path / "huge.jsonl").write_text('{"text": ' + "1" * 5000 + "}")
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_articles", str(tmp_path))


def test_admin_preview_shows_the_hostile_item_as_failed(staff_client):
    deep = SimpleUploadedFile("deep.json", ("[" * 1000 + "]" * 1000).encode())
    good = SimpleUploadedFile("good.jsonl", json.dumps(GOOD).encode())
    response = staff_client.post("/admin/articles/import/", {"files": [deep, good]})
    assert response.status_code == 200
    assert "nested too deeply" in response.content.decode()
    assert not Article.objects.exists()
