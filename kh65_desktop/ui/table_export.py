"""Any table on screen, as it is shown (filter and sort included), to Excel or CSV."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QPushButton, QTableView, QWidget

from ..domain.file_names import file_name
from ..exchange.table_cells import Cell, Figure, write_table_file
from ..file_errors import why_not_written
from . import prompts
from .table_model import EXPORT_ROLE

NameParts = Callable[[], Sequence[str | None]]  # e.g. the agency and period filtered on


def table_contents(view: QTableView) -> tuple[list[str], list[list[Cell]]]:
    """The visible columns' headers and the rows in the order on screen; a figure as the
    number behind it (models without one give their text)."""
    model = view.model()
    columns = [c for c in range(model.columnCount()) if not view.isColumnHidden(c)]
    headers = [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in columns]
    rows = [[_cell(model.index(r, c)) for c in columns] for r in range(model.rowCount())]
    return headers, rows


def _cell(index: QModelIndex) -> Cell:
    value = index.data(EXPORT_ROLE)
    if isinstance(value, Figure):
        return value
    if value is None:  # a model of its own (not a RowTableModel): what it shows
        value = index.data()
    return "" if value is None else str(value)


def export_button(
    parent: QWidget, view: QTableView, title: str, name_parts: NameParts | None = None
) -> QPushButton:
    """The “Xuất bảng…” button every table tab carries, exporting `view` as `title`.xlsx."""
    button = QPushButton(QCoreApplication.translate("TableExport", "Xuất bảng…"), parent)
    button.setObjectName("exportTable")
    button.clicked.connect(lambda: export_table(parent, view, title, name_parts))
    return button


def export_table(
    parent: QWidget, view: QTableView, title: str, name_parts: NameParts | None = None
) -> Path | None:
    """Ask for a file, write the table (.xlsx, or .csv in UTF-8 with a BOM), say where."""
    path = prompts.save_file(
        parent,
        QCoreApplication.translate("TableExport", "Xuất bảng"),
        file_name(title, *(name_parts() if name_parts else ()), suffix=".xlsx"),
        QCoreApplication.translate("TableExport", "Bảng tính Excel (*.xlsx);;CSV (*.csv)"),
    )
    if path is None:
        return None
    headers, rows = table_contents(view)
    try:
        written = write_table_file(path, title, headers, rows)
    except OSError as error:
        prompts.show_error(
            parent,
            QCoreApplication.translate("TableExport", "Xuất bảng"),
            QCoreApplication.translate(
                "TableExport",
                "Không ghi được {0}: {1}.",
            ).format(path, why_not_written(error)),
        )
        return None
    show_saved(parent, written)
    return written


def show_saved(parent: QWidget, path: Path) -> QMessageBox:
    """Where the file went, with a button that opens its folder; it does not block."""
    box = QMessageBox(
        QMessageBox.Icon.Information,
        QCoreApplication.translate("TableExport", "Xuất bảng"),
        QCoreApplication.translate("TableExport", "Đã lưu bảng vào tệp:\n{0}").format(path),
        QMessageBox.StandardButton.Close,
        parent,
    )
    box.setObjectName("tableSaved")
    folder = box.addButton(
        QCoreApplication.translate("TableExport", "Mở thư mục"), QMessageBox.ButtonRole.ActionRole
    )
    folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent))))
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.open()
    return box
