"""Horizontal progress bars: one per indicator, coloured by status, with the 100% line and
a tick where the indicator should be by now."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QPointF, Signal
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QToolTip

from ..services.chart_data import ProgressBar
from .style import ROW_HEIGHT_PX, axes, dashed, prepare, status_brush

MAX_DRAWN = 150.0  # bars past 150% are drawn to 150% (the tooltip has the figure)
LABEL_WIDTH_PX = 340


class ProgressChart(pg.PlotWidget):
    """`set_bars` draws; `indicator_clicked` says which bar the clerk clicked."""

    indicator_clicked = Signal(int)

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent, axisItems=axes())
        prepare(self)
        self.bars: list[ProgressBar] = []
        self.bar_item = pg.BarGraphItem(x0=[], y=[], width=[], height=0.62, brushes=[])
        self.expected_item = pg.ScatterPlotItem(
            symbol="|", size=16, pen=pg.mkPen("#202020", width=2)
        )
        self.hundred = pg.InfiniteLine(pos=100, angle=90, pen=dashed("#202020"))
        for item in (self.bar_item, self.expected_item, self.hundred):
            self.addItem(item)
        self.getAxis("left").setWidth(LABEL_WIDTH_PX)
        self.showAxis("top")  # the scale stays in sight above a long, scrolling chart
        self.setLabel("bottom", "% tiến độ (vạch đứng: mức cần đạt đến nay)")
        self.setXRange(0, MAX_DRAWN, padding=0.01)
        self.scene().sigMouseMoved.connect(self._hover)
        self.scene().sigMouseClicked.connect(self._click)

    def set_bars(self, bars: list[ProgressBar]) -> None:
        self.bars = bars
        drawn = [(i, b) for i, b in enumerate(bars) if b.progress is not None]
        self.bar_item.setOpts(
            x0=[0.0] * len(drawn),
            y=[-i for i, _ in drawn],
            width=[max(0.0, min(b.progress or 0.0, MAX_DRAWN)) for _, b in drawn],
            brushes=[status_brush(b.status) for _, b in drawn],
        )
        marks = [(b.expected, -i) for i, b in enumerate(bars) if b.expected is not None]
        self.expected_item.setData(x=[x for x, _ in marks], y=[y for _, y in marks])
        self.getAxis("left").setTicks([[(-i, b.label) for i, b in enumerate(bars)]])
        self.getAxis("top").setTicks([[(x, f"{x}%") for x in range(0, 151, 25)]])
        self.setYRange(-len(bars) + 0.5, 0.5, padding=0)
        height = len(bars) * ROW_HEIGHT_PX + 90
        self.setMinimumHeight(height)
        self.setMaximumHeight(max(height, 260))  # a few bars stay bars, not blocks

    def bar_at(self, scene_pos: QPointF) -> ProgressBar | None:
        """The bar (row) under a point of the scene."""
        if not self.getPlotItem().vb.sceneBoundingRect().contains(scene_pos):
            return None
        y = self.getPlotItem().vb.mapSceneToView(scene_pos).y()
        index = round(-y)
        return self.bars[index] if 0 <= index < len(self.bars) else None

    def _hover(self, scene_pos: QPointF) -> None:
        bar = self.bar_at(scene_pos)
        if bar is not None:
            QToolTip.showText(QCursor.pos(), bar.tooltip, self)

    def _click(self, event: object) -> None:
        bar = self.bar_at(event.scenePos())  # type: ignore[attr-defined]
        if bar is not None and bar.indicator_id is not None:
            self.indicator_clicked.emit(bar.indicator_id)
