"""Agencies over time as reports, packages, pickers and new plans ask for them: the name an
agency bore at a period's end, who carries an old agency's work on a date (an old code in a
package), which successor takes each item of a plan, current and past agencies.

One read of the history per call (domain/organisation.py answers from plain data).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine
from sqlmodel import Session, select

from ..domain.organisation import (
    ItemKind,
    SplitItem,
    Succession,
    SuccessionKind,
    Validity,
    name_at,
    successor_at,
    successor_of_item,
)
from ..storage.models import Agency, AgencyName, AgencySplitItem, AgencySuccession, Period, Plan


@dataclass
class AgencyHistory:
    """Every agency's names, validity and successions, read once."""

    agencies: dict[str, Agency]  # by code
    earlier_names: dict[int, list[tuple[str, date]]]  # agency id -> (name, last day borne)
    successions: list[Succession]
    split_items: list[SplitItem]

    def name_at(self, agency: Agency, day: date) -> str:
        return name_at(agency.name, self.earlier_names.get(agency.id or 0, []), day)

    def successor(self, code: str, day: date) -> str:
        """Who carries `code`'s whole work on `day` (merges followed to the end)."""
        return successor_at(code, day, self.successions)

    def item_successor(
        self,
        code: str,
        day: date,
        plan_code: str,
        *,
        task: str | None = None,
        indicator_line: tuple[str, ...] = (),
        group: str | None = None,
    ) -> str | None:
        """Who holds one item of a plan on `day` that `code` held (splits by item)."""
        return successor_of_item(
            code,
            day,
            self.successions,
            self.split_items,
            plan_code,
            task=task,
            indicator_line=indicator_line,
            group=group,
        )

    def group_successors(
        self,
        code: str,
        day: date,
        plan_code: str,
        group: str,
        indicator_lines: list[tuple[str, ...]],
    ) -> list[str]:
        """The agencies a group's role passes to: the group's own successor, or, when a
        split hands its indicators to several, each of theirs (in indicator order)."""
        whole = self.item_successor(code, day, plan_code, group=group)
        found = [
            s
            for line in indicator_lines
            if (s := self.item_successor(code, day, plan_code, indicator_line=line, group=group))
        ]
        unique = list(dict.fromkeys(found))
        if len(unique) > 1 or (unique and whole is None):
            return unique
        return [whole] if whole else unique


def read_history(session: Session) -> AgencyHistory:
    agencies = {a.code: a for a in session.exec(select(Agency))}
    codes = {a.id: a.code for a in agencies.values()}
    earlier: dict[int, list[tuple[str, date]]] = defaultdict(list)
    for row in session.exec(select(AgencyName)):
        earlier[row.agency_id].append((row.name, row.valid_to))
    rows = list(session.exec(select(AgencySuccession)))
    successions = [
        Succession(
            codes[r.predecessor_id], codes[r.successor_id], r.on_date, SuccessionKind(r.kind)
        )
        for r in rows
    ]
    by_id = {r.id: r for r in rows}
    items = [
        SplitItem(
            codes[by_id[i.succession_id].predecessor_id],
            codes[by_id[i.succession_id].successor_id],
            i.plan_code,
            ItemKind(i.item_kind),
            i.item_code,
        )
        for i in session.exec(select(AgencySplitItem))
    ]
    return AgencyHistory(agencies, dict(earlier), successions, items)


def history(engine: Engine) -> AgencyHistory:
    with Session(engine, expire_on_commit=False) as session:
        return read_history(session)


def period_end(plan: Plan, period: Period | None) -> date:
    """The day whose names a report or package for `period` (None: the whole plan) uses."""
    return period.ends_on if period is not None else plan.ends_on


def agency_name_for(engine: Engine, agency: Agency, plan: Plan, period: Period | None) -> str:
    """The agency's name valid at the end of the period (or of the plan): plan 65's 2024
    reports say "Ban Dân tộc" after it became "Sở Dân tộc và Tôn giáo" in 2025."""
    with Session(engine) as session:
        earlier = [
            (r.name, r.valid_to)
            for r in session.exec(select(AgencyName).where(AgencyName.agency_id == agency.id))
        ]
    return name_at(agency.name, earlier, period_end(plan, period))


def named_for(engine: Engine, agency: Agency | None, plan: Plan, period: Period | None):  # type: ignore[no-untyped-def]
    """A detached copy of `agency` bearing the name valid at the period's end (None stays
    None), for code that prints `agency.name`: letterheads, packages."""
    if agency is None:
        return None
    copy = agency.model_copy()
    copy.name = agency_name_for(engine, agency, plan, period)
    return copy


def planning_office_name(engine: Engine, plan: Plan, period: Period | None) -> str | None:
    """The name, at the period's end, of the agency that consolidates `plan` (its owner, or
    the successor of an owner merged by then); None when the plan names none."""
    found = resolve_code(engine, plan.owner_code, period_end(plan, period))
    return agency_name_for(engine, found[1], plan, period) if found else None


@dataclass(frozen=True)
class PickerFacts:
    """What a picker says of one agency beside its current name."""

    past: bool  # ended before today: listed apart under "Cơ quan trước đây"
    name_then: str  # its name at the plan's end (or on its last day, for a past one)
    valid_to: date | None
    successor: str  # the name of whoever carries its work today ("" when nobody)


def picker_facts(engine: Engine, plan: Plan, today: date) -> dict[int, PickerFacts]:
    """Each agency's standing today and its name in `plan`, by agency id."""
    with Session(engine) as session:
        known = read_history(session)
    facts: dict[int, PickerFacts] = {}
    for agency in known.agencies.values():
        validity = Validity(agency.valid_from, agency.valid_to)
        past = validity.ended_by(today)
        day = min(plan.ends_on, agency.valid_to) if agency.valid_to else plan.ends_on
        successor = ""
        if past:
            heir = known.agencies.get(known.successor(agency.code, today))
            successor = heir.name if heir is not None and heir.code != agency.code else ""
        facts[agency.id or 0] = PickerFacts(
            past, known.name_at(agency, day), agency.valid_to, successor
        )
    return facts


def current_first(ids: list[int], facts: dict[int, PickerFacts]) -> tuple[list[int], list[int]]:
    """Agency ids in their order, split: current (and those not known here), then past."""
    past = {i for i in ids if i in facts and facts[i].past}
    return [i for i in ids if i not in past], [i for i in ids if i in past]


def resolve_code(engine: Engine, code: str, day: date) -> tuple[Agency, Agency] | None:
    """An agency code as a package names it, and the agency that holds its work on `day`
    (itself, or the successor its merges lead to); None when the code is unknown."""
    with Session(engine, expire_on_commit=False) as session:
        found = session.exec(select(Agency).where(Agency.code == code)).first()
        if found is None:
            return None
        if Validity(found.valid_from, found.valid_to).on(day):
            return found, found
        known = read_history(session)
    holder = known.agencies.get(known.successor(code, day), found)
    return found, holder


def owner_successor(session: Session, agency: Agency, day: date) -> Agency:
    """`agency`, or the agency its merges lead to by `day` (read in the caller's session)."""
    if Validity(agency.valid_from, agency.valid_to).on(day):
        return agency
    known = read_history(session)
    return known.agencies.get(known.successor(agency.code, day), agency)


def plan_mismatch(engine: Engine, wanted: str, open_plan: Plan) -> str:
    """Why a package for plan `wanted` does not go into `open_plan`: another plan here, or
    a plan this database does not hold at all."""
    with Session(engine) as session:
        held = session.exec(select(Plan).where(Plan.code == wanted)).first()
    if held is None:
        return (
            f"gói thuộc kế hoạch “{wanted}”, kế hoạch này chưa có trong cơ sở dữ liệu ở đây "
            f"(đang mở “{open_plan.code}”). Hãy xin cơ quan tổng hợp kế hoạch gửi gói có "
            "định nghĩa kế hoạch, hoặc thêm kế hoạch đó trước."
        )
    return (
        f"gói thuộc kế hoạch “{wanted}” (Kế hoạch số {held.number}), không phải kế hoạch "
        f"đang mở “{open_plan.code}”; hãy mở kế hoạch đó rồi nhập lại."
    )
