"""Compare page, picker, API, exports and re-analysis command, through HTTP and the database."""

import csv
import hashlib
import io
import re
from html import unescape

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.template.loader import render_to_string
from django.urls import reverse

from articles.comparisons import event_fact_table
from articles.models import Article, Event, Source
from articles.reading import READING_VERSION, read_report
from tests.compare_texts import FLOOD_A, FLOOD_B, WIRE_A

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def make_article(
    outlet: str, title: str, body: str, event: Event | None = None, analysed: bool = True
) -> Article:
    source, _ = Source.objects.get_or_create(name=outlet, slug=re.sub(r"\W+", "-", outlet.lower()))
    article = Article.objects.create(
        source=source,
        event=event,
        title=title,
        body_text=body,
        content_hash=hashlib.sha256(body.encode()).hexdigest(),
        analysis=read_report(title, body) if analysed else {},
        analysis_version=READING_VERSION if analysed else 0,
    )
    if event:
        event.refresh_stats()
    return article


@pytest.fixture
def flood_event() -> tuple[Event, Article, Article]:
    event = Event.objects.create(title="Riverton floods")
    a = make_article("Riverton Gazette", "Floods force 2,000 from homes", FLOOD_A, event)
    b = make_article("County Herald", "Riverton under water", FLOOD_B, event)
    return event, a, b


def test_compare_page_shows_both_reports_rows_and_summary_in_bounded_queries(
    client, flood_event, django_assert_max_num_queries
):
    _, a, b = flood_event
    with django_assert_max_num_queries(3):
        response = client.get(reverse("articles:compare", args=[a.pk, b.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Riverton Gazette" in html and "County Herald" in html
    assert "Only in Riverton Gazette" in html and "Only in County Herald" in html
    assert "Conflict" in html and "2,000 residents" in html and "3,000 residents" in html
    assert "also spelled Anna Kovalski" in html
    assert reverse("articles:compare", args=[b.pk, a.pk]) in html  # swap sides
    assert "<script>" not in html and "style=" not in html  # the CSP allows neither


def test_every_summary_link_points_at_an_element_on_the_page(client, flood_event):
    _, a, b = flood_event
    html = client.get(reverse("articles:compare", args=[a.pk, b.pk])).content.decode()
    ids = set(re.findall(r'id="([^"]+)"', html))
    targets = set(re.findall(r'href="#([^"]+)"', html))
    assert targets and targets <= ids


def test_compare_page_of_unknown_report_is_404(client, flood_event):
    _, a, _ = flood_event
    assert client.get(reverse("articles:compare", args=[a.pk, 999999])).status_code == 404
    assert client.get(reverse("articles:compare", args=[999999, a.pk])).status_code == 404


def test_compare_page_rejects_post(client, flood_event):
    _, a, b = flood_event
    assert client.post(reverse("articles:compare", args=[a.pk, b.pk])).status_code == 405


def test_stale_analysis_is_recomputed_on_the_fly(client):
    a = make_article("One", "Rates rise", WIRE_A, analysed=False)
    b = make_article("Two", "Floods", FLOOD_A)
    response = client.get(reverse("articles:compare", args=[a.pk, b.pk]))
    assert response.status_code == 200
    assert "The Monetary Policy Committee voted 6-3 for the rise." in response.content.decode()


def api_rows(client, a: int, b: int) -> dict:
    response = client.get("/api/v1/compare", {"a": a, "b": b})
    assert response.status_code == 200
    return response.json()


def test_api_matches_the_page_and_holds_every_sentence_once(client, flood_event):
    _, a, b = flood_event
    data = api_rows(client, a.pk, b.pk)
    assert set(data) == {"a", "b", "similarity", "rows", "key_differences", "entities", "quotes", "numbers"}
    assert data["a"] == {"id": a.pk, "title": a.title, "source": "Riverton Gazette"}
    assert 0 <= data["similarity"] <= 1
    sentences_a = [s["text"] for s in a.analysis["sentences"]]
    assert sorted(r["a"] for r in data["rows"] if r["a"]) == sorted(sentences_a)
    html = client.get(reverse("articles:compare", args=[a.pk, b.pk])).content.decode()
    page_kinds = re.findall(r'data-kind="(match|only_a|only_b)"', html)
    assert page_kinds == [r["kind"] for r in data["rows"]]
    kowalski = next(e for e in data["entities"]["shared"] if e["name"] == "Anna Kowalski")
    assert kowalski["kind"] == "person"
    assert {m["side"] for m in kowalski["mentions"]} == {"a", "b"}
    assert {"Anna Kowalski", "Anna Kovalski"} <= {m["text"] for m in kowalski["mentions"]}
    assert all(m["sentence"] in (a.body_text + b.body_text) for m in kowalski["mentions"])
    assert {
        "side": "b",
        "speaker": "Anna Kovalski",
        "text": "We have never seen water rise this fast.",
    } in data["quotes"]
    assert [(n["text"], n["measure"]) for n in data["numbers"] if n["conflict"]] == [
        ("2,000 residents", "resident"),
        ("about 3,000 residents", "resident"),
    ]


def test_api_compares_a_report_with_itself_as_all_match(client, flood_event):
    _, a, _ = flood_event
    data = api_rows(client, a.pk, a.pk)
    assert {r["kind"] for r in data["rows"]} == {"match"}
    assert data["similarity"] == 1.0


def test_api_unknown_ids_give_404_json_and_bad_params_4xx_json(client, flood_event):
    _, a, _ = flood_event
    response = client.get("/api/v1/compare", {"a": a.pk, "b": 999999})
    assert response.status_code == 404
    assert response.json() == {"detail": "No report with id 999999."}
    for params in ({"a": "x", "b": a.pk}, {"a": a.pk}, {}, {"a": -1, "b": a.pk}):
        response = client.get("/api/v1/compare", params)
        assert 400 <= response.status_code < 500
        assert "detail" in response.json()


def test_openapi_schema_documents_the_compare_endpoint(client):
    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/compare"]["get"]
    assert {p["name"] for p in operation["parameters"]} == {"a", "b"}
    assert "Comparison" in schema["components"]["schemas"]
    assert "404" in operation["responses"]


def test_picker_redirects_to_the_comparison(client, flood_event):
    _, a, b = flood_event
    response = client.get(reverse("articles:compare-pick"), {"a": a.pk, "b": b.pk})
    assert response.status_code == 302
    assert response["Location"] == reverse("articles:compare", args=[a.pk, b.pk])


def test_picker_with_bad_input_shows_errors_and_no_redirect(client, flood_event):
    _, a, _ = flood_event
    response = client.get(reverse("articles:compare-pick"), {"a": a.pk, "b": 999999})
    assert response.status_code == 400
    assert "There is no report with id 999999." in response.content.decode()
    response = client.get(reverse("articles:compare-pick"), {"a": "abc", "b": ""})
    assert response.status_code == 400
    assert "Enter a whole number." in response.content.decode()


def test_picker_page_lists_the_events_reports(client, flood_event):
    event, a, b = flood_event
    response = client.get(reverse("articles:compare-pick"), {"event": event.pk})
    html = response.content.decode()
    assert response.status_code == 200
    assert f'value="{a.pk}"' in html and f'value="{b.pk}"' in html


def test_compare_links_partial_lists_other_reports_of_the_event(flood_event, django_assert_max_num_queries):
    from django.template.loader import render_to_string

    _, a, b = flood_event
    with django_assert_max_num_queries(1):
        html = render_to_string("articles/_compare_links.html", {"article": a})
    assert reverse("articles:compare", args=[a.pk, b.pk]) in html
    assert "Compare with County Herald" in html


def test_fact_table_partial_marks_which_outlet_carries_each_claim(flood_event, django_assert_max_num_queries):
    from django.template.loader import render_to_string

    from articles.comparisons import event_fact_table

    event, _, _ = flood_event
    # Building: the reports' keys, then their stored analyses. Once built: the keys only.
    with django_assert_max_num_queries(2):
        table = event_fact_table(event)
    with django_assert_max_num_queries(1):
        assert event_fact_table(event) == table
    shared = [c for c in table["claims"] if c["outlets"] == 2]
    assert any("6.2 metres" in c["text"] for c in shared)
    one_sided = [c for c in table["claims"] if c["outlets"] == 1]
    assert any("Forecasters expect more rain" in c["text"] for c in one_sided)
    html = render_to_string("articles/_fact_table.html", {"fact_table": table})
    assert "not in County Herald" in html and "carried by Riverton Gazette" in html


def test_event_export_json_has_claims_with_outlets_and_sentences(client, flood_event):
    event, _, _ = flood_event
    response = client.get(reverse("articles:event-export-json", args=[event.pk]))
    assert response.status_code == 200
    data = response.json()
    assert [r["outlet"] for r in data["reports"]] == ["Riverton Gazette", "County Herald"]
    river = next(c for c in data["claims"] if "6.2 metres" in c["text"])
    assert {x["outlet"] for x in river["carried_by"]} == {"Riverton Gazette", "County Herald"}
    assert all(x["figures_differ"] == [] for x in river["carried_by"])


def test_event_export_json_names_the_figure_a_report_gives_where_it_disagrees(client):
    event = Event.objects.create(title="Derailment")
    make_article(
        "Korea Ledger", "KTX derails", "A KTX train derailed in Daejeon on Monday, injuring 14 people.", event
    )
    make_article(
        "Rim Press",
        "Train derails",
        "A bullet train derailed in Daejeon on Monday, injuring 17 people.",
        event,
    )
    data = client.get(reverse("articles:event-export-json", args=[event.pk])).json()
    lead = next(c for c in data["claims"] if "14 people" in c["text"])
    assert [(x["outlet"], x["figures_differ"]) for x in lead["carried_by"]] == [
        ("Korea Ledger", []),
        ("Rim Press", ["17 people"]),
    ]


def test_event_export_csv_escapes_formula_cells(client):
    event = Event.objects.create(title="Formulas")
    body = '=HYPERLINK("http://evil.example") is a formula. +1 more. -2 less. @SUM(A1) too.'
    make_article("Cells", "Formula report", body, event)
    response = client.get(reverse("articles:event-export-csv", args=[event.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:2] == ["claim", "reports carrying it"]
    cells = [cell for row in rows[1:] for cell in row]
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)
    assert '\'=HYPERLINK("http://evil.example") is a formula.' in cells


def test_exports_of_unknown_event_are_404(client):
    assert client.get(reverse("articles:event-export-json", args=[999999])).status_code == 404
    assert client.get(reverse("articles:event-export-csv", args=[999999])).status_code == 404


def test_reanalyse_command_updates_only_stale_articles_unless_all():
    fresh = make_article("One", "Rates rise", WIRE_A)
    stale = make_article("Two", "Floods", FLOOD_A, analysed=False)
    out = io.StringIO()
    call_command("reanalyse_articles", "--dry-run", stdout=out, verbosity=0)
    assert "1 article(s) would be re-analysed" in out.getvalue()
    stale.refresh_from_db()
    assert stale.analysis_version == 0
    call_command("reanalyse_articles", stdout=out, verbosity=0)
    stale.refresh_from_db()
    assert stale.analysis_version == READING_VERSION
    assert stale.analysis["sentences"][0]["text"].startswith("Heavy rain flooded")
    Article.objects.filter(pk=fresh.pk).update(analysis={})
    call_command("reanalyse_articles", "--all", stdout=out, verbosity=0)
    fresh.refresh_from_db()
    assert fresh.analysis["sentences"]


def test_key_differences_come_first_and_link_each_line_to_its_row(client, flood_event):
    _, a, b = flood_event
    html = client.get(reverse("articles:compare", args=[a.pk, b.pk])).content.decode()
    key = html.index('id="key-heading"')
    assert key < html.index('id="summary-heading"') < html.index('id="rows-heading"')
    section = html[key : html.index("</section>", key)]
    links = re.findall(r'href="#([ab]-\d+)"', section)
    assert links, "every key difference links to a sentence"
    for anchor in links:
        assert f'id="{anchor}"' in html
    # Only the reports' own words: each linked line is a sentence of one of them.
    for line in re.findall(r'<li><a href="#[ab]-\d+">([^<]+)</a></li>', section):
        assert unescape(line) in a.body_text or unescape(line) in b.body_text


def test_api_key_differences_are_sentences_of_the_reports(client, flood_event):
    _, a, b = flood_event
    data = api_rows(client, a.pk, b.pk)
    key = data["key_differences"]
    assert key["conflicts"] == [{"a": ["2,000 residents"], "b": ["about 3,000 residents"]}]
    assert all(s in a.body_text for s in key["only_a"]) and all(s in b.body_text for s in key["only_b"])
    assert {r["level"] for r in data["rows"] if r["kind"] == "match"} <= {"same", "related"}


def test_each_fact_table_check_shows_its_sentence_without_javascript(flood_event):
    event, _a, _ = flood_event
    html = render_to_string("articles/_fact_table.html", {"fact_table": event_fact_table(event)})
    cells = re.findall(
        r'<td class="carried"><details><summary>.*?</summary><p>“(.*?)”</p></details></td>', html
    )
    assert cells, "a carried cell opens to its sentence"
    bodies = "".join(x.body_text for x in event.articles.all())
    assert all(unescape(text) in bodies for text in cells)


def test_a_report_denying_a_claim_gets_no_check_for_it():
    from articles.compare.facts import fact_table

    reports = [
        {
            "id": 1,
            "outlet": "One",
            "title": "Bill",
            "analysis": read_report("Bill", "The governor said she will sign the bill."),
        },
        {
            "id": 2,
            "outlet": "Two",
            "title": "Bill",
            "analysis": read_report("Bill", "The governor did not say whether she will sign the bill."),
        },
    ]
    table = fact_table(reports)
    assert [claim["cells"] for claim in table["claims"]] == [[[0], []], [[], [0]]]


def test_a_report_giving_another_figure_for_a_claim_is_marked_with_its_figure_not_a_plain_check():
    from articles.compare.facts import fact_table

    texts = [
        "A KTX train derailed near Daejeon Station on Monday, injuring 14 people.",
        "A bullet train came off the rails in Daejeon on Monday, injuring 17 people.",
        "A KTX train derailed near Daejeon Station on Monday, injuring 14 people, officials said.",
    ]
    reports = [
        {"id": n, "outlet": f"Outlet {n}", "title": "Derailment", "analysis": read_report("Derailment", text)}
        for n, text in enumerate(texts)
    ]
    table = fact_table(reports)
    claim = table["claims"][0]
    assert claim["cells"] == [[0], [0], [0]]
    assert claim["differs"] == [None, ["17 people"], None]
    html = render_to_string(
        "articles/_fact_table.html", {"fact_table": {**table, "event_id": 1, "cache_key": "k"}}
    )
    assert html.count('class="carried differs"') == 1
    assert "≠ 17 people" in html
    assert "carried by Outlet 1, with another figure: 17 people" in html
    assert "“≠” gives the figure a report states" in html


def test_the_fact_table_explains_the_other_figure_mark_only_where_it_is_used(flood_event):
    event, _a, _ = flood_event
    html = render_to_string("articles/_fact_table.html", {"fact_table": event_fact_table(event)})
    assert "≠ about 3,000 residents" in html and "“≠” gives the figure" in html  # the floods' two counts
    from articles.compare.facts import fact_table

    texts = ["The council approved the budget on Monday.", "Councillors approved the budget on Monday."]
    reports = [
        {"id": n, "outlet": f"Outlet {n}", "title": "Budget", "analysis": read_report("Budget", text)}
        for n, text in enumerate(texts)
    ]
    table = {**fact_table(reports), "event_id": 1, "cache_key": "no-figures"}
    assert table["claims"][0]["cells"] == [[0], [0]]
    assert "≠" not in render_to_string("articles/_fact_table.html", {"fact_table": table})


def _reading_fails_for(monkeypatch, title: str) -> None:
    """The reading layer raises on the report titled `title` (as it may on text it cannot parse)."""
    from articles import comparisons

    real = comparisons.read_report

    def read(report_title, body, language="en"):
        if report_title == title:
            raise ValueError("the parser gave up")
        return real(report_title, body, language)

    monkeypatch.setattr(comparisons, "read_report", read)


def test_a_report_the_reading_cannot_read_is_left_out_of_the_fact_table_and_named(flood_event, monkeypatch):
    event, a, b = flood_event
    c = make_article("Valley Times", "Garbled page", WIRE_A, event, analysed=False)
    _reading_fails_for(monkeypatch, "Garbled page")

    table = event_fact_table(event)

    assert [r["id"] for r in table["reports"]] == [a.pk, b.pk]
    assert table["unreadable"] == [{"id": c.pk, "outlet": "Valley Times", "title": "Garbled page"}]
    html = render_to_string("articles/_fact_table.html", {"fact_table": table})
    assert "could not be analysed" in html and f"/articles/{c.pk}/" in html


def test_the_api_answers_422_with_the_report_for_a_comparison_with_an_unreadable_report(
    client, flood_event, monkeypatch
):
    event, a, _ = flood_event
    c = make_article("Valley Times", "Garbled page", WIRE_A, event, analysed=False)
    _reading_fails_for(monkeypatch, "Garbled page")

    response = client.get("/api/v1/compare", {"a": a.pk, "b": c.pk})

    assert response.status_code == 422
    assert response.json() == {"detail": f"Report {c.pk} could not be analysed, so it cannot be compared."}
    schema = client.get("/api/v1/openapi.json").json()
    responses = next(
        op for path, ops in schema["paths"].items() if path.endswith("/compare") for op in ops.values()
    )
    assert "422" in responses["responses"]


def test_the_compare_page_explains_a_report_that_cannot_be_analysed_and_caches_nothing(
    client, flood_event, monkeypatch
):
    event, a, _ = flood_event
    c = make_article("Valley Times", "Garbled page", WIRE_A, event, analysed=False)
    _reading_fails_for(monkeypatch, "Garbled page")

    response = client.get(reverse("articles:compare", args=[a.pk, c.pk]))

    assert response.status_code == 422
    text = unescape(response.content.decode())
    assert "“Garbled page” from Valley Times could not be analysed" in re.sub(r"<[^>]+>", "", text)
    monkeypatch.undo()  # the reading works again (a fixed reading layer): the comparison shows
    assert client.get(reverse("articles:compare", args=[a.pk, c.pk])).status_code == 200


def test_key_differences_never_say_a_report_has_no_claim_of_its_own_when_its_unmatched_lines_were_left_off():
    from articles.presenting import _key_differences

    empty = {"conflicts": [], "only_a": [], "only_b": [], "quotes_only_a": [], "quotes_only_b": []}
    empty |= {"people_only_a": [], "people_only_b": []}
    comparison = {
        # A's sentence 3 is matched by nothing, but close in meaning to one of B's: not listed.
        "rows": [{"kind": "match", "a": [0], "b": [0]}, {"kind": "only_a", "a": [3], "b": []}],
        "key_differences": empty,
    }
    key = _key_differences(comparison)
    sides = [{"key": "a", "outlet": "Left Wire"}, {"key": "b", "outlet": "Right Post"}]
    context = {"key": key, "sides": sides, "a": sides[0], "b": sides[1]}
    html = render_to_string("articles/_key_differences.html", context)
    left = html[html.index("Only Left Wire says") : html.index("Only Right Post says")]
    right = html[html.index("Only Right Post says") :]
    assert "No claim clearly its own" in left and "No claim of its own." not in left
    assert "No claim of its own." in right
    assert "No claim, quote, person or figure" not in html


STRIKE_A = "Dock workers walked out on Tuesday. The union said the strike would go on until Friday."
STRIKE_B = (
    'Dock workers walked out on Tuesday. "We move the goods of this whole country. We cannot even feed '
    'our own families," said Sipho Dube, a crane operator.'
)


def test_a_quote_told_over_two_sentences_is_shown_as_one_row_with_its_speaker(client):
    event = Event.objects.create(title="Dock strike")
    a = make_article("Harbour Times", "Dock strike", STRIKE_A, event)
    b = make_article("Port Daily", "Dock strike", STRIKE_B, event)
    html = client.get(reverse("articles:compare", args=[a.pk, b.pk])).content.decode()
    rows = re.findall(r'<li class="cmp-row.*?</li>', html, re.S)
    quoted = [row for row in rows if "We move the goods" in row or "We cannot even" in row]
    assert len(quoted) == 1
    assert "We move the goods" in quoted[0] and "We cannot even" in quoted[0]
    assert "One quote by Sipho Dube" in quoted[0]


def test_the_fact_table_holds_a_quote_told_over_two_sentences_as_one_claim():
    from articles.compare.facts import fact_table

    reports = [
        {
            "id": n,
            "outlet": f"Outlet {n}",
            "title": "Dock strike",
            "analysis": read_report("Dock strike", text),
        }
        for n, text in enumerate((STRIKE_A, STRIKE_B))
    ]
    claims = [claim for claim in fact_table(reports)["claims"] if "We move the goods" in claim["text"]]
    assert [claim["cells"] for claim in claims] == [[[], [1, 2]]]
    assert "We cannot even" in claims[0]["text"]


def test_a_sentence_shown_in_two_rows_keeps_one_anchor_and_its_later_row_says_where_else_it_stands():
    from articles.presenting import _rows

    def match(a: list[int], b: list[int]) -> dict:
        return {"kind": "match", "a": a, "b": b, "score": 0.9, "level": "same", "moved": False}

    comparison = {
        "sentences": {"a": [{"text": "Lead telling two things."}], "b": [{"text": "One."}, {"text": "Two."}]},
        "numbers": {"conflicts": []},
        "rows": [match([0], [0]), match([0], [1])],
    }
    rows = _rows(comparison, "Gazette", "Herald")
    element_ids = [i for row in rows for side in ("a", "b") for i in row[side]["ids"]]
    assert len(element_ids) == len(set(element_ids))
    assert rows[0]["a"]["ids"] == ["a-0"] and rows[1]["a"]["anchor"] == "#a-0"
    assert ("", "Gazette's sentence also in row 1") in rows[1]["badges"]
    assert not any("also in row" in text for _, text in rows[0]["badges"])


def test_a_quote_both_reports_carry_says_whom_each_gives_it_to_when_they_differ():
    from articles.presenting import _quotes

    def quote(text: str, speaker: str | None) -> dict:
        return {"text": text, "speaker": speaker, "speaker_key": None, "sentences": [0]}

    comparison = {
        "quotes": {
            "a": [
                quote("in the coming weeks", "Janelle K. Osei"),
                quote("full confidence", "Janelle K. Osei"),
            ],
            "b": [quote("in the coming weeks.", "White House"), quote("full confidence", "Osei")],
            "speakers": [],
            "shared": [{"a": 0, "b": 0, "score": 0.97}, {"a": 1, "b": 1, "score": 1.0}],
        }
    }
    shared = _quotes(comparison)["shared"]
    assert [(q["speaker"], q["b_speaker"]) for q in shared] == [
        ("Janelle K. Osei", "White House"),
        ("Janelle K. Osei", None),
    ]


def test_the_link_to_a_conflict_between_unpaired_sentences_says_the_figures_differ_not_that_they_match(
    flood_event,
):
    from articles.compare.compare import compare_analyses, with_conflict_rows
    from articles.presenting import comparison_page

    _, a, b = flood_event
    comparison = compare_analyses(a.analysis, b.analysis)
    sentences = (comparison["sentences"]["a"], comparison["sentences"]["b"])
    assert "2,000 residents" in sentences[0][0]["text"] and "3,000 residents" in sentences[1][1]["text"]
    # Both sentences one-sided and apart: the conflict's row stands at A's place, B's place
    # keeps a link to it (compare.with_conflict_rows); a plain match out of order follows.
    one_sided = [
        {"kind": "only_a", "a": [0], "b": [], "moved": False},
        {"kind": "match", "a": [2], "b": [0], "level": "same", "moved": False},
        {"kind": "only_b", "a": [], "b": [1], "moved": False},
        {"kind": "match", "a": [3], "b": [2], "level": "same", "moved": True},
        {"kind": "moved_b", "a": [3], "b": [2], "level": "same", "moved": True},
    ]
    conflict = {
        "a": ["2,000 residents"],
        "b": ["about 3,000 residents"],
        "a_sentences": [0],
        "b_sentences": [1],
    }
    comparison["rows"] = with_conflict_rows(one_sided, [conflict], sentences)
    comparison["numbers"]["conflicts"] = [conflict]
    html = render_to_string("articles/_compare_content.html", comparison_page(a, b, comparison))
    rows = re.findall(r'<li class="cmp-row.*?</li>', html, re.S)
    links = [unescape(row) for row in rows if 'data-kind="moved_b"' in row]
    assert len(links) == 2
    conflict_link, match_link = links
    assert "Numbers differ: shown in row 1" in conflict_link
    assert "the sentence of Riverton Gazette that gives another figure for it" in conflict_link
    assert "Matched" not in conflict_link and "matching sentence" not in conflict_link
    assert "Matched in row 4" in match_link and "the matching sentence of Riverton Gazette" in match_link
