"""A ReadPlan as the document reader gives it (documents/items.py's interface), made from plan
65's own text and its transcription, for the review window's tests until the reader is
merged: every item quotes a sentence of the real .txt, with its span in that text."""

from __future__ import annotations

import copy
import enum
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomli_w

ROOT = Path(__file__).resolve().parent.parent
PLAN_FILE = ROOT / "resources" / "plans" / "kh65-2024.toml"
SOURCE = ROOT / "resources" / "source" / "KH-65-UBND-2024.txt"


class ItemKind(enum.StrEnum):
    DETAILS = "details"
    AGENCY = "agency"
    GROUP = "group"
    INDICATOR = "indicator"
    TASK = "task"


@dataclass
class DocumentText:
    name: str
    kind: str
    text: str
    blocks: list[Any] = field(default_factory=list)


@dataclass
class FoundItem:
    key: str
    kind: ItemKind
    group_key: str | None
    title: str
    fields: dict[str, Any]
    quote: str
    span: tuple[int, int] | None
    confidence: float
    reasons: list[str] = field(default_factory=list)

    @property
    def sure(self) -> bool:
        return self.confidence >= 0.8


@dataclass
class ReadPlan:
    document: DocumentText
    items: list[FoundItem]
    base: dict[str, Any]  # what the stub carries over unchanged (periods, localities…)

    @property
    def indicator_count(self) -> int:
        return sum(1 for i in self.items if i.kind is ItemKind.INDICATOR)

    def plan_data(self, keep: set[str] | None = None) -> dict[str, Any]:
        kept = [i for i in self.items if keep is None or i.key in keep]
        data = copy.deepcopy(self.base)
        details = next((i for i in kept if i.kind is ItemKind.DETAILS), None)
        data["plan"] = dict(details.fields) if details else {}
        data["agencies"] = [dict(i.fields) for i in kept if i.kind is ItemKind.AGENCY]
        groups = []
        for g in (i for i in kept if i.kind is ItemKind.GROUP):
            group = dict(g.fields)
            group["indicators"] = [
                dict(i.fields)
                for i in kept
                if i.kind is ItemKind.INDICATOR and i.group_key == g.key
            ]
            tasks = [i for i in kept if i.kind is ItemKind.TASK and i.group_key == g.key]
            group["tasks"] = [_task_entry(t.fields) for t in tasks]
            groups.append(group)
        data["groups"] = groups
        return data

    def plan_text(self, keep: set[str] | None = None) -> str:
        return tomli_w.dumps(self.plan_data(keep))


ITEM_KEYS = ("text", "deadline", "deadline_text", "note")


def _task_entry(fields: dict[str, Any]) -> dict[str, Any]:
    entry = {k: v for k, v in fields.items() if k not in ITEM_KEYS}
    return entry | {"items": [{k: v for k, v in fields.items() if k in ITEM_KEYS}]}


def _span(text: str, quote: str) -> tuple[int, int] | None:
    start = text.find(quote)
    return (start, start + len(quote)) if start >= 0 else None


def plan_65_read(code: str | None = None) -> ReadPlan:
    """Plan 65 as read from its .txt; `code` gives the plan another code (plan 65 itself is
    already in every test database). Indicators without a yearly target are unsure."""
    data = tomllib.loads(PLAN_FILE.read_text(encoding="utf-8"))
    text = SOURCE.read_text(encoding="utf-8")
    if code:
        data["plan"]["code"] = code
    items: list[FoundItem] = []
    title = data["plan"]["title"]
    items.append(
        FoundItem(
            "plan", ItemKind.DETAILS, None, title, data["plan"], title, _span(text, title), 0.95
        )
    )
    for agency in data["agencies"]:
        name = agency["name"]
        span = _span(text, name)
        items.append(
            FoundItem(
                f"agency:{agency['code']}",
                ItemKind.AGENCY,
                None,
                name,
                agency,
                name if span else "",
                span,
                0.9 if span else 0.6,
                [] if span else ["tên cơ quan không có nguyên văn trong văn bản"],
            )
        )
    for group in data["groups"]:
        key = f"group:{group['code']}"
        heading = group["heading"]
        fields = {k: v for k, v in group.items() if k not in ("indicators", "tasks")}
        items.append(
            FoundItem(
                key, ItemKind.GROUP, None, heading, fields, heading, _span(text, heading), 0.9
            )
        )
        for indicator in group.get("indicators", []):
            quote = indicator["quotes"][0]
            sure = bool(indicator.get("target", {}).get("value"))
            items.append(
                FoundItem(
                    f"indicator:{indicator['code']}",
                    ItemKind.INDICATOR,
                    key,
                    indicator["name"],
                    indicator,
                    quote,
                    _span(text, quote),
                    0.95 if sure else 0.55,
                    [] if sure else ["không tìm thấy chỉ tiêu năm"],
                )
            )
        for n, task in enumerate(group.get("tasks", [])):
            for m, item in enumerate(task["items"]):
                fields = {k: v for k, v in task.items() if k != "items"} | item
                items.append(
                    FoundItem(
                        f"task:{group['code']}.{n}.{m}",
                        ItemKind.TASK,
                        key,
                        item["text"],
                        fields,
                        item["text"],
                        _span(text, item["text"]),
                        0.9,
                    )
                )
    base = {k: v for k, v in data.items() if k not in ("plan", "agencies", "groups", "tasks")}
    return ReadPlan(DocumentText(SOURCE.name, "txt", text), items, base)
