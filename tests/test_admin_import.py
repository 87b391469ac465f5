"""The admin's "Import articles" page, the batch report, and the admin lists."""

import re
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from import_helpers import STORY, story

from articles.importing import staging
from articles.importing.tasks import import_staged_upload
from articles.models import Article, ImportBatch, ImportStatus, Source

pytestmark = pytest.mark.django_db

URL = "/admin/articles/import/"
SEED = (Path(__file__).resolve().parent.parent / "demo" / "003_c661979d6e07318b.txt").read_text(
    encoding="utf-8"
)
IMMEDIATE = {
    "default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend", "QUEUES": ["default"]}
}
DUMMY = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend", "QUEUES": ["default"]}}


def token_in(html: str) -> str:
    match = re.search(r'name="token" value="([^"]+)"', html)
    assert match, "no confirm form on the page"
    return match.group(1)


def jsonl_upload(name: str, count: int) -> SimpleUploadedFile:
    lines = [
        f'{{"title": "Story {i} on the harbour", "source": "Valley Gazette", "text": "{story(f"bridge {i}").replace(chr(10), " ")}"}}'
        for i in range(count)
    ]
    return SimpleUploadedFile(name, "\n".join(lines).encode(), content_type="application/jsonl")


def test_anonymous_is_sent_to_login(client):
    response = client.get(URL)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_staff_without_add_permission_is_refused(client, django_user_model):
    user = django_user_model.objects.create_user("viewer", password="pw-viewer-1234", is_staff=True)
    client.force_login(user)
    assert client.get(URL).status_code == 403


def test_staff_with_only_the_add_permission_can_import_and_read_the_report(client, django_user_model):
    user = django_user_model.objects.create_user("loader", password="pw-loader-1234", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="add_article"))
    client.force_login(user)
    preview = client.post(URL, {"text": SEED})
    response = client.post(URL, {"token": token_in(preview.content.decode())})
    assert client.get(response["Location"]).status_code == 200


def test_other_methods_are_not_allowed(staff_client):
    assert staff_client.put(URL).status_code == 405
    assert staff_client.delete(URL).status_code == 405


def test_page_is_linked_from_admin_index_and_article_list(staff_client):
    assert URL in staff_client.get("/admin/").content.decode()
    assert URL in staff_client.get("/admin/articles/article/").content.decode()


def test_paste_preview_stores_nothing_then_confirm_lands_on_the_report(staff_client):
    response = staff_client.post(URL, {"text": SEED})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Preview: nothing has been stored yet" in page
    assert "Trump agrees to second Kim summit as N-deal stays elusive" in page
    assert "Bloomberg" in page and "from the text" in page
    assert "US President Donald Trump agreed" in page  # first lines
    assert not Article.objects.exists() and not Source.objects.exists() and not ImportBatch.objects.exists()

    response = staff_client.post(URL, {"token": token_in(page)})
    batch = ImportBatch.objects.get()
    assert response.status_code == 302 and response["Location"] == batch.get_absolute_url()
    article = Article.objects.get()
    assert article.source.name == "Bloomberg" and article.batch == batch
    report = staff_client.get(response["Location"]).content.decode()
    assert "Created 1, duplicates 0, failed 0" in report
    assert reverse("articles:article-detail", kwargs={"pk": article.pk}) in report
    assert batch.status == ImportStatus.DONE


def test_uploaded_files_and_chosen_outlet_are_used(staff_client):
    Source.objects.create(name="Chosen Outlet", slug="chosen")
    files = [
        SimpleUploadedFile("a.txt", f"Ring road delayed again\n\n{STORY}".encode()),
        SimpleUploadedFile("b.txt", f"Ferry service cut\n\n{story('ferry')}".encode()),
    ]
    page = staff_client.post(URL, {"files": files, "source": Source.objects.get().pk}).content.decode()
    assert "from your choice" in page
    staff_client.post(URL, {"token": token_in(page)})
    assert set(Article.objects.values_list("source__name", flat=True)) == {"Chosen Outlet"}
    assert Article.objects.count() == 2


def test_new_outlet_typed_by_the_uploader_is_created(staff_client):
    page = staff_client.post(
        URL, {"text": f"Ring road delayed\n\n{STORY}", "new_source": "Hill Post"}
    ).content.decode()
    staff_client.post(URL, {"token": token_in(page)})
    assert Article.objects.get().source.name == "Hill Post"


def test_preview_flags_duplicates_and_refusals(staff_client):
    staff_client.post(URL, {"token": token_in(staff_client.post(URL, {"text": SEED}).content.decode())})
    files = [SimpleUploadedFile("seed.txt", SEED.encode()), SimpleUploadedFile("empty.txt", b"")]
    page = staff_client.post(URL, {"files": files}).content.decode()
    assert "duplicate" in page and "the same text is already stored" in page
    assert "refused" in page and "the file is empty" in page
    assert 'name="token"' not in page  # nothing left to import
    assert Article.objects.count() == 1


def test_form_errors_are_shown(staff_client):
    page = staff_client.post(URL, {"text": "  "}).content.decode()
    assert "Paste an article, give a URL or choose at least one file." in page
    Source.objects.create(name="Chosen Outlet", slug="chosen")
    page = staff_client.post(
        URL, {"text": STORY, "source": Source.objects.get().pk, "new_source": "Other"}
    ).content.decode()
    assert "not both" in page


def test_forged_or_foreign_token_is_refused(staff_client, django_user_model):
    response = staff_client.post(URL, {"token": "forged:token"}, follow=True)
    assert "not valid" in response.content.decode()
    stage_id = staging.stage(
        files=[], pasted_text=SEED, default_source="", strict=False, origin="paste", user_id=999
    )
    response = staff_client.post(URL, {"token": staging.sign(stage_id, 999)}, follow=True)
    assert "another user" in response.content.decode()
    assert not Article.objects.exists()
    staging.discard(stage_id)


def test_confirming_twice_does_not_import_twice(staff_client):
    token = token_in(staff_client.post(URL, {"text": SEED}).content.decode())
    staff_client.post(URL, {"token": token})
    response = staff_client.post(URL, {"token": token}, follow=True)
    assert "gone" in response.content.decode()
    assert Article.objects.count() == 1 and ImportBatch.objects.count() == 1


@override_settings(IMPORT_INLINE_MAX_ITEMS=3, TASKS=IMMEDIATE)
def test_large_import_runs_through_the_task_backend(staff_client, django_capture_on_commit_callbacks):
    page = staff_client.post(URL, {"files": [jsonl_upload("feed.jsonl", 5)]}).content.decode()
    assert "run in the background" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(URL, {"token": token_in(page)})
    batch = ImportBatch.objects.get()
    assert response["Location"] == batch.get_absolute_url()
    assert batch.status == ImportStatus.DONE and batch.created_count == 5
    assert batch.processed_items == batch.total_items == 5
    assert Article.objects.count() == 5


@override_settings(IMPORT_INLINE_MAX_ITEMS=3, TASKS=DUMMY)
def test_queued_import_shows_progress_and_refreshes_until_the_worker_runs_it(
    staff_client, django_capture_on_commit_callbacks
):
    page = staff_client.post(URL, {"files": [jsonl_upload("feed.jsonl", 5)]}).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(URL, {"token": token_in(page)})
    batch = ImportBatch.objects.get()
    assert batch.status == ImportStatus.QUEUED and not Article.objects.exists()
    waiting = staff_client.get(response["Location"]).content.decode()
    assert '<meta http-equiv="refresh"' in waiting and "0 of 5 items" in waiting
    assert "Starts when stage one has stored the reports" in waiting

    # What the worker does with the enqueued task:
    from django.tasks import default_task_backend

    (queued,) = default_task_backend.results
    assert queued.task.func is import_staged_upload.func
    import_staged_upload.call(*queued.args, **queued.kwargs)
    done = staff_client.get(response["Location"]).content.decode()
    assert '<meta http-equiv="refresh"' not in done and "5 of 5 items" in done
    assert Article.objects.count() == 5


def test_batch_report_links_created_articles(staff_client):
    staff_client.post(URL, {"token": token_in(staff_client.post(URL, {"text": SEED}).content.decode())})
    article = Article.objects.get()
    page = staff_client.get(ImportBatch.objects.get().get_absolute_url()).content.decode()
    assert reverse("admin:articles_article_change", args=[article.pk]) in page
    assert "Trump agrees to second Kim summit" in page


def test_admin_lists_have_bounded_queries(staff_client, django_assert_max_num_queries):
    outlets = [Source.objects.create(name=f"Outlet {i}", slug=f"outlet-{i}") for i in range(5)]
    batch = ImportBatch.objects.create(origin="command", created_by=None, status="done")
    Article.objects.bulk_create(
        Article(
            source=outlets[i % 5],
            title=f"Story {i}",
            body_text=f"text {i}",
            content_hash=f"{i:064d}",
            batch=batch,
        )
        for i in range(60)
    )
    for url in ["/admin/articles/article/", "/admin/articles/source/", "/admin/articles/importbatch/"]:
        with django_assert_max_num_queries(12):
            assert staff_client.get(url).status_code == 200
    with django_assert_max_num_queries(12):
        assert staff_client.get("/admin/articles/article/?q=Story").status_code == 200


@override_settings(IMPORT_MAX_FILES=2)
def test_too_many_files_get_a_clear_message(staff_client):
    files = [SimpleUploadedFile(f"f{i}.txt", f"Title {i} here\n\n{STORY}".encode()) for i in range(3)]
    page = staff_client.post(URL, {"files": files, "new_source": "X"}).content.decode()
    assert "Too many files: 3; the limit is 2." in page
    assert not Article.objects.exists()


@override_settings(IMPORT_MAX_UPLOAD_BYTES=1000)
def test_upload_over_the_size_limit_gets_a_clear_message(staff_client):
    page = staff_client.post(URL, {"files": [SimpleUploadedFile("big.txt", b"x " * 1000)]}).content.decode()
    assert "The upload is 2.0\xa0KB; the limit is 1000\xa0bytes." in page
    assert not Article.objects.exists()


def test_background_import_whose_files_are_gone_marks_the_batch_failed():
    from articles.importing.tasks import run_staged_import

    stage_id = staging.stage(
        files=[], pasted_text=SEED, default_source="", strict=False, origin="paste", user_id=1
    )
    staging.discard(stage_id)
    batch = ImportBatch.objects.create(origin="paste", status=ImportStatus.QUEUED)
    with pytest.raises(staging.StagingError):
        run_staged_import(batch, stage_id)
    batch.refresh_from_db()
    assert batch.status == ImportStatus.FAILED and "gone" in batch.message
    assert not Article.objects.exists()


def test_a_running_batch_lists_its_first_items_and_refreshes_slowly_then_lists_all(staff_client, monkeypatch):
    from articles.admin import batches

    monkeypatch.setattr(batches, "RUNNING_REPORT_ROWS", 2)
    report = [{"item": f"feed.jsonl line {n}", "outcome": "duplicate"} for n in range(1, 6)]
    batch = ImportBatch.objects.create(
        origin="upload", status=ImportStatus.DONE, analysis_status=ImportStatus.RUNNING, report=report
    )
    running = staff_client.get(batch.get_absolute_url()).content.decode()
    assert '<meta http-equiv="refresh" content="5">' in running
    assert "feed.jsonl line 2<" in running and "feed.jsonl line 3<" not in running
    assert "3 more items, listed when the import has finished" in running

    ImportBatch.objects.filter(pk=batch.pk).update(analysis_status=ImportStatus.DONE)
    done = staff_client.get(batch.get_absolute_url()).content.decode()
    assert 'http-equiv="refresh"' not in done
    assert "feed.jsonl line 5<" in done and "more items" not in done
