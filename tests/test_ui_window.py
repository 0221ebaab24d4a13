"""The main window as a clerk meets it: on the screen, keyboard first, help at hand."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QStandardPaths, Qt
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtPrintSupport import QPrintPreviewWidget
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QMainWindow,
    QPushButton,
)

from kh65_desktop import __version__
from kh65_desktop.logging_setup import log_path
from kh65_desktop.storage.backup import backup_folder
from kh65_desktop.ui import prompts
from kh65_desktop.ui.dialogs import help as help_dialogs
from kh65_desktop.ui.dialogs.clerk import clerk_dialog
from kh65_desktop.ui.dialogs.help import AboutDialog
from kh65_desktop.ui.views import frame_colour
from kh65_desktop.ui.window_fit import ASSUMED_FRAME, clip_to

from .ui_helpers import answering, column, fill_form, open_window, settings_in


def test_a_remembered_window_is_clipped_to_the_screen() -> None:
    laptop = QRect(0, 0, 1366, 728)  # 1366×768 less a 40-pixel taskbar
    # remembered on a 1920×1080 second monitor to the right, since unplugged
    assert clip_to(QRect(1500, 40, 1900, 1040), laptop) == QRect(0, 0, 1366, 728)
    # taller than the laptop and half below its bottom edge
    assert clip_to(QRect(100, 300, 800, 900), laptop) == QRect(100, 0, 800, 728)
    # already inside: left alone
    assert clip_to(QRect(10, 20, 600, 400), laptop) == QRect(10, 20, 600, 400)
    # a screen that does not start at 0,0 (a monitor left of the primary one)
    assert clip_to(QRect(-100, 0, 900, 700), QRect(-1280, 0, 1280, 984)) == QRect(-900, 0, 900, 700)


def _fits(window: QMainWindow, available: QRect) -> bool:
    """All of the window on the screen's available area; only its minimum width (the
    offscreen test screen is 800 pixels wide, narrower than any clerk's) may stick out."""
    frame = window.frameGeometry()
    return (
        frame.top() >= available.top()
        and frame.left() >= available.left()
        and frame.bottom() <= available.bottom()
        and window.width() <= max(available.width(), window.layout().minimumSize().width())
    )


def test_the_first_window_fits_the_screen(qtbot, db_path: Path, tmp_path: Path) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    available = window.screen().availableGeometry()
    assert _fits(window, available), (window.frameGeometry(), available)
    status = window.statusBar()
    assert status.isVisible()
    assert status.mapToGlobal(status.rect().bottomLeft()).y() <= available.bottom()


def test_a_window_remembered_on_a_larger_monitor_comes_back_visible(
    qtbot, db_path: Path, tmp_path: Path
) -> None:
    big = QMainWindow()
    qtbot.addWidget(big)
    big.setGeometry(2600, 200, 2400, 1400)  # a 4K monitor right of this one
    settings = settings_in(tmp_path)
    settings.save_state("main_window", big.saveGeometry())
    settings.sync()
    window = open_window(qtbot, db_path, tmp_path)
    available = QGuiApplication.primaryScreen().availableGeometry()
    assert _fits(window, available), (window.frameGeometry(), available)


def _activate(qtbot, window: QMainWindow) -> None:  # type: ignore[no-untyped-def]
    """Keys and focus go to the active window only, as on a desktop."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)


def test_ctrl_f_goes_to_the_search_box_of_the_tab(qtbot, db_path: Path, tmp_path: Path) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    _activate(qtbot, window)
    window.tabs.setCurrentWidget(window.tasks)
    window.tasks.table.setFocus()
    qtbot.keyClick(window.tasks.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.tasks.search
    # Tổng quan has no search box: Ctrl+F goes to the indicators' one
    window.tabs.setCurrentWidget(window.overview)
    window.tabs.setFocus()
    qtbot.keyClick(window.tabs, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.indicators
    assert QApplication.focusWidget() is window.indicators.search


def test_tab_leaves_a_table(qtbot, db_path: Path, tmp_path: Path) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    _activate(qtbot, window)
    window.tabs.setCurrentWidget(window.indicators)
    table = window.indicators.table
    table.setFocus()
    table.setCurrentIndex(table.model().index(2, 1))
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert not table.hasFocus()
    assert (table.currentIndex().row(), table.currentIndex().column()) == (2, 1)


def test_the_current_cell_is_framed_and_kept_in_sight(qtbot, db_path: Path, tmp_path: Path) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    _activate(qtbot, window)
    window.tabs.setCurrentWidget(window.indicators)
    table = window.indicators.table
    table.setFocus()
    proxy = table.model()
    code = proxy.index(0, 0).data()
    table.setCurrentIndex(proxy.index(0, column(proxy, "value")))
    table.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # the first row goes to the end
    current = table.currentIndex()
    assert proxy.index(current.row(), 0).data() == code and current.row() > 20
    rect = table.visualRect(current)
    assert table.viewport().rect().contains(rect)
    image = table.viewport().grab().toImage()
    middle = rect.center().y()
    frame = frame_colour(table.palette(), on_selected_row=True)  # white on the row's blue
    assert frame != table.palette().color(QPalette.ColorRole.Highlight)
    assert image.pixelColor(rect.left() + 1, middle) == frame
    assert image.pixelColor(rect.right() - 1, middle) == frame
    # the cells beside it are not framed
    assert image.pixelColor(rect.left() - 3, middle) != frame


def test_print_preview_opens_at_page_width(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    dialog = window.open_report()
    shown = []
    monkeypatch.setattr(prompts, "run_dialog", lambda d: shown.append(d) or False)
    dialog.findChild(QPushButton, "preview").click()
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    preview = shown[0].findChild(QPrintPreviewWidget)
    assert preview.zoomMode() is QPrintPreviewWidget.ZoomMode.FitToWidth


def test_save_dialogs_start_in_documents_and_remember_the_folder(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "home" / ".config"))
    documents = Path(
        QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    )
    assert documents == tmp_path / "home" / "Documents"
    documents.mkdir(parents=True)
    window = open_window(qtbot, db_path, tmp_path)
    report = window.open_report()
    report.kind.setCurrentIndex(0)
    report.agency.setCurrentIndex(report.agency.findText("Sở Tài chính"))
    report.period.setCurrentIndex(report.period.findText("6 tháng đầu năm 2024"))
    elsewhere = tmp_path / "Báo cáo gửi UBND"
    elsewhere.mkdir()
    asked: list[Path] = []

    def choose(dialog: QFileDialog) -> bool:
        asked.append(Path(dialog.directory().absolutePath()))
        assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.selectFile(str(elsewhere / Path(dialog.selectedFiles()[0]).name))
        dialog.accept()
        return True

    monkeypatch.setattr(prompts, "run_dialog", choose)
    report.findChild(QPushButton, "savePdf").click()
    qtbot.waitUntil(lambda: report.status.text().startswith("Đã lưu"), timeout=20000)
    assert asked == [documents]
    saved = elsewhere / "Bao-cao-So-Tai-chinh-6-thang-dau-nam-2024.pdf"
    assert saved.exists()

    asked.clear()
    monkeypatch.setattr(prompts, "run_dialog", lambda d: asked.append(d) or False)
    window.indicators.findChild(QPushButton, "exportTable").click()
    assert Path(asked[0].directory().absolutePath()) == elsewhere
    # and after a restart: the folder is in the settings
    assert settings_in(tmp_path).save_folder == str(elsewhere)


def test_f1_opens_the_guide_with_this_computers_folders(
    qtbot, db_path: Path, tmp_path: Path
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    _activate(qtbot, window)
    assert [a.text() for a in window.menuBar().actions()][-1] == "Trợ &giúp"
    qtbot.keyClick(window.tabs, Qt.Key.Key_F1)
    guide = window.help_dialog
    assert guide.isVisible() and guide.windowTitle() == "Hướng dẫn sử dụng"
    text = guide.browser.toPlainText()
    for tab in ("Tổng quan", "Cơ quan", "Chỉ tiêu", "Nhiệm vụ", "Địa bàn"):
        assert tab in text
    assert "Nhập số liệu từ tệp" in text and "Xuất số liệu" in text
    assert str(db_path) in text and str(db_path.parent / "backups") in text
    assert "$" not in text  # every place filled in


def test_about_says_version_and_where_everything_is(qtbot, db_path: Path, tmp_path: Path) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    about = AboutDialog(window.context, window)
    qtbot.addWidget(about)
    assert about.windowTitle() == "Giới thiệu KH65 Desktop"
    labels = " ".join(label.text() for label in about.findChildren(QLabel))
    assert f"phiên bản {__version__}" in labels
    assert about.paths["database"].text() == str(db_path)
    assert about.paths["data"].text() == str(db_path.parent)
    assert about.paths["backups"].text() == str(backup_folder(db_path))
    assert about.paths["logs"].text() == str(log_path().parent)


def test_the_first_start_says_why_it_asks_for_the_name(
    qtbot, db_path: Path, tmp_path: Path
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    dialog = clerk_dialog(window.context, window)
    qtbot.addWidget(dialog)
    why = dialog.findChild(QLabel, "why").text()
    assert "bên cạnh mỗi số liệu" in why and "lịch sử" in why


def test_a_removed_last_folder_falls_back_to_documents(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "home" / ".config"))
    documents = tmp_path / "home" / "Documents"
    documents.mkdir(parents=True)
    usb = tmp_path / "USB"
    settings = settings_in(tmp_path)
    settings.save_folder = str(usb)  # a USB stick since taken out
    settings.sync()
    open_window(qtbot, db_path, tmp_path)
    assert prompts.start_folder() == documents
    usb.mkdir()
    assert prompts.start_folder() == usb


def test_the_window_fits_a_1024_pixel_screen(qtbot, db_path: Path, tmp_path: Path) -> None:
    """Long agency names in the filters no longer set the window's minimum width."""
    window = open_window(qtbot, db_path, tmp_path)
    frame = ASSUMED_FRAME.left() + ASSUMED_FRAME.right()
    assert window.layout().minimumSize().width() + frame <= 1024


def test_exported_figures_are_offered_a_name_with_agency_and_period(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    monkeypatch.setattr(
        prompts,
        "run_dialog",
        answering(lambda d: fill_form(d, agency="Sở Tài chính", period="6 tháng đầu năm 2024")),
    )
    offered: list[str] = []
    monkeypatch.setattr(prompts, "save_file", lambda _p, _t, name, _f: offered.append(name))
    window.export_data()
    assert offered == ["So-lieu-So-Tai-chinh-6-thang-dau-nam-2024.kh65"]


def test_enter_closes_about_and_opens_no_folder(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Seen at 1366×768: Giới thiệu opened with “Mở thư mục dữ liệu” as the button Enter
    presses, so Enter started a file manager instead of closing the dialog."""
    opened: list[object] = []
    monkeypatch.setattr(help_dialogs.QDesktopServices, "openUrl", opened.append)
    window = open_window(qtbot, db_path, tmp_path)
    about = AboutDialog(window.context, window)
    qtbot.addWidget(about)
    about.show()
    qtbot.waitExposed(about)
    about.activateWindow()
    qtbot.keyClick(about.focusWidget() or about, Qt.Key.Key_Return)
    assert opened == []
    assert not about.isVisible()
