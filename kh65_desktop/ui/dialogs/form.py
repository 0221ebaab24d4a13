"""A dialog built from a list of fields, with validation messages in Vietnamese."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.numbers import VietnameseFormatError, format_number, parse_optional_number
from ..views import dialog_buttons


@dataclass
class Field:
    """One input: `kind` is text, long_text, number, choice, date, optional_date or many."""

    key: str
    label: str
    kind: str = "text"
    value: Any = None
    choices: Sequence[tuple[str, Any]] = ()
    required: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


class FormDialog(QDialog):
    """Shows `fields`; `values()` returns them parsed; OK is refused while one is wrong."""

    def __init__(
        self,
        title: str,
        fields: Sequence[Field],
        parent: QWidget | None = None,
        check: Callable[[dict[str, Any]], str | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.fields = list(fields)
        self.check = check
        self.widgets: dict[str, QWidget] = {}
        form = QFormLayout()
        for spec in self.fields:
            widget = self._widget(spec)
            widget.setObjectName(spec.key)
            self.widgets[spec.key] = widget
            form.addRow(spec.label + (" *" if spec.required else ""), widget)
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        buttons = dialog_buttons(self, self.tr("Đồng ý"), self.tr("Hủy"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _widget(self, spec: Field) -> QWidget:
        if spec.kind == "long_text":
            edit = QPlainTextEdit(str(spec.value or ""))
            edit.setMinimumHeight(90)
            edit.setTabChangesFocus(True)  # Tab goes on to the next field, as in every other
            return edit
        if spec.kind == "number":
            return QLineEdit(format_number(spec.value))
        if spec.kind == "choice":
            combo = QComboBox()
            for text, _ in spec.choices:
                combo.addItem(text)
            values = [data for _, data in spec.choices]
            combo.setCurrentIndex(values.index(spec.value) if spec.value in values else 0)
            return combo
        if spec.kind in ("date", "optional_date"):
            edit = QDateEdit()
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setDate(QDate(spec.value) if spec.value else QDate.currentDate())
            if spec.kind == "optional_date":
                box = QCheckBox(self.tr("Có thời hạn"))
                box.setChecked(spec.value is not None)
                edit.setEnabled(spec.value is not None)
                box.toggled.connect(edit.setEnabled)
                holder = QWidget()
                row = QFormLayout(holder)
                row.setContentsMargins(0, 0, 0, 0)
                row.addRow(box, edit)
                holder.setProperty("checkbox", box)
                holder.setProperty("date", edit)
                return holder
            return edit
        if spec.kind == "bool":
            box = QCheckBox()
            box.setChecked(bool(spec.value))
            return box
        if spec.kind == "many":
            listing = QListWidget()
            listing.setMinimumHeight(110)
            for position, (text, data) in enumerate(spec.choices):
                item = QListWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, position)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(
                    Qt.CheckState.Checked if data in (spec.value or ()) else Qt.CheckState.Unchecked
                )
                listing.addItem(item)
            return listing
        return QLineEdit(str(spec.value or ""))

    def raw(self, key: str) -> Any:
        """The widget's content before parsing (tests type into widgets, then read this)."""
        return self.widgets[key]

    def values(self) -> dict[str, Any]:
        """The parsed values; raises ValueError with a message naming the field."""
        result: dict[str, Any] = {}
        for spec in self.fields:
            widget = self.widgets[spec.key]
            value = _read(spec, widget)
            if spec.required and value in (None, "", []):
                raise ValueError(self.tr("Hãy nhập “{0}”.").format(spec.label))
            result[spec.key] = value
        return result

    def accept(self) -> None:
        try:
            values = self.values()
            problem = self.check(values) if self.check else None
        except (ValueError, VietnameseFormatError) as error:
            problem = str(error)
        if problem:
            self.error.setText(problem)
            return
        super().accept()


def _read(spec: Field, widget: QWidget) -> Any:
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText().strip()
    if isinstance(widget, QLineEdit):
        text = widget.text().strip()
        if spec.kind == "number":
            try:
                return parse_optional_number(text)
            except VietnameseFormatError as error:
                raise ValueError(f"{spec.label}: {error}") from None
        return text
    if isinstance(widget, QComboBox):  # the object itself, not Qt's copy of it
        index = widget.currentIndex()
        return spec.choices[index][1] if index >= 0 else None
    if isinstance(widget, QDateEdit):
        return _date(widget)
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, QListWidget):
        return [
            spec.choices[widget.item(i).data(Qt.ItemDataRole.UserRole)][1]
            for i in range(widget.count())
            if widget.item(i).checkState() == Qt.CheckState.Checked
        ]
    box, edit = widget.property("checkbox"), widget.property("date")
    return _date(edit) if box.isChecked() else None


def _date(edit: QDateEdit) -> date:
    qdate = edit.date()
    return date(qdate.year(), qdate.month(), qdate.day())
