"""Reading publication dates: ISO 8601 fields, RFC 2822 feed dates and dates written on pages."""

import re
from datetime import UTC, date, datetime, time, timedelta, timezone
from email.utils import parsedate_to_datetime

from htmldate import find_date

from .rules import Rules

_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
# re.ASCII: without it \d also takes Arabic-Indic, Devanagari... digits, which int() reads,
# so "GMT+٣٠" would become a 30-hour offset.
_DATE_FORMS = [
    re.compile(r"(?P<iso>(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2}))", re.ASCII),
    re.compile(rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}", re.ASCII),
    re.compile(rf"{_DAY}\s+{_MONTH},?\s+{_YEAR}", re.ASCII),
]
_TIME = re.compile(
    r"(?:\bat\s+)?(?P<h>\d{1,2})[:.](?P<m>\d{2})(?:[:.]\d{2})?\s*(?P<ampm>[ap]\.?\s?m\.?)?",
    re.IGNORECASE | re.ASCII,
)
_OFFSET = re.compile(
    r"\b(?:utc|gmt)?\s*(?P<sign>[+-])(?P<oh>\d{1,2}):?(?P<om>\d{2})?\b", re.IGNORECASE | re.ASCII
)
# Real zones lie within UTC-12 and UTC+14; datetime refuses 24 hours or more outright.
_MAX_OFFSET = timedelta(hours=14)
_WORD = re.compile(r"[A-Za-z]+")
# What may remain on a date line once the date, time and zone are taken out.
_LEFTOVER = re.compile(r"^[\s,|·•@/()\-–—:]*$")


# What day_in_url gives htmldate as the page: nothing to read but the URL.
_EMPTY_PAGE = "<html><body></body></html>"


class DateError(ValueError):
    pass


class DayOnly(datetime):
    """A publication known only to the day: midnight UTC of that day, no time of its own.

    A datetime, so every caller that passes dates along keeps working; the import asks
    time_known() when it stores the report, and pages then show the day, never "00:00".
    """


def day_only(day: date) -> DayOnly:
    return DayOnly(day.year, day.month, day.day, tzinfo=UTC)


def time_known(moment: datetime | None) -> bool:
    """Whether the source gave a time of day (False only for a date alone)."""
    return not isinstance(moment, DayOnly)


def day_in_url(url: str) -> DayOnly | None:
    """The day a dated URL path names ("/politics/2019/01/25/shutdown/"), or None.

    Many outlets put the day of publication in the address; it is the only date a pasted page
    or a bare JSON record may carry. htmldate reads the URL forms news sites use and refuses
    impossible and future days; it is handed an empty page, so it reads the URL alone and
    fetches nothing.
    """
    found = find_date(_EMPTY_PAGE, url=url, extensive_search=False, original_date=True)
    return day_only(date.fromisoformat(found)) if found else None


def parse_date_field(value: str) -> datetime:
    """A record's `published_at`: ISO 8601 date or datetime (a bare date is a DayOnly).

    RFC 2822 dates (feeds) and dates written out in words are accepted too.
    Naive times are taken as UTC. Raises DateError naming the value when nothing fits.
    """
    text = value.strip()
    if not text:
        raise DateError("empty date")
    parsed: datetime | None
    try:
        # First: datetime.fromisoformat would read "2019-01-18" as a midnight it never said.
        parsed = day_only(date.fromisoformat(text))
    except ValueError:
        parsed = None
    if parsed is None:
        try:
            parsed = datetime.fromisoformat(text.replace(" ", "T", 1) if len(text) > 10 else text)
        except ValueError:
            parsed = None
    if parsed is None:
        try:
            parsed = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            parsed = None
    if parsed is None:
        from .rules import rules_for

        parsed = parse_date_line(text, rules_for("en"))
    if parsed is None:
        raise DateError(f"date {value[:60]!r} does not parse (expected ISO 8601, e.g. 2019-01-18)")
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    if not 1900 <= parsed.year <= 2100:
        raise DateError(f"date {value[:60]!r} is out of range")
    return parsed


# Between the dates of one line: "Posted: 2019-03-01 08:50 | Updated: 2019-03-01 10:15".
_DATE_SEPARATOR = re.compile(r"\s+[|·•]\s+")


def parse_date_line(line: str, rules: Rules) -> datetime | None:
    """The date on a line that holds nothing else ("Published 18 January 2019 10:32 GMT").

    Returns None when the line is not just a date, so body sentences that mention a
    date are never mistaken for the dateline. A line of several dates ("Posted ... |
    Updated ...") gives the earliest: a page is published before it is updated, whatever
    words the language labels them with.
    """
    if len(line) > 90:
        return None
    segments = _DATE_SEPARATOR.split(line.strip())
    if len(segments) > 1:
        dates = [_one_date(segment, rules) for segment in segments]
        if all(dates):
            return min(dates)  # type: ignore[type-var]
    return _one_date(line, rules)


def _one_date(line: str, rules: Rules) -> datetime | None:
    rest = rules.date_prefix.sub("", line.strip())
    rest = rules.weekdays.sub(" ", rest)
    found = None
    for form in _DATE_FORMS:
        found = form.search(rest)
        if found:
            break
    if found is None:
        return None
    try:
        if found.groupdict().get("iso"):
            day = date(int(found["iy"]), int(found["im"]), int(found["id"]))
        else:
            month = rules.months.get(found["month"].lower())
            if month is None:
                return None
            day = date(int(found["year"]), month, int(found["day"]))
    except ValueError:
        return None
    rest = rest[: found.start()] + " " + rest[found.end() :]
    moment = time(0)
    clock = _TIME.search(rest)
    if clock:
        hour, minute = int(clock["h"]), int(clock["m"])
        ampm = (clock["ampm"] or "").lower().replace(".", "").replace(" ", "")
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        if hour > 23 or minute > 59:
            return None
        moment = time(hour, minute)
        rest = rest[: clock.start()] + " " + rest[clock.end() :]
    offset = timedelta(0)
    numeric = _OFFSET.search(rest) if clock else None
    if numeric:
        sign = -1 if numeric["sign"] == "-" else 1
        offset = sign * timedelta(hours=int(numeric["oh"]), minutes=int(numeric["om"] or 0))
        if abs(offset) > _MAX_OFFSET or int(numeric["om"] or 0) > 59:
            return None  # "GMT+30" is no time zone, so the line is not a dateline we can read
        rest = rest[: numeric.start()] + " " + rest[numeric.end() :]
    for word in _WORD.findall(rest):
        minutes = rules.timezones.get(word.lower())
        if minutes is None:
            return None  # a word that is neither date, time nor zone: not a date line
        offset = timedelta(minutes=minutes)
        rest = rest.replace(word, " ", 1)
    if not _LEFTOVER.match(rest):
        return None
    if not clock:
        # The day as written: a zone without a time must not move it to the day before.
        return day_only(day)
    return datetime.combine(day, moment, tzinfo=timezone(offset)).astimezone(UTC)
