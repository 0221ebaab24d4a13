"""Undoable plan-editor edits (services/plan_editing.py): change, add, move and delete the
plan's details, groups, indicators, agencies and localities. Undo and redo write only while
what they touch is still as the other side left it (ui/commands._GuardedCommand)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication

from ..services.plan_editing import PlanEditing
from ..services.row_snapshots import Snapshot
from ..storage.models import Plan
from .commands import ServiceCommand, _GuardedCommand
from .context import AppContext

# A service call that changes a row's fields: (key, changes, expected) -> previous values,
# or None when `expected` no longer holds.
Change = Callable[[int, dict[str, Any], dict[str, Any] | None], dict[str, Any] | None]


def refresh_plan(context: AppContext) -> None:
    """The window's plan read again after its details changed (its title, its reports)."""
    fresh = context.plans.get(Plan, context.plan.id)
    if fresh is not None:
        context.plan = fresh


class ChangeCommand(_GuardedCommand):
    """Change fields of the plan, a group or an indicator."""

    def __init__(
        self,
        context: AppContext,
        change: Change,
        key: int,
        changes: dict[str, Any],
        text: str,
        after: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(context, text)
        self.change, self.key, self.changes = change, key, changes
        self.after = after or (lambda: None)
        self.old: dict[str, Any] = {}

    def first_write(self) -> None:
        old = self.change(self.key, self.changes, None)
        assert old is not None
        self.old = old
        self.after()

    def guarded_write(self, undoing: bool) -> bool:
        changes, expected = (self.old, self.changes) if undoing else (self.changes, self.old)
        written = self.change(self.key, changes, expected) is not None
        self.after()
        return written


class MoveCommand(_GuardedCommand):
    """A group or an indicator one place up or down."""

    def __init__(self, context: AppContext, model: type, key: int, step: int, text: str) -> None:
        super().__init__(context, text)
        self.editing = PlanEditing(context.engine)
        self.model, self.key, self.step = model, key, step
        self.before: dict[int, int] = {}
        self.after: dict[int, int] = {}

    def first_write(self) -> None:
        moved = self.editing.move(self.model, self.key, self.step)
        if moved is None:
            raise LookupError(QCoreApplication.translate("PlanCommands", "Không còn chỗ để chuyển"))
        self.before, self.after = moved

    def guarded_write(self, undoing: bool) -> bool:
        positions, expected = (self.before, self.after) if undoing else (self.after, self.before)
        return self.editing.set_positions(self.model, positions, expected)


class AddCommand(ServiceCommand):
    """A new group or indicator; undo removes it again while nothing was put in it."""

    def __init__(
        self,
        context: AppContext,
        add: Callable[[int | None], int],
        remove: Callable[[int], bool],
        text: str,
    ) -> None:
        super().__init__(context, text)
        self.add, self.remove = add, remove
        self.key: int | None = None

    def do(self) -> None:
        self.key = self.add(self.key)  # a redo puts it back with the same id

    def undo_(self) -> None:
        assert self.key is not None
        if not self.remove(self.key):
            raise LookupError(
                QCoreApplication.translate(
                    "PlanCommands",
                    "đã có dữ liệu được nhập vào đó sau khi thêm (số liệu, chỉ tiêu con, "
                    "nhiệm vụ…). Hãy xóa dữ liệu đó trước nếu thật sự muốn bỏ",
                )
            )


class DeleteCommand(_GuardedCommand):
    """Delete a group, an indicator (with all it holds), an agency or a locality; undo puts
    every row back as it was; redo deletes again only what undo put back, unchanged."""

    def __init__(
        self,
        context: AppContext,
        delete: Callable[[Snapshot | None], Snapshot | None],
        text: str,
    ) -> None:
        super().__init__(context, text)
        self.editing = PlanEditing(context.engine)
        self.delete = delete
        self.snapshot: Snapshot | None = None

    def first_write(self) -> None:
        self.snapshot = self.delete(None)

    def guarded_write(self, undoing: bool) -> bool:
        assert self.snapshot is not None
        if undoing:
            self.editing.restore(self.snapshot)  # refused with its reason if it cannot
            return True
        return self.delete(self.snapshot) is not None
