"""What a report says of an indicator beside its row: the document's stated figures with the
decimals it prints, and the plan's own "cùng kỳ" figure with its label."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from ..domain.terms import StatedKind
from ..storage.models import Indicator, Period, Plan, StatedFigure


@dataclass(frozen=True)
class Stated:
    """A figure as the document states it ("đạt 86,20% kế hoạch": 86.2 with 2 decimals)."""

    value: float
    decimals: int


@dataclass(frozen=True)
class PlanSamePeriod:
    """The plan's own cùng kỳ figure: "5,74" labelled "cùng kỳ năm 2023", or "32,5"
    labelled "% kế hoạch giải ngân cùng kỳ năm 2023" (a share of plan, not a value)."""

    value: float
    label: str


@dataclass(frozen=True)
class ReportFacts:
    stated: dict[tuple[int, StatedKind], Stated]  # (indicator id, kind), province-wide
    same_period: dict[int, PlanSamePeriod]  # indicator id -> the plan's own figure


def report_facts(engine: Engine, plan: Plan, period: Period | None) -> ReportFacts:
    """The province-wide stated figures of `period` (first one of each kind wins, as in the
    indicator rows) and every indicator's plan cùng kỳ figure."""
    with Session(engine) as session:
        figures = session.exec(
            select(StatedFigure)
            .join(Indicator)
            .where(
                Indicator.plan_id == plan.id,
                col(StatedFigure.locality_id).is_(None),
                StatedFigure.period_id == (period.id if period else None),
            )
            .order_by(col(StatedFigure.id))
        ).all()
        same = session.exec(
            select(Indicator.id, Indicator.same_period_value, Indicator.same_period_label).where(
                Indicator.plan_id == plan.id, col(Indicator.same_period_value).is_not(None)
            )
        ).all()
    stated: dict[tuple[int, StatedKind], Stated] = {}
    for figure in figures:
        stated.setdefault((figure.indicator_id, figure.kind), Stated(figure.value, figure.decimals))
    return ReportFacts(
        stated,
        {i: PlanSamePeriod(v, label) for i, v, label in same if i is not None and v is not None},
    )
