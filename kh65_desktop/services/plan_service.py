"""Reading a plan with its progress. One short session per call; writes are in editing.py."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Engine, func
from sqlmodel import Session, SQLModel, col, select

from ..domain import progress as prog
from ..domain.organisation import valid_during
from ..domain.periods import counted_to
from ..domain.tasks import urgency
from ..domain.terms import Role, StatedKind
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
    StatedFigure,
    Task,
    TaskAgency,
)
from . import same_period
from .chart_data import SeriesPoint
from .organisations import read_history
from .plans import NoPlanError, choose_plan  # noqa: F401  (NoPlanError: its old home)
from .rows import AgencyRow, Breakdown, BreakdownRow, IndicatorRow, LatestValue, TaskRow

UNASSIGNED = "Chưa phân công"


@dataclass(frozen=True)
class _Assignment:
    lead: tuple[Agency, ...] = ()
    coordinating: tuple[Agency, ...] = ()


class PlanService:
    """What the window and the command line read of a plan's data."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)

    def current_plan(self) -> Plan:
        """The newest plan (by year, then issue date): the default when none is chosen.
        The window and the commands work on a chosen one (services/plans.choose_plan)."""
        return choose_plan(self.engine)

    def periods(self, plan: Plan) -> list[Period]:
        """The plan's reporting periods, earliest end first."""
        with self.session() as session:
            return list(
                session.exec(
                    select(Period)
                    .where(Period.plan_id == plan.id)
                    .order_by(col(Period.ends_on), col(Period.id))
                )
            )

    def groups(self, plan: Plan) -> list[IndicatorGroup]:
        with self.session() as session:
            return list(
                session.exec(
                    select(IndicatorGroup)
                    .where(IndicatorGroup.plan_id == plan.id)
                    .order_by(col(IndicatorGroup.position))
                )
            )

    def get(self, model: type[SQLModel], key: Any) -> Any:
        """One row by primary key (None when it is gone)."""
        with self.session() as session:
            return session.get(model, key)

    def code_taken(
        self,
        model: type[SQLModel],
        code: str,
        plan: Plan | None = None,
        except_id: int | None = None,
    ) -> bool:
        """Whether another row of `model` (in `plan`, for per-plan codes) has this code."""
        with self.session() as session:
            query = select(model).where(model.code == code)
            if plan is not None:
                query = query.where(model.plan_id == plan.id)
            return any(r.id != except_id for r in session.exec(query))

    def localities(self) -> list[Locality]:
        with self.session() as session:
            return list(session.exec(select(Locality).order_by(col(Locality.position))))

    def indicator_rows(
        self, plan: Plan | None = None, period: Period | None = None
    ) -> list[IndicatorRow]:
        """Every indicator in document order, with its latest figure up to `period`."""
        plan = plan or self.current_plan()
        with self.session() as session:
            groups = {
                g.id: g
                for g in session.exec(
                    select(IndicatorGroup).where(IndicatorGroup.plan_id == plan.id)
                )
            }
            indicators = list(session.exec(select(Indicator).where(Indicator.plan_id == plan.id)))
            periods = {
                p.id: p for p in session.exec(select(Period).where(Period.plan_id == plan.id))
            }
            assignments = _group_assignments(session, list(groups))
            latest = _latest_values(session, plan.id, periods, period)
            stated = _stated_by_indicator(session, plan.id)
            same_typed = same_period.typed_figures(session, plan.id)
            named = _names_at(session, plan.ends_on)
        # the period a row without figures shows (and its cells write to): the one asked
        # for, else the newest; a row with figures shows its latest's
        empty_period = period or max(
            periods.values(), key=lambda p: (p.ends_on, p.id or 0), default=None
        )
        plan_period = same_period.plan_period_id(plan, periods.values())
        codes = {i.id: i.code for i in indicators}
        total_months = prog.months_between(plan.starts_on, plan.ends_on)
        rows = []
        for ind in sorted(indicators, key=lambda i: (groups[i.group_id].position, i.position)):
            group = groups[ind.group_id]
            value = latest.get(ind.id)
            reading = None
            if value is not None:
                ends = counted_to(periods[value.period_id])
                reading = prog.Reading(
                    value.value,
                    value.achieved,
                    prog.months_between(plan.starts_on, ends),
                    total_months,
                )
            spec = indicator_spec(ind)
            said = stated.get((ind.id, value.period_id if value else None), {})
            who = assignments.get(group.id, _Assignment())
            rows.append(
                IndicatorRow(
                    id=ind.id,
                    code=ind.code,
                    name=ind.name,
                    unit=ind.unit,
                    kind=ind.kind,
                    direction=ind.direction,
                    group_code=group.code,
                    group_heading=group.heading,
                    parent_code=codes.get(ind.parent_id) if ind.parent_id else None,
                    lead=tuple(named(a) for a in who.lead),
                    coordinating=tuple(named(a) for a in who.coordinating),
                    lead_ids=tuple(a.id for a in who.lead if a.id is not None),
                    coordinating_ids=tuple(a.id for a in who.coordinating if a.id is not None),
                    target=spec.target,
                    baseline=ind.baseline_value,
                    same_period=same_period.figure_for(
                        ind,
                        periods[value.period_id] if value else empty_period,
                        same_typed,
                        plan_period,
                    ),
                    note=ind.note,
                    latest=value,
                    progress=prog.compute(spec, reading),
                    stated_percent=said.get(StatedKind.PERCENT_OF_PLAN),
                    stated_remaining=said.get(StatedKind.REMAINING),
                )
            )
        return rows

    def rows_by_lead_agency(self, plan: Plan | None = None) -> list[tuple[str, list[IndicatorRow]]]:
        """Indicators under each lead agency, in the plan's order; unassigned ones first."""
        grouped: dict[str, list[IndicatorRow]] = defaultdict(list)
        for row in self.indicator_rows(plan):
            for agency in row.lead or (UNASSIGNED,):
                grouped[agency].append(row)
        return list(grouped.items())

    def agencies(self, plan: Plan) -> list[AgencyRow]:
        """Every agency with how many indicator groups and tasks of the plan it carries."""
        with self.session() as session:
            agencies = list(session.exec(select(Agency).order_by(col(Agency.position))))
            roles = session.exec(
                select(GroupAgency.agency_id, GroupAgency.role, Indicator.id)
                .join(Indicator, col(Indicator.group_id) == GroupAgency.group_id)
                .where(Indicator.plan_id == plan.id)
            ).all()
            tasks = session.exec(
                select(TaskAgency.agency_id).join(Task).where(Task.plan_id == plan.id)
            ).all()
        leads: dict[int, int] = defaultdict(int)
        coordinates: dict[int, int] = defaultdict(int)
        for agency_id, role, _ in roles:
            (leads if role is Role.LEAD else coordinates)[agency_id] += 1
        task_count: dict[int, int] = defaultdict(int)
        for agency_id in tasks:
            task_count[agency_id] += 1
        return [
            AgencyRow(
                a.id, a.code, a.name, a.kind, leads[a.id], coordinates[a.id], task_count[a.id]
            )
            for a in agencies
            if a.id is not None
        ]

    def tasks(self, plan: Plan, today: date) -> list[TaskRow]:
        """The plan's tasks in document order, with their urgency on `today`."""
        with self.session() as session:
            tasks = list(
                session.exec(
                    select(Task)
                    .where(Task.plan_id == plan.id)
                    .order_by(col(Task.position), col(Task.id))
                )
            )
            groups = {
                g.id: g.code
                for g in session.exec(
                    select(IndicatorGroup).where(IndicatorGroup.plan_id == plan.id)
                )
            }
            links = session.exec(
                select(TaskAgency, Agency)
                .join(Agency)
                .where(col(TaskAgency.task_id).in_([t.id for t in tasks]))
                .order_by(col(Agency.position))
            ).all()
            named = _names_at(session, plan.ends_on)
        by_task: dict[int, dict[Role, list[Agency]]] = defaultdict(lambda: defaultdict(list))
        for link, agency in links:
            by_task[link.task_id][link.role].append(agency)
        rows = []
        for task in tasks:
            roles = by_task[task.id] if task.id is not None else {}
            lead, coordinating = roles.get(Role.LEAD, []), roles.get(Role.COORDINATE, [])
            rows.append(
                TaskRow(
                    task.id or 0,
                    task.code,
                    groups.get(task.group_id, "") if task.group_id else "",
                    task.lead_in,
                    task.text,
                    tuple(named(a) for a in lead),
                    tuple(named(a) for a in coordinating),
                    tuple(a.id or 0 for a in lead),
                    tuple(a.id or 0 for a in coordinating),
                    task.deadline,
                    task.deadline_text,
                    task.status,
                    urgency(task.deadline, task.status, today),
                    task.note,
                    task.version,
                )
            )
        return rows

    def series(self, plan: Plan, indicator_id: int) -> list[SeriesPoint]:
        """An indicator's province-wide figures period by period, in time order."""
        with self.session() as session:
            pairs = session.exec(
                select(ReportedValue, Period)
                .join(Period)
                .where(
                    ReportedValue.indicator_id == indicator_id,
                    col(ReportedValue.locality_id).is_(None),
                    col(ReportedValue.value).is_not(None),
                )
                .order_by(col(Period.ends_on))
            ).all()
        return [
            SeriesPoint(
                p.name,
                prog.months_between(plan.starts_on, counted_to(p)),  # where it is judged
                v.value or 0.0,
                v.is_estimate,
            )
            for v, p in pairs
        ]

    def breakdown_indicators(self, plan: Plan) -> list[Indicator]:
        """Indicators that have figures or targets by locality (DISTINCT in SQL: a large
        plan has over a million figures by locality)."""
        with self.session() as session:
            ids = set(
                session.exec(
                    select(LocalityTarget.indicator_id)
                    .join(Indicator)
                    .where(Indicator.plan_id == plan.id)
                )
            )
            ids |= set(
                session.exec(
                    select(ReportedValue.indicator_id)
                    .distinct()
                    .join(Indicator)
                    .where(
                        Indicator.plan_id == plan.id, col(ReportedValue.locality_id).is_not(None)
                    )
                )
            )
            return list(
                session.exec(
                    select(Indicator)
                    .where(Indicator.plan_id == plan.id, col(Indicator.id).in_(ids))
                    .order_by(col(Indicator.group_id), col(Indicator.position))
                )
            )

    def breakdown(self, plan: Plan, indicator_id: int, period: Period) -> Breakdown:
        """An indicator's figures for every locality in `period`, with the province's."""
        with self.session() as session:
            indicator = session.get(Indicator, indicator_id)
            if indicator is None:
                raise LookupError(f"Không có chỉ tiêu {indicator_id}.")
            localities = _plan_localities(session, plan)
            targets = {
                t.locality_id: t.target_value
                for t in session.exec(
                    select(LocalityTarget).where(LocalityTarget.indicator_id == indicator_id)
                )
            }
            values = {
                v.locality_id: v
                for v in session.exec(
                    select(ReportedValue).where(
                        ReportedValue.indicator_id == indicator_id,
                        ReportedValue.period_id == period.id,
                    )
                )
            }
            listed = {loc.id for loc in localities}
            stray = (set(targets) | set(values)) - listed - {None}
            if stray:  # a figure is never hidden, even for a locality outside the year
                localities += session.exec(
                    select(Locality)
                    .where(col(Locality.id).in_(stray))
                    .order_by(col(Locality.position))
                )
        spec = indicator_spec(indicator)
        months = prog.months_between(plan.starts_on, counted_to(period))
        total = prog.months_between(plan.starts_on, plan.ends_on)
        rows = []
        for locality in localities:
            target, value = targets.get(locality.id), values.get(locality.id)
            local = prog.IndicatorSpec(
                spec.kind,
                spec.direction,
                prog.Target(spec.target.form, target, spec.target.strict, spec.target.share),
            )
            reading = prog.Reading(value.value, value.achieved, months, total) if value else None
            rows.append(
                BreakdownRow(
                    locality.id or 0,
                    locality.name,
                    target,
                    value.value if value else None,
                    bool(value and value.is_estimate),
                    prog.compute(local, reading),
                    value.version if value else 0,
                )
            )
        province = values.get(None)
        return Breakdown(
            indicator_id,
            indicator.name,
            indicator.unit,
            period.id or 0,
            period.name,
            tuple(rows),
            indicator.target_value,
            province.value if province else None,
        )


PROVINCE_KIND = "tỉnh"


def _plan_localities(session: Session, plan: Plan) -> list[Locality]:
    """The localities a plan is broken down by: valid during its year (a 2024 plan keeps
    its districts, a 2026 one has the communes), without the province-level ones (the
    province's figure is the plan's own)."""
    everything = list(session.exec(select(Locality).order_by(col(Locality.position))))
    parents = {loc.parent_code for loc in everything if loc.parent_code}
    return [
        loc
        for loc in everything
        if valid_during(loc.valid_from, loc.valid_to, plan.starts_on, plan.ends_on)
        and loc.kind != PROVINCE_KIND
        and loc.code not in parents
    ]


def indicator_spec(ind: Indicator) -> prog.IndicatorSpec:
    """What progress needs of a stored indicator."""
    target = prog.Target(
        ind.target_form, ind.target_value, ind.target_strict, ind.target_share, ind.target_text
    )
    return prog.IndicatorSpec(ind.kind, ind.direction, target, ind.baseline_value)


def _names_at(session: Session, day: date) -> Callable[[Agency], str]:
    """Agencies named as on `day` (the plan's end): plan 65's rows say "Ban Dân tộc" after
    it became "Sở Dân tộc và Tôn giáo". One read of the history for all the rows."""
    known = read_history(session)
    return lambda agency: known.name_at(agency, day)


def _group_assignments(session: Session, group_ids: list[int | None]) -> dict[int, _Assignment]:
    links = session.exec(
        select(GroupAgency, Agency)
        .join(Agency)
        .where(col(GroupAgency.group_id).in_(group_ids))
        .order_by(col(Agency.position))
    ).all()
    lead: dict[int, list[Agency]] = defaultdict(list)
    coordinating: dict[int, list[Agency]] = defaultdict(list)
    for link, agency in links:
        (lead if link.role is Role.LEAD else coordinating)[link.group_id].append(agency)
    return {
        g: _Assignment(tuple(lead[g]), tuple(coordinating[g]))
        for g in set(lead) | set(coordinating)
    }


def _latest_values(
    session: Session, plan_id: int | None, periods: dict[int | None, Period], up_to: Period | None
) -> dict[int, LatestValue]:
    """Each indicator's province-wide figure from its latest period (not after `up_to`).

    SQLite picks the latest row per indicator (a window function), so only one row per
    indicator reaches Python: a plan may hold tens of thousands of figures."""
    newest = (
        func.row_number()
        .over(
            partition_by=ReportedValue.indicator_id,
            order_by=(col(Period.ends_on).desc(), col(ReportedValue.period_id).desc()),
        )
        .label("newest")
    )
    ranked = (
        select(
            ReportedValue.indicator_id,
            ReportedValue.period_id,
            ReportedValue.value,
            ReportedValue.text,
            ReportedValue.achieved,
            ReportedValue.is_estimate,
            ReportedValue.as_of,
            ReportedValue.entered_by,
            ReportedValue.entered_at,
            ReportedValue.version,
            newest,
        )
        .join(Period, col(Period.id) == ReportedValue.period_id)
        .where(Period.plan_id == plan_id, col(ReportedValue.locality_id).is_(None))
    )
    if up_to is not None:
        ranked = ranked.where(Period.ends_on <= up_to.ends_on)
    inner = ranked.subquery()
    rows = session.exec(
        select(*[c for c in inner.c if c.name != "newest"]).where(inner.c.newest == 1)
    )
    latest: dict[int, LatestValue] = {}
    for indicator_id, period_id, value, text, achieved, estimate, as_of, by, at, version in rows:
        period = periods[period_id]
        latest[indicator_id] = LatestValue(
            value,
            text,
            achieved,
            estimate,
            as_of,
            period_id,
            period.code,
            period.name,
            by,
            at,
            version,
        )
    return latest


def _stated_by_indicator(
    session: Session, plan_id: int | None
) -> dict[tuple[int, int | None], dict[StatedKind, float]]:
    """The document's province-wide derived figures, by indicator and period (first wins)."""
    figures = session.exec(
        select(StatedFigure)
        .join(Indicator)
        .where(Indicator.plan_id == plan_id, col(StatedFigure.locality_id).is_(None))
        .order_by(col(StatedFigure.id))
    ).all()
    stated: dict[tuple[int, int | None], dict[StatedKind, float]] = defaultdict(dict)
    for figure in figures:
        stated[(figure.indicator_id, figure.period_id)].setdefault(figure.kind, figure.value)
    return stated
