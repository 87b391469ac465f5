"""Data model: outlets (sources), events, articles (reports), import batches and feeds.

One module per concept; features that need tables of their own add a module
here (e.g. grouping's candidate index) and import it below.
"""

from .articles import Article, ArticleQuerySet, GroupingStatus, IngestStage
from .batches import ImportBatch, ImportOrigin, ImportStatus
from .events import Event, EventQuerySet, MergedEvent, PossiblySame
from .following import Feed, FeedEntry
from .grouping import EventKey, EventProfile, KeyFrequency, ReportFeatures
from .sources import Source

__all__ = [
    "Article",
    "ArticleQuerySet",
    "Event",
    "EventKey",
    "EventProfile",
    "EventQuerySet",
    "Feed",
    "FeedEntry",
    "GroupingStatus",
    "ImportBatch",
    "ImportOrigin",
    "ImportStatus",
    "IngestStage",
    "KeyFrequency",
    "MergedEvent",
    "PossiblySame",
    "ReportFeatures",
    "Source",
]
