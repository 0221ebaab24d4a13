"""How figures read in Vietnamese, shared by the window, the command line and reports."""

from __future__ import annotations

from ..domain.numbers import format_number, format_percent, format_quantity
from .rows import IndicatorRow, LatestValue


def value_text(latest: LatestValue | None, unit: str = "") -> str:
    """ "ước 30.750 tỷ đồng", a qualitative result's words, or "" when there is nothing."""
    if latest is None:
        return ""
    if latest.value is None:
        return latest.text
    shown = format_quantity(latest.value, unit) if unit else format_number(latest.value)
    return f"ước {shown}" if latest.is_estimate else shown


def percent_text(row: IndicatorRow) -> str:
    return format_percent(row.progress.percent_of_plan)


def remaining_text(row: IndicatorRow, with_unit: bool = False) -> str:
    remaining = row.progress.remaining
    if remaining is None:
        return ""
    return format_quantity(remaining, row.unit) if with_unit else format_number(remaining)


def code_key(code: str) -> tuple[int | str, ...]:
    """Sort "II.10.1" after "II.9.5": numbers as numbers."""
    return tuple(int(p) if p.isdigit() else p for p in code.replace("T", ".T.").split("."))
