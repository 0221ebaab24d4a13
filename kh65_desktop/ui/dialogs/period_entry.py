"""One form for a period's figures: an agency's indicators, their targets and last values."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.numbers import format_number
from ...domain.terms import IndicatorKind
from ...services.display import value_text
from ...services.editing import ValueKey, ValueState
from ...services.rows import IndicatorRow
from .. import entity_actions, prompts
from ..columns import parse_cell
from ..commands import SetValuesCommand
from ..context import AppContext
from ..figure_prompts import confirm_jumps
from ..table_model import RIGHT, Column, RowTableModel
from ..views import dialog_buttons, fill_combo, make_table

_Index = QModelIndex | QPersistentModelIndex


class EntryModel(RowTableModel):
    """The indicators with an editable "Số kỳ này" and an "Ước" check box."""

    def __init__(self, parent: QWidget) -> None:
        self.entries: dict[int, float | None] = {}
        self.estimates: dict[int, bool] = {}
        columns = [
            Column("code", self.tr("Mã"), lambda r: r.code),
            Column("name", self.tr("Chỉ tiêu"), lambda r: r.name, tooltip=lambda r: r.name),
            Column("unit", self.tr("Đơn vị tính"), lambda r: r.unit),
            Column("target", self.tr("Kế hoạch năm"), lambda r: r.target_display, align=RIGHT),
            Column(
                "last",
                self.tr("Số gần nhất"),
                lambda r: f"{value_text(r.latest)} ({r.latest.period_name})" if r.latest else "",
                align=RIGHT,
            ),
            Column(
                "new",
                self.tr("Số kỳ này"),
                lambda r: format_number(self.entries.get(r.id)),
                align=RIGHT,
                edit=self._enter,
            ),
            Column("estimate", self.tr("Ước"), lambda r: ""),
        ]
        super().__init__(columns, key=lambda r: r.id, parent=parent)

    def _enter(self, row: IndicatorRow, text: str) -> None:
        self.entries[row.id] = parse_cell(text, row.name)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and self.columns[index.column()].key == "estimate":
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            role == Qt.ItemDataRole.CheckStateRole
            and index.isValid()
            and self.columns[index.column()].key == "estimate"
        ):
            on = self.estimates.get(self.rows[index.row()].id, False)
            return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        return super().data(index, role)

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role == Qt.ItemDataRole.CheckStateRole:
            checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2, True)
            self.estimates[self.rows[index.row()].id] = checked
            self.dataChanged.emit(index, index)
            return True
        return super().setData(index, value, role)


class PeriodEntryDialog(QDialog):
    """Pick agency and period, type the figures, OK writes them all in one transaction."""

    def __init__(
        self, context: AppContext, agency_id: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Nhập số liệu kỳ báo cáo"))
        self.resize(1100, 560)
        self.agency = QComboBox()
        self.agency.setObjectName("entryAgency")
        fill_combo(self.agency, [(a.name, a.id) for a in context.agencies() if a.leads])
        if agency_id is None:  # the clerk's own agency, when it leads indicators
            agency_id = next(
                (a.id for a in context.agencies() if a.code == context.settings.clerk_agency),
                None,
            )
        if agency_id is not None and self.agency.findData(agency_id) >= 0:
            self.agency.setCurrentIndex(self.agency.findData(agency_id))
        self.period = QComboBox()
        self.period.setObjectName("entryPeriod")
        new_period = QPushButton(self.tr("Thêm kỳ…"))
        new_period.clicked.connect(self._add_period)
        self.model = EntryModel(self)
        self.table = make_table(
            self.model,
            context.settings,
            "period_entry",
            widths={0: 70, 1: 380, 2: 90, 3: 150, 4: 190, 5: 110, 6: 50},
        )
        self.table.setSortingEnabled(False)
        self.error = QLabel()
        self.error.setObjectName("entryError")
        self.error.setStyleSheet("color: #b00020")
        self.model.edit_rejected.connect(self.error.setText)
        form = QFormLayout()
        form.addRow(self.tr("Cơ quan"), self.agency)
        period_row = QHBoxLayout()
        period_row.addWidget(self.period, 1)
        period_row.addWidget(new_period)
        form.addRow(self.tr("Kỳ báo cáo"), period_row)
        buttons = dialog_buttons(self, self.tr("Lưu"), self.tr("Hủy"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._fill_periods()
        self.agency.currentIndexChanged.connect(self.load)
        self.period.currentIndexChanged.connect(self.load)
        self.load()

    def _fill_periods(self) -> None:
        periods = self.context.periods()
        fill_combo(self.period, [(p.name, p.id) for p in periods])
        if self.period.currentData() is None and periods:
            self.period.setCurrentIndex(len(periods) - 1)

    def _add_period(self) -> None:
        if entity_actions.edit_period(self.context, self):
            self._fill_periods()
            self.period.setCurrentIndex(self.period.count() - 1)

    def selected_period(self) -> Any:
        return next((p for p in self.context.periods() if p.id == self.period.currentData()), None)

    def load(self) -> None:
        """The agency's indicators with what is already entered for the chosen period."""
        period, agency_id = self.selected_period(), self.agency.currentData()
        rows = [
            r
            for r in self.context.indicator_rows(period)
            if agency_id in r.lead_ids and r.kind is not IndicatorKind.QUALITATIVE
        ]
        here = {
            r.id: r.latest for r in rows if r.latest and period and r.latest.period_id == period.id
        }
        self.model.entries = {i: v.value for i, v in here.items()}
        self.model.estimates = {i: v.is_estimate for i, v in here.items()}
        self.existing = dict(here)
        self.model.set_rows(rows)

    def changes(self) -> list[tuple[ValueKey, ValueState | None]]:
        """The figures typed or changed in this form."""
        period = self.selected_period()
        if period is None:
            return []
        changes = []
        for row in self.model.rows:
            value = self.model.entries.get(row.id)
            estimate = self.model.estimates.get(row.id, False)
            old = self.existing.get(row.id)
            if value is None or (old and (old.value, old.is_estimate) == (value, estimate)):
                continue
            changes.append(
                (
                    ValueKey(row.id, period.id),
                    ValueState(value, is_estimate=estimate, as_of=period.cutoff_on),
                )
            )
        return changes

    def accept(self) -> None:
        if self.selected_period() is None:
            self.error.setText(self.tr("Hãy chọn hoặc thêm kỳ báo cáo."))
            return
        changes = self.changes()
        if changes and not confirm_jumps(self.context, changes, self):
            return
        if changes:
            text = self.tr("nhập {0} số liệu {1} của {2}").format(
                len(changes), self.period.currentText(), self.agency.currentText()
            )
            if not self.context.push(SetValuesCommand(self.context, changes, text)):
                return
        super().accept()


def enter_period(context: AppContext, parent: QWidget | None, agency_id: int | None) -> bool:
    return prompts.run_dialog(PeriodEntryDialog(context, agency_id, parent))
