"""Making next year's plan, undoably: the window shows the new plan, and undo takes it away
(while nothing has been entered into it) and shows the plan it was made from again."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..services.plan_copy import (
    NewPlan,
    PlanSnapshot,
    Successor,
    copy_plan,
    put_back_copy,
    remove_copy,
    same_agency,
    snapshot,
)
from ..services.plans import plan_or_newest
from .commands import ServiceCommand
from .context import AppContext


class NewPlanCommand(ServiceCommand):
    """A plan made from `source_code`. Redo puts the same rows back with the same ids, so the
    edits above it on the undo stack (targets typed into it) still find them."""

    def __init__(
        self,
        context: AppContext,
        source_code: str,
        new: NewPlan,
        text: str,
        successor: Successor = same_agency,
    ) -> None:
        super().__init__(context, text)
        self.source_code, self.new, self.successor = source_code, new, successor
        self.made: PlanSnapshot | None = None

    def do(self) -> None:
        if self.made is None:
            result = copy_plan(
                self.context.engine,
                self.source_code,
                self.new,
                self.successor,
                entered_by=self.context.clerk,
            )
            assert result.plan.id is not None
            self.made = snapshot(self.context.engine, result.plan.id)
        else:
            put_back_copy(self.context.engine, self.made)
        self.context.show_plan(self.made.code)

    def undo_(self) -> None:
        assert self.made is not None
        if not remove_copy(self.context.engine, self.made):
            raise LookupError(
                QCoreApplication.translate(
                    "PlanCommands",
                    "kế hoạch {0} đã có dữ liệu nhập sau khi tạo (số liệu, kế hoạch năm, "
                    "nhiệm vụ…), nên không bị xóa",
                ).format(self.made.code)
            )
        if self.context.plan.id == self.made.plan_id:
            shown = plan_or_newest(self.context.engine, self.source_code)
            self.context.show_plan(shown.code)
