"""Undo and redo in the window that never overwrite what was written since by someone else
(the command line, a second clerk's import into the same file): each puts back only what is
still as the command's own write left it, checked and written in one transaction."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Engine
from sqlmodel import Session, SQLModel

from ..storage.changed_since import write_unless_changed
from ..storage.figures import Changes
from ..storage.models import LocalityTarget, Task
from ..storage.stored_dates import as_stored
from .editing import put_locality_target
from .kept import KeptItem, figure_items


def set_values_unless_changed(
    engine: Engine, changes: Changes, changed_by: str, since: tuple[str, datetime], now: datetime
) -> tuple[Changes, list[KeptItem]]:
    """Write `changes` to the figures whose newest change is still the write by
    since = (author, time); returns the previous states of those written and the others,
    left alone, described."""
    with Session(engine, expire_on_commit=False) as session, session.begin():
        written, later = write_unless_changed(
            session.connection(), changes, changed_by, now, *since
        )
        return written, figure_items(session, later)


def update_fields_unless_changed(
    engine: Engine,
    model: type[SQLModel],
    key: Any,
    changes: dict[str, Any],
    expected: dict[str, Any],
) -> dict[str, Any] | None:
    """Change a row's fields only if the `expected` ones are still as expected; returns
    the previous values, or None when someone changed them since (nothing written)."""
    with Session(engine, expire_on_commit=False) as session, session.begin():
        row = session.get(model, key)
        if row is None or any(
            as_stored(getattr(row, name)) != as_stored(value) for name, value in expected.items()
        ):
            return None
        old = {name: getattr(row, name) for name in changes}
        for name, value in changes.items():
            setattr(row, name, value)
        if isinstance(row, Task):
            row.version += 1  # an undo is a write too: another window's save is then caught
    return old


def set_locality_target_unless_changed(
    engine: Engine,
    indicator_id: int,
    locality_id: int,
    value: float | None,
    expected: float | None,
) -> bool:
    """Set (None: remove) a district's target only if it is still `expected`; False when
    someone changed it since (nothing written)."""
    with Session(engine, expire_on_commit=False) as session, session.begin():
        row = session.get(LocalityTarget, (indicator_id, locality_id))
        if (row.target_value if row else None) != expected:
            return False
        put_locality_target(session, indicator_id, locality_id, value)
    return True


# History alone does not keep a row a command added: the clerk's own figures typed there and
# undone leave history behind, and it goes with the row.
_NOT_USE = {"value_change"}


def delete_unless_used(engine: Engine, model: type[SQLModel], key: Any) -> bool:
    """Delete a row a command added (its undo), unless a row refers to it now (figures
    entered in a period since, an agency given tasks): the delete would cascade over them.
    True when deleted (or already gone)."""
    with Session(engine, expire_on_commit=False) as session, session.begin():
        row = session.get(model, key)
        if row is None:
            return True
        if referenced(session, model, key):
            return False
        session.delete(row)
    return True


def referenced(session: Session, model: type[SQLModel], key: Any) -> bool:
    """Whether a row of another table (history aside) refers to this one."""
    table = model.__table__  # type: ignore[attr-defined]
    for other in SQLModel.metadata.sorted_tables:
        if other.name in _NOT_USE:
            continue
        for fk in other.foreign_keys:
            if (
                fk.column.table is table
                and session.connection()
                .execute(
                    sa.select(sa.literal(1)).select_from(other).where(fk.parent == key).limit(1)
                )
                .first()
            ):
                return True
    return False
