"""One indicator's chart in its own window; it follows every edit until closed."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from ...charts.indicator import IndicatorChart
from ..chart_panel import ChartPanel
from ..context import AppContext


class IndicatorChartDialog(QDialog):
    """Values over the periods, target, path still needed and the year-end projection."""

    def __init__(
        self, context: AppContext, indicator_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.indicator_id = indicator_id
        self.setWindowTitle(self.tr("Biểu đồ chỉ tiêu"))
        self.resize(1000, 600)
        self.chart = IndicatorChart()
        layout = QVBoxLayout(self)
        layout.addWidget(ChartPanel(self.chart, "bieu-do-chi-tieu"))
        context.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        plan = self.context.plan
        row = next((r for r in self.context.indicator_rows() if r.id == self.indicator_id), None)
        if row is None:  # deleted meanwhile
            self.close()
            return
        self.chart.set_indicator(row, self.context.plans.series(plan, row.id))
