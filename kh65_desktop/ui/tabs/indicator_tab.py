"""Chỉ tiêu: every indicator in one table, sortable, filterable, searchable, editable."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.terms import Status
from ...services.rows import IndicatorRow
from .. import entity_actions
from ..agency_picker import fill_agency_combo
from ..columns import indicator_columns, status_label
from ..context import AppContext
from ..dialogs.history import show_history
from ..dialogs.indicator_chart import IndicatorChartDialog
from ..proxies import IndicatorFilter
from ..table_export import export_button
from ..table_model import ROW_ROLE, RowTableModel
from ..views import error_label, fill_combo, make_table


class IndicatorTab(QWidget):
    """The indicator table with its filters; edits go through undoable commands."""

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.model = RowTableModel(
            indicator_columns(context, self._period_for), key=lambda r: r.id, parent=self
        )
        self.proxy = IndicatorFilter(self)
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Tìm chỉ tiêu (gõ có dấu hoặc không dấu)…"))
        self.search.setClearButtonEnabled(True)
        self.agency = QComboBox()
        self.agency.setObjectName("agencyFilter")
        self.status = QComboBox()
        self.status.setObjectName("statusFilter")
        fill_combo(self.status, [(status_label(s), s) for s in Status], self.tr("Mọi đánh giá"))
        self.period = QComboBox()
        self.period.setObjectName("periodFilter")
        self.period.setToolTip(self.tr("Xem số liệu đến hết kỳ này; số nhập mới ghi vào kỳ này"))
        chart = QPushButton(self.tr("Biểu đồ…"))
        chart.setObjectName("showChart")
        chart.clicked.connect(self.show_chart)
        history = QPushButton(self.tr("Lịch sử…"))
        history.clicked.connect(self.show_history)
        add = QPushButton(self.tr("Thêm chỉ tiêu…"))
        add.clicked.connect(lambda: entity_actions.edit_indicator(context, self))
        edit = QPushButton(self.tr("Sửa chỉ tiêu…"))
        edit.clicked.connect(self.edit_selected)
        self.error = error_label()
        self.table: QTableView = make_table(
            self.proxy,
            context.settings,
            "indicators",
            widths={0: 62, 1: 270, 2: 90, 3: 150, 4: 120, 5: 95, 6: 85, 7: 140, 8: 72, 9: 82},
        )
        self.table.doubleClicked.connect(self._double_clicked)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.agency, 2)
        filters.addWidget(self.status, 1)
        filters.addWidget(self.period, 1)
        filters.addWidget(export_button(self, self.table, "chi-tieu", self._chosen_names))
        filters.addWidget(chart)
        filters.addWidget(history)
        filters.addWidget(add)
        filters.addWidget(edit)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.error)
        layout.addWidget(self.table)

        self.search.textChanged.connect(self.proxy.set_text)
        self.agency.currentIndexChanged.connect(
            lambda: self.proxy.set_agency(self.agency.currentData())
        )
        self.status.currentIndexChanged.connect(
            lambda: self.proxy.set_status(
                Status(self.status.currentData()) if self.status.currentData() else None
            )
        )
        self.period.currentIndexChanged.connect(self.refresh)
        self.model.edit_rejected.connect(self._show_error)
        self.model.edit_started.connect(self.error.hide)
        context.error.connect(self._show_error)
        context.changed.connect(self.refresh)
        context.unsaved_changed.connect(self.model.redraw)  # a save kept unsaved is marked
        self.refresh()

    def refresh(self) -> None:
        """Reload the rows (after any edit anywhere, or a new period choice)."""
        fill_agency_combo(
            self.agency, self.context, self.context.agencies(), self.tr("Mọi cơ quan")
        )
        fill_combo(
            self.period, [(p.name, p.id) for p in self.context.periods()], self.tr("Kỳ mới nhất")
        )
        period = next(
            (p for p in self.context.periods() if p.id == self.period.currentData()), None
        )
        self.model.set_rows(self.context.indicator_rows(period))
        self.error.hide()

    def _chosen_names(self) -> list[str | None]:
        """The agency and period filtered on, for the exported file's name."""
        return [
            c.currentText() if c.currentData() is not None else None
            for c in (self.agency, self.period)
        ]

    def _period_for(self, row: IndicatorRow) -> int | None:
        """A typed figure belongs to the chosen period, else to the row's or the latest."""
        if self.period.currentData() is not None:
            return self.period.currentData()
        if row.latest is not None:
            return row.latest.period_id
        latest = self.context.latest_period()
        return latest.id if latest else None

    def selected_row(self) -> IndicatorRow | None:
        index = self.table.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def select_indicator(self, indicator_id: int) -> None:
        """Select and show one indicator (the charts and other tabs call this)."""
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(ROW_ROLE).id == indicator_id:
                self.table.setCurrentIndex(index)
                self.table.scrollTo(index)
                return

    def show_history(self) -> None:
        row = self.selected_row()
        if row is not None:
            show_history(self.context, row.id, row.name, self)

    def show_chart(self) -> None:
        """The selected indicator over the periods, in a window that follows edits."""
        row = self.selected_row()
        if row is None:
            self._show_error(self.tr("Hãy chọn một chỉ tiêu để xem biểu đồ."))
            return
        self.chart_dialog = IndicatorChartDialog(self.context, row.id, self)
        self.chart_dialog.show()

    def edit_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            entity_actions.edit_indicator(self.context, self, row.id)

    def _double_clicked(self, index: QModelIndex) -> None:
        if not index.flags() & Qt.ItemFlag.ItemIsEditable:
            self.show_history()

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
