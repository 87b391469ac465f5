"""Bad input: every refusal names the item and the reason, and stores nothing for it."""

import io
import json
import zipfile

import pytest
from django.test import override_settings
from import_helpers import STORY, jsonl, outcomes, run_files, run_paste, zipped

from articles.importing import InputFile
from articles.models import Article, ImportStatus

pytestmark = pytest.mark.django_db

GOOD = {"title": "Harbour bridge closed", "source": "Valley Gazette", "text": STORY}


def refused(result, label: str) -> str:
    """The reason given for `label`, asserting it failed and nothing of it was stored."""
    entry = next(e for e in result.entries if e["item"] == label)
    assert entry["outcome"] == "failed", entry
    assert entry["article_id"] is None
    return entry["reason"]


def test_empty_file():
    result = run_files(InputFile("empty.txt", b""), default_source="X")
    assert "empty" in refused(result, "empty.txt")
    assert not Article.objects.exists()
    assert result.batch.status == ImportStatus.FAILED


def test_binary_file():
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
    assert "binary" in refused(run_files(InputFile("photo.txt", png), default_source="X"), "photo.txt")
    nul = b"abc\x00\x00\x01\x02" * 100
    assert "binary" in refused(run_files(InputFile("data.json", nul)), "data.json")


def test_undecidable_encoding_is_refused_with_advice():
    noise = bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D, 0xC3, 0x28, 0xFE, 0xFF]) * 200
    reason = refused(run_files(InputFile("odd.txt", noise), default_source="X"), "odd.txt")
    assert "binary" in reason or "encoding" in reason


@override_settings(IMPORT_MAX_FILE_BYTES=1000)
def test_file_over_the_size_limit():
    big = InputFile("big.txt", b"Title here\n\n" + STORY.encode() * 10)
    reason = refused(run_files(big, default_source="X"), "big.txt")
    assert "over the limit" in reason
    assert not Article.objects.exists()


@override_settings(IMPORT_MAX_UPLOAD_BYTES=2000)
def test_upload_over_the_total_limit():
    files = [InputFile(f"f{i}.txt", STORY.encode()) for i in range(5)]
    result = run_files(*files, default_source="X")
    assert result.refused and "over the limit" in result.refused
    assert not Article.objects.exists()


@override_settings(IMPORT_MAX_ZIP_TOTAL_BYTES=10_000)
def test_zip_expanding_past_the_total_limit():
    archive = zipped("big.zip", {"a.txt": b"A" * 20_000})
    assert "would expand" in refused(run_files(archive, default_source="X"), "big.zip")


def test_zip_bomb_by_compression_ratio():
    archive = zipped("bomb.zip", {"a.txt": b"0" * 5_000_000})
    reason = refused(run_files(archive, default_source="X"), "bomb.zip")
    assert "zip bomb" in reason
    assert not Article.objects.exists()


@pytest.mark.parametrize("path", ["../evil.txt", "/etc/evil.txt", "a/../../evil.txt", "C:/evil.txt"])
def test_zip_entry_outside_the_archive(path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("good.jsonl", json.dumps(GOOD))
        info = zipfile.ZipInfo("placeholder")
        info.filename = path  # ZipInfo would normalise the name; real attacks do not
        archive.writestr(info, f"Evil\n\nSource: X\n\n{STORY} evil")
    result = run_files(InputFile("pack.zip", buffer.getvalue()))
    assert "outside the archive" in refused(result, f"pack.zip/{path}")
    assert ("pack.zip/good.jsonl line 1", "created") in outcomes(result)
    assert Article.objects.count() == 1


@override_settings(IMPORT_MAX_FILES=3)
def test_more_files_than_allowed():
    files = [InputFile(f"f{i}.txt", f"Title {i} here\n\n{STORY} {i}".encode()) for i in range(4)]
    result = run_files(*files, default_source="X")
    assert "too many files" in result.refused
    assert not Article.objects.exists()


@pytest.mark.parametrize(
    "payload", [b"[1, 2, 3]", b'"just text"', b'{"name": "not an article"}', b"[]", b"{not json"]
)
def test_json_that_is_not_articles(payload):
    reason = refused(run_files(InputFile("data.json", payload)), "data.json")
    assert "not articles" in reason or "not valid JSON" in reason


def test_jsonl_line_that_is_not_json_or_not_an_object():
    file = InputFile("feed.jsonl", b"{broken\n[1,2]\n" + json.dumps(GOOD).encode())
    result = run_files(file)
    assert "not valid JSON" in refused(result, "feed.jsonl line 1")
    assert "expected an article object" in refused(result, "feed.jsonl line 2")
    assert Article.objects.count() == 1


def test_csv_without_a_text_column():
    file = InputFile("export.csv", b"title,source\nBridge closed,Valley Gazette\n")
    assert "no 'text'" in refused(run_files(file), "export.csv")


def test_article_with_no_text():
    result = run_files(jsonl("feed.jsonl", {**GOOD, "text": "   "}))
    assert "no article text" in refused(result, "feed.jsonl line 1")


def test_article_with_nothing_but_furniture():
    furniture = (
        "Leave a Reply\n\nYour email address will not be published.\n\nSend this to a friend\n\nAdvertisement"
    )
    result = run_paste(furniture, default_source="X")
    assert "nothing but page furniture" in refused(result, "pasted text")
    assert not Article.objects.exists()


def test_empty_paste():
    assert "empty" in refused(run_paste("  \n ", default_source="X"), "pasted text")


def test_date_that_does_not_parse():
    result = run_files(jsonl("feed.jsonl", {**GOOD, "published_at": "the day after tomorrow"}))
    reason = refused(result, "feed.jsonl line 1")
    assert "published_at" in reason and "does not parse" in reason


@pytest.mark.parametrize("url", ["ftp://example.com/a", "javascript:alert(1)", "example.com/a", "https://"])
def test_url_that_is_not_http(url):
    reason = refused(run_files(jsonl("feed.jsonl", {**GOOD, "url": url})), "feed.jsonl line 1")
    assert "url" in reason.lower()
    assert not Article.objects.exists()


def test_url_over_2000_characters():
    url = "https://example.com/?" + "q" * 2000
    assert "over the limit" in refused(
        run_files(jsonl("feed.jsonl", {**GOOD, "url": url})), "feed.jsonl line 1"
    )


def test_unsupported_file_type():
    assert "unsupported file type" in refused(run_files(InputFile("report.docx", b"text")), "report.docx")


def test_broken_zip():
    assert "not a readable zip" in refused(run_files(InputFile("pack.zip", b"PK\x03\x04broken")), "pack.zip")


def test_good_items_next_to_bad_ones_are_stored_whole():
    result = run_files(jsonl("feed.jsonl", GOOD, {**GOOD, "text": "", "title": "x"}), InputFile("e.txt", b""))
    assert result.summary == "created 1, duplicates 0, failed 2"
    article = Article.objects.get()
    assert article.body_text == STORY and article.title == GOOD["title"]


def test_a_crash_while_reading_leaves_the_batch_failed_not_running():
    from articles.importing import RawRecord
    from articles.importing.pipeline import import_items
    from articles.models import ImportBatch

    def items_from_a_failing_disk():
        yield RawRecord(label="a.txt", kind="page", text=f"Title here now\n\n{STORY}")
        raise OSError("the disk went away")

    with pytest.raises(OSError):
        import_items(items_from_a_failing_disk(), origin="command", default_source="X")
    batch = ImportBatch.objects.get()
    assert batch.status == ImportStatus.FAILED and "the disk went away" in batch.message
    assert not Article.objects.exists()
