"""Adding a whole plan, undoably: made from the plan shown ("Tạo kế hoạch mới từ kế hoạch
này…") or loaded from a plan file ("Nạp kế hoạch từ tệp…"). The window then shows the new
plan; undo takes it away (while nothing has been entered into it) and shows the plan it was
added from; redo puts the same rows back."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from ..exchange.data import ExchangeData
from ..services.carried_plan import load_offered_plan
from ..services.plan_copy import NewPlan, copy_plan
from ..services.plan_load import load_plan_file
from ..services.plan_undo import AddedPlan, added_plan, put_back_added, remove_added
from ..services.plans import plan_or_newest
from .commands import ServiceCommand
from .context import AppContext


class AddPlanCommand(ServiceCommand):
    """`add` writes the plan (one transaction) and returns what it wrote."""

    def __init__(self, context: AppContext, add: Callable[[], AddedPlan], text: str) -> None:
        super().__init__(context, text)
        self.add = add
        self.added: AddedPlan | None = None

    def do(self) -> None:
        if self.added is None:
            self.added = self.add()
        else:
            put_back_added(self.context.engine, self.added)
        self.context.show_plan(self.added.code)

    def undo_(self) -> None:
        assert self.added is not None
        if not remove_added(self.context.engine, self.added):
            raise LookupError(
                QCoreApplication.translate(
                    "PlanCommands",
                    "kế hoạch {0} đã có dữ liệu nhập sau khi tạo (số liệu, kế hoạch năm, "
                    "nhiệm vụ…), nên không bị xóa",
                ).format(self.added.code)
            )
        if self.context.plan.id == self.added.plan_id:
            self.context.show_plan(plan_or_newest(self.context.engine, self.plan_code).code)


def new_plan_command(
    context: AppContext,
    new: NewPlan,
    text: str,
) -> AddPlanCommand:
    """Next year's plan made from the plan shown."""
    engine, source, clerk = context.engine, context.plan.code, context.clerk

    def add() -> AddedPlan:
        plan = copy_plan(engine, source, new, entered_by=clerk).plan
        assert plan.id is not None
        return added_plan(engine, plan.id)

    return AddPlanCommand(context, add, text)


def load_plan_command(context: AppContext, path: Path, text: str) -> AddPlanCommand:
    """A plan from its data file."""
    return AddPlanCommand(context, lambda: load_plan_file(context.engine, path), text)


def carried_plan_command(context: AppContext, data: ExchangeData, text: str) -> AddPlanCommand:
    """The plan a package from its owner carries (the same load as from a plan file)."""
    return AddPlanCommand(context, lambda: load_offered_plan(context.engine, data), text)
