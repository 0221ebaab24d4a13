"""Tổng quan: status counts, every indicator's progress bar, the indicators most behind,
the tasks due soon or overdue."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...charts.progress import ProgressChart
from ...charts.status import StatusChart
from ...domain.numbers import format_date, format_number
from ...domain.terms import Status
from ...services.chart_data import progress_bars
from ...services.overview import most_behind, status_counts, tasks_to_chase
from ..chart_panel import ChartPanel
from ..columns import STATUS_COLORS, indicator_columns, only, status_label, task_columns
from ..context import AppContext
from ..table_model import ROW_ROLE, RowTableModel
from ..views import make_table, remember_splitter
from .follow import follow_changes


class OverviewTab(QWidget):
    """A summary that follows every edit; double-click an indicator to open it."""

    indicator_activated = Signal(int)

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.heading = QLabel()
        self.heading.setObjectName("planHeading")
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-size: 11pt; font-weight: bold")
        counts = QGroupBox(self.tr("Đánh giá chỉ tiêu"))
        grid = QGridLayout(counts)
        self.count_labels: dict[Status, QLabel] = {}
        for column, status in enumerate(Status):
            number = QLabel("0")
            number.setObjectName(f"count_{status.value}")
            number.setStyleSheet(
                f"font-size: 20pt; font-weight: bold; color: {STATUS_COLORS[status]}"
            )
            grid.addWidget(number, 0, column)
            grid.addWidget(QLabel(status_label(status)), 1, column)
            self.count_labels[status] = number
        self.status_chart = StatusChart()
        self.status_chart.setFixedHeight(150)
        self.progress_chart = ProgressChart()
        self.progress_chart.indicator_clicked.connect(self.indicator_activated)
        columns = only(
            indicator_columns(context, lambda r: None), "code", "name", "percent", "status"
        )
        self.behind = RowTableModel(columns, key=lambda r: r.id, parent=self)
        behind_table = make_table(
            self.behind,
            context.settings,
            "overview_behind",
            widths={0: 62, 1: 250, 2: 72},
        )
        behind_table.setSortingEnabled(False)
        behind_table.setEditTriggers(behind_table.EditTrigger.NoEditTriggers)
        behind_table.doubleClicked.connect(
            lambda index: self.indicator_activated.emit(index.data(ROW_ROLE).id)
        )
        self.tasks = RowTableModel(
            only(task_columns(context), "code", "text", "deadline", "urgency"),
            key=lambda r: r.id,
            parent=self,
        )
        task_table = make_table(
            self.tasks, context.settings, "overview_tasks", widths={0: 80, 1: 270, 2: 80}
        )
        task_table.setSortingEnabled(False)
        task_table.setEditTriggers(task_table.EditTrigger.NoEditTriggers)
        self.behind_box = QGroupBox(self.tr("Chỉ tiêu chậm nhất so với tiến độ"))
        QVBoxLayout(self.behind_box).addWidget(behind_table)
        self.task_box = QGroupBox(self.tr("Nhiệm vụ quá hạn và sắp đến hạn"))
        QVBoxLayout(self.task_box).addWidget(task_table)
        top = QHBoxLayout()
        top.addWidget(counts, 1)
        top.addWidget(self.status_chart, 1)
        chart_box = QGroupBox(self.tr("Tiến độ từng chỉ tiêu theo cơ quan chủ trì (bấm để mở)"))
        QVBoxLayout(chart_box).addWidget(ChartPanel(self.progress_chart, "tien-do", scroll=True))
        side = QSplitter(Qt.Orientation.Vertical)
        side.addWidget(self.behind_box)
        side.addWidget(self.task_box)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("overviewSplitter")
        self.splitter.addWidget(chart_box)
        self.splitter.addWidget(side)
        self.splitter.setSizes([760, 580])
        remember_splitter(self.splitter, context.settings, "overview_splitter")
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        follow_changes(self, context, self.refresh)
        self.refresh()

    def refresh(self) -> None:
        plan = self.context.plan
        rows = self.context.indicator_rows()
        self.heading.setText(
            self.tr("Kế hoạch số {0} ngày {1}: {2}").format(
                plan.number, format_date(plan.issued_on), plan.title
            )
        )
        for status, count in status_counts(rows).items():
            self.count_labels[status].setText(format_number(count))
        self.behind.set_rows(most_behind(rows))
        self.status_chart.set_rows(rows)
        self.progress_chart.set_bars(progress_bars(rows))
        urgent = tasks_to_chase(self.context.tasks())
        self.tasks.set_rows(urgent)
        self.task_box.setTitle(
            self.tr("Nhiệm vụ quá hạn và sắp đến hạn ({0})").format(format_number(len(urgent)))
        )
