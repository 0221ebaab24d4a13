"""Helpers for driving the real widgets in pytest-qt tests."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QDate,
    QModelIndex,
    QSettings,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QWidget,
)

from kh65_desktop.storage.database import open_database
from kh65_desktop.ui.context import AppContext
from kh65_desktop.ui.dialogs.form import FormDialog
from kh65_desktop.ui.main_window import MainWindow
from kh65_desktop.ui.settings import AppSettings
from kh65_desktop.ui.table_model import KEY_ROLE, ROW_ROLE

TODAY = date(2024, 7, 20)  # a day in the plan's year, so deadlines mean something
CLERK = "Nguyễn Thị Lan"


def settings_in(folder: Path, clerk: str = CLERK) -> AppSettings:
    settings = AppSettings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    if clerk:
        settings.clerk_name = clerk
    return settings


def open_window(qtbot: Any, db_path: Path, folder: Path) -> MainWindow:
    context = AppContext(open_database(db_path), settings_in(folder), today=lambda: TODAY)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    return window


def column(model: QAbstractItemModel, key: str) -> int:
    return next(c for c in range(model.columnCount()) if model.index(0, c).data(KEY_ROLE) == key)


def find_row(model: QAbstractItemModel, code: str) -> int:
    for row in range(model.rowCount()):
        if model.index(row, 0).data(ROW_ROLE).code == code:
            return row
    raise AssertionError(f"no row {code}")


def cell(model: QAbstractItemModel, code: str, key: str) -> str:
    return model.index(find_row(model, code), column(model, key)).data()


def type_into_cell(qtbot: Any, view: QTableView, index: QModelIndex, text: str) -> None:
    """Open the cell's editor as a double-click would, type, and press Enter. `index` may be
    the source model's, under the view's sorting and filtering proxy."""
    shown = view.model()
    if index.model() is not shown and isinstance(shown, QSortFilterProxyModel):
        index = shown.mapFromSource(index)
    _bring_forward(view)
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.indexWidget(index)
    assert isinstance(editor, QLineEdit), editor
    editor.selectAll()
    if text.isascii():
        qtbot.keyClicks(editor, text)
    else:  # QTest types ASCII only; Vietnamese arrives from the input method as committed text
        editor.insert(text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # the delegate commits on the next turn of the event loop
    qtbot.waitUntil(lambda: view.state() != QTableView.State.EditingState, timeout=2000)


def type_figure(qtbot: Any, window: MainWindow, code: str, text: str) -> None:
    """Type `text` into the Chỉ tiêu table's figure cell of the indicator `code`."""
    proxy = window.indicators.proxy
    index = proxy.index(find_row(proxy, code), column(proxy, "value"))
    type_into_cell(qtbot, window.indicators.table, index, text)


def _bring_forward(widget: QWidget) -> None:
    """Make the tab holding `widget` the current one, as a clerk clicking it would."""
    parent = widget.parentWidget()
    while parent is not None:
        stack = parent.parentWidget()
        if isinstance(stack, QStackedWidget) and isinstance(stack.parentWidget(), QTabWidget):
            stack.parentWidget().setCurrentWidget(parent)
        parent = stack
    widget.setFocus()


def fill_form(dialog: FormDialog, **values: Any) -> None:
    """Set a FormDialog's widgets as a clerk would."""
    for key, value in values.items():
        widget: QWidget = dialog.raw(key)
        if isinstance(widget, QLineEdit):
            widget.setText(value)
        elif isinstance(widget, QPlainTextEdit):
            widget.setPlainText(value)
        elif isinstance(widget, QComboBox):
            index = widget.findText(value)
            assert index >= 0, f"{key}: no choice {value!r}"
            widget.setCurrentIndex(index)
        elif isinstance(widget, QDateEdit):
            widget.setDate(QDate(value.year, value.month, value.day))
        elif isinstance(widget, QCheckBox):
            widget.setChecked(value)
        elif isinstance(widget, QListWidget):
            for i in range(widget.count()):
                item = widget.item(i)
                item.setCheckState(
                    Qt.CheckState.Checked if item.text() in value else Qt.CheckState.Unchecked
                )
        else:  # optional date: (checkbox, date edit)
            box, edit = widget.property("checkbox"), widget.property("date")
            box.setChecked(value is not None)
            if value is not None:
                edit.setDate(QDate(value.year, value.month, value.day))


def answering(fill: Callable[[QDialog], None]) -> Callable[[QDialog], bool]:
    """A stand-in for prompts.run_dialog: fill the dialog, press OK, report the outcome."""

    def run(dialog: QDialog) -> bool:
        fill(dialog)
        dialog.accept()
        return dialog.result() == QDialog.DialogCode.Accepted

    return run
