"""Tables: an appendix of indicators (chỉ tiêu, đơn vị, kế hoạch, cơ quan chủ trì) or the
figures by locality of the indicator just read, with the localities they name.
"""

from __future__ import annotations

import re
from typing import Any

from ..domain.terms import TargetForm
from ..domain.text import fold
from . import phrases
from .items import FoundItem
from .paragraphs import Para
from .phrases import plain
from .plan_groups import Group
from .reading_state import ReadingState


class TablesReader(ReadingState):
    """The reader's part that reads tables (its state: reading_state.py)."""

    def _table(
        self, rows: list[Para], group: Group | None, last: list[FoundItem], section: str
    ) -> None:
        """A table of indicators (an appendix's rows: chỉ tiêu, đơn vị, kế hoạch, cơ quan chủ
        trì), or of figures by locality under the indicator just read (its breakdown)."""
        if indicator_columns(rows[0].row):
            self._indicator_table(rows, section)
            return
        if not last or group is None:
            return
        header = rows[0].row
        columns = {locality_column(c): i for i, c in enumerate(header) if locality_column(c)}
        if "target" not in columns or "name" not in columns:
            return
        item = last[0]
        breakdown: dict[str, Any] = {
            "period": self._period("H1"),
            "source": f"{group.key} bảng",
            "rows": [],
        }
        for para in rows[1:]:
            cells = para.row
            name = cells[columns["name"]] if columns["name"] < len(cells) else ""
            figures = {
                key: phrases.as_vietnamese(cells[i])
                for key, i in columns.items()
                if key != "name" and i < len(cells) and re.fullmatch(phrases.NUMBER, cells[i])
            }
            if not figures:
                continue
            if not name or re.match(r"tổng", fold(" ".join(cells[:2]))):
                breakdown["total"] = figures
                continue
            breakdown["rows"].append({"locality": self._locality(name), **figures})
        if breakdown["rows"]:
            item.fields["breakdown"] = breakdown
            end = rows[-1].end
            item.span = (item.span[0], end)
            item.quote = self.document.text[item.span[0] : end]

    def _indicator_table(self, rows: list[Para], section: str) -> None:
        """Each numbered row an indicator; a row with a heading only ("I", "Về kinh tế")
        starts a group; rows led by another agency make a group of their own (a plan file
        names the lead per group)."""
        columns = indicator_columns(rows[0].row)
        section = section or "PL"
        heading = ""
        groups: dict[tuple[str, str], Group] = {}
        for para in rows[1:]:
            cells = para.row

            def cell(key: str, cells: tuple[str, ...] = cells) -> str:
                at = columns.get(key)
                return plain(cells[at]) if at is not None and at < len(cells) else ""

            name, target_cell = cell("name"), cell("target")
            if name and not target_cell and not cell("unit"):
                heading = name
                continue
            if not name:
                continue
            lead_text = cell("lead")
            key = (heading, fold(lead_text))
            if key not in groups:
                code = f"{section}.{len([g for g in self.groups if g.section == section]) + 1}"
                shown = heading or lead_text or "Phụ lục"
                if heading and lead_text:
                    shown = f"{heading} — {lead_text}"
                group = self._group(code, section, shown, para, summary=False, agencies=lead_text)
                coordinating = self.names.names_in(cell("coordinating"))
                group.coordinating += [r for r in coordinating if r not in group.lead]
                self._group_item(group).fields["coordinating"] = [
                    r.code for r in group.coordinating
                ]
                groups[key] = group
            group = groups[key]
            unit = cell("unit")
            found = phrases.target(target_cell, name) if target_cell else None
            if found is not None and not found.unit:
                found.unit = unit
            if found is not None and found.share and unit == "%":
                # "≥ 95" in a "%" column is a floor on a rate, not a share of an amount
                found = phrases.Target(
                    TargetForm.FLOOR, found.share, strict=found.strict, unit=unit, text=target_cell
                )
            change = re.search(r"\s(tăng thêm|giảm)$", name)
            if found is not None and change and found.form is TargetForm.VALUE and found.value:
                # "Số xã … tăng thêm | xã | 8": the target is the change
                lower = change.group(1) == "giảm"
                found.form = TargetForm.CHANGE
                found.value = f"-{found.value}" if lower else found.value
            spec: dict[str, Any] = {"name": name, "unit": unit, "target": found}
            self._indicator_item(spec, para, group)

    def _locality(self, name: str) -> str:
        kind_match = re.match(r"(thành phố|huyện|thị xã|quận|xã|phường)\s+(.+)", name, re.I)
        kind = kind_match.group(1).lower() if kind_match else "huyện"
        bare = kind_match.group(2) if kind_match else name
        shown = f"{kind.capitalize()} {bare}" if kind_match else name
        for code, loc in self.localities.items():
            if fold(loc["name"]) == fold(shown):
                return code
        prefix = {"thành phố": "TP", "thị xã": "TX", "quận": "Q", "phường": "P"}.get(kind, "")
        words = bare.split()
        code = prefix + "".join(fold(w)[0].upper() for w in words)
        if code in self.localities:
            code = (
                prefix
                + "".join(fold(w)[0].upper() for w in words[:-1])
                + fold(words[-1])[:2].upper()
            )
        base, n = code, 2
        while code in self.localities:
            code, n = f"{base}{n}", n + 1
        self.localities[code] = {"code": code, "name": shown, "kind": kind}
        return code


def indicator_columns(header: tuple[str, ...]) -> dict[str, int]:
    """The columns of an indicator table, or {} for another table."""
    columns: dict[str, int] = {}
    for index, cell in enumerate(header):
        folded = fold(cell)
        if folded in ("stt", "tt", "so tt"):
            key = "number"
        elif "don vi" in folded:
            key = "unit"
        elif "chu tri" in folded:
            key = "lead"
        elif "phoi hop" in folded:
            key = "coordinating"
        elif folded in ("chi tieu", "ten chi tieu", "noi dung", "chi tieu chu yeu"):
            key = "name"
        elif "ke hoach" in folded or "muc tieu" in folded or "chi tieu nam" in folded:
            key = "target"
        else:
            continue
        columns.setdefault(key, index)
    return columns if {"name", "unit", "target"} <= columns.keys() else {}


def locality_column(header: str) -> str:
    """What a column of a by-locality table holds, from its header ("" for none)."""
    folded = fold(header)
    if "dia phuong" in folded or "don vi hanh chinh" in folded or folded in ("xa", "huyen", "ten"):
        return "name"
    if "tien do" in folded or "%" in folded or "ty le" in folded:
        return "percent"
    if "nhiem vu" in folded or "con lai" in folded:
        return "remaining"
    if "thuc hien" in folded or "ket qua" in folded:
        return "value"
    if "ke hoach" in folded or "chi tieu" in folded:
        return "target"
    return ""
