"""Stage two of an import: read the stored reports with the reading layer, then group them.

Stage one (pipeline.py) stores reports in bulk with ingest_stage "stored": listed and
searchable at once. Any number of processes (task workers, the import command while it
waits, an admin request for a small paste) then run `analyse_stored`, which repeats:

1. Claim: take the oldest few unclaimed "stored" reports, marking them claimed until a
   lease lapses (PostgreSQL skips rows another process is claiming; SQLite's write lock
   serialises claims). A report is read by one process at a time.
2. Read: one `read_reports` call for the claim (spaCy's nlp.pipe plus one encoder call),
   outside any transaction, since that is the slow part and needs no lock. Then, in one
   transaction, store each reading with ingest_stage "read" and the batch's count. A report
   the reading layer fails on is recorded as that report's failure and goes on to be grouped
   on its words; the others keep their readings.
3. Group: under the grouping lock, the longest run of the batch's unfinished reports, in id
   order (stage one stores them in publication order), that are all read: grouped through
   grouping.batched.group_articles, marked "done" and counted, in one transaction. A report
   read early by a second worker waits for the reports before it, so several workers make
   exactly the events one worker makes.
4. Last look: with the batch's last run, each of its reports left alone in its event is scored
   once more against the events the whole import formed (grouping.last_look), in the same
   transaction; so is each report of an earlier import left alone that the index finds for
   one of this import's stories.

Crash safety: every write is one transaction that moves reports one stage on together with
the batch's counts, so a killed process leaves each report either untouched or finished. Its
claims lapse (ANALYSIS_LEASE_SECONDS), and the next run takes those reports over.
"""

import logging
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone

from ..grouping.batched import group_articles, look_again
from ..grouping.service import serialise_grouping
from ..models import Article, ImportBatch, ImportStatus, IngestStage
from ..models.batches import analysis_lease_until
from ..reading import READING_VERSION, read_report, read_reports

# Reports per claim: one nlp.pipe / encoder call. Larger batches read a little faster but
# hold more reports away from a second worker and lose more work to a crash.
READ_CHUNK = 32
# Reports grouped per transaction (the grouping lock is held that long).
GROUP_CHUNK = 200
# How often a process waiting for reports another process holds looks again.
POLL_SECONDS = 0.5

logger = logging.getLogger(__name__)

Progress = Callable[[int, int], None]  # (reports finished, reports in all)


@dataclass(frozen=True)
class Claimed:
    article_id: int
    batch_id: int | None
    title: str
    body_text: str
    language: str


def analyse_stored(
    *, batch_ids: Collection[int] | None = None, wait: bool = False, progress: Progress | None = None
) -> None:
    """Read and group stored reports until none is left that this process can take.

    batch_ids: only those batches' reports (an import finishing its own); None: any.
    wait: also wait for reports other processes hold, taking them over if their claim
    lapses, so that on return every report of `batch_ids` is done.
    """
    scope = None if batch_ids is None else sorted(set(batch_ids))
    ImportBatch.objects.expire_dead()
    total = _pending(scope) if progress else 0
    while True:
        claimed = claim_reports(scope)
        if claimed:
            read_claimed(claimed)
        grouped = group_ready(scope)
        if progress:
            progress(total - _pending(scope), total)
        if claimed or grouped:
            continue
        if not wait or not _pending(scope):
            return
        time.sleep(POLL_SECONDS)


def _queue(scope: list[int] | None) -> Q:
    return Q() if scope is None else Q(batch_id__in=scope)


def _pending(scope: list[int] | None) -> int:
    return Article.objects.being_analysed().filter(_queue(scope)).count()


def claimable(scope: list[int] | None) -> "QuerySet[Article]":
    """Stored reports nobody holds, oldest first. being_analysed() states the partial index's
    condition, so the planner reads that index (as small as the queue), never a walk of
    every stored report."""
    return (
        Article.objects.being_analysed()
        .filter(_queue(scope), ingest_stage=IngestStage.STORED)
        .filter(Q(claimed_until__isnull=True) | Q(claimed_until__lt=timezone.now()))
        .order_by("id")
    )


def claim_reports(scope: list[int] | None, size: int = READ_CHUNK) -> list[Claimed]:
    """Take up to `size` of the oldest stored reports nobody holds (or whose holder's claim
    lapsed), for this process to read."""
    with transaction.atomic():
        free = claimable(scope)
        if connection.features.has_select_for_update_skip_locked:
            free = free.select_for_update(skip_locked=True, of=("self",))
        rows = list(free.values_list("id", "batch_id", "title", "body_text", "language")[:size])
        if not rows:
            return []
        until = analysis_lease_until()
        Article.objects.filter(pk__in=[row[0] for row in rows]).update(claimed_until=until)
        ImportBatch.objects.filter(pk__in={row[1] for row in rows if row[1]}).update(
            analysis_status=ImportStatus.RUNNING, analysis_lease_expires_at=until, analysis_message=""
        )
    return [Claimed(*row) for row in rows]


def _read_all(claimed: list[Claimed]) -> tuple[dict[int, dict], dict[int, str]]:
    """Readings by article id, and the reading layer's error for each report it failed on.
    The batch is read in one call; if that fails, report by report, so that one report the
    reading layer cannot read does not cost its neighbours theirs."""
    texts = [(c.title, c.body_text, c.language or "en") for c in claimed]
    try:
        readings = read_reports(texts)
        return {c.article_id: r for c, r in zip(claimed, readings, strict=True)}, {}
    except Exception:
        logger.exception("Reading %d reports in one batch failed; reading them one by one", len(claimed))
    readings, failures = {}, {}
    for c, (title, body, language) in zip(claimed, texts, strict=True):
        try:
            readings[c.article_id] = read_report(title, body, language)
        except Exception as error:
            logger.exception("Reading report %s failed", c.article_id)
            failures[c.article_id] = f"could not be read: {error}"
    return readings, failures


def read_claimed(claimed: list[Claimed]) -> None:
    """Read the claimed reports and store the readings, all in one transaction."""
    readings, failures = _read_all(claimed)
    # Which process read which reports: the several-workers test reads this from the log.
    logger.info("Stage two read reports %s", ",".join(str(c.article_id) for c in claimed))
    done_per_batch: dict[int | None, int] = {}
    failed_per_batch: dict[int | None, list[dict]] = {}
    with transaction.atomic():
        for c in claimed:
            stored = Article.objects.filter(pk=c.article_id, ingest_stage=IngestStage.STORED)
            if c.article_id in readings:
                changed = stored.update(
                    analysis=readings[c.article_id],
                    analysis_version=READING_VERSION,
                    ingest_stage=IngestStage.READ,
                    claimed_until=None,
                )
            else:
                # Grouped on its words all the same; pages read it on demand (or say why not).
                changed = stored.update(ingest_stage=IngestStage.READ, claimed_until=None)
                if changed:
                    failed_per_batch.setdefault(c.batch_id, []).append(
                        _failure(c.article_id, c.title, "reading", failures[c.article_id])
                    )
            # 0: the claim lapsed and another process read it meanwhile; it counted it.
            done_per_batch[c.batch_id] = done_per_batch.get(c.batch_id, 0) + changed
        for batch_id, done in done_per_batch.items():
            if batch_id is not None and done:
                ImportBatch.objects.filter(pk=batch_id).update(
                    read_count=F("read_count") + done, analysis_lease_expires_at=analysis_lease_until()
                )
        for batch_id, entries in failed_per_batch.items():
            _record_failures(batch_id, entries)


def _failure(article_id: int, title: str, stage: str, reason: str) -> dict:
    return {"article_id": article_id, "title": title, "stage": stage, "reason": reason}


def _record_failures(batch_id: int | None, entries: list[dict]) -> None:
    """Append to the batch's failures; the row is locked so that two workers' lists merge."""
    if batch_id is None or not entries:
        return
    batch = ImportBatch.objects.select_for_update().filter(pk=batch_id).only("analysis_failures").first()
    if batch is None:
        return
    batch.analysis_failures = [*batch.analysis_failures, *entries]
    batch.save(update_fields=["analysis_failures"])


def group_ready(scope: list[int] | None) -> int:
    """Group what can be grouped now in every batch in scope; returns how many reports."""
    waiting = Article.objects.being_analysed().filter(_queue(scope), ingest_stage=IngestStage.READ)
    grouped = 0
    for batch_id in sorted(set(waiting.values_list("batch_id", flat=True)), key=lambda b: (b is None, b)):
        while count := group_next(batch_id):
            grouped += count
    return grouped


def group_next(batch_id: int | None) -> int:
    """Group the batch's next run of read reports (see the module docstring); returns how many."""
    with transaction.atomic():
        serialise_grouping()
        queue = Article.objects.being_analysed().filter(batch_id=batch_id).order_by("id")
        ready = []
        for article_id, stage in queue.values_list("id", "ingest_stage")[:GROUP_CHUNK]:
            if stage != IngestStage.READ:
                break
            ready.append(article_id)
        if not ready:
            return 0
        failures = group_articles(ready)
        Article.objects.filter(pk__in=ready).update(ingest_stage=IngestStage.DONE)
        if batch_id is not None:
            titles = dict(Article.objects.filter(pk__in=list(failures)).values_list("id", "title"))
            _record_failures(
                batch_id,
                [_failure(pk, titles.get(pk, ""), "grouping", reason) for pk, reason in failures.items()],
            )
            ImportBatch.objects.filter(pk=batch_id).update(
                grouped_count=F("grouped_count") + len(ready),
                analysis_lease_expires_at=analysis_lease_until(),
            )
            if not queue.exists():
                # The import's last run: its reports left alone look once more (last_look.py).
                look_again(
                    Article.objects.filter(batch_id=batch_id, event__isnull=False)
                    .values_list("event_id", flat=True)
                    .distinct()
                )
                ImportBatch.objects.filter(pk=batch_id).update(
                    analysis_status=ImportStatus.DONE,
                    analysis_finished_at=timezone.now(),
                    analysis_message="",
                )
    return len(ready)


def pending_batches_of(article_ids: Collection[int]) -> set[int]:
    """The batches of those reports that stage two has not finished: an import finding its
    items already stored (say, after the first run was killed) finishes them too."""
    rows = Article.objects.being_analysed().filter(pk__in=list(article_ids), batch__isnull=False)
    return set(rows.values_list("batch_id", flat=True))


def queue_analysis(tasks: int | None = None) -> None:
    """Queue stage-two tasks for the workers, once the current transaction commits."""
    from .tasks import analyse_stored_reports

    count = settings.ANALYSIS_TASKS if tasks is None else tasks
    transaction.on_commit(lambda: [analyse_stored_reports.enqueue() for _ in range(count)])


def resume_stalled() -> int:
    """Queue workers for batches whose stage two nobody is doing: its lease lapsed, because
    the process on it died or no worker took it up. Renews their lease, so that looking again
    soon after queues nothing more. Returns how many batches."""
    stalled = ImportBatch.objects.filter(
        analysis_status__in=[ImportStatus.QUEUED, ImportStatus.RUNNING],
        analysis_lease_expires_at__lt=timezone.now(),
    )
    count = stalled.update(analysis_lease_expires_at=analysis_lease_until())
    if count:
        queue_analysis()
    return count
