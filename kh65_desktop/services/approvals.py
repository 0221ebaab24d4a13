"""The consolidating office's decisions on a unit's figures for a period: approve (locks
them: storage/locks.py), return with a comment for the unit, reopen with a reason. Each is
one transaction appending a submission_review row; the rows are the readable log.

Undo in the window deletes the row the decision added, and only while it is still the
unit's latest decision and (a return) not yet sent: a decision taken back at once leaves no
trace, a later one is never rewritten (`withdraw`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from ..domain.figure_rules import RuleError, clean_text
from ..domain.numbers import format_moment
from ..storage.locks import APPROVED, REOPENED, RETURNED
from ..storage.models import Agency, Locality, Period, SubmissionReview
from .reporting_units import Unit

STATE_NAMES = {APPROVED: "đã duyệt", RETURNED: "trả lại", REOPENED: "mở lại"}
UNDO_REASON = "Hoàn tác"


class DecisionRefused(ValueError):
    """A decision that cannot be taken now; the message says why and what to do."""


@dataclass(frozen=True)
class Decision:
    """One row of the log: who decided what on which unit's figures, when, and why."""

    id: int
    unit: str
    period: str
    state: str
    comment: str
    by: str
    at: datetime
    sent_at: datetime | None

    @property
    def line(self) -> str:
        why = f": {self.comment}" if self.comment else ""
        return (
            f"{format_moment(self.at)} {self.by} {STATE_NAMES.get(self.state, self.state)} "
            f"{self.unit}, kỳ {self.period}{why}"
        )


def _of_unit(unit: Unit, period_id: int):  # type: ignore[no-untyped-def]
    return select(SubmissionReview).where(
        SubmissionReview.period_id == period_id,
        SubmissionReview.agency_id == unit.agency_id,
        SubmissionReview.locality_id == unit.locality_id,
    )


def latest(session: Session, unit: Unit, period_id: int) -> SubmissionReview | None:
    """The unit's state for the period: its newest decision, if any."""
    query = _of_unit(unit, period_id).order_by(col(SubmissionReview.id).desc())
    return session.exec(query).first()


def _decide(
    engine: Engine,
    unit: Unit,
    period: Period,
    state: str,
    comment: str,
    by: str,
    now: datetime | None,
) -> int:
    with Session(engine, expire_on_commit=False) as session, session.begin():
        last = latest(session, unit, period.id or 0)
        last_state = last.state if last else None
        if state == APPROVED and last_state == APPROVED:
            raise DecisionRefused(
                f"Số liệu kỳ {period.name} của {unit.name} đã được {last.decided_by} duyệt "  # type: ignore[union-attr]
                f"lúc {format_moment(last.decided_at)} rồi."  # type: ignore[union-attr]
            )
        if state == RETURNED and last_state == APPROVED:
            raise DecisionRefused(
                f"Số liệu kỳ {period.name} của {unit.name} đã được duyệt và đang khóa: hãy mở "
                "lại kỳ (ghi lý do) trước khi trả lại."
            )
        if state == REOPENED and last_state not in (APPROVED, RETURNED):
            raise DecisionRefused(
                f"Số liệu kỳ {period.name} của {unit.name} chưa được duyệt hay trả lại nên "
                "không có gì để mở lại."
            )
        row = SubmissionReview(
            plan_id=period.plan_id,
            period_id=period.id or 0,
            agency_id=unit.agency_id,
            locality_id=unit.locality_id,
            state=state,
            comment=comment,
            decided_by=by,
            decided_at=now or datetime.now(UTC),
        )
        session.add(row)
        session.flush()
        return row.id or 0


def _required(text: str, what: str, unit: Unit, period: Period) -> str:
    try:  # a note's rules: no control characters, at most 2.000 characters
        cleaned = clean_text(text or "", "note", what.capitalize()).strip()
    except RuleError as refused:
        raise DecisionRefused(str(refused)) from refused
    if not cleaned:
        raise DecisionRefused(
            f"Chưa ghi {what}: {what} là bắt buộc khi "
            f"{'mở lại' if what == 'lý do' else 'trả lại'} số liệu kỳ {period.name} của "
            f"{unit.name}. Hãy ghi {what} rồi thử lại."
        )
    return cleaned


def approve(
    engine: Engine, unit: Unit, period: Period, by: str, now: datetime | None = None
) -> int:
    """Accept the unit's figures for the period: they are locked from now on."""
    return _decide(engine, unit, period, APPROVED, "", by, now)


def return_(
    engine: Engine, unit: Unit, period: Period, comment: str, by: str, now: datetime | None = None
) -> int:
    """Send the unit's figures back with a comment (it travels in the next package)."""
    comment = _required(comment, "nhận xét", unit, period)
    return _decide(engine, unit, period, RETURNED, comment, by, now)


def reopen(
    engine: Engine, unit: Unit, period: Period, reason: str, by: str, now: datetime | None = None
) -> int:
    """Unlock an approved (or returned) unit's period; the reason is logged."""
    reason = _required(reason, "lý do", unit, period)
    return _decide(engine, unit, period, REOPENED, reason, by, now)


def withdraw(engine: Engine, review_id: int) -> None:
    """Take back a decision (the window's undo): delete its row if it is still the unit's
    latest for the period and was not sent; else DecisionRefused, nothing written."""
    with Session(engine, expire_on_commit=False) as session, session.begin():
        row = session.get(SubmissionReview, review_id)
        if row is None:
            return
        newer = session.exec(
            select(SubmissionReview.id).where(
                SubmissionReview.period_id == row.period_id,
                SubmissionReview.agency_id == row.agency_id,
                SubmissionReview.locality_id == row.locality_id,
                col(SubmissionReview.id) > review_id,
            )
        ).first()
        if newer is not None or row.sent_at is not None:
            raise DecisionRefused(
                "quyết định này đã có quyết định khác sau nó hoặc đã được gửi đi, nên không "
                "hoàn tác được; hãy ra một quyết định mới (Mở lại… với lý do)"
            )
        session.delete(row)


def restore(engine: Engine, review: SubmissionReview) -> int:
    """Put a withdrawn decision back (the window's redo), as a new row."""
    with Session(engine, expire_on_commit=False) as session, session.begin():
        row = SubmissionReview(
            **review.model_dump(exclude={"id"}),
        )
        session.add(row)
        session.flush()
        return row.id or 0


def decision(engine: Engine, review_id: int) -> SubmissionReview | None:
    with Session(engine, expire_on_commit=False) as session:
        return session.get(SubmissionReview, review_id)


def decisions(engine: Engine, plan_id: int, period_id: int | None = None) -> list[Decision]:
    """The log, oldest first: every decision of the plan (of one period, if given)."""
    with Session(engine) as session:
        query = select(SubmissionReview, Period.name, Agency.name, Locality.name)
        query = (
            query.join(Period, col(Period.id) == SubmissionReview.period_id)
            .outerjoin(Agency, col(Agency.id) == SubmissionReview.agency_id)
            .outerjoin(Locality, col(Locality.id) == SubmissionReview.locality_id)
            .where(SubmissionReview.plan_id == plan_id)
            .order_by(col(SubmissionReview.id))
        )
        if period_id is not None:
            query = query.where(SubmissionReview.period_id == period_id)
        return [
            Decision(
                r.id or 0,
                agency or locality or "",
                period,
                r.state,
                r.comment,
                r.decided_by,
                r.decided_at,
                r.sent_at,
            )
            for r, period, agency, locality in session.exec(query)
        ]
