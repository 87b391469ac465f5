"""Import by URL: the command and the admin fetch pages from a local server, read them with
trafilatura and store them through the import pipeline; every bad URL gets its own reason."""

import io
import re

import pytest
from django.core.management import CommandError, call_command
from import_helpers import PARAGRAPHS
from local_web import Answer, article_page

from articles.importing.fetching import FetchError, check_address
from articles.importing.webpages import policy_from_settings, read_url
from articles.models import Article, ImportBatch, ImportOrigin, Source

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("local_fetching")]
ADMIN_URL = "/admin/articles/import/"


def paragraphs(topic: str) -> list[str]:
    return [p.replace("harbour bridge", topic) for p in PARAGRAPHS]


def run(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_articles", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_command_imports_a_page_with_its_headline_byline_date_outlet_and_canonical_url(web):
    url = web.page(
        "/news/2026/bridge?utm_source=x",
        article_page(
            "Harbour bridge closed to lorries",
            paragraphs("harbour bridge"),
            outlet="Valley Gazette",
            canonical="/news/2026/bridge",
        ),
    )
    out, err = run("--url", url)
    assert "created 1, duplicates 0, failed 0" in out, err
    article = Article.objects.get()
    assert article.title == "Harbour bridge closed to lorries"
    assert article.source.name == "Valley Gazette" and not article.outlet_assumed
    assert article.byline == "Jane Doe"
    assert article.published_at.isoformat().startswith("2026-03-05")
    assert article.url == web.url("/news/2026/bridge")
    assert "engineers found cracks" in article.body_text
    assert "Cookie policy" not in article.body_text and "Sport" not in article.body_text
    assert article.batch.origin == ImportOrigin.COMMAND


def test_a_page_naming_no_outlet_takes_the_known_outlet_of_its_domain(web):
    Source.objects.create(name="Harbour Herald", slug="harbour-herald", domain="127.0.0.1")
    url = web.page("/a", article_page("Ferry fares rise", paragraphs("ferry"), outlet=""))
    out, _ = run("--url", url, "--source", "Chosen Outlet")
    assert "created 1" in out
    assert Article.objects.get().source.name == "Harbour Herald"


def test_a_page_naming_no_outlet_on_an_unknown_domain_takes_the_staff_choice(web):
    url = web.page("/a", article_page("Ferry fares rise", paragraphs("ferry"), outlet=""))
    out, _ = run("--url", url, "--source", "Chosen Outlet")
    assert "created 1" in out
    article = Article.objects.get()
    assert article.source.name == "Chosen Outlet" and article.outlet_assumed


def test_urls_file_is_read_one_a_line_and_a_bad_url_never_sinks_the_others(web, tmp_path):
    good = web.page("/good", article_page("Tunnel reopens", paragraphs("tunnel"), outlet="Valley Gazette"))
    missing = web.url("/missing")
    listing = tmp_path / "urls.txt"
    listing.write_text(f"# today's reports\n{good}\n\n{missing}\nftp://example.com/a\n", encoding="utf-8")
    out, err = run("--urls", str(listing))
    assert "created 1, duplicates 0, failed 2" in out
    assert f"failed: {missing}: the server answered 404 Not Found" in err
    assert "failed: ftp://example.com/a: the URL must start with http:// or https://" in err
    assert Article.objects.get().title == "Tunnel reopens"
    assert ImportBatch.objects.get().failed_count == 2


def test_a_command_whose_every_url_fails_says_nothing_was_imported(web):
    with pytest.raises(CommandError, match="nothing was imported"):
        run("--url", web.url("/missing"))
    assert not Article.objects.exists()


def test_the_command_needs_paths_or_urls():
    with pytest.raises(CommandError, match="--url URL"):
        run()


def loop(web) -> str:
    web.routes["/loop/a"] = Answer(status=302, headers={"Location": "/loop/b"})
    web.routes["/loop/b"] = Answer(status=302, headers={"Location": "/loop/a"})
    return "/loop/a"


def chain(web) -> str:
    for n in range(6):
        web.routes[f"/hop/{n}"] = Answer(status=301, headers={"Location": f"/hop/{n + 1}"})
    return "/hop/0"


def slow(web) -> str:
    web.page("/slow", article_page("Late", paragraphs("late")), delay=5)
    return "/slow"


def huge(web) -> str:
    web.page("/huge", article_page("Huge", paragraphs("huge") * 400))
    return "/huge"


def pdf(web) -> str:
    web.page("/report.pdf", b"%PDF-1.7 binary", content_type="application/pdf")
    return "/report.pdf"


def to_file(web) -> str:
    web.routes["/escape"] = Answer(status=302, headers={"Location": "file:///etc/passwd"})
    return "/escape"


def furniture_only(web) -> str:
    web.page("/empty", "<html><head><title>Live: updates</title></head><body><nav></nav></body></html>")
    return "/empty"


@pytest.mark.parametrize(
    ("serve", "reason"),
    [
        (lambda web: "/nowhere", "the server answered 404 Not Found"),
        (slow, "timed out: 127.0.0.1 did not answer within 0.5 seconds"),
        (loop, "redirect loop"),
        (chain, "too many redirects (more than 3)"),
        (huge, "too large"),
        (pdf, "not an HTML page (the server says it is application/pdf)"),
        (to_file, "the URL must start with http:// or https://"),
        (furniture_only, "no article text found on this page"),
    ],
    ids=[
        "404",
        "slow",
        "redirect-loop",
        "redirect-chain",
        "too-large",
        "not-html",
        "redirect-to-file",
        "empty",
    ],
)
def test_each_bad_page_is_refused_with_its_reason_and_nothing_is_stored(web, serve, reason):
    url = web.url(serve(web))
    failure = read_url(url, policy=policy_from_settings())
    assert failure.label == url
    assert reason in failure.reason
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_articles", "--url", url, stdout=out, stderr=err)
    assert reason in err.getvalue()
    assert not Article.objects.exists() and not Source.objects.exists()


@pytest.mark.parametrize(
    "address",
    ["http://127.0.0.1/", "http://169.254.169.254/latest/meta-data/", "http://10.0.0.8/", "http://[::1]/"],
)
def test_private_loopback_and_link_local_addresses_are_refused_by_default(settings, address):
    settings.FETCH_ALLOW_PRIVATE_ADDRESSES = False
    with pytest.raises(FetchError, match="private, loopback or link-local"):
        check_address(address, allow_private=settings.FETCH_ALLOW_PRIVATE_ADDRESSES)
    failure = read_url(address, policy=policy_from_settings())
    assert "FETCH_ALLOW_PRIVATE_ADDRESSES" in failure.reason


def test_a_windows_1252_page_without_a_charset_header_keeps_its_accents_and_quotes(web):
    quote = "“We are delighted,” said the café’s owner, Zoë Brontë, whose crème brûlée is famous."
    text = [*paragraphs("café terrace"), quote]
    html = article_page("Café terrace reopens", text, outlet="Valley Gazette", charset_meta="")
    url = web.page("/cafe", html.encode("cp1252"), content_type="text/html")
    out, err = run("--url", url)
    assert "created 1" in out, err
    article = Article.objects.get()
    assert article.title == "Café terrace reopens"
    assert "“We are delighted,” said the café’s owner, Zoë Brontë" in article.body_text


def test_a_page_declaring_its_charset_only_in_a_meta_tag_is_decoded_by_it(web):
    html = article_page("Crème brûlée shortage", paragraphs("pâtisserie"), charset_meta="windows-1252")
    url = web.page("/meta", html.encode("cp1252"), content_type="text/html", headers={})
    record = read_url(url, policy=policy_from_settings())
    assert record.title == "Crème brûlée shortage"
    assert "pâtisserie" in record.text


def test_admin_previews_urls_without_storing_then_imports_what_was_previewed_without_refetching(
    web, staff_client
):
    good = web.page("/good", article_page("Tunnel reopens", paragraphs("tunnel"), outlet="Valley Gazette"))
    missing = web.url("/missing")
    preview = staff_client.post(ADMIN_URL, {"urls": f"{good}\n{missing}\n"})
    page = preview.content.decode()
    assert "Preview: nothing has been stored yet" in page
    assert "Tunnel reopens" in page and "Valley Gazette" in page
    assert "the server answered 404 Not Found" in page
    assert not Article.objects.exists()
    asked = len(web.requests)

    token = re.search(r'name="token" value="([^"]+)"', page).group(1)
    response = staff_client.post(ADMIN_URL, {"token": token})
    batch = ImportBatch.objects.get()
    assert response["Location"] == batch.get_absolute_url()
    assert batch.origin == ImportOrigin.URL
    assert (batch.created_count, batch.failed_count) == (1, 1)
    assert Article.objects.get().title == "Tunnel reopens"
    assert len(web.requests) == asked  # the confirm stored what the preview fetched


def test_admin_refuses_more_urls_than_the_limit_with_a_message(staff_client, settings):
    settings.FETCH_MAX_URLS = 2
    urls = "\n".join(f"http://127.0.0.1/{n}" for n in range(3))
    page = staff_client.post(ADMIN_URL, {"urls": urls}).content.decode()
    assert "Too many URLs: 3; the limit is 2." in page
    assert not ImportBatch.objects.exists()
