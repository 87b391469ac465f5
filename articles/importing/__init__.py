"""Loading articles from pasted text and files.

    records   what readers produce (RawRecord, ItemFailure, InputFile)
    decoding  bytes -> text, encodings detected, binary refused
    archives  upload limits and zip archives
    formats   one reader per format (.txt, .html, .json, .jsonl, .csv)
    cleaning  text copied from web pages -> headline, outlet, byline, date, body
    rules/    the cleaning rules as data (per language) and the bundled outlet list
    prepare   field checks, outlet choice, content hash (plain Python)
    pipeline  the one import function (Django): duplicates, transactions, batch report
    staging   the admin's upload held privately between preview and confirm (Django)
    tasks     background imports through Django's tasks framework (Django)
    forms     the admin's import form (Django)

Everything above `pipeline` is plain Python; `prepare` imports only articles.sanitize.
"""

from collections.abc import Iterable, Iterator
from pathlib import Path

from .archives import Limits, expand_inputs, over_limit
from .formats import READERS, extension, read_file, read_pasted_text
from .records import InputError, InputFile, ItemFailure, RawRecord

__all__ = [
    "InputError",
    "InputFile",
    "ItemFailure",
    "Limits",
    "RawRecord",
    "files_from_paths",
    "read_inputs",
    "read_pasted_text",
]


def read_inputs(files: Iterable[InputFile], limits: Limits) -> Iterator[RawRecord | ItemFailure]:
    """Every record in `files` (zips unpacked), with a failure for each refused item.

    Raises InputError when the input as a whole breaks a limit.
    """
    for file in expand_inputs(list(files), limits):
        if isinstance(file, ItemFailure):
            yield file
        else:
            yield from read_file(file)


def files_from_paths(paths: Iterable[str | Path], limits: Limits) -> Iterator[InputFile | ItemFailure]:
    """Files named on the command line; folders are walked recursively.

    In folders, hidden files and files of other types (a README, images) are skipped;
    a file named explicitly is always read, so its refusal is reported.

    Over-size files are refused without being read into memory.
    """
    for given in paths:
        path = Path(given)
        if path.is_dir():
            children = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and (extension(p.name) in READERS or extension(p.name) == ".zip")
                and not any(part.startswith(".") for part in p.parts[len(path.parts) :])
            )
            for child in children:
                yield _load(child, child.relative_to(path.parent).as_posix(), limits)
        elif path.is_file():
            yield _load(path, path.name, limits)
        else:
            yield ItemFailure(str(path), "no such file or folder")


def _load(path: Path, name: str, limits: Limits) -> InputFile | ItemFailure:
    size = path.stat().st_size
    limit = limits.max_upload_bytes if path.suffix.lower() == ".zip" else limits.max_file_bytes
    if size > limit:
        return ItemFailure(name, f"the file is {over_limit(size, limit)}")
    return InputFile(name=name, data=path.read_bytes())
