"""Colours and pens shared by every chart, so status reads the same everywhere."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor

from ..domain.numbers import format_number
from ..domain.terms import Status

STATUS_COLORS = {
    Status.MET: "#2e7d32",
    Status.ON_TRACK: "#1f5fa8",
    Status.LAGGING: "#ef8f00",
    Status.AT_RISK: "#c62828",
    Status.NO_DATA: "#9e9e9e",
}
PLAN_COLOR = "#b0bec5"
ROW_HEIGHT_PX = 24  # one bar per row; long charts scroll rather than squeeze

pg.setConfigOptions(antialias=True, background="w", foreground="#202020")


def status_brush(status: Status) -> QColor:
    return QColor(STATUS_COLORS[status])


def dashed(color: str = "#202020", width: float = 1.5) -> pg.QtGui.QPen:
    return pg.mkPen(color, width=width, style=Qt.PenStyle.DashLine)


def prepare(plot: pg.PlotWidget) -> None:
    """A still chart: no panning, zooming or pyqtgraph's own menu."""
    plot.setMouseEnabled(x=False, y=False)
    plot.setMenuEnabled(False)
    plot.hideButtons()
    plot.getPlotItem().showGrid(x=True, y=False, alpha=0.15)
    plot.getAxis("left").setWidth(72)  # room for "100.000" before the first paint


def status_text(status: Status) -> str:
    """The status label in the window's language (context "Status", see ui/labels.py)."""
    return QCoreApplication.translate("Status", status.label)


class VietnameseAxis(pg.AxisItem):
    """Tick labels in Vietnamese number format (34.000; 0,5)."""

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        decimals = 0 if spacing >= 1 else min(3, len(f"{spacing:.10f}".rstrip("0").split(".")[1]))
        return [format_number(v * scale, decimals) for v in values]


def axes(**extra: pg.AxisItem) -> dict[str, pg.AxisItem]:
    """Axis items for a PlotWidget: Vietnamese numbers on the left and bottom."""
    return {"left": VietnameseAxis("left"), "bottom": VietnameseAxis("bottom"), **extra}
