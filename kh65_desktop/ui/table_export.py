"""Any table on screen, as it is shown (filter and sort included), to Excel or CSV."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QPushButton, QTableView, QWidget

from . import prompts


def table_contents(view: QTableView) -> tuple[list[str], list[list[str]]]:
    """The visible columns' headers and the rows in the order on screen."""
    model = view.model()
    columns = [c for c in range(model.columnCount()) if not view.isColumnHidden(c)]
    headers = [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in columns]
    rows = [[str(model.index(r, c).data() or "") for c in columns] for r in range(model.rowCount())]
    return headers, rows


def export_button(parent: QWidget, view: QTableView, title: str) -> QPushButton:
    """The “Xuất bảng…” button every table tab carries, exporting `view` as `title`.xlsx."""
    button = QPushButton(QCoreApplication.translate("TableExport", "Xuất bảng…"), parent)
    button.setObjectName("exportTable")
    button.clicked.connect(lambda: export_table(parent, view, title))
    return button


def export_table(parent: QWidget, view: QTableView, title: str) -> Path | None:
    """Ask for a file and write the table: .xlsx (text kept as text) or .csv (UTF-8, BOM)."""
    path = prompts.save_file(
        parent,
        QCoreApplication.translate("TableExport", "Xuất bảng"),
        f"{title}.xlsx",
        QCoreApplication.translate("TableExport", "Bảng tính Excel (*.xlsx);;CSV (*.csv)"),
    )
    if path is None:
        return None
    from ..exchange.csv_file import write_csv  # file modules load on first use
    from ..exchange.excel import write_table

    headers, rows = table_contents(view)
    if path.suffix.lower() == ".csv":
        return write_csv(path, headers, rows)
    return write_table(path.with_suffix(".xlsx"), title, headers, rows)
