"""Adding and editing agencies, localities, periods, indicators and tasks (all undoable)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget
from sqlmodel import SQLModel

from ..domain.figure_rules import (
    FigureKind,
    RuleError,
    check_figure,
    check_share,
    check_target,
)
from ..domain.numbers import format_number
from ..domain.target_forms import form_problem
from ..domain.terms import AgencyKind, Direction, IndicatorKind, TargetForm, TaskStatus
from ..services.periods import PeriodService
from ..storage.models import Agency, Indicator, Locality, Period, Task
from . import prompts
from .agency_picker import agency_choices
from .commands import AddRowCommand, AddTaskCommand, SetFieldsCommand
from .context import AppContext
from .dialogs.form import Field, FormDialog
from .dialogs.period_dialog import PeriodDialog
from .labels import label
from .period_commands import AddPeriodCommand, DeletePeriodCommand, UpdatePeriodCommand


class Entities(QObject):
    """The translation context of this module's texts (Entities.tr)."""


def _labels(enum: Any) -> list[tuple[str, Any]]:
    return [(label(m), m) for m in enum]


def _ask(
    title: str, fields: list[Field], parent: QWidget | None, check: Any = None
) -> dict[str, Any] | None:
    dialog = FormDialog(title, fields, parent, check)
    return dialog.values() if prompts.run_dialog(dialog) else None


def _save(
    context: AppContext,
    row: SQLModel | None,
    model: type[SQLModel],
    values: dict[str, Any],
    what: str,
) -> bool:
    """Add a new row, or change the fields that differ on an existing one."""
    if row is None:
        return context.push(
            AddRowCommand(context, model(**values), Entities.tr("thêm {0}").format(what))
        )
    changes = {k: v for k, v in values.items() if getattr(row, k) != v}
    if not changes:
        return False
    return context.push(
        SetFieldsCommand(context, model, row.id, changes, Entities.tr("sửa {0}").format(what))
    )


def _unique(
    context: AppContext, model: type[SQLModel], row: SQLModel | None, per_plan: bool = False
):  # type: ignore[no-untyped-def]
    def check(values: dict[str, Any]) -> str | None:
        plan = context.plan if per_plan else None
        if context.plans.code_taken(model, values["code"], plan, getattr(row, "id", None)):
            return Entities.tr("Mã “{0}” đã có; hãy chọn mã khác.").format(values["code"])
        return None

    return check


def _figures_within_rules(unique: Any, row: Indicator | None):  # type: ignore[no-untyped-def]
    """The indicator form's check: its code, then the figures it changes within the rules
    (the service's own, domain/figure_rules.py), so a refused target keeps the form open
    with the reason, instead of closing it and losing all the clerk typed."""

    def check(values: dict[str, Any]) -> str | None:
        problem = unique(values) or form_problem(values["kind"], values["target_form"])
        if problem:
            return problem[0].upper() + problem[1:]
        kind = FigureKind(
            values["name"],
            values["unit"],
            values["kind"],
            values["target_form"],
            values["direction"],
        )
        what = Entities.tr("Chỉ tiêu {0}").format(values["code"])
        changed = {k for k, v in values.items() if row is None or getattr(row, k) != v}
        try:
            if "target_value" in changed:
                check_target(values["target_value"], kind, what)
            if "target_share" in changed:
                check_share(values["target_share"], what)
            if "baseline_value" in changed:
                check_figure(values["baseline_value"], kind, what)
        except RuleError as error:
            return str(error)
        return None

    return check


def edit_agency(context: AppContext, parent: QWidget | None, agency_id: int | None = None) -> bool:
    row = context.plans.get(Agency, agency_id) if agency_id else None
    kinds = [
        (Entities.tr("Cơ quan cấp tỉnh"), AgencyKind.PROVINCIAL),
        (Entities.tr("UBND huyện, thị xã, thành phố"), AgencyKind.DISTRICT),
    ]
    values = _ask(
        Entities.tr("Cơ quan"),
        [
            Field("code", Entities.tr("Mã"), value=getattr(row, "code", ""), required=True),
            Field(
                "name", Entities.tr("Tên cơ quan"), value=getattr(row, "name", ""), required=True
            ),
            Field(
                "kind",
                Entities.tr("Loại"),
                "choice",
                getattr(row, "kind", AgencyKind.PROVINCIAL),
                kinds,
            ),
        ],
        parent,
        _unique(context, Agency, row),
    )
    if values is None:
        return False
    return _save(context, row, Agency, values, Entities.tr("cơ quan “{0}”").format(values["name"]))


def edit_locality(
    context: AppContext, parent: QWidget | None, locality_id: int | None = None
) -> bool:
    row = context.plans.get(Locality, locality_id) if locality_id else None
    kinds = [(k, k) for k in ("huyện", "thị xã", "thành phố")]
    values = _ask(
        Entities.tr("Địa phương"),
        [
            Field("code", Entities.tr("Mã"), value=getattr(row, "code", ""), required=True),
            Field(
                "name", Entities.tr("Tên địa phương"), value=getattr(row, "name", ""), required=True
            ),
            Field("kind", Entities.tr("Loại"), "choice", getattr(row, "kind", "huyện"), kinds),
        ],
        parent,
        _unique(context, Locality, row),
    )
    if values is None:
        return False
    if row is None:
        values["position"] = len(context.plans.localities())
    return _save(
        context, row, Locality, values, Entities.tr("địa phương “{0}”").format(values["name"])
    )


def edit_period(context: AppContext, parent: QWidget | None, period_id: int | None = None) -> bool:
    """Add a period (dates derived from kind and year, Decree 09) or change one."""
    row = context.plans.get(Period, period_id) if period_id else None
    dialog = PeriodDialog(context, row, parent)
    if not prompts.run_dialog(dialog):
        return False
    values = dialog.period_values()
    what = Entities.tr("kỳ “{0}”").format(values["name"])
    if row is None:
        return context.push(
            AddPeriodCommand(
                context,
                {**values, "plan_id": context.plan.id},
                Entities.tr("thêm {0}").format(what),
            )
        )
    changes = {k: v for k, v in values.items() if getattr(row, k) != v}
    if not changes:
        return False
    return context.push(
        UpdatePeriodCommand(context, row.id, changes, Entities.tr("sửa {0}").format(what))
    )


def delete_period(context: AppContext, parent: QWidget | None, period_id: int) -> bool:
    """Delete a period; when figures would go with it, say how many and ask first."""
    row = context.plans.get(Period, period_id)
    if row is None:
        return False
    held = PeriodService(context.engine).holdings(period_id)
    if held.empty:
        pass  # nothing goes with it, and Ctrl+Z brings it back
    elif held.stated:
        question = Entities.tr(
            "Kỳ “{0}” đang có {1} số liệu, {2} mục lịch sử thay đổi và {3} số liệu văn bản "
            "nêu. Xóa kỳ sẽ xóa cả những số liệu này (có thể hoàn tác bằng Ctrl+Z). "
            "Xóa kỳ “{0}”?"
        )
    else:
        question = Entities.tr(
            "Kỳ “{0}” đang có {1} số liệu và {2} mục lịch sử thay đổi. Xóa kỳ sẽ xóa cả "
            "những số liệu này (có thể hoàn tác bằng Ctrl+Z). Xóa kỳ “{0}”?"
        )
    if not held.empty and not prompts.confirm(
        parent,
        Entities.tr("Xóa kỳ báo cáo"),
        question.format(
            row.name,
            format_number(held.figures),
            format_number(held.history),
            format_number(held.stated),
        ),
    ):
        return False
    return context.push(
        DeletePeriodCommand(
            context,
            period_id,
            Entities.tr("xóa {0}").format(Entities.tr("kỳ “{0}”").format(row.name)),
        )
    )


def edit_indicator(
    context: AppContext, parent: QWidget | None, indicator_id: int | None = None
) -> bool:
    row = context.plans.get(Indicator, indicator_id) if indicator_id else None
    groups = [(f"{g.code}. {g.heading}", g.id) for g in context.plans.groups(context.plan)]
    values = _ask(
        Entities.tr("Chỉ tiêu"),
        [
            Field(
                "group_id", Entities.tr("Nhóm"), "choice", getattr(row, "group_id", None), groups
            ),
            Field("code", Entities.tr("Mã"), value=getattr(row, "code", ""), required=True),
            Field(
                "name",
                Entities.tr("Tên chỉ tiêu"),
                "long_text",
                getattr(row, "name", ""),
                required=True,
            ),
            Field("unit", Entities.tr("Đơn vị tính"), value=getattr(row, "unit", "")),
            Field(
                "kind",
                Entities.tr("Loại chỉ tiêu"),
                "choice",
                getattr(row, "kind", IndicatorKind.ACCUMULATING),
                _labels(IndicatorKind),
            ),
            Field(
                "direction",
                Entities.tr("Chiều tốt"),
                "choice",
                getattr(row, "direction", Direction.HIGHER),
                _labels(Direction),
            ),
            Field(
                "target_form",
                Entities.tr("Dạng chỉ tiêu"),
                "choice",
                getattr(row, "target_form", TargetForm.VALUE),
                _labels(TargetForm),
            ),
            Field(
                "target_value",
                Entities.tr("Kế hoạch (số)"),
                "number",
                getattr(row, "target_value", None),
            ),
            Field(
                "target_strict",
                Entities.tr("Không tính mốc (trên/dưới)"),
                "bool",
                getattr(row, "target_strict", False),
            ),
            Field(
                "target_share",
                Entities.tr("Tỷ lệ phải đạt (% kế hoạch)"),
                "number",
                getattr(row, "target_share", None),
            ),
            Field(
                "target_text",
                Entities.tr("Kế hoạch (lời văn)"),
                value=getattr(row, "target_text", ""),
            ),
            Field(
                "baseline_value",
                Entities.tr("Mức xuất phát"),
                "number",
                getattr(row, "baseline_value", None),
            ),
        ],
        parent,
        _figures_within_rules(_unique(context, Indicator, row, per_plan=True), row),
    )
    if values is None:
        return False
    if row is None:
        values.update(plan_id=context.plan.id, position=999)
    return _save(
        context, row, Indicator, values, Entities.tr("chỉ tiêu “{0}”").format(values["code"])
    )


def add_task(context: AppContext, parent: QWidget | None) -> bool:
    agencies = agency_choices(context)
    groups = [(Entities.tr("(Không thuộc nhóm)"), None)] + [
        (f"{g.code}. {g.heading}", g.id) for g in context.plans.groups(context.plan)
    ]
    values = _ask(
        Entities.tr("Thêm nhiệm vụ"),
        [
            Field("text", Entities.tr("Nội dung"), "long_text", required=True),
            Field("group_id", Entities.tr("Nhóm"), "choice", None, groups),
            Field(
                "lead",
                Entities.tr("Cơ quan chủ trì"),
                "choice",
                agencies[0][1] if agencies else None,
                agencies,
            ),
            Field("coordinating", Entities.tr("Cơ quan phối hợp"), "many", [], agencies),
            Field("deadline", Entities.tr("Thời hạn"), "optional_date", None),
        ],
        parent,
    )
    if values is None:
        return False
    count = len(context.tasks())
    task = Task(
        plan_id=context.plan.id,
        group_id=values["group_id"],
        code=f"N{count + 1}",
        position=10_000 + count,
        text=values["text"],
        deadline=values["deadline"],
        status=TaskStatus.NOT_STARTED,
    )
    return context.push(
        AddTaskCommand(
            context,
            task,
            [values["lead"]],
            values["coordinating"],
            Entities.tr("thêm nhiệm vụ {0}").format(task.code),
        )
    )


def edit_task(context: AppContext, parent: QWidget | None, task_id: int) -> bool:
    """Change a task's wording, deadline or status (its agencies stay as they are)."""
    row = context.plans.get(Task, task_id)
    if row is None:
        return False
    values = _ask(
        Entities.tr("Sửa nhiệm vụ"),
        [
            Field("text", Entities.tr("Nội dung"), "long_text", row.text, required=True),
            Field("deadline", Entities.tr("Thời hạn"), "optional_date", row.deadline),
            Field("deadline_text", Entities.tr("Thời hạn (lời văn)"), value=row.deadline_text),
            Field("status", Entities.tr("Tình trạng"), "choice", row.status, _labels(TaskStatus)),
            Field("note", Entities.tr("Ghi chú"), "long_text", row.note),
        ],
        parent,
    )
    if values is None:
        return False
    return _save(context, row, Task, values, Entities.tr("nhiệm vụ {0}").format(row.code))
