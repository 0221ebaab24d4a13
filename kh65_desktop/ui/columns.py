"""The columns of each table on screen, and what editing a cell does."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor

from ..domain.numbers import VietnameseFormatError, format_date, format_number, parse_number
from ..domain.tasks import Urgency
from ..domain.terms import IndicatorKind, Status, TaskStatus
from ..exchange.table_cells import Figure
from ..services.display import code_key, remaining_text, value_text
from ..services.editing import ValueKey, ValueState
from ..services.indicator_table import INDICATOR_COLUMNS
from ..services.rows import BreakdownRow, IndicatorRow, TaskRow
from ..services.same_period import SamePeriodKey
from ..storage.models import Indicator
from .commands import (
    SetFieldsCommand,
    SetLocalityTargetCommand,
    SetTaskStatusCommand,
    SetValuesCommand,
)
from .context import AppContext
from .figure_prompts import confirm_jumps
from .labels import label
from .same_period_commands import SetSamePeriodCommand
from .table_model import RIGHT, Column, EditError
from .unsaved_saves import UNSAVED_COLOR, unsaved_state


class Columns(QObject):
    """The translation context of this module's texts (Columns.tr)."""


STATUS_COLORS = {
    Status.MET: "#1b7f3b",
    Status.ON_TRACK: "#1f5fa8",
    Status.LAGGING: "#a85f00",
    Status.AT_RISK: "#c62828",
    Status.NO_DATA: "#6b6b6b",
}
URGENCY_COLORS = {Urgency.OVERDUE: "#c62828", Urgency.DUE_SOON: "#a85f00", Urgency.DONE: "#1b7f3b"}
_NONE = float("-inf")  # sorts missing numbers first


def status_label(status: Status) -> str:
    return label(status)


def status_color(status: Status) -> QColor:
    return QColor(STATUS_COLORS[status])


def parse_cell(text: str, what: str) -> float | None:
    """A number typed in a cell; empty clears it; bad input raises EditError."""
    if not text.strip():
        return None
    try:
        return parse_number(text)
    except VietnameseFormatError as error:
        raise EditError(f"{what}: {error}") from None


def _num(value: float | None) -> float:
    return _NONE if value is None else value


def _figure(value: float | None, percent: bool = False) -> Figure | None:
    return None if value is None else Figure.shown(value, percent=percent)


def only(columns: list[Column], *keys: str) -> list[Column]:
    """A subset of columns, in the order given (for the smaller tables)."""
    by_key = {c.key: c for c in columns}
    return [by_key[k] for k in keys]


def indicator_columns(
    context: AppContext, period_for: Callable[[IndicatorRow], int | None]
) -> list[Column]:
    """Chỉ tiêu table; `period_for` says which period an edit of "Thực hiện" goes to."""

    def edit_target(row: IndicatorRow, text: str) -> None:
        if row.kind is IndicatorKind.QUALITATIVE:
            raise EditError(Columns.tr("Chỉ tiêu định tính không có kế hoạch bằng số."))
        value = parse_cell(text, Columns.tr("Kế hoạch"))
        if value == row.target.value:
            return  # Enter on an unchanged cell: nothing to save, nothing to undo
        # the document's wording ("34.000 tỷ đồng") would go on showing the old target
        context.push(
            SetFieldsCommand(
                context,
                Indicator,
                row.id,
                {"target_value": value, "target_text": ""},
                Columns.tr("sửa kế hoạch “{0}”").format(row.name),
            )
        )

    def edit_value(row: IndicatorRow, text: str) -> None:
        period_id = period_for(row)
        if period_id is None:
            raise EditError(
                Columns.tr("Kế hoạch chưa có kỳ báo cáo nào; hãy thêm kỳ báo cáo trước.")
            )
        if row.kind is IndicatorKind.QUALITATIVE:
            edit_result_text(row, period_id, text)
            return
        value = parse_cell(text, Columns.tr("Thực hiện"))
        latest = row.latest if row.latest and row.latest.period_id == period_id else None
        if value is not None and latest is not None and latest.value == value:
            return  # Enter on an unchanged cell: nothing to save, nothing to undo
        state = ValueState(
            value,
            is_estimate=bool(
                row.latest and row.latest.is_estimate and row.latest.period_id == period_id
            ),
        )
        key = ValueKey(row.id, period_id)
        changes = [(key, state if value is not None else None)]
        if confirm_jumps(context, changes):
            context.push(
                SetValuesCommand(
                    context,
                    changes,
                    Columns.tr("sửa số thực hiện “{0}”").format(row.name),
                    {key: latest.version if latest else 0},  # what the clerk saw
                )
            )

    def edit_same_period(row: IndicatorRow, text: str) -> None:
        """The same period last year, for the period the row shows (its sentence in a
        report compares the two)."""
        if row.kind is IndicatorKind.QUALITATIVE:
            raise EditError(Columns.tr("Chỉ tiêu định tính không có số cùng kỳ."))
        period_id = row.latest.period_id if row.latest else period_for(row)
        if period_id is None:
            raise EditError(
                Columns.tr("Kế hoạch chưa có kỳ báo cáo nào; hãy thêm kỳ báo cáo trước.")
            )
        value = parse_cell(text, Columns.tr("Cùng kỳ"))
        if value == row.same_period:
            return  # Enter on an unchanged cell: nothing to save, nothing to undo
        context.push(
            SetSamePeriodCommand(
                context,
                [(SamePeriodKey(row.id, period_id), value)],
                Columns.tr("sửa số cùng kỳ “{0}”").format(row.name),
            )
        )

    def edit_result_text(row: IndicatorRow, period_id: int, text: str) -> None:
        """A qualitative result is words, as in the period form; typed here too, since an
        indicator no agency leads is in no agency's form. Its Đạt/Không đạt is kept."""
        words = text.strip()
        try:
            parse_number(words)
        except VietnameseFormatError:
            pass
        else:
            raise EditError(
                Columns.tr(
                    "Chỉ tiêu định tính ghi kết quả bằng lời văn, không bằng số; hãy gõ kết quả "
                    "bằng lời (ví dụ “Đã hoàn thành 08/08 tiêu chí”)."
                )
            )
        latest = row.latest if row.latest and row.latest.period_id == period_id else None
        if (latest.text if latest else "") == words:
            return  # nothing changed: nothing to save, nothing to undo
        state = ValueState(
            None,
            words,
            latest.achieved if latest else None,
            bool(latest and latest.is_estimate),
        )
        key = ValueKey(row.id, period_id)
        context.push(
            SetValuesCommand(
                context,
                [(key, state if words else None)],
                Columns.tr("sửa kết quả “{0}”").format(row.name),
                {key: latest.version if latest else 0},  # what the clerk saw
            )
        )

    extras: dict[str, dict] = {  # what the window adds to the shared columns
        "code": {"title": Columns.tr("Mã"), "sort": lambda r: code_key(r.code)},
        "name": {
            "title": Columns.tr("Chỉ tiêu"),
            "tooltip": lambda r: "\n".join(filter(None, [r.name, r.group_heading, r.note])),
        },
        "unit": {"title": Columns.tr("Đơn vị tính")},
        "lead": {
            "title": Columns.tr("Cơ quan chủ trì"),
            "tooltip": lambda r: "\n".join([r.lead_display, *r.coordinating]),
        },
        "target": {
            "title": Columns.tr("Kế hoạch năm"),
            "align": RIGHT,
            "sort": lambda r: _num(r.target.value),
            "tooltip": lambda r: r.target_display,
            "edit_text": lambda r: format_number(r.target.value),
            "edit": edit_target,
        },
        "value": {
            "title": Columns.tr("Thực hiện"),
            "align": RIGHT,
            "sort": lambda r: _num(r.latest.value if r.latest else None),
            "edit_text": lambda r: _value_edit_text(r),
            "tooltip": lambda r: _value_tooltip(r),
            "edit": edit_value,
        },
        "same_period": {
            "title": Columns.tr("Cùng kỳ"),
            "align": RIGHT,
            "sort": lambda r: _num(r.same_period),
            "edit_text": lambda r: format_number(r.same_period),
            "tooltip": lambda r: _same_period_tooltip(r),
            "edit": edit_same_period,
        },
        "period": {
            "title": Columns.tr("Kỳ"),
            "sort": lambda r: r.latest.period_code if r.latest else "",
        },
        "percent": {
            "title": Columns.tr("% KH"),
            "align": RIGHT,
            "sort": lambda r: _num(r.progress.percent_of_plan),
        },
        "remaining": {
            "title": Columns.tr("Còn lại"),
            "align": RIGHT,
            "sort": lambda r: _num(r.progress.remaining),
            "tooltip": lambda r: _remaining_tooltip(r),
        },
        "status": {
            "title": Columns.tr("Đánh giá"),
            "display": lambda r: status_label(r.progress.status),  # in the chosen language
            "sort": lambda r: list(Status).index(r.progress.status),
            "color": lambda r: status_color(r.progress.status),
        },
    }

    def value_key(row: IndicatorRow) -> ValueKey | None:
        period_id = period_for(row)
        return ValueKey(row.id, period_id) if period_id is not None else None

    columns = []
    for shared in INDICATOR_COLUMNS:
        extra = dict(extras[shared.key])
        display = extra.pop("display", shared.text)
        if shared.key == "value":  # a figure kept after a lost connection shows, marked
            display, extra["color"] = _marked_unsaved(context, value_key, display)
        title = extra.pop("title")
        columns.append(Column(shared.key, title, display, figure=shared.figure, **extra))
    return columns


def _marked_unsaved(
    context: AppContext, key: Callable[[Any], ValueKey | None], shown: Callable[[Any], str]
) -> tuple[Callable[[Any], str], Callable[[Any], QColor | None]]:
    """A figure column's text and colour: a typed figure not yet saved (the connection was
    lost) shows instead of the stored one, marked "chưa lưu"."""

    def unsaved(row: Any) -> tuple[bool, ValueState | None]:
        found = key(row)
        return unsaved_state(context.unsaved, found) if found else (False, None)

    def display(row: Any) -> str:
        waiting, state = unsaved(row)
        if not waiting:
            return shown(row)
        typed = format_number(state.value) if state and state.value is not None else ""
        typed = typed or (state.text if state else "")
        return Columns.tr("{0} (chưa lưu)").format(typed)

    return display, lambda row: UNSAVED_COLOR if unsaved(row)[0] else None


def _value_tooltip(row: IndicatorRow) -> str:
    latest = row.latest
    if latest is None:
        return Columns.tr("Chưa có số liệu")
    parts = [f"{value_text(latest, row.unit)} — {latest.period_name}"]
    if latest.as_of:
        parts.append(Columns.tr("tính đến ngày {0}").format(format_date(latest.as_of)))
    parts.append(Columns.tr("Người nhập: {0}").format(latest.entered_by))
    return "\n".join(parts)


def _same_period_tooltip(row: IndicatorRow) -> str:
    """Which period's "cùng kỳ" the cell shows (a typed one goes to that period)."""
    if row.latest is None:
        return Columns.tr("Số liệu cùng kỳ năm trước")
    return Columns.tr("Cùng kỳ năm trước của kỳ “{0}”").format(row.latest.period_name)


def _remaining_tooltip(row: IndicatorRow) -> str:
    text = remaining_text(row, with_unit=True)
    if row.stated_remaining is not None:
        text += "\n" + Columns.tr("Văn bản ghi: {0}").format(format_number(row.stated_remaining))
    return text


def task_columns(context: AppContext) -> list[Column]:
    labels = {label(s): s for s in TaskStatus}

    def edit_status(row: TaskRow, text: str) -> None:
        status = labels.get(text) or next((s for s in TaskStatus if s.value == text), None)
        if status is None:
            raise EditError(Columns.tr("Tình trạng “{0}” không có trong danh sách.").format(text))
        if status is not row.status:
            context.push(
                SetTaskStatusCommand(
                    context,
                    row.id,
                    status,
                    Columns.tr("đổi tình trạng nhiệm vụ {0}").format(row.code),
                    row.version,  # what the clerk saw
                )
            )

    return [
        Column("code", Columns.tr("Mã"), lambda r: r.code, sort=lambda r: code_key(r.code)),
        Column(
            "text",
            Columns.tr("Nội dung"),
            lambda r: r.text,
            tooltip=lambda r: "\n\n".join(filter(None, [r.lead_in, r.text, r.note])),
        ),
        Column(
            "lead",
            Columns.tr("Chủ trì"),
            # a district's task in a plan after 1/7/2025 has nobody until the clerk says
            lambda r: ", ".join(r.lead) or Columns.tr("Chưa phân công"),
            tooltip=lambda r: ", ".join(r.lead),
        ),
        Column(
            "coordinating",
            Columns.tr("Phối hợp"),
            lambda r: ", ".join(r.coordinating),
            tooltip=lambda r: ", ".join(r.coordinating),
        ),
        Column(
            "deadline",
            Columns.tr("Thời hạn"),
            lambda r: format_date(r.deadline) if r.deadline else r.deadline_text,
            sort=lambda r: r.deadline.toordinal() if r.deadline else 10**7,
            tooltip=lambda r: r.deadline_text,
        ),
        Column(
            "status",
            Columns.tr("Tình trạng"),
            lambda r: label(r.status),
            sort=lambda r: list(TaskStatus).index(r.status),
            edit=edit_status,
        ),
        Column(
            "urgency",
            Columns.tr("Mức độ"),
            lambda r: label(r.urgency),
            sort=lambda r: list(Urgency).index(r.urgency),
            color=lambda r: (
                QColor(URGENCY_COLORS[r.urgency]) if r.urgency in URGENCY_COLORS else None
            ),
        ),
    ]


def _count(key: str, title: str) -> Column:
    """A right-aligned count read from the row attribute `key`."""
    return Column(
        key,
        title,
        lambda r: format_number(getattr(r, key)),  # "1.060", as clerks write it
        sort=lambda r: getattr(r, key),
        align=RIGHT,
        figure=lambda r: Figure.shown(getattr(r, key)),
    )


def agency_columns() -> list[Column]:
    return [
        Column("name", Columns.tr("Cơ quan"), lambda r: r.name),
        _count("leads", Columns.tr("Chủ trì")),
        _count("coordinates", Columns.tr("Phối hợp")),
        _count("tasks", Columns.tr("Nhiệm vụ")),
    ]


def breakdown_columns(
    context: AppContext, indicator_id: Callable[[], int | None], period_id: Callable[[], int | None]
) -> list[Column]:
    def edit_target(row: BreakdownRow, text: str) -> None:
        indicator = indicator_id()
        if indicator is None:
            raise EditError(Columns.tr("Hãy chọn chỉ tiêu trước."))
        value = parse_cell(text, Columns.tr("Kế hoạch"))
        if value == row.target:
            return  # unchanged: nothing to save, nothing to undo
        context.push(
            SetLocalityTargetCommand(
                context,
                indicator,
                row.locality_id,
                value,
                Columns.tr("sửa kế hoạch của {0}").format(row.locality),
            )
        )

    def edit_value(row: BreakdownRow, text: str) -> None:
        indicator, period = indicator_id(), period_id()
        if indicator is None or period is None:
            raise EditError(Columns.tr("Hãy chọn chỉ tiêu và kỳ báo cáo trước."))
        value = parse_cell(text, Columns.tr("Thực hiện"))
        if value == row.value:
            return  # unchanged: nothing to save, nothing to undo
        key = ValueKey(indicator, period, row.locality_id)
        changes = [(key, ValueState(value) if value is not None else None)]
        if confirm_jumps(context, changes):
            context.push(
                SetValuesCommand(
                    context,
                    changes,
                    Columns.tr("sửa số thực hiện của {0}").format(row.locality),
                    {key: row.version},  # what the clerk saw
                )
            )

    def figure_key(row: BreakdownRow) -> ValueKey | None:
        indicator, period = indicator_id(), period_id()
        if indicator is None or period is None:
            return None
        return ValueKey(indicator, period, row.locality_id)

    value_text, value_color = _marked_unsaved(context, figure_key, lambda r: format_number(r.value))
    return [
        Column("locality", Columns.tr("Địa phương"), lambda r: r.locality),
        Column(
            "target",
            Columns.tr("Kế hoạch"),
            lambda r: format_number(r.target),
            align=RIGHT,
            sort=lambda r: _num(r.target),
            figure=lambda r: _figure(r.target),
            edit=edit_target,
        ),
        Column(
            "value",
            Columns.tr("Thực hiện"),
            value_text,
            color=value_color,
            align=RIGHT,
            sort=lambda r: _num(r.value),
            figure=lambda r: _figure(r.value),
            edit=edit_value,
        ),
        Column(
            "percent",
            Columns.tr("% KH"),
            lambda r: (
                format_number(r.progress.percent_of_plan, 2)
                if r.progress.percent_of_plan is not None
                else ""
            ),
            align=RIGHT,
            sort=lambda r: _num(r.progress.percent_of_plan),
            figure=lambda r: _figure(r.progress.percent_of_plan, percent=True),
        ),
        Column(
            "remaining",
            Columns.tr("Còn lại"),
            lambda r: format_number(r.progress.remaining),
            align=RIGHT,
            sort=lambda r: _num(r.progress.remaining),
            figure=lambda r: _figure(r.progress.remaining),
        ),
        Column(
            "status",
            Columns.tr("Đánh giá"),
            lambda r: status_label(r.progress.status),
            color=lambda r: status_color(r.progress.status),
        ),
    ]


def _value_edit_text(row: IndicatorRow) -> str:
    """What the "Thực hiện" editor starts with: the figure, or a qualitative result's words."""
    if row.latest is None:
        return ""
    if row.kind is IndicatorKind.QUALITATIVE:
        return row.latest.text
    return format_number(row.latest.value)
