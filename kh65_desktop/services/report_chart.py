"""What a report's printed progress chart shows, without Qt (charts/paper.py draws it).

- One entry per indicator, in the plan's order, whoever leads it: an indicator led by two
  agencies is one bar, under a heading naming both.
- The bar measures what the report table's "% KH" column measures
  (row.progress.percent_of_plan); where that cannot be computed but the document states a
  percentage of plan, the stated one, marked as such.
- Every indicator with a value is in the chart: one with no % of plan (a result in words,
  a figure without a numeric target) is a line with its value instead of a bar.
- Indicators without a value are not drawn; the chart names them in a note.
- Headings are the lead agencies' names; indicators the plan assigns to no agency are under
  their plan section's own heading (never an internal label).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.numbers import format_rate
from ..domain.terms import IndicatorKind, Status, TargetForm
from .display import value_text
from .rows import IndicatorRow


@dataclass(frozen=True)
class ChartEntry:
    """One indicator's line on the printed chart."""

    indicator_id: int
    code: str
    label: str  # "II.6.1 Thu nội địa": printed whole, wrapped
    percent: float | None  # the bar; None: `text` instead
    stated: bool  # the percentage is the document's, not computed
    expected: float | None  # where an amount should be by the period's end (a tick)
    status: Status
    text: str  # printed at the bar's end, or in place of the bar


@dataclass(frozen=True)
class ChartSection:
    """Entries under one heading ("" for a chart without headings)."""

    heading: str
    entries: tuple[ChartEntry, ...]


@dataclass(frozen=True)
class ReportChart:
    sections: tuple[ChartSection, ...]
    axis_title: str
    missing: tuple[str, ...]  # codes of the indicators without a value

    @property
    def entries(self) -> list[ChartEntry]:
        return [e for s in self.sections for e in s.entries]


AXIS_TITLE = (
    "% kế hoạch năm (như cột “So với kế hoạch (%)” của bảng); vạch đứng ngắn: mức cần đạt "
    "đến hết kỳ của chỉ tiêu cộng dồn"
)


def _is_amount(row: IndicatorRow) -> bool:
    return row.kind is IndicatorKind.ACCUMULATING or row.target.form is TargetForm.CHANGE


def entry(row: IndicatorRow) -> ChartEntry:
    """An indicator with a value as the chart prints it."""
    percent, stated = row.progress.percent_of_plan, False
    if percent is None and row.stated_percent is not None:
        percent, stated = row.stated_percent, True
    if percent is not None:
        text = f"{format_rate(percent)}%" + (" (văn bản ghi)" if stated else "")
    else:
        text = value_text(row.latest, row.unit)
        if row.latest is not None and row.latest.achieved is not None:
            judged = "đạt" if row.latest.achieved else "không đạt"
            if not text:
                text = judged.capitalize()
            elif not text.lower().startswith(judged):
                text = f"{text} — {judged}"
        text += " (không tính % KH)" if row.kind is not IndicatorKind.QUALITATIVE else ""
    expected = row.progress.expected_percent if _is_amount(row) and not stated else None
    return ChartEntry(
        row.id,
        row.code,
        f"{row.code} {row.name}",
        percent,
        stated,
        expected if percent is not None else None,
        row.progress.status,
        text,
    )


def report_chart(rows: list[IndicatorRow], by_agency: bool = True) -> ReportChart:
    """The chart of `rows`: under their lead agencies' names when `by_agency`."""
    seen: set[int] = set()
    sections: dict[str, list[ChartEntry]] = {}
    missing: list[str] = []
    for row in rows:
        if row.id in seen:
            continue
        seen.add(row.id)
        if row.latest is None:
            missing.append(row.code)
            continue
        heading = (", ".join(row.lead) or row.group_heading) if by_agency else ""
        sections.setdefault(heading, []).append(entry(row))
    return ReportChart(
        tuple(ChartSection(h, tuple(e)) for h, e in sections.items()),
        AXIS_TITLE,
        tuple(missing),
    )
