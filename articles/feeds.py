"""Atom feeds: latest events, one outlet's reports, new reports of one event.

Atom sends an item's description as `<summary type="html">`, which feed readers render as
HTML without our CSP: every description is built from plain text through
`sanitize.text_as_html`. Titles and author names are Atom text constructs (no type), which
the feed generator XML-escapes and readers show as text.
"""

import datetime as dt

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from .models import Article, Event, Source
from .sanitize import text_as_html

FEED_LENGTH = 30


class ReportItems:
    """Shared item fields for feeds whose items are reports."""

    def item_title(self, item: Article) -> str:
        return f"{item.source.name}: {item.title}"

    def item_description(self, item: Article) -> str:
        return text_as_html(item.byline or "")

    def item_link(self, item: Article) -> str:
        return item.get_absolute_url()

    def item_pubdate(self, item: Article) -> dt.datetime:
        return item.published_at or item.created_at

    def item_updateddate(self, item: Article) -> dt.datetime:
        return item.published_at or item.created_at

    def item_author_name(self, item: Article) -> str:
        return item.byline or item.source.name


class LatestEventsFeed(Feed):
    feed_type = Atom1Feed
    title = "Coverage: latest events"
    subtitle = "News events with the outlets that reported them, by latest report."

    def link(self) -> str:
        return reverse("articles:home")

    def items(self) -> QuerySet[Event]:
        return Event.objects.with_reports().latest_first()[:FEED_LENGTH]

    def item_title(self, item: Event) -> str:
        return item.title

    def item_description(self, item: Event) -> str:
        outlets = f"{item.source_count} outlet{'s' if item.source_count != 1 else ''}"
        reports = f"{item.article_count} report{'s' if item.article_count != 1 else ''}"
        return text_as_html(f"{outlets}, {reports}. {item.summary}".strip())

    def item_pubdate(self, item: Event) -> dt.datetime:
        return item.first_published_at or item.created_at

    def item_updateddate(self, item: Event) -> dt.datetime:
        return item.last_published_at or item.updated_at


class OutletReportsFeed(ReportItems, Feed):
    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest, slug: str) -> Source:
        return get_object_or_404(Source, slug=slug)

    def title(self, obj: Source) -> str:
        return f"Coverage: reports from {obj.name}"

    def link(self, obj: Source) -> str:
        return obj.get_absolute_url()

    def items(self, obj: Source) -> QuerySet[Article]:
        return obj.articles.for_lists().latest_first()[:FEED_LENGTH]


class EventReportsFeed(ReportItems, Feed):
    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest, pk: int) -> Event:
        return get_object_or_404(Event, pk=pk)

    def title(self, obj: Event) -> str:
        return f"Coverage: new reports of “{obj.title}”"

    def link(self, obj: Event) -> str:
        return obj.get_absolute_url()

    def items(self, obj: Event) -> QuerySet[Article]:
        # Newest first by arrival: a late import of an old report is news to a subscriber too.
        return obj.articles.for_lists().order_by("-created_at", "-id")[:FEED_LENGTH]

    def item_pubdate(self, item: Article) -> dt.datetime:
        return item.created_at
