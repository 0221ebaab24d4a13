"""Charts to files: PNG at print resolution, SVG for editing."""

from __future__ import annotations

from pathlib import Path

import pyqtgraph as pg
from pyqtgraph.exporters import ImageExporter
from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter
from PySide6.QtSvg import QSvgGenerator

PRINT_WIDTH_PX = 2000  # 17 cm of an A4 page at about 300 dpi


def save_png(chart: pg.PlotWidget, path: Path, width: int = PRINT_WIDTH_PX) -> Path:
    """Write the chart as a PNG `width` pixels wide (height keeps the chart's proportions)."""
    exporter = ImageExporter(chart.getPlotItem())
    exporter.parameters()["width"] = width
    exporter.export(str(path))
    return path


def save_svg(chart: pg.PlotWidget, path: Path) -> Path:
    """Write the chart as SVG with Qt's own generator (text stays text).

    pyqtgraph's SVGExporter cannot parse the paths Qt 6.10+ writes, so it is not used."""
    source = chart.getPlotItem().sceneBoundingRect()
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(source.size().toSize())
    generator.setViewBox(QRectF(0, 0, source.width(), source.height()))
    generator.setTitle(chart.getPlotItem().titleLabel.text or "KH65")
    painter = QPainter(generator)
    chart.scene().render(painter, QRectF(0, 0, source.width(), source.height()), source)
    painter.end()
    return path
