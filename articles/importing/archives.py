"""Unpacking uploads: size and count limits, and zip archives read defensively.

A zip is refused whole when it would expand past the total or ratio limit (zip
bombs); an entry whose path leaves the archive ("../x", "/etc/x") is refused alone.
"""

import io
import posixpath
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

from .records import InputError, InputFile, ItemFailure

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int
    max_upload_bytes: int
    max_files: int
    max_zip_total_bytes: int
    max_zip_ratio: int


def _size(n: int) -> str:
    return f"{n / MB:.1f} MB" if n >= MB / 10 else f"{n:,} bytes"


def over_limit(size: int, limit: int) -> str:
    """ "12.5 MB, over the limit of 10.0 MB"; in bytes when rounding would show two equal sizes."""
    shown, allowed = _size(size), _size(limit)
    if shown == allowed:
        shown, allowed = f"{size:,} bytes", f"{limit:,} bytes"
    return f"{shown}, over the limit of {allowed}"


def is_zip(file: InputFile) -> bool:
    return file.name.lower().endswith(".zip") or file.data.startswith(b"PK\x03\x04")


def expand_inputs(files: list[InputFile], limits: Limits) -> Iterator[InputFile | ItemFailure]:
    """Yield the files to read (zip entries unpacked) and a failure for each refused one.

    Raises InputError when the input as a whole breaks a limit (too many files, too big).
    """
    total = sum(len(f.data) for f in files)
    if total > limits.max_upload_bytes:
        raise InputError(f"the upload is {over_limit(total, limits.max_upload_bytes)}")
    count = 0
    for file in files:
        if is_zip(file):
            entries = list(_unzip(file, limits, max_entries=limits.max_files - count))
        else:
            entries = [_check_size(file, limits)]
        count += sum(isinstance(e, InputFile) for e in entries)
        if count > limits.max_files:
            raise InputError(f"too many files: more than the limit of {limits.max_files} in one import")
        yield from entries


def _check_size(file: InputFile, limits: Limits) -> InputFile | ItemFailure:
    if len(file.data) > limits.max_file_bytes:
        return ItemFailure(file.name, f"the file is {over_limit(len(file.data), limits.max_file_bytes)}")
    return file


def _unsafe_path(name: str) -> bool:
    if name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":"):
        return True
    return ".." in posixpath.normpath(name.replace("\\", "/")).split("/")


def _unzip(file: InputFile, limits: Limits, *, max_entries: int) -> Iterator[InputFile | ItemFailure]:
    """The archive's entries; its count and declared sizes are checked before any is read."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(file.data))
        entries = [i for i in archive.infolist() if not i.is_dir()]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as error:
        yield ItemFailure(file.name, f"not a readable zip archive ({error})")
        return
    entries = [i for i in entries if not _is_system_entry(i.filename)]
    if len(entries) > max_entries:
        # Whole-import refusal, before a single entry is decompressed.
        raise InputError(
            f"too many files: {file.name} holds {len(entries):,}, over the limit of "
            f"{limits.max_files:,} in one import"
        )
    if not entries:
        yield ItemFailure(file.name, "the zip archive holds no files")
        return
    declared = sum(i.file_size for i in entries)
    if declared > limits.max_zip_total_bytes:
        yield ItemFailure(
            file.name, f"the archive would expand to {over_limit(declared, limits.max_zip_total_bytes)}"
        )
        return
    if declared > max(len(file.data), 1) * limits.max_zip_ratio:
        yield ItemFailure(
            file.name,
            f"the archive expands {declared // max(len(file.data), 1)} times its size, over the "
            f"limit of {limits.max_zip_ratio} (a zip bomb?)",
        )
        return
    expanded = 0
    for info in entries:
        label = f"{file.name}/{info.filename}"
        if _unsafe_path(info.filename):
            yield ItemFailure(label, "the entry's path points outside the archive; refused")
            continue
        if info.filename.lower().endswith(".zip"):
            yield ItemFailure(label, "archives inside archives are not read; unpack it first")
            continue
        if info.file_size > limits.max_file_bytes:
            yield ItemFailure(label, f"the file is {over_limit(info.file_size, limits.max_file_bytes)}")
            continue
        try:
            # Read at most one byte past the limit: headers can lie about sizes.
            with archive.open(info) as stream:
                data = stream.read(limits.max_file_bytes + 1)
        except (
            zipfile.BadZipFile,
            RuntimeError,
            NotImplementedError,
            EOFError,
            OSError,
            zlib.error,
        ) as error:
            yield ItemFailure(label, f"cannot be read from the archive ({error})")
            continue
        expanded += len(data)
        if len(data) > limits.max_file_bytes or expanded > limits.max_zip_total_bytes:
            yield ItemFailure(label, "the entry expands past the size limits; refused")
            continue
        yield InputFile(name=label, data=data)


def _is_system_entry(name: str) -> bool:
    base = name.rsplit("/", 1)[-1]
    return name.startswith("__MACOSX/") or base.startswith(".") or base in {"Thumbs.db", "desktop.ini"}
