"""An indicator by locality: plan and result side by side, % of plan above each result."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QCursor, QFont
from PySide6.QtWidgets import QToolTip

from ..domain.numbers import format_number
from ..services.chart_data import breakdown_label, short_locality
from ..services.rows import Breakdown
from .style import PLAN_COLOR, axes, prepare, status_brush

BAR = 0.38
ALL_NAMED = 12  # up to this many localities (a province's districts) each name their bars
THINNED = 6  # more (124 communes): this many names, spread along the axis


def _two_lines(name: str) -> str:
    """ "TX Duyên Hải" -> "TX\nDuyên Hải": nine names fit side by side at 1366 px."""
    first, _, rest = name.partition(" ")
    return f"{first}\n{rest}" if rest else name


class BreakdownChart(pg.PlotWidget):
    """`set_breakdown` draws; hovering a pair of bars shows its figures."""

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent, axisItems=axes())
        prepare(self)
        self.getPlotItem().showGrid(x=False, y=True, alpha=0.15)
        self.getAxis("bottom").setHeight(44)  # two lines of locality names
        self.breakdown: Breakdown | None = None
        self.plan_item = pg.BarGraphItem(x=[], height=[], width=BAR, brush=QColor(PLAN_COLOR))
        self.result_item = pg.BarGraphItem(x=[], height=[], width=BAR, brushes=[])
        self.addItem(self.plan_item)
        self.addItem(self.result_item)
        self.labels: list[pg.TextItem] = []
        self.small_font = QFont(self.font())
        self.small_font.setPointSize(8)
        legend = self.addLegend(offset=(-10, 10))
        legend.addItem(self.plan_item, "Kế hoạch")
        legend.addItem(self.result_item, "Thực hiện")
        self.scene().sigMouseMoved.connect(self._hover)

    def set_breakdown(self, b: Breakdown) -> None:
        self.breakdown = b
        self.setTitle(f"{b.indicator} — {b.period}", size="10pt")
        rows = b.rows
        xs = list(range(len(rows)))
        self.plan_item.setOpts(x=[x - BAR / 2 for x in xs], height=[r.target or 0.0 for r in rows])
        self.result_item.setOpts(
            x=[x + BAR / 2 for x in xs],
            height=[r.value or 0.0 for r in rows],
            brushes=[status_brush(r.progress.status) for r in rows],
        )
        for label in self.labels:
            self.removeItem(label)
        self.labels = []
        # 124 communes: every name under its bar would be a smear; every step-th is named
        # (hovering a bar gives the rest), and the percentages are left to the table
        step = 1 if len(rows) <= ALL_NAMED else -(-len(rows) // THINNED)
        for x, row in zip(xs, rows, strict=True):
            percent = row.progress.percent_of_plan
            if percent is None or step > 1:
                continue
            label = pg.TextItem(f"{format_number(percent, 2)}%", anchor=(0.5, 1.0), color="#202020")
            label.setFont(self.small_font)
            label.setPos(x + BAR / 2, row.value or 0.0)
            self.addItem(label)
            self.labels.append(label)
        self.getAxis("bottom").setTicks(
            [
                [
                    (x, _two_lines(short_locality(r.locality)))
                    for x, r in zip(xs, rows, strict=True)
                    if x % step == 0
                ]
            ]
        )
        top = max([r.target or 0.0 for r in rows] + [r.value or 0.0 for r in rows] + [1.0])
        self.setYRange(0, top * 1.18, padding=0)
        self.setXRange(-0.7, len(rows) - 0.3, padding=0)

    def _hover(self, scene_pos: QPointF) -> None:
        vb = self.getPlotItem().vb
        if self.breakdown is None or not vb.sceneBoundingRect().contains(scene_pos):
            return
        index = round(vb.mapSceneToView(scene_pos).x())
        if 0 <= index < len(self.breakdown.rows):
            QToolTip.showText(QCursor.pos(), breakdown_label(self.breakdown, index), self)
