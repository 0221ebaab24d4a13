"""Finding a figure by its key (indicator, period, locality) in any table keyed so:
reported_value, same_period_value. The province-wide figure has no locality, and SQL's
`= NULL` never matches, so the locality condition is written once here."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlmodel import Session, SQLModel, col, select

Row = TypeVar("Row", bound=SQLModel)


def at_locality(column: Any, locality_id: int | None) -> Any:
    """The condition for one locality's rows, or the province-wide ones (None)."""
    return col(column).is_(None) if locality_id is None else column == locality_id


def keyed_row(
    session: Session, model: type[Row], indicator_id: int, period_id: int, locality_id: int | None
) -> Row | None:
    """The one row of `model` with this key (its unique index allows no second)."""
    return session.exec(
        select(model).where(
            model.indicator_id == indicator_id,  # type: ignore[attr-defined]
            model.period_id == period_id,  # type: ignore[attr-defined]
            at_locality(model.locality_id, locality_id),  # type: ignore[attr-defined]
        )
    ).first()
