"""Undoing a whole plan added in the window (made from another plan, or loaded from a file).

What the addition wrote is kept as rows (`AddedPlan`): undo deletes the plan only while it is
exactly as written and nothing refers to it (a figure, a target or a text entered since: the
delete would take them along), with the agencies and localities it brought if nothing else
uses them; redo puts the same rows back with the same ids, so the edits above it on the undo
stack still find them. Each is one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection, Engine
from sqlmodel import SQLModel

from ..storage.models import (
    Agency,
    GroupAgency,
    Indicator,
    IndicatorGroup,
    Locality,
    LocalityTarget,
    Period,
    Plan,
    ReportedValue,
    SamePeriodValue,
    StatedFigure,
    Task,
    TaskAgency,
)

# The tables a plan's rows live in, in the order they can be put back, each with the column
# that ties a row to the plan (directly, or through a row of a table listed before it).
_OWNED: tuple[tuple[type[SQLModel], str, type[SQLModel]], ...] = (
    (Plan, "id", Plan),
    (IndicatorGroup, "plan_id", Plan),
    (GroupAgency, "group_id", IndicatorGroup),
    (Indicator, "plan_id", Plan),
    (Period, "plan_id", Plan),
    (Task, "plan_id", Plan),
    (TaskAgency, "task_id", Task),
    (ReportedValue, "indicator_id", Indicator),
    (StatedFigure, "indicator_id", Indicator),
    (LocalityTarget, "indicator_id", Indicator),
    (SamePeriodValue, "indicator_id", Indicator),
)
# Rows that alone do not keep an addition from being undone: the history of the clerk's own
# figures, typed into the new plan and undone before (as guarded_edits.delete_unless_used).
_NOT_USE = {"value_change"}

Rows = tuple[tuple[str, tuple[dict[str, Any], ...]], ...]


@dataclass(frozen=True)
class AddedPlan:
    """Every row an addition wrote: the plan's own, and the shared agencies and localities
    that came with it (a plan file may bring new ones)."""

    plan_id: int
    code: str
    rows: Rows
    shared: Rows = ()


def added_plan(
    engine: Engine, plan_id: int, shared: dict[str, list[int]] | None = None
) -> AddedPlan:
    """What the addition of `plan_id` wrote; `shared` names the agencies and localities it
    created (table name → ids)."""
    with engine.connect() as connection:
        own = _rows(connection, plan_id)
        kept: list[tuple[str, tuple[dict[str, Any], ...]]] = []
        for model in (Locality, Agency):  # localities first: an agency may point to one
            table = model.__table__  # type: ignore[attr-defined]
            ids = (shared or {}).get(table.name, [])
            found = connection.execute(sa.select(table).where(table.c.id.in_(ids))).all()
            kept.append((table.name, tuple(dict(r._mapping) for r in found)))
    code = own[0][1][0]["code"] if own[0][1] else ""
    return AddedPlan(plan_id, code, own, tuple(kept))


def _rows(connection: Connection, plan_id: int) -> Rows:
    ids: dict[str, list[int]] = {Plan.__tablename__: [plan_id]}
    rows: list[tuple[str, tuple[dict[str, Any], ...]]] = []
    for model, key, parent in _OWNED:
        table = model.__table__  # type: ignore[attr-defined]
        wanted = ids[parent.__tablename__]  # type: ignore[attr-defined]
        found = tuple(
            dict(r._mapping)
            for r in connection.execute(
                sa.select(table).where(table.c[key].in_(wanted)).order_by(*table.primary_key)
            )
        )
        if "id" in table.c and model is not Plan:
            ids[table.name] = [r["id"] for r in found]
        rows.append((table.name, found))
    return tuple(rows)


def remove_added(engine: Engine, added: AddedPlan) -> bool:
    """Undo: delete the plan (and the agencies and localities it brought, unless used
    elsewhere since) if it is still exactly as added. False when it was changed since or
    something refers to it (nothing deleted)."""
    with engine.begin() as connection:
        if connection.execute(sa.select(Plan.id).where(Plan.id == added.plan_id)).first() is None:
            return True
        if _rows(connection, added.plan_id) != added.rows or _used(connection, added.rows):
            return False
        plans = SQLModel.metadata.tables[Plan.__tablename__]
        connection.execute(sa.delete(plans).where(plans.c.id == added.plan_id))
        for name, rows in reversed(added.shared):  # agencies, then localities
            table = SQLModel.metadata.tables[name]
            for row in rows:
                if not _used(connection, ((name, (row,)),)):
                    connection.execute(sa.delete(table).where(table.c.id == row["id"]))
    return True


def _used(connection: Connection, rows: Rows) -> bool:
    """Whether a row of another table refers to one of `rows`."""
    owned = {name: {r["id"] for r in found if "id" in r} for name, found in rows}
    for table in SQLModel.metadata.sorted_tables:
        if table.name in owned or table.name in _NOT_USE:
            continue
        for fk in table.foreign_keys:
            ids = owned.get(fk.column.table.name)
            if (
                ids
                and connection.execute(
                    sa.select(sa.literal(1)).select_from(table).where(fk.parent.in_(ids)).limit(1)
                ).first()
            ):
                return True
    return False


def put_back_added(engine: Engine, added: AddedPlan) -> None:
    """Redo: the same rows with the same ids, in one transaction (shared rows still there,
    kept by an undo because something used them, are left as they are)."""
    with engine.begin() as connection:
        if connection.execute(sa.select(Plan.id).where(Plan.code == added.code)).first():
            raise LookupError(
                f"Mã kế hoạch “{added.code}” đã có trong cơ sở dữ liệu; không tạo lại được."
            )
        for name, rows in added.shared:
            table = SQLModel.metadata.tables[name]
            there = {i for (i,) in connection.execute(sa.select(table.c.id))}
            missing = [r for r in rows if r["id"] not in there]
            if missing:
                connection.execute(sa.insert(table), missing)
        for name, rows in added.rows:
            if not rows:
                continue
            table = SQLModel.metadata.tables[name]
            if name == Indicator.__tablename__:  # parents once every row is in
                connection.execute(sa.insert(table), [{**r, "parent_id": None} for r in rows])
                for r in rows:
                    if r["parent_id"] is not None:
                        connection.execute(
                            sa.update(table)
                            .where(table.c.id == r["id"])
                            .values(parent_id=r["parent_id"])
                        )
            else:
                connection.execute(sa.insert(table), list(rows))
