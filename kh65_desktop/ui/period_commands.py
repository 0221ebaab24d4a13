"""Undoable period edits: add, change, delete (a deleted period comes back whole)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from ..services.guarded_edits import delete_unless_used
from ..services.periods import PeriodService, PeriodSnapshot
from ..storage.models import Period
from .commands import ServiceCommand
from .context import AppContext


class _PeriodCommand(ServiceCommand):
    def __init__(self, context: AppContext, text: str) -> None:
        super().__init__(context, text)
        self.periods = PeriodService(context.engine)


class AddPeriodCommand(_PeriodCommand):
    """A new period. Undo deletes it only while it holds nothing: figures typed into it
    are undone first (their commands are above this one), but one written by another
    program since is never deleted with it; then the period stays and the clerk is told."""

    def __init__(self, context: AppContext, fields: dict[str, Any], text: str) -> None:
        super().__init__(context, text)
        self.fields = fields
        self.key: int | None = None
        self.kept = False  # undo found figures in it and left it in place

    def do(self) -> None:
        if self.kept:  # redo of an undo that did nothing
            self.kept = False
            return
        self.key = self.periods.add({**self.fields, "id": self.key})

    def undo_(self) -> None:
        assert self.key is not None
        # checked and deleted in one transaction; the clerk's own figures, typed and undone,
        # leave only history behind, which goes with the period
        if not delete_unless_used(self.context.engine, Period, self.key):
            self.kept = True
            self.context.error.emit(
                QCoreApplication.translate(
                    "PeriodCommands",
                    "Kỳ “{0}” đã có số liệu nhập sau khi thêm, nên không bị xóa khi hoàn tác.",
                ).format(self.fields["name"])
            )


class UpdatePeriodCommand(_PeriodCommand):
    """Change a period's name, kind, dates or cut-off."""

    def __init__(
        self, context: AppContext, period_id: int, changes: dict[str, Any], text: str
    ) -> None:
        super().__init__(context, text)
        self.period_id, self.changes = period_id, changes
        self.old: dict[str, Any] = {}

    def do(self) -> None:
        self.old = self.periods.update(self.period_id, self.changes)

    def undo_(self) -> None:
        self.periods.update(self.period_id, self.old)


class DeletePeriodCommand(_PeriodCommand):
    """Delete a period with its figures and their history; undo puts them all back."""

    def __init__(self, context: AppContext, period_id: int, text: str) -> None:
        super().__init__(context, text)
        self.period_id = period_id
        self.snapshot: PeriodSnapshot | None = None

    def do(self) -> None:
        self.snapshot = self.periods.delete(self.period_id)

    def undo_(self) -> None:
        assert self.snapshot is not None
        self.periods.restore(self.snapshot)
