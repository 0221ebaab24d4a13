"""What every part of the window shares: the services, the plan, the clerk, the undo stack."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from ..services.editing import EditService, StaleFigures, StaleTask
from ..services.plan_service import PlanService
from ..services.plans import choose_plan, plan_or_newest
from ..services.rows import AgencyRow, IndicatorRow, TaskRow
from ..storage.engines import is_connection_lost
from ..storage.failures import explain_any
from ..storage.models import Period, Plan
from .background import run_in_background
from .save_conflicts import keep_mine, keep_task, not_saved_text, task_not_saved_text
from .settings import AppSettings
from .unsaved_saves import ask_retry, kept_text, still_lost_text, superseded

if TYPE_CHECKING:
    from .commands import ServiceCommand

log = logging.getLogger(__name__)


class AppContext(QObject):
    """Emits `changed` after every write, so every view shows the new figures at once."""

    changed = Signal()
    plan_switched = Signal()  # another plan is shown: before `changed`, so views can reset
    message = Signal(str)  # a notice for the status bar
    error = Signal(str)  # a write that failed: shown to the clerk, nothing changed
    unsaved_changed = Signal()  # saves kept after a lost connection came or went

    def __init__(
        self, engine: Engine, settings: AppSettings, today: Callable[[], date] = date.today
    ) -> None:
        super().__init__()
        self.engine = engine
        self.plans = PlanService(engine)
        self.edits = EditService(engine)
        self.settings = settings
        self.today = today
        self.undo_stack = QUndoStack(self)
        self.plan: Plan = plan_or_newest(engine, settings.plan_code)
        self._cache: dict[tuple, Any] = {}
        self.unsaved: list[ServiceCommand] = []  # kept after a lost connection, in order

    def switch_plan(self, code: str) -> None:
        """Show another plan in the whole window, and open on it next time."""
        self.show_plan(code)
        self.notify()

    def show_plan(self, code: str) -> None:
        """Make `code` the window's plan; the views redraw at the next `notify` (a command
        notifies once after its write)."""
        self.plan = choose_plan(self.engine, code)
        self.settings.plan_code = self.plan.code
        self._cache.clear()
        self.plan_switched.emit()

    @property
    def clerk(self) -> str:
        return self.settings.clerk_name or "Không rõ"

    def periods(self) -> list[Period]:
        return self.plans.periods(self.plan)

    def latest_period(self) -> Period | None:
        periods = self.periods()
        return periods[-1] if periods else None

    def notify(self) -> None:
        """The data changed: forget what was read, then let every view read it again."""
        self._cache.clear()
        self.changed.emit()

    def _cached(self, key: tuple, read: Callable[[], Any]) -> Any:
        """One read per change, shared by every tab (a large plan takes a while to read)."""
        if key not in self._cache:
            self._cache[key] = read()
        return self._cache[key]

    def indicator_rows(self, period: Period | None = None) -> list[IndicatorRow]:
        return self._cached(
            ("rows", period.id if period else None),
            lambda: self.plans.indicator_rows(self.plan, period),
        )

    def tasks(self) -> list[TaskRow]:
        return self._cached(("tasks",), lambda: self.plans.tasks(self.plan, self.today()))

    def agencies(self) -> list[AgencyRow]:
        return self._cached(("agencies",), lambda: self.plans.agencies(self.plan))

    def push(self, command: ServiceCommand, keep_unsaved: bool = True) -> bool:
        """Do a clerk's action and put it on the undo stack; on failure say why. Figures
        another clerk wrote since this window read them are the clerk's choice: keep theirs
        (write again over the versions now seen) or take the others' (nothing written).
        A lost connection offers to try again; "Để sau" keeps the save (`keep_unsaved`; a
        form that stays open with the typed figures does not) to be tried before the next."""
        if self.unsaved:
            self._drop_superseded(command)
            self.retry_unsaved()
        while True:
            try:
                if not self._perform(command):
                    return False
                break
            except (SQLAlchemyError, LookupError, ValueError) as exc:
                if isinstance(exc, SQLAlchemyError) and is_connection_lost(exc):
                    log.warning("Mất kết nối khi lưu: %s", exc)
                    if ask_retry(QApplication.activeWindow(), command):
                        continue
                    if keep_unsaved:
                        self.unsaved.append(command)
                        self.unsaved_changed.emit()
                    self.error.emit(kept_text(command, keep_unsaved))
                    return False
                log.exception("Ghi dữ liệu không thành công")
                self._refuse(explain_any(exc))  # a full disk or read-only file: in Vietnamese
                return False
        self._record(command)
        return True

    def _perform(self, command: ServiceCommand) -> bool:
        """The first write, asking about figures written since they were read; False when
        the clerk took the others' (nothing written)."""
        while True:
            try:
                command.perform()
                return True
            except StaleFigures as stale:
                if not self._keep_mine(stale):
                    self.notify()  # the others' figures are shown
                    self.error.emit(not_saved_text(stale.conflicts))
                    return False
                command.keep_mine(stale.conflicts)  # type: ignore[attr-defined]
            except StaleTask as stale:
                if not keep_task(QApplication.activeWindow(), stale, self.today()):
                    self.notify()
                    self.error.emit(task_not_saved_text(stale))
                    return False
                command.keep_mine(stale)  # type: ignore[attr-defined]

    def retry_unsaved(self) -> bool:
        """Try the kept saves again, oldest first (each as it was: the same versions read);
        True when none is left. Still no connection: they stay, and the clerk is told."""
        while self.unsaved:
            command = self.unsaved[0]
            try:
                done = self._perform(command)
            except (SQLAlchemyError, LookupError, ValueError) as exc:
                if isinstance(exc, SQLAlchemyError) and is_connection_lost(exc):
                    self.error.emit(still_lost_text(len(self.unsaved)))
                    return False
                log.exception("Ghi dữ liệu không thành công")
                self._refuse(explain_any(exc))
                done = False
            self.unsaved.pop(0)
            self.unsaved_changed.emit()
            if done:
                self._record(command)
        return True

    def _drop_superseded(self, command: ServiceCommand) -> None:
        """A new save of the same figures replaces a kept one (it was typed later)."""
        kept = [c for c in self.unsaved if not superseded(c, command)]
        if len(kept) != len(self.unsaved):
            self.unsaved = kept
            self.unsaved_changed.emit()

    def push_in_background(
        self,
        parent: QWidget,
        command: ServiceCommand,
        label: str,
        on_pushed: Callable[[], None],
        on_refused: Callable[[str], None],
    ) -> None:
        """`push` for a write that takes seconds (an import of many figures): done on a
        worker thread, progress shown, the window redrawn meanwhile; then on the undo stack."""

        def done(_: object) -> None:
            command.performed()
            self._record(command)
            on_pushed()

        def refused(problem: str) -> None:  # the worker has logged it
            self._refuse(problem)
            on_refused(problem)

        run_in_background(parent, label, command.do, done, refused)

    def _keep_mine(self, stale: StaleFigures) -> bool:
        names = {row.id: row.name for row in self.indicator_rows()}
        return keep_mine(QApplication.activeWindow(), stale.conflicts, names, self.today())

    def _record(self, command: ServiceCommand) -> None:
        self.undo_stack.push(command)  # already performed: the stack's redo() does nothing
        self.message.emit(self.tr("Đã lưu: {0}").format(command.text()))

    def _refuse(self, problem: str) -> None:
        self.error.emit(
            self.tr("Không lưu được thay đổi: {0}. Dữ liệu không bị thay đổi.").format(
                problem.rstrip(". ")  # the service's sentence ends with its own full stop
            )
        )
