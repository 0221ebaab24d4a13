"""Rows deleted together, kept whole (ids included) so an undo puts back exactly what was
there: an indicator with its sub-indicators, figures, history and district targets; an
agency or a locality nothing else refers to.

Which tables hang on a row is read from the foreign keys of the schema, so a table added
later (a new kind of figure) goes with its indicator without this module knowing it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table, delete, insert, select
from sqlalchemy.exc import IntegrityError
from sqlmodel import SQLModel


class RestoreRefused(ValueError):
    """A snapshot that cannot go back (its code was taken since, its group deleted since);
    the message is the Vietnamese reason."""


@dataclass(frozen=True)
class Snapshot:
    """Deleted rows per table, in the order they go back (a row before those naming it)."""

    tables: tuple[tuple[str, tuple[dict[str, Any], ...]], ...]

    def rows(self, table: str) -> tuple[dict[str, Any], ...]:
        return next((rows for name, rows in self.tables if name == table), ())

    def count(self, table: str) -> int:
        return len(self.rows(table))


def table_of(model: type[SQLModel]) -> Table:
    return model.__table__  # type: ignore[attr-defined,no-any-return]


def referring(table: Table) -> list[tuple[Table, Any]]:
    """Every (table, column) whose foreign key names `table`'s id, itself excluded."""
    found = []
    for other in SQLModel.metadata.sorted_tables:
        if other is table:
            continue
        for fk in other.foreign_keys:
            if fk.column.table is table:
                found.append((other, fk.parent))
    return found


def read_rows(connection: Connection, table: Table, column: Any, ids: Iterable[Any]) -> tuple:
    wanted = list(ids)
    if not wanted:
        return ()
    order = table.c.id if "id" in table.c else list(table.primary_key.columns)[0]
    return tuple(
        dict(row)
        for row in connection.execute(
            select(table).where(column.in_(wanted)).order_by(order)
        ).mappings()
    )


def peek(connection: Connection, main: Table, ids: list[Any]) -> Snapshot:
    """The `main` rows with these ids (in this order) and every row that refers to them."""
    rows = {row["id"]: row for row in read_rows(connection, main, main.c.id, ids)}
    tables: list[tuple[str, tuple[dict[str, Any], ...]]] = [
        (main.name, tuple(rows[i] for i in ids if i in rows))
    ]
    for other, column in referring(main):
        held = read_rows(connection, other, column, ids)
        if held:
            tables.append((other.name, held))
    return Snapshot(tuple(tables))


def take(connection: Connection, main: Table, ids: list[Any]) -> Snapshot:
    """Delete what `peek` reads; the snapshot puts it back."""
    snapshot = peek(connection, main, ids)
    for other, column in referring(main):
        connection.execute(delete(other).where(column.in_(ids)))
    # children before parents (a sub-indicator names its parent)
    for row in reversed(snapshot.tables[0][1]):
        connection.execute(delete(main).where(main.c.id == row["id"]))
    return snapshot


def put_back(connection: Connection, snapshot: Snapshot) -> None:
    """Insert the snapshot's rows again with their ids. A row the database refuses (a code
    taken since, a group gone since) raises RestoreRefused and nothing is written, as long
    as the caller's transaction is rolled back."""
    try:
        for name, rows in snapshot.tables:
            if rows:
                connection.execute(insert(SQLModel.metadata.tables[name]), list(rows))
    except IntegrityError as error:
        raise RestoreRefused(
            "dữ liệu liên quan đã bị thay đổi sau khi xóa (mã đã được dùng lại, hoặc nhóm, "
            "kỳ, địa phương đã bị xóa)"
        ) from error
