"""One writer of figures at a time: two imports, or two clerks' saves, never interleave,
and a check then write (storage/figure_versions.py) sees nothing slip in between. A task's
check then write holds the task's row."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy import Connection

from .models import ReportedValue

# Any fixed number: the key of PostgreSQL's transaction-scoped advisory lock on figure writes.
_FIGURES_LOCK = 6_517_065


def lock_figure_writes(connection: Connection, wait_seconds: float | None = None) -> None:
    """Take the lock that serialises figure writes until the caller's transaction ends:
    two imports or two clerks' saves never interleave, and a version check then write is
    atomic. PostgreSQL: an advisory lock (released at commit or rollback); SQLite: its own
    write lock, taken now by a write that changes nothing rather than at the first real one.
    `wait_seconds` (SQLite): how long to wait for another writer, instead of the
    connection's usual few seconds (an import on a worker thread may wait its turn behind
    other imports; PostgreSQL waits for its turn in any case)."""
    if connection.dialect.name == "postgresql":
        connection.execute(sa.select(sa.func.pg_advisory_xact_lock(_FIGURES_LOCK)))
        return
    noop = (
        sa.update(ReportedValue.__table__)  # type: ignore[attr-defined]
        .where(sa.false())
        .values(version=0)
    )
    if wait_seconds is None:
        connection.execute(noop)
        return
    usual = connection.exec_driver_sql("PRAGMA busy_timeout").scalar()
    connection.exec_driver_sql(f"PRAGMA busy_timeout = {int(wait_seconds * 1000)}")
    try:
        connection.execute(noop)
    finally:
        connection.exec_driver_sql(f"PRAGMA busy_timeout = {int(usual or 0)}")


def lock_row(connection: Connection, table: sa.Table) -> None:
    """Before reading a row to check and change it: SQLite's write lock now (its reads are
    otherwise outside the transaction); on PostgreSQL the caller reads with FOR UPDATE."""
    if connection.dialect.name != "postgresql":
        connection.execute(sa.update(table).where(sa.false()).values(id=table.c.id))
