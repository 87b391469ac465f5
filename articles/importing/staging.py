"""Holding an upload between preview and confirm without storing any article.

The files go to a private folder (mode 0700) under the system temp dir, or under
settings.IMPORT_STAGING_DIR when several servers share one; the browser only ever
holds a signed token naming the folder and the user it belongs to.
"""

import json
import secrets
import shutil
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from django.conf import settings
from django.core import signing

from .records import InputFile, ItemFailure, RawRecord

SALT = "articles.importing.staging"
MAX_AGE_SECONDS = 6 * 3600
_STAGE_ID_LENGTH = 32


class StagingError(Exception):
    """The token is forged, expired, or its files are gone."""


@dataclass
class Staged:
    stage_id: str
    files: list[InputFile]
    pasted_text: str
    default_source: str
    strict: bool
    origin: str
    item_count: int
    # Pages fetched by URL for the preview, kept so that the import stores what was previewed
    # without fetching again.
    records: list[RawRecord | ItemFailure] = field(default_factory=list)


def staging_root() -> Path:
    root = Path(
        getattr(settings, "IMPORT_STAGING_DIR", "") or Path(tempfile.gettempdir()) / "coverage-import-staging"
    )
    root.mkdir(mode=0o700, parents=True, exist_ok=True)
    return root


def stage(
    *,
    files: list[InputFile],
    pasted_text: str,
    default_source: str,
    strict: bool,
    origin: str,
    user_id: int,
    records: list[RawRecord | ItemFailure] | None = None,
) -> str:
    """Save the upload privately and return a stage id (not yet signed)."""
    _sweep_expired()
    stage_id = secrets.token_hex(_STAGE_ID_LENGTH // 2)
    folder = staging_root() / stage_id
    folder.mkdir(mode=0o700)
    for number, file in enumerate(files):
        (folder / f"{number:05d}").write_bytes(file.data)
    manifest = {
        "names": [f.name for f in files],
        "pasted_text": pasted_text,
        "default_source": default_source,
        "strict": strict,
        "origin": origin,
        "user_id": user_id,
        "item_count": 0,
        "records": [_record_to_json(r) for r in records or []],
    }
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return stage_id


def record_item_count(stage_id: str, count: int) -> None:
    """Remember how many items the preview found (decides inline vs background import)."""
    path = _folder(stage_id) / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest["item_count"] = count
    path.write_text(json.dumps(manifest), encoding="utf-8")


def sign(stage_id: str, user_id: int) -> str:
    return signing.dumps({"stage": stage_id, "user": user_id}, salt=SALT)


def unsign(token: str, user_id: int) -> str:
    try:
        payload = signing.loads(token, salt=SALT, max_age=MAX_AGE_SECONDS)
    except signing.SignatureExpired:
        raise StagingError("this preview has expired; please upload again") from None
    except signing.BadSignature:
        raise StagingError("this preview is not valid; please upload again") from None
    if payload.get("user") != user_id:
        raise StagingError("this preview belongs to another user")
    return str(payload["stage"])


def load(stage_id: str) -> Staged:
    folder = _folder(stage_id)
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        files = [
            InputFile(name, (folder / f"{number:05d}").read_bytes())
            for number, name in enumerate(manifest["names"])
        ]
    except (OSError, ValueError, KeyError):
        raise StagingError(
            "the uploaded files are gone (already imported, or expired); please upload again"
        ) from None
    return Staged(
        stage_id=stage_id,
        files=files,
        pasted_text=manifest["pasted_text"],
        default_source=manifest["default_source"],
        strict=manifest["strict"],
        origin=manifest["origin"],
        item_count=manifest["item_count"],
        records=[_record_from_json(r) for r in manifest.get("records", [])],
    )


def _record_to_json(item: RawRecord | ItemFailure) -> dict:
    return {"failure" if isinstance(item, ItemFailure) else "record": asdict(item)}


def _record_from_json(data: dict) -> RawRecord | ItemFailure:
    if "failure" in data:
        return ItemFailure(**data["failure"])
    return RawRecord(**data["record"])


def discard(stage_id: str) -> None:
    shutil.rmtree(_folder(stage_id), ignore_errors=True)


def _folder(stage_id: str) -> Path:
    if len(stage_id) != _STAGE_ID_LENGTH or not all(c in "0123456789abcdef" for c in stage_id):
        raise StagingError("this preview is not valid; please upload again")
    return staging_root() / stage_id


def _sweep_expired() -> None:
    """Remove stages nobody confirmed; a cheap pass on every new upload."""
    cutoff = time.time() - MAX_AGE_SECONDS
    for folder in staging_root().iterdir():
        try:
            if folder.stat().st_mtime < cutoff:
                shutil.rmtree(folder, ignore_errors=True)
        except OSError:
            continue
