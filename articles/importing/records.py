"""What the readers hand to the pipeline: raw records and refused items."""

from dataclasses import dataclass, field
from typing import Any, Literal

# "page": text copied from a web page (headline, outlet and byline are in the text);
# "record": a structured record (JSON, JSONL, CSV) whose fields say what is what.
Kind = Literal["page", "record"]


@dataclass
class RawRecord:
    """One article as read from the input, before validation and cleaning."""

    label: str  # where it came from: "feed.jsonl line 3", "pasted text", "a.zip/b.html"
    kind: Kind
    title: str = ""
    source: str = ""
    url: str = ""
    published_at: str = ""
    byline: str = ""
    text: str = ""
    html: str = ""
    # Fields we do not use, kept for callers (e.g. an evaluation tool's label column).
    extra: dict[str, Any] = field(default_factory=dict)
    # Set by readers that already know clean values (HTML metadata from trafilatura).
    warnings: list[str] = field(default_factory=list)


@dataclass
class ItemFailure:
    """An input item refused before it became an article, with the reason why."""

    label: str
    reason: str


@dataclass
class InputFile:
    """A file as received: its name (for messages and format) and its bytes."""

    name: str
    data: bytes


class InputError(ValueError):
    """A whole input (file, archive, upload) refused; the message names it and says why."""
