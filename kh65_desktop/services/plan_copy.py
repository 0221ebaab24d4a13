"""Next year's plan made from this one ("Tạo kế hoạch mới từ kế hoạch này…").

What the new plan takes from the old one, and what it leaves for the clerk:

- the same groups, indicators (name, unit, kind, direction, target form and strictness,
  "trong đó" parents, notes), the agencies assigned to groups and tasks, and the tasks'
  texts;
- **targets empty** (value, share and wording): next year's targets are a new decision the
  clerk types from the new document; the form ("trên", "dưới", "giữ vững") stays as a hint;
- **tasks not started, without deadlines**: an old deadline (and its wording, "đến hết tháng
  8 năm 2024") belongs to the old year; the clerk sets the new ones;
- **baselines** from the old plan's last province-wide figure of each indicator, labelled
  with the period it comes from ("năm 2024", "6 tháng đầu năm 2024 (ước)"); not for a
  change target ("giảm 0,30%"), whose figures are changes, not a level to start from;
- **cùng kỳ** (SamePeriodValue rows) for each new period from the old plan's period of the
  same kind and months exactly one year earlier (old 2025-H1 → new 2026-H1), province-wide
  and by locality; none when the old plan has no such period (a plan two years on);
- **periods** of the new year with Decree 09 cut-offs (domain/periods.derive): by default
  12 months, 4 quarters, the first 6 months, 9 months and the year (REPORTED_PARTS).

Figures, stated figures, district targets and report texts are not copied: they belong to
the old plan. Everything is written in one transaction; a refusal writes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

import sqlalchemy as sa
from sqlalchemy import Connection, Engine
from sqlmodel import Session, col, select

from ..domain.numbers import format_date
from ..domain.periods import REPORTED_PARTS, derive
from ..domain.terms import PeriodKind, Role, TargetForm, TaskStatus
from ..storage.models import (
    GroupAgency,
    Indicator,
    IndicatorGroup,
    Period,
    Plan,
    ReportedValue,
    SamePeriodValue,
    Task,
    TaskAgency,
)
from .plan_province import province_place_on
from .reorg import pass_to_successors
from .rows import LatestValue

DEFAULT_KINDS: tuple[PeriodKind, ...] = (
    PeriodKind.MONTH,
    PeriodKind.QUARTER,
    PeriodKind.HALF_YEAR,
    PeriodKind.NINE_MONTHS,
    PeriodKind.YEAR,
)


class PlanCopyRefused(ValueError):
    """The new plan cannot be made as asked; the message says why and what to do."""


@dataclass
class NewPlan:
    """The new plan's own details; what is left empty comes from the old plan."""

    code: str
    number: str
    year: int
    issued_on: date
    issuing_body: str = ""
    place: str = ""
    title: str = ""  # default: the old title with the old year replaced by the new one
    signer_authority: str = ""
    signer_title: str = ""
    signer_name: str = ""
    period_kinds: Sequence[PeriodKind] = field(default_factory=lambda: DEFAULT_KINDS)


@dataclass(frozen=True)
class CopyResult:
    plan: Plan
    indicators: int
    periods: int
    tasks: int
    baselines: int
    same_period_values: int


def copy_plan(
    engine: Engine,
    source_code: str,
    new: NewPlan,
    entered_by: str = "",
) -> CopyResult:
    """Make `new` from the plan `source_code`, in one transaction."""
    from .plan_service import PlanService  # the latest figures, read as every view reads them

    with Session(engine, expire_on_commit=False) as session:
        old = session.exec(select(Plan).where(Plan.code == source_code)).first()
    if old is None:
        raise PlanCopyRefused(f"Không có kế hoạch mã “{source_code}” để tạo từ đó.")
    latest = {r.id: r.latest for r in PlanService(engine).indicator_rows(old)}
    with Session(engine, expire_on_commit=False) as session, session.begin():
        plan = _new_plan_row(session, old, new)
        session.add(plan)
        session.flush()
        assert plan.id is not None and old.id is not None
        groups = _copy_groups(session, old.id, plan.id)
        indicators, baselines = _copy_indicators(session, old, plan.id, groups, latest)
        tasks = _copy_tasks(session, old.id, plan.id, groups)
        # agencies merged or split before the new plan starts hand over their roles
        pass_to_successors(session, plan, old.code)
        periods = _new_periods(session, plan, new.period_kinds)
        same = _same_period_values(
            session.connection(), old.id, periods, indicators, entered_by, plan.year
        )
    return CopyResult(plan, len(indicators), len(periods), tasks, baselines, same)


def refusal(engine: Engine, source_code: str, new: NewPlan) -> str | None:
    """Why `new` cannot be made from `source_code` (the dialog asks before writing), or None."""
    with Session(engine) as session:
        old = session.exec(select(Plan).where(Plan.code == source_code)).first()
        if old is None:
            return f"Không có kế hoạch mã “{source_code}” để tạo từ đó."
        return _problem(session, old, new)


def _problem(session: Session, old: Plan, new: NewPlan) -> str | None:
    code, number = new.code.strip(), new.number.strip()
    if not number:
        return "Kế hoạch mới chưa có số; hãy nhập số văn bản (ví dụ 9/KH-UBND)."
    if not code:
        return "Kế hoạch mới chưa có mã; hãy nhập mã (ví dụ 9/KH-UBND/2026)."
    if session.exec(select(Plan).where(Plan.code == code)).first() is not None:
        return f"Mã kế hoạch “{code}” đã có trong cơ sở dữ liệu; hãy chọn mã khác."
    if new.year <= old.year:
        return (
            f"Năm của kế hoạch mới ({new.year}) phải sau năm của kế hoạch {old.number} "
            f"({old.year}); hãy chọn năm {old.year + 1} trở đi."
        )
    if new.year > old.year + 10:
        return (
            f"Năm {new.year} cách kế hoạch {old.number} ({old.year}) quá xa; hãy kiểm tra lại năm."
        )
    if new.issued_on.year < old.year:
        return (
            f"Ngày ban hành {format_date(new.issued_on)} trước năm của kế hoạch cũ "
            f"({old.year}); hãy kiểm tra lại ngày."
        )
    return None


def _new_plan_row(session: Session, old: Plan, new: NewPlan) -> Plan:
    problem = _problem(session, old, new)
    if problem:
        raise PlanCopyRefused(problem)
    code, number = new.code.strip(), new.number.strip()
    title = new.title.strip() or re.sub(rf"\b{old.year}\b", str(new.year), old.title)
    place, body = new.place.strip() or old.place, new.issuing_body.strip() or old.issuing_body
    moved = (
        None if new.place.strip() else province_place_on(session, old.place, date(new.year, 1, 1))
    )
    if moved:  # the province was merged: the merged one's committee issues the new plan
        place = moved
        if not new.issuing_body.strip() and old.issuing_body.endswith(old.place):
            body = old.issuing_body[: -len(old.place)] + moved
    return Plan(
        code=code,
        number=number,
        document_type=old.document_type,
        issued_on=new.issued_on,
        place=place,
        issuing_body=body,
        title=title,
        year=new.year,
        starts_on=date(new.year, 1, 1),
        ends_on=date(new.year, 12, 31),
        signer_authority=new.signer_authority.strip() or old.signer_authority,
        signer_title=new.signer_title.strip() or old.signer_title,
        signer_name=new.signer_name.strip() or old.signer_name,
        owner_code=old.owner_code,
    )


def _copy_groups(session: Session, old_id: int, new_id: int) -> dict[int, int]:
    """Old group id → new group id, with the groups' agencies."""
    old_groups = list(
        session.exec(
            select(IndicatorGroup)
            .where(IndicatorGroup.plan_id == old_id)
            .order_by(col(IndicatorGroup.position), col(IndicatorGroup.id))
        )
    )
    made: dict[int, IndicatorGroup] = {}
    for group in old_groups:
        assert group.id is not None
        made[group.id] = IndicatorGroup(
            plan_id=new_id,
            code=group.code,
            section=group.section,
            heading=group.heading,
            position=group.position,
        )
    session.add_all(made.values())
    session.flush()
    links: dict[int, list[tuple[int, Role]]] = {}
    for link in session.exec(select(GroupAgency).where(col(GroupAgency.group_id).in_(list(made)))):
        links.setdefault(link.group_id, []).append((link.agency_id, link.role))
    for old_group, new_group in made.items():
        assert new_group.id is not None
        for agency_id, role in links.get(old_group, []):
            session.add(GroupAgency(group_id=new_group.id, agency_id=agency_id, role=role))
    return {old: g.id for old, g in made.items() if g.id is not None}


def _copy_indicators(
    session: Session,
    old: Plan,
    new_id: int,
    groups: dict[int, int],
    latest: dict[int, LatestValue | None],
) -> tuple[dict[int, int], int]:
    """Old indicator id → new id; and how many baselines came from the old figures."""
    old_rows = list(
        session.exec(
            select(Indicator).where(Indicator.plan_id == old.id).order_by(col(Indicator.id))
        )
    )
    made: dict[int, Indicator] = {}
    baselines = 0
    for ind in old_rows:
        assert ind.id is not None
        last = latest.get(ind.id)
        baseline, label = None, ""
        if last is not None and last.value is not None and ind.target_form is not TargetForm.CHANGE:
            baselines += 1
            baseline, name = last.value, last.period_name
            label = name[:1].lower() + name[1:] + (" (ước)" if last.is_estimate else "")
        made[ind.id] = Indicator(
            plan_id=new_id,
            group_id=groups[ind.group_id],
            code=ind.code,
            position=ind.position,
            name=ind.name,
            unit=ind.unit,
            kind=ind.kind,
            direction=ind.direction,
            target_form=ind.target_form,
            target_strict=ind.target_strict,
            baseline_value=baseline,
            baseline_label=label,
            note=ind.note,
        )
    session.add_all(made.values())
    session.flush()
    ids = {old_id: row.id for old_id, row in made.items() if row.id is not None}
    for ind in old_rows:  # parents once every row has its id
        if ind.parent_id is not None and ind.id is not None:
            made[ind.id].parent_id = ids[ind.parent_id]
    session.flush()
    return ids, baselines


def _copy_tasks(session: Session, old_id: int, new_id: int, groups: dict[int, int]) -> int:
    old_tasks = list(
        session.exec(select(Task).where(Task.plan_id == old_id).order_by(col(Task.id)))
    )
    made: dict[int, Task] = {}
    for task in old_tasks:
        assert task.id is not None
        made[task.id] = Task(
            plan_id=new_id,
            group_id=groups[task.group_id] if task.group_id is not None else None,
            code=task.code,
            position=task.position,
            lead_in=task.lead_in,
            text=task.text,
            status=TaskStatus.NOT_STARTED,
        )
    session.add_all(made.values())
    session.flush()
    links: dict[int, list[tuple[int, Role]]] = {}
    for link in session.exec(select(TaskAgency).where(col(TaskAgency.task_id).in_(list(made)))):
        links.setdefault(link.task_id, []).append((link.agency_id, link.role))
    for old_task, new_task in made.items():
        assert new_task.id is not None
        for agency_id, role in links.get(old_task, []):
            session.add(TaskAgency(task_id=new_task.id, agency_id=agency_id, role=role))
    session.flush()
    return len(made)


def _new_periods(session: Session, plan: Plan, kinds: Sequence[PeriodKind]) -> list[Period]:
    periods = [
        Period(
            plan_id=plan.id,
            code=draft.code,
            name=draft.name,
            kind=draft.kind,
            starts_on=draft.starts_on,
            ends_on=draft.ends_on,
            cutoff_on=draft.cutoff_on,
        )
        for kind in kinds
        for draft in (derive(kind, plan.year, part) for part in range(1, REPORTED_PARTS[kind] + 1))
    ]
    periods.sort(key=lambda p: (p.ends_on, p.ends_on - p.starts_on))
    session.add_all(periods)
    session.flush()
    return periods


def _same_period_values(
    connection: Connection,
    old_id: int,
    new_periods: list[Period],
    indicators: dict[int, int],
    entered_by: str,
    year: int,
) -> int:
    """The new periods' cùng kỳ from the old plan's periods of the same kind and months a
    year earlier; written in SQL (a large plan has a figure for each of many localities)."""
    old_periods = connection.execute(
        sa.select(Period.id, Period.kind, Period.starts_on, Period.ends_on).where(
            Period.plan_id == old_id
        )
    ).all()
    # by kind and calendar months, not by days: February ends on the 29th in a leap year
    earlier: dict[tuple[str, int, int], int] = {}
    for period_id, kind, starts, ends in old_periods:
        if ends.year == year - 1:
            earlier[(PeriodKind(kind).value, starts.month, ends.month)] = period_id
    pairs: dict[int, int] = {}  # old period → new period
    for new in new_periods:
        key = (new.kind.value, new.starts_on.month, new.ends_on.month)
        if key in earlier and new.id is not None:
            pairs[earlier[key]] = new.id
    if not pairs:
        return 0
    figures = connection.execute(
        sa.select(
            ReportedValue.indicator_id,
            ReportedValue.period_id,
            ReportedValue.locality_id,
            ReportedValue.value,
        ).where(
            col(ReportedValue.period_id).in_(list(pairs)),
            col(ReportedValue.value).is_not(None),
        )
    ).all()
    now = datetime.now(UTC)
    rows = [
        {
            "indicator_id": indicators[ind],
            "period_id": pairs[period],
            "locality_id": place,
            "value": value,
            "entered_by": entered_by,
            "entered_at": now,
        }
        for ind, period, place, value in figures
        if ind in indicators
    ]
    if rows:
        connection.execute(sa.insert(SamePeriodValue), rows)
    return len(rows)
