"""Every write a clerk makes, each in one transaction, returning what undo needs."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, NamedTuple

from sqlalchemy import Connection, Engine, Row
from sqlmodel import Session, SQLModel, col, select

from ..domain.terms import Role, TaskStatus
from ..storage.models import LocalityTarget, ReportedValue, Task, TaskAgency, ValueChange


class ValueKey(NamedTuple):
    """Which figure: an indicator in a period, province-wide or for one locality."""

    indicator_id: int
    period_id: int
    locality_id: int | None = None


class ValueState(NamedTuple):
    """A figure and its provenance, as stored (tuples: an import builds 100.000 of them)."""

    value: float | None
    text: str = ""
    achieved: bool | None = None
    is_estimate: bool = False
    as_of: date | None = None
    note: str = ""
    entered_by: str = ""
    entered_at: datetime | None = None


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
        self, changes: list[tuple[ValueKey, ValueState | None]], changed_by: str
    ) -> list[tuple[ValueKey, ValueState | None]]:
        """Set (or, with None, remove) several figures in one transaction and log each change.

        Returns the previous states, in the same shape, so undo can pass them back."""
        with self._session() as session, session.begin():
            return write_values(session, changes, changed_by, datetime.now(UTC))

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
            row = session.get(LocalityTarget, (indicator_id, locality_id))
            old = row.target_value if row else None
            if value is None:
                if row is not None:
                    session.delete(row)
            elif row is None:
                session.add(
                    LocalityTarget(
                        indicator_id=indicator_id, locality_id=locality_id, target_value=value
                    )
                )
            else:
                row.target_value = value
        return old

    # -- any row's plain fields ----------------------------------------------------------
    def update_fields(
        self, model: type[SQLModel], key: Any, changes: dict[str, Any]
    ) -> dict[str, Any]:
        """Change some fields of one row; returns their previous values (for undo)."""
        with self._session() as session, session.begin():
            row = session.get(model, key)
            if row is None:
                raise LookupError(f"Không còn bản ghi {model.__name__} {key}.")
            old = {name: getattr(row, name) for name in changes}
            for name, value in changes.items():
                setattr(row, name, value)
        return old

    def add_row(self, row: SQLModel) -> Any:
        """Insert a row; returns its primary key."""
        with self._session() as session, session.begin():
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

    def set_task_status(self, task_id: int, status: TaskStatus, changed_by: str) -> TaskStatus:
        """Returns the previous status."""
        old = self.update_fields(
            Task,
            task_id,
            {"status": status, "updated_by": changed_by, "updated_at": datetime.now(UTC)},
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


_STORED = (
    "SELECT id, indicator_id, period_id, locality_id, value, text, achieved, is_estimate, "
    "as_of, note, entered_by, entered_at FROM reported_value WHERE period_id IN ({})"
)


def stored_figures(connection: Connection, period_ids: Iterable[int]) -> dict[tuple, Row]:
    """Every stored figure of these periods by (indicator, period, locality), as the driver's
    rows, dates still as stored (`stored_dates` converts): a plan may hold over a hundred
    thousand, and converting each through the ORM would dominate an import."""
    ids = tuple(sorted(set(period_ids)))
    if not ids:
        return {}
    rows = connection.exec_driver_sql(_STORED.format(", ".join("?" * len(ids))), ids)
    return {(r[1], r[2], r[3]): r for r in rows.fetchall()}


def stored_dates(
    connection: Connection,
) -> tuple[Callable[[Any], date | None], Callable[[Any], datetime | None]]:
    """Converters from stored `as_of` and `entered_at` values: SQLAlchemy's own, so a date
    reads back as the ORM would have read it."""
    date_type, time_type = _date_types(connection)
    from_date = date_type.result_processor(connection.dialect, None) or _same
    from_time = time_type.result_processor(connection.dialect, None) or _same
    return from_date, from_time


def _date_types(connection: Connection) -> tuple[Any, Any]:
    """The `as_of` and `entered_at` column types as this database's dialect stores them."""
    columns, dialect = ReportedValue.__table__.c, connection.dialect
    return columns.as_of.type.dialect_impl(dialect), columns.entered_at.type.dialect_impl(dialect)


_FIELDS = ("value", "text", "achieved", "is_estimate", "as_of", "note", "entered_by", "entered_at")
_UPDATE = (
    "UPDATE reported_value SET value = ?, text = ?, achieved = ?, is_estimate = ?, "
    "as_of = ?, note = ?, entered_by = ?, entered_at = ? WHERE id = ?"
)
_INSERT = (
    "INSERT INTO reported_value (value, text, achieved, is_estimate, as_of, note, "
    "entered_by, entered_at, indicator_id, period_id, locality_id) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_DELETE = "DELETE FROM reported_value WHERE id = ?"
_HISTORY = (
    "INSERT INTO value_change (indicator_id, period_id, locality_id, old_value, "
    "new_value, old_text, new_text, changed_by, changed_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def _same(value: Any) -> Any:
    return value


def write_values(
    session: Session,
    changes: list[tuple[ValueKey, ValueState | None]],
    changed_by: str,
    now: datetime,
) -> list[tuple[ValueKey, ValueState | None]]:
    """Set or remove figures inside the caller's transaction, logging each change.

    One executemany per kind of write, through the driver with SQLAlchemy's own converters
    for dates, so one figure and a hundred thousand take the same path (an import of
    100.000 figures would otherwise spend its time building ORM objects).
    Returns the previous states, in the same shape."""
    if not changes:
        return []
    connection = session.connection()
    date_type, time_type = _date_types(connection)
    to_date = date_type.bind_processor(connection.dialect) or _same
    to_time = time_type.bind_processor(connection.dialect) or _same
    from_date, from_time = stored_dates(connection)
    existing = stored_figures(connection, (k.period_id for k, _ in changes))
    stamp = to_time(now)
    previous: list[tuple[ValueKey, ValueState | None]] = []
    updates, inserts, deletes, history = [], [], [], []
    for key, state in changes:
        row = existing.get((key.indicator_id, key.period_id, key.locality_id))
        old = None
        if row is not None:
            old = ValueState(
                row[4],
                row[5],
                None if row[6] is None else bool(row[6]),
                bool(row[7]),
                from_date(row[8]),
                row[9],
                row[10],
                from_time(row[11]),
            )
        previous.append((key, old))
        if state is None:
            if row is not None:
                deletes.append((row[0],))
        else:
            fields = (
                state.value,
                state.text,
                state.achieved,
                state.is_estimate,
                to_date(state.as_of),
                state.note,
                state.entered_by or changed_by,
                to_time(state.entered_at) if state.entered_at else stamp,
            )
            if row is not None:
                updates.append((*fields, row[0]))
            else:
                inserts.append((*fields, key.indicator_id, key.period_id, key.locality_id))
        history.append(
            (
                key.indicator_id,
                key.period_id,
                key.locality_id,
                old.value if old else None,
                state.value if state else None,
                old.text if old else "",
                state.text if state else "",
                changed_by,
                stamp,
            )
        )
    for statement, rows in (
        (_UPDATE, updates),
        (_INSERT, inserts),
        (_DELETE, deletes),
        (_HISTORY, history),
    ):
        if rows:
            connection.exec_driver_sql(statement, rows)
    return previous


def _link(session: Session, task_id: int, links: list[tuple[int, Role]]) -> None:
    for agency_id, role in links:
        session.add(TaskAgency(task_id=task_id, agency_id=agency_id, role=role))


def _value_row(session: Session, key: ValueKey) -> ReportedValue | None:
    locality = (
        col(ReportedValue.locality_id).is_(None)
        if key.locality_id is None
        else ReportedValue.locality_id == key.locality_id
    )
    return session.exec(
        select(ReportedValue).where(
            ReportedValue.indicator_id == key.indicator_id,
            ReportedValue.period_id == key.period_id,
            locality,
        )
    ).first()


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
