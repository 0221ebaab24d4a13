"""One table model for every list on screen: named columns, real sort values, row objects."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

Row = TypeVar("Row")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # numbers as numbers, dates as dates
ROW_ROLE = Qt.ItemDataRole.UserRole + 2  # the row object itself
KEY_ROLE = Qt.ItemDataRole.UserRole + 3  # the column's key, for tests and delegates
EXPORT_ROLE = Qt.ItemDataRole.UserRole + 4  # a file's cell: the Figure behind it, else the text
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_Index = QModelIndex | QPersistentModelIndex
UNSHOWABLE = "⚠"  # a cell whose value cannot be shown; the log says why
log = logging.getLogger(__name__)


class EditError(ValueError):
    """An edit refused, with the message to show the clerk."""


@dataclass(frozen=True)
class Column(Generic[Row]):
    """A column: its key, translatable title, and how it shows, sorts and edits a row."""

    key: str
    title: str  # already translated
    display: Callable[[Row], str]
    sort: Callable[[Row], Any] | None = None
    align: Qt.AlignmentFlag = LEFT
    tooltip: Callable[[Row], str] | None = None
    color: Callable[[Row], QColor | None] | None = None
    edit_text: Callable[[Row], str] | None = None  # what the editor starts with
    edit: Callable[[Row, str], None] | None = None  # raises EditError
    figure: Callable[[Row], Any] | None = None  # an exchange.table_cells.Figure, or None


class RowTableModel(QAbstractTableModel, Generic[Row]):
    """Rows of frozen dataclasses; `set_rows` keeps selections when the rows are the same."""

    edit_rejected = Signal(str)
    edit_started = Signal()  # a new edit: an earlier refusal shown above the table is stale

    def __init__(
        self, columns: Sequence[Column[Row]], key: Callable[[Row], Any], parent: Any = None
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.key = key
        self.rows: list[Row] = []
        self._sort_keys: dict[int, list[Any]] = {}
        self._failed: set[tuple[int, int]] = set()  # cells already logged as unshowable

    def sort_keys(self, column: int) -> list[Any]:
        """Every row's sort value in a column, computed once per set of rows: a sorted proxy
        compares them n·log n times on every filter change (each search keystroke)."""
        keys = self._sort_keys.get(column)
        if keys is None:
            get = self.columns[column].sort or self.columns[column].display
            keys = self._sort_keys[column] = [get(row) for row in self.rows]
        return keys

    def column_index(self, key: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.key == key)

    def redraw(self) -> None:
        """The same rows drawn again (what a column shows changed, not the rows)."""
        if self.rowCount() and self.columnCount():
            last = self.index(self.rowCount() - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def set_rows(self, rows: Sequence[Row]) -> None:
        rows = list(rows)
        self._failed.clear()
        self._sort_keys.clear()  # before any signal: a proxy re-sorts as it receives one
        if [self.key(r) for r in rows] == [self.key(r) for r in self.rows] and rows:
            self.rows = rows
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(rows) - 1, len(self.columns) - 1)
            )
            return
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        try:
            return self._data(index, role)
        except Exception:  # raised inside Qt's painting, it would end the whole program
            key = (index.row(), index.column())
            if key not in self._failed:
                self._failed.add(key)
                log.exception("Không hiển thị được ô %s của %s", key, type(self).__name__)
            return UNSHOWABLE if role == Qt.ItemDataRole.DisplayRole else None

    def _data(self, index: _Index, role: int) -> Any:
        row, column = self.rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(row)
        if role == Qt.ItemDataRole.EditRole:
            return (column.edit_text or column.display)(row)
        if role == SORT_ROLE:
            return column.sort(row) if column.sort else column.display(row)
        if role == ROW_ROLE:
            return row
        if role == KEY_ROLE:
            return column.key
        if role == EXPORT_ROLE:
            figure = column.figure(row) if column.figure else None
            return figure if figure is not None else column.display(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return column.align
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tooltip(row) if column.tooltip else column.display(row)
        if role == Qt.ItemDataRole.ForegroundRole and column.color:
            color = column.color(row)
            return QBrush(color) if color else None
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and self.columns[index.column()].edit is not None:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        column = self.columns[index.column()]
        if role != Qt.ItemDataRole.EditRole or column.edit is None:
            return False
        self.edit_started.emit()
        try:
            column.edit(self.rows[index.row()], str(value))
        except EditError as error:
            self.edit_rejected.emit(str(error))
            return False
        return True
