"""Kế hoạch → Sửa kế hoạch…: the plan's own details, its groups and indicators, its periods,
and the agencies and localities nothing refers to any more. Every edit is a command on the
window's undo stack (Ctrl+Z here as in the window)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.numbers import format_date
from ...services.plan_editing import FIRST_YEAR, LAST_YEAR, PlanEditing
from ...storage.models import Agency, Locality, Plan
from .. import entity_actions, prompts
from ..context import AppContext
from ..plan_commands import ChangeCommand, DeleteCommand, refresh_plan
from ..views import error_label
from ..window_fit import fit_on_screen
from .plan_outline import OutlinePage

_TEXTS = ("number", "place", "issuing_body", "title", "signer_authority", "signer_title")


class PlanEditorDialog(QDialog):
    """Four pages over the window's plan; shows what the window's data holds after each
    change (its own and the window's, undo included)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("planEditor")
        self.details = DetailsPage(context, self)
        self.outline = OutlinePage(context, self)
        self.periods = PeriodsPage(context, self)
        self.bodies = BodiesPage(context, self)
        self.tabs = QTabWidget()
        for page, title in (
            (self.details, self.tr("Thông tin kế hoạch")),
            (self.outline, self.tr("Nhóm và chỉ tiêu")),
            (self.periods, self.tr("Kỳ báo cáo")),
            (self.bodies, self.tr("Cơ quan, địa phương")),
        ):
            self.tabs.addTab(page, title)
        self.tabs.setCurrentWidget(self.outline)
        # the keyboard starts in the tree (arrows, Ins, Del, Alt+Up/Down), and comes back
        # to each page's list when its tab is chosen
        self.outline.setFocusProxy(self.outline.tree)
        self.periods.setFocusProxy(self.periods.list)
        self.bodies.setFocusProxy(self.bodies.agencies)
        self.message = error_label()
        self.message.setObjectName("editorMessage")

        stack = context.undo_stack
        self.undo_button = QPushButton(self.tr("Hoàn tác (Ctrl+Z)"))
        self.undo_button.setObjectName("undo")
        self.undo_button.clicked.connect(stack.undo)
        self.redo_button = QPushButton(self.tr("Làm lại (Ctrl+Y)"))
        self.redo_button.setObjectName("redo")
        self.redo_button.clicked.connect(stack.redo)
        self.undo_action = stack.createUndoAction(self, self.tr("Hoàn tác"))
        self.undo_action.setShortcuts([QKeySequence("Ctrl+Z")])
        self.redo_action = stack.createRedoAction(self, self.tr("Làm lại"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.addActions([self.undo_action, self.redo_action])
        # the stack's own signals (it may go before this dialog when the window closes)
        stack.canUndoChanged.connect(self.undo_button.setEnabled)
        stack.canRedoChanged.connect(self.redo_button.setEnabled)
        stack.undoTextChanged.connect(self.undo_button.setToolTip)
        stack.redoTextChanged.connect(self.redo_button.setToolTip)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Đóng"))
        close.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.undo_button)
        bottom.addWidget(self.redo_button)
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.message)
        layout.addLayout(bottom)

        context.changed.connect(self.reload)
        context.error.connect(self.show_problem)
        context.message.connect(lambda _: self.message.hide())
        self._title()
        self._undo_state()
        self.resize(1100, 640)
        fit_on_screen(self)

    def _title(self) -> None:
        self.setWindowTitle(self.tr("Sửa kế hoạch {0}").format(self.context.plan.number))

    def _undo_state(self) -> None:
        stack = self.context.undo_stack
        self.undo_button.setEnabled(stack.canUndo())
        self.redo_button.setEnabled(stack.canRedo())
        self.undo_button.setToolTip(stack.undoText())
        self.redo_button.setToolTip(stack.redoText())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload()  # what changed while it was closed
        self.tabs.currentWidget().setFocus()  # the page's list, not the tab bar

    def reload(self) -> None:
        if not self.isVisible():  # closed: read again when shown
            return
        self._title()
        self.details.reload()
        self.outline.reload()
        self.periods.reload()
        self.bodies.reload()

    def show_problem(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()


class DetailsPage(QWidget):
    """The plan's number, date, place, issuing body, title, year and signer."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.editing = PlanEditing(context.engine)
        self.edits: dict[str, QWidget] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, text in (
            ("number", self.tr("Số hiệu")),
            ("issued_on", self.tr("Ngày ban hành")),
            ("place", self.tr("Địa danh")),
            ("issuing_body", self.tr("Cơ quan ban hành")),
            ("title", self.tr("Trích yếu")),
            ("year", self.tr("Năm kế hoạch")),
            ("signer_authority", self.tr("Quyền hạn ký")),
            ("signer_title", self.tr("Chức vụ người ký")),
            ("signer_name", self.tr("Họ tên người ký")),
        ):
            if key == "issued_on":
                widget: QWidget = QDateEdit()
                widget.setDisplayFormat("dd/MM/yyyy")
                widget.setCalendarPopup(True)
            elif key == "year":
                widget = QSpinBox()
                widget.setRange(FIRST_YEAR, LAST_YEAR)
            else:
                widget = QLineEdit()
            widget.setObjectName(key)
            self.edits[key] = widget
            form.addRow(text, widget)
        hint = QLabel(
            self.tr(
                "Đổi năm kế hoạch thì thời gian của kế hoạch đổi theo; các kỳ báo cáo phải "
                "nằm trong năm mới."
            )
        )
        hint.setWordWrap(True)
        self.save = QPushButton(self.tr("Lưu thông tin kế hoạch"))
        self.save.setObjectName("saveDetails")
        self.save.clicked.connect(self.save_details)
        self.refusal = QLabel()
        self.refusal.setObjectName("detailsRefusal")
        self.refusal.setStyleSheet("color: #b00020")
        self.refusal.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.save)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.refusal)
        layout.addLayout(row)
        layout.addStretch(1)
        self.shown: dict[str, Any] = {}
        self.reload()

    def _get(self, key: str) -> Any:
        widget = self.edits[key]
        if isinstance(widget, QDateEdit):
            d = widget.date()
            return date(d.year(), d.month(), d.day())
        if isinstance(widget, QSpinBox):
            return widget.value()
        assert isinstance(widget, QLineEdit)
        return widget.text().strip()

    def _set(self, key: str, value: Any) -> None:
        widget = self.edits[key]
        if isinstance(widget, QDateEdit):
            widget.setDate(QDate(value.year, value.month, value.day))
        elif isinstance(widget, QSpinBox):
            widget.setValue(value)
        else:
            assert isinstance(widget, QLineEdit)
            widget.setText(value)
            widget.setCursorPosition(0)

    def reload(self) -> None:
        """Show the stored details; a field the clerk is still changing keeps what was typed."""
        plan = self.context.plans.get(Plan, self.context.plan.id)
        for key in self.edits:
            value = getattr(plan, key)
            if key not in self.shown or self._get(key) == self.shown[key]:
                self._set(key, value)
            self.shown[key] = value

    def save_details(self) -> bool:
        changes = {k: self._get(k) for k in self.edits if self._get(k) != self.shown[k]}
        if not changes:
            self.refusal.setText(self.tr("Không có gì thay đổi."))
            return False
        plan_id = self.context.plan.id
        refusal = self.editing.plan_refusal(plan_id, changes)
        if refusal:
            self.refusal.setText(refusal)
            return False
        self.refusal.clear()
        return self.context.push(
            ChangeCommand(
                self.context,
                self.editing.change_plan,
                plan_id,
                changes,
                self.tr("sửa thông tin kế hoạch {0}").format(self.shown["number"]),
                after=lambda: refresh_plan(self.context),
            )
        )


def _tree(object_name: str, headers: list[str]) -> QTreeWidget:
    tree = QTreeWidget()
    tree.setObjectName(object_name)
    tree.setRootIsDecorated(False)
    tree.setUniformRowHeights(True)
    tree.setAlternatingRowColors(True)
    tree.setStyleSheet("QTreeWidget::item { padding: 3px 0px; }")  # as the tables' rows
    tree.setHeaderLabels(headers)
    tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    header = tree.header()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    return tree


def _fill(tree: QTreeWidget, rows: list[tuple[int, list[str]]]) -> None:
    """Replace a list's rows, keeping the current one (by id) where it still is."""
    current = tree.currentItem()
    keep = current.data(0, Qt.ItemDataRole.UserRole) if current else None
    tree.clear()
    for key, texts in rows:
        item = QTreeWidgetItem(texts)
        item.setData(0, Qt.ItemDataRole.UserRole, key)
        item.setToolTip(1, texts[1])
        tree.addTopLevelItem(item)
        if key == keep:
            tree.setCurrentItem(item)
    if tree.currentItem() is None and tree.topLevelItemCount():
        tree.setCurrentItem(tree.topLevelItem(0))


def _current(tree: QTreeWidget) -> int | None:
    item = tree.currentItem()
    return item.data(0, Qt.ItemDataRole.UserRole) if item else None


def _delete_key(tree: QTreeWidget, slot: Any) -> None:
    """Del in a list does what its Xóa… button does."""
    action = QAction(tree)
    action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
    action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    action.triggered.connect(slot)
    tree.addAction(action)


def _buttons(owner: QWidget, specs: list[tuple[str, str, Any]]) -> QHBoxLayout:
    row = QHBoxLayout()
    for name, text, slot in specs:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        row.addWidget(button)
    row.addStretch(1)
    return row


class PeriodsPage(QWidget):
    """The plan's periods: added with Decree 09 dates, changed, deleted (asking first when
    figures go with them) through the same period dialog and commands as the period form."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.list = _tree(
            "periodList",
            [
                self.tr("Mã"),
                self.tr("Tên kỳ"),
                self.tr("Từ ngày"),
                self.tr("Đến ngày"),
                self.tr("Ngày chốt số liệu"),
            ],
        )
        self.list.itemActivated.connect(lambda *_: self.edit())
        _delete_key(self.list, self.delete)
        layout = QVBoxLayout(self)
        layout.addLayout(
            _buttons(
                self,
                [
                    ("addPeriod", self.tr("Thêm kỳ…"), self.add),
                    ("editPeriod", self.tr("Sửa kỳ…"), self.edit),
                    ("deletePeriod", self.tr("Xóa kỳ…"), self.delete),
                ],
            )
        )
        layout.addWidget(self.list)
        self.reload()

    def reload(self) -> None:
        _fill(
            self.list,
            [
                (
                    p.id,
                    [
                        p.code,
                        p.name,
                        format_date(p.starts_on),
                        format_date(p.ends_on),
                        format_date(p.cutoff_on),
                    ],
                )
                for p in self.context.periods()
            ],
        )

    def add(self) -> bool:
        return entity_actions.edit_period(self.context, self)

    def edit(self) -> bool:
        key = _current(self.list)
        return key is not None and entity_actions.edit_period(self.context, self, key)

    def delete(self) -> bool:
        key = _current(self.list)
        return key is not None and entity_actions.delete_period(self.context, self, key)


class BodiesPage(QWidget):
    """Agencies and localities: added here as from the Kế hoạch menu; deleted only when
    nothing refers to them (the refusal names what does)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.editing = PlanEditing(context.engine)
        self.agencies = _tree("agencyList", [self.tr("Mã"), self.tr("Tên cơ quan")])
        self.localities = _tree(
            "localityList", [self.tr("Mã"), self.tr("Tên địa phương"), self.tr("Loại")]
        )
        _delete_key(self.agencies, lambda: self.delete(Agency))
        _delete_key(self.localities, lambda: self.delete(Locality))
        layout = QHBoxLayout(self)
        for tree, specs in (
            (
                self.agencies,
                [
                    ("addAgency", self.tr("Thêm cơ quan…"), self.add_agency),
                    ("deleteAgency", self.tr("Xóa cơ quan…"), lambda: self.delete(Agency)),
                ],
            ),
            (
                self.localities,
                [
                    ("addLocality", self.tr("Thêm địa phương…"), self.add_locality),
                    ("deleteLocality", self.tr("Xóa địa phương…"), lambda: self.delete(Locality)),
                ],
            ),
        ):
            column = QVBoxLayout()
            column.addLayout(_buttons(self, specs))
            column.addWidget(tree)
            layout.addLayout(column)
        self.reload()

    def reload(self) -> None:
        _fill(self.agencies, [(a.id, [a.code, a.name]) for a in self.context.agencies()])
        _fill(
            self.localities,
            [(loc.id, [loc.code, loc.name, loc.kind]) for loc in self.context.plans.localities()],
        )

    def add_agency(self) -> bool:
        return entity_actions.edit_agency(self.context, self)

    def add_locality(self) -> bool:
        return entity_actions.edit_locality(self.context, self)

    def delete(self, model: type[Agency] | type[Locality]) -> bool:
        tree = self.agencies if model is Agency else self.localities
        key = _current(tree)
        if key is None:
            return False
        refusal = self.editing.unused_refusal(model, key)
        if refusal:
            title = self.tr("Không xóa được cơ quan") if model is Agency else None
            title = title or self.tr("Không xóa được địa phương")
            prompts.show_error(self, title, refusal)
            return False
        name = tree.currentItem().text(1)
        what = self.tr("xóa cơ quan “{0}”") if model is Agency else self.tr("xóa địa phương “{0}”")
        return self.context.push(
            DeleteCommand(
                self.context,
                lambda expected: self.editing.delete_unused(model, key, expected),
                what.format(name),
            )
        )
