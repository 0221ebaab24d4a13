"""Qt's own buttons and dialogs in Vietnamese (Qt ships no Vietnamese: the app's file)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QLineEdit, QMessageBox

from kh65_desktop.ui import prompts
from kh65_desktop.ui.app import install_translation

from .test_translations import FOLDER, _tool


@pytest.fixture
def vietnamese(qapp: QApplication):  # type: ignore[no-untyped-def]
    translators = install_translation(qapp, "vi")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


def _plain(text: str) -> str:
    """A button's text as read: without its Alt-key marker."""
    return text.replace("&", "")


def test_message_box_and_button_box_speak_vietnamese(vietnamese, qtbot) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "KH65 Desktop",
        "Xóa kỳ báo cáo?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
    )
    qtbot.addWidget(box)
    assert sorted(_plain(b.text()) for b in box.buttons()) == ["Có", "Không"]
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok
        | QDialogButtonBox.StandardButton.Cancel
        | QDialogButtonBox.StandardButton.Close
        | QDialogButtonBox.StandardButton.Save
        | QDialogButtonBox.StandardButton.Discard
    )
    qtbot.addWidget(buttons)
    texts = {_plain(b.text()) for b in buttons.buttons()}
    # the same words as the app's own buttons (views.dialog_buttons: "Đồng ý", "Hủy")
    assert texts == {"Đồng ý", "Hủy", "Đóng", "Lưu", "Bỏ thay đổi"}


def test_file_dialog_and_print_preview_speak_vietnamese(vietnamese, qtbot, tmp_path: Path) -> None:
    dialog = prompts.file_dialog(None, "Lưu báo cáo", tmp_path, "Tệp PDF (*.pdf)")
    qtbot.addWidget(dialog)
    dialog.setAcceptMode(dialog.AcceptMode.AcceptSave)
    labels = {_plain(label.text()) for label in dialog.findChildren(QLabel)}
    assert {"Tìm trong:", "Tên tệp:", "Loại tệp:"} <= labels
    accept = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    assert _plain(accept.text()) == "Lưu"

    preview = QPrintPreviewDialog(QPrinter())
    qtbot.addWidget(preview)
    actions = {a.text() for a in preview.findChildren(QAction)}
    assert {"Vừa chiều rộng", "Trang sau", "In", "Thiết lập trang"} <= actions


def test_the_edit_menu_of_a_text_box_speaks_vietnamese(vietnamese, qtbot) -> None:
    edit = QLineEdit("3.300,5")
    qtbot.addWidget(edit)
    menu = edit.createStandardContextMenu()
    texts = [_plain(a.text()).split("\t")[0] for a in menu.actions() if a.text()]
    assert {"Hoàn tác", "Cắt", "Sao chép", "Dán", "Xóa", "Chọn tất cả"} <= set(texts)


def test_the_qt_vietnamese_file_is_compiled(tmp_path: Path) -> None:
    compiled = tmp_path / "kh65_qt_vi.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), str(FOLDER / "kh65_qt_vi.ts"), "-qm", str(compiled)],
        check=True,
        capture_output=True,
    )
    assert compiled.read_bytes() == (FOLDER / "kh65_qt_vi.qm").read_bytes()
