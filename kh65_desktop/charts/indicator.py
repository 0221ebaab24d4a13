"""One indicator over the periods: its values, the target, the path still needed, and
where the current pace leads by the end of the year."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt

from ..domain.numbers import format_quantity
from ..domain.terms import IndicatorKind, TargetForm
from ..services.chart_data import SeriesPoint
from ..services.rows import IndicatorRow
from .style import STATUS_COLORS, axes, dashed, prepare


def _amount(value: float, unit: str) -> str:
    return format_quantity(value, unit, 2 if unit == "%" else None)


MONTH_TICKS = [(0, "01/01"), (3, "31/3"), (6, "30/6"), (9, "30/9"), (12, "31/12")]


def projection_text(row: IndicatorRow) -> str:
    """ "Dự kiến cuối năm: 28.192 tỷ đồng — không đạt kế hoạch" (or why there is none)."""
    p = row.progress
    if p.projected is None:
        return "Chưa đủ số liệu để dự báo cuối năm"
    verdict = "đạt kế hoạch" if p.projected_meets else "không đạt kế hoạch"
    return f"Dự kiến cuối năm theo nhịp hiện nay: {_amount(p.projected, row.unit)} — {verdict}"


class IndicatorChart(pg.PlotWidget):
    """`set_indicator` draws; the items stay reachable for export and tests."""

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent, axisItems=axes())
        prepare(self)
        self.getPlotItem().showGrid(x=True, y=True, alpha=0.15)
        self.getAxis("bottom").setTicks([MONTH_TICKS])
        self.values = pg.PlotDataItem(symbol="o", symbolSize=9, pen=pg.mkPen("#1f5fa8", width=2))
        self.target = pg.InfiniteLine(
            angle=0,
            pen=pg.mkPen("#2e7d32", width=2),
            label="Kế hoạch",
            labelOpts={"position": 0.5, "color": "#2e7d32", "anchors": [(0.5, 0), (0.5, 0)]},
        )
        self.needed = pg.PlotDataItem(pen=dashed("#c62828", 2))
        self.projection = pg.PlotDataItem(
            pen=pg.mkPen("#6a1b9a", width=1.5, style=Qt.PenStyle.DotLine)
        )
        self.note = ""
        for item in (self.target, self.projection, self.needed, self.values):
            self.addItem(item)
        self.addLegend(offset=(-10, -10))  # bottom right: lines rise away from it
        self.legend_items()

    def legend_items(self) -> None:
        legend = self.getPlotItem().legend
        legend.clear()
        legend.addItem(self.values, "Thực hiện")
        legend.addItem(self.needed, "Cần đạt để về đích")
        legend.addItem(self.projection, "Nhịp hiện nay")

    def set_indicator(
        self, row: IndicatorRow, series: list[SeriesPoint], total_months: float = 12.0
    ) -> None:
        xs, ys = [p.months for p in series], [p.value for p in series]
        self.values.setData(
            xs, ys, symbolBrush=["w" if p.is_estimate else "#1f5fa8" for p in series]
        )
        target = row.target.value
        numeric = row.kind is not IndicatorKind.QUALITATIVE and target is not None
        self.target.setVisible(numeric)
        if numeric and target is not None:
            goal = target * (row.target.share or 100) / 100 if row.target.share else target
            self.target.setValue(goal)
            self.target.label.setFormat(f"Kế hoạch: {_amount(goal, row.unit)}")
        start = 0.0 if self._is_amount(row) else row.baseline
        if numeric and series:
            self.needed.setData([xs[-1], total_months], [ys[-1], self._goal(row)])
        else:
            self.needed.setData([], [])
        projected = row.progress.projected
        if projected is not None and start is not None:
            self.projection.setData([0.0, total_months], [start, projected])
        else:
            self.projection.setData([], [])
        color = STATUS_COLORS[row.progress.status]
        self.note = projection_text(row)
        name = f"{row.code} {row.name}" + (f" ({row.unit})" if row.unit else "")
        self.setTitle(
            f"{name}<br><span style='color:{color}; font-weight:bold'>{self.note}</span>",
            size="10pt",
        )
        lows = [
            v
            for v in [*ys, start, projected, self._goal(row) if numeric else None]
            if v is not None
        ]
        low, high = (min(lows), max(lows)) if lows else (0.0, 1.0)
        pad = (high - low) * 0.15 or abs(high) * 0.1 or 1.0
        bottom = min(low - pad, 0.0) if self._is_amount(row) else low - pad
        self.setYRange(bottom, high + pad, padding=0)
        self.setXRange(0, total_months, padding=0.02)

    @staticmethod
    def _is_amount(row: IndicatorRow) -> bool:
        return row.kind is IndicatorKind.ACCUMULATING or row.target.form is TargetForm.CHANGE

    @staticmethod
    def _goal(row: IndicatorRow) -> float:
        target = row.target.value or 0.0
        return target * row.target.share / 100 if row.target.share else target
