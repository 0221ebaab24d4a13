"""On a PostgreSQL server, the window redraws what another clerk saved moments ago without
anyone reloading: a QSocketNotifier wakes on the listening connection's socket
(storage/change_notices.py). A figure being typed is never thrown away: while a cell's
editor is open the redraw waits until it closes."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QApplication

from ..storage.change_notices import ChangeListener, new_window_id, tag_window
from .context import AppContext

log = logging.getLogger(__name__)
_GATHER_MS = 100  # notices of one save arrive together: one redraw for them
_RETRY_MS = 300  # while the clerk is typing in a cell: look again shortly


def _typing_in_a_cell() -> bool:
    """Whether a cell editor is open in any table of the app, focused or not (the clerk may
    be reading another window, the cell half typed)."""
    return any(
        view.state() == QAbstractItemView.State.EditingState
        for top in QApplication.topLevelWidgets()
        for view in top.findChildren(QAbstractItemView)
    )


class LiveRefresh(QObject):
    """Listens for others' changes to the window's server database and redraws the views."""

    refreshed = Signal(object)  # the tables others changed: the views read them again

    def __init__(self, context: AppContext) -> None:
        super().__init__(context)
        self.context = context
        window_id = new_window_id()
        tag_window(context.engine, window_id)
        self.listener = ChangeListener(context.engine, window_id)
        self.pending: set[str] = set()
        self.deferred = 0  # redraws put off while the clerk typed in a cell
        self.notifier = QSocketNotifier(self.listener.fileno(), QSocketNotifier.Type.Read, self)
        self.notifier.activated.connect(self._read)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._redraw)

    def _read(self) -> None:
        try:
            self.pending |= self.listener.changed_tables()
        except Exception:  # the server went away: the window's own writes say so
            log.exception("Không đọc được thông báo thay đổi từ máy chủ")
            self.notifier.setEnabled(False)
            return
        if self.pending and not self.timer.isActive():
            self.timer.start(_GATHER_MS)

    def _redraw(self) -> None:
        if _typing_in_a_cell():
            self.deferred += 1
            self.timer.start(_RETRY_MS)
            return
        tables, self.pending = self.pending, set()
        self.context.notify()
        self.refreshed.emit(tables)

    def close(self) -> None:
        self.notifier.setEnabled(False)
        self.listener.close()


def follow_server(context: AppContext) -> LiveRefresh | None:
    """Start following others' changes when the window works on a server; None on a file."""
    if context.engine.dialect.name != "postgresql":
        return None
    return LiveRefresh(context)
