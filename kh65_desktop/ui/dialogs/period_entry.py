"""One form for a period's figures: an agency's indicators, their targets and last values."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.figure_rules import FigureKind, RuleError, check_figure
from ...domain.numbers import format_number
from ...domain.terms import IndicatorKind
from ...services.display import value_text
from ...services.editing import ReadVersions, ValueKey, ValueState
from ...services.rows import IndicatorRow, LatestValue
from ...services.same_period import SamePeriodKey, SamePeriodService
from .. import entity_actions, prompts
from ..agency_picker import fill_agency_combo
from ..columns import parse_cell
from ..commands import SetValuesCommand
from ..context import AppContext
from ..delegates import ChoiceDelegate
from ..figure_prompts import confirm_jumps
from ..same_period_commands import SetSamePeriodCommand
from ..table_model import RIGHT, Column, EditError, RowTableModel
from ..views import dialog_buttons, fill_combo, make_table

_Index = QModelIndex | QPersistentModelIndex


class EntryModel(RowTableModel):
    """The indicators with an editable "Số kỳ này", an "Ước" check box, and for results
    in words (qualitative indicators above all) a text and an Đạt/Không đạt judgement."""

    def __init__(self, parent: QWidget) -> None:
        self.entries: dict[int, float | None] = {}
        self.estimates: dict[int, bool] = {}
        self.texts: dict[int, str] = {}
        self.achieved: dict[int, bool | None] = {}
        self.same: dict[int, float | None] = {}  # "cùng kỳ" of this period
        self.judgements = {None: "", True: self.tr("Đạt"), False: self.tr("Không đạt")}
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
            Column(
                "same_period",
                self.tr("Cùng kỳ"),
                lambda r: format_number(self.same.get(r.id)),
                align=RIGHT,
                tooltip=lambda r: self.tr("Số liệu cùng kỳ năm trước"),
                edit=self._enter_same,
            ),
            Column(
                "text",
                self.tr("Kết quả (lời văn)"),
                lambda r: self.texts.get(r.id, ""),
                edit=self._enter_text,
            ),
            Column(
                "achieved",
                self.tr("Đạt/Không đạt"),
                lambda r: self.judgements[self.achieved.get(r.id)],
                edit=self._judge,
            ),
        ]
        super().__init__(columns, key=lambda r: r.id, parent=parent)

    def _enter(self, row: IndicatorRow, text: str) -> None:
        """A figure is checked as it is typed (bounds, sign, rate), as the table's cells are:
        refused at Lưu instead, a 30-digit figure sat in the form as "1,235e+29"."""
        value = parse_cell(text, row.name)
        kind = FigureKind.of(row)
        try:
            what = self.tr("Chỉ tiêu {0} “{1}”").format(row.code, row.name)
            self.entries[row.id] = check_figure(value, kind, what)
        except RuleError as error:
            raise EditError(str(error)) from None

    def _enter_same(self, row: IndicatorRow, text: str) -> None:
        """The same period last year: the same rules as the figure beside it."""
        value = parse_cell(text, self.tr("Cùng kỳ"))
        try:
            what = self.tr("Chỉ tiêu {0} “{1}”, số cùng kỳ").format(row.code, row.name)
            self.same[row.id] = check_figure(value, FigureKind.of(row), what)
        except RuleError as error:
            raise EditError(str(error)) from None

    def _enter_text(self, row: IndicatorRow, text: str) -> None:
        self.texts[row.id] = text.strip()

    def _judge(self, row: IndicatorRow, text: str) -> None:
        choice = next((k for k, v in self.judgements.items() if v == text.strip()), "?")
        if choice == "?":
            raise EditError(self.tr("Hãy chọn Đạt hoặc Không đạt (hoặc để trống)."))
        self.achieved[row.id] = choice

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if not index.isValid():
            return flags
        key = self.columns[index.column()].key
        if key == "estimate":
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        if (
            key in ("new", "same_period")
            and self.rows[index.row()].kind is IndicatorKind.QUALITATIVE
        ):
            flags &= ~Qt.ItemFlag.ItemIsEditable  # a status, not a number
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
    """Pick agency and period, type the figures, Lưu (Ctrl+Enter) writes them all in one
    transaction. Enter moves to the next row; closing with typed figures asks first."""

    def __init__(
        self, context: AppContext, agency_id: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.existing: dict[int, LatestValue] = {}
        self.existing_same: dict[int, float] = {}
        self.setWindowTitle(self.tr("Nhập số liệu kỳ báo cáo"))
        self.resize(1100, 560)
        self.agency = QComboBox()
        self.agency.setObjectName("entryAgency")
        fill_agency_combo(self.agency, context, [a for a in context.agencies() if a.leads])
        if agency_id is None:  # the clerk's own agency, when it leads indicators
            agency_id = next(
                (a.id for a in context.agencies() if a.code == context.settings.clerk_agency),
                None,
            )
        if agency_id is not None and self.agency.findData(agency_id) >= 0:
            self.agency.setCurrentIndex(self.agency.findData(agency_id))
        self.period = QComboBox()
        self.period.setObjectName("entryPeriod")
        period_buttons = []
        for name, text, handler in (
            ("addPeriod", self.tr("Thêm kỳ…"), self._add_period),
            ("editPeriod", self.tr("Sửa kỳ…"), self._edit_period),
            ("deletePeriod", self.tr("Xóa kỳ…"), self._delete_period),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.setAutoDefault(False)
            button.clicked.connect(handler)
            period_buttons.append(button)
        self.model = EntryModel(self)
        self.table = make_table(
            self.model,
            context.settings,
            "period_entry",
            widths={0: 62, 1: 235, 2: 75, 3: 115, 4: 145, 5: 95, 6: 40, 7: 85, 8: 135, 9: 80},
        )
        self.table.setSortingEnabled(False)
        judgement = ChoiceDelegate(list(self.model.judgements.values()), self.table)
        self.table.setItemDelegateForColumn(self.model.column_index("achieved"), judgement)
        for delegate in (self.table.itemDelegate(), judgement):
            delegate.closeEditor.connect(self._editor_closed)
        self.error = QLabel()
        self.error.setObjectName("entryError")
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)  # unwrapped, a long reason widened the form off a 1366 screen
        self.model.edit_rejected.connect(self.error.setText)
        self.model.edit_started.connect(self.error.clear)
        self.refused = False  # the last figure typed was refused: Enter stays on it
        self.model.edit_started.connect(lambda: setattr(self, "refused", False))
        self.model.edit_rejected.connect(lambda _: setattr(self, "refused", True))
        context.error.connect(self.error.setText)  # Lưu refused: said here, not behind the form
        form = QFormLayout()
        form.addRow(self.tr("Cơ quan"), self.agency)
        period_row = QHBoxLayout()
        period_row.addWidget(self.period, 1)
        for button in period_buttons:
            period_row.addWidget(button)
        form.addRow(self.tr("Kỳ báo cáo"), period_row)
        hint = QLabel(self.tr("Enter: sang dòng dưới. Ctrl+Enter hoặc nút Lưu: lưu cả biểu."))
        hint.setObjectName("entryHint")
        self.buttons = dialog_buttons(self, self.tr("Lưu"), self.tr("Hủy"))
        for keys in ("Ctrl+Return", "Ctrl+Enter"):  # saving is explicit: Lưu or Ctrl+Enter
            QShortcut(QKeySequence(keys), self, self.accept)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table)
        layout.addWidget(self.error)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        self._fill_periods()
        self.shown = (self.agency.currentIndex(), self.period.currentIndex())
        self.agency.currentIndexChanged.connect(self._choice_changed)
        self.period.currentIndexChanged.connect(self._choice_changed)
        self.load()

    def _fill_periods(self, select: int | None = None) -> None:
        """The plan's periods; `select`, else the one chosen before, else the newest (a
        form opened on an older period would overwrite that period's figures)."""
        periods = self.periods = self.context.periods()
        current = select if select is not None else self.period.currentData()
        self.period.blockSignals(True)
        fill_combo(self.period, [(p.name, p.id) for p in periods])
        index = self.period.findData(current) if current is not None else -1
        self.period.setCurrentIndex(index if index >= 0 else len(periods) - 1)
        self.period.blockSignals(False)

    def _refill_periods(self, select: int | None = None) -> None:
        self._fill_periods(select)
        self.shown = (self.agency.currentIndex(), self.period.currentIndex())
        self.load()

    def _add_period(self) -> None:
        if not self._may_discard():
            return
        before = {p.id for p in self.context.periods()}
        if entity_actions.edit_period(self.context, self):
            added = [p.id for p in self.context.periods() if p.id not in before]
            self._refill_periods(added[0] if added else None)

    def _edit_period(self) -> None:
        period = self.selected_period()
        if period is not None and entity_actions.edit_period(self.context, self, period.id):
            self._fill_periods(period.id)  # its new name; the typed figures stay

    def _delete_period(self) -> None:
        period = self.selected_period()
        if period is None or not self._may_discard():
            return
        if entity_actions.delete_period(self.context, self, period.id):
            self._refill_periods()  # the deleted one is gone: the newest left

    def selected_period(self) -> Any:
        """The chosen period as the combo was filled (not read again: Lưu must work on what
        is shown, and keep working while the server is gone)."""
        return next((p for p in self.periods if p.id == self.period.currentData()), None)

    def _choice_changed(self) -> None:
        """Another agency or period: typed figures would be lost, so ask first."""
        if self._may_discard():
            self.shown = (self.agency.currentIndex(), self.period.currentIndex())
            self.load()
            return
        for combo, index in zip((self.agency, self.period), self.shown, strict=True):
            combo.blockSignals(True)
            combo.setCurrentIndex(index)
            combo.blockSignals(False)

    def load(self) -> None:
        """The agency's indicators, qualitative ones included, with what is already
        entered for the chosen period."""
        period, agency_id = self.selected_period(), self.agency.currentData()
        rows = [r for r in self.context.indicator_rows(period) if agency_id in r.lead_ids]
        here = {
            r.id: r.latest for r in rows if r.latest and period and r.latest.period_id == period.id
        }
        self.model.entries = {i: v.value for i, v in here.items()}
        self.model.estimates = {i: v.is_estimate for i, v in here.items()}
        self.model.texts = {i: v.text for i, v in here.items()}
        self.model.achieved = {i: v.achieved for i, v in here.items()}
        self.existing = dict(here)
        same = SamePeriodService(self.context.engine)
        self.existing_same = same.in_period(self.context.plan, period) if period else {}
        self.model.same = dict(self.existing_same)
        self.model.set_rows(rows)
        self.error.clear()

    def _typed(self) -> list[tuple[IndicatorRow, ValueState]]:
        """The rows whose figure, words or judgement differ from what is stored."""
        typed = []
        for row in self.model.rows:
            value = self.model.entries.get(row.id)
            text = self.model.texts.get(row.id, "")
            achieved = self.model.achieved.get(row.id)
            estimate = self.model.estimates.get(row.id, False)
            old = self.existing.get(row.id)
            if value is None and not text and achieved is None:
                continue  # nothing typed (this form never clears a stored figure)
            if old and (old.value, old.text, old.achieved, old.is_estimate) == (
                value,
                text,
                achieved,
                estimate,
            ):
                continue
            typed.append((row, ValueState(value, text, achieved, estimate)))
        return typed

    def same_changes(self) -> list[tuple[SamePeriodKey, float | None]]:
        """The same-period figures typed or changed in this form (an emptied cell is left
        as stored, as figures are)."""
        period = self.selected_period()
        if period is None:
            return []
        return [
            (SamePeriodKey(row.id, period.id), value)
            for row in self.model.rows
            for value in (self.model.same.get(row.id),)
            if value is not None and value != self.existing_same.get(row.id)
        ]

    def changes(self) -> list[tuple[ValueKey, ValueState | None]]:
        """The figures typed or changed in this form."""
        period = self.selected_period()
        if period is None:
            return []
        return [
            (ValueKey(row.id, period.id), state._replace(as_of=period.cutoff_on))
            for row, state in self._typed()
        ]

    def read_versions(self, changes: list[tuple[ValueKey, ValueState | None]]) -> ReadVersions:
        """The version of each figure as this form read it (0: none was entered)."""
        return {
            key: (seen.version if seen else 0)
            for key, _ in changes
            for seen in (self.existing.get(key.indicator_id),)
        }

    def _may_discard(self) -> bool:
        """True when nothing typed would be lost, or the clerk agrees to lose it."""
        typed = {row.id for row, _ in self._typed()} | {
            k.indicator_id for k, _ in self.same_changes()
        }
        return not typed or prompts.confirm(
            self,
            self.tr("Bỏ các số đã nhập?"),
            self.tr(
                "Có {0} chỉ tiêu đã nhập trong biểu này mà chưa lưu. Bỏ các số đã nhập?"
            ).format(len(typed)),
        )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        for button in self.buttons.buttons():  # Enter never presses Lưu by itself, and
            assert isinstance(button, QPushButton)  # Lưu does not look as if it would
            button.setAutoDefault(False)
            button.setDefault(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # never QDialog's default
            self._next_row()
            return
        super().keyPressEvent(event)

    def _editor_closed(self, _editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        """Enter in a cell being typed commits it (SubmitModelCache), then moves down; a
        refused figure keeps the clerk on its row, next to the reason (not one row below)."""
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache and not self.refused:
            self._next_row()

    def _next_row(self) -> None:
        """Enter: the same column one row down, as in a spreadsheet (an open editor is
        committed by the move)."""
        index = self.table.currentIndex()
        column = index.column() if index.isValid() else self.model.column_index("new")
        row = index.row() + 1 if index.isValid() else 0
        if row < self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(row, column))
        self.table.setFocus()

    def _commit_editor(self) -> None:
        """Ctrl+Enter while a cell is being typed: keep what is in it before saving."""
        index = self.table.currentIndex()
        editor = self.table.indexWidget(index) if index.isValid() else None
        if editor is not None:
            delegate = self.table.itemDelegateForIndex(index)
            delegate.commitData.emit(editor)
            delegate.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def accept(self) -> None:
        self._commit_editor()
        if self.selected_period() is None:
            self.error.setText(self.tr("Hãy chọn hoặc thêm kỳ báo cáo."))
            return
        changes, same = self.changes(), self.same_changes()
        if changes and not confirm_jumps(self.context, changes, self):
            return
        if changes or same:
            text = self.tr("nhập {0} số liệu {1} của {2}").format(
                len(changes) + len(same), self.period.currentText(), self.agency.currentText()
            )
            command = (
                SetSamePeriodCommand(self.context, same, text, changes)
                if same
                else SetValuesCommand(self.context, changes, text, self.read_versions(changes))
            )
            # a lost connection: the form stays open with the typed figures (not kept aside)
            if not self.context.push(command, keep_unsaved=False):
                return
        super().accept()

    def reject(self) -> None:
        """Hủy, Esc and the window's close button: typed figures are not lost unasked."""
        if self._may_discard():
            super().reject()


def enter_period(context: AppContext, parent: QWidget | None, agency_id: int | None) -> bool:
    return prompts.run_dialog(PeriodEntryDialog(context, agency_id, parent))
