"""Applying a previewed import in one transaction, and undoing it (services/exchange.py
previews)."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, select

from ..domain.conflicts import utc
from ..domain.terms import PeriodKind, SectionKind, TaskStatus
from ..exchange.data import PeriodData, TargetData, TaskData, TextData, ValueData
from ..storage.backup import make_backup
from ..storage.database import db_file
from ..storage.figures import IMPORT_WAIT, ValueKey, ValueState, write_imported_figures
from ..storage.models import (
    Agency,
    ImportLog,
    Indicator,
    IndicatorGroup,
    Locality,
    Period,
    Plan,
    Task,
)
from ..storage.server_roles import refused_by_server
from ..storage.stored_dates import as_stored
from ..storage.write_lock import lock_figure_writes
from . import exchange_reviews
from . import exchange_same_period as same_period
from .exchange import Action, ImportPreview, PreviewRow, definition_fields
from .import_undo import (
    as_undone,
    history_end,
    import_author,
    key_json,
    section_json,
    text_item,
    texts_left_by_undo,
    undo_author,
    undo_keeping_later,
)
from .kept import KeptItem
from .report_texts import SectionKey, SectionState, put_section, section_state
from .write_rights import imported_figures_refused


def apply_import(engine: Engine, plan: Plan, preview: ImportPreview, imported_by: str) -> ImportLog:
    """Write everything the preview (and the clerk's choices) says, in one transaction,
    after a safety backup (an import touches many figures at once)."""
    return _apply(engine, plan, preview, imported_by, None, [])


def redo_import(
    engine: Engine,
    plan: Plan,
    preview: ImportPreview,
    imported_by: str,
    undone: tuple[int, str],
) -> tuple[ImportLog, list[KeptItem]]:
    """Apply an import again after its undo (Ctrl+Y), undone = (its log, who undid it):
    only to figures and tasks still as the undo left them; returns what was left alone."""
    kept: list[KeptItem] = []
    return _apply(engine, plan, preview, imported_by, undone, kept), kept


def _apply(
    engine: Engine,
    plan: Plan,
    preview: ImportPreview,
    imported_by: str,
    undone: tuple[int, str] | None,
    kept: list[KeptItem],
) -> ImportLog:
    path = db_file(engine)
    with ThreadPoolExecutor(1) as pool, Session(engine, expire_on_commit=False) as session:
        # The copy reads the last committed state (the database is in WAL mode) while the
        # writes proceed, on the other core; it must be whole before the commit, and a
        # failed copy rolls the import back.
        backup = pool.submit(make_backup, path, "truoc-nhap") if path else None
        try:
            with session.begin():
                # first: two imports at once take turns, whole (storage/write_lock.py)
                lock_figure_writes(session.connection(), IMPORT_WAIT)
                log = _write_import(session, plan, preview, imported_by, undone, kept)
                if backup is not None:
                    backup.result()
        except DBAPIError as exc:  # a clerk's role on a server may not write all of it
            if refused_by_server(exc):
                codes = {r.code for r in preview.rows if r.applies and r.kind == "value"}
                raise imported_figures_refused(engine, plan.id, codes) from exc
            raise
    return log


def _write_import(
    session: Session,
    plan: Plan,
    preview: ImportPreview,
    imported_by: str,
    undone: tuple[int, str] | None,
    kept: list[KeptItem],
) -> ImportLog:
    data, now = preview.data, datetime.now(UTC)
    changed_by = import_author(data.source, preview.sender)
    undo: dict[str, Any] = {"tasks": [], "periods": [], "indicators": [], "targets": []}
    applying = [row for row in preview.rows if row.applies]
    counts = preview.counts()
    conflicts = [r for r in preview.rows if r.action is Action.CONFLICT]
    log = ImportLog(
        file_name=data.source,
        content_sha256=data.content_sha256,
        sender=preview.sender,
        created_at=utc(data.created_at) or now,
        imported_at=now,
        imported_by=imported_by,
        added=counts[Action.ADD],
        changed=counts[Action.CHANGE],
        unchanged=counts[Action.UNCHANGED],
        conflicts_kept=sum(1 for r in conflicts if not r.take_theirs),
        conflicts_taken=sum(1 for r in conflicts if r.take_theirs),
        refused=counts[Action.REFUSED],
    )
    if preview.signature is not None:  # who signed the package, as the preview said
        log.signer = preview.signature.signer
        log.signature_state = preview.signature.state.value
        log.signer_fingerprint = preview.signature.fingerprint
    session.add(log)
    session.flush()  # its id: the figures' previous states are kept under it
    assert log.id is not None
    periods = {p.code: p for p in session.exec(select(Period).where(Period.plan_id == plan.id))}
    for row in applying:
        if row.kind == "period":
            p: PeriodData = row.payload
            period = Period(
                plan_id=plan.id,
                code=p.code,
                name=p.name,
                kind=PeriodKind(p.kind),
                starts_on=p.starts_on,
                ends_on=p.ends_on,
                cutoff_on=p.cutoff_on,
            )
            session.add(period)
            session.flush()
            periods[p.code] = period
            undo["periods"].append(period.id)
    _apply_definitions(session, plan, applying, undo)
    indicators = {
        i.code: i.id for i in session.exec(select(Indicator).where(Indicator.plan_id == plan.id))
    }
    localities = {loc.code: loc.id for loc in session.exec(select(Locality))}
    period_ids = {code: p.id for code, p in periods.items()}
    sender = preview.sender
    values: list[ValueData] = [row.payload for row in applying if row.kind == "value"]
    changes = [
        (
            ValueKey(
                indicators[v.indicator],
                period_ids[v.period],
                localities[v.locality] if v.locality else None,
            ),
            ValueState(
                v.value,
                v.text,
                v.achieved,
                v.estimate,
                v.as_of,
                v.note,
                v.entered_by or sender,
                v.entered_at or now,  # stored as UTC, whatever its zone
            ),
        )
        for v in values
    ]
    left_tasks: set[int] = set()
    if undone is not None:  # a redo: not over what was written since
        changes, left_tasks, left = as_undone(
            session, *undone, changes, set(undo["periods"]), set(undo["indicators"])
        )
        kept.extend(left)
    # the history so far: the import's own rows, and any later, come after it (import_undo.py)
    undo["history_after"] = history_end(session.connection())
    write_imported_figures(session.connection(), changes, changed_by, now, log.id)
    tasks = {t.code: t for t in session.exec(select(Task).where(Task.plan_id == plan.id))}
    for row in applying:
        if row.kind == "task":
            t: TaskData = row.payload
            task = tasks[t.code]
            if task.id in left_tasks:
                continue
            before = [task.status.value, task.note, task.updated_by, _iso(task.updated_at)]
            task.status, task.note = TaskStatus(t.status), t.note
            task.updated_by, task.updated_at = (
                t.updated_by or preview.sender,
                (utc(t.updated_at) or now),
            )
            # the state it leaves too: undo leaves the task alone if it has changed since
            after = [task.status.value, task.note, task.updated_by, _iso(task.updated_at)]
            undo["tasks"].append([task.id, *before, *after])
            session.add(task)
    received = [row.payload for row in applying if row.kind == same_period.KIND]
    if received:
        undone_entries = None
        if undone is not None:
            earlier = session.get(ImportLog, undone[0])
            undone_entries = json.loads(earlier.undo_data or "{}").get(same_period.KIND, [])
        undo[same_period.KIND], left_same = same_period.apply_rows(
            session, plan, received, preview.sender, now, undone_entries
        )
        kept.extend(left_same)
    _apply_texts(session, plan, preview, applying, now, undo, undone, kept)
    returns = [row.payload for row in applying if row.kind == exchange_reviews.KIND]
    if returns:  # the planners' returns, stored here; the undo removes them
        undo[exchange_reviews.KIND] = exchange_reviews.apply_rows(session, plan, returns, now)
    log.undo_data = json.dumps(undo, ensure_ascii=False)
    session.add(log)
    return log


def _apply_texts(
    session: Session,
    plan: Plan,
    preview: ImportPreview,
    applying: list[PreviewRow],
    now: datetime,
    undo: dict[str, Any],
    undone: tuple[int, str] | None,
    kept: list[KeptItem],
) -> None:
    """The sender's report sections, each keeping what it replaced and what it left (its
    undo puts a section back only while it is still as the import left it)."""
    rows: list[TextData] = [row.payload for row in applying if row.kind == "text"]
    if not rows:
        return
    sender = session.exec(select(Agency).where(Agency.code == preview.data.sender_code)).one()
    periods = {p.code: p.id for p in session.exec(select(Period).where(Period.plan_id == plan.id))}
    tasks = {t.code: t.id for t in session.exec(select(Task).where(Task.plan_id == plan.id))}
    left = texts_left_by_undo(session, undone[0]) if undone is not None else {}
    undo["texts"] = []
    for t in rows:
        task = tasks[t.task] if t.task else None
        key = SectionKey(periods[t.period], sender.id, SectionKind(t.section), task)
        before = section_state(session, key)
        if undone is not None and section_json(before) != left.get(key_json(key)):
            kept.append(text_item(session, key, before))  # written since the undo
            continue
        by = t.updated_by or preview.sender
        put_section(session, key, SectionState(t.text, by, utc(t.updated_at) or now))
        after = section_state(session, key)
        undo["texts"].append([key_json(key), section_json(before), section_json(after)])


def _apply_definitions(
    session: Session, plan: Plan, applying: list[PreviewRow], undo: dict[str, list[Any]]
) -> None:
    groups = {
        g.code: g.id
        for g in session.exec(select(IndicatorGroup).where(IndicatorGroup.plan_id == plan.id))
    }
    for row in applying:
        if row.kind == "target":
            indicator_id, changes = row.payload
            indicator = session.get(Indicator, indicator_id)
            assert indicator is not None
            before = {k: as_stored(getattr(indicator, k)) for k in changes}
            for name, value in changes.items():
                setattr(indicator, name, value)
            after = {k: as_stored(getattr(indicator, k)) for k in changes}
            undo["targets"].append([indicator_id, before, after])
            session.add(indicator)
        elif row.kind == "indicator":
            d: TargetData = row.payload
            indicator = Indicator(
                plan_id=plan.id,
                group_id=groups[d.group],
                code=d.code,
                position=10_000,
                **definition_fields(d),
            )
            session.add(indicator)
            session.flush()
            undo["indicators"].append(indicator.id)


def undo_import(engine: Engine, log_id: int, undone_by: str) -> list[KeptItem]:
    """Put back what an import changed, in one transaction, except what was written since
    (services/import_undo.py); returns what was left alone."""
    now = datetime.now(UTC)
    with Session(engine, expire_on_commit=False) as session, session.begin():
        log = session.get(ImportLog, log_id)
        label = log.file_name if log else ""
        _, kept = undo_keeping_later(session, log_id, undo_author(label, undone_by), now)
    return kept


def _iso(moment: datetime | date | None) -> str | None:
    return moment.isoformat() if moment else None
