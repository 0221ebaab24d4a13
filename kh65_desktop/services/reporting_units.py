"""The reporting units of a plan: who owes the consolidating office figures for a period.

Each lead agency (of an indicator group or of a task) and each locality the plan breaks
figures down by (its locality targets). Found by code or name for the command line, with
the close matches when a name is not known.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from sqlmodel import Session, col, select

from ..domain.terms import Role
from ..domain.text import fold
from ..storage.models import (
    Agency,
    GroupAgency,
    Indicator,
    IndicatorGroup,
    Locality,
    LocalityTarget,
    Plan,
    Task,
    TaskAgency,
)

AGENCY = "agency"
LOCALITY = "locality"


@dataclass(frozen=True)
class Unit:
    """An agency or a locality that reports to the consolidating office."""

    kind: str  # AGENCY or LOCALITY
    id: int
    code: str
    name: str
    position: int = 0

    @property
    def agency_id(self) -> int | None:
        return self.id if self.kind == AGENCY else None

    @property
    def locality_id(self) -> int | None:
        return self.id if self.kind == LOCALITY else None


class UnknownUnit(LookupError):
    """A name or code that is no reporting unit of the plan; the message names close ones."""


def reporting_units(session: Session, plan: Plan) -> list[Unit]:
    """Lead agencies (in the plan's agency order), then the localities with targets."""
    group_leads = select(GroupAgency.agency_id).join(
        IndicatorGroup, col(IndicatorGroup.id) == GroupAgency.group_id
    )
    group_leads = group_leads.where(
        IndicatorGroup.plan_id == plan.id, GroupAgency.role == Role.LEAD
    )
    task_leads = select(TaskAgency.agency_id).join(Task, col(Task.id) == TaskAgency.task_id)
    task_leads = task_leads.where(Task.plan_id == plan.id, TaskAgency.role == Role.LEAD)
    group_lead_ids = set(session.exec(group_leads))
    lead_ids = group_lead_ids | set(session.exec(task_leads))
    targeted = (
        select(LocalityTarget.locality_id)
        .join(Indicator, col(Indicator.id) == LocalityTarget.indicator_id)
        .where(Indicator.plan_id == plan.id)
    )
    locality_ids = set(session.exec(targeted))
    # a district's People's Committee that leads only tasks reports as its locality
    agencies = [
        a
        for a in session.exec(select(Agency).where(col(Agency.id).in_(lead_ids)))
        if a.id in group_lead_ids or a.locality_id not in locality_ids
    ]
    localities = session.exec(select(Locality).where(col(Locality.id).in_(locality_ids))).all()
    return [
        Unit(AGENCY, a.id or 0, a.code, a.name, a.position)
        for a in sorted(agencies, key=lambda a: (a.position, a.name))
    ] + [
        Unit(LOCALITY, loc.id or 0, loc.code, loc.name, loc.position)
        for loc in sorted(localities, key=lambda loc: (loc.position, loc.name))
    ]


def find_unit(units: list[Unit], kind: str, wanted: str) -> Unit:
    """The unit of `kind` whose code or name is `wanted` (without regard to case or
    diacritics); UnknownUnit with the close matches otherwise."""
    own = [u for u in units if u.kind == kind]
    key = fold(wanted.strip())
    for unit in own:
        if key in (fold(unit.code), fold(unit.name)):
            return unit
    within = [u for u in own if key and f" {key}" in f" {fold(u.name)}"]
    if len(within) == 1:  # "Trà Cú" for "Huyện Trà Cú", "Cục Thống kê" for "… tỉnh"
        return within[0]
    names = {fold(u.name): u.name for u in own} | {fold(u.code): u.name for u in own}
    close = [names[n] for n in difflib.get_close_matches(key, list(names), n=3, cutoff=0.5)]
    close += [u.name for u in own if key and key in fold(u.name) and u.name not in close]
    what = "cơ quan báo cáo" if kind == AGENCY else "địa bàn báo cáo"
    hint = (
        f" Có phải: {', '.join(dict.fromkeys(close[:3]))}?"
        if close
        else " Hãy xem danh sách bằng lệnh kh65 status."
    )
    raise UnknownUnit(f"Không có {what} “{wanted}” trong kế hoạch này.{hint}")
