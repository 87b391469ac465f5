"""Shapes of the API's answers and of its query parameters (documented in the OpenAPI schema)."""

import datetime as dt
from typing import Literal

from ninja import Field, Schema
from pydantic import field_validator

from ..filters import MAX_ID


class ErrorDetail(Schema):
    parameter: str
    message: str


class BadRequest(Schema):
    detail: list[ErrorDetail] = Field(description="One entry per parameter that is wrong")


class NotFound(Schema):
    detail: str


class Unprocessable(Schema):
    detail: str = Field(description="Why the request cannot be answered, e.g. which report could not be read")


class Page(Schema):
    limit: int = Field(20, ge=1, le=100, description="How many items to return (1 to 100).")
    offset: int = Field(0, ge=0, le=10_000_000, description="How many items to skip.")


class DayRange(Schema):
    published_after: dt.date | None = Field(
        None, description="Only from this day on (YYYY-MM-DD, UTC, inclusive)."
    )
    published_before: dt.date | None = Field(
        None, description="Only up to this day (YYYY-MM-DD, UTC, inclusive)."
    )

    @field_validator("published_after", "published_before", mode="before")
    @classmethod
    def _whole_day_written_out(cls, value: object) -> object:
        # pydantic would also read "0" or "1700000000" as a Unix time; the schema promises
        # YYYY-MM-DD, so that is all we accept.
        if isinstance(value, str) and not (len(value) == 10 and value[4] == "-" and value[7] == "-"):
            raise ValueError("Input should be a day written as YYYY-MM-DD")
        return value


class ArticleParams(Page, DayRange):
    source: str | None = Field(None, max_length=200, description="Outlet slug, as in /api/v1/sources.")
    event: int | None = Field(None, ge=1, le=MAX_ID, description="Event id: only this event's reports.")
    unassigned: bool = Field(False, description="Only reports not grouped into an event yet.")
    q: str | None = Field(
        None,
        max_length=500,
        description="Words that must all appear in the headline or body (full-text match; newest first).",
    )
    search: str | None = Field(
        None,
        max_length=500,
        description="Words to search for, results ranked by relevance (at most the 1,000 best matches).",
    )


class EventParams(Page, DayRange):
    source: str | None = Field(None, max_length=200, description="Outlet slug: events this outlet reported.")
    q: str | None = Field(None, max_length=200, description="Text the event's title contains.")
    min_outlets: int | None = Field(
        None, ge=1, le=MAX_ID, description="Only events reported by at least this many outlets."
    )
    sort: Literal["latest", "covered"] = Field(
        "latest", description="latest: by latest report; covered: by number of outlets."
    )


class ArticleOut(Schema):
    id: int
    title: str
    source: str = Field(description="Outlet name")
    source_slug: str
    url: str | None = Field(description="The original report's address, when known")
    published_at: dt.datetime | None
    event: int | None = Field(description="Event id, or null when not grouped yet")
    being_analysed: bool = Field(
        description="Stored moments ago and still being read and grouped: its event and analysis are to come"
    )
    link: str = Field(description="This report's page on the site")


class Grouping(Schema):
    status: str
    score: float | None
    explanation: str | None = Field(description="Why the report is in its event, in words")


class ArticleDetailOut(ArticleOut):
    byline: str
    language: str
    word_count: int
    body_text: str
    event_title: str | None
    grouping: Grouping


class ArticleList(Schema):
    items: list[ArticleOut]
    count: int


class EventOut(Schema):
    id: int
    title: str
    summary: str
    article_count: int
    source_count: int
    first_published_at: dt.datetime | None
    last_published_at: dt.datetime | None
    link: str


class EventList(Schema):
    items: list[EventOut]
    count: int


class EventArticleOut(ArticleOut):
    grouping: Grouping


class OutletRef(Schema):
    name: str
    slug: str


class PossiblySameOut(Schema):
    id: int = Field(description="The other event's id")
    title: str
    score: float = Field(
        description="Its best grouping score with this event (0 to 1): just under the threshold, "
        "or lower for an event that began within half a day of this one"
    )


class EventDetailOut(EventOut):
    articles: list[EventArticleOut]
    not_covered_by: list[OutletRef] = Field(
        description="Outlets that usually cover what this event's outlets cover but have no report "
        "of it nor of any event possibly the same story (the event page's rule)"
    )
    possibly_same: list[PossiblySameOut] = Field(
        description="Events that scored just under the grouping threshold with this one, or that "
        "began within half a day of it and scored at least the link line: possibly the same story "
        "told from another angle"
    )


class SourceOut(Schema):
    id: int
    name: str
    slug: str
    homepage: str
    domain: str
    country: str
    language: str
    report_count: int
    event_count: int


class SourceList(Schema):
    items: list[SourceOut]
    count: int
