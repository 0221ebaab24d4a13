"""Adding, changing and deleting a plan's reporting periods, each in one transaction.

Every write checks the period against the plan's other periods inside its transaction
(domain/periods.py), so a refused period leaves the database as it was. Deleting returns
a snapshot of the period with its figures, stated figures and history, rows kept whole
with their ids, so undo puts back exactly what was there.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, Table, delete, func, insert, select

from ..domain.periods import PeriodLike, problem, tidy
from ..storage.models import Period, Plan, ReportedValue, StatedFigure, ValueChange

# What goes with a period when it is deleted; put back in this order (the period first).
_HELD: tuple[Table, ...] = (
    ReportedValue.__table__,  # type: ignore[attr-defined]
    StatedFigure.__table__,  # type: ignore[attr-defined]
    ValueChange.__table__,  # type: ignore[attr-defined]
)
_PERIOD: Table = Period.__table__  # type: ignore[attr-defined]
_PLAN: Table = Plan.__table__  # type: ignore[attr-defined]


class PeriodRefused(ValueError):
    """A period the rules refuse; the message is the Vietnamese reason."""


@dataclass(frozen=True)
class PeriodHoldings:
    """What deleting a period would take with it."""

    figures: int
    history: int
    stated: int

    @property
    def empty(self) -> bool:
        return not (self.figures or self.history or self.stated)


@dataclass(frozen=True)
class PeriodSnapshot:
    """A deleted period and every row that went with it, as stored."""

    period: dict[str, Any]
    held: tuple[tuple[dict[str, Any], ...], ...]  # one tuple of rows per table in _HELD


@dataclass(frozen=True)
class _Fields:
    code: str
    name: str
    starts_on: Any
    ends_on: Any
    cutoff_on: Any


class PeriodService:
    """Writes periods through one short connection per call."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def refusal(self, plan_id: int, period: PeriodLike, except_id: int | None = None) -> str | None:
        """Why this period cannot be kept in the plan (None: it can)."""
        with self.engine.connect() as connection:
            return _refusal(connection, plan_id, period, except_id)

    def add(self, fields: dict[str, Any]) -> int:
        """A new period (fields of the period table, plan_id included); returns its id."""
        fields = _tidied(fields)
        with self.engine.begin() as connection:
            _check(connection, fields["plan_id"], _as_period(fields), None)
            if fields.get("id") is None:  # a new id: NULL is SQLite's way only, not a server's
                fields.pop("id", None)
            return connection.execute(insert(_PERIOD).values(**fields)).inserted_primary_key[0]

    def update(self, period_id: int, changes: dict[str, Any]) -> dict[str, Any]:
        """Change some fields of a period; returns their previous values (for undo)."""
        changes = _tidied(changes)
        with self.engine.begin() as connection:
            row = _period_row(connection, period_id)
            _check(connection, row["plan_id"], _as_period({**row, **changes}), period_id)
            connection.execute(_PERIOD.update().where(_PERIOD.c.id == period_id).values(**changes))
            return {name: row[name] for name in changes}

    def holdings(self, period_id: int) -> PeriodHoldings:
        with self.engine.connect() as connection:
            figures, stated, history = (
                connection.execute(
                    select(func.count()).select_from(t).where(t.c.period_id == period_id)
                ).scalar_one()
                for t in _HELD
            )
        return PeriodHoldings(figures, history, stated)

    def delete(self, period_id: int) -> PeriodSnapshot:
        """Delete a period with its figures, stated figures and history."""
        with self.engine.begin() as connection:
            period = _period_row(connection, period_id)
            held = tuple(
                tuple(
                    dict(r)
                    for r in connection.execute(
                        select(t).where(t.c.period_id == period_id).order_by(t.c.id)
                    ).mappings()
                )
                for t in _HELD
            )
            for table in reversed(_HELD):
                connection.execute(delete(table).where(table.c.period_id == period_id))
            connection.execute(delete(_PERIOD).where(_PERIOD.c.id == period_id))
        return PeriodSnapshot(period, held)

    def restore(self, snapshot: PeriodSnapshot) -> None:
        """Put a deleted period back with the same ids (undo of `delete`); refused with the
        reason (nothing written) when a period with its code or name was added since."""
        with self.engine.begin() as connection:
            period = snapshot.period
            reason = _refusal(connection, period["plan_id"], _as_period(period), None)
            if reason:
                raise PeriodRefused(f"{reason[0].lower()}{reason[1:].rstrip('.')}")
            if connection.execute(select(_PERIOD.c.id).where(_PERIOD.c.id == period["id"])).first():
                raise PeriodRefused(  # SQLite gives a deleted row's id to the next one added
                    "một kỳ báo cáo khác đã được thêm sau khi xóa; hãy xóa kỳ đó trước nếu "
                    "muốn lấy lại kỳ đã xóa"
                )
            connection.execute(insert(_PERIOD).values(**snapshot.period))
            for table, rows in zip(_HELD, snapshot.held, strict=True):
                if rows:
                    connection.execute(insert(table), list(rows))


def _tidied(fields: dict[str, Any]) -> dict[str, Any]:
    """Names and codes kept in one Unicode form with single spaces (a name typed with
    combining marks would otherwise look equal and compare different)."""
    return {
        k: tidy(v) if k in ("code", "name") and isinstance(v, str) else v for k, v in fields.items()
    }


def _period_row(connection: Connection, period_id: int) -> dict[str, Any]:
    row = connection.execute(select(_PERIOD).where(_PERIOD.c.id == period_id)).mappings().first()
    if row is None:
        raise LookupError("Kỳ báo cáo này không còn trong cơ sở dữ liệu.")
    return dict(row)


def _as_period(fields: dict[str, Any]) -> _Fields:
    return _Fields(*(fields.get(k) for k in ("code", "name", "starts_on", "ends_on", "cutoff_on")))


def _refusal(
    connection: Connection, plan_id: int, period: PeriodLike, except_id: int | None
) -> str | None:
    plan = connection.execute(select(_PLAN).where(_PLAN.c.id == plan_id)).mappings().one()
    others = connection.execute(
        select(_PERIOD.c.code, _PERIOD.c.name).where(
            _PERIOD.c.plan_id == plan_id, _PERIOD.c.id != (except_id or -1)
        )
    )
    return problem(period, [(c, n) for c, n in others], (plan["starts_on"], plan["ends_on"]))


def _check(connection: Connection, plan_id: int, period: PeriodLike, except_id: int | None) -> None:
    reason = _refusal(connection, plan_id, period, except_id)
    if reason:
        raise PeriodRefused(reason)
