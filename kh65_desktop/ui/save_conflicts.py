"""When a save meets figures another clerk wrote after this window read them: say who and
when, show both values, and let the clerk keep theirs or take the other's. Nothing is
written until the clerk chooses, and their typed figure stays in the message."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from ..domain.numbers import format_date, format_number
from ..services.editing import FigureConflict, StaleTask, ValueState
from . import prompts
from .labels import label


class SaveConflicts(QObject):
    """The translation context of this module's texts (SaveConflicts.tr)."""


def _shown(state: ValueState | None) -> str:
    if state is None:
        return SaveConflicts.tr("(để trống)")
    if state.value is not None:
        return format_number(state.value)
    return state.text or SaveConflicts.tr("(để trống)")


def _when(moment: datetime | None, today: date) -> str:
    if moment is None:
        return ""
    local = moment.astimezone()  # stored in UTC; the clerk reads their own clock
    if local.date() == today:
        return local.strftime("%H:%M")
    return SaveConflicts.tr("{0} ngày {1}").format(
        local.strftime("%H:%M"), format_date(local.date())
    )


def conflict_text(conflict: FigureConflict, name: str, today: date) -> str:
    """ "Số này vừa được <tên> sửa lúc hh:mm", then their figure and the clerk's."""
    who = conflict.changed_by or SaveConflicts.tr("người khác")
    head = SaveConflicts.tr("Số “{0}” vừa được {1} sửa lúc {2}.").format(
        name, who, _when(conflict.changed_at, today)
    )
    return "\n".join(
        [
            head,
            SaveConflicts.tr("Số của họ: {0}").format(_shown(conflict.theirs)),
            SaveConflicts.tr("Số của bạn: {0}").format(_shown(conflict.yours)),
        ]
    )


def keep_mine(
    parent: QWidget | None, conflicts: list[FigureConflict], names: dict[int, str], today: date
) -> bool:
    """Ask the clerk; True: write their figures over the others', False: take the others'."""
    lines = [
        conflict_text(c, names.get(c.key.indicator_id, str(c.key.indicator_id)), today)
        for c in conflicts
    ]
    return _ask(
        parent,
        SaveConflicts.tr("Số liệu vừa được người khác sửa"),
        "\n\n".join(lines),
        SaveConflicts.tr(
            "Giữ số của tôi: ghi số bạn vừa nhập đè lên số của họ. "
            "Lấy số của họ: không ghi gì, số của họ được giữ nguyên."
        ),
    )


def keep_task(parent: QWidget | None, stale: StaleTask, today: date) -> bool:
    """The same choice for a task's status."""
    who = stale.changed_by or SaveConflicts.tr("người khác")
    text = "\n".join(
        [
            SaveConflicts.tr("Nhiệm vụ {0} vừa được {1} sửa lúc {2}.").format(
                stale.code, who, _when(stale.changed_at, today)
            ),
            SaveConflicts.tr("Tình trạng của họ: {0}").format(label(stale.theirs)),
            SaveConflicts.tr("Tình trạng bạn chọn: {0}").format(label(stale.yours)),
        ]
    )
    return _ask(
        parent,
        SaveConflicts.tr("Nhiệm vụ vừa được người khác sửa"),
        text,
        SaveConflicts.tr(
            "Giữ của tôi: ghi tình trạng bạn chọn. Lấy của họ: không ghi gì, tình trạng của "
            "họ được giữ nguyên."
        ),
        (SaveConflicts.tr("Giữ của tôi"), SaveConflicts.tr("Lấy của họ")),
    )


def _ask(
    parent: QWidget | None, title: str, text: str, advice: str, buttons: tuple[str, str] = ("", "")
) -> bool:
    """`buttons`: keep mine, take theirs (default: the figures' wording)."""
    box = QMessageBox(parent)
    box.setObjectName("saveConflict")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(text)
    box.setInformativeText(advice)
    mine_text = buttons[0] or SaveConflicts.tr("Giữ số của tôi")
    theirs_text = buttons[1] or SaveConflicts.tr("Lấy số của họ")
    mine = box.addButton(mine_text, QMessageBox.ButtonRole.AcceptRole)
    mine.setObjectName("keepMine")
    theirs = box.addButton(theirs_text, QMessageBox.ButtonRole.RejectRole)
    theirs.setObjectName("takeTheirs")
    box.setDefaultButton(theirs)  # Enter never overwrites another clerk's work unasked
    box.setEscapeButton(theirs)
    prompts.run_dialog(box)
    return box.clickedButton() is mine


def not_saved_text(conflicts: list[FigureConflict]) -> str:
    """After "Lấy số của họ": what the clerk typed, so it is not lost from sight."""
    typed = "; ".join(_shown(c.yours) for c in conflicts)
    return SaveConflicts.tr(
        "Đã giữ số liệu người khác vừa sửa; số bạn nhập ({0}) chưa được lưu, "
        "hãy nhập lại nếu vẫn muốn thay."
    ).format(typed)


def task_not_saved_text(stale: StaleTask) -> str:
    return SaveConflicts.tr(
        "Đã giữ tình trạng người khác vừa sửa; tình trạng bạn chọn ({0}) chưa được lưu."
    ).format(label(stale.yours))
