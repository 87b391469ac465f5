"""The comparison flow in a real browser: pick two reports, read the comparison, navigate it."""

import hashlib
import os
import re
from pathlib import Path

import pytest

from articles.models import Article, Event, Source
from articles.reading import READING_VERSION, read_report

DEMO = Path(__file__).resolve().parents[2] / "demo"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
# SAVE_SCREENSHOTS=1 refreshes docs/screenshots/compare*.png; plain runs leave the tree alone.
SAVE_SCREENSHOTS = os.environ.get("SAVE_SCREENSHOTS") == "1"

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def seed_event() -> tuple[Event, Article, Article]:
    event = Event.objects.create(title="Second Trump-Kim summit announced")
    first, second = sorted(DEMO.glob("*.txt"))
    reports = []
    for outlet, title, path in [
        ("BBC", "Trump-Kim summit: Second meeting by February-end", first),
        ("Bloomberg", "Trump agrees to second Kim summit as N-deal stays elusive", second),
    ]:
        body = path.read_text()
        source = Source.objects.create(name=outlet, slug=outlet.lower())
        reports.append(
            Article.objects.create(
                source=source,
                event=event,
                title=title,
                body_text=body,
                content_hash=hashlib.sha256(body.encode()).hexdigest(),
                analysis=read_report(title, body),
                analysis_version=READING_VERSION,
            )
        )
    event.refresh_stats()
    return event, reports[0], reports[1]


def in_viewport(page, element_id: str) -> bool:
    rect = page.evaluate(
        """id => { const r = document.getElementById(id).getBoundingClientRect();
                   return [r.top, r.bottom, window.innerHeight]; }""",
        element_id,
    )
    top, bottom, height = rect
    return top >= -1 and bottom <= height + 1


def test_pick_two_reports_then_summary_links_and_keys_move_through_the_comparison(live_server, page):
    event, bbc, bloomberg = seed_event()
    problems: list[str] = []
    # Script errors and CSP refusals show as console errors; missing files as 4xx responses (the
    # browser's own favicon request aside, which the base template does not provide).
    page.on(
        "console",
        lambda m: problems.append(m.text) if m.type == "error" and "Failed to load" not in m.text else None,
    )
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on(
        "response",
        lambda r: problems.append(r.url) if r.status >= 400 and not r.url.endswith("/favicon.ico") else None,
    )

    # The picker (the event page includes the same partial).
    page.goto(f"{live_server.url}/compare/?event={event.pk}")
    page.select_option("#compare-a", str(bbc.pk))
    page.select_option("#compare-b", str(bloomberg.pk))
    page.get_by_role("button", name="Compare").click()
    page.wait_for_url(re.compile(rf"/compare/{bbc.pk}/{bloomberg.pk}/$"))
    assert page.locator(".cmp-head-a h2").inner_text() == bbc.title
    assert page.locator(".cmp-head-b h2").inner_text() == bloomberg.title

    # A summary link scrolls to the sentence that supports it.
    link = page.locator(".cmp-quotes a.quote", has_text="I don’t think we have any concrete agreement")
    target = link.get_attribute("href").lstrip("#")
    assert not in_viewport(page, target)
    link.click()
    page.wait_for_function("id => location.hash === '#' + id", arg=target)
    assert in_viewport(page, target)
    assert "I don’t think we have any concrete agreement" in page.locator(f"#{target}").inner_text()
    row = page.locator(f"#{target}").locator("xpath=ancestor::li[contains(@class, 'cmp-row')]")
    assert "Only in Bloomberg" in row.inner_text()

    # Keyboard: j / k and the arrow keys move between rows.
    page.goto(f"{live_server.url}/compare/{bbc.pk}/{bloomberg.pk}/")
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.id") == "row-1"
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.id") == "row-2"
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.id") == "row-3"
    page.keyboard.press("k")
    assert page.evaluate("document.activeElement.id") == "row-2"
    assert in_viewport(page, "row-2")

    # The envoy's two spellings are one person named by both outlets.
    both_people = page.locator(".cmp-entities tbody tr").first.locator("td").first.inner_text()
    assert "Kim Yong-chol (also spelled Kim Yong Chol)" in both_people
    assert problems == []

    if SAVE_SCREENSHOTS:
        page.goto(f"{live_server.url}/compare/{bbc.pk}/{bloomberg.pk}/")
        page.screenshot(path=str(SCREENSHOTS / "compare.png"), full_page=True)


def test_phone_layout_stacks_columns_and_keeps_matched_pairs_together(live_server, browser):
    _, bbc, bloomberg = seed_event()
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{live_server.url}/compare/{bbc.pk}/{bloomberg.pk}/")
    match = page.locator("li.cmp-match").first
    box_a = match.locator(".cmp-cell-a").bounding_box()
    box_b = match.locator(".cmp-cell-b").bounding_box()
    assert box_b["y"] >= box_a["y"] + box_a["height"] - 1  # stacked, B right under A in the same row
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert match.locator(".cmp-cell-a .cell-label").is_visible()
    if SAVE_SCREENSHOTS:
        page.screenshot(path=str(SCREENSHOTS / "compare-phone.png"), full_page=True)
    context.close()


def test_key_differences_lead_to_their_rows_and_a_fact_table_check_shows_its_sentence(live_server, page):
    event, bbc, bloomberg = seed_event()
    page.goto(f"{live_server.url}/compare/{bbc.pk}/{bloomberg.pk}/")
    key = page.locator(".cmp-key")
    # The key differences come before the summary and the rows.
    assert key.bounding_box()["y"] < page.locator(".cmp-summary").bounding_box()["y"]
    first = key.locator(".key-side-b .key-list a").first
    target = first.get_attribute("href").lstrip("#")
    first.click()
    assert page.evaluate("location.hash") == f"#{target}"
    assert in_viewport(page, target)
    assert first.inner_text().strip() in page.locator(f"#{target}").inner_text()

    page.goto(f"{live_server.url}/events/{event.pk}/")
    cell = page.locator(".fact-table td.carried details").first
    sentence = cell.locator("p")
    assert not sentence.is_visible()
    cell.locator("summary").click()
    assert sentence.is_visible()
    text = sentence.inner_text().strip("“”")
    assert text in bbc.body_text or text in bloomberg.body_text
