"""Kế hoạch → Nạp danh sách địa bàn…: a locality list (CSV or Excel) previewed row by row,
then loaded in one undoable step."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget
from sqlalchemy.exc import SQLAlchemyError

from ...exchange.data import ExchangeError
from ...services.localities import EntryChange, LoadPreview, preview_load
from ...storage.failures import explain_any
from ...storage.locality_file import read_locality_file
from .. import prompts
from ..commands import LoadLocalitiesCommand
from ..context import AppContext
from ..table_model import RIGHT, Column, RowTableModel
from ..views import error_label, make_table

log = logging.getLogger(__name__)


def choose_locality_list(context: AppContext, parent: QWidget) -> QDialog | None:
    path = prompts.open_file(
        parent,
        QCoreApplication.translate("LocalityLoadDialog", "Nạp danh sách địa bàn"),
        QCoreApplication.translate("LocalityLoadDialog", "Danh sách địa bàn (*.csv *.xlsx)"),
    )
    return None if path is None else open_locality_list(context, parent, path)


def open_locality_list(context: AppContext, parent: QWidget, path: Path) -> QDialog | None:
    """The preview of a list; a refused file is said (with its row) and nothing opens."""
    title = QCoreApplication.translate("LocalityLoadDialog", "Nạp danh sách địa bàn")
    try:
        preview = preview_load(context.engine, read_locality_file(path))
    except ExchangeError as exc:
        prompts.show_error(parent, title, str(exc))
        return None
    dialog = LocalityLoadDialog(context, preview, parent)
    dialog.show()
    return dialog


class LocalityLoadDialog(QDialog):
    """Every row of the file and what loading it does; "Nạp" writes, "Hủy" writes nothing."""

    def __init__(self, context: AppContext, preview: LoadPreview, parent: QWidget) -> None:
        super().__init__(parent)
        self.context, self.preview = context, preview
        self.setWindowTitle(self.tr("Nạp danh sách địa bàn"))
        self.resize(980, 560)
        actions = {
            "add": self.tr("Thêm mới"),
            "change": self.tr("Sửa"),
            "same": self.tr("Giữ nguyên"),
        }
        columns = [
            Column("row", self.tr("Dòng"), lambda e: str(e.row), sort=lambda e: e.row, align=RIGHT),
            Column("code", self.tr("Mã"), lambda e: e.code),
            Column("name", self.tr("Tên"), lambda e: e.name),
            Column("action", self.tr("Việc sẽ làm"), lambda e: actions[e.action]),
            Column("changes", self.tr("Thay đổi"), self._changes),
            Column("before", self.tr("Tiền thân mới"), lambda e: ", ".join(e.new_predecessors)),
        ]
        model = RowTableModel(columns, key=lambda e: e.row, parent=self)
        # what the load changes first (a list of 124 rows is mostly unchanged when loaded again)
        model.set_rows(sorted(preview.entries, key=lambda e: (e.action == "same", e.row)))
        self.table = make_table(
            model, context.settings, "locality_load", widths={0: 50, 1: 90, 2: 220, 3: 90, 4: 300}
        )
        self.summary = QLabel(
            self.tr(
                "Tệp {0}: {1} địa bàn; thêm mới {2}, sửa {3}, giữ nguyên {4}; {5} quan hệ tiền "
                "thân mới. Chưa ghi gì: bấm “Nạp” để ghi (có thể hoàn tác bằng Ctrl+Z)."
            ).format(
                preview.listing.file.name,
                len(preview.entries),
                preview.count("add"),
                preview.count("change"),
                preview.count("same"),
                preview.successions,
            )
        )
        self.summary.setObjectName("localityLoadSummary")
        self.summary.setWordWrap(True)
        self.error = error_label()
        self.load_button = QPushButton(self.tr("Nạp"))
        self.load_button.setObjectName("loadLocalities")
        self.load_button.setEnabled(not preview.changes_nothing)
        self.load_button.clicked.connect(self.load)
        cancel = QPushButton(self.tr("Hủy"))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.load_button)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def _changes(self, entry: EntryChange) -> str:
        return "; ".join(f"{field}: {old} → {new}" for field, old, new in entry.changes)

    def load(self) -> None:
        """One transaction, on the undo stack; a refusal (the database changed since the
        preview) stays in the dialog with the reason."""
        command = LoadLocalitiesCommand(
            self.context,
            self.preview.listing,
            self.tr("nạp danh sách địa bàn {0}").format(self.preview.listing.file.name),
        )
        try:
            command.perform()
        except (SQLAlchemyError, LookupError, ValueError) as exc:  # ExchangeError included
            log.exception("Nạp danh sách địa bàn không thành công")
            self.error.setText(explain_any(exc))
            self.error.show()
            return
        self.context.undo_stack.push(command)  # performed: the stack's redo does nothing
        self.context.message.emit(
            self.tr("Đã nạp danh sách địa bàn: {0}").format(self.preview.listing.file.name)
        )
        self.accept()
