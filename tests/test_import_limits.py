"""Limits are checked before the work they guard, and their messages state size and limit plainly."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from import_helpers import STORY, run_files, zipped

from articles.importing import InputFile, staging
from articles.models import Article

pytestmark = pytest.mark.django_db
MB = 1024 * 1024


@override_settings(IMPORT_MAX_FILES=10)
def test_zip_with_too_many_entries_is_refused_by_its_directory_with_the_count():
    archive = zipped("many.zip", {f"entry{i}.txt": b"x" for i in range(2000)})
    result = run_files(archive, default_source="X")
    assert result.refused == "too many files: many.zip holds 2,000, over the limit of 10 in one import"
    assert not Article.objects.exists()


@override_settings(IMPORT_MAX_FILE_BYTES=MB)
def test_file_one_byte_over_the_limit_says_so_in_bytes():
    result = run_files(InputFile("big.txt", b"x" * (MB + 1)), default_source="X")
    assert result.entries[0]["reason"] == "the file is 1,048,577 bytes, over the limit of 1,048,576 bytes"


@override_settings(IMPORT_MAX_FILE_BYTES=MB)
def test_file_well_over_the_limit_says_so_in_megabytes():
    result = run_files(InputFile("big.txt", b"x" * (3 * MB)), default_source="X")
    assert result.entries[0]["reason"] == "the file is 3.0 MB, over the limit of 1.0 MB"


@override_settings(IMPORT_MAX_UPLOAD_BYTES=MB)
def test_admin_upload_one_byte_over_the_limit_gets_one_plain_message(staff_client):
    upload = SimpleUploadedFile("big.txt", b"x" * (MB + 1))
    page = staff_client.post("/admin/articles/import/", {"files": [upload]}).content.decode()
    assert "The upload is 1,048,577 bytes; the limit is 1,048,576 bytes." in page
    assert "Paste an article or choose at least one file" not in page


def test_a_refused_preview_leaves_no_staged_upload(staff_client):
    before = set(staging.staging_root().iterdir())
    upload = SimpleUploadedFile("empty.txt", b"")
    response = staff_client.post("/admin/articles/import/", {"files": [upload], "new_source": "X"})
    assert response.status_code == 200 and "empty" in response.content.decode()
    assert set(staging.staging_root().iterdir()) == before


def test_a_stored_preview_keeps_its_staged_upload_until_confirmed(staff_client):
    before = set(staging.staging_root().iterdir())
    upload = SimpleUploadedFile("page.txt", f"Harbour bridge closed\n\n{STORY}".encode())
    staff_client.post("/admin/articles/import/", {"files": [upload], "new_source": "X"})
    assert len(set(staging.staging_root().iterdir()) - before) == 1
