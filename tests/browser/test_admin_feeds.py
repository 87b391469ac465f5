"""Following an outlet in a real browser: add its feed in the admin, poll it, read its reports."""

import pytest
from import_helpers import PARAGRAPHS
from local_web import article_page

from articles.models import Article, Feed, Source
from tests.browser.staff import log_in_as_staff

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("local_fetching")]

RSS = """<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>
<title>Valley Gazette</title><link>/</link>
<item><title>Tunnel reopens</title><link>/news/tunnel</link><guid>vg-1</guid></item>
<item><title>Traffic returns</title><link>/news/traffic</link><guid>vg-2</guid></item>
</channel></rss>"""


def test_staff_add_a_feed_poll_it_and_its_reports_appear_on_the_site(
    live_server, page, web, transactional_db, django_user_model
):
    web.page("/news/tunnel", article_page("Tunnel reopens after repairs", PARAGRAPHS))
    web.page(
        "/news/traffic",
        article_page(
            "Traffic returns to the tunnel", [p.replace("harbour bridge", "tunnel road") for p in PARAGRAPHS]
        ),
    )
    web.page("/feed.xml", RSS, content_type="application/rss+xml")
    Source.objects.create(name="Valley Gazette", slug="valley-gazette")

    log_in_as_staff(page, live_server, django_user_model)

    # Add the feed: pick the outlet in the autocomplete box, as a person would.
    page.goto(f"{live_server.url}/admin/articles/feed/add/")
    page.click(".field-source .select2-selection")
    page.fill(".select2-search__field", "Valley")
    page.click(".select2-results__option:has-text('Valley Gazette')")
    page.fill("#id_url", web.url("/feed.xml"))
    with page.expect_navigation():
        page.click("input[name=_save]")
    assert Feed.objects.filter(url=web.url("/feed.xml"), source__name="Valley Gazette").exists()

    # Poll it now from the feed list.
    page.check("input[name=_selected_action]")
    page.select_option("select[name=action]", "poll_now")
    with page.expect_navigation():
        page.click("button[name=index]")
    assert "2 reports created" in page.inner_text(".messagelist")
    assert "OK" in page.inner_text("#result_list")

    # The reports are on the site, under their outlet.
    page.goto(f"{live_server.url}/sources/valley-gazette/")
    text = page.inner_text("main")
    assert "Tunnel reopens after repairs" in text and "Traffic returns to the tunnel" in text
    assert Article.objects.filter(source__name="Valley Gazette").count() == 2

    # A second poll fetches no page it already has.
    fetched = len(web.paths_requested())
    page.goto(f"{live_server.url}/admin/articles/feed/")
    page.check("input[name=_selected_action]")
    page.select_option("select[name=action]", "poll_now")
    with page.expect_navigation():
        page.click("button[name=index]")
    assert "0 reports created" in page.inner_text(".messagelist")
    assert [p for p in web.paths_requested()[fetched:] if p.startswith("/news/")] == []
