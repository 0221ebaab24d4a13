"""The bullets of a section stating results already reached ("Thu nội địa 3.300 tỷ đồng, đạt
53,05% dự toán"): indicators of no group, merged later with their group's twin.
"""

from __future__ import annotations

import re
from typing import Any

from ..domain.terms import TargetForm
from . import phrases
from .indicator_sentences import capital, shared_prefix
from .phrases import MEASURE
from .plan_groups import Group
from .reading_state import ReadingState


class ResultsSectionReader(ReadingState):
    """The reader's part that reads a results section's bullets (its state: reading_state.py)."""

    def _summary_specs(self, text: str, group: Group) -> list[dict[str, Any]]:
        """Bullets of a results section: "Thu nội địa 3.300 tỷ đồng, đạt 53,05% dự toán",
        "98% cơ quan, đơn vị; 90% xã … đạt chuẩn …", "… đều đạt và vượt kế hoạch"."""
        text = text.rstrip(" ;.")
        if text.endswith(":") or not text:
            return []
        if re.search(r"đều đạt và vượt kế hoạch$", text):
            names = re.split(
                r"[,;]\s+(?=tỷ lệ\b)", re.sub(r"\s*đều đạt và vượt kế hoạch$", "", text), flags=re.I
            )
            return [
                {
                    "name": capital(n.strip()),
                    "unit": "%" if n.casefold().startswith("tỷ lệ") else "",
                    "target": phrases.Target(TargetForm.VALUE),
                    "values": [
                        {
                            "period": self._period("H1"),
                            "text": "Đạt và vượt kế hoạch",
                            "achieved": True,
                        }
                    ],
                    "_reasons": ["không tìm thấy chỉ tiêu năm"],
                }
                for n in names
            ]
        clauses = [c.strip() for c in re.split(r";\s+|\)\s+và\s+(?=\S)", text) if c.strip()]
        specs: list[dict[str, Any]] = []
        previous_name = ""
        for index, clause in enumerate(clauses):
            if clause.count("(") > clause.count(")"):
                clause += ")"
            lowered = clause.casefold()
            if re.match(r"(giữ vững|duy trì)\b", lowered) and not MEASURE.search(clause):
                specs.append(
                    {
                        "name": clause,
                        "unit": "",
                        "kind": "qualitative",
                        "target": phrases.Target(TargetForm.KEEP, text=clause),
                    }
                )
                continue
            lead = MEASURE.match(clause)
            if lead is not None:  # "98% cơ quan, đơn vị": the figure first
                rest = clause[lead.end() :].strip()
                if not re.search(r"\b(đạt|vững|được)\b", rest):
                    later = next((c for c in clauses[index + 1 :] if re.search(r"\sđạt\s", c)), "")
                    predicate = later[later.find(" đạt ") :] if later else ""
                    rest = f"{rest}{predicate}"
                figure, unit = lead.group("n"), lead.group("u") or ""
                name = f"Tỷ lệ {rest}" if unit == "%" else rest
                specs.append(
                    {
                        "name": capital(name),
                        "unit": unit,
                        "target": phrases.Target(
                            TargetForm.VALUE, figure, unit=unit, text=f"{figure}{unit}"
                        ),
                        "values": [
                            {"period": self._period("H1"), "value": figure, "achieved": True}
                        ],
                        "_reasons": ["một con số vừa là chỉ tiêu vừa là kết quả"],
                    }
                )
                continue
            measure = MEASURE.search(clause)
            count = re.search(rf"(?<![\d.,])(\d+)/\d+\s*(?P<u>{phrases.UNIT_WORDS})(?!\w)", clause)
            if count is not None and (measure is None or count.start() < measure.start()):
                measure = re.compile(rf"(?P<n>\d+)/\d+\s*(?P<u>{phrases.UNIT_WORDS})").search(
                    clause, count.start()
                )
            if measure is None:
                continue
            name = clause[: measure.start()].strip()
            name = re.sub(r"\s+(?:là|đạt|chiếm|đạt được)$", "", name)
            growth = re.search(r"\s+(tăng|giảm)$", name)
            if growth:
                subject = name[: growth.start()]
                name = f"Tốc độ {growth.group(1)} {subject[0].lower()}{subject[1:]}"
            if name and name[0].islower() and previous_name:
                name = shared_prefix(previous_name) + name
            name = capital(name)
            previous_name = name
            figure, unit = measure.group("n"), measure.group("u") or ""
            # a "85/85 xã" says how many of how many: the count reached
            spec: dict[str, Any] = {"name": name, "unit": unit}
            spec["values"] = [{"period": self._period("H1"), "value": figure}]
            target_said = re.search(
                rf"chỉ tiêu(?: năm)?(?: (?:19|20)\d{{2}})? là ({phrases.NUMBER})\s*%?", clause
            )
            spec["target"] = (
                phrases.Target(
                    TargetForm.VALUE,
                    target_said.group(1),
                    unit=unit,
                    text=f"{target_said.group(1)}{unit}",
                )
                if target_said
                else None
            )
            after = clause[measure.end() :]
            result = phrases.result(after)
            if result.same_period:
                spec["same_period"] = {"value": result.same_period, "label": "cùng kỳ"}
            if not result.percent_of_plan and (
                whole_plan := re.match(rf",?\s*đạt\s+({phrases.NUMBER})\s*%\s*$", after)
            ):
                result.percent_of_plan = whole_plan.group(1)  # "85/85 xã, đạt 100%"
            if result.percent_of_plan:
                spec["stated"] = [
                    {
                        "kind": "percent_of_plan",
                        "period": self._period("H1"),
                        "value": result.percent_of_plan,
                        "source": group.key,
                    }
                ]
                if result.percent_of_plan.rstrip("0").rstrip(",") == "100":
                    spec["values"][0]["achieved"] = True
            specs.append(spec)
        return specs
