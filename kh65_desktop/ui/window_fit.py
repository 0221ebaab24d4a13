"""Keeping a window on the screen it opens on: frame and taskbar included, and a geometry
remembered on a larger or a since-removed monitor brought back fully visible."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QRect, QSize
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

# Title bar and borders as Windows 10/11 draw them at 100 %, used until the window system
# has framed the window and says how thick its frame really is.
ASSUMED_FRAME = QMargins(8, 32, 8, 8)


def clip_to(frame: QRect, available: QRect) -> QRect:
    """`frame` made no larger than `available`, then moved inside it."""
    width = min(frame.width(), available.width())
    height = min(frame.height(), available.height())
    left = min(max(frame.left(), available.left()), available.left() + available.width() - width)
    top = min(max(frame.top(), available.top()), available.top() + available.height() - height)
    return QRect(left, top, width, height)


def frame_margins(window: QWidget) -> QMargins:
    """The frame around the client area: measured once shown, assumed before."""
    if window.isVisible():
        frame, inner = window.frameGeometry(), window.geometry()
        return QMargins(
            inner.left() - frame.left(),
            inner.top() - frame.top(),
            frame.right() - inner.right(),
            frame.bottom() - inner.bottom(),
        )
    return ASSUMED_FRAME


def screen_of(frame: QRect) -> QScreen:
    """The screen under the window's centre; the primary one if that monitor is gone."""
    return QGuiApplication.screenAt(frame.center()) or QGuiApplication.primaryScreen()


def place_centred(window: QWidget, preferred: QSize) -> None:
    """The first start: `preferred` size (frame included) centred on the primary screen."""
    available = QGuiApplication.primaryScreen().availableGeometry()
    frame = QRect(0, 0, preferred.width(), preferred.height())
    frame.moveCenter(available.center())
    window.setGeometry(clip_to(frame, available) - frame_margins(window))


def fit_on_screen(window: QWidget) -> None:
    """Shrink and move the window so that all of it, frame included, is on one screen's
    available area (the taskbar excluded)."""
    if window.isMaximized() or window.isFullScreen():
        return
    margins = frame_margins(window)
    frame = window.geometry() + margins
    fitted = clip_to(frame, screen_of(frame).availableGeometry()) - margins
    if fitted != window.geometry():
        window.setGeometry(fitted)
