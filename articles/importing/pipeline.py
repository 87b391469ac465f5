"""The one import pipeline, used by the admin, the command, the background task and tests.

Stage one, here: reads items, prepares them (plain Python), resolves outlets, finds duplicates in
batched queries, and stores each article whole or not at all, in the order the
reports are to be grouped (grouping.order: oldest first, undated ones cluster by cluster): articles are inserted
in chunks, one transaction per chunk; if anything in a chunk fails, the chunk is rolled
back and retried one article at a time, each in its own savepoint, so one bad item
never takes its neighbours with it. A new outlet is created inside the transaction of the
first item that names it, so an outlet the database refuses fails that item alone.

Stage two (analysing.py) then reads the stored reports with the reading layer and groups
them: in this process (the default, and what a small paste in the admin does) or in the task
workers (`analyse="workers"`).

The item boundary: an exception nobody foresaw while preparing or storing one item is
logged with its traceback and reported as that item's failure ("could not be read"),
never as the end of the batch.
"""

import logging
from collections.abc import Callable, Iterable
from contextlib import nullcontext
from dataclasses import dataclass, field
from typing import Any, Literal

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Case, F, Value, When
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.text import slugify

from ..grouping.order import grouping_order
from ..models import Article, ImportBatch, ImportStatus, IngestStage, Source
from ..models.batches import analysis_lease_until, lease_until
from .analysing import Progress, analyse_stored, pending_batches_of, queue_analysis
from .archives import Limits
from .cleaning import PageCleaner
from .formats import UNEXPECTED
from .outlets import OutletMatcher, name_key
from .prepare import PreparedArticle, prepare_record
from .records import InputError, ItemFailure, RawRecord
from .rules import rules_for

# Articles per transaction; also how often the batch's progress is written.
CHUNK_SIZE = 200
EXCERPT_CHARS = 280

Item = RawRecord | ItemFailure
logger = logging.getLogger(__name__)


def limits_from_settings() -> Limits:
    return Limits(
        max_file_bytes=settings.IMPORT_MAX_FILE_BYTES,
        max_upload_bytes=settings.IMPORT_MAX_UPLOAD_BYTES,
        max_files=settings.IMPORT_MAX_FILES,
        max_zip_total_bytes=settings.IMPORT_MAX_ZIP_TOTAL_BYTES,
        max_zip_ratio=settings.IMPORT_MAX_ZIP_RATIO,
    )


@dataclass
class ImportResult:
    """What an import did (or, on a dry run, would do), item by item."""

    entries: list[dict[str, Any]] = field(default_factory=list)
    created: int = 0
    duplicates: int = 0
    failed: int = 0
    dry_run: bool = False
    refused: str = ""  # set when the import as a whole stored nothing (strict, limits)
    batch: ImportBatch | None = None

    @property
    def summary(self) -> str:
        verb = "would create" if self.dry_run else "created"
        return f"{verb} {self.created}, duplicates {self.duplicates}, failed {self.failed}"


def _entry(label: str, outcome: str, reason: str = "", **details: Any) -> dict[str, Any]:
    return {
        "item": label,
        "outcome": outcome,
        "reason": reason,
        "article_id": None,
        "warnings": [],
        **details,
    }


def _describe(item: PreparedArticle, *, excerpt: bool) -> dict[str, Any]:
    details: dict[str, Any] = {
        "title": item.title,
        "source": item.source_name,
        "source_from": item.source_origin,
        "byline": item.byline,
        "published_at": item.published_at.isoformat() if item.published_at else None,
        "word_count": item.word_count,
        "warnings": item.warnings,
    }
    if excerpt:
        details["excerpt"] = item.body_text[:EXCERPT_CHARS]
    return details


def import_items(
    items: Iterable[Item],
    *,
    origin: str,
    user: Any = None,
    default_source: str = "",
    dry_run: bool = False,
    strict: bool = False,
    batch: ImportBatch | None = None,
    progress: Callable[[int], None] | None = None,
    on_total: Callable[[int], None] | None = None,
    analyse: Literal["here", "workers"] = "here",
    helpers: int = 0,
    analysis_progress: Progress | None = None,
) -> ImportResult:
    """Import `items`; see the module docstring. Returns the per-item result.

    `on_total(n)` is told the number of items once they are read; `progress(k)` then
    hears about every k items processed (for progress bars).

    Stage two: `analyse="here"` reads and groups the stored reports before returning
    (`helpers` task workers queued to share the work; `analysis_progress(done, total)`
    hears how far it is); "workers" leaves them to the task workers.

    Unless `dry_run`, the outcome is recorded on an ImportBatch (`batch`, or a new one).
    `strict` stores nothing when any item is invalid; `dry_run` stores nothing at all.
    """
    result = ImportResult(dry_run=dry_run)
    # A batch whose process died is told apart before another import starts.
    ImportBatch.objects.expire_dead()
    if not dry_run:
        if batch is None:
            batch = ImportBatch.objects.create(
                origin=origin, created_by=user, status=ImportStatus.RUNNING, lease_expires_at=lease_until()
            )
        else:
            ImportBatch.objects.filter(pk=batch.pk).update(
                status=ImportStatus.RUNNING, lease_expires_at=lease_until()
            )
            batch.status = ImportStatus.RUNNING
        result.batch = batch
    try:
        _run(items, result, batch, default_source, dry_run, strict, progress, on_total)
    except Exception as error:
        # Never leave a batch "running" after a crash: say what stopped it.
        if batch is not None:
            ImportBatch.objects.filter(pk=batch.pk).update(
                status=ImportStatus.FAILED, message=f"The import stopped: {error}", finished_at=timezone.now()
            )
        raise
    if batch is not None:
        _start_analysis(result, batch, analyse=analyse, helpers=helpers, progress=analysis_progress)
    return result


def _start_analysis(
    result: ImportResult,
    batch: ImportBatch,
    *,
    analyse: Literal["here", "workers"],
    helpers: int,
    progress: Progress | None,
) -> None:
    """Hand the stored reports to stage two, with the reports of earlier imports this one
    found already stored but not yet analysed (their import was killed, say)."""
    created = result.created
    if created:
        ImportBatch.objects.filter(pk=batch.pk).update(analysis_lease_expires_at=analysis_lease_until())
    duplicates = [e["article_id"] for e in result.entries if e["outcome"] == "duplicate" and e["article_id"]]
    scope = pending_batches_of(duplicates) | ({batch.pk} if created else set())
    if not scope:
        return
    if analyse == "workers" or helpers:
        queue_analysis(None if analyse == "workers" else helpers)
    if analyse == "here":
        analyse_stored(batch_ids=scope, wait=True, progress=progress)
    batch.refresh_from_db()


def _run(
    items: Iterable[Item],
    result: ImportResult,
    batch: ImportBatch | None,
    default_source: str,
    dry_run: bool,
    strict: bool,
    progress: Callable[[int], None] | None,
    on_total: Callable[[int], None] | None,
) -> ImportResult:
    try:
        materialised = list(items)
    except InputError as error:
        result.refused = str(error)
        result.entries.append(_entry("input", "failed", str(error)))
        result.failed = 1
        return _finish(result, total=0)

    outlets = OutletMatcher(Source.objects.values_list("name", "domain"))
    cleaner = PageCleaner(rules_for("en"), outlets)
    prepared: list[tuple[int, PreparedArticle]] = []
    for raw in materialised:
        outcome = (
            _prepare_one(raw, cleaner=cleaner, outlets=outlets, default_source=default_source)
            if isinstance(raw, RawRecord)
            else raw
        )
        if isinstance(outcome, ItemFailure):
            result.entries.append(_entry(outcome.label, "failed", outcome.reason))
            result.failed += 1
        else:
            result.entries.append(_entry(outcome.label, "pending", **_describe(outcome, excerpt=dry_run)))
            prepared.append((len(result.entries) - 1, outcome))
    total = len(materialised)
    if on_total:
        on_total(total)
    if batch is not None:
        batch.total_items = total
        ImportBatch.objects.filter(pk=batch.pk).update(total_items=total, lease_expires_at=lease_until())
    if progress and result.failed:
        progress(result.failed)

    order = grouping_order([(item.title, item.body_text, item.published_at) for _, item in prepared])
    prepared = [prepared[k] for k in order]

    if strict and result.failed:
        result.refused = f"--strict: {result.failed} item(s) are invalid, so nothing was stored"
        for index, _ in prepared:
            result.entries[index].update(outcome="skipped", reason="not stored: the import is strict")
        return _finish(result, total=total)

    try:
        # Strict: one transaction around everything, so any failure undoes the whole import.
        with transaction.atomic() if strict and not dry_run else nullcontext():
            _store(prepared, result, batch=batch, dry_run=dry_run, strict=strict, progress=progress)
    except _StrictAbort as abort:
        result.refused = f"--strict: {abort}; nothing was stored"
        result.created = 0
        for index, _ in prepared:
            entry = result.entries[index]
            if entry["outcome"] == "created":
                entry.update(outcome="skipped", reason="not stored: the import is strict", article_id=None)
    return _finish(result, total=total)


class _StrictAbort(Exception):
    pass


def _prepare_one(
    raw: RawRecord, *, cleaner: PageCleaner, outlets: OutletMatcher, default_source: str
) -> PreparedArticle | ItemFailure:
    try:
        return prepare_record(raw, cleaner=cleaner, outlets=outlets, default_source=default_source)
    except Exception:
        logger.exception("Preparing import item %s failed unexpectedly", raw.label)
        return ItemFailure(raw.label, UNEXPECTED)


def _store(
    prepared: list[tuple[int, PreparedArticle]],
    result: ImportResult,
    *,
    batch: ImportBatch | None,
    dry_run: bool,
    strict: bool,
    progress: Callable[[int], None] | None,
) -> None:
    # New outlets are created later, inside the transaction of the item that names them.
    sources = _resolve_sources({p.source_name for _, p in prepared}, create=False)
    # What this import stores, by text and by (outlet, URL): the kept item's label.
    seen_hashes: dict[str, str] = {}
    seen_urls: dict[tuple[str, str], str] = {}
    for start in range(0, len(prepared), CHUNK_SIZE):
        chunk = prepared[start : start + CHUNK_SIZE]
        known_hashes, known_urls = _existing(chunk, sources)
        to_store: list[tuple[int, PreparedArticle]] = []
        for index, item in chunk:
            entry = result.entries[index]
            url_key = (name_key(item.source_name), item.url) if item.url else None
            if item.content_hash in known_hashes or item.content_hash in seen_hashes:
                other = known_hashes.get(item.content_hash)
                entry.update(outcome="duplicate", reason="the same text is already stored", article_id=other)
                if other is None:
                    entry["reason"] = f"the same text is in {seen_hashes[item.content_hash]} of this import"
                result.duplicates += 1
            elif url_key and (url_key in known_urls or url_key in seen_urls):
                other = known_urls.get(url_key)
                reason = "this outlet's article at this URL is already stored"
                if other is None:
                    reason = f"the same outlet and URL are in {seen_urls[url_key]} of this import"
                entry.update(outcome="duplicate", reason=reason, article_id=other)
                result.duplicates += 1
            else:
                seen_hashes[item.content_hash] = item.label
                if url_key:
                    seen_urls[url_key] = item.label
                to_store.append((index, item))
        if dry_run:
            for index, _ in to_store:
                result.entries[index].update(outcome="new", reason="would be created")
            result.created += len(to_store)
        else:
            _insert_chunk(to_store, result, sources=sources, batch=batch, strict=strict)
            if batch is not None:
                ImportBatch.objects.filter(pk=batch.pk).update(
                    processed_items=min(batch.total_items, result.failed + start + len(chunk)),
                    created_count=result.created,
                    duplicate_count=result.duplicates,
                    failed_count=result.failed,
                    lease_expires_at=lease_until(),
                )
        if progress:
            progress(len(chunk))


def _resolve_sources(names: set[str], *, create: bool) -> dict[str, Source | None]:
    """Outlets by name key; named outlets that do not exist yet are created (or, on a dry
    run, mapped to None)."""
    keys = {name_key(n): n for n in names}
    found: dict[str, Source | None] = {}
    lowered = {n.lower() for n in names}
    for source in Source.objects.annotate(lname=Lower("name")).filter(lname__in=lowered):
        found[name_key(source.name)] = source
    for key, name in keys.items():
        if key in found:
            continue
        found[key] = _create_source(name) if create else None
    return found


def _create_source(name: str) -> Source:
    base = slugify(name)[:180] or "outlet"
    slug, n = base, 1
    while Source.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    try:
        with transaction.atomic():
            # The bundled list knows the web domains of well-known outlets.
            return Source.objects.create(name=name, slug=slug, domain=OutletMatcher().domain_for(name))
    except IntegrityError:
        # Another import created it a moment ago.
        return Source.objects.get(name__iexact=name)


def find_or_create_outlet(name: str) -> Source:
    """The outlet called `name`, or by a known spelling of it ("BBC" for "BBC News"),
    created if it is new (for `add_feed`, outside any import)."""
    outlets = OutletMatcher(Source.objects.values_list("name", "domain"))
    canonical = outlets.by_name(name) or " ".join(name.split())
    return Source.objects.filter(name__iexact=canonical).first() or _create_source(canonical)


def _outlet_for(item: PreparedArticle, sources: dict[str, Source | None], created: list[str]) -> Source:
    """The item's outlet; a new one is created here, inside the caller's transaction, and
    its key noted in `created` so that a rollback can forget it."""
    key = name_key(item.source_name)
    source = sources.get(key)
    if source is None:
        source = sources[key] = _create_source(item.source_name)
        created.append(key)
    return source


def _forget(sources: dict[str, Source | None], created: list[str]) -> None:
    """After a rollback, the outlets created inside it no longer exist."""
    for key in created:
        sources[key] = None
    created.clear()


def _existing(
    chunk: list[tuple[int, PreparedArticle]], sources: dict[str, Source | None]
) -> tuple[dict[str, int], dict[tuple[str, str], int]]:
    """Articles already stored with the chunk's hashes or (outlet, URL) pairs: two queries."""
    hashes = [item.content_hash for _, item in chunk]
    known_hashes = dict(Article.objects.filter(content_hash__in=hashes).values_list("content_hash", "id"))
    key_by_source_id = {s.pk: key for key, s in sources.items() if s is not None}
    urls = [item.url for _, item in chunk if item.url and sources.get(name_key(item.source_name))]
    known_urls: dict[tuple[str, str], int] = {}
    if urls:
        rows = Article.objects.filter(url__in=urls, source_id__in=key_by_source_id).values_list(
            "source_id", "url", "id"
        )
        known_urls = {(key_by_source_id[sid], url): pk for sid, url, pk in rows}
    return known_hashes, known_urls


def build_article(item: PreparedArticle, source: Source, batch: ImportBatch | None) -> Article:
    """The row stage one stores for a prepared item (also the import benchmark's baseline
    rows): listed and searchable at once, not yet read or grouped (stage two does that)."""
    return Article(
        source=source,
        outlet_assumed=item.source_origin == "uploader",
        title=item.title,
        byline=item.byline,
        url=item.url,
        published_at=item.published_at,
        published_time_known=item.published_time_known,
        body_text=item.body_text,
        body_html=item.body_html,
        language=item.language,
        word_count=item.word_count,
        content_hash=item.content_hash,
        batch=batch,
        ingest_stage=IngestStage.STORED,
    )


def _insert_chunk(
    to_store: list[tuple[int, PreparedArticle]],
    result: ImportResult,
    *,
    sources: dict[str, Source | None],
    batch: ImportBatch | None,
    strict: bool,
) -> None:
    """Store a chunk with one bulk insert in one transaction (the search index follows in
    the database: triggers on SQLite, a generated column on PostgreSQL)."""
    created: list[str] = []
    try:
        with transaction.atomic():
            articles = [
                (index, build_article(item, _outlet_for(item, sources, created), batch))
                for index, item in to_store
            ]
            Article.objects.bulk_create([article for _, article in articles])
            _queue_for_analysis(batch, len(articles))
    except Exception as error:
        _forget(sources, created)
        if strict:
            raise _StrictAbort(f"an article could not be stored ({error})") from error
        # Retry one by one so that only the article at fault is refused.
        for index, item in to_store:
            _insert_one(index, item, result, sources=sources, batch=batch)
        return
    for index, article in articles:
        result.entries[index].update(outcome="created", article_id=article.pk)
    result.created += len(articles)


def _queue_for_analysis(batch: ImportBatch | None, count: int) -> None:
    """Count reports for stage two on the batch, in the transaction that stores them: the
    count never includes a report a crash kept from being stored, nor misses one stored."""
    if batch is not None:
        ImportBatch.objects.filter(pk=batch.pk).update(
            analysis_total=F("analysis_total") + count,
            # A worker may be on the batch's earlier chunks already ("running"): keep that.
            analysis_status=Case(
                When(analysis_status__in=["", ImportStatus.DONE], then=Value(ImportStatus.QUEUED)),
                default=F("analysis_status"),
            ),
        )


def _insert_one(
    index: int,
    item: PreparedArticle,
    result: ImportResult,
    *,
    sources: dict[str, Source | None],
    batch: ImportBatch | None,
) -> None:
    entry = result.entries[index]
    created: list[str] = []
    try:
        with transaction.atomic():
            article = build_article(item, _outlet_for(item, sources, created), batch)
            article.save()
            _queue_for_analysis(batch, 1)
    except IntegrityError as error:
        _forget(sources, created)
        # Another import stored the same article between our check and our insert.
        entry.update(outcome="duplicate", reason=f"already stored (the database refused a copy: {error})")
        result.duplicates += 1
        return
    except Exception as error:
        _forget(sources, created)
        logger.exception("Storing import item %s failed", item.label)
        entry.update(outcome="failed", reason=f"could not be stored: {error}")
        result.failed += 1
        return
    entry.update(outcome="created", article_id=article.pk)
    result.created += 1


def _finish(result: ImportResult, *, total: int) -> ImportResult:
    batch = result.batch
    if batch is None:
        return result
    everything_failed = result.failed > 0 and result.created == 0 and result.duplicates == 0
    batch.status = ImportStatus.FAILED if result.refused or everything_failed else ImportStatus.DONE
    batch.message = result.refused
    batch.total_items = total
    batch.processed_items = total
    batch.created_count = result.created
    batch.duplicate_count = result.duplicates
    batch.failed_count = result.failed
    batch.report = result.entries
    batch.finished_at = timezone.now()
    # Only stage one's fields: stage two's workers may be counting on the same row already.
    batch.save(
        update_fields=[
            "status",
            "message",
            "total_items",
            "processed_items",
            "created_count",
            "duplicate_count",
            "failed_count",
            "report",
            "finished_at",
        ]
    )
    return result
