"""The one way long work leaves the GUI thread: a job on the thread pool, progress shown
only if it takes a while (a busy dialog after 600 ms), the result back by signal."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger(__name__)
SHOW_PROGRESS_AFTER_MS = 600


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(str)


class Job(QRunnable):
    """Runs `work` on a pool thread; `signals` report back on the GUI thread."""

    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__()
        self.work = work
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as exc:  # noqa: BLE001 - reported to the clerk, never lost
            log.exception("Công việc nền không thành công")
            self.signals.failed.emit(str(exc))
            return
        self.signals.done.emit(result)


def run_in_background(parent: QWidget, label: str, work: Callable[[], Any],
                      on_done: Callable[[Any], None],
                      on_failed: Callable[[str], None]) -> Job:
    """Start `work`; the window stays responsive and shows progress if it is slow."""
    job = Job(work)
    dialog = QProgressDialog(label, "", 0, 0, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setCancelButton(None)
    dialog.setMinimumDuration(0)
    dialog.reset()  # hidden until the timer decides
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.timeout.connect(dialog.show)
    timer.start(SHOW_PROGRESS_AFTER_MS)

    def finish() -> None:
        timer.stop()
        dialog.close()
        dialog.deleteLater()

    job.signals.done.connect(lambda result: (finish(), on_done(result)))
    job.signals.failed.connect(lambda message: (finish(), on_failed(message)))
    QThreadPool.globalInstance().start(job)
    return job
