"""Who may change what through an exchange file: a file changes only what its sender is
responsible for, whoever imports it (the clerk's own agency included).

- Figures: of the indicators whose group the sender leads (group_agency role LEAD), every
  locality and the province total; for a district, also its own locality's figures of any
  indicator. This is what `exchange_files.export_data` sends.
- Task statuses: of the tasks the sender leads.
- Definitions and targets: only from the plan's owner, the agency named by the plan's
  `owner_code` (from the plan file's `[plan] owner_code`; plan 65: Sở Kế hoạch và Đầu tư).

Anything else is refused by row, with the reason (services/exchange.py shows it).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlmodel import Session, col, select

from ..domain.terms import AgencyKind, Role
from ..exchange.data import ExchangeData
from ..storage.models import (
    Agency,
    GroupAgency,
    Indicator,
    IndicatorGroup,
    Locality,
    Plan,
    Task,
    TaskAgency,
)
from .organisations import owner_successor


@dataclass
class SenderRights:
    """What one sending agency may change in one plan."""

    sender: str  # its name
    led_groups: set[str]
    own_locality: str | None  # a district's locality code
    led_tasks: set[str]
    owner: bool  # the plan's owner: may send definitions and targets
    owner_name: str
    group_of: dict[str, str]  # indicator code -> group code
    group_leads: dict[str, list[str]] = field(default_factory=dict)  # group -> lead names
    task_leads: dict[str, list[str]] = field(default_factory=dict)
    localities: dict[str, str] = field(default_factory=dict)  # code -> name

    def value_refusal(self, indicator: str, locality: str | None) -> str | None:
        """Why the sender may not set this figure; None when it may."""
        group = self.group_of.get(indicator)
        if group is None:  # a new indicator whose definition was refused
            return "Chỉ tiêu mới trong tệp không được nhận (định nghĩa của nó bị từ chối)."
        if group in self.led_groups:
            return None
        if self.own_locality is not None:
            if locality == self.own_locality:
                return None
            mine = self.localities.get(self.own_locality, self.own_locality)
            if locality is None:
                return (
                    f"Dòng không có mã địa phương là số toàn tỉnh; {self.sender} chỉ gửi "
                    f"được số liệu của {mine}."
                )
            return (
                f"Số liệu của {self.localities.get(locality, locality)}; {self.sender} chỉ "
                f"gửi được số liệu của {mine}."
            )
        leads = ", ".join(self.group_leads.get(group, [])) or "cơ quan khác"
        return f"Chỉ tiêu do {leads} chủ trì; {self.sender} không được sửa số liệu chỉ tiêu này."

    def task_refusal(self, code: str) -> str | None:
        if code in self.led_tasks:
            return None
        leads = ", ".join(self.task_leads.get(code, [])) or "cơ quan khác"
        return f"Nhiệm vụ do {leads} chủ trì; {self.sender} không được đổi tình trạng."

    def definition_refusal(self) -> str | None:
        if self.owner:
            return None
        if not self.owner_name:
            return (
                "Kế hoạch chưa ghi cơ quan tổng hợp nên không nhận định nghĩa, chỉ tiêu kế "
                "hoạch từ tệp."
            )
        return (
            f"Chỉ {self.owner_name} (cơ quan tổng hợp kế hoạch) được sửa định nghĩa và chỉ "
            f"tiêu kế hoạch; tệp này của {self.sender}."
        )


def sender_rights(session: Session, plan: Plan, sender: Agency, data: ExchangeData) -> SenderRights:
    """The sender's rights in `plan`, read in the preview's session."""
    groups = {
        g.id: g.code
        for g in session.exec(select(IndicatorGroup).where(IndicatorGroup.plan_id == plan.id))
    }
    names = {a.id: a.name for a in session.exec(select(Agency))}
    group_leads: dict[str, list[str]] = defaultdict(list)
    led_groups: set[str] = set()
    for link in session.exec(
        select(GroupAgency).where(
            col(GroupAgency.group_id).in_(groups), GroupAgency.role == Role.LEAD
        )
    ):
        group_leads[groups[link.group_id]].append(names[link.agency_id])
        if link.agency_id == sender.id:
            led_groups.add(groups[link.group_id])
    task_leads: dict[str, list[str]] = defaultdict(list)
    led_tasks: set[str] = set()
    for code, agency_id in session.exec(
        select(Task.code, TaskAgency.agency_id)
        .join(TaskAgency)
        .where(Task.plan_id == plan.id, TaskAgency.role == Role.LEAD)
    ):
        task_leads[code].append(names[agency_id])
        if agency_id == sender.id:
            led_tasks.add(code)
    group_of = {
        code: groups[group_id]
        for code, group_id in session.exec(
            select(Indicator.code, Indicator.group_id).where(Indicator.plan_id == plan.id)
        )
    }
    owner = session.exec(select(Agency).where(Agency.code == plan.owner_code)).first()
    if owner is not None:  # an owner merged before the plan's end: its successor owns it
        owner = owner_successor(session, owner, plan.ends_on)
    is_owner = owner is not None and owner.id == sender.id
    if is_owner:  # the owner's new indicators belong to the groups it names
        group_of.update((d.code, d.group) for d in data.definitions if d.code not in group_of)
    localities = {loc.code: loc.name for loc in session.exec(select(Locality))}
    own = None
    if sender.kind is AgencyKind.DISTRICT and sender.locality_id is not None:
        place = session.get(Locality, sender.locality_id)
        own = place.code if place else None
    return SenderRights(
        sender.name,
        led_groups,
        own,
        led_tasks,
        is_owner,
        owner.name if owner else "",
        group_of,
        dict(group_leads),
        dict(task_leads),
        localities,
    )
