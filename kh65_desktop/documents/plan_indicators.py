"""Indicators under a group: targets, baselines, stated results and "trong đó" parts, each
kept only if every figure is printed in its sentence.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from ..domain.terms import TargetForm
from . import phrases
from .indicator_sentences import (
    IN_WHICH,
    PERCENT_OF_PLAN_PERIOD,
    PERIOD_CLAUSE,
    capital,
    child_name,
    head_spec,
    indicator_figures,
    indicator_kind,
    named_part,
    reordered,
    result_clauses,
    split_head,
)
from .items import FoundItem, ItemKind
from .paragraphs import BULLET, NUMBERED, Para
from .phrases import figure_in, plain
from .plan_groups import Group
from .reading_state import ReadingState


class IndicatorsReader(ReadingState):
    """The reader's part that reads indicator sentences (its state: reading_state.py)."""

    def _indicators(self, para: Para, group: Group) -> list[FoundItem]:
        text = NUMBERED.sub("", BULLET.sub("", para.plain)).strip()
        specs = (
            self._summary_specs(text, group) if group.summary else self._group_specs(text, group)
        )
        found: list[FoundItem] = []
        parent_code: str | None = None
        for spec in specs:
            if spec.pop("_child", False):
                if parent_code is None:
                    continue
                spec["parent"] = parent_code
            item = self._indicator_item(spec, para, group)
            if item is None:
                continue
            if "parent" not in item.fields:
                parent_code = item.fields["code"]
            found.append(item)
        return found

    def _next_code(self, group: Group, parent: str | None = None) -> str:
        if parent:
            siblings = [i for i in group.indicators if i.fields.get("parent") == parent]
            return f"{parent}.{len(siblings) + 1}"
        tops = [i for i in group.indicators if "parent" not in i.fields]
        return f"{group.key}.{len(tops) + 1}"

    def _indicator_item(self, spec: dict[str, Any], para: Para, group: Group) -> FoundItem | None:
        reasons: list[str] = spec.pop("_reasons", [])
        code = self._next_code(group, spec.get("parent"))
        fields: dict[str, Any] = {"code": code}
        if spec.get("parent"):
            fields["parent"] = spec["parent"]
        fields["name"] = spec["name"]
        if spec.get("parent"):
            parent = next(i for i in group.indicators if i.fields["code"] == spec["parent"])
            fields["name"] = child_name(spec["name"], parent.fields["name"])
        fields["unit"] = spec.get("unit", "")
        per = re.search(r"/(vạn dân|nghìn dân|\w+ dân|người|hộ)\b", fields["name"])
        if per and fields["unit"] and "/" not in fields["unit"] and fields["unit"] != "%":
            fields["unit"] = f"{fields['unit']}/{per.group(1)}"  # "Số bác sĩ/vạn dân … 9 bác sĩ"
        target: phrases.Target | None = spec.get("target")
        form = target.form if target else TargetForm.VALUE
        kind = spec.get("kind") or indicator_kind(fields["name"], fields["unit"], form)
        fields["kind"] = kind
        if (target and target.form is TargetForm.CEILING) or (
            target and target.form is TargetForm.CHANGE and (target.value or "").startswith("-")
        ):
            fields["direction"] = "lower"
        t: dict[str, Any] = {"form": form.value}
        if target is not None:
            if target.value is not None:
                t["value"] = target.value
            if target.share is not None:
                t["share"] = target.share
            if target.strict:
                t["strict"] = True
            t["text"] = target.text
            reasons += target.reasons
        else:
            t["text"] = ""
            reasons.append("không tìm thấy chỉ tiêu năm")
        fields["target"] = t
        for key in ("baseline", "same_period", "values", "stated", "note"):
            if spec.get(key):
                fields[key] = spec[key]
        quote = self.document.text[para.start : para.end]
        fields["quotes"] = [plain(quote)]
        if not fields["unit"] and kind != "qualitative":
            reasons.append("đơn vị không rõ")
        if not group.lead and not group.summary:
            reasons.append("không tìm thấy cơ quan chủ trì")
        problems = [
            f for f in indicator_figures(fields) if not figure_in(f, " ".join(fields["quotes"]))
        ]
        if problems:  # nothing invented: a figure must be printed in its sentence
            return None
        confidence = max(0.1, 1.0 - 0.25 * len(reasons))
        value = t.get("value") or (f"{t['share']}% kế hoạch" if "share" in t else t["text"])
        unit = fields["unit"] if t.get("value") else ""
        title = f"{fields['name']} — {value}{unit if unit in ('', '%') else ' ' + unit}"
        item = FoundItem(
            code,
            ItemKind.INDICATOR,
            group.key,
            title,
            fields,
            quote,
            (para.start, para.end),
            confidence,
            reasons,
        )
        item.fields.setdefault("_summary", group.summary)
        group.indicators.append(item)
        self.items.append(item)
        return item

    def _group_specs(self, text: str, group: Group) -> list[dict[str, Any]]:
        text = text.rstrip(" ;.")
        head, tail = reordered(text) or split_head(text)
        parts = IN_WHICH.split(head)
        specs: list[dict[str, Any]] = []
        for index, part in enumerate(parts):
            spec = head_spec(part.strip(" ,;"), child=index > 0)
            if spec is None and index == 0 and tail:
                # "Giải ngân vốn …: Vốn đầu tư từ 95% trở lên; …: Kế hoạch vốn … phân bổ …"
                first = result_clauses(tail)[0]
                shared = phrases.target(first, part)
                if shared is not None and shared.share:
                    spec = {"name": capital(part), "unit": "", "target": shared, "_child": False}
                    spec["target"].text = first
                    tail = tail[len(first) :].lstrip(" ;:")
                    tail = re.sub(r"^[^:;]*:\s*", "", tail) if ":" in tail.split(";")[0] else tail
            if spec is None:
                if index == 0:
                    return []
                continue
            specs.append(spec)
        if not specs:
            return []
        self._apply_tail(specs, tail, group)
        return specs

    def _apply_tail(self, specs: list[dict[str, Any]], tail: str, group: Group) -> None:
        main = specs[0]
        children = [s for s in specs[1:]]
        for clause in result_clauses(tail):
            folded = clause.casefold()
            if main["target"] is not None and main["target"].form is TargetForm.MILESTONE:
                if re.match(r"hoàn thành\b", folded) and not PERIOD_CLAUSE.search(clause):
                    main["target"].text = clause[0].upper() + clause[1:]
                    continue
                if re.search(r"tháng đầu năm", folded):
                    said = re.sub(r"^.*?tháng đầu năm\s*", "", clause)
                    main.setdefault("values", []).append(
                        {"period": self._period("H1"), "text": said[0].upper() + said[1:]}
                    )
                continue
            amount = phrases.PLAN_AMOUNT.search(clause)
            if amount and main["target"] is not None and main["target"].share:
                main["target"].value = amount.group("n")
                main["unit"] = main.get("unit") or amount.group("u") or ""
                continue
            share = re.search(
                (
                    rf"(?:đạt\s+)?(trên|từ)\s+({phrases.NUMBER})\s*%\s*(trở lên\s*)?(?:kế hoạch|"
                    rf"nguồn vốn)"
                ),
                clause,
            )
            if share and not PERCENT_OF_PLAN_PERIOD.search(clause) and main["target"] is not None:
                main["target"].share = share.group(2)
                main["target"].strict = share.group(1) == "trên" and not share.group(3)
                main["target"].text = f"{main['target'].text}; {clause}".strip("; ")
                continue
            rest = bool(phrases.REST_OF_YEAR.search(clause))
            pieces = IN_WHICH.split(clause)
            named = named_part(clause, children) if len(pieces) == 1 else None
            for position, piece in enumerate(pieces):
                spec = (
                    (named or main)
                    if position == 0
                    else (children[position - 1] if position - 1 < len(children) else None)
                )
                if spec is None:
                    continue
                self._apply_result(spec, piece, rest, group, whole=clause)

    def _apply_result(
        self, spec: dict[str, Any], piece: str, rest: bool, group: Group, whole: str
    ) -> None:
        found = phrases.result(piece)
        if rest and found.value and not found.remaining:
            found.remaining, found.value = found.value, None
        if found.same_period:
            spec["same_period"] = {"value": found.same_period, "label": "cùng kỳ"}
        stated = spec.setdefault("stated", [])
        said_period = phrases.period_of(whole, self.year)
        period = said_period or self._period("H1")
        if found.percent_of_plan:
            stated.append(
                {
                    "kind": "percent_of_plan",
                    "period": period,
                    "value": found.percent_of_plan,
                    "source": group.key,
                }
            )
        if found.remaining:
            stated.append(
                {
                    "kind": "remaining",
                    "period": period,
                    "value": found.remaining,
                    "source": group.key,
                }
            )
        if found.value and (said_period or found.as_of):
            target = spec.get("target")
            falling = target is not None and (target.value or "").startswith("-")
            if falling and re.search(rf"giảm\s+{re.escape(found.value)}", piece):
                found.value = f"-{found.value}"  # a decrease so far, as the target's change
            value: dict[str, Any] = {"period": period, "value": found.value}
            if found.estimate:
                value["estimate"] = True
            if found.as_of:
                value["as_of"] = found.as_of
            spec.setdefault("values", []).append(value)
            if not spec.get("unit") and found.unit:
                spec["unit"] = found.unit
            elif (
                found.unit
                and found.unit != spec.get("unit")
                and found.unit.startswith(spec.get("unit") or "\0")
            ):
                spec["unit"] = found.unit  # "29,39 giường" then "28,40 giường/vạn dân"
            base = phrases.baseline(piece, found.value, spec.get("unit", ""))
            if base and "baseline" not in spec:
                spec["baseline"] = {
                    "value": base.value,
                    "label": base.label,
                    "derived": base.derived,
                }
        elif found.unit and not spec.get("unit"):
            spec["unit"] = found.unit
        if not stated:
            spec.pop("stated")

    def _note(self, text: str, last: list[FoundItem]) -> None:
        """ "(Số liệu … tính đến ngày 14/6/2024)": the as-of date of the figures above."""
        when = re.search(r"tính đến(?: ngày)? (\d{1,2}/\d{1,2}/\d{4})", text)
        if not when or not last:
            return
        day, month, year = (int(p) for p in when.group(1).split("/"))
        as_of = date(year, month, day)
        for item in last:
            for value in item.fields.get("values", []):
                value.setdefault("as_of", as_of)
            if "breakdown" in item.fields:
                item.fields["breakdown"].update(as_of=as_of, note=text)
