"""Asking the clerk before saving a figure that looks like a typo (domain/figure_rules.py:
more than 10× its target or the last figure). Refusals are the edit service's."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget
from sqlalchemy.exc import SQLAlchemyError

from ..services.editing import ValueKey, ValueState
from ..storage.engines import is_connection_lost
from . import prompts
from .context import AppContext


class FigurePrompts(QObject):
    """The translation context of this module's texts."""


def confirm_jumps(
    context: AppContext,
    changes: list[tuple[ValueKey, ValueState | None]],
    parent: QWidget | None = None,
) -> bool:
    """True when nothing looks implausible, or the clerk says to save it anyway."""
    try:
        warnings = context.edits.jump_warnings(changes)
    except SQLAlchemyError as error:
        if not is_connection_lost(error):
            raise
        # the server is gone: nothing to compare with; the save says so and offers Thử lại
        return True
    if not warnings:
        return True
    shown = "\n".join(f"• {w}" for w in warnings[:10])
    back_to = _focus_home()
    answer = prompts.confirm(
        parent or QApplication.activeWindow(),
        FigurePrompts.tr("Số liệu bất thường"),
        FigurePrompts.tr("{0}\n\nVẫn lưu số liệu này?").format(shown),
    )
    if back_to is not None and shiboken6.isValid(back_to):
        back_to.setFocus()
    return answer


def _focus_home() -> QWidget | None:
    """Where the keyboard should be once the question is answered: the table whose cell was
    being typed (the cell's editor closes behind the question, and without this the focus
    went nowhere: arrows and F2 did nothing until a click), else the focused widget."""
    focused = QApplication.focusWidget()
    widget = focused
    while widget is not None and not isinstance(widget, QAbstractItemView):
        widget = widget.parentWidget()
    return widget or focused
