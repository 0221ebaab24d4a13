"""What the charts draw, computed without Qt so reports and tests can read it too."""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.numbers import format_number, format_percent, format_quantity
from ..domain.terms import IndicatorKind, Status, TargetForm
from .display import value_text
from .rows import Breakdown, IndicatorRow

SHORT_LABEL = 44  # characters on an axis before the name is shortened (full name in tooltip)


@dataclass(frozen=True)
class ProgressBar:
    """One row of a progress chart: an indicator's bar, or an agency heading (no id)."""

    indicator_id: int | None
    label: str
    full_label: str
    progress: float | None  # % of the way to the target; None: nothing to draw
    expected: float | None  # where it should be by now, in the same measure
    status: Status
    row: IndicatorRow | None = None  # the indicator; None for an agency heading

    @property
    def tooltip(self) -> str:
        """Exact figures, formatted when the clerk points at the bar: a large plan redraws
        1.000 bars on every change, and formatting them all took 40 ms of each redraw."""
        return bar_tooltip(self.row) if self.row is not None else self.full_label


@dataclass(frozen=True)
class SeriesPoint:
    """An indicator's province-wide figure at the end of a period."""

    period: str
    months: float  # months from the start of the plan's year
    value: float
    is_estimate: bool


def shorten(text: str, limit: int = SHORT_LABEL) -> str:
    """Cut a long Vietnamese name at a word boundary, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def progress_measure(row: IndicatorRow) -> tuple[float | None, str]:
    """The bar's length and what it measures.

    Amounts: % of plan. Levels: % of the way from the starting level to the target (value ÷
    target says little for a rate); a level without a known starting level gets no bar
    unless it has met its target."""
    p = row.progress
    if row.kind is IndicatorKind.ACCUMULATING or row.target.form is TargetForm.CHANGE:
        return p.percent_of_plan, "so với kế hoạch"
    if p.level_progress is not None:
        return p.level_progress, "từ mức xuất phát đến mục tiêu"
    if p.status is Status.MET:
        return 100.0, "đã đạt mục tiêu"
    return None, "chưa có mức xuất phát"


def bar_tooltip(row: IndicatorRow) -> str:
    """Exact figures in Vietnamese formats."""
    lines = [f"{row.code} {row.name}", f"Kế hoạch: {row.target_display or '—'}"]
    if row.latest is not None:
        lines.append(
            f"Thực hiện: {value_text(row.latest, row.unit) or '—'} ({row.latest.period_name})"
        )
    progress, measure = progress_measure(row)
    if progress is not None:
        lines.append(f"Tiến độ: {format_percent(progress)} {measure}")
    elif row.latest is not None:
        lines.append(f"Tiến độ: {measure}")
    if row.progress.remaining is not None:
        lines.append(f"Còn lại: {format_quantity(row.progress.remaining, row.unit)}")
    lines.append(f"Đánh giá: {row.progress.status.label}")
    return "\n".join(lines)


def progress_bars(rows: list[IndicatorRow], by_agency: bool = True) -> list[ProgressBar]:
    """Bars in the plan's order, under a heading for each lead agency when `by_agency`."""
    groups: dict[str, list[IndicatorRow]] = {}
    for row in rows:
        for agency in (row.lead or ("Chưa phân công",)) if by_agency else ("",):
            groups.setdefault(agency, []).append(row)
    bars: list[ProgressBar] = []
    for agency, members in groups.items():
        if by_agency:
            bars.append(ProgressBar(None, agency.upper(), agency, None, None, Status.NO_DATA))
        for row in members:
            progress, _ = progress_measure(row)
            expected = row.progress.expected_percent if progress is not None else None
            name = f"{row.code} {row.name}"
            bars.append(
                ProgressBar(
                    row.id,
                    shorten(name),
                    name,
                    progress,
                    expected,
                    row.progress.status,
                    row,
                )
            )
    return bars


def status_tally(rows: list[IndicatorRow]) -> list[tuple[Status, int]]:
    """Indicators per status, every status present."""
    return [(s, sum(1 for r in rows if r.progress.status is s)) for s in Status]


def short_locality(name: str) -> str:
    """ "Huyện Càng Long" -> "Càng Long", "Thành phố Trà Vinh" -> "TP Trà Vinh"."""
    for long, short in (("Thành phố ", "TP "), ("Thị xã ", "TX "), ("Huyện ", "")):
        if name.startswith(long):
            return short + name[len(long) :]
    return name


def breakdown_label(b: Breakdown, index: int) -> str:
    """The tooltip of one locality's pair of bars."""
    row = b.rows[index]
    percent = row.progress.percent_of_plan
    return "\n".join(
        [
            row.locality,
            f"Kế hoạch: {format_quantity(row.target, b.unit) or '—'}",
            f"Thực hiện: {format_quantity(row.value, b.unit) or '—'}",
            f"So với kế hoạch: {format_percent(percent) if percent is not None else '—'}",
            f"Còn lại: {format_number(row.progress.remaining) or '—'}",
        ]
    )
