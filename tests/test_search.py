import pytest
from browse_data import (
    outlet,
    report,
)
from django.db import connection
from django.urls import reverse

from articles.models import Event
from articles.search import parse_query, search_reports
from articles.search.highlight import START, STOP, marked_html

pytestmark = pytest.mark.django_db


def test_query_parsing_keeps_words_and_drops_search_syntax():
    assert parse_query('"Kim" AND (summit*) -Hanoi NEAR(x)').terms == (
        "kim",
        "and",
        "summit",
        "hanoi",
        "near",
        "x",
    )
    assert parse_query('"(*)"').is_empty
    assert parse_query(None).is_empty
    assert parse_query("  ").is_empty


def test_highlighting_escapes_text_and_marks_only_matches():
    html = marked_html(f"<b>{START}Kim{STOP}</b> & {START}co")
    assert html == "&lt;b&gt;<mark>Kim</mark>&lt;/b&gt; &amp; co"


def test_search_finds_headlines_and_bodies_ranked_with_highlighted_snippets():
    source = outlet("Alpha News")
    in_title = report(source, title="Kim Yong-chol meets envoy", body="The meeting lasted an hour.")
    in_body = report(
        source, title="Talks resume", body="Officials said Kim Yong-chol would travel on Friday."
    )
    report(source, title="Weather", body="Rain is expected on Friday.")
    results = search_reports(parse_query("kim yong-chol"))
    assert results.total == 2
    # A headline match outranks a body-only match.
    assert [hit.article.pk for hit in results.hits] == [in_title.pk, in_body.pk]
    assert "<mark>Kim</mark> <mark>Yong</mark>-<mark>chol</mark> meets envoy" in results.hits[0].title_html
    assert "<mark>Kim</mark>" in results.hits[1].snippet_html


def test_search_matches_word_endings_loosely():
    report(outlet("Alpha News"), title="Summits planned", body="Two summits are planned.")
    assert search_reports(parse_query("summit")).total == 1


def test_search_index_follows_edits_and_deletions():
    article = report(outlet("Alpha News"), title="Original headline", body="About a harbour.")
    assert search_reports(parse_query("harbour")).total == 1
    article.body_text = "About an airport."
    article.save()
    assert search_reports(parse_query("harbour")).total == 0
    assert search_reports(parse_query("airport")).total == 1
    article.delete()
    assert search_reports(parse_query("airport")).total == 0


def test_search_page_groups_results_by_event(client):
    a, b = outlet("Alpha News"), outlet("Beta Times")
    summit = Event.objects.create(title="Second summit")
    report(a, title="Summit in Hanoi", event=summit)
    report(b, title="Hanoi chosen for summit", event=summit)
    report(b, title="Hanoi traffic", body="Hanoi roads closed.")
    html = client.get(reverse("articles:search"), {"q": "hanoi"}).content.decode()
    assert "3 reports match" in html
    assert html.count('class="search-group"') == 2
    groups = {part.split("</h2>")[0]: part for part in html.split('class="search-group"')[1:]}
    [summit_group] = [part for heading, part in groups.items() if "Second summit" in heading]
    [ungrouped] = [part for heading, part in groups.items() if "Not yet grouped" in heading]
    assert "<mark>Hanoi</mark> chosen for summit" in summit_group
    assert "Summit in <mark>Hanoi</mark>" in summit_group
    assert "traffic" not in summit_group
    assert "<mark>Hanoi</mark> traffic" in ungrouped


def test_search_page_escapes_stored_text_in_snippets(client):
    report(
        outlet("Alpha News"), title="<img src=x onerror=alert(1)> harbour", body="<script>harbour</script>"
    )
    html = client.get(reverse("articles:search"), {"q": "harbour"}).content.decode()
    assert "<img src=x" not in html
    assert "<script>" not in html.split('id="main"')[1]
    assert "&lt;img src=x onerror=alert(1)&gt; <mark>harbour</mark>" in html


@pytest.mark.parametrize(
    "q", ['"', "(", ")", "*", "NEAR(a b)", "a:b", "^", "-x", "OR", "\\", "'", "%", "_", ";--", "x" * 600]
)
def test_bad_queries_never_fail(client, q):
    report(outlet("Alpha News"), title="OR and NEAR and x", body="x")
    response = client.get(reverse("articles:search"), {"q": q})
    assert response.status_code == 200


def test_query_of_punctuation_only_is_explained(client):
    html = client.get(reverse("articles:search"), {"q": '"(*)"'}).content.decode()
    assert "Type at least one word" in html


def test_empty_search_shows_the_form_only(client):
    response = client.get(reverse("articles:search"))
    assert response.status_code == 200
    assert response.context["results"] is None


def test_no_match_says_so(client):
    report(outlet("Alpha News"), title="Something", body="Else")
    html = client.get(reverse("articles:search"), {"q": "zanzibar"}).content.decode()
    assert "No report matches “zanzibar”." in html


def _letters(n: int) -> str:
    """A word of its own for each number (the parser keeps letters as one word)."""
    word = ""
    while True:
        n, digit = divmod(n, 26)
        word += "abcdefghijklmnopqrstuvwxyz"[digit]
        if not n:
            return "q" + word


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's GIN index")
def test_written_reports_leave_searches_a_short_pending_list_to_scan():
    # About 600 kB of new index entries: past the site's limit (256 kB), far below the server's
    # default (4 MB). Each search scans whatever is still pending, entry by entry.
    source = outlet("Alpha News")
    for n in range(150):
        report(source, body=" ".join(_letters(n * 200 + k) for k in range(200)))
    with connection.cursor() as cursor:
        cursor.execute("SELECT gin_clean_pending_list('article_search_vector_idx')")
        pending_pages = cursor.fetchone()[0]
    assert pending_pages <= 256 * 1024 // 8192


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite keeps no log of writes")
def test_the_log_of_writes_for_kept_rankings_is_not_made_on_sqlite():
    # Migration 0018 is PostgreSQL's: SQLite's engine ranks from the FTS5 table at each search.
    tables = connection.introspection.table_names()
    assert "articles_article_fts" in tables
    assert not {"articles_search_change", "articles_search_state"} & set(tables)


def test_a_kept_ranking_never_outlives_a_write(client):
    # SQLite keeps a search's ranking under the site-wide content token; PostgreSQL keeps its own
    # (standing.py). Either way, a report written after a search is found by the next one.
    from articles.search.service import rank

    source = outlet("Alpha News")
    first = report(source, title="Zanzibar ferry sinks", body="A ferry sank off Zanzibar.")
    assert rank(parse_query("zanzibar ferry")).ids == [first.pk]
    assert rank(parse_query("zanzibar ferry")).ids == [first.pk]  # asked again: the kept one
    second = report(source, title="Zanzibar ferry toll rises", body="The Zanzibar ferry toll rose.")
    assert set(rank(parse_query("zanzibar ferry")).ids) == {first.pk, second.pk}
    first.delete()
    assert rank(parse_query("zanzibar ferry")).ids == [second.pk]
    page = client.get(reverse("articles:search"), {"q": "zanzibar ferry"})
    assert "toll rises" in page.content.decode() and "Zanzibar ferry sinks" not in page.content.decode()
