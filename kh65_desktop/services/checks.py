"""Runs the consistency check over a plan's stated figures, province and districts."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from ..domain import consistency as cons
from ..storage.models import (
    Indicator,
    Locality,
    LocalityTarget,
    Period,
    Plan,
    ReportedValue,
    StatedFigure,
)

_Key = tuple[int, int | None]  # (indicator id, locality id or None)


def find_disagreements(engine: Engine, plan: Plan) -> list[cons.Finding]:
    """Every stated figure that disagrees with what follows from the others."""
    with Session(engine) as session:
        indicators = {
            i.id: i for i in session.exec(select(Indicator).where(Indicator.plan_id == plan.id))
        }
        periods = {p.id: p for p in session.exec(select(Period).where(Period.plan_id == plan.id))}
        localities = {loc.id: loc for loc in session.exec(select(Locality))}
        ids = list(indicators)
        stated = session.exec(
            select(StatedFigure)
            .where(col(StatedFigure.indicator_id).in_(ids))
            .order_by(col(StatedFigure.id))
        ).all()
        values = session.exec(
            select(ReportedValue).where(col(ReportedValue.indicator_id).in_(ids))
        ).all()
        local_targets = session.exec(
            select(LocalityTarget).where(col(LocalityTarget.indicator_id).in_(ids))
        ).all()
    value_at = {(v.indicator_id, v.period_id, v.locality_id): v.value for v in values}
    target_at: dict[_Key, float] = {
        (i.id, None): i.target_value for i in indicators.values() if i.target_value is not None
    }
    target_at.update({(t.indicator_id, t.locality_id): t.target_value for t in local_targets})
    said: dict[tuple[int, int | None], dict[int | None, list[cons.Stated]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for figure in stated:
        said[(figure.indicator_id, figure.period_id)][figure.locality_id].append(
            cons.Stated(
                figure.kind, cons.Figure(figure.value, figure.decimals), figure.source, figure.quote
            )
        )

    def row(key: tuple[int, int | None], place: int | None) -> cons.Row:
        """One place's target, value and stated figures for an indicator in a period."""
        indicator_id, period_id = key
        target = target_at.get((indicator_id, place))
        value = value_at.get((indicator_id, period_id, place))
        return cons.Row(
            localities[place].name if place else None,
            cons.Figure.of(target) if target is not None else None,
            cons.Figure.of(value) if value is not None else None,
            tuple(said[key].get(place, [])),
        )

    findings: list[cons.Finding] = []
    for (indicator_id, period_id), by_place in said.items():
        indicator = indicators[indicator_id]
        key = (indicator_id, period_id)
        local_ids = sorted(
            {t.locality_id for t in local_targets if t.indicator_id == indicator_id}
            | {loc for loc in by_place if loc is not None},
            key=lambda loc: localities[loc].position,
        )
        facts = cons.IndicatorFacts(
            indicator.code,
            indicator.name,
            indicator.unit,
            periods[period_id].name if period_id else "",
            row(key, None),
            tuple(row(key, loc) for loc in local_ids),
        )
        findings.extend(cons.check(facts))
    return findings
