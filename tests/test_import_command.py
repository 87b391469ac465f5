"""The import_articles command: files, folders, zips, --source, --dry-run, --strict."""

import io
import json
import zipfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article, ImportBatch, ImportOrigin, Source

DEMO_DIR = Path(__file__).resolve().parent.parent / "demo"
FURNITURE = ["Leave a Reply", "Send this to a friend", "Your email address", "International News"]


def run(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_articles", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def body(n: int, topic: str) -> str:
    return " ".join(f"Sentence {i} about {topic} gives readers more detail on the matter." for i in range(n))


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    return path


@pytest.mark.django_db
def test_demo_folder_loads_both_seeds_clean_and_the_demo_events():
    out, _ = run(str(DEMO_DIR), "--source", "Unattributed (demo copy)")
    demo_events = (DEMO_DIR / "events.jsonl").read_text(encoding="utf-8").splitlines()
    assert f"created {2 + len(demo_events)}, duplicates 0, failed 0" in out
    outlets = {json.loads(line)["source"] for line in demo_events}
    assert Article.objects.filter(source__name="Unattributed (demo copy)").count() == 1
    assert outlets <= set(Source.objects.values_list("name", flat=True))
    first = Article.objects.get(title="Trump-Kim summit: Second meeting by February-end")
    second = Article.objects.get(title="Trump agrees to second Kim summit as N-deal stays elusive")
    assert first.source.name == "Unattributed (demo copy)"
    assert second.source.name == "Bloomberg"
    for article in (first, second):
        for furniture in FURNITURE:
            assert furniture not in article.body_text
    assert first.body_text.startswith("US President Donald Trump is to meet")
    assert second.body_text.endswith("make the choice of venue particularly sensitive.")


@pytest.mark.django_db
def test_a_page_naming_its_outlet_only_in_its_copyright_line_is_stored_under_that_outlet(tmp_path):
    footer = "Copyright 2019 The Klaxon. All rights reserved."
    (tmp_path / "page.txt").write_text(
        f"Port reopens after storm\n\n{body(4, 'the port')}\n\n{footer}\n\nShow more", encoding="utf-8"
    )
    out, _ = run(str(tmp_path), "--source", "Demo")
    assert "created 1, duplicates 0, failed 0" in out
    article = Article.objects.get()
    assert article.source.name == "The Klaxon"
    assert not article.outlet_assumed
    assert "Copyright" not in article.body_text and "Klaxon" not in article.body_text
    assert not Source.objects.filter(name="Demo").exists()


def seeds_only(tmp_path: Path) -> Path:
    """The two seed pages of the demo folder alone (the demo events are read in their own test)."""
    for page in DEMO_DIR.glob("*.txt"):
        (tmp_path / page.name).write_bytes(page.read_bytes())
    return tmp_path


@pytest.mark.django_db
def test_rerunning_an_import_adds_no_rows(tmp_path):
    folder = seeds_only(tmp_path)
    run(str(folder), "--source", "Demo")
    out, _ = run(str(folder), "--source", "Demo")
    assert "created 0, duplicates 2, failed 0" in out
    assert Article.objects.count() == 2
    assert ImportBatch.objects.filter(origin=ImportOrigin.COMMAND).count() == 2


@pytest.mark.django_db
def test_dry_run_stores_nothing(tmp_path):
    out, _ = run(str(seeds_only(tmp_path)), "--source", "Demo", "--dry-run")
    assert "Dry run: would create 2, duplicates 0, failed 0" in out
    assert Article.objects.count() == 0
    assert Source.objects.count() == 0
    assert ImportBatch.objects.count() == 0


@pytest.mark.django_db
def test_folders_are_read_recursively_with_zips_inside(tmp_path):
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    write_jsonl(
        nested / "feed.jsonl",
        [{"title": "Rail strike ends", "source": "Example Post", "text": body(5, "rail")}],
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "one.txt", "Port reopens after storm\n\nSource: Example Post\n\n" + body(4, "the port")
        )
    (tmp_path / "a" / "pack.zip").write_bytes(buffer.getvalue())
    (tmp_path / "a" / "README.md").write_text("# About these files\n\nNot an article.")
    (tmp_path / "a" / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    out, _ = run(str(tmp_path))
    assert "created 2, duplicates 0, failed 0" in out  # other file types in folders are skipped
    assert set(Article.objects.values_list("title", flat=True)) == {
        "Rail strike ends",
        "Port reopens after storm",
    }


@pytest.mark.django_db
def test_summary_lists_failed_items_with_reasons(tmp_path):
    path = write_jsonl(
        tmp_path / "mixed.jsonl",
        [
            {"title": "Good one", "source": "Example Post", "text": body(5, "good")},
            {
                "title": "Bad date",
                "source": "Example Post",
                "text": body(5, "dates"),
                "published_at": "soonish",
            },
        ],
    )
    out, err = run(str(path))
    assert "created 1, duplicates 0, failed 1" in out
    assert "mixed.jsonl line 2" in err and "published_at" in err
    assert Article.objects.count() == 1


@pytest.mark.django_db
def test_strict_refuses_the_whole_import_and_exits_non_zero(tmp_path):
    path = write_jsonl(
        tmp_path / "mixed.jsonl",
        [
            {"title": "Good one", "source": "Example Post", "text": body(5, "good")},
            {
                "title": "Bad url",
                "source": "Example Post",
                "text": body(5, "urls"),
                "url": "ftp://example.com/a",
            },
        ],
    )
    with pytest.raises(CommandError):
        run(str(path), "--strict")
    assert Article.objects.count() == 0
    batch = ImportBatch.objects.get()
    assert batch.status == "failed" and "strict" in batch.message


@pytest.mark.django_db
def test_everything_failing_exits_non_zero(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(CommandError):
        run(str(empty), "--source", "Demo")
    assert Article.objects.count() == 0


@pytest.mark.django_db
def test_missing_path_is_reported():
    with pytest.raises(CommandError):
        run("/no/such/place.txt")
    batch = ImportBatch.objects.get()
    assert "no such file or folder" in batch.report[0]["reason"]
