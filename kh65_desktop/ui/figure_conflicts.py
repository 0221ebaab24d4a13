"""When a save meets figures another clerk wrote after this window read them: say who and
when, show both values, and let the clerk keep theirs or take the other's. Nothing is
written until the clerk chooses, and their typed figure stays in the message."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from ..domain.numbers import format_date, format_number
from ..services.editing import FigureConflict, ValueState
from . import prompts


class FigureConflicts(QObject):
    """The translation context of this module's texts (FigureConflicts.tr)."""


def _shown(state: ValueState | None) -> str:
    if state is None:
        return FigureConflicts.tr("(để trống)")
    if state.value is not None:
        return format_number(state.value)
    return state.text or FigureConflicts.tr("(để trống)")


def _when(moment: datetime | None, today: date) -> str:
    if moment is None:
        return ""
    local = moment.astimezone()  # stored in UTC; the clerk reads their own clock
    if local.date() == today:
        return local.strftime("%H:%M")
    return FigureConflicts.tr("{0} ngày {1}").format(
        local.strftime("%H:%M"), format_date(local.date())
    )


def conflict_text(conflict: FigureConflict, name: str, today: date) -> str:
    """ "Số này vừa được <tên> sửa lúc hh:mm", then their figure and the clerk's."""
    who = conflict.changed_by or FigureConflicts.tr("người khác")
    head = FigureConflicts.tr("Số “{0}” vừa được {1} sửa lúc {2}.").format(
        name, who, _when(conflict.changed_at, today)
    )
    return "\n".join(
        [
            head,
            FigureConflicts.tr("Số của họ: {0}").format(_shown(conflict.theirs)),
            FigureConflicts.tr("Số của bạn: {0}").format(_shown(conflict.yours)),
        ]
    )


def keep_mine(
    parent: QWidget | None, conflicts: list[FigureConflict], names: dict[int, str], today: date
) -> bool:
    """Ask the clerk; True: write their figures over the others', False: take the others'."""
    box = QMessageBox(parent)
    box.setObjectName("figureConflict")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(FigureConflicts.tr("Số liệu vừa được người khác sửa"))
    lines = [
        conflict_text(c, names.get(c.key.indicator_id, str(c.key.indicator_id)), today)
        for c in conflicts
    ]
    box.setText("\n\n".join(lines))
    box.setInformativeText(
        FigureConflicts.tr(
            "Giữ số của tôi: ghi số bạn vừa nhập đè lên số của họ. "
            "Lấy số của họ: không ghi gì, số của họ được giữ nguyên."
        )
    )
    mine = box.addButton(FigureConflicts.tr("Giữ số của tôi"), QMessageBox.ButtonRole.AcceptRole)
    mine.setObjectName("keepMine")
    theirs = box.addButton(FigureConflicts.tr("Lấy số của họ"), QMessageBox.ButtonRole.RejectRole)
    theirs.setObjectName("takeTheirs")
    box.setDefaultButton(theirs)  # Enter never overwrites another clerk's figure unasked
    box.setEscapeButton(theirs)
    prompts.run_dialog(box)
    return box.clickedButton() is mine


def not_saved_text(conflicts: list[FigureConflict]) -> str:
    """After "Lấy số của họ": what the clerk typed, so it is not lost from sight."""
    typed = "; ".join(_shown(c.yours) for c in conflicts)
    return FigureConflicts.tr(
        "Đã giữ số liệu người khác vừa sửa; số bạn nhập ({0}) chưa được lưu, "
        "hãy nhập lại nếu vẫn muốn thay."
    ).format(typed)
