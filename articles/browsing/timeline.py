"""Geometry of the event timeline: one row per outlet, one dot per report. Plain Python.

The template draws the SVG from these numbers; a table beside it carries the same facts as text.
"""

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

WIDTH = 720
LABEL_WIDTH = 170
ROW_HEIGHT = 28
TOP = 12
AXIS_HEIGHT = 34
RIGHT_PAD = 16
TICKS = 4


@dataclass(frozen=True)
class TimelineReport:
    outlet: str
    published_at: dt.datetime
    title: str
    url: str
    # False when the source gave only the day (published_at is its midnight UTC).
    time_known: bool = True


@dataclass(frozen=True)
class Dot:
    x: float
    y: float
    report: TimelineReport


@dataclass(frozen=True)
class Row:
    outlet: str
    y: float
    dots: list[Dot]


@dataclass(frozen=True)
class Tick:
    x: float
    label: str
    anchor: str = ""  # text-anchor; "" lets the template pin the ends to the plot's edges


@dataclass(frozen=True)
class Timeline:
    width: int
    height: int
    plot_left: int
    plot_right: int
    axis_y: float
    rows: list[Row]
    ticks: list[Tick]
    start: dt.datetime
    end: dt.datetime
    # True when no report has a time of day: the axis is in days and dots sit mid-day.
    days: bool = False

    @property
    def last_day(self) -> dt.datetime:
        """The last day drawn, when the axis is in days (end is the midnight after it)."""
        return self.end - dt.timedelta(days=1)


def _tick_label(moment: dt.datetime, span: dt.timedelta) -> str:
    if span <= dt.timedelta(days=2):
        return moment.strftime("%d %b %H:%M")
    return moment.strftime("%d %b %Y")


def build_timeline(reports: Sequence[TimelineReport]) -> Timeline | None:
    """Lay out dated reports; None when no report has a date (nothing to draw)."""
    if not reports:
        return None
    days = not any(report.time_known for report in reports)
    start = min(report.published_at for report in reports)
    end = max(report.published_at for report in reports)
    if days:
        # Each day is a band from its midnight to the next: a date alone says no more.
        end += dt.timedelta(days=1)
    span = end - start
    if not days and span < dt.timedelta(hours=1):
        # Reports within the same hour still get a readable axis an hour wide.
        start -= dt.timedelta(minutes=30)
        end += dt.timedelta(minutes=30)
        span = end - start
    plot_left, plot_right = LABEL_WIDTH, WIDTH - RIGHT_PAD
    plot_width = plot_right - plot_left

    def x_of(moment: dt.datetime) -> float:
        return round(plot_left + plot_width * ((moment - start) / span), 1)

    def x_of_report(report: TimelineReport) -> float:
        return x_of(report.published_at + dt.timedelta(hours=12) if days else report.published_at)

    outlets: list[str] = []
    for report in sorted(reports, key=lambda r: r.published_at):
        if report.outlet not in outlets:
            outlets.append(report.outlet)
    rows = []
    for index, outlet in enumerate(outlets):
        y = TOP + index * ROW_HEIGHT + ROW_HEIGHT / 2
        dots = [
            Dot(x_of_report(report), y, report)
            for report in sorted(reports, key=lambda r: r.published_at)
            if report.outlet == outlet
        ]
        rows.append(Row(outlet, y, dots))
    axis_y = TOP + len(outlets) * ROW_HEIGHT + 4
    ticks = (
        _day_ticks(start, span.days, x_of)
        if days
        else [
            Tick(x_of(start + span * i / TICKS), _tick_label(start + span * i / TICKS, span))
            for i in range(TICKS + 1)
        ]
    )
    return Timeline(
        width=WIDTH,
        height=int(axis_y + AXIS_HEIGHT),
        plot_left=plot_left,
        plot_right=plot_right,
        axis_y=axis_y,
        rows=rows,
        ticks=ticks,
        start=start,
        end=end,
        days=days,
    )


def _day_ticks(start: dt.datetime, count: int, x_of: Callable[[dt.datetime], float]) -> list[Tick]:
    """A label under the middle of each day, or of TICKS + 1 days spread over a longer span."""
    if count <= TICKS + 1:
        chosen = list(range(count))
    else:
        chosen = sorted({round((count - 1) * i / TICKS) for i in range(TICKS + 1)})
    return [
        Tick(x_of(day + dt.timedelta(hours=12)), day.strftime("%d %b %Y"), "middle")
        for day in (start + dt.timedelta(days=d) for d in chosen)
    ]
