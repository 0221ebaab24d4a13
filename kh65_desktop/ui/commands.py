"""Each clerk action is one QUndoCommand that calls the edit service.

A command does its first write before it is pushed (`perform`), so a failed write shows
an error and never lands on the undo stack; later redos and undos repeat the write.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QApplication
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import SQLModel

from ..domain.numbers import format_number
from ..domain.terms import TaskStatus
from ..services.editing import (
    FigureConflict,
    ReadVersions,
    StaleTask,
    TaskSnapshot,
    ValueKey,
    ValueState,
)
from ..services.guarded_edits import (
    delete_unless_used,
    set_locality_target_unless_changed,
    set_values_unless_changed,
    update_fields_unless_changed,
)
from ..services.kept import KeptItem
from ..services.localities import load, undo_load
from ..services.report_texts import ReportTextService, SectionKey, SectionState, checked_text
from ..storage.locality_file import LocalityList
from ..storage.models import Task
from . import prompts
from .context import AppContext
from .kept_text import kept_lines

log = logging.getLogger(__name__)


class ServiceCommand(QUndoCommand):
    """Base: `do()` and `undo_()` talk to the services; every view refreshes after."""

    def __init__(self, context: AppContext, text: str) -> None:
        super().__init__(text)
        self.context = context
        self._performed = False
        self._undone = False
        self.plan_code = context.plan.code  # the plan it was done in: undo shows that plan

    def _show_own_plan(self) -> None:
        """An undo or redo of an edit made in another plan first shows that plan, so the
        clerk sees what is undone (the plan may be gone since: then stay)."""
        if self.context.plan.code != self.plan_code:
            try:
                self.context.show_plan(self.plan_code)
            except LookupError:
                pass

    def perform(self) -> None:
        """The first write; raises if it fails, before the command reaches the stack."""
        self.do()
        self.performed()

    def performed(self) -> None:
        """The first write is done (here, or on a worker thread): every view refreshes."""
        self._performed = True
        self.context.notify()

    def redo(self) -> None:
        if not self._performed:  # pushed without perform(): do it now
            self.perform()
            return
        if self._undone:
            self._show_own_plan()
            if self._write_or_say(self.do, undoing=False):
                self._undone = False
            self.context.notify()

    def undo(self) -> None:
        # after a failed redo nothing is left to undo; the stack moves on either way, and
        # the command keeps whether its write happened, so the next Ctrl+Y/Ctrl+Z match it
        if not self._undone:
            self._show_own_plan()
            if self._write_or_say(self.undo_, undoing=True):
                self._undone = True
        self.context.notify()

    def _write_or_say(self, write: Callable[[], None], undoing: bool) -> bool:
        """Run an undo or redo; if it fails (another program holds the database, the row is
        gone), say so rather than raise inside Qt's undo stack."""
        try:
            write()
        except (SQLAlchemyError, LookupError, ValueError) as exc:
            log.exception("Hoàn tác hoặc làm lại không thành công")
            reason = (
                QCoreApplication.translate(
                    "Commands",
                    "cơ sở dữ liệu đang bận (một chương trình khác đang ghi) hoặc không ghi "
                    "được. Hãy thử lại sau",
                )
                if isinstance(exc, SQLAlchemyError)
                else str(exc).rstrip(".")
            )
            text = (
                QCoreApplication.translate(
                    "Commands", "Không hoàn tác được «{0}»: {1}. Dữ liệu không bị thay đổi."
                )
                if undoing
                else QCoreApplication.translate(
                    "Commands", "Không làm lại được «{0}»: {1}. Dữ liệu không bị thay đổi."
                )
            )
            title = QCoreApplication.translate("Commands", "Hoàn tác hoặc làm lại không thành công")
            self._tell(text.format(self.text(), reason), title=title)
            return False
        return True

    def do(self) -> None:
        raise NotImplementedError

    def undo_(self) -> None:
        raise NotImplementedError

    def tell_kept(self, kept: list[KeptItem], undoing: bool, figures: bool = True) -> None:
        """Say which figures (or, for an import, items) the undo (or redo) left alone:
        written since elsewhere."""
        if not kept:
            return
        text = (
            QCoreApplication.translate(
                "Commands", "Không hoàn tác «{0}» cho {1} mục đã được sửa sau đó:"
            )
            if undoing and not figures
            else QCoreApplication.translate(
                "Commands", "Không hoàn tác «{0}» cho {1} số liệu đã được sửa ở nơi khác sau đó:"
            )
            if undoing
            else QCoreApplication.translate(
                "Commands", "Không làm lại «{0}» cho {1} số liệu đã được sửa ở nơi khác sau đó:"
            )
        )
        self._tell(text.format(self.text(), format_number(len(kept))), kept_lines(kept))

    def tell_changed_since(self, undoing: bool) -> None:
        """Say the undo (or redo) wrote nothing: someone changed the row since."""
        text = (
            QCoreApplication.translate(
                "Commands", "Không hoàn tác «{0}»: dữ liệu đã được sửa ở nơi khác sau đó."
            )
            if undoing
            else QCoreApplication.translate(
                "Commands", "Không làm lại «{0}»: dữ liệu đã được sửa ở nơi khác sau đó."
            )
        )
        self._tell(text.format(self.text()))

    def _tell(self, summary: str, details: str = "", title: str = "") -> None:
        """In the status bar, and in a message the clerk must close (it is easily missed)."""
        self.context.error.emit(summary)
        title = title or QCoreApplication.translate("Commands", "Có dữ liệu được giữ nguyên")
        text = f"{summary}\n\n{details}" if details else summary
        prompts.show_error(QApplication.activeWindow(), title, text)


class SetValuesCommand(ServiceCommand):
    """Set one or many figures (a whole period's form) at once. Undo and redo touch only
    the figures still as this command's last write left them (another process may have
    written some since) and say which they left alone."""

    def __init__(
        self,
        context: AppContext,
        changes: list[tuple[ValueKey, ValueState | None]],
        text: str,
        read: ReadVersions | None = None,
    ) -> None:
        super().__init__(context, text)
        self.changes = changes
        self.read = dict(read or {})  # the versions the clerk saw: the first write checks them
        self.previous: list[tuple[ValueKey, ValueState | None]] = []
        self._last: tuple[str, datetime] | None = None  # who wrote them last here, and when
        self._live: set[ValueKey] = set()  # the figures still this command's to undo or redo

    def do(self) -> None:
        if self._last is None:  # the first write
            now = datetime.now(UTC)
            self.previous = self.context.edits.set_values(
                self.changes, self.context.clerk, now, self.read
            )
            self._last, self._live = (self.context.clerk, now), {k for k, _ in self.changes}
        else:
            self._write(self.changes, undoing=False)

    def undo_(self) -> None:
        self._write(self.previous, undoing=True)

    def keep_mine(self, conflicts: list[FigureConflict]) -> None:
        """The clerk keeps their figures over those written since: the next try states the
        versions seen in the conflict (written again meanwhile: asked again)."""
        self.read.update({c.key: c.version for c in conflicts})

    def _write(self, states: list[tuple[ValueKey, ValueState | None]], undoing: bool) -> None:
        assert self._last is not None
        now = datetime.now(UTC)
        written, kept = set_values_unless_changed(
            self.context.engine,
            [(key, state) for key, state in states if key in self._live],
            self.context.clerk,
            self._last,
            now,
        )
        self._last, self._live = (self.context.clerk, now), {key for key, _ in written}
        self.tell_kept(kept, undoing)


class _GuardedCommand(ServiceCommand):
    """A change to one row whose undo and redo write only if the row is still as this
    command left it; once someone else has changed it, they stop and say so."""

    def __init__(self, context: AppContext, text: str) -> None:
        super().__init__(context, text)
        self._live = True  # False once someone else changed it: undo and redo stop

    def do(self) -> None:
        if not self._performed:
            self.first_write()
        else:
            self._guarded(undoing=False)

    def undo_(self) -> None:
        self._guarded(undoing=True)

    def _guarded(self, undoing: bool) -> None:
        if self._live and not self.guarded_write(undoing):
            self._live = False
            self.tell_changed_since(undoing)

    def first_write(self) -> None:
        """The edit itself, keeping what it replaced."""
        raise NotImplementedError

    def guarded_write(self, undoing: bool) -> bool:
        """Put back what was replaced (undoing) or the edit again; False when the row is no
        longer as this command left it (nothing written)."""
        raise NotImplementedError


class SetFieldsCommand(_GuardedCommand):
    """Change plain fields of one row (a target, a name, a deadline...)."""

    def __init__(
        self,
        context: AppContext,
        model: type[SQLModel],
        key: Any,
        changes: dict[str, Any],
        text: str,
    ) -> None:
        super().__init__(context, text)
        self.model, self.key, self.changes = model, key, changes
        self.old: dict[str, Any] = {}

    def first_write(self) -> None:
        self.old = self.context.edits.update_fields(self.model, self.key, self.changes)

    def guarded_write(self, undoing: bool) -> bool:
        changes, expected = (self.old, self.changes) if undoing else (self.changes, self.old)
        written = update_fields_unless_changed(
            self.context.engine, self.model, self.key, changes, expected
        )
        return written is not None


class SetLocalityTargetCommand(_GuardedCommand):
    def __init__(
        self,
        context: AppContext,
        indicator_id: int,
        locality_id: int,
        value: float | None,
        text: str,
    ) -> None:
        super().__init__(context, text)
        self.args = (indicator_id, locality_id)
        self.value = value
        self.old: float | None = None

    def first_write(self) -> None:
        self.old = self.context.edits.set_locality_target(*self.args, self.value)

    def guarded_write(self, undoing: bool) -> bool:
        value, expected = (self.old, self.value) if undoing else (self.value, self.old)
        return set_locality_target_unless_changed(self.context.engine, *self.args, value, expected)


class AddRowCommand(ServiceCommand):
    """Add an agency, locality, period or indicator; undo removes it again."""

    def __init__(self, context: AppContext, row: SQLModel, text: str) -> None:
        super().__init__(context, text)
        self.model = type(row)
        self.fields = row.model_dump()
        self.key: Any = None

    def do(self) -> None:
        row = self.model.model_validate({**self.fields, "id": self.key})
        self.key = self.context.edits.add_row(row)

    def undo_(self) -> None:
        if not delete_unless_used(self.context.engine, self.model, self.key):
            raise LookupError(
                QCoreApplication.translate(
                    "Commands",
                    "đã có dữ liệu được nhập vào đó sau khi thêm (số liệu, nhiệm vụ…). "
                    "Hãy xoá dữ liệu đó trước nếu thật sự muốn bỏ",
                )
            )


class AddTaskCommand(ServiceCommand):
    def __init__(
        self,
        context: AppContext,
        task: Task,
        lead_ids: list[int],
        coordinating_ids: list[int],
        text: str,
    ) -> None:
        super().__init__(context, text)
        self.fields = task.model_dump()
        self.lead_ids, self.coordinating_ids = lead_ids, coordinating_ids
        self.task_id: int | None = None

    def do(self) -> None:
        task = Task.model_validate({**self.fields, "id": self.task_id})
        self.task_id = self.context.edits.add_task(task, self.lead_ids, self.coordinating_ids)

    def undo_(self) -> None:
        assert self.task_id is not None
        self.context.edits.delete_task(self.task_id)


class DeleteTaskCommand(ServiceCommand):
    def __init__(self, context: AppContext, task_id: int, text: str) -> None:
        super().__init__(context, text)
        self.task_id = task_id
        self.snapshot: TaskSnapshot | None = None

    def do(self) -> None:
        self.snapshot = self.context.edits.delete_task(self.task_id)

    def undo_(self) -> None:
        assert self.snapshot is not None
        self.context.edits.restore_task(self.snapshot)


class SetTaskStatusCommand(_GuardedCommand):
    """A task's status."""

    def __init__(
        self,
        context: AppContext,
        task_id: int,
        status: TaskStatus,
        text: str,
        read_version: int | None = None,
    ) -> None:
        super().__init__(context, text)
        self.task_id, self.status = task_id, status
        self.old = status
        self.read_version = read_version  # the version the clerk saw: the first write checks it

    def first_write(self) -> None:
        self.old = self.context.edits.set_task_status(
            self.task_id, self.status, self.context.clerk, self.read_version
        )

    def keep_mine(self, conflict: StaleTask) -> None:
        """The clerk keeps their status over the one written since (asked again if the
        task is written once more meanwhile)."""
        self.read_version = conflict.version

    def guarded_write(self, undoing: bool) -> bool:
        status, expected = (self.old, self.status) if undoing else (self.status, self.old)
        changes = {
            "status": status,
            "updated_by": self.context.clerk,
            "updated_at": datetime.now(UTC),
        }
        written = update_fields_unless_changed(
            self.context.engine, Task, self.task_id, changes, {"status": expected}
        )
        return written is not None


class SaveSectionCommand(_GuardedCommand):
    """One narrative section of a report, saved as the clerk types. The saves that follow
    it in the same section, with nothing else done between, extend this step (`extend`), so
    Ctrl+Z takes back the typing of a section, not one pause at a time."""

    def __init__(self, context: AppContext, key: SectionKey, text: str, label: str) -> None:
        super().__init__(context, label)
        self.key, self.typed = key, text
        self.old: SectionState | None = None  # before the typing
        self.new: SectionState | None = None  # as this command's last write left it

    def _texts(self) -> ReportTextService:
        return ReportTextService(self.context.engine)

    def first_write(self) -> None:
        self.old, self.new = self._texts().save(self.key, self.typed, self.context.clerk)

    def extend(self, text: str) -> bool:
        """Save more typing of the same section into this step, if the section is still as
        this step left it (else False: the caller pushes a new step). A text outside the
        rules raises RuleError, nothing written."""
        if not self._live or self._undone:
            return False
        checked = checked_text(text, self.key.kind)
        new = SectionState(checked, self.context.clerk, datetime.now(UTC)) if checked else None
        if not self._texts().put_unless_changed(self.key, new, self.new):
            return False
        self.new = new
        self.context.notify()
        return True

    def guarded_write(self, undoing: bool) -> bool:
        if undoing:
            return self._texts().put_unless_changed(self.key, self.old, self.new)
        again = replace(self.new, updated_at=datetime.now(UTC)) if self.new else None
        if not self._texts().put_unless_changed(self.key, again, self.old):
            return False
        self.new = again
        return True


class LoadLocalitiesCommand(ServiceCommand):
    """Load a locality list (services/localities.py); undo takes back what it added and
    changed, redo loads it again (checked again against the database)."""

    def __init__(self, context: AppContext, listing: LocalityList, text: str) -> None:
        super().__init__(context, text)
        self.listing = listing
        self.log_id: int | None = None

    def do(self) -> None:
        self.log_id = load(self.context.engine, self.listing, self.context.clerk).log_id

    def undo_(self) -> None:
        if self.log_id is not None:
            undo_load(self.context.engine, self.log_id)
