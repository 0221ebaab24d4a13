"""What the reader found in a plan document, item by item, and the plan file it makes.

Each found item (the document's details, an agency, a group, an indicator, a task) carries
exactly the plan file's keys for it (docs/plan-file.md) so the review window can edit them,
the sentence it came from with its place in the text, and how sure the reader is and why
not. `ReadPlan.plan_data` turns the items the clerk kept into a plan-file dict that
storage/plan_file loads like any other.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # documents/text.py is Qt-free too; imported lazily to keep this light
    from .text import DocumentText

SURE = 0.8  # at or above this the review may accept an item without the clerk reading it

PLAN_FORMAT = "kh65-plan"
PLAN_FORMAT_VERSION = 1


class ItemKind(StrEnum):
    DETAILS = "details"
    AGENCY = "agency"
    GROUP = "group"
    INDICATOR = "indicator"
    TASK = "task"


@dataclass
class FoundItem:
    key: str  # unique in the ReadPlan: "details", agency code, "II.3", "II.3.2", "II.3#t2"
    kind: ItemKind
    group_key: str | None  # the group an indicator or task belongs to
    title: str  # one line for a list
    fields: dict[str, Any]  # the plan file's keys for this item, editable by the review
    quote: str  # verbatim as in DocumentText.text
    span: tuple[int, int]  # where `quote` is in DocumentText.text
    confidence: float  # 0..1
    reasons: list[str] = field(default_factory=list)  # Vietnamese: why not sure

    @property
    def sure(self) -> bool:
        return self.confidence >= SURE


Keep = Callable[[FoundItem], bool]


@dataclass
class ReadPlan:
    document: DocumentText
    items: list[FoundItem]  # in document order
    periods: list[dict[str, Any]] = field(default_factory=list)  # [[periods]] of the file
    localities: list[dict[str, Any]] = field(default_factory=list)  # [[localities]]
    agency_sets: dict[str, list[str]] = field(default_factory=dict)  # [agency_sets]

    @property
    def indicator_count(self) -> int:
        return sum(1 for item in self.items if item.kind is ItemKind.INDICATOR)

    def item(self, key: str) -> FoundItem | None:
        return next((i for i in self.items if i.key == key), None)

    def plan_data(self, keep: Keep | None = None) -> dict[str, Any]:
        """A plan-file dict of the kept items (all by default). An indicator or task whose
        group is not kept goes with it; references to agencies not kept are dropped."""
        return _PlanBuilder(self, keep or (lambda _item: True)).build()

    def plan_text(self, keep: Keep | None = None) -> str:
        """`plan_data` as TOML, loadable by storage/plan_file."""
        import tomli_w

        return tomli_w.dumps(self.plan_data(keep))


def review_state(item: FoundItem) -> dict[str, Any]:
    """The optional `review` key kept in the file beside an indicator, a group or a task
    item, so a review can go on later; the loader ignores it."""
    state: dict[str, Any] = {"confidence": round(item.confidence, 2)}
    if item.reasons:
        state["reasons"] = list(item.reasons)
    return state


class _PlanBuilder:
    def __init__(self, read: ReadPlan, keep: Keep) -> None:
        self.read = read
        self.kept = [i for i in read.items if keep(i)]
        self.group_keys = {i.key for i in self.kept if i.kind is ItemKind.GROUP}
        self.agency_codes = {i.fields["code"] for i in self.kept if i.kind is ItemKind.AGENCY}
        self.set_names = {
            name
            for name, codes in read.agency_sets.items()
            if any(code in self.agency_codes for code in codes)
        }

    def _agencies(self, names: Sequence[str]) -> list[str]:
        return [n for n in names if n in self.agency_codes or n in self.set_names]

    def build(self) -> dict[str, Any]:
        data: dict[str, Any] = {"format": PLAN_FORMAT, "format_version": PLAN_FORMAT_VERSION}
        details = next((i for i in self.kept if i.kind is ItemKind.DETAILS), None)
        agencies = [copy.deepcopy(i.fields) for i in self.kept if i.kind is ItemKind.AGENCY]
        used_localities = {a["locality"] for a in agencies if "locality" in a}
        data["agencies"] = agencies
        data["plan"] = {k: v for k, v in (details.fields if details else {}).items() if v != ""}
        owner = data["plan"].get("owner_code")
        if owner is not None and owner not in self.agency_codes:
            del data["plan"]["owner_code"]
        data["periods"] = copy.deepcopy(self.read.periods)
        data["localities"] = [copy.deepcopy(loc) for loc in self.read.localities]
        data["agency_sets"] = {
            name: [c for c in codes if c in self.agency_codes]
            for name, codes in self.read.agency_sets.items()
            if name in self.set_names
        }
        groups: list[dict[str, Any]] = []
        loose_tasks: list[FoundItem] = []
        by_group: dict[str, dict[str, Any]] = {}
        kept_indicators: set[str] = set()
        for item in self.kept:
            if item.kind is ItemKind.GROUP:
                group = copy.deepcopy(item.fields)
                group["lead"] = self._agencies(group.get("lead", []))
                group["coordinating"] = self._agencies(group.get("coordinating", []))
                group["review"] = review_state(item)
                group["indicators"], group["tasks"] = [], []
                by_group[item.key] = group
                groups.append(group)
            elif item.kind is ItemKind.INDICATOR and item.group_key in by_group:
                indicator = copy.deepcopy(item.fields)
                if indicator.get("parent") not in kept_indicators:
                    indicator.pop("parent", None)
                for locality_row in indicator.get("breakdown", {}).get("rows", []):
                    used_localities.add(locality_row["locality"])
                indicator["review"] = review_state(item)
                kept_indicators.add(indicator["code"])
                by_group[item.group_key]["indicators"].append(indicator)
            elif item.kind is ItemKind.TASK:
                if item.group_key is None:
                    loose_tasks.append(item)
                elif item.group_key in by_group:
                    by_group[item.group_key].setdefault("_tasks", []).append(item)
        for group in groups:
            group["tasks"] = self._task_entries(group.pop("_tasks", []))
        data["groups"] = groups
        data["tasks"] = self._task_entries(loose_tasks)
        data["localities"] = [loc for loc in data["localities"] if loc["code"] in used_localities]
        return data

    def _task_entries(self, items: list[FoundItem]) -> list[dict[str, Any]]:
        """Consecutive tasks with the same lead-in and agencies are one entry (as the
        plan writer and the loader number them)."""
        entries: list[dict[str, Any]] = []
        for item in items:
            f = item.fields
            lead, coordinating = (
                self._agencies(f.get("lead", [])),
                self._agencies(f.get("coordinating", [])),
            )
            entry_key = (f.get("lead_in", ""), tuple(lead), tuple(coordinating))
            task = {"text": f["text"]}
            for key in ("deadline", "deadline_text", "note"):
                if f.get(key) not in (None, ""):
                    task[key] = f[key]
            task["review"] = review_state(item)
            if entries and entries[-1]["_key"] == entry_key:
                entries[-1]["items"].append(task)
                continue
            entry: dict[str, Any] = {"_key": entry_key}
            if f.get("lead_in"):
                entry["lead_in"] = f["lead_in"]
            entry.update(lead=lead, coordinating=coordinating, items=[task])
            entries.append(entry)
        for entry in entries:
            del entry["_key"]
        return entries


def read_plan(
    document: DocumentText,
    known_agencies: Sequence[tuple[str, str]] = (),
    progress: Callable[[int, int], None] | None = None,
    ended_agencies: Mapping[str, date] | None = None,
) -> ReadPlan:
    """Find the plan in a document's text (documents/reader.py does the work)."""
    from .reader import read_plan as read

    return read(document, known_agencies, progress, ended_agencies)
