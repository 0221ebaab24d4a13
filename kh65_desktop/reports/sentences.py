"""The report's generated sentences, written as a clerk writes them (report-content.md).

One sentence per indicator ("Thu nội địa ước đạt 3.300 tỷ đồng, tăng 8,2% so với cùng kỳ,
đạt 53,05% kế hoạch năm"), counts without a zero clause, gaps between rates in "điểm phần
trăm". What is unknown is left out, never written as zero.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from ..domain.numbers import format_measure, format_number, format_rate, without_leading_zeros
from ..domain.tasks import Urgency
from ..domain.terms import Direction, IndicatorKind, StatedKind, Status, TargetForm, TaskStatus
from ..domain.text import fold
from ..services.report_facts import PlanSamePeriod, ReportFacts, Stated
from ..services.rows import IndicatorRow, TaskRow

RATE = "%"
POINTS = "điểm phần trăm"
STATED_MARK = "theo số liệu của văn bản"


def joined(clauses: list[str]) -> str:
    """ "a", "a và b", "a, b và c"."""
    if len(clauses) <= 1:
        return "".join(clauses)
    return f"{', '.join(clauses[:-1])} và {clauses[-1]}"


def quantity(value: float, unit: str, decimals: int | None = None) -> str:
    """ "20.465 tỷ đồng", "83,50%"."""
    number = format_measure(value, unit, decimals)
    if not unit:
        return number
    return f"{number}{unit}" if unit == RATE else f"{number} {unit}"


def _gap(value: float, unit: str) -> str:
    """A difference: between rates in percentage points, else in the unit."""
    if unit == RATE:
        return f"{format_measure(abs(value), RATE)} {POINTS}"
    return quantity(abs(value), unit)


@dataclass(frozen=True)
class SamePeriod:
    """What the report compares with: a same-period value, or (the plan's own label "%
    kế hoạch … cùng kỳ …") the share of plan reached a year earlier."""

    value: float | None = None
    percent_of_plan: float | None = None
    label: str = ""


def same_period_of(
    row: IndicatorRow, plan_figure: PlanSamePeriod | None, plan_applies: bool
) -> SamePeriod:
    """The row's cùng kỳ figure (the clerk's, once rows carry it), else the plan's own one
    where it speaks of the report's period; the plan's "% kế hoạch" kind is a share of plan."""
    own = getattr(row, "same_period", None)
    if plan_figure is not None and "ke hoach" in fold(plan_figure.label):
        if own is not None and own != plan_figure.value:
            return SamePeriod(value=own)  # the clerk's figure, not the plan's share
        if plan_applies:
            return SamePeriod(percent_of_plan=plan_figure.value, label=plan_figure.label)
        return SamePeriod()
    if own is not None and (plan_figure is None or own != plan_figure.value or plan_applies):
        return SamePeriod(value=own)
    if plan_figure is not None and plan_applies:
        return SamePeriod(value=plan_figure.value)
    return SamePeriod()


def _compared(value: float, same: SamePeriod, unit: str) -> str:
    if same.value is None:
        return ""
    if unit == RATE:
        difference = value - same.value
        if abs(difference) < 5e-3:
            return "bằng cùng kỳ"
        word = "tăng" if difference > 0 else "giảm"
        return f"{word} {_gap(difference, unit)} so với cùng kỳ"
    if not same.value:
        return ""
    change = (value - same.value) / abs(same.value) * 100
    if abs(change) < 5e-3:
        return "bằng cùng kỳ"
    return f"{'tăng' if change > 0 else 'giảm'} {format_number(abs(change))}% so với cùng kỳ"


def _against_plan(row: IndicatorRow, value: float, stated: Stated | None) -> str:
    """Rates: the gap to the target in percentage points; amounts: % of the year's plan;
    a share only the document states is printed as the document's."""
    target = row.target
    if _gap_to_target_said(row):
        assert target.value is not None
        gap = value - target.value
        if abs(gap) < 5e-3:
            return "bằng chỉ tiêu kế hoạch"
        behind = gap < 0 if row.direction is Direction.HIGHER else gap > 0
        word = "thấp" if gap < 0 else "cao"
        lead = "còn " if behind else ""
        return f"{lead}{word} hơn chỉ tiêu kế hoạch {_gap(gap, row.unit)}"
    percent = row.progress.percent_of_plan
    if percent is not None:
        return f"đạt {format_rate(percent)}% kế hoạch năm"
    if stated is not None:
        return f"đạt {format_number(stated.value, stated.decimals)}% kế hoạch ({STATED_MARK})"
    return ""


def _gap_to_target_said(row: IndicatorRow) -> bool:
    """A rate's sentence says how far it is from its target ("còn thấp hơn chỉ tiêu kế
    hoạch 11,45 điểm phần trăm"): what is still needed then need not be said again."""
    target = row.target
    return (
        row.unit == RATE
        and row.kind is not IndicatorKind.ACCUMULATING
        and target.form in (TargetForm.VALUE, TargetForm.FLOOR, TargetForm.CEILING)
        and target.value is not None
        and target.share is None
    )


def _subject(row: IndicatorRow) -> str:
    """The indicator's name as a sentence starts it; "Trong đó: tỷ lệ …" -> "trong đó, tỷ lệ …"."""
    name = row.name.strip()
    if fold(name).startswith("trong do:"):
        rest = name.split(":", 1)[1].strip()
        return f"trong đó, {rest}"
    return name


def indicator_sentence(
    row: IndicatorRow, facts: ReportFacts, same: SamePeriod, period_id: int | None
) -> str | None:
    """ "Thu nội địa ước đạt 3.300 tỷ đồng, tăng 8,2% so với cùng kỳ, đạt 53,05% kế hoạch
    năm"; None when nothing is known of the indicator for the period."""
    latest = row.latest
    if latest is None:
        return None
    subject = _subject(row)
    if latest.period_id != period_id:
        subject += f" (số liệu {latest.period_name})"
    if latest.value is None or row.kind is IndicatorKind.QUALITATIVE:
        words = latest.text.strip() or (
            "đạt" if latest.achieved else "chưa đạt" if latest.achieved is False else ""
        )
        if not words:
            return None
        return f"{subject}: {words[0].lower()}{words[1:]}".rstrip(".")
    value = latest.value
    verb = "ước đạt" if latest.is_estimate else "đạt"
    if row.target.form is TargetForm.CHANGE:
        direction = "giảm" if value < 0 else "tăng thêm"
        verb = f"{'ước ' if latest.is_estimate else ''}{direction}"
        shown = _gap(value, row.unit)
    else:
        shown = quantity(value, row.unit)
    clauses = [f"{subject} {verb} {shown}"]
    compared = _compared(value, same, row.unit)
    if compared:
        clauses.append(compared)
    stated = facts.stated.get((row.id, StatedKind.PERCENT_OF_PLAN))
    against = _against_plan(row, value, stated)
    if against:
        if same.percent_of_plan is not None:
            rest = same.label.split("cùng kỳ", 1)[-1].strip()
            against += (
                f" (cùng kỳ{' ' + rest if rest else ''} đạt {format_number(same.percent_of_plan)}%)"
            )
        clauses.append(against)
    return ", ".join(clauses) + still_needed(row)


STATUS_PHRASES = {
    Status.MET: "đạt kế hoạch",
    Status.ON_TRACK: "đúng tiến độ",
    Status.LAGGING: "chậm tiến độ",
    Status.AT_RISK: "có nguy cơ không đạt",
    Status.NO_DATA: "chưa đủ số liệu để đánh giá",
}


def _count_sentence(total: int, what: str, scope: str, clauses: list[tuple[int, str]]) -> str:
    """ "Trong 5 <what> <scope>, <n> <what> <phrase> và …" with no zero clause; one kind
    only: "Cả 5 <what> <scope> đều <phrase>"."""
    present = [(n, phrase) for n, phrase in clauses if n]
    if not present:
        return ""
    if len(present) == 1 and present[0][0] == total:
        phrase = present[0][1]
        if total == 1:
            return f"Có 1 {what} {scope}, {phrase}."
        return f"Cả {total} {what} {scope} đều {phrase}."
    return f"Trong {total} {what} {scope}, {joined([f'{n} {what} {p}' for n, p in present])}."


def status_sentence(rows: list[IndicatorRow], scope: str) -> str:
    """ "Trong 3 chỉ tiêu được giao chủ trì, 2 chỉ tiêu đúng tiến độ và 1 chỉ tiêu chưa đủ số
    liệu để đánh giá." """
    counts = Counter(r.progress.status for r in rows)
    return _count_sentence(
        len(rows), "chỉ tiêu", scope, [(counts[s], STATUS_PHRASES[s]) for s in Status]
    )


TASK_PHRASES = {
    TaskStatus.DONE: "đã hoàn thành",
    TaskStatus.IN_PROGRESS: "đang thực hiện",
    TaskStatus.NOT_STARTED: "chưa thực hiện",
}


def task_count_sentence(tasks: Iterable[TaskRow], scope: str = "được giao") -> str:
    """ "Trong 5 nhiệm vụ được giao, đã hoàn thành 3, đang thực hiện 2." then what was
    overdue or due soon at the cut-off (never a zero clause)."""
    tasks = list(tasks)
    if not tasks:
        return ""
    counts = Counter(t.status for t in tasks)
    present = [(counts[s], TASK_PHRASES[s]) for s in TaskStatus if counts[s]]
    present.sort(key=lambda p: list(TASK_PHRASES.values()).index(p[1]))
    total = len(tasks)
    if len(present) == 1:
        verb = present[0][1]
        text = (
            f"Nhiệm vụ {scope} {verb}."
            if total == 1
            else f"Cả {total} nhiệm vụ {scope} đều {verb}."
        )
    else:
        text = f"Trong {total} nhiệm vụ {scope}, {', '.join(f'{p} {n}' for n, p in present)}."
    urgent = Counter(t.urgency for t in tasks)
    late = [
        f"{urgent[u]} nhiệm vụ {label}"
        for u, label in ((Urgency.OVERDUE, "quá hạn"), (Urgency.DUE_SOON, "sắp đến hạn"))
        if urgent[u]
    ]
    if late:
        text = text[:-1] + f"; tại ngày chốt số liệu có {joined(late)}."
    return text


def still_needed(row: IndicatorRow) -> str:
    """For an indicator behind schedule, what is still to do and the monthly pace:
    "; còn phải thực hiện 19.904 tỷ đồng, bình quân mỗi tháng cần 3.317,33 tỷ đồng"."""
    p = row.progress
    if p.status not in (Status.LAGGING, Status.AT_RISK) or p.remaining is None:
        return ""
    rate = row.unit == RATE
    verb = "giảm" if row.direction is Direction.LOWER else "tăng"
    if rate and _gap_to_target_said(row):  # the gap is in the sentence already
        text = ""
    elif rate:
        text = f"; còn phải {verb} thêm {_gap(p.remaining, RATE)}"
    else:
        text = f"; còn phải thực hiện {quantity(p.remaining, row.unit)}"
    pace = p.required_monthly_pace
    if pace:
        if rate:
            need = f"bình quân mỗi tháng cần {verb} {_gap(pace, RATE)}"
            return f"{text}, {need}" if text else f"; {need}"
        if _whole(row.target.value) and _whole(row.latest.value if row.latest else None):
            pace = math.ceil(pace - 1e-9)  # 288 enterprises in 6,5 months: 45 a month, not 44,08
        text += f", bình quân mỗi tháng cần {quantity(pace, row.unit)}"
    return text


def _whole(value: float | None) -> bool:
    return value is not None and abs(value - round(value)) < 1e-9


def target_text(row: IndicatorRow) -> str:
    """The target as the table prints it: the unit is in its own column, so "6.220 tỷ
    đồng" is "6.220" and "94,95%" is "94,95"; no leading zeros ("05%" -> "5")."""
    text = without_leading_zeros(row.target_display)
    return _without_unit(text, row.unit)


def _without_unit(text: str, unit: str) -> str:
    """Drop the unit after a final number ("dưới 2%" -> "dưới 2", "36,00% (theo …)" ->
    "36,00 (theo …)"); a "%" inside the words ("trên 95% kế hoạch") stays."""
    if not unit:
        return text
    mark = re.escape(unit) if unit == RATE else r"\s" + re.escape(unit)
    return re.sub(rf"(\d){mark}(?=$|\s\()", r"\1", text)
