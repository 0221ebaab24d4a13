"""Reading a plan with its progress, and recording figures. One short session per call."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from ..domain import progress as prog
from ..domain.terms import Role, StatedKind
from ..storage.models import (Agency, GroupAgency, Indicator, IndicatorGroup, Period, Plan,
                              ReportedValue, StatedFigure, ValueChange)
from .rows import IndicatorRow, LatestValue

UNASSIGNED = "Chưa phân công"


class NoPlanError(LookupError):
    """The database holds no plan yet."""


@dataclass(frozen=True)
class _Assignment:
    lead: tuple[str, ...]
    coordinating: tuple[str, ...]


class PlanService:
    """What the window and the command line ask of a plan's data."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)

    def current_plan(self) -> Plan:
        """The newest plan (by year, then issue date)."""
        with self.session() as session:
            plan = session.exec(select(Plan).order_by(col(Plan.year).desc(),
                                                      col(Plan.issued_on).desc())).first()
        if plan is None:
            raise NoPlanError("Cơ sở dữ liệu chưa có kế hoạch nào.")
        return plan

    def periods(self, plan_id: int) -> list[Period]:
        with self.session() as session:
            return list(session.exec(select(Period).where(Period.plan_id == plan_id)
                                     .order_by(col(Period.ends_on))))

    def indicator_rows(self, plan: Plan | None = None) -> list[IndicatorRow]:
        """Every indicator of the plan, in document order, with its latest figure and progress."""
        plan = plan or self.current_plan()
        with self.session() as session:
            groups = {g.id: g for g in session.exec(
                select(IndicatorGroup).where(IndicatorGroup.plan_id == plan.id))}
            indicators = list(session.exec(select(Indicator).where(Indicator.plan_id == plan.id)))
            periods = {p.id: p for p in session.exec(select(Period)
                                                     .where(Period.plan_id == plan.id))}
            assignments = _assignments(session, list(groups))
            latest = _latest_values(session, plan.id, periods)
            stated = _stated_by_indicator(session, plan.id)
        codes = {i.id: i.code for i in indicators}
        total_months = prog.months_between(plan.starts_on, plan.ends_on)
        rows = []
        for ind in sorted(indicators, key=lambda i: (groups[i.group_id].position, i.position)):
            group = groups[ind.group_id]
            value = latest.get(ind.id)
            period = periods[value.period_id] if value else None
            reading = None
            if value is not None and period is not None:
                reading = prog.Reading(value.value, value.achieved,
                                       prog.months_between(plan.starts_on, period.ends_on),
                                       total_months)
            spec = _spec(ind)
            said = stated.get((ind.id, value.period_id if value else None), {})
            assignment = assignments.get(group.id, _Assignment((), ()))
            rows.append(IndicatorRow(
                id=ind.id, code=ind.code, name=ind.name, unit=ind.unit, kind=ind.kind,
                direction=ind.direction, group_code=group.code, group_heading=group.heading,
                parent_code=codes.get(ind.parent_id) if ind.parent_id else None,
                lead=assignment.lead, coordinating=assignment.coordinating, target=spec.target,
                baseline=ind.baseline_value, same_period=ind.same_period_value, note=ind.note,
                latest=value, progress=prog.compute(spec, reading),
                stated_percent=said.get(StatedKind.PERCENT_OF_PLAN),
                stated_remaining=said.get(StatedKind.REMAINING)))
        return rows

    def rows_by_lead_agency(self, plan: Plan | None = None) -> list[tuple[str, list[IndicatorRow]]]:
        """Indicators under each lead agency, in the plan's order; unassigned ones first."""
        grouped: dict[str, list[IndicatorRow]] = defaultdict(list)
        for row in self.indicator_rows(plan):
            for agency in row.lead or (UNASSIGNED,):
                grouped[agency].append(row)
        return list(grouped.items())

    def record_value(self, indicator_id: int, period_id: int, value: float | None, *,
                     entered_by: str, locality_id: int | None = None, text: str = "",
                     is_estimate: bool = False, as_of: date | None = None,
                     note: str = "") -> ReportedValue:
        """Set a figure and log the change (old -> new, who, when) in one transaction."""
        now = datetime.now(UTC)
        with self.session() as session, session.begin():
            row = session.exec(select(ReportedValue).where(
                ReportedValue.indicator_id == indicator_id, ReportedValue.period_id == period_id,
                ReportedValue.locality_id == locality_id)).first()
            old_value, old_text = (row.value, row.text) if row else (None, "")
            if row is None:
                row = ReportedValue(indicator_id=indicator_id, period_id=period_id,
                                    locality_id=locality_id, entered_at=now)
            row.value, row.text, row.is_estimate = value, text, is_estimate
            row.as_of, row.note, row.entered_by, row.entered_at = as_of, note, entered_by, now
            session.add(row)
            session.add(ValueChange(indicator_id=indicator_id, period_id=period_id,
                                    locality_id=locality_id, old_value=old_value,
                                    new_value=value, old_text=old_text, new_text=text,
                                    changed_by=entered_by, changed_at=now))
        return row

    def value_history(self, indicator_id: int) -> list[ValueChange]:
        """Every recorded change to an indicator's figures, oldest first."""
        with self.session() as session:
            return list(session.exec(select(ValueChange)
                                     .where(ValueChange.indicator_id == indicator_id)
                                     .order_by(col(ValueChange.changed_at), col(ValueChange.id))))


def _spec(ind: Indicator) -> prog.IndicatorSpec:
    target = prog.Target(ind.target_form, ind.target_value, ind.target_strict, ind.target_share,
                         ind.target_text)
    return prog.IndicatorSpec(ind.kind, ind.direction, target, ind.baseline_value)


def _assignments(session: Session, group_ids: list[int | None]) -> dict[int, _Assignment]:
    links = session.exec(select(GroupAgency, Agency).join(Agency)
                         .where(col(GroupAgency.group_id).in_(group_ids))
                         .order_by(col(Agency.position))).all()
    lead: dict[int, list[str]] = defaultdict(list)
    coordinating: dict[int, list[str]] = defaultdict(list)
    for link, agency in links:
        (lead if link.role is Role.LEAD else coordinating)[link.group_id].append(agency.name)
    return {g: _Assignment(tuple(lead[g]), tuple(coordinating[g]))
            for g in set(lead) | set(coordinating)}


def _latest_values(session: Session, plan_id: int | None,
                   periods: dict[int | None, Period]) -> dict[int, LatestValue]:
    """Each indicator's province-wide figure from its latest period."""
    values = session.exec(select(ReportedValue).join(Indicator)
                          .where(Indicator.plan_id == plan_id,
                                 col(ReportedValue.locality_id).is_(None))).all()
    latest: dict[int, LatestValue] = {}
    for rv in sorted(values, key=lambda v: periods[v.period_id].ends_on):
        period = periods[rv.period_id]
        latest[rv.indicator_id] = LatestValue(
            rv.value, rv.text, rv.achieved, rv.is_estimate, rv.as_of, rv.period_id, period.code,
            period.name, rv.entered_by, rv.entered_at)
    return latest


def _stated_by_indicator(session: Session, plan_id: int | None
                         ) -> dict[tuple[int, int | None], dict[StatedKind, float]]:
    """The document's province-wide derived figures, by indicator and period (first wins)."""
    figures = session.exec(select(StatedFigure).join(Indicator)
                           .where(Indicator.plan_id == plan_id,
                                  col(StatedFigure.locality_id).is_(None))
                           .order_by(col(StatedFigure.id))).all()
    stated: dict[tuple[int, int | None], dict[StatedKind, float]] = defaultdict(dict)
    for figure in figures:
        stated[(figure.indicator_id, figure.period_id)].setdefault(figure.kind, figure.value)
    return stated
