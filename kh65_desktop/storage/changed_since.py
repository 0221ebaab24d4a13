"""Which figures were written again after a given write (an import, a clerk's command).

Every figure write goes through storage/figures.py and logs one value_change row per figure,
even when only the note changed, the same number was typed again or the figure was removed.
So a figure is still as a write left it exactly when that write's own history row is the
figure's newest one, or only imports undone since follow it (an undo puts back exactly the
state before its import). The stored state alone could not tell: an import's full written state
is kept nowhere, and a later write of the same number by someone else looks just like it.

A write's own rows are those with its author and its time stamp (a write logs each figure
once). While that row exists every later row has a larger id (SQLite gives max(id) + 1), so
"newest" is the largest id.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import Connection
from sqlalchemy.exc import SQLAlchemyError

from .engines import driver_sql, like_prefix, on_server
from .figures import (
    Changes,
    ValueKey,
    ValueState,
    stored_state,
    write_figures,
)
from .stored_dates import from_stored_time, to_stored_time

# Who the history says wrote an import's figures, and its undo's (file name, then sender or
# the clerk who undid it).
IMPORT_BY = "Nhập từ tệp {0} ({1})"
IMPORT_UNDONE_BY = "Hoàn tác nhập tệp {0} ({1})"


def _glob(connection: Connection, author: str) -> str:
    """Any author of this form, as a GLOB pattern (LIKE's on PostgreSQL; file names may hold
    either's own signs)."""
    return like_prefix(connection, author.split("{", 1)[0])


class LaterChange(NamedTuple):
    """A figure written again since: its state now (None: removed) and the newest change."""

    key: ValueKey
    now: ValueState | None
    changed_by: str  # "" when the figure's history no longer has the write's own row
    changed_at: datetime | None


_KEYS = (
    "CREATE TEMP TABLE kh65_keys (n INTEGER PRIMARY KEY, indicator_id INTEGER, "
    "period_id INTEGER, loc INTEGER)"
)
_KEYS_INDEX = "CREATE INDEX temp.kh65_keys_key ON kh65_keys (indicator_id, period_id, loc)"
_KEYS_INDEX_SERVER = "CREATE INDEX kh65_keys_key ON kh65_keys (indicator_id, period_id, loc)"
_KEYS_OF_IMPORT = (
    "INSERT INTO kh65_keys SELECT id, indicator_id, period_id, coalesce(locality_id, 0) "
    "FROM import_undo_value WHERE import_log_id = ?"
)
_KEY_ROW = "INSERT INTO kh65_keys VALUES (?, ?, ?, ?)"
_LATER = "CREATE TEMP TABLE kh65_later (n INTEGER PRIMARY KEY, change_id INTEGER)"
_OWN = "CREATE TEMP TABLE kh65_own (n INTEGER PRIMARY KEY, own_id INTEGER)"
# Each history row is looked up among the keys; value_change is the outer loop (CROSS JOIN
# keeps SQLite from looping over the keys instead). An import's check reads only the history
# written from the import on (a rowid range: `+` keeps the indicator index out); a command's
# few figures read their indicators' history through its index.
_MATCH = (
    "AND k2.indicator_id = c.indicator_id AND k2.period_id = c.period_id "
    "AND k2.loc = coalesce(c.locality_id, 0)"
)
_MARK_OWN = (
    "INSERT INTO kh65_own SELECT k2.n, c.id FROM value_change c CROSS JOIN kh65_keys k2 "
    f"WHERE {{}} {_MATCH} AND c.changed_by = ? AND c.changed_at = ?"
)
# Written since: the own row is gone, or rows follow it other than imports undone since (an
# import and its undo, which put back exactly the state before it, leave the figure as it was:
# an undo writes a figure back only if its newest row was the import's, so they pair up).
# `latest`, the newest other row, says who changed it. The write's own rows (an import's are
# most of those read) are passed over before they are looked up among the keys.
_MARK = (
    "INSERT INTO kh65_later SELECT k.n, h.latest FROM kh65_keys k "
    "LEFT JOIN kh65_own o ON o.n = k.n LEFT JOIN ("
    "SELECT k2.n AS n, max(c.id) AS latest, sum(c.id > o2.own_id) AS rows, "
    "sum(c.id > o2.own_id AND c.changed_by GLOB ?) AS imports, "
    "sum(c.id > o2.own_id AND c.changed_by GLOB ?) AS undos "
    "FROM value_change c CROSS JOIN kh65_keys k2 LEFT JOIN kh65_own o2 ON o2.n = k2.n "
    f"WHERE {{}} AND NOT (c.changed_by = ? AND c.changed_at = ?) {_MATCH} GROUP BY k2.n"
    ") h ON h.n = k.n WHERE o.own_id IS NULL "
    "OR (h.n IS NOT NULL AND NOT (h.imports = h.undos AND h.imports + h.undos = h.rows))"
)
# PostgreSQL sums numbers, not truths; its LIKE escapes with "\\" (like_prefix).
_MARK_SERVER = _MARK.replace("sum(c.id > o2.own_id)", "sum((c.id > o2.own_id)::int)").replace(
    "sum(c.id > o2.own_id AND c.changed_by GLOB ?)",
    "sum((c.id > o2.own_id AND c.changed_by GLOB ?)::int)",
)
_BY_INDICATOR = "c.indicator_id IN (SELECT indicator_id FROM kh65_keys)"
_FROM_ID = "c.id > ? AND +c.indicator_id IN (SELECT indicator_id FROM kh65_keys)"
_READ = (
    "SELECT l.n, k.indicator_id, k.period_id, nullif(k.loc, 0), c.changed_by, c.changed_at, "
    "r.id, r.indicator_id, r.period_id, r.locality_id, r.value, r.text, r.achieved, "
    "r.is_estimate, r.as_of, r.note, r.entered_by, r.entered_at "
    "FROM kh65_later l JOIN kh65_keys k ON k.n = l.n "
    "LEFT JOIN value_change c ON c.id = l.change_id "
    "LEFT JOIN reported_value r ON r.indicator_id = k.indicator_id "
    "AND r.period_id = k.period_id AND coalesce(r.locality_id, 0) = k.loc ORDER BY l.n"
)
_DROP = tuple(f"DROP TABLE IF EXISTS temp.{t}" for t in ("kh65_keys", "kh65_later", "kh65_own"))


@contextmanager
def figures_changed_since(
    connection: Connection,
    own_by: str,
    own_at: datetime,
    *,
    log_id: int | None = None,
    keys: Sequence[ValueKey] = (),
    history_after: int | None = None,
) -> Iterator[dict[int, LaterChange]]:
    """The figures written again since the write by `own_by` at `own_at`: an import's
    (`log_id`, numbered by their import_undo_value id) or `keys` (numbered by position).
    `history_after`: the newest history id before that write, if known (a shorter read).
    Inside the caller's transaction; while the block runs, temp.kh65_later holds their
    numbers, so a set statement can leave them out."""
    server = on_server(connection)

    def run(sql: str, parameters: Any = ()) -> Any:
        return connection.exec_driver_sql(driver_sql(connection, sql), parameters)

    for statement in _DROP:  # a rolled-back write may have left them
        run(statement)
    for statement in (_KEYS, _LATER, _OWN):
        run(statement)
    try:
        if log_id is not None:
            run(_KEYS_OF_IMPORT, (log_id,))
        elif keys:
            run(
                _KEY_ROW,
                [(n, k.indicator_id, k.period_id, k.locality_id or 0) for n, k in enumerate(keys)],
            )
        run(_KEYS_INDEX_SERVER if server else _KEYS_INDEX)
        rows, bound = (_BY_INDICATOR, ()) if history_after is None else (_FROM_ID, (history_after,))
        own = (own_by, to_stored_time(own_at))
        run(_MARK_OWN.format(rows), (*bound, *own))
        pairs = (_glob(connection, IMPORT_BY), _glob(connection, IMPORT_UNDONE_BY))
        run((_MARK_SERVER if server else _MARK).format(rows), (*pairs, *bound, *own))
        later = {
            r[0]: LaterChange(
                ValueKey(r[1], r[2], r[3]),
                stored_state(r[6:]) if r[6] is not None else None,
                r[4] or "",
                from_stored_time(r[5]),
            )
            for r in run(_READ)
        }
        yield later
    finally:
        with suppress(SQLAlchemyError):  # never hide the error that got us here
            for statement in _DROP:
                run(statement)


def write_unless_changed(
    connection: Connection,
    changes: Changes,
    changed_by: str,
    now: datetime,
    own_by: str,
    own_at: datetime,
) -> tuple[Changes, list[LaterChange]]:
    """Write `changes` (an undo or redo) only to figures still as the write by `own_by` at
    `own_at` left them. Returns the previous states of those written and the figures left
    alone, in the caller's transaction."""
    keys = [key for key, _ in changes]
    with figures_changed_since(connection, own_by, own_at, keys=keys) as later:
        left = {change.key for change in later.values()}
        written = write_figures(
            connection, [(k, s) for k, s in changes if k not in left], changed_by, now
        )
    return written, list(later.values())
