"""Helpers shared by the import tests: build inputs, run the real pipeline."""

import io
import json
import zipfile
from typing import Any

from articles.importing import InputFile, read_inputs, read_pasted_text
from articles.importing.pipeline import ImportResult, import_items, limits_from_settings
from articles.models import ImportOrigin

PARAGRAPHS = [
    "The regional council voted on Tuesday to close the old harbour bridge to lorries from next month, "
    "after engineers found cracks in two of its supports.",
    "Hauliers said the detour would add an hour to journeys between the port and the motorway, and "
    "warned that prices in local shops could rise as a result.",
    "The council leader said safety had to come first and promised that repairs would start before "
    "the end of the year, funded by an emergency grant.",
]
STORY = "\n\n".join(PARAGRAPHS)


def story(topic: str) -> str:
    """A distinct story (its own content hash) about `topic`."""
    return "\n\n".join(p.replace("harbour bridge", topic) for p in PARAGRAPHS)


def run_files(*files: InputFile, **options: Any) -> ImportResult:
    options.setdefault("origin", ImportOrigin.UPLOAD)
    return import_items(read_inputs(list(files), limits_from_settings()), **options)


def run_paste(text: str, **options: Any) -> ImportResult:
    options.setdefault("origin", ImportOrigin.PASTE)
    return import_items(read_pasted_text(text), **options)


def jsonl(name: str, *records: dict) -> InputFile:
    return InputFile(name, "\n".join(json.dumps(r) for r in records).encode())


def zipped(name: str, entries: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> InputFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for entry, data in entries.items():
            archive.writestr(entry, data)
    return InputFile(name, buffer.getvalue())


def outcomes(result: ImportResult) -> list[tuple[str, str]]:
    return [(e["item"], e["outcome"]) for e in result.entries]
