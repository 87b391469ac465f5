"""The admin import flow in a real browser: paste a seed, preview, confirm, read it on the site."""

import os
from pathlib import Path

import pytest

from articles.models import Article
from tests.browser.staff import log_in_as_staff

REPO = Path(__file__).resolve().parent.parent.parent
SEED = (REPO / "demo" / "000_bbc3d0a4c908f65e.txt").read_text(encoding="utf-8")
SCREENSHOTS = REPO / "docs" / "screenshots"
# SAVE_SCREENSHOTS=1 refreshes docs/screenshots/admin-import*.png; plain runs leave the tree alone.
SAVE_SCREENSHOTS = os.environ.get("SAVE_SCREENSHOTS") == "1"


def save_screenshot(page, name: str) -> None:
    if SAVE_SCREENSHOTS:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / name), full_page=True)


@pytest.mark.browser
def test_admin_pastes_a_seed_previews_confirms_and_reads_it_on_the_site(
    live_server, page, transactional_db, django_user_model
):
    log_in_as_staff(page, live_server, django_user_model)

    with page.expect_navigation():
        page.click("text=Import articles")
    assert page.url.endswith("/admin/articles/import/")
    page.fill("#id_text", SEED)
    page.fill("#id_new_source", "Unattributed (demo copy)")
    save_screenshot(page, "admin-import.png")
    with page.expect_navigation():
        page.click("input[name=preview]")

    preview = page.locator("table.import-preview")
    assert "Trump-Kim summit: Second meeting by February-end" in preview.inner_text()
    assert "Unattributed (demo copy)" in preview.inner_text()
    assert "Leave a Reply" not in preview.inner_text()
    assert not Article.objects.exists()  # the preview stored nothing
    save_screenshot(page, "admin-import-preview.png")

    with page.expect_navigation():
        page.click("input[value='Import 1 article']")
    page.wait_for_url("**/admin/articles/importbatch/*/change/")
    assert "Created 1, duplicates 0, failed 0" in page.inner_text("body")
    save_screenshot(page, "admin-import-report.png")

    with page.expect_navigation():
        page.click("text=on the site")
    article = Article.objects.get()
    assert page.url == f"{live_server.url}{article.get_absolute_url()}"
    body = page.inner_text("body")
    assert "Trump-Kim summit: Second meeting by February-end" in body
    assert "Speculation is mounting that it could be held in Vietnam." in body
    assert "Leave a Reply" not in body and "Your email address" not in body
