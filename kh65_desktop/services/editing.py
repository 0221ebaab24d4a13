"""Every write a clerk makes, each in one transaction, returning what undo needs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, SQLModel, col, select

from ..domain.figure_rules import RuleError
from ..domain.terms import Role, TaskStatus
from ..storage.figure_keys import keyed_row
from ..storage.figure_versions import FigureConflict, ReadVersions, StaleFigures, stale_figures
from ..storage.figures import ValueKey, ValueState, write_figures
from ..storage.models import (
    LocalityTarget,
    ReportedValue,
    Task,
    TaskAgency,
    ValueChange,
)
from ..storage.server_roles import refused_by_server
from ..storage.write_lock import lock_figure_writes, lock_row
from .figure_checks import checked_fields, checked_states, checked_target, fields_of, jump_warnings
from .write_rights import figures_refused, other_refused, task_refused

# the UI's names for figures
__all__ = [
    "EditService",
    "FigureConflict",
    "ReadVersions",
    "StaleFigures",
    "StaleTask",
    "TaskSnapshot",
    "ValueKey",
    "ValueState",
]


@dataclass(frozen=True)
class TaskSnapshot:
    """A deleted task with its agency links, to bring it back on undo."""

    fields: dict[str, Any]
    links: tuple[tuple[int, Role], ...]


class EditService:
    """Writes through one short session per call; nothing is half-written."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def _session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)

    # -- reported values --------------------------------------------------------------
    def value_state(self, key: ValueKey) -> ValueState | None:
        with self._session() as session:
            row = _value_row(session, key)
            return _state(row) if row else None

    def set_values(
        self,
        changes: list[tuple[ValueKey, ValueState | None]],
        changed_by: str,
        now: datetime | None = None,
        read: ReadVersions | None = None,
    ) -> list[tuple[ValueKey, ValueState | None]]:
        """Set (or, with None, remove) several figures in one transaction and log each change
        (at `now`: an undo finds its command's own history rows by it).

        Returns the previous states, in the same shape, so undo can pass them back.
        A figure or text outside the rules (domain/figure_rules.py) raises RuleError and
        nothing is written. `read`: the version of each figure when the clerk read it; if
        any was written since, StaleFigures says by whom and nothing is written. On a
        server, figures the clerk's role may not write raise NotPermitted."""
        try:
            with self._session() as session, session.begin():
                changes = checked_states(session, changes)
                if read:
                    connection = session.connection()
                    lock_figure_writes(connection)
                    stale = stale_figures(connection, read, dict(changes))
                    if stale:
                        raise StaleFigures(stale)
                return write_figures(
                    session.connection(), changes, changed_by, now or datetime.now(UTC)
                )
        except DBAPIError as exc:
            if refused_by_server(exc):
                raise figures_refused(self.engine, [k.indicator_id for k, _ in changes]) from exc
            raise

    def jump_warnings(self, changes: list[tuple[ValueKey, ValueState | None]]) -> list[str]:
        """Figures more than 10× their target or last figure: the window asks before saving.
        Nothing for figures the rules refuse: saving them says why, there is nothing to ask."""
        with self._session() as session:
            try:
                checked_states(session, changes)
            except (RuleError, LookupError):
                return []
            return jump_warnings(session, changes)

    def record_value(
        self,
        key: ValueKey,
        value: float | None,
        changed_by: str,
        *,
        is_estimate: bool = False,
        as_of: date | None = None,
        text: str = "",
        note: str = "",
    ) -> ValueState | None:
        """Set one figure as entered now by `changed_by`; returns the previous state."""
        state = ValueState(value, text, None, is_estimate, as_of, note, changed_by)
        return self.set_values([(key, state)], changed_by)[0][1]

    def value_history(self, indicator_id: int) -> list[ValueChange]:
        """Every recorded change to an indicator's figures, oldest first."""
        with self._session() as session:
            return list(
                session.exec(
                    select(ValueChange)
                    .where(ValueChange.indicator_id == indicator_id)
                    .order_by(col(ValueChange.changed_at), col(ValueChange.id))
                )
            )

    def set_locality_target(
        self, indicator_id: int, locality_id: int, value: float | None
    ) -> float | None:
        """Set (or remove) a locality's target; returns the previous one."""
        with self._session() as session, session.begin():
            value = checked_target(session, indicator_id, value)
            return put_locality_target(session, indicator_id, locality_id, value)

    # -- any row's plain fields ----------------------------------------------------------
    def update_fields(
        self,
        model: type[SQLModel],
        key: Any,
        changes: dict[str, Any],
        read_version: int | None = None,
    ) -> dict[str, Any]:
        """Change some fields of one row; returns their previous values (for undo). A task
        gets a new version; with `read_version` (the version the clerk saw), a task written
        since raises StaleTask and nothing is written."""
        try:
            with self._session() as session, session.begin():
                checked = read_version is not None
                if checked:
                    lock_row(session.connection(), model.__table__)  # type: ignore[attr-defined]
                row = session.get(model, key, with_for_update=checked)
                if row is None:
                    raise LookupError(f"Không còn bản ghi {model.__name__} {key}.")
                if checked and isinstance(row, Task) and row.version != read_version:
                    raise StaleTask(row, changes.get("status", row.status))
                old = {name: getattr(row, name) for name in changes}
                changes = checked_fields(session, row, changes)
                for name, value in changes.items():
                    setattr(row, name, value)
                if isinstance(row, Task):
                    row.version += 1
        except DBAPIError as exc:
            if not refused_by_server(exc):
                raise
            if model is Task:
                raise task_refused(self.engine, key) from exc
            raise other_refused() from exc
        return old

    def add_row(self, row: SQLModel) -> Any:
        """Insert a row; returns its primary key."""
        with self._session() as session, session.begin():
            for name, value in checked_fields(session, row, fields_of(row)).items():
                setattr(row, name, value)
            session.add(row)
            session.flush()
            return row.id

    def delete_row(self, model: type[SQLModel], key: Any) -> None:
        with self._session() as session, session.begin():
            row = session.get(model, key)
            if row is not None:
                session.delete(row)

    # -- tasks ---------------------------------------------------------------------------
    def add_task(self, task: Task, lead_ids: list[int], coordinating_ids: list[int]) -> int:
        """A new task with its agencies, in one transaction."""
        with self._session() as session, session.begin():
            for name, value in checked_fields(session, task, fields_of(task)).items():
                setattr(task, name, value)
            session.add(task)
            session.flush()
            assert task.id is not None
            _link(
                session,
                task.id,
                [(a, Role.LEAD) for a in lead_ids]
                + [(a, Role.COORDINATE) for a in coordinating_ids if a not in lead_ids],
            )
            return task.id

    def set_task_status(
        self, task_id: int, status: TaskStatus, changed_by: str, read_version: int | None = None
    ) -> TaskStatus:
        """Returns the previous status. `read_version`: see update_fields."""
        old = self.update_fields(
            Task,
            task_id,
            {"status": status, "updated_by": changed_by, "updated_at": datetime.now(UTC)},
            read_version,
        )
        return old["status"]

    def delete_task(self, task_id: int) -> TaskSnapshot:
        """Delete a task and its links; the snapshot brings it back."""
        with self._session() as session, session.begin():
            task = session.get(Task, task_id)
            if task is None:
                raise LookupError(f"Không còn nhiệm vụ {task_id}.")
            links = tuple(
                (link.agency_id, link.role)
                for link in session.exec(select(TaskAgency).where(TaskAgency.task_id == task_id))
            )
            snapshot = TaskSnapshot(task.model_dump(), links)
            session.delete(task)
        return snapshot

    def restore_task(self, snapshot: TaskSnapshot) -> int:
        """Put a deleted task back with the same id and links."""
        with self._session() as session, session.begin():
            task = Task.model_validate(snapshot.fields)
            session.add(task)
            session.flush()
            assert task.id is not None
            _link(session, task.id, list(snapshot.links))
            return task.id


class StaleTask(Exception):
    """A task's save refused: someone changed the task after the clerk read it."""

    def __init__(self, task: Task, yours: TaskStatus) -> None:
        super().__init__(f"Nhiệm vụ {task.code} vừa được người khác sửa.")
        self.code, self.yours = task.code, yours
        self.theirs, self.version = task.status, task.version
        self.changed_by, self.changed_at = task.updated_by, task.updated_at


def put_locality_target(
    session: Session, indicator_id: int, locality_id: int, value: float | None
) -> float | None:
    """Set (None: remove) a locality's target in the caller's transaction; returns the
    previous one."""
    row = session.get(LocalityTarget, (indicator_id, locality_id))
    old = row.target_value if row else None
    if value is None:
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(
            LocalityTarget(indicator_id=indicator_id, locality_id=locality_id, target_value=value)
        )
    else:
        row.target_value = value
    return old


def _link(session: Session, task_id: int, links: list[tuple[int, Role]]) -> None:
    for agency_id, role in links:
        session.add(TaskAgency(task_id=task_id, agency_id=agency_id, role=role))


def _value_row(session: Session, key: ValueKey) -> ReportedValue | None:
    return keyed_row(session, ReportedValue, key.indicator_id, key.period_id, key.locality_id)


def _state(row: Any) -> ValueState:
    return ValueState(
        row.value,
        row.text,
        row.achieved,
        row.is_estimate,
        row.as_of,
        row.note,
        row.entered_by,
        row.entered_at,
    )
