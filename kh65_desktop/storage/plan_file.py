"""Reads a plan data file (TOML, see docs/plan-file.md) into the database.

Figures in the file are strings in Vietnamese format, exactly as the document prints
them, so a reviewer can compare each with its quote. Loading is one transaction: a file
with a mistake changes nothing and the error names the item.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from datetime import UTC, date, datetime, time
from enum import Enum
from pathlib import Path
from typing import Any, TypeVar

from sqlmodel import Session, select

from ..domain.codes import code_key, code_problem
from ..domain.figure_rules import (
    FigureKind,
    RuleError,
    check_decimals,
    check_figure,
    check_number,
    check_share,
    check_target,
    clean_text,
    field_label,
)
from ..domain.numbers import VietnameseFormatError, parse_number_detail
from ..domain.periods import batch_problem
from ..domain.terms import (
    AgencyKind,
    Direction,
    IndicatorKind,
    PeriodKind,
    Role,
    StatedKind,
    TargetForm,
)
from .models import (
    Agency,
    GroupAgency,
    Indicator,
    IndicatorGroup,
    Locality,
    LocalityTarget,
    Period,
    Plan,
    ReportedValue,
    StatedFigure,
    Task,
    TaskAgency,
)
from .toml_text import TomlTextError, parse_toml

E = TypeVar("E", bound=Enum)

FORMAT = "kh65-plan"
FORMAT_VERSION = 1
MAX_BYTES = 8 * 1024 * 1024  # plan 65 takes about 100 KB
DOCUMENT_AUTHOR = "Văn bản"  # `entered_by` for figures taken from the plan itself


class PlanFileError(ValueError):
    """A plan file that cannot be loaded; the message names the file and the item."""


def read_plan_file(path: Path) -> dict[str, Any]:
    """Parse and check the header of a plan file."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        from .failures import explain

        raise PlanFileError(f"Không đọc được tệp kế hoạch: {explain(exc, f'tệp {path}')}") from exc
    return read_plan_bytes(raw, path.name)


def read_plan_text(text: str, name: str) -> dict[str, Any]:
    """Parse and check the header of a plan file's text (one carried in a package)."""
    return read_plan_bytes(text.encode("utf-8"), name)


def read_plan_bytes(raw: bytes, name: str) -> dict[str, Any]:
    """Parse and check the header of a plan file's content, refused in Vietnamese by its
    line (storage/toml_text.py)."""
    if len(raw) > MAX_BYTES:
        raise PlanFileError(
            f"Tệp {name} lớn hơn 8 MB: không phải tệp kế hoạch; hãy kiểm tra lại tên tệp."
        )
    try:
        data = parse_toml(raw)[1]
    except TomlTextError as exc:
        raise PlanFileError(
            f"Tệp kế hoạch {name}, dòng {exc.line}: {exc.problem} Hãy sửa tệp rồi thử lại."
        ) from None
    if data.get("format") != FORMAT:
        raise PlanFileError(f"{name} không phải là tệp kế hoạch KH65.")
    version = data.get("format_version", 0)
    if type(version) is not int:
        raise PlanFileError(f"{name}: format_version phải là số (format_version = 1).")
    if version > FORMAT_VERSION:
        raise PlanFileError(f"{name} được tạo bởi phiên bản mới hơn; hãy cập nhật ứng dụng.")
    _check_head(name, data.get("plan"))
    return data


# [plan]'s keys and what each holds; the rest of the file is checked item by item as loaded
_HEAD_TYPES: dict[str, type] = {
    "code": str,
    "number": str,
    "document_type": str,
    "issued_on": date,
    "place": str,
    "issuing_body": str,
    "title": str,
    "year": int,
    "starts_on": date,
    "ends_on": date,
    "signer_authority": str,
    "signer_title": str,
    "signer_name": str,
    "owner_code": str,
}
_HEAD_OPTIONAL = {"document_type", "owner_code"}


def _check_head(filename: str, head: Any) -> None:
    """The [plan] table: known keys, each of its type, a code that can be one."""
    if not isinstance(head, dict):
        raise PlanFileError(f"{filename}: thiếu phần [plan] (mã, số, ngày, năm của kế hoạch).")
    for key in head:
        if key not in _HEAD_TYPES:
            raise PlanFileError(
                f"{filename}, [plan]: không biết khóa “{key}” (viết sai?); các khóa dùng được: "
                f"{', '.join(_HEAD_TYPES)}."
            )
    for key, kind in _HEAD_TYPES.items():
        value = head.get(key)
        if value is None and key in _HEAD_OPTIONAL:
            continue
        wrong = value is None or not isinstance(value, kind) or isinstance(value, bool)
        if kind is date and isinstance(value, datetime):
            wrong = True
        if wrong:
            shown = {str: "một chuỗi trong ngoặc kép", int: "một số nguyên", date: "một ngày"}
            raise PlanFileError(
                f"{filename}, [plan]: {key} phải là {shown[kind]}"
                + (" viết như 2024-07-04." if kind is date else ".")
            )
    problem = code_problem(head["code"])
    if problem:
        raise PlanFileError(f"{filename}, [plan]: code “{head['code'].strip()}”: {problem}")
    head["code"] = unicodedata.normalize("NFC", head["code"].strip())


def load_plan(session: Session, path: Path) -> Plan:
    """Add the plan in `path` to the session (the caller commits); agencies are shared."""
    return load_plan_data(session, read_plan_file(path), path.name)


def load_plan_data(session: Session, data: dict[str, Any], name: str) -> Plan:
    """Add the plan of a read plan file (read_plan_file, read_plan_text) to the session."""
    return _Loader(session, name, data).load()


class _Loader:
    """One pass over a plan file, keeping the code -> row maps it needs."""

    def __init__(self, session: Session, filename: str, data: dict[str, Any]) -> None:
        self.session = session
        self.filename = filename
        self.data = data
        self.localities: dict[str, Locality] = {}
        self.agencies: dict[str, Agency] = {}
        self.periods: dict[str, Period] = {}
        self.indicator_codes: set[str] = set()
        self.task_count = 0  # tasks keep the document's order across groups
        self.entered_at = datetime.now(UTC)  # the document's date, once load() has read it

    def fail(self, where: str, problem: str) -> PlanFileError:
        return PlanFileError(f"{self.filename}, {where}: {problem}")

    def number(self, text: Any, where: str) -> tuple[float, int]:
        try:
            parsed = parse_number_detail(str(text))
            check_decimals(parsed.decimals, "số")
            check_number(parsed.value, "số")
        except (VietnameseFormatError, RuleError) as exc:
            raise self.fail(where, str(exc)) from None
        return parsed.value, parsed.decimals

    def text(self, table: dict[str, Any], key: str, where: str, field: str = "") -> str:
        """A text of the file, cleaned and within its field's limit (domain/figure_rules)."""
        try:
            return clean_text(table.get(key, ""), field or key, field_label(field or key))
        except RuleError as exc:
            raise self.fail(where, str(exc)) from None

    def checked(self, check: Callable[..., float | None], *args: Any) -> None:
        """A figure's plausibility for its indicator (sign, rate, target 0)."""
        try:
            check(*args)
        except RuleError as exc:
            raise self.fail(args[-1], str(exc)) from None

    def choice(self, kind: type[E], value: Any, where: str, key: str = "kind") -> E:
        """One of the words a field allows ("accumulating", "higher"…): a typo made by hand
        in the file is named with the words it may be, not raised as a ValueError."""
        try:
            return kind(value)
        except ValueError:
            allowed = ", ".join(f"“{m.value}”" for m in kind)  # type: ignore[attr-defined]
            raise self.fail(
                where, f"{key} = “{value}” không hợp lệ; chỉ được ghi một trong: {allowed}."
            ) from None

    def optional(self, table: dict[str, Any], key: str, where: str) -> float | None:
        return self.number(table[key], where)[0] if key in table else None

    def load(self) -> Plan:
        meta = self.data["plan"]
        wanted = code_key(meta["code"])
        exists = next(
            (c for c in self.session.exec(select(Plan.code)) if code_key(c) == wanted), None
        )
        if exists:
            raise self.fail("plan", f"kế hoạch {exists} đã có trong cơ sở dữ liệu.")
        plan = Plan(**meta)
        # the document's figures date from the document, not from the day they were loaded:
        # a clerk's later edit, here or in another office, is always newer
        self.entered_at = datetime.combine(plan.issued_on, time(), UTC)
        self.session.add(plan)
        self.session.flush()
        self._localities()
        self._agencies()
        self._periods(plan)
        for position, group in enumerate(self.data.get("groups", [])):
            self._group(plan, group, position)
        for position, task in enumerate(self.data.get("tasks", [])):
            self._tasks(plan, None, task, f"T{position + 1}")
        self.session.flush()
        return plan

    def _localities(self) -> None:
        for position, item in enumerate(self.data.get("localities", [])):
            row = self.session.exec(select(Locality).where(Locality.code == item["code"])).first()
            if row is None:
                row = Locality(position=position, **item)
                self.session.add(row)
            self.localities[item["code"]] = row
        self.session.flush()

    def _agencies(self) -> None:
        for position, item in enumerate(self.data.get("agencies", [])):
            row = self.session.exec(select(Agency).where(Agency.code == item["code"])).first()
            if row is None:
                locality = self.localities[item["locality"]] if "locality" in item else None
                row = Agency(
                    code=item["code"],
                    name=item["name"],
                    kind=self.choice(AgencyKind, item["kind"], f"cơ quan {item['code']}"),
                    locality_id=locality.id if locality else None,
                    position=position,
                )
                self.session.add(row)
            self.agencies[item["code"]] = row
        self.session.flush()

    def _periods(self, plan: Plan) -> None:
        periods = [
            Period(
                plan_id=plan.id,
                code=item["code"],
                name=item["name"],
                kind=self.choice(PeriodKind, item["kind"], f"kỳ {item['code']}"),
                starts_on=item["starts_on"],
                ends_on=item["ends_on"],
                cutoff_on=item.get("cutoff_on"),
            )
            for item in self.data.get("periods", [])
        ]
        # the rules a period typed in the window or received in a package meets
        if refused := batch_problem(periods, [], (plan.starts_on, plan.ends_on)):
            raise PlanFileError(f"Tệp kế hoạch {self.filename}: {refused}")
        for period in periods:
            self.session.add(period)
            self.periods[period.code] = period
        self.session.flush()

    def _agency_codes(self, names: list[str], where: str) -> list[Agency]:
        """Agency codes, with the file's named sets ("UBND các huyện, …") expanded."""
        sets: dict[str, list[str]] = self.data.get("agency_sets", {})
        found: list[Agency] = []
        for name in names:
            for code in sets.get(name, [name]):
                if code not in self.agencies:
                    raise self.fail(where, f"không có cơ quan mã “{code}”.")
                if self.agencies[code] not in found:
                    found.append(self.agencies[code])
        return found

    def _roles(self, item: dict[str, Any], where: str) -> list[tuple[Agency, Role]]:
        roles = [(a, Role.LEAD) for a in self._agency_codes(item.get("lead", []), where)]
        leads = {a.code for a, _ in roles}
        roles += [
            (a, Role.COORDINATE)
            for a in self._agency_codes(item.get("coordinating", []), where)
            if a.code not in leads
        ]
        return roles

    def _group(self, plan: Plan, item: dict[str, Any], position: int) -> None:
        where = f"nhóm {item['code']}"
        group = IndicatorGroup(
            plan_id=plan.id,
            code=item["code"],
            section=item["section"],
            heading=item["heading"],
            position=position,
        )
        self.session.add(group)
        self.session.flush()
        for agency, role in self._roles(item, where):
            self.session.add(GroupAgency(group_id=group.id, agency_id=agency.id, role=role))
        by_code: dict[str, Indicator] = {}
        for index, indicator in enumerate(item.get("indicators", [])):
            by_code[indicator["code"]] = self._indicator(plan, group, indicator, index, by_code)
        for index, task in enumerate(item.get("tasks", [])):
            self._tasks(plan, group, task, f"{item['code']}.T{index + 1}")

    def _indicator(
        self,
        plan: Plan,
        group: IndicatorGroup,
        item: dict[str, Any],
        position: int,
        earlier: dict[str, Indicator],
    ) -> Indicator:
        where = f"chỉ tiêu {item['code']}"
        if item["code"] in self.indicator_codes:  # the database would refuse it mid-load
            raise self.fail(where, "mã chỉ tiêu này đã dùng cho một chỉ tiêu khác trong tệp.")
        self.indicator_codes.add(item["code"])
        target = item["target"]
        parent = earlier.get(item["parent"]) if "parent" in item else None
        if "parent" in item and parent is None:
            raise self.fail(where, f"chỉ tiêu cha “{item['parent']}” phải đứng trước trong nhóm.")
        baseline = item.get("baseline", {})
        same = item.get("same_period", {})
        indicator = Indicator(
            plan_id=plan.id,
            group_id=group.id,
            parent_id=parent.id if parent else None,
            code=self.text(item, "code", where),
            position=position,
            name=self.text(item, "name", where),
            unit=self.text(item, "unit", where),
            kind=self.choice(IndicatorKind, item["kind"], where),
            direction=self.choice(Direction, item.get("direction", "higher"), where, "direction"),
            target_form=self.choice(TargetForm, target["form"], where, "form"),
            target_value=self.optional(target, "value", where),
            target_strict=bool(target.get("strict", False)),
            target_share=self.optional(target, "share", where),
            target_text=self.text(target, "text", where, "target_text"),
            baseline_value=self.optional(baseline, "value", where),
            baseline_label=_join(baseline.get("label", ""), baseline.get("derived", "")),
            same_period_value=self.optional(same, "value", where),
            same_period_label=same.get("label", ""),
            note=self.text(item, "note", where),
            source_quote="\n".join(item.get("quotes", [])),
        )
        kind = FigureKind.of(indicator)
        if indicator.kind is not IndicatorKind.QUALITATIVE:
            self.checked(check_target, indicator.target_value, kind, where)
        self.checked(check_share, indicator.target_share, where)
        self.checked(check_figure, indicator.baseline_value, kind, where)
        self.session.add(indicator)
        self.session.flush()
        for value in item.get("values", []):
            self._value(indicator, value, None, where)
        for stated in item.get("stated", []):
            self._stated(
                indicator,
                self.choice(StatedKind, stated["kind"], where),
                stated["value"],
                stated.get("period"),
                None,
                stated.get("source", ""),
                where,
            )
        if "breakdown" in item:
            self._breakdown(indicator, item["breakdown"], where)
        return indicator

    def _period_id(self, code: str | None, where: str) -> int | None:
        if code is None:
            return None
        if code not in self.periods:
            raise self.fail(where, f"không có kỳ báo cáo mã “{code}”.")
        return self.periods[code].id

    def _value(
        self, indicator: Indicator, item: dict[str, Any], locality: Locality | None, where: str
    ) -> None:
        value = self.optional(item, "value", where)
        self.checked(check_figure, value, FigureKind.of(indicator), where)
        self.session.add(
            ReportedValue(
                indicator_id=indicator.id,
                period_id=self._period_id(item["period"], where),
                locality_id=locality.id if locality else None,
                value=value,
                text=self.text(item, "text", where),
                achieved=item.get("achieved"),
                is_estimate=bool(item.get("estimate", False)),
                as_of=item.get("as_of"),
                entered_by=DOCUMENT_AUTHOR,
                entered_at=self.entered_at,
            )
        )

    def _stated(
        self,
        indicator: Indicator,
        kind: StatedKind,
        text: str,
        period: str | None,
        locality: Locality | None,
        source: str,
        where: str,
    ) -> None:
        value, decimals = self.number(text, where)
        self.session.add(
            StatedFigure(
                indicator_id=indicator.id,
                period_id=self._period_id(period, where),
                locality_id=locality.id if locality else None,
                kind=kind,
                value=value,
                decimals=decimals,
                source=source,
            )
        )

    def _breakdown(self, indicator: Indicator, table: dict[str, Any], where: str) -> None:
        period, source = table["period"], table.get("source", "")
        for row in table["rows"]:
            locality = self.localities.get(row["locality"])
            if locality is None:
                raise self.fail(where, f"không có địa phương mã “{row['locality']}”.")
            target, _ = self.number(row["target"], where)
            self.session.add(
                LocalityTarget(
                    indicator_id=indicator.id, locality_id=locality.id, target_value=target
                )
            )
            self._value(
                indicator,
                {"period": period, "value": row["value"], "as_of": table.get("as_of")},
                locality,
                where,
            )
            self._stated(
                indicator,
                StatedKind.PERCENT_OF_PLAN,
                row["percent"],
                period,
                locality,
                source,
                where,
            )
            self._stated(
                indicator, StatedKind.REMAINING, row["remaining"], period, locality, source, where
            )
        total = table.get("total", {})
        for key, kind in (
            ("target", StatedKind.TOTAL_TARGET),
            ("value", StatedKind.TOTAL_VALUE),
            ("percent", StatedKind.PERCENT_OF_PLAN),
            ("remaining", StatedKind.REMAINING),
        ):
            if key in total:
                self._stated(indicator, kind, total[key], period, None, source, where)

    def _tasks(
        self, plan: Plan, group: IndicatorGroup | None, item: dict[str, Any], code: str
    ) -> None:
        roles = self._roles(item, f"nhiệm vụ {code}")
        for index, entry in enumerate(item["items"]):
            deadline: date | None = entry.get("deadline")
            task = Task(
                plan_id=plan.id,
                group_id=group.id if group else None,
                code=f"{code}.{index + 1}",
                position=self.task_count,
                lead_in=item.get("lead_in", ""),
                text=self.text(entry, "text", f"nhiệm vụ {code}"),
                deadline=deadline,
                deadline_text=self.text(entry, "deadline_text", f"nhiệm vụ {code}"),
                note=self.text(entry, "note", f"nhiệm vụ {code}"),
            )
            self.task_count += 1
            self.session.add(task)
            self.session.flush()
            for agency, role in roles:
                self.session.add(TaskAgency(task_id=task.id, agency_id=agency.id, role=role))


def _join(*parts: str) -> str:
    return "; ".join(p for p in parts if p)
