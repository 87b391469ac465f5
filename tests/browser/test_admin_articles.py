"""The admin's article list in a real browser at a laptop's width, navigation sidebar open."""

import datetime as dt

import pytest
from browse_data import BASE_TIME, outlet, report

from articles.models import Event
from tests.browser.staff import log_in_as_staff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_article_list_fits_beside_the_sidebar_and_filters_at_1300_px(
    live_server, browser, django_user_model
):
    event = Event.objects.create(
        title="EU lawmakers approve trade deal with Indonesia despite farm and forest objections"
    )
    for number, name in enumerate(["Tidewater Public Broadcasting", "The Meridian Review", "Feedline"]):
        report(
            outlet(name),
            title=f"Strasbourg vote opens Indonesian market to EU carmakers and cheese, part {number}",
            event=event,
            published_at=BASE_TIME + dt.timedelta(hours=number),
        )
    context = browser.new_context(viewport={"width": 1300, "height": 900})
    page = context.new_page()
    log_in_as_staff(page, live_server, django_user_model, next_path="/admin/articles/article/")

    assert page.locator("#nav-sidebar").is_visible()
    results = page.locator("#changelist .results")
    overflow = results.evaluate("e => e.scrollWidth - e.clientWidth")
    assert overflow <= 1, f"the table is {overflow}px wider than its column: it scrolls sideways"
    # No cell is squeezed into a tall stack of one-word lines.
    tallest = page.eval_on_selector_all(
        "#result_list tbody tr", "rows => Math.max(...rows.map(r => r.getBoundingClientRect().height))"
    )
    assert tallest < 100
    context.close()
