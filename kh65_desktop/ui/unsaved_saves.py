"""Saves kept after the connection to the database server was lost: the clerk chooses to
try again at once ("Thử lại") or later ("Để sau"); a save kept for later stays on screen
marked unsaved and is tried again before the next save or from Sửa → Lưu lại số chưa lưu.
The save's transaction rolled back, so nothing was half-written; it is retried as it was
(the same figures, the same versions read)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from ..domain.numbers import format_number
from ..services.editing import ValueKey, ValueState
from . import prompts

UNSAVED_COLOR = QColor("#e65100")


class UnsavedSaves(QObject):
    """The translation context of this module's texts (UnsavedSaves.tr)."""


def _typed(state: ValueState | None) -> str:
    if state is None:
        return UnsavedSaves.tr("(để trống)")
    return format_number(state.value) if state.value is not None else state.text


def typed_text(command: Any) -> str:
    """What the clerk saved: the action's name and, for figures, the typed numbers."""
    changes = getattr(command, "changes", None) or []
    typed = "; ".join(_typed(state) for _, state in changes[:5])
    more = "…" if len(changes) > 5 else ""
    return f"«{command.text()}» ({typed}{more})" if typed else f"«{command.text()}»"


def ask_retry(parent: QWidget | None, command: Any) -> bool:
    """The connection is lost: True to try the same save again now, False for later."""
    box = QMessageBox(parent)
    box.setObjectName("connectionLost")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(UnsavedSaves.tr("Mất kết nối tới máy chủ"))
    box.setText(
        UnsavedSaves.tr(
            "Mất kết nối tới máy chủ cơ sở dữ liệu khi lưu {0}. Chưa có gì được ghi, "
            "không có số nào bị ghi dở."
        ).format(typed_text(command))
    )
    box.setInformativeText(
        UnsavedSaves.tr(
            "Thử lại: lưu lại đúng các số này ngay (khi máy chủ đã chạy lại). Để sau: số bạn "
            "nhập được giữ, đánh dấu “chưa lưu”, và được lưu lại ở lần lưu sau."
        )
    )
    retry = box.addButton(UnsavedSaves.tr("Thử lại"), QMessageBox.ButtonRole.AcceptRole)
    retry.setObjectName("retrySave")
    later = box.addButton(UnsavedSaves.tr("Để sau"), QMessageBox.ButtonRole.RejectRole)
    later.setObjectName("saveLater")
    box.setDefaultButton(retry)
    box.setEscapeButton(later)
    prompts.run_dialog(box)
    return box.clickedButton() is retry


def kept_text(command: Any, kept: bool) -> str:
    """After "Để sau": where the typed figures are now."""
    if kept:
        return UnsavedSaves.tr(
            "Chưa lưu {0}: mất kết nối tới máy chủ. Số bạn nhập được giữ, đánh dấu “chưa "
            "lưu”; chương trình lưu lại ở lần lưu sau, hoặc chọn Sửa → Lưu lại số chưa lưu."
        ).format(typed_text(command))
    return UnsavedSaves.tr(
        "Chưa lưu {0}: mất kết nối tới máy chủ. Các số bạn nhập vẫn còn trong biểu; bấm Lưu "
        "để thử lại khi máy chủ đã chạy lại."
    ).format(typed_text(command))


def still_lost_text(count: int) -> str:
    return UnsavedSaves.tr(
        "Vẫn chưa kết nối được tới máy chủ: {0} lần lưu đang chờ, số đã nhập vẫn được giữ. "
        "Hãy thử lại khi máy chủ đã chạy lại."
    ).format(count)


def superseded(older: Any, newer: Any) -> bool:
    """Whether a newer save writes every figure an unsaved older one would (it replaces it)."""
    old = {key for key, _ in getattr(older, "changes", None) or []}
    new = {key for key, _ in getattr(newer, "changes", None) or []}
    return bool(old) and old <= new


def unsaved_state(commands: list[Any], key: ValueKey) -> tuple[bool, ValueState | None]:
    """(True, the typed state) when an unsaved save would write figure `key`."""
    for command in reversed(commands):
        for changed, state in getattr(command, "changes", None) or []:
            if changed == key:
                return True, state
    return False, None


class UnsavedBar(QWidget):
    """In the status bar while saves wait: how many, and "Thử lại"."""

    def __init__(self, context: Any) -> None:
        super().__init__()
        self.context = context
        self.label = QLabel()
        self.label.setObjectName("unsavedCount")
        self.label.setStyleSheet(f"color: {UNSAVED_COLOR.name()}; font-weight: bold")
        self.retry = QPushButton(self.tr("Thử lại"))
        self.retry.setObjectName("retryUnsaved")
        self.retry.clicked.connect(context.retry_unsaved)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.retry)
        context.unsaved_changed.connect(self.show_count)
        self.show_count()

    def show_count(self) -> None:
        count = len(self.context.unsaved)
        self.label.setText(self.tr("{0} lần lưu chưa lưu được (mất kết nối)").format(count))
        self.setVisible(count > 0)
