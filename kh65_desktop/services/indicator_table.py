"""The Chỉ tiêu table's columns: which, in what order, what each shows and the figure behind
it. The window builds its table from these (adding sorting, tooltips, edits and titles in
the chosen language); `kh65 indicators --out` writes them as they are."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..domain.numbers import format_number
from ..domain.terms import TargetForm
from ..exchange.table_cells import Cell, Figure
from .display import percent_text, remaining_text, value_text
from .rows import IndicatorRow


@dataclass(frozen=True)
class TableColumn:
    key: str
    title: str  # Vietnamese, the source language
    text: Callable[[IndicatorRow], str]  # as the window shows it
    figure: Callable[[IndicatorRow], Figure | None] | None = None  # the number behind it


def _target(row: IndicatorRow) -> Figure | None:
    """A plain amount ("34.000 tỷ đồng"); "trên 95%", "giảm 0,30%" and milestones stay words."""
    target = row.target
    if target.form is not TargetForm.VALUE or target.share is not None or target.value is None:
        return None
    written = re.search(r",(\d+)", target.text or "")  # the document's "8,50%": two decimals
    if written:
        return Figure(target.value, len(written.group(1)))
    return Figure.shown(target.value)


def _value(row: IndicatorRow) -> Figure | None:
    latest = row.latest
    if latest is None or latest.value is None:
        return None  # a qualitative result: its words
    return Figure.shown(latest.value, prefix="ước " if latest.is_estimate else "")


def _same_period(row: IndicatorRow) -> Figure | None:
    return None if row.same_period is None else Figure.shown(row.same_period)


def _percent(row: IndicatorRow) -> Figure | None:
    percent = row.progress.percent_of_plan
    return None if percent is None else Figure.shown(percent, percent=True)


def _remaining(row: IndicatorRow) -> Figure | None:
    remaining = row.progress.remaining
    return None if remaining is None else Figure.shown(remaining)


INDICATOR_COLUMNS: tuple[TableColumn, ...] = (
    TableColumn("code", "Mã", lambda r: r.code),
    TableColumn("name", "Chỉ tiêu", lambda r: r.name),
    TableColumn("unit", "Đơn vị tính", lambda r: r.unit),
    TableColumn("lead", "Cơ quan chủ trì", lambda r: r.lead_display),
    TableColumn("target", "Kế hoạch năm", lambda r: r.target_display, _target),
    TableColumn("value", "Thực hiện", lambda r: value_text(r.latest), _value),
    TableColumn("same_period", "Cùng kỳ", lambda r: format_number(r.same_period), _same_period),
    TableColumn("period", "Kỳ", lambda r: r.latest.period_name if r.latest else ""),
    TableColumn("percent", "% KH", percent_text, _percent),
    TableColumn("remaining", "Còn lại", remaining_text, _remaining),
    TableColumn("status", "Đánh giá", lambda r: r.progress.status.label),
)


def export_cell(column: TableColumn, row: IndicatorRow) -> Cell:
    """What a file gets: the figure where there is one, else the text shown."""
    figure = column.figure(row) if column.figure else None
    return figure if figure is not None else column.text(row)


def indicator_table(rows: Sequence[IndicatorRow]) -> tuple[list[str], list[list[Cell]]]:
    """Every column's title and each row's cells, in the given order."""
    headers = [c.title for c in INDICATOR_COLUMNS]
    return headers, [[export_cell(c, row) for c in INDICATOR_COLUMNS] for row in rows]
