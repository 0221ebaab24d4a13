"""Reading and writing reported figures in bulk, in SQL.

An import may set 100.000 figures at once. Matching each with the stored one, logging the
change and remembering the previous state one Python object at a time cost seconds; here
the incoming figures are put in a temporary table once and SQLite does the matching,
history, updates and inserts with set statements (four statements whatever the count).
One figure typed by a clerk takes the same path.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from typing import Any, NamedTuple

from sqlalchemy import Connection

from .stored_dates import from_stored_date, from_stored_time, to_stored_date, to_stored_time


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


# A stored figure as the driver returns it, dates as stored text:
# id, indicator_id, period_id, locality_id, value, text, achieved, is_estimate, as_of, note,
# entered_by, entered_at.
StoredFigure = tuple[Any, ...]

_STORED = (
    "SELECT id, indicator_id, period_id, locality_id, value, text, achieved, is_estimate, "
    "as_of, note, entered_by, entered_at FROM reported_value WHERE period_id IN ({})"
)
_MANY_IDS = 30_000  # SQLite allows 32.766 parameters; beyond, read the periods whole


def stored_figures(
    connection: Connection, period_ids: Iterable[int], indicator_ids: Iterable[int] = ()
) -> dict[tuple[int, int, int | None], StoredFigure]:
    """The stored figures of these periods (and, if given, only these indicators) by
    (indicator, period, locality), as plain driver rows: building SQLAlchemy rows for a
    plan's hundred thousand would dominate an import's preview."""
    periods = tuple(sorted(set(period_ids)))
    indicators = tuple(sorted(set(indicator_ids)))
    if not periods:
        return {}
    sql, parameters = _STORED.format(", ".join("?" * len(periods))), periods
    if indicators and len(periods) + len(indicators) <= _MANY_IDS:
        sql += " AND indicator_id IN ({})".format(", ".join("?" * len(indicators)))
        parameters += indicators
    with _cursor(connection) as cursor:
        return {(r[1], r[2], r[3]): r for r in cursor.execute(sql, parameters)}


def stored_state(row: StoredFigure) -> ValueState:
    """A stored figure's state, dates converted."""
    return ValueState(
        row[4],
        row[5],
        None if row[6] is None else bool(row[6]),
        bool(row[7]),
        from_stored_date(row[8]),
        row[9],
        row[10],
        from_stored_time(row[11]),
    )


class Previous:
    """What the written figures were before, in the order they were given."""

    def __init__(self, rows: list[tuple[Any, ...]]) -> None:
        # indicator, period, locality, then the stored id and state at a StoredFigure's places
        self._rows = rows

    def states(self) -> list[tuple[ValueKey, ValueState | None]]:
        """Previous states, shaped as `write_figures` takes them (what undo passes back)."""
        return [(ValueKey(*r[:3]), None if r[3] is None else stored_state(r)) for r in self._rows]

    def for_log(self) -> list[list[Any]]:
        """Plain lists for a JSON undo log: key, then the stored state or None (dates stay
        the stored ISO text, which `state_from_log` reads back)."""
        return [[r[0], r[1], r[2], None if r[3] is None else r[4:]] for r in self._rows]


def state_from_log(raw: list[Any] | None) -> ValueState | None:
    """A state kept by `Previous.for_log` (or by earlier versions' ISO-formatted logs)."""
    if raw is None:
        return None
    value, text, achieved, estimate, as_of, note, by, at = raw
    return ValueState(
        value,
        text,
        None if achieved is None else bool(achieved),
        bool(estimate),
        date.fromisoformat(as_of) if as_of else None,
        note,
        by,
        _logged_time(at) if at else None,
    )


def _logged_time(text: str) -> datetime:
    moment = datetime.fromisoformat(text)  # stored text, or ISO with a zone in older logs
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


_STAGE = (
    "CREATE TEMP TABLE kh65_incoming (indicator_id INTEGER, period_id INTEGER, "
    "locality_id INTEGER, removed INTEGER, value REAL, text TEXT, achieved INTEGER, "
    "is_estimate INTEGER, as_of TEXT, note TEXT, entered_by TEXT, entered_at TEXT)"
)
_STAGE_ROW = "INSERT INTO kh65_incoming VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
# The stored figure each incoming one replaces, matched through the unique key's index.
_MATCH = (
    "CREATE TEMP TABLE kh65_previous AS SELECT i.rowid AS n, r.id, r.value, r.text, "
    "r.achieved, r.is_estimate, r.as_of, r.note, r.entered_by, r.entered_at "
    "FROM kh65_incoming i LEFT JOIN reported_value r ON r.indicator_id = i.indicator_id "
    "AND r.period_id = i.period_id AND coalesce(r.locality_id, 0) = coalesce(i.locality_id, 0)"
)
_PAIRS = "FROM kh65_incoming i JOIN kh65_previous p ON p.n = i.rowid"
_HISTORY = (
    "INSERT INTO value_change (indicator_id, period_id, locality_id, old_value, new_value, "
    "old_text, new_text, changed_by, changed_at) SELECT i.indicator_id, i.period_id, "
    "i.locality_id, p.value, CASE WHEN i.removed THEN NULL ELSE i.value END, "
    "coalesce(p.text, ''), CASE WHEN i.removed THEN '' ELSE i.text END, ?, ? "
    f"{_PAIRS} WHERE NOT (i.removed AND p.id IS NULL) ORDER BY i.rowid"
)
_UPDATE = (
    "UPDATE reported_value SET value = i.value, text = i.text, achieved = i.achieved, "
    "is_estimate = i.is_estimate, as_of = i.as_of, note = i.note, "
    f"entered_by = i.entered_by, entered_at = i.entered_at {_PAIRS} "
    "WHERE reported_value.id = p.id AND NOT i.removed"
)
_INSERT = (
    "INSERT INTO reported_value (indicator_id, period_id, locality_id, value, text, achieved, "
    "is_estimate, as_of, note, entered_by, entered_at) SELECT i.indicator_id, i.period_id, "
    "i.locality_id, i.value, i.text, i.achieved, i.is_estimate, i.as_of, i.note, "
    f"i.entered_by, i.entered_at {_PAIRS} WHERE p.id IS NULL AND NOT i.removed ORDER BY i.rowid"
)
_DELETE = f"DELETE FROM reported_value WHERE id IN (SELECT p.id {_PAIRS} WHERE i.removed)"
_PREVIOUS = (
    "SELECT i.indicator_id, i.period_id, i.locality_id, p.id, p.value, p.text, p.achieved, "
    f"p.is_estimate, p.as_of, p.note, p.entered_by, p.entered_at {_PAIRS} ORDER BY i.rowid"
)
_DROP = ("DROP TABLE IF EXISTS temp.kh65_incoming", "DROP TABLE IF EXISTS temp.kh65_previous")


def write_figures(
    connection: Connection,
    changes: list[tuple[ValueKey, ValueState | None]],
    changed_by: str,
    now: datetime,
) -> Previous:
    """Set (or, with None, remove) figures inside the caller's transaction, logging each
    change in the history; returns what they were. Each key may appear once."""
    if not changes:
        return Previous([])
    if len({key for key, _ in changes}) != len(changes):
        raise ValueError("Một số liệu xuất hiện hai lần trong cùng một lần ghi.")
    stamp = to_stored_time(now)
    staged = [
        (*key, 1, None, "", None, 0, None, "", "", stamp)
        if state is None
        else (
            *key,
            0,
            state.value,
            state.text,
            state.achieved,
            state.is_estimate,
            to_stored_date(state.as_of),
            state.note,
            state.entered_by or changed_by,
            to_stored_time(state.entered_at) if state.entered_at else stamp,
        )
        for key, state in changes
    ]
    for statement in _DROP:  # a rolled-back write may have left them
        connection.exec_driver_sql(statement)
    connection.exec_driver_sql(_STAGE)
    try:
        # through SQLAlchemy, which turns the driver's errors into its own
        connection.exec_driver_sql(_STAGE_ROW, staged)
        connection.exec_driver_sql(_MATCH)
        with _cursor(connection) as cursor:
            previous = Previous(cursor.execute(_PREVIOUS).fetchall())
        connection.exec_driver_sql(_HISTORY, (changed_by, stamp))
        connection.exec_driver_sql(_UPDATE)
        connection.exec_driver_sql(_INSERT)
        connection.exec_driver_sql(_DELETE)
    finally:
        for statement in _DROP:
            connection.exec_driver_sql(statement)
    return previous


@contextmanager
def _cursor(connection: Connection) -> Iterator[Any]:
    """The driver's own cursor on the connection's transaction: its rows are plain tuples."""
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        yield cursor
    finally:
        cursor.close()
