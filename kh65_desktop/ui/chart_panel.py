"""A chart with its export buttons (PNG at print resolution, SVG), optionally scrolling."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QScrollArea, QVBoxLayout, QWidget

from ..charts.export import save_png, save_svg
from . import prompts


class ChartPanel(QWidget):
    """Holds one chart; long charts (one bar per indicator) scroll instead of squeezing."""

    def __init__(self, chart: pg.PlotWidget, file_stem: str, scroll: bool = False) -> None:
        super().__init__()
        self.chart = chart
        self.file_stem = file_stem
        png = QPushButton(self.tr("Lưu ảnh PNG…"))
        png.setObjectName("savePng")
        png.clicked.connect(self.export_png)
        svg = QPushButton(self.tr("Lưu SVG…"))
        svg.setObjectName("saveSvg")
        svg.clicked.connect(self.export_svg)
        bar = QHBoxLayout()
        bar.addStretch(1)
        bar.addWidget(png)
        bar.addWidget(svg)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if scroll:
            area = QScrollArea()
            area.setWidgetResizable(True)
            area.setWidget(chart)
            layout.addWidget(area)
        else:
            layout.addWidget(chart)
        layout.addLayout(bar)

    def export_png(self) -> None:
        path = prompts.save_file(
            self, self.tr("Lưu biểu đồ"), f"{self.file_stem}.png", self.tr("Ảnh PNG (*.png)")
        )
        if path is not None:
            save_png(self.chart, path)

    def export_svg(self) -> None:
        path = prompts.save_file(
            self, self.tr("Lưu biểu đồ"), f"{self.file_stem}.svg", self.tr("Ảnh SVG (*.svg)")
        )
        if path is not None:
            save_svg(self.chart, path)
