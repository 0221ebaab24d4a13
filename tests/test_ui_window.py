"""The main window as a clerk meets it: on the screen, keyboard first, help at hand."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow

from kh65_desktop.ui.window_fit import clip_to

from .ui_helpers import open_window, settings_in


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
