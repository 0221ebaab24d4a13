"""A list of agencies picked by name, for the lead and coordinating fields of an item the
document reader found: the chosen ones in a short list (Delete takes one away), and a box
below to type part of a name (accents and case as typed; any part of the name) and add it
with Enter. The choices are the agencies of the read plan (those the reader proposed as new
among them) and its agency sets; the value stays the plan file's codes."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

Choice = tuple[str, str]  # (code, label)
CODE = Qt.ItemDataRole.UserRole


class AgencyListField(QWidget):
    """`changed(codes)` is called with the whole new list after each add or removal;
    `refused(text)` when what was typed names no agency of the choices."""

    def __init__(
        self,
        choices: list[Choice],
        changed: Callable[[list[str]], None],
        refused: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.changed, self.refused = changed, refused
        self.labels = dict(choices)
        self.chosen = QListWidget()
        self.chosen.setObjectName("chosenAgencies")
        self.chosen.setToolTip(
            QCoreApplication.translate("AgencyListField", "Delete: bỏ cơ quan đang chọn")
        )
        self.chosen.installEventFilter(self)
        self.picker = QComboBox()
        self.picker.setObjectName("agencyPicker")
        self.picker.setEditable(True)
        self.picker.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.picker.setMaxVisibleItems(15)
        for code, text in choices:
            self.picker.addItem(text, code)
        completer = self.picker.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(completer.CompletionMode.PopupCompletion)
        self.picker.lineEdit().setPlaceholderText(
            QCoreApplication.translate("AgencyListField", "Gõ một phần tên cơ quan, Enter để thêm")
        )
        self.picker.setCurrentIndex(-1)
        self.picker.activated.connect(self._picked)
        self.picker.lineEdit().returnPressed.connect(self._typed)
        self.remove_button = QPushButton(QCoreApplication.translate("AgencyListField", "Bỏ"))
        self.remove_button.setObjectName("removeAgency")
        self.remove_button.setAutoDefault(False)  # as the review's buttons: Enter never removes
        self.remove_button.setToolTip(
            QCoreApplication.translate("AgencyListField", "Bỏ cơ quan đang chọn (Delete)")
        )
        self.remove_button.clicked.connect(self.remove_current)
        add_row = QHBoxLayout()
        add_row.setContentsMargins(0, 0, 0, 0)
        add_row.addWidget(self.picker, 1)
        add_row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.chosen)
        layout.addLayout(add_row)
        # no focus proxy: with one, Tab passes over the chosen list (Delete is unreachable)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Delete or Backspace in the chosen list takes the current agency away."""
        if (
            watched is self.chosen
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
        ):
            self.remove_current()
            return True
        return super().eventFilter(watched, event)

    def codes(self) -> list[str]:
        return [self.chosen.item(i).data(CODE) for i in range(self.chosen.count())]

    def show_codes(self, codes: list[str]) -> None:
        """Show `codes` (a code the choices lack, as the reader wrote it, shown as is)."""
        self.chosen.clear()
        for code in codes:
            item = QListWidgetItem(self.labels.get(code, code))
            item.setData(CODE, code)
            item.setToolTip(item.text())
            self.chosen.addItem(item)
        rows = max(self.chosen.count(), 1)
        self.chosen.setFixedHeight(self.chosen.sizeHintForRow(0) * rows + 6 if codes else 28)
        self.remove_button.setEnabled(bool(codes))

    def add(self, code: str) -> None:
        if code not in self.codes():
            self._change([*self.codes(), code])

    def remove_current(self) -> None:
        row = self.chosen.currentRow()
        if row < 0:
            row = self.chosen.count() - 1
        if row < 0:
            return
        codes = self.codes()
        del codes[row]
        self._change(codes)
        self.chosen.setCurrentRow(min(row, self.chosen.count() - 1))

    def _change(self, codes: list[str]) -> None:
        self.show_codes(codes)  # the first do of the edit's command does not reload the form
        self.changed(codes)

    def _picked(self, index: int) -> None:
        code = self.picker.itemData(index)
        QTimer.singleShot(0, self._clear)  # after the completer has put its text in the box
        if code is not None:
            self.add(code)

    def _typed(self) -> None:
        """Enter on a part of a name no completion was taken for: the one agency it fits,
        else say so."""
        text = self.picker.currentText().strip()
        popup = self.picker.completer().popup()
        if not text or (popup.isVisible() and popup.currentIndex().isValid()):
            return  # a completion taken from the list comes through `activated`
        popup.hide()
        fits = [c for c, label in self.labels.items() if text.casefold() in label.casefold()]
        if len(fits) == 1:
            self._clear()
            self.add(fits[0])
        elif self.picker.findText(text) < 0:
            self.refused(
                QCoreApplication.translate(
                    "AgencyListField",
                    "“{0}” không khớp đúng một cơ quan trong văn bản. "
                    "Hãy gõ thêm tên hoặc chọn trong danh sách (mũi tên xuống).",
                ).format(text)
            )

    def _clear(self) -> None:
        self.picker.setCurrentIndex(-1)
        self.picker.clearEditText()
