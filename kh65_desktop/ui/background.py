"""The one way long work leaves the GUI thread: a job on the thread pool, progress shown
only if it takes a while (a busy dialog after 600 ms), the result back on the GUI thread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from ..storage.failures import explain_any

log = logging.getLogger(__name__)
SHOW_PROGRESS_AFTER_MS = 600
_running: set[Job] = set()  # keeps each job alive until its result is delivered


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(str)


class _Relay(QObject):
    """Lives on the GUI thread, so the job's signals reach it queued, never on the worker."""

    def __init__(
        self,
        parent: QWidget,
        job: Job,
        on_done: Callable[[Any], None],
        on_failed: Callable[[str], None],
        progress: QProgressDialog,
        timer: QTimer,
    ) -> None:
        super().__init__(parent)
        self.job, self.on_done, self.on_failed = job, on_done, on_failed
        self.progress, self.timer = progress, timer

    def _finish(self) -> None:
        self.timer.stop()
        self.progress.close()
        self.progress.deleteLater()
        _running.discard(self.job)
        self.deleteLater()

    @Slot(object)
    def done(self, result: object) -> None:
        self._finish()
        self.on_done(result)

    @Slot(str)
    def failed(self, message: str) -> None:
        self._finish()
        self.on_failed(message)


class Job(QRunnable):
    """Runs `work` on a pool thread and reports through `signals`."""

    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.work = work
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as exc:  # noqa: BLE001 - reported to the clerk, never lost
            log.exception("Công việc nền không thành công")
            # a full disk, a read-only file, a locked database: said in Vietnamese
            self.signals.failed.emit(explain_any(exc))
            return
        self.signals.done.emit(result)


def run_in_background(
    parent: QWidget,
    label: str,
    work: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_failed: Callable[[str], None],
) -> Job:
    """Start `work`; the window stays responsive and shows progress if it is slow."""
    job = Job(work)
    progress = QProgressDialog(label, "", 0, 0, parent)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setCancelButton(None)
    progress.reset()  # hidden until the timer decides it is slow enough to show
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.timeout.connect(progress.show)
    relay = _Relay(parent, job, on_done, on_failed, progress, timer)
    job.signals.done.connect(relay.done)
    job.signals.failed.connect(relay.failed)
    _running.add(job)
    timer.start(SHOW_PROGRESS_AFTER_MS)
    QThreadPool.globalInstance().start(job)
    return job
