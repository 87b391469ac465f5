"""Every reader page in a real browser: it renders under the site's CSP, works without JavaScript
where it matters, and axe-core finds no serious or critical accessibility violation (light and dark).
"""

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from browse_data import (
    BASE_TIME,
    event_with_reports,
    outlet,
    report,
)

from articles.models import Event

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture
def site(live_server) -> dict[str, str]:
    """A small newsroom: three outlets, two events, one report not grouped yet."""
    a, b, c = outlet("Alpha News"), outlet("Beta Times"), outlet("Gamma Post")
    earlier = event_with_reports("Harbour strike ends", [a, c], start=BASE_TIME - dt.timedelta(days=3))
    event = Event.objects.create(title="Leaders agree to a second summit in Hanoi")
    first = report(
        a,
        title="Second summit to be held in Hanoi",
        body="Kim Yong-chol met officials on Friday.\n\nThe venue was announced after talks.",
        event=event,
        published_at=BASE_TIME,
        explanation="grouped because: shared people Kim Yong-chol; shared terms second summit; similarity 0.62",
        url="https://alpha.example/summit",
    )
    report(
        b,
        title="Hanoi chosen for summit, officials say",
        body="Officials confirmed Hanoi on Saturday. Kim Yong-chol travelled to Washington.",
        event=event,
        published_at=BASE_TIME + dt.timedelta(hours=7),
        explanation="grouped because: shared terms Hanoi, summit; similarity 0.58",
    )
    report(c, title="Weather warning for the coast", body="Storms are expected on the coast.")
    return {
        "home": "/",
        "events": "/events/?sort=covered",
        "event": event.get_absolute_url(),
        "articles": "/articles/",
        "article": first.get_absolute_url(),
        "sources": "/sources/",
        "source": a.get_absolute_url(),
        "search": "/search/?q=hanoi+summit",
        "earlier": earlier.get_absolute_url(),
        "compare picker": f"/compare/?event={event.pk}",
    }


@pytest.fixture
def axe_page(browser) -> Iterator:
    """A tab that ignores the CSP: add_script_tag(path=...) inlines axe, which the CSP would block."""
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `npm ci` (make system-deps does).")
    contexts = []

    def open_tab(scheme: str):
        context = browser.new_context(
            viewport={"width": 1280, "height": 900}, bypass_csp=True, color_scheme=scheme
        )
        contexts.append(context)
        return context.new_page()

    yield open_tab
    for context in contexts:
        context.close()


def _serious_violations(tab) -> list[str]:
    tab.add_script_tag(path=str(AXE))
    result = tab.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


PAGES = ["home", "events", "event", "articles", "article", "sources", "source", "search"]


@pytest.mark.parametrize("name", PAGES)
def test_page_renders_under_the_csp_without_errors(page, live_server, site, name):
    problems: list[str] = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    response = page.goto(live_server.url + site[name])
    assert response.status == 200
    assert page.locator("h1").count() == 1
    assert page.locator("h1").inner_text().strip()
    assert problems == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", PAGES)
def test_page_has_no_serious_accessibility_violation(axe_page, live_server, site, name, scheme):
    tab = axe_page(scheme)
    tab.goto(live_server.url + site[name])
    assert _serious_violations(tab) == []


def test_reader_goes_from_home_to_event_sees_who_covered_it_and_opens_a_comparison(page, live_server, site):
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Leaders agree to a second summit in Hanoi").click()
    page.wait_for_url(f"**{site['event']}")
    assert page.locator(".tl-dot").count() == 2
    assert page.get_by_role("heading", name="Alpha News").is_visible()
    assert page.get_by_text("shared people Kim Yong-chol").is_visible()
    page.get_by_role("link", name="Second summit to be held in Hanoi").first.click()
    page.wait_for_url(f"**{site['article']}")
    page.get_by_role("link", name=re.compile(r"^Compare with Beta Times")).click()
    first_id = site["article"].strip("/").split("/")[-1]
    page.wait_for_url(re.compile(rf"/compare/{first_id}/\d+/$"))


def test_reader_searches_for_a_name_and_finds_the_event(page, live_server, site):
    page.goto(live_server.url + "/")
    page.get_by_role("searchbox", name="Search reports").fill("Kim Yong-chol")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url("**/search/?q=Kim+Yong-chol")
    assert page.locator(".hit mark").first.inner_text() == "Kim"
    page.get_by_role("link", name="Leaders agree to a second summit in Hanoi").click()
    page.wait_for_url(f"**{site['event']}")


def test_event_filters_work_and_show_their_errors(page, live_server, site):
    page.goto(live_server.url + "/events/")
    page.get_by_label("Minimum number of outlets").fill("2")
    outlet_box = page.get_by_label("Reported by")
    outlet_box.press_sequentially("Beta")
    # The suggestion endpoint fills the datalist; choosing from it puts the slug in the box.
    page.locator('#outlet-suggestions option[value="beta-times"]').wait_for(state="attached")
    outlet_box.fill("beta-times")
    page.get_by_role("button", name="Apply").click()
    titles = page.locator(".event-item h3").all_inner_texts()
    assert titles == ["Leaders agree to a second summit in Hanoi"]
    page.goto(live_server.url + "/events/?published_after=31-02-2026")
    assert page.get_by_role("alert").inner_text().startswith("Some filters could not be used")


def test_timeline_and_its_table_work_without_javascript(browser, live_server, site):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 800})
    try:
        tab = context.new_page()
        tab.goto(live_server.url + site["event"])
        assert tab.locator("svg[role=img] .tl-dot").count() == 2
        tab.get_by_text("The timeline as a table").click()
        rows = tab.locator(".timeline tbody tr").all_inner_texts()
        assert len(rows) == 2
        assert "Alpha News" in rows[0] and "Beta Times" in rows[1]
    finally:
        context.close()


def test_feed_links_are_discoverable(page, live_server, site):
    page.goto(live_server.url + site["event"])
    href = page.locator('link[rel="alternate"][type="application/atom+xml"]').get_attribute("href")
    feed = page.request.get(live_server.url + href)
    assert feed.status == 200
    assert "Second summit to be held in Hanoi" in feed.text()


def test_api_docs_render_under_the_csp(page, live_server, site):
    problems: list[str] = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.goto(live_server.url + "/api/v1/docs")
    page.get_by_text("/api/v1/articles", exact=True).first.wait_for(timeout=15000)
    assert [p for p in problems if "Content Security Policy" in p] == []


@pytest.mark.parametrize("name", [*PAGES, "compare picker"])
def test_page_fits_a_phone_screen_without_sideways_scrolling(browser, live_server, site, name):
    context = browser.new_context(viewport={"width": 390, "height": 800})
    try:
        tab = context.new_page()
        tab.goto(live_server.url + site[name])
        assert tab.evaluate("document.documentElement.scrollWidth") <= 390
    finally:
        context.close()
