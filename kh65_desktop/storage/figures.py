"""Reading and writing reported figures in bulk, in SQL.

An import may set 100.000 figures at once. Matching each with the stored one, logging the
change and remembering the previous state one Python object at a time cost seconds; here
the incoming figures are put in a temporary table once and SQLite does the matching,
history, updates and inserts with a few set statements, whatever the count.
One figure typed by a clerk takes the same path.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from datetime import date, datetime
from typing import Any, NamedTuple, TypeVar

from sqlalchemy import Connection
from sqlalchemy.exc import SQLAlchemyError

from .engines import driver_sql, on_server, stored_text_loaders
from .locks import drop_locked_staged, refuse_locked_staged
from .stored_dates import from_stored_date, from_stored_time, to_stored_date, to_stored_time
from .write_lock import lock_figure_writes


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
# entered_by, entered_at, received_at.
StoredFigure = tuple[Any, ...]

_STORED = (
    "SELECT id, indicator_id, period_id, locality_id, value, text, achieved, is_estimate, "
    "as_of, note, entered_by, entered_at, received_at FROM reported_value "
    "WHERE period_id IN ({})"
)
IMPORT_WAIT = 300.0  # seconds an import waits for other imports to finish on SQLite
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


_STAGE = (
    "CREATE TEMP TABLE kh65_incoming (indicator_id INTEGER, period_id INTEGER, "
    "locality_id INTEGER, removed INTEGER, value REAL, text TEXT, achieved INTEGER, "
    "is_estimate INTEGER, as_of TEXT, note TEXT, entered_by TEXT, entered_at TEXT)"
)
# PostgreSQL: typed columns (it does not cast text to a date on insert), and the rowid SQLite
# gives every table as a last column, numbered in insertion order.
_STAGE_SERVER = (
    "CREATE TEMP TABLE kh65_incoming (indicator_id INTEGER, period_id INTEGER, "
    "locality_id INTEGER, removed BOOLEAN, value DOUBLE PRECISION, text TEXT, achieved BOOLEAN, "
    "is_estimate BOOLEAN, as_of DATE, note TEXT, entered_by TEXT, entered_at TIMESTAMPTZ, "
    "rowid BIGSERIAL PRIMARY KEY)"
)
_STAGE_ROW = "INSERT INTO kh65_incoming VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
# The stored figure each incoming one replaces, matched through the unique key's index;
# keyed by the incoming row (an INTEGER PRIMARY KEY: the joins below are rowid lookups).
_PREVIOUS_TABLE = (
    "CREATE TEMP TABLE kh65_previous (n INTEGER PRIMARY KEY, id INTEGER, value REAL, "
    "text TEXT, achieved INTEGER, is_estimate INTEGER, as_of TEXT, note TEXT, "
    "entered_by TEXT, entered_at TEXT)"
)
_PREVIOUS_TABLE_SERVER = (
    "CREATE TEMP TABLE kh65_previous (n BIGINT PRIMARY KEY, id INTEGER, value DOUBLE PRECISION, "
    "text TEXT, achieved BOOLEAN, is_estimate BOOLEAN, as_of DATE, note TEXT, "
    "entered_by TEXT, entered_at TIMESTAMPTZ)"
)
_MATCH = (
    "INSERT INTO kh65_previous SELECT i.rowid, r.id, r.value, r.text, r.achieved, "
    "r.is_estimate, r.as_of, r.note, r.entered_by, r.entered_at "
    "FROM kh65_incoming i LEFT JOIN reported_value r ON r.indicator_id = i.indicator_id "
    "AND r.period_id = i.period_id AND coalesce(r.locality_id, 0) = coalesce(i.locality_id, 0)"
)
_PAIRS = "FROM kh65_incoming i JOIN kh65_previous p ON p.n = i.rowid"
_HISTORY = (
    "INSERT INTO value_change (indicator_id, period_id, locality_id, old_value, new_value, "
    "old_text, new_text, changed_by, changed_at) SELECT i.indicator_id, i.period_id, "
    "i.locality_id, p.value, CASE WHEN i.removed THEN NULL ELSE i.value END, "
    "coalesce(p.text, ''), CASE WHEN i.removed THEN '' ELSE i.text END, ?, ?{stamp} "
    f"{_PAIRS} WHERE NOT (i.removed AND p.id IS NULL) ORDER BY i.rowid"
)
# PostgreSQL takes a parameter in a select list as text: the time is said to be one.
_HISTORY_FILE, _HISTORY_SERVER = _HISTORY.format(stamp=""), _HISTORY.format(stamp="::timestamptz")
_UPDATE = (
    "UPDATE reported_value SET value = i.value, text = i.text, achieved = i.achieved, "
    "is_estimate = i.is_estimate, as_of = i.as_of, note = i.note, "
    "entered_by = i.entered_by, entered_at = i.entered_at, "
    # a new version on every write: a save stating the version it read is checked against it
    f"received_at = coalesce(?, i.entered_at), version = reported_value.version + 1 {_PAIRS} "
    "WHERE reported_value.id = p.id AND NOT i.removed"
)
_INSERT = (
    "INSERT INTO reported_value (indicator_id, period_id, locality_id, value, text, achieved, "
    "is_estimate, as_of, note, entered_by, entered_at, received_at) SELECT i.indicator_id, "
    "i.period_id, i.locality_id, i.value, i.text, i.achieved, i.is_estimate, i.as_of, i.note, "
    "i.entered_by, i.entered_at, coalesce(?, i.entered_at) "
    f"{_PAIRS} WHERE p.id IS NULL AND NOT i.removed ORDER BY i.rowid"
)
_DELETE = f"DELETE FROM reported_value WHERE id IN (SELECT p.id {_PAIRS} WHERE i.removed)"
_KEEP = (
    "INSERT INTO import_undo_value (import_log_id, indicator_id, period_id, locality_id, "
    "existed, value, text, achieved, is_estimate, as_of, note, entered_by, entered_at) "
    "SELECT ?, i.indicator_id, i.period_id, i.locality_id, p.id IS NOT NULL, p.value, p.text, "
    f"p.achieved, p.is_estimate, p.as_of, p.note, p.entered_by, p.entered_at {_PAIRS} "
    "ORDER BY i.rowid"
)
# Read as (indicator, period, locality, whether there was one, then the state at the places
# `stored_state` reads).
_PREVIOUS = (
    "SELECT i.indicator_id, i.period_id, i.locality_id, p.id, p.value, p.text, p.achieved, "
    f"p.is_estimate, p.as_of, p.note, p.entered_by, p.entered_at {_PAIRS} ORDER BY i.rowid"
)
# An import's kept states, staged to be written back (its added figures removed).
_RESTAGE = (
    "INSERT INTO kh65_incoming SELECT indicator_id, period_id, locality_id, NOT existed, "
    "value, coalesce(text, ''), achieved, coalesce(is_estimate, {false}), as_of, "
    "coalesce(note, ''), coalesce(entered_by, ''), coalesce(entered_at, ?) "
    "FROM import_undo_value WHERE import_log_id = ? {later} ORDER BY id"
)
# Figures written again since the import (storage/changed_since.py marks them) stay as they are.
_NOT_LATER = "AND id NOT IN (SELECT n FROM temp.kh65_later)"
_DROP = ("DROP TABLE IF EXISTS temp.kh65_incoming", "DROP TABLE IF EXISTS temp.kh65_previous")


Changes = list[tuple[ValueKey, ValueState | None]]
_Kept = TypeVar("_Kept")


def write_figures(
    connection: Connection, changes: Changes, changed_by: str, now: datetime
) -> Changes:
    """Set (or, with None, remove) figures inside the caller's transaction, logging each
    change in the history. Returns the previous states in the same shape (what undo passes
    back). Each key may appear once."""

    def previous() -> Changes:
        with _cursor(connection) as cursor:
            return [
                (ValueKey(*r[:3]), stored_state(r) if r[3] else None)
                for r in cursor.execute(_PREVIOUS)
            ]

    if not changes:
        return []
    stamp = to_stored_time(now)
    staged = (_STAGE_ROW, _staged_rows(changes, changed_by, stamp))
    return _write(connection, staged, changed_by, stamp, previous)  # locked: refused


def write_imported_figures(
    connection: Connection, changes: Changes, changed_by: str, now: datetime, log_id: int
) -> None:
    """`write_figures` for an import: the previous states are kept in import_undo_value
    under the import's log, copied by SQLite rather than carried through Python."""
    if changes:
        lock_figure_writes(connection, IMPORT_WAIT)  # behind other imports: wait its turn
        stamp = to_stored_time(now)
        staged = (_STAGE_ROW, _staged_rows(changes, changed_by, stamp))
        _write(
            connection,
            staged,
            changed_by,
            stamp,
            lambda: _run(connection, _KEEP, (log_id,)),
            locked=drop_locked_staged,  # approved figures are skipped, never written
        )


def restore_imported_figures(
    connection: Connection, log_id: int, changed_by: str, now: datetime, *, all_: bool = True
) -> None:
    """Put back the figures an import replaced and remove those it added, logging each
    change; the kept states go from table to table without passing through Python.
    Without `all_`, those in temp.kh65_later (written again since) are left alone."""
    stamp = to_stored_time(now)
    false = "false" if on_server(connection) else "0"
    restage = _RESTAGE.format(later="" if all_ else _NOT_LATER, false=false)
    # a put-back figure counts as received when it was entered, as before the import
    _write(  # a figure approved since stays as approved
        connection,
        (restage, (stamp, log_id)),
        changed_by,
        stamp,
        lambda: None,
        False,
        locked=drop_locked_staged,
    )


def _staged_rows(changes: Changes, changed_by: str, stamp: str | None) -> list[tuple[Any, ...]]:
    """Python's changes as rows of the staging table (each key once)."""
    if len({key for key, _ in changes}) != len(changes):
        raise ValueError("Một số liệu xuất hiện hai lần trong cùng một lần ghi.")
    return [
        (*key, True, None, "", None, False, None, "", "", stamp)
        if state is None
        else (
            *key,
            False,
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


def _write(
    connection: Connection,
    staged: tuple[str, Any],
    changed_by: str,
    stamp: str | None,
    keep: Callable[[], _Kept],
    received_now: bool = True,
    locked: Callable[[Connection], object] = refuse_locked_staged,
) -> _Kept:
    """Stage the changes (a statement and its parameters), match them with the stored
    figures, `keep` what they were, then log and write them: set statements, whatever the
    count."""
    lock_figure_writes(connection)  # two writes (two imports) never interleave
    server = on_server(connection)
    for statement in _DROP:  # a rolled-back write may have left them
        _run(connection, statement)
    _run(connection, _STAGE_SERVER if server else _STAGE)
    _run(connection, _PREVIOUS_TABLE_SERVER if server else _PREVIOUS_TABLE)
    try:
        # through SQLAlchemy, which turns the driver's errors into its own
        _run(connection, *staged)
        locked(connection)  # approved figures (storage/locks.py): refuse or leave out
        _run(connection, _MATCH)
        kept = keep()
        _run(connection, _HISTORY_SERVER if server else _HISTORY_FILE, (changed_by, stamp))
        # received_at: this write's time on this machine's clock, whatever the sender's
        received_at = stamp if received_now else None  # None: when it was entered
        _run(connection, _UPDATE, (received_at,))
        _run(connection, _INSERT, (received_at,))
        _run(connection, _DELETE)
    finally:
        with suppress(SQLAlchemyError):  # never hide the error that got us here
            for statement in _DROP:
                _run(connection, statement)
    return kept


def _run(connection: Connection, sql: str, parameters: Any = None) -> Any:
    """A statement written for SQLite, run on the connection's engine (engines.driver_sql)."""
    sql = driver_sql(connection, sql)
    return (
        connection.exec_driver_sql(sql)
        if parameters is None
        else connection.exec_driver_sql(sql, parameters)
    )


@contextmanager
def _cursor(connection: Connection) -> Iterator[Any]:
    """The driver's own cursor on the connection's transaction: its rows are plain tuples."""
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    if on_server(connection):
        stored_text_loaders(cursor)  # dates as SQLite's stored text, as readers expect
    try:
        yield _Translating(cursor, connection)
    finally:
        cursor.close()


class _Translating:
    """A driver cursor that takes SQLite-style SQL on either engine."""

    def __init__(self, cursor: Any, connection: Connection) -> None:
        self._cursor, self._connection = cursor, connection

    def execute(self, sql: str, parameters: Any = ()) -> Any:
        return self._cursor.execute(driver_sql(self._connection, sql), parameters)
