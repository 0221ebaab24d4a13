"""Each clerk action is one QUndoCommand that calls the edit service.

A command does its first write before it is pushed (`perform`), so a failed write shows
an error and never lands on the undo stack; later redos and undos repeat the write.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoCommand
from sqlmodel import SQLModel

from ..domain.terms import TaskStatus
from ..services.editing import TaskSnapshot, ValueKey, ValueState
from ..storage.models import Task
from .context import AppContext


class ServiceCommand(QUndoCommand):
    """Base: `do()` and `undo_()` talk to the services; every view refreshes after."""

    def __init__(self, context: AppContext, text: str) -> None:
        super().__init__(text)
        self.context = context
        self._performed = False

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
        if getattr(self, "_undone", False):
            self.do()
            self._undone = False
            self.context.notify()

    def undo(self) -> None:
        self.undo_()
        self._undone = True
        self.context.notify()

    def do(self) -> None:
        raise NotImplementedError

    def undo_(self) -> None:
        raise NotImplementedError


class SetValuesCommand(ServiceCommand):
    """Set one or many figures (a whole period's form) at once."""

    def __init__(
        self, context: AppContext, changes: list[tuple[ValueKey, ValueState | None]], text: str
    ) -> None:
        super().__init__(context, text)
        self.changes = changes
        self.previous: list[tuple[ValueKey, ValueState | None]] = []

    def do(self) -> None:
        self.previous = self.context.edits.set_values(self.changes, self.context.clerk)

    def undo_(self) -> None:
        self.context.edits.set_values(self.previous, self.context.clerk)


class SetFieldsCommand(ServiceCommand):
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

    def do(self) -> None:
        self.old = self.context.edits.update_fields(self.model, self.key, self.changes)

    def undo_(self) -> None:
        self.context.edits.update_fields(self.model, self.key, self.old)


class SetLocalityTargetCommand(ServiceCommand):
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

    def do(self) -> None:
        self.old = self.context.edits.set_locality_target(*self.args, self.value)

    def undo_(self) -> None:
        self.context.edits.set_locality_target(*self.args, self.old)


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
        self.context.edits.delete_row(self.model, self.key)


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


class SetTaskStatusCommand(ServiceCommand):
    def __init__(self, context: AppContext, task_id: int, status: TaskStatus, text: str) -> None:
        super().__init__(context, text)
        self.task_id, self.status = task_id, status
        self.old = status

    def do(self) -> None:
        self.old = self.context.edits.set_task_status(self.task_id, self.status, self.context.clerk)

    def undo_(self) -> None:
        self.context.edits.set_task_status(self.task_id, self.old, self.context.clerk)
