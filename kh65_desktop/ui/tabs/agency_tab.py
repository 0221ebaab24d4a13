"""Cơ quan: pick an agency, see the indicators it leads and coordinates, and its tasks."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...charts.progress import ProgressChart
from ...services.chart_data import progress_bars
from ...services.exchange_reviews import returned_to
from ...services.organisations import planning_office_name
from ...services.rows import AgencyRow, IndicatorRow
from .. import entity_actions
from ..agency_picker import ordered_rows
from ..chart_panel import ChartPanel
from ..columns import agency_columns, indicator_columns, only, task_columns
from ..context import AppContext
from ..dialogs.period_entry import enter_period
from ..dialogs.report_draft import open_report_draft
from ..proxies import IndicatorFilter, TaskFilter
from ..table_model import ROW_ROLE, RowTableModel
from ..views import make_table, remember_splitter


class AgencyTab(QWidget):
    """Agencies on the left; the selected one's indicators and tasks on the right."""

    indicator_activated = Signal(int)

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.agencies = RowTableModel(agency_columns(), key=lambda r: r.id, parent=self)
        self.agency_table = make_table(
            self.agencies,
            context.settings,
            "agencies",
        )
        # the counts as wide as their headings, the names take the rest (else the scroll bar
        # cuts the task count off); set after make_table, whose saved widths would undo it
        counts = self.agency_table.horizontalHeader()
        counts.setStretchLastSection(False)
        counts.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, self.agencies.columnCount()):
            counts.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.indicators = RowTableModel(
            only(
                indicator_columns(context, self._period_for),
                "code",
                "name",
                "unit",
                "target",
                "value",
                "percent",
                "remaining",
                "status",
            ),
            key=lambda r: r.id,
            parent=self,
        )
        self.indicator_filter = IndicatorFilter(self)
        self.indicator_filter.setSourceModel(self.indicators)
        self.indicator_filter.set_agency(-1)
        self.tasks = RowTableModel(
            only(task_columns(context), "code", "text", "deadline", "status", "urgency"),
            key=lambda r: r.id,
            parent=self,
        )
        self.task_filter = TaskFilter(self)
        self.task_filter.setSourceModel(self.tasks)
        self.task_filter.set_agency(-1)
        self.title = QLabel(self.tr("Chọn một cơ quan ở danh sách bên trái."))
        self.title.setObjectName("agencyTitle")
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: bold")
        enter = QPushButton(self.tr("Nhập số liệu kỳ mới…"))
        enter.setObjectName("enterPeriod")
        enter.clicked.connect(self.enter_period)
        draft = QPushButton(self.tr("Bản thảo báo cáo…"))
        draft.setObjectName("reportDraft")
        draft.setToolTip(
            self.tr(
                "Viết các phần lời văn của báo cáo kỳ này: tình hình, kết quả "
                "từng nhiệm vụ, tồn tại, nguyên nhân, giải pháp, kiến nghị"
            )
        )
        draft.clicked.connect(self.open_draft)
        add = QPushButton(self.tr("Thêm cơ quan…"))
        add.clicked.connect(lambda: entity_actions.edit_agency(context, self))
        edit = QPushButton(self.tr("Sửa cơ quan…"))
        edit.clicked.connect(self.edit_selected)
        self.indicator_table = make_table(
            self.indicator_filter,
            context.settings,
            "agency_indicators",
            widths={0: 62, 1: 225, 2: 75, 3: 105, 4: 85, 5: 70, 6: 75},
        )
        self.task_table = make_table(
            self.task_filter,
            context.settings,
            "agency_tasks",
            widths={0: 75, 1: 400, 2: 90, 3: 110},  # "Mức độ" whole beside them at 1366 px
        )
        right = QSplitter(Qt.Orientation.Vertical)
        right.setObjectName("agencyRight")
        self.chart = ProgressChart()
        self.chart.indicator_clicked.connect(self.indicator_activated)
        self.views = QTabWidget()
        self.views.addTab(self.indicator_table, self.tr("Bảng"))
        self.views.addTab(
            ChartPanel(self.chart, "tien-do-co-quan", scroll=True), self.tr("Biểu đồ")
        )
        right.addWidget(self.views)
        right.addWidget(self.task_table)
        panel = QWidget()
        panel_layout = QVBoxLayout(panel)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(enter)
        header.addWidget(draft)
        panel_layout.addLayout(header)
        self.returned = QLabel()  # the consolidating office's returns to this agency
        self.returned.setObjectName("returnedNotice")
        self.returned.setWordWrap(True)
        self.returned.setStyleSheet("QLabel { color: #8a4b00; background: #fff4e0; padding: 4px; }")
        self.returned.hide()
        panel_layout.addWidget(self.returned)
        panel_layout.addWidget(QLabel(self.tr("Chỉ tiêu chủ trì và phối hợp")))
        panel_layout.addWidget(right)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.agency_table)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(edit)
        left_layout.addLayout(buttons)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("agencySplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(panel)
        self.splitter.setSizes([490, 850])
        remember_splitter(self.splitter, context.settings, "agency_splitter")
        remember_splitter(right, context.settings, "agency_right")
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        self.agency_table.selectionModel().currentRowChanged.connect(self._agency_chosen)
        context.changed.connect(self.refresh)
        self.refresh()
        mine = next(
            (a.id for a in self.agencies.rows if a.code == context.settings.clerk_agency),
            self.agencies.rows[0].id if self.agencies.rows else None,
        )
        if mine is not None:
            self.select_agency(mine)

    def refresh(self) -> None:
        # current agencies first, past ones (merged, ended) after them, saying so
        self.agencies.set_rows(ordered_rows(self.context, self.context.agencies())[0])
        self.indicators.set_rows(self.context.indicator_rows())
        self.tasks.set_rows(self.context.tasks())
        self._draw_chart()
        self._show_returns()

    def _show_returns(self) -> None:
        """ "Sở … trả lại số liệu kỳ …: <comment>" for each return standing against it."""
        agency = self.selected_agency()
        returns = returned_to(self.context.engine, agency.id) if agency else []
        office = planning_office_name(self.context.engine, self.context.plan, None) or ""
        self.returned.setText(
            "\n".join(
                self.tr("{0} trả lại số liệu kỳ {1}: {2}").format(office, period, comment)
                for period, comment in returns
            )
        )
        self.returned.setVisible(bool(returns))

    def selected_agency(self) -> AgencyRow | None:
        index = self.agency_table.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def select_agency(self, agency_id: int) -> None:
        for row in range(self.agencies.rowCount()):
            if self.agencies.rows[row].id == agency_id:
                self.agency_table.setCurrentIndex(self.agencies.index(row, 0))
                return

    def _agency_chosen(self) -> None:
        agency = self.selected_agency()
        if agency is None:
            return
        self.indicator_filter.set_agency(agency.id)
        self.task_filter.set_agency(agency.id)
        self.title.setText(
            self.tr("{0}: chủ trì {1}, phối hợp {2} chỉ tiêu; {3} nhiệm vụ").format(
                agency.name, agency.leads, agency.coordinates, agency.tasks
            )
        )
        self._draw_chart()
        self._show_returns()

    def _draw_chart(self) -> None:
        """The chosen agency's indicators as progress bars (same style as the overview)."""
        rows = [
            self.indicator_filter.index(r, 0).data(ROW_ROLE)
            for r in range(self.indicator_filter.rowCount())
        ]
        self.chart.set_bars(progress_bars(rows, by_agency=False))

    def _period_for(self, row: IndicatorRow) -> int | None:
        if row.latest is not None:
            return row.latest.period_id
        latest = self.context.latest_period()
        return latest.id if latest else None

    def enter_period(self) -> None:
        agency = self.selected_agency()
        enter_period(self.context, self, agency.id if agency else None)

    def open_draft(self) -> None:
        """The chosen agency's report draft for the latest period."""
        agency = self.selected_agency()
        latest = self.context.latest_period()
        self.draft = open_report_draft(
            self.context, self, agency.id if agency else None, latest.id if latest else None
        )

    def edit_selected(self) -> None:
        agency = self.selected_agency()
        if agency is not None:
            entity_actions.edit_agency(self.context, self, agency.id)
