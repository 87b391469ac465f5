"""Readers: one per input format, each turning an `InputFile` into raw records.

Every reader yields `RawRecord`s and `ItemFailure`s; a whole-file problem (not JSON,
no text column) is raised as `InputError` naming the file.
"""

import csv
import io
import json
import logging
from collections.abc import Callable, Iterator
from typing import Any

from .decoding import decode_bytes
from .records import InputError, InputFile, ItemFailure, RawRecord

FIELDS = ("title", "source", "url", "published_at", "byline", "text", "html")
# Common spellings in exports, mapped to our field names.
FIELD_ALIASES = {
    "headline": "title",
    "outlet": "source",
    "publication": "source",
    "link": "url",
    "date": "published_at",
    "published": "published_at",
    "pub_date": "published_at",
    "author": "byline",
    "authors": "byline",
    "body": "text",
    "content": "text",
    "body_text": "text",
    "body_html": "html",
}

Item = RawRecord | ItemFailure
logger = logging.getLogger(__name__)
# What staff see for an error we did not foresee; the traceback goes to the log.
UNEXPECTED = "could not be read (an unexpected error; the details are in the server log)"


class _NotJson(ValueError):
    """JSON that json.loads refuses, with a reason a person can act on."""


# An article record nests a few levels at most. Deeper data is refused whatever the
# Python version's own recursion limit, because anything that walks it later (a copy, a
# repr) would recurse as deep.
MAX_JSON_DEPTH = 64


def _depth_exceeds(data: Any, limit: int) -> bool:
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict | list):
            if depth > limit:
                return True
            children = value.values() if isinstance(value, dict) else value
            stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return False


def _loads(text: str) -> Any:
    try:
        data = json.loads(text)
        if _depth_exceeds(data, MAX_JSON_DEPTH):
            raise RecursionError
        return data
    except json.JSONDecodeError as error:
        raise _NotJson(f"not valid JSON ({error.msg} at line {error.lineno})") from None
    except RecursionError:
        raise _NotJson(
            f"the JSON is nested too deeply to be articles (more than {MAX_JSON_DEPTH} levels)"
        ) from None
    except ValueError as error:
        # Python refuses to read integers of more than 4,300 digits (a denial-of-service guard).
        if "digits" in str(error):
            raise _NotJson("the JSON holds a number with thousands of digits") from None
        raise _NotJson(f"not valid JSON ({error})") from None


def read_pasted_text(text: str, label: str = "pasted text") -> Iterator[Item]:
    if not text.strip():
        yield ItemFailure(label, "the pasted text is empty")
        return
    yield RawRecord(label=label, kind="page", text=text)


def read_text_file(file: InputFile) -> Iterator[Item]:
    yield RawRecord(label=file.name, kind="page", text=decode_bytes(file.data, file.name))


def read_html_file(file: InputFile) -> Iterator[Item]:
    import trafilatura  # heavy import, only needed for HTML

    markup = decode_bytes(file.data, file.name)
    document = trafilatura.bare_extraction(markup, with_metadata=True, include_comments=False)
    if document is None or not (document.text or "").strip():
        yield ItemFailure(file.name, "no article text found in this HTML page")
        return
    html = trafilatura.extract(markup, output_format="html", include_comments=False, include_formatting=True)
    yield RawRecord(
        label=file.name,
        kind="record",
        title=document.title or "",
        source=document.sitename or "",
        url=document.url or "",
        published_at=document.date or "",
        byline=document.author or "",
        text=document.text,
        html=html or "",
    )


def record_from_mapping(mapping: dict[str, Any], label: str) -> Item:
    if not isinstance(mapping, dict):
        return ItemFailure(label, f"expected an article object, found {type(mapping).__name__}")
    values: dict[str, str] = {}
    extra: dict[str, Any] = {}
    for key, value in mapping.items():
        name = str(key).strip().lower()
        name = FIELD_ALIASES.get(name, name)
        if name in FIELDS and name not in values:
            if value is not None and not isinstance(value, str | int | float):
                return ItemFailure(label, f"field {key!r} must be text, found {type(value).__name__}")
            values[name] = "" if value is None else str(value)
        else:
            extra[str(key)] = value
    if not values.get("text", "").strip() and not values.get("html", "").strip():
        return ItemFailure(label, "no article text (give a 'text' or 'html' field)")
    return RawRecord(label=label, kind="record", extra=extra, **values)


def read_json_file(file: InputFile) -> Iterator[Item]:
    text = decode_bytes(file.data, file.name)
    try:
        data = _loads(text)
    except _NotJson as error:
        raise InputError(f"{file.name}: {error}") from None
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list) or not data or not all(isinstance(item, dict) for item in data):
        raise InputError(f"{file.name}: this JSON is not articles (expected an object or a list of objects)")
    if not any({"text", "html", "body", "content"} & {str(k).lower() for k in item} for item in data):
        raise InputError(f"{file.name}: this JSON is not articles (no object has a 'text' or 'html' field)")
    for number, item in enumerate(data, start=1):
        yield record_from_mapping(item, f"{file.name} item {number}")


def read_jsonl_file(file: InputFile) -> Iterator[Item]:
    text = decode_bytes(file.data, file.name)
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        label = f"{file.name} line {number}"
        try:
            item = _loads(line)
        except _NotJson as error:
            yield ItemFailure(label, str(error).replace(" at line 1)", ")"))
            continue
        yield record_from_mapping(item, label)


def read_csv_file(file: InputFile) -> Iterator[Item]:
    text = decode_bytes(file.data, file.name)
    csv.field_size_limit(16 * 1024 * 1024)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        header = next(reader)
    except StopIteration:
        raise InputError(f"{file.name}: the file is empty") from None
    columns = [FIELD_ALIASES.get(h.strip().lower(), h.strip().lower()) for h in header]
    if "text" not in columns and "html" not in columns:
        raise InputError(f"{file.name}: the CSV has no 'text' (or 'html') column; columns are {header}")
    try:
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            label = f"{file.name} row {reader.line_num}"
            if len(row) != len(header):
                yield ItemFailure(label, f"expected {len(header)} columns, found {len(row)}")
                continue
            yield record_from_mapping(dict(zip(header, row, strict=True)), label)
    except csv.Error as error:
        raise InputError(f"{file.name}: broken CSV near line {reader.line_num} ({error})") from None


READERS: dict[str, Callable[[InputFile], Iterator[Item]]] = {
    ".txt": read_text_file,
    ".text": read_text_file,
    ".html": read_html_file,
    ".htm": read_html_file,
    ".json": read_json_file,
    ".jsonl": read_jsonl_file,
    ".ndjson": read_jsonl_file,
    ".csv": read_csv_file,
}


def extension(name: str) -> str:
    base = name.rsplit("/", 1)[-1].lower()
    return "." + base.rsplit(".", 1)[1] if "." in base else ""


def read_file(file: InputFile) -> Iterator[Item]:
    """Read one (non-archive) file; whole-file problems become one failure for it."""
    reader = READERS.get(extension(file.name))
    if reader is None:
        yield ItemFailure(
            file.name, f"unsupported file type; use one of {', '.join(sorted(READERS))} or .zip"
        )
        return
    try:
        yield from reader(file)
    except InputError as error:
        yield ItemFailure(file.name, str(error).removeprefix(f"{file.name}: "))
    except Exception:
        # The item boundary: a bug or a library's surprise fails this file, not the import.
        logger.exception("Reading %s failed unexpectedly", file.name)
        yield ItemFailure(file.name, UNEXPECTED)
