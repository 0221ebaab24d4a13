"""Small helpers every tab uses: a sortable table view that remembers its column widths."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
)

from .settings import AppSettings

COMBO_LETTERS = 12
CURRENT_FRAME = QColor("#1f5fa8")  # the current cell's frame on a row not selected


class TableView(QTableView):
    """A table whose current cell is framed plainly (the row is selected as a whole, so the
    style's dotted focus line is all that shows which cell Enter or typing will edit), that
    keeps that cell in sight when the rows are sorted or filtered, and that Tab leaves."""

    def __init__(self) -> None:
        super().__init__()
        self.setTabKeyNavigation(False)  # Tab goes to the next control, arrows move in here

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        if model is not None:
            model.layoutChanged.connect(self._keep_current_in_sight)
            model.rowsRemoved.connect(self._keep_current_in_sight)

    def _keep_current_in_sight(self) -> None:
        if self.currentIndex().isValid():
            self.scrollTo(self.currentIndex())

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        current = self.currentIndex()
        if not current.isValid() or not self.hasFocus():
            return
        selected = self.selectionModel().isSelected(current)  # the row's highlight under it
        colour = frame_colour(self.palette(), selected)
        painter = QPainter(self.viewport())
        painter.setPen(QPen(colour, 2))
        painter.drawRect(self.visualRect(current).adjusted(1, 1, -1, -1))
        painter.end()


def frame_colour(palette: QPalette, on_selected_row: bool) -> QColor:
    """White (the highlighted text's colour) on the blue of a selected row, else dark blue."""
    return palette.color(QPalette.ColorRole.HighlightedText) if on_selected_row else CURRENT_FRAME


def make_table(
    model: QAbstractItemModel,
    settings: AppSettings,
    key: str,
    widths: dict[int, int] | None = None,
    stretch: int | None = None,
) -> QTableView:
    """A table on `model`; `key` names where its header state is saved."""
    view = TableView()
    view.setObjectName(key)
    view.setModel(model)
    view.setSortingEnabled(True)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked
        | QAbstractItemView.EditTrigger.EditKeyPressed
        | QAbstractItemView.EditTrigger.AnyKeyPressed
    )
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for column, width in (widths or {}).items():
        header.resizeSection(column, width)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    saved = settings.state(f"header/{key}")
    if saved is not None:
        header.restoreState(saved)
    header.sectionResized.connect(
        lambda *_: settings.save_state(f"header/{key}", header.saveState())
    )
    view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # document order until asked
    return view


def fill_combo(
    combo: QComboBox, items: Iterable[tuple[str, object]], first: str | None = None
) -> None:
    """Replace a combo's items, keeping the current choice when it is still there."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    if first is not None:
        combo.addItem(first, None)
    for text, data in items:
        combo.addItem(text, data)
    index = combo.findData(current)
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)
    # a long agency name must not widen the window past a small screen: the combo may
    # shrink to a dozen letters (its list still shows every name whole)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(COMBO_LETTERS)


def error_label() -> QLabel:
    """A red line for a refused edit, shown above a table until the next good edit."""
    label = QLabel()
    label.setObjectName("errorLabel")
    label.setWordWrap(True)
    label.setStyleSheet("QLabel { color: #b00020; background: #fdecea; padding: 4px; }")
    label.hide()
    return label


def dialog_buttons(dialog: QDialog, accept_text: str, cancel_text: str) -> QDialogButtonBox:
    """OK/Cancel in Vietnamese wired to the dialog's accept() and reject()."""
    ok, cancel = QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Cancel
    buttons = QDialogButtonBox(ok | cancel)
    buttons.button(ok).setText(accept_text)
    buttons.button(cancel).setText(cancel_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def remember_splitter(splitter: QSplitter, settings: AppSettings, key: str) -> None:
    """Restore a splitter's sizes and save them whenever the clerk moves it."""
    saved = settings.state(key)
    if saved is not None:
        splitter.restoreState(saved)
    splitter.splitterMoved.connect(lambda *_: settings.save_state(key, splitter.saveState()))
