"""Undoable decisions of the consolidating office (approve, return, reopen) and the due date.

Undo of a decision deletes the row it added (services/approvals.withdraw), only while it is
still the unit's latest for the period and, a return, not yet sent in a package; otherwise
the undo is refused with the reason and the clerk takes a new decision. Redo adds it again.
"""

from __future__ import annotations

from datetime import date

from ..services import approvals
from ..services.consolidation import set_due_date
from ..services.reporting_units import Unit
from ..storage.models import Period, SubmissionReview
from .commands import ServiceCommand
from .context import AppContext

APPROVE, RETURN, REOPEN = "approve", "return", "reopen"


class DecideCommand(ServiceCommand):
    """One decision on a unit's figures for a period."""

    def __init__(
        self, context: AppContext, what: str, unit: Unit, period: Period, text: str, label: str
    ) -> None:
        super().__init__(context, label)
        self.what, self.unit, self.period, self.comment = what, unit, period, text
        self.review_id: int | None = None
        self.withdrawn: SubmissionReview | None = None

    def do(self) -> None:
        engine, by = self.context.engine, self.context.clerk
        if self.withdrawn is not None:  # redo: the same decision, as first taken
            self.review_id = approvals.restore(engine, self.withdrawn)
            self.withdrawn = None
        elif self.what == APPROVE:
            self.review_id = approvals.approve(engine, self.unit, self.period, by)
        elif self.what == RETURN:
            self.review_id = approvals.return_(engine, self.unit, self.period, self.comment, by)
        else:
            self.review_id = approvals.reopen(engine, self.unit, self.period, self.comment, by)

    def undo_(self) -> None:
        assert self.review_id is not None
        row = approvals.decision(self.context.engine, self.review_id)
        approvals.withdraw(self.context.engine, self.review_id)  # refused: nothing changes
        self.withdrawn = row


class SetDueDateCommand(ServiceCommand):
    """The day a period's reports are due (None: the cut-off + 4 days)."""

    def __init__(self, context: AppContext, period_id: int, day: date | None, label: str) -> None:
        super().__init__(context, label)
        self.period_id, self.day = period_id, day
        self.old: date | None = None

    def do(self) -> None:
        self.old = set_due_date(self.context.engine, self.period_id, self.day)

    def undo_(self) -> None:
        set_due_date(self.context.engine, self.period_id, self.old)
