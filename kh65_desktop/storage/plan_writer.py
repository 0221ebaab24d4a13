"""Writes a plan of the database as a plan file (docs/plan-file.md) that
storage/plan_file.load_plan reads back into the same plan.

The plan file is how a plan's definitions travel between offices: the planning department
writes it (`kh65 plan save`), an exchange package may carry it, and another office loads it.
It holds the definitions only (plan details, agencies and localities named, periods, groups,
indicators with their targets, tasks with their agencies); figures travel in packages.
"""

from __future__ import annotations

from itertools import groupby
from typing import Any

import tomli_w
from sqlmodel import Session, col, select

from ..domain.terms import Role
from .models import (
    Agency,
    GroupAgency,
    Indicator,
    IndicatorGroup,
    Locality,
    Period,
    Plan,
    Task,
    TaskAgency,
)
from .plan_file import FORMAT, FORMAT_VERSION

_PLAN_FIELDS = [name for name in Plan.model_fields if name != "id"]


def plan_file_text(session: Session, plan: Plan) -> str:
    """The plan file of `plan`, as TOML text."""
    header = (
        f"# Kế hoạch số {plan.number}: the plan's definitions, written by KH65 "
        "(format: docs/plan-file.md).\n\n"
    )
    return header + tomli_w.dumps(plan_document(session, plan))


def plan_document(session: Session, plan: Plan) -> dict[str, Any]:
    """The plan file's tables, in the order load_plan reads them."""
    return _Writer(session, plan).document()


def figure_text(value: float) -> str:
    """A stored figure as the file writes figures: Vietnamese format, every decimal kept
    (the figure rules allow six), no thousands dots so nothing can be misread."""
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text.replace(".", ",")


class _Writer:
    def __init__(self, session: Session, plan: Plan) -> None:
        self.session = session
        self.plan = plan
        self.agencies: dict[int, Agency] = {}  # the agencies the plan names, by id

    def document(self) -> dict[str, Any]:
        groups = list(
            self.session.exec(
                select(IndicatorGroup)
                .where(IndicatorGroup.plan_id == self.plan.id)
                .order_by(col(IndicatorGroup.position), col(IndicatorGroup.id))
            )
        )
        tasks = list(
            self.session.exec(
                select(Task)
                .where(Task.plan_id == self.plan.id)
                .order_by(col(Task.position), col(Task.id))
            )
        )
        group_tables = [self._group(group, tasks) for group in groups]
        loose = self._tasks([t for t in tasks if t.group_id is None])
        owner = self.session.exec(select(Agency).where(Agency.code == self.plan.owner_code))
        for agency in owner:
            self.agencies[agency.id] = agency  # type: ignore[index]
        agencies = sorted(self.agencies.values(), key=lambda a: (a.position, a.id or 0))
        document: dict[str, Any] = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "agencies": [self._agency(a) for a in agencies],
            "plan": {k: v for k in _PLAN_FIELDS if (v := getattr(self.plan, k)) is not None},
            "periods": self._periods(),
            "localities": self._localities(agencies),
            "groups": group_tables,
        }
        if loose:
            document["tasks"] = loose
        return {k: v for k, v in document.items() if v != []}

    def _agency(self, agency: Agency) -> dict[str, Any]:
        table: dict[str, Any] = {"code": agency.code, "name": agency.name, "kind": agency.kind}
        if agency.locality_id is not None:
            locality = self.session.get(Locality, agency.locality_id)
            if locality is not None:
                table["locality"] = locality.code
        return {k: str(v) for k, v in table.items()}

    def _localities(self, agencies: list[Agency]) -> list[dict[str, Any]]:
        ids = {a.locality_id for a in agencies if a.locality_id is not None}
        if not ids:
            return []
        rows = self.session.exec(
            select(Locality)
            .where(col(Locality.id).in_(ids))
            .order_by(col(Locality.position), col(Locality.id))
        )
        return [
            _without_empty(
                {
                    "code": row.code,
                    "name": row.name,
                    "kind": row.kind,
                    "valid_from": row.valid_from,
                    "valid_to": row.valid_to,
                    "parent_code": row.parent_code,
                }
            )
            for row in rows
        ]

    def _periods(self) -> list[dict[str, Any]]:
        rows = self.session.exec(
            select(Period)
            .where(Period.plan_id == self.plan.id)
            .order_by(col(Period.starts_on), col(Period.ends_on), col(Period.id))
        )
        return [
            _without_empty(
                {
                    "code": p.code,
                    "name": p.name,
                    "kind": str(p.kind),
                    "starts_on": p.starts_on,
                    "ends_on": p.ends_on,
                    "cutoff_on": p.cutoff_on,
                }
            )
            for p in rows
        ]

    def _roles(self, rows: list[tuple[int, Role]]) -> dict[str, list[str]]:
        """`lead` and `coordinating` agency codes, each agency recorded as named."""
        table: dict[str, list[str]] = {}
        for key, role in (("lead", Role.LEAD), ("coordinating", Role.COORDINATE)):
            agencies = [self._named(agency_id) for agency_id, r in rows if r == role]
            agencies.sort(key=lambda a: (a.position, a.id or 0))
            if agencies:
                table[key] = [a.code for a in agencies]
        return table

    def _named(self, agency_id: int) -> Agency:
        if agency_id not in self.agencies:
            agency = self.session.get(Agency, agency_id)
            assert agency is not None  # a foreign key
            self.agencies[agency_id] = agency
        return self.agencies[agency_id]

    def _group(self, group: IndicatorGroup, tasks: list[Task]) -> dict[str, Any]:
        roles = self.session.exec(
            select(GroupAgency.agency_id, GroupAgency.role).where(GroupAgency.group_id == group.id)
        )
        table: dict[str, Any] = {
            "code": group.code,
            "section": group.section,
            "heading": group.heading,
            **self._roles(list(roles)),
        }
        indicators = self._indicators(group)
        if indicators:
            table["indicators"] = indicators
        own = self._tasks([t for t in tasks if t.group_id == group.id])
        if own:
            table["tasks"] = own
        return table

    def _indicators(self, group: IndicatorGroup) -> list[dict[str, Any]]:
        rows = list(
            self.session.exec(
                select(Indicator)
                .where(Indicator.group_id == group.id)
                .order_by(col(Indicator.position), col(Indicator.id))
            )
        )
        codes = {row.id: row.code for row in rows}
        # load_plan needs a parent before its parts: a part moved above it waits for it
        ordered: list[Indicator] = []
        waiting = rows
        while waiting:
            later = []
            for row in waiting:
                if row.parent_id is None or row.parent_id in {i.id for i in ordered}:
                    ordered.append(row)
                else:
                    later.append(row)
            if len(later) == len(waiting):  # a parent outside the group: load_plan names it
                ordered += later
                break
            waiting = later
        return [self._indicator(i, codes) for i in ordered]

    def _indicator(self, item: Indicator, codes: dict[int | None, str]) -> dict[str, Any]:
        target: dict[str, Any] = {"form": str(item.target_form)}
        if item.target_value is not None:
            target["value"] = figure_text(item.target_value)
        if item.target_strict:
            target["strict"] = True
        if item.target_share is not None:
            target["share"] = figure_text(item.target_share)
        if item.target_text:
            target["text"] = item.target_text
        table: dict[str, Any] = {"code": item.code, "name": item.name}
        if item.parent_id is not None:
            table["parent"] = codes.get(item.parent_id, "")
        table.update(
            unit=item.unit, kind=str(item.kind), direction=str(item.direction), target=target
        )
        for key, value, label in (
            ("baseline", item.baseline_value, item.baseline_label),
            ("same_period", item.same_period_value, item.same_period_label),
        ):
            part = {"label": label} if label else {}
            if value is not None:
                part["value"] = figure_text(value)
            if part:
                table[key] = part
        if item.note:
            table["note"] = item.note
        if item.source_quote:
            table["quotes"] = item.source_quote.split("\n")
        return table

    def _tasks(self, tasks: list[Task]) -> list[dict[str, Any]]:
        """Tasks as load_plan reads them: consecutive items sharing their numbering, lead-in
        sentence and agencies are one entry (so their codes come back the same)."""
        rows = self.session.exec(
            select(TaskAgency.task_id, TaskAgency.agency_id, TaskAgency.role).where(
                col(TaskAgency.task_id).in_([t.id for t in tasks])
            )
        )
        roles: dict[int, list[tuple[int, Role]]] = {}
        for task_id, agency_id, role in rows:
            roles.setdefault(task_id, []).append((agency_id, role))

        def entry_key(task: Task) -> tuple[str, str, frozenset[tuple[int, Role]]]:
            prefix = task.code.rsplit(".", 1)[0]
            return prefix, task.lead_in, frozenset(roles.get(task.id or 0, []))

        entries = []
        for (_, lead_in, shared), items in groupby(tasks, key=entry_key):
            entry: dict[str, Any] = {"lead_in": lead_in} if lead_in else {}
            entry.update(self._roles(list(shared)))
            entry["items"] = [
                _without_empty(
                    {
                        "text": t.text,
                        "deadline": t.deadline,
                        "deadline_text": t.deadline_text,
                        "note": t.note,
                    }
                )
                for t in items
            ]
            entries.append(entry)
        return entries


def _without_empty(table: dict[str, Any]) -> dict[str, Any]:
    """TOML has no null: an absent key is load_plan's default (None, "")."""
    return {k: v for k, v in table.items() if v is not None and v != ""}
