"""Reporting periods: their dates from Decree 09/2019 and the rules a period must meet.

A period is stored with its calendar span (1/1 – 30/6 for the first half-year, as plan 65
keeps it) and a data cut-off date: Decree 09/2019/NĐ-CP, Article 12, counts a period's
figures from the 15th of the month before it to the 14th of its last month (6 months:
15/12 of the previous year – 14/6; a year: 15/12 – 14/12; "9 tháng", common though not
named in the decree: 15/12 – 14/9; "6 tháng cuối năm", the second half-year plans report on,
by the same rule: 15/6 – 14/12). The cut-off is that 14th.

The same rules refuse a bad period typed in the window and one arriving in a package or
template, so this module is Qt-free and every message is a Vietnamese sentence.
"""

from __future__ import annotations

import calendar
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

from .numbers import format_date
from .terms import PeriodKind

ROMAN = ("I", "II", "III", "IV")

# The periods of a year each kind has: months 1–12, quarters 1–4, the first and the last
# six months, one of the others ("9 tháng" counts from the start of the year only).
PARTS: dict[PeriodKind, int] = {
    PeriodKind.MONTH: 12,
    PeriodKind.QUARTER: 4,
    PeriodKind.HALF_YEAR: 2,
    PeriodKind.NINE_MONTHS: 1,
    PeriodKind.YEAR: 1,
}

# The periods a year is reported by (Decree 09, Article 12, and the "9 tháng" in common use):
# every month and quarter, the FIRST six months, nine months, the year. The second half has
# no report of its own (the year's covers it), so a new plan is not given one.
REPORTED_PARTS: dict[PeriodKind, int] = {**PARTS, PeriodKind.HALF_YEAR: 1}

# How far before the plan starts a period may begin: a year's Decree 09 data start on
# 15/12 of the previous year, so one year is room enough; anything earlier is a typo.
EARLIEST_BEFORE_PLAN = timedelta(days=366)


@dataclass(frozen=True)
class PeriodDraft:
    """What the period dialog proposes for a kind and a year (every field editable)."""

    code: str
    name: str
    kind: PeriodKind
    starts_on: date
    ends_on: date
    cutoff_on: date  # Decree 09: the 14th of the period's last month
    data_from: date  # Decree 09: the 15th of the month before the period


class PeriodLike(Protocol):
    """A period typed in the dialog, stored, or read from a package (PeriodData)."""

    code: str
    name: str
    starts_on: date | None
    ends_on: date | None
    cutoff_on: date | None


def counted_to(period: PeriodLike) -> date:
    """The day a period's figures are counted to and judged at (Decree 09's cut-off, e.g.
    14/6 for the first half), else its last day: statuses, like tasks, are as of that day."""
    assert period.ends_on is not None
    return period.cutoff_on or period.ends_on


def part_label(kind: PeriodKind, part: int) -> str:
    """ "Tháng 3", "Quý I", "6 tháng cuối năm"; empty for kinds with one period a year."""
    if kind is PeriodKind.MONTH:
        return f"Tháng {part}"
    if kind is PeriodKind.QUARTER:
        return f"Quý {ROMAN[part - 1]}"
    if kind is PeriodKind.HALF_YEAR:
        return "6 tháng đầu năm" if part == 1 else "6 tháng cuối năm"
    return ""


def _months(kind: PeriodKind, part: int) -> tuple[int, int]:
    """The first and last calendar month of the period."""
    if kind is PeriodKind.MONTH:
        return part, part
    if kind is PeriodKind.QUARTER:
        return 3 * part - 2, 3 * part
    if kind is PeriodKind.HALF_YEAR:
        return 6 * part - 5, 6 * part
    return 1, {PeriodKind.NINE_MONTHS: 9, PeriodKind.YEAR: 12}[kind]


def derive(kind: PeriodKind, year: int, part: int = 1) -> PeriodDraft:
    """Code, Vietnamese name, calendar span and Decree 09 dates of a period.

    `part` is the month (1–12), the quarter (1–4) or the half-year (1–2); 1 for the other
    kinds."""
    if not 1 <= part <= PARTS[kind]:
        raise ValueError(f"{kind.value} has no part {part}")
    first, last = _months(kind, part)
    starts_on = date(year, first, 1)
    ends_on = date(year, last, calendar.monthrange(year, last)[1])
    data_from = date(year - 1, 12, 15) if first == 1 else date(year, first - 1, 15)
    if kind is PeriodKind.MONTH:
        code, name = f"{year}-T{part:02d}", f"Tháng {part} năm {year}"
    elif kind is PeriodKind.QUARTER:
        code, name = f"{year}-Q{part}", f"Quý {ROMAN[part - 1]} năm {year}"
    elif kind is PeriodKind.HALF_YEAR:
        code, name = f"{year}-H{part}", f"{part_label(kind, part)} {year}"
    else:
        code, name = {
            PeriodKind.NINE_MONTHS: (f"{year}-9T", f"9 tháng đầu năm {year}"),
            PeriodKind.YEAR: (f"{year}-N", f"Năm {year}"),
        }[kind]
    return PeriodDraft(code, name, kind, starts_on, ends_on, date(year, last, 14), data_from)


def tidy(text: str) -> str:
    """A name or code as kept: Unicode NFC, single spaces, none at the ends."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def name_key(name: str) -> str:
    """Two names are the same period when this is equal: Unicode NFC (a name typed with
    combining marks equals the precomposed one), case and runs of white space folded."""
    return tidy(name).casefold()


def problem(
    period: PeriodLike,
    others: Iterable[tuple[str, str]],
    plan_span: tuple[date, date],
) -> str | None:
    """Why `period` cannot be kept, or None. `others` are the (code, name) of the plan's
    other periods; `plan_span` the plan's first and last day."""
    code, name = (period.code or "").strip(), (period.name or "").strip()
    if not code:
        return "Kỳ báo cáo chưa có mã; hãy nhập mã kỳ (ví dụ 2026-Q1)."
    if not name:
        return "Kỳ báo cáo chưa có tên; hãy nhập tên kỳ (ví dụ Quý I năm 2026)."
    if period.starts_on is None:
        return "Kỳ báo cáo chưa có ngày bắt đầu; hãy nhập ngày bắt đầu."
    if period.ends_on is None:
        return "Kỳ báo cáo chưa có ngày kết thúc; hãy nhập ngày kết thúc."
    starts, ends, cutoff = period.starts_on, period.ends_on, period.cutoff_on
    if ends < starts:
        return (
            f"Ngày kết thúc {format_date(ends)} trước ngày bắt đầu {format_date(starts)}; "
            "hãy sửa lại."
        )
    first, last = plan_span
    if not first <= ends <= last:
        return (
            f"Kỳ kết thúc ngày {format_date(ends)}, ngoài thời gian của kế hoạch "
            f"({format_date(first)} – {format_date(last)}); hãy chọn ngày kết thúc "
            "trong thời gian đó."
        )
    if starts < first - EARLIEST_BEFORE_PLAN:
        return (
            f"Kỳ bắt đầu ngày {format_date(starts)}, quá xa trước kế hoạch (bắt đầu "
            f"{format_date(first)}); hãy kiểm tra lại năm."
        )
    if cutoff is not None and not starts <= cutoff <= ends:
        return (
            f"Ngày chốt số liệu {format_date(cutoff)} nằm ngoài kỳ "
            f"({format_date(starts)} – {format_date(ends)}); hãy chọn ngày trong kỳ."
        )
    for other_code, other_name in others:
        if other_code == code:
            return f"Mã kỳ “{code}” đã có; hãy chọn mã khác."
        if name_key(other_name) == name_key(name):
            return f"Đã có kỳ “{other_name}” (mã {other_code}); hãy đặt tên khác."
    return None


_KINDS = frozenset(k.value for k in PeriodKind)


def batch_problem(
    new: Sequence[PeriodLike],
    existing: Iterable[tuple[str, str]],
    plan_span: tuple[date, date],
) -> str | None:
    """The first reason to refuse periods arriving together (a package's new periods):
    each is checked against the plan's periods and the ones before it in `new`."""
    seen = list(existing)
    for period in new:
        kind = getattr(period, "kind", None)
        reason = (
            f"loại kỳ “{kind}” không hợp lệ."
            if kind is not None and str(kind) not in _KINDS
            else problem(period, seen, plan_span)
        )
        if reason:
            return f"kỳ báo cáo “{period.name}” (mã {period.code}): {reason[0].lower()}{reason[1:]}"
        seen.append((period.code, period.name))
    return None
