"""How many indicators have each status: one coloured column per status."""

from __future__ import annotations

import pyqtgraph as pg

from ..domain.terms import Status
from ..services.chart_data import status_tally
from ..services.rows import IndicatorRow
from .style import axes, prepare, status_brush, status_text


class StatusChart(pg.PlotWidget):
    """Counts per status, labelled under each column and written above it."""

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent, axisItems=axes())
        prepare(self)
        self.counts: list[tuple[Status, int]] = []
        self.bar_item = pg.BarGraphItem(x=[], height=[], width=0.7, brushes=[])
        self.addItem(self.bar_item)
        self.labels: list[pg.TextItem] = []
        self.getAxis("left").setWidth(30)

    def set_rows(self, rows: list[IndicatorRow]) -> None:
        self.counts = status_tally(rows)
        self.bar_item.setOpts(
            x=list(range(len(self.counts))),
            height=[n for _, n in self.counts],
            brushes=[status_brush(s) for s, _ in self.counts],
        )
        for label in self.labels:
            self.removeItem(label)
        self.labels = []
        for x, (_, count) in enumerate(self.counts):
            label = pg.TextItem(str(count), anchor=(0.5, 1.0), color="#202020")
            label.setPos(x, count)
            self.addItem(label)
            self.labels.append(label)
        self.getAxis("bottom").setTicks(
            [[(x, status_text(s)) for x, (s, _) in enumerate(self.counts)]]
        )
        top = max([n for _, n in self.counts] + [1])
        self.setYRange(0, top * 1.3, padding=0)
        self.getAxis("left").setTicks([[(v, str(v)) for v in range(0, top + 1, max(1, top // 3))]])
        self.setXRange(-0.6, len(self.counts) - 0.4, padding=0)
