"""Undoable writes of same-period figures ("cùng kỳ"), alone (a cell of the Chỉ tiêu table)
or with a period form's figures (one transaction, one step on the undo stack)."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication

from ..services.editing import ValueKey, ValueState
from ..services.same_period import (
    SameChanges,
    SamePeriodKey,
    SamePeriodState,
    put_back_unless_changed,
    save_with_figures,
)
from .commands import SetValuesCommand
from .context import AppContext


class SetSamePeriodCommand(SetValuesCommand):
    """Same-period figures, and any figures typed with them. Undo and redo write each only
    while it is still as this command's last write left it, and say which they left alone."""

    def __init__(
        self,
        context: AppContext,
        same: SameChanges,
        text: str,
        figures: list[tuple[ValueKey, ValueState | None]] | None = None,
    ) -> None:
        super().__init__(context, figures or [], text)
        self.same = same
        self.same_previous: dict[SamePeriodKey, SamePeriodState | None] = {}
        self._now: dict[SamePeriodKey, SamePeriodState | None] = {}  # as the last write left it

    def do(self) -> None:
        if self._last is None:  # the first write
            now = datetime.now(UTC)
            self.previous, previous = save_with_figures(
                self.context.engine, self.changes, self.same, self.context.clerk, now
            )
            self.same_previous = dict(previous)
            self._last, self._live = (self.context.clerk, now), {k for k, _ in self.changes}
            self._now = {key: self._written(value, now) for key, value in self.same}
        else:
            self._put(undoing=False)

    def undo_(self) -> None:
        self._put(undoing=True)

    def _written(self, value: float | None, now: datetime) -> SamePeriodState | None:
        return None if value is None else SamePeriodState(value, self.context.clerk, now)

    def _put(self, undoing: bool) -> None:
        assert self._last is not None
        now = datetime.now(UTC)
        figures = self.previous if undoing else self.changes
        # undo puts back exactly what was there (its author and time); redo writes again now
        wanted = (
            self.same_previous
            if undoing
            else {key: self._written(value, now) for key, value in self.same}
        )
        written, done, kept, left = put_back_unless_changed(
            self.context.engine,
            [(key, state) for key, state in figures if key in self._live],
            [(key, wanted[key], expected) for key, expected in self._now.items()],
            self.context.clerk,
            self._last,
            now,
        )
        self._last, self._live = (self.context.clerk, now), {key for key, _ in written}
        self._now = {key: wanted[key] for key in done}
        self.tell_kept(kept, undoing)
        if left:
            self.context.error.emit(
                QCoreApplication.translate(
                    "SamePeriodCommands",
                    "{0} số cùng kỳ đã được sửa ở nơi khác sau đó nên được giữ nguyên.",
                ).format(len(left))
            )
