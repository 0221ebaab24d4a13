"""Undoing an import without eating later work: what it leaves alone and why (asked before
the undo), and the undo itself (services/exchange_apply.undo_import runs it in its
transaction, so the check and the write see the same data).

A figure is left alone when written again since the import (storage/changed_since.py says
why history decides); a task or a target when its fields are no longer what the import set;
an indicator or a period the import added is kept when anything was entered in it since.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine
from sqlmodel import Session, select

from ..domain.terms import SectionKind, TaskStatus
from ..storage.changed_since import (
    IMPORT_BY,
    IMPORT_UNDONE_BY,
    LaterChange,
    figures_changed_since,
)
from ..storage.engines import driver_sql
from ..storage.figures import Changes, restore_imported_figures
from ..storage.models import ImportLog, Indicator, Period, ReportText, Task
from ..storage.stored_dates import as_stored, from_stored_time, to_stored_time
from . import exchange_same_period as same_period
from .kept import KeptItem, KeptKind, figure_items
from .report_texts import SectionKey, SectionState, put_section, section_state


def history_end(connection: Connection) -> int:
    """The newest history row's id: kept by an import before it writes, so that its undo
    reads only the history from the import on."""
    return connection.exec_driver_sql("SELECT coalesce(max(id), 0) FROM value_change").scalar_one()


def import_author(file_name: str, sender: str) -> str:
    """Who an import's history rows say changed the figures (its own rows are found by it)."""
    return IMPORT_BY.format(file_name, sender)


def undo_author(file_name: str, undone_by: str) -> str:
    """Who the history says put figures back when an import was undone."""
    return IMPORT_UNDONE_BY.format(file_name, undone_by)


@dataclass
class _Undo:
    """What undoing one import does, decided in the transaction that does it."""

    kept: list[KeptItem] = field(default_factory=list)
    tasks: list[tuple[int, str, str, str, str | None]] = field(default_factory=list)
    targets: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    texts: list[tuple[SectionKey, SectionState | None]] = field(default_factory=list)  # to put
    indicators: list[int] = field(default_factory=list)  # to delete
    periods: list[int] = field(default_factory=list)  # to delete


def what_undo_keeps(engine: Engine, log_id: int) -> list[KeptItem]:
    """What undoing this import would leave alone (written since), writing nothing."""
    with Session(engine) as session:  # closed without commit: the temp tables go with it
        log = _undoable(session, log_id)
        connection = session.connection()
        with _later(connection, log) as later:
            kept = _decide(session, connection, log, later.values()).kept
        entries = json.loads(log.undo_data or "{}").get(same_period.KIND, [])
        return kept + same_period.undo_rows(session, entries, write=False)


def undo_keeping_later(
    session: Session, log_id: int, changed_by: str, now: datetime
) -> tuple[ImportLog, list[KeptItem]]:
    """Undo what the import changed that is still as it left it, in the caller's
    transaction; returns the log (marked undone) and what was left alone."""
    log = _undoable(session, log_id)
    connection = session.connection()
    with _later(connection, log) as later:
        undo = _decide(session, connection, log, later.values())
        restore_imported_figures(connection, log_id, changed_by, now, all_=False)
    for task_id, status, note, by, at in undo.tasks:
        task = session.get(Task, task_id)
        if task is not None:
            task.status, task.note, task.updated_by = TaskStatus(status), note, by
            task.updated_at = datetime.fromisoformat(at) if at else None
            session.add(task)
    for indicator_id, fields in undo.targets:
        indicator = session.get(Indicator, indicator_id)
        if indicator is not None:
            for name, value in fields.items():
                setattr(indicator, name, value)
            session.add(indicator)
    entries = json.loads(log.undo_data or "{}").get(same_period.KIND, [])
    undo.kept += same_period.undo_rows(session, entries, write=True)  # before its period goes
    for key, state in undo.texts:  # before the periods: one the import added goes empty
        put_section(session, key, state)
    for model, ids in ((Indicator, undo.indicators), (Period, undo.periods)):
        for row_id in ids:
            row = session.get(model, row_id)
            if row is not None:
                session.delete(row)
    log.undone_at = now
    session.add(log)
    return log, undo.kept


def as_undone(
    session: Session,
    log_id: int,
    undone_by: str,
    changes: Changes,
    new_periods: set[int],
    new_indicators: set[int],
) -> tuple[Changes, set[int], list[KeptItem]]:
    """For a redo of the undone import `log_id`: its figures still as the undo left them
    (those in periods and indicators it adds again are new), the tasks changed since the
    undo (ids), and what is left alone, described."""
    log = session.get(ImportLog, log_id)
    if log is None or log.undone_at is None:
        raise LookupError("Lần nhập này chưa được hoàn tác nên không làm lại được.")
    fresh: Changes = []
    checked: Changes = []
    for change in changes:
        key = change[0]
        new = key.period_id in new_periods or key.indicator_id in new_indicators
        (fresh if new else checked).append(change)
    author = undo_author(log.file_name, undone_by)
    with figures_changed_since(
        session.connection(), author, log.undone_at, keys=[key for key, _ in checked]
    ) as later:
        changed = {c.key for c in later.values()}
        kept = figure_items(session, later.values())
    tasks: set[int] = set()
    for entry in json.loads(log.undo_data or "{}").get("tasks", []):
        task = session.get(Task, entry[0])
        if task is not None and _task_state(task) != _stamped(entry[1:5]):
            tasks.add(entry[0])
            kept.append(_task_item(task))
    return fresh + [c for c in checked if c[0] not in changed], tasks, kept


def _undoable(session: Session, log_id: int) -> ImportLog:
    log = session.get(ImportLog, log_id)
    if log is None or log.undone_at is not None:
        raise LookupError("Lần nhập này không còn để hoàn tác.")
    return log


def _author(log: ImportLog) -> str:
    return import_author(log.file_name, log.sender)


def _later(
    connection: Connection, log: ImportLog
) -> AbstractContextManager[dict[int, LaterChange]]:
    """The import's figures written again since it (older logs kept no history mark)."""
    after = json.loads(log.undo_data or "{}").get("history_after")
    return figures_changed_since(
        connection, _author(log), log.imported_at, log_id=log.id, history_after=after
    )


# Figures in an indicator or period that remain after the undo: not ones the import added
# and still as it left them (the undo removes those; temp.kh65_later holds the others).
_FIGURES_LEFT = (
    "SELECT 1 FROM reported_value r WHERE r.{0} = ? AND NOT EXISTS (SELECT 1 FROM "
    "import_undo_value u WHERE u.import_log_id = ? AND NOT u.existed "
    "AND u.indicator_id = r.indicator_id AND u.period_id = r.period_id "
    "AND coalesce(u.locality_id, 0) = coalesce(r.locality_id, 0) "
    "AND u.id NOT IN (SELECT n FROM temp.kh65_later)) LIMIT 1"
)
# From the import's first history row on (an id range, not a scan of every period's history):
# an indicator or period the import added has no history from before it.
_HISTORY_SINCE = (
    "SELECT 1 FROM value_change WHERE id > ? AND {0} = ? "
    "AND NOT (changed_by = ? AND changed_at = ?) LIMIT 1"
)
_INDICATOR_USED = (
    "SELECT 1 FROM locality_target WHERE indicator_id = :id UNION ALL "
    "SELECT 1 FROM stated_figure WHERE indicator_id = :id UNION ALL "
    "SELECT 1 FROM indicator WHERE parent_id = :id LIMIT 1"
)
_PERIOD_USED = "SELECT 1 FROM stated_figure WHERE period_id = ? LIMIT 1"


def _decide(
    session: Session, connection: Connection, log: ImportLog, later: Iterable[LaterChange]
) -> _Undo:
    undo_data = json.loads(log.undo_data or "{}")
    undo = _Undo(kept=figure_items(session, later))
    own = (_author(log), to_stored_time(log.imported_at))
    for entry in undo_data.get("tasks", []):
        task = session.get(Task, entry[0])
        if task is None:
            continue
        if len(entry) > 5 and _task_state(task) != _stamped(entry[5:]):  # legacy: no after
            undo.kept.append(_task_item(task))
        else:
            undo.tasks.append(tuple(entry[:5]))  # type: ignore[arg-type]
    for entry in undo_data.get("targets", []):
        indicator_id, before = entry[0], entry[1]
        after = entry[2] if len(entry) > 2 else None
        indicator = session.get(Indicator, indicator_id)
        if indicator is None:
            continue
        # legacy logs kept no after-state: as before, put the target back
        same = {
            k: v
            for k, v in before.items()
            if not after or as_stored(getattr(indicator, k)) == after[k]
        }
        if same:
            undo.targets.append((indicator_id, same))
        if len(same) < len(before):
            undo.kept.append(KeptItem(KeptKind.TARGET, indicator.code, indicator.name))
    for entry in undo_data.get("texts", []):
        key, before, after_state = _section_key(entry[0]), entry[1], entry[2]
        now = section_state(session, key)
        if section_json(now) == after_state:
            undo.texts.append((key, _section_from(before)))
        else:
            undo.kept.append(text_item(session, key, now))
    removed = {key for key, state in undo.texts if state is None}
    after = undo_data.get("history_after") or 0  # logs from before it was kept: all history
    for indicator_id in undo_data.get("indicators", []):
        indicator = session.get(Indicator, indicator_id)
        if indicator is None:
            continue
        used = _holds(connection, "indicator_id", indicator_id, log, own, after) or _one(
            connection, _INDICATOR_USED, {"id": indicator_id}
        )
        if used:
            undo.kept.append(KeptItem(KeptKind.INDICATOR, indicator.code, indicator.name))
        else:
            undo.indicators.append(indicator_id)
    for period_id in undo_data.get("periods", []):
        period = session.get(Period, period_id)
        if period is None:
            continue
        if (
            _holds(connection, "period_id", period_id, log, own, after)
            or _one(connection, _PERIOD_USED, (period_id,))
            or _texts_left(session, period_id, removed)
        ):
            undo.kept.append(KeptItem(KeptKind.PERIOD, period.code, period.name))
        else:
            undo.periods.append(period_id)
    return undo


def _holds(
    connection: Connection,
    column: str,
    row_id: int,
    log: ImportLog,
    own: tuple[str, str | None],
    after: int,
) -> bool:
    """Whether figures or history were entered in this indicator or period since (history
    after id `after`)."""
    return _one(connection, _FIGURES_LEFT.format(column), (row_id, log.id)) or _one(
        connection, _HISTORY_SINCE.format(column), (after, row_id, *own)
    )


def _one(connection: Connection, sql: str, parameters: Any) -> bool:
    return connection.exec_driver_sql(driver_sql(connection, sql), parameters).first() is not None


def _task_item(task: Task) -> KeptItem:
    return KeptItem(
        KeptKind.TASK,
        task.code,
        task.text,
        text=task.status.value,
        changed_by=task.updated_by,
        changed_at=task.updated_at,
    )


def _task_state(task: Task) -> tuple[str, str, str, str | None]:
    return task.status.value, task.note, task.updated_by, to_stored_time(task.updated_at)


def _stamped(after: list[Any]) -> tuple[str, str, str, str | None]:
    status, note, by, at = after
    return status, note, by, to_stored_time(datetime.fromisoformat(at) if at else None)


# -- report sections (report_text): kept in undo_data as [key, before, after] ------------------
def key_json(key: SectionKey) -> tuple[int, int | None, str, int | None]:
    return (key.period_id, key.agency_id, key.kind.value, key.task_id)


def _section_key(raw: list[Any]) -> SectionKey:
    return SectionKey(raw[0], raw[1], SectionKind(raw[2]), raw[3])


def section_json(state: SectionState | None) -> list[Any] | None:
    """A section's state as undo_data keeps it (JSON), and compares it."""
    if state is None:
        return None
    return [state.text, state.updated_by, to_stored_time(state.updated_at)]


def _section_from(raw: list[Any] | None) -> SectionState | None:
    if raw is None:
        return None
    return SectionState(raw[0], raw[1], from_stored_time(raw[2]) or datetime.now(UTC))


def texts_left_by_undo(session: Session, log_id: int) -> dict[tuple, list[Any] | None]:
    """For a redo of the undone import `log_id`: each section it wrote, and the state its
    undo put back (a redo writes a section only while it is still so)."""
    log = session.get(ImportLog, log_id)
    entries = json.loads(log.undo_data or "{}").get("texts", []) if log else []
    return {tuple(entry[0]): entry[1] for entry in entries}


def text_item(session: Session, key: SectionKey, state: SectionState | None) -> KeptItem:
    """A report section left alone: written since."""
    task = session.get(Task, key.task_id) if key.task_id else None
    period = session.get(Period, key.period_id)
    return KeptItem(
        KeptKind.TEXT,
        task.code if task else "",
        key.kind.label,
        period.name if period else "",
        text=state.text if state else "",
        removed=state is None,
        changed_by=state.updated_by if state else "",
        changed_at=state.updated_at if state else None,
    )


def _texts_left(session: Session, period_id: int, removed: set[SectionKey]) -> bool:
    """Whether sections remain in a period the import added, once its undo removed its own:
    the period stays (deleting it would delete them)."""
    rows = session.exec(select(ReportText).where(ReportText.period_id == period_id))
    return any(
        SectionKey(r.period_id, r.agency_id, SectionKind(r.kind), r.task_id) not in removed
        for r in rows
    )
