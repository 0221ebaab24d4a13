"""A view that follows the data lazily: redrawn at once when visible, else when next shown.

Used by the overview, a read-only dashboard whose 1.000-bar chart takes 0,7 s to redraw on a
large plan. The editing tabs refresh at once: their actions read their own rows."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from ..context import AppContext


class _RefreshWhenShown(QObject):
    """On a hidden view a change only marks it stale: a clerk typing figure after figure in
    another tab should not wait for it."""

    def __init__(self, tab: QWidget, refresh: Callable[[], None]) -> None:
        super().__init__(tab)
        self.tab, self.refresh, self.stale = tab, refresh, False
        tab.installEventFilter(self)

    def changed(self) -> None:
        if self.tab.isVisible():
            self.refresh()
        else:
            self.stale = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Show and self.stale:
            self.stale = False
            self.refresh()
        return False


def follow_changes(tab: QWidget, context: AppContext, refresh: Callable[[], None]) -> None:
    """Call `refresh` after every change to the data, while or once `tab` is shown."""
    keeper = _RefreshWhenShown(tab, refresh)
    context.changed.connect(keeper.changed)
