"""Geometry of the event timeline: one row per outlet, one dot per report. Plain Python.

The template draws the SVG from these numbers; a table beside it carries the same facts as text.
"""

import datetime as dt
from collections.abc import Sequence
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


def _tick_label(moment: dt.datetime, span: dt.timedelta) -> str:
    if span <= dt.timedelta(days=2):
        return moment.strftime("%d %b %H:%M")
    return moment.strftime("%d %b %Y")


def build_timeline(reports: Sequence[TimelineReport]) -> Timeline | None:
    """Lay out dated reports; None when no report has a date (nothing to draw)."""
    if not reports:
        return None
    start = min(report.published_at for report in reports)
    end = max(report.published_at for report in reports)
    span = end - start
    if span < dt.timedelta(hours=1):
        # Reports within the same hour still get a readable axis an hour wide.
        start -= dt.timedelta(minutes=30)
        end += dt.timedelta(minutes=30)
        span = end - start
    plot_left, plot_right = LABEL_WIDTH, WIDTH - RIGHT_PAD
    plot_width = plot_right - plot_left

    def x_of(moment: dt.datetime) -> float:
        return round(plot_left + plot_width * ((moment - start) / span), 1)

    outlets: list[str] = []
    for report in sorted(reports, key=lambda r: r.published_at):
        if report.outlet not in outlets:
            outlets.append(report.outlet)
    rows = []
    for index, outlet in enumerate(outlets):
        y = TOP + index * ROW_HEIGHT + ROW_HEIGHT / 2
        dots = [
            Dot(x_of(report.published_at), y, report)
            for report in sorted(reports, key=lambda r: r.published_at)
            if report.outlet == outlet
        ]
        rows.append(Row(outlet, y, dots))
    axis_y = TOP + len(outlets) * ROW_HEIGHT + 4
    ticks = [
        Tick(x_of(start + span * i / TICKS), _tick_label(start + span * i / TICKS, span))
        for i in range(TICKS + 1)
    ]
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
    )
