"""The same charts rendered to image files without a window (for reports and the CLI)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtWidgets import QApplication

from ..services.chart_data import SeriesPoint, progress_bars
from ..services.rows import Breakdown, IndicatorRow
from .breakdown import BreakdownChart
from .export import PRINT_WIDTH_PX, save_png
from .indicator import IndicatorChart
from .progress import ProgressChart
from .style import ROW_HEIGHT_PX


def ensure_app() -> QApplication:
    """A QApplication for drawing; on a Linux machine with no screen, an offscreen one."""
    app = QApplication.instance()
    if app is None:
        if sys.platform.startswith("linux") and not os.environ.get("DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication([])
    assert isinstance(app, QApplication)
    return app


def _export(chart: pg.PlotWidget, path: Path, width: int) -> Path:
    """Lay the chart out as on screen (offscreen), write it, and free it."""
    app = ensure_app()
    chart.show()
    app.processEvents()
    save_png(chart, path, width)
    chart.close()
    chart.deleteLater()
    app.processEvents()
    return path


def render_progress(
    rows: list[IndicatorRow], path: Path, by_agency: bool = True, width: int = PRINT_WIDTH_PX
) -> Path:
    ensure_app()
    chart = ProgressChart()
    bars = progress_bars(rows, by_agency)
    chart.resize(900, len(bars) * ROW_HEIGHT_PX + 90)  # narrower: larger text on paper
    chart.set_bars(bars)
    return _export(chart, path, width)


def render_indicator(
    row: IndicatorRow, series: list[SeriesPoint], path: Path, width: int = PRINT_WIDTH_PX
) -> Path:
    ensure_app()
    chart = IndicatorChart()
    chart.resize(1000, 560)
    chart.set_indicator(row, series)
    return _export(chart, path, width)


def render_breakdown(breakdown: Breakdown, path: Path, width: int = PRINT_WIDTH_PX) -> Path:
    ensure_app()
    chart = BreakdownChart()
    chart.resize(1000, 520)
    chart.set_breakdown(breakdown)
    return _export(chart, path, width)
