"""When a task needs attention: overdue, due soon, or neither."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from .terms import TaskStatus

DUE_SOON_DAYS = 14


class Urgency(StrEnum):
    """A task's urgency on a given day."""

    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    LATER = "later"
    NO_DEADLINE = "no_deadline"
    DONE = "done"

    @property
    def label(self) -> str:
        return {
            "overdue": "Quá hạn",
            "due_soon": "Sắp đến hạn",
            "later": "Còn hạn",
            "no_deadline": "Không có hạn",
            "done": "Đã xong",
        }[self]


def urgency(deadline: date | None, status: TaskStatus, today: date) -> Urgency:
    """Overdue after the deadline, due soon within DUE_SOON_DAYS of it."""
    if status is TaskStatus.DONE:
        return Urgency.DONE
    if deadline is None:
        return Urgency.NO_DEADLINE
    days = (deadline - today).days
    if days < 0:
        return Urgency.OVERDUE
    return Urgency.DUE_SOON if days <= DUE_SOON_DAYS else Urgency.LATER
