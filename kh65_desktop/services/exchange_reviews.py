"""Returned submissions in packages: the consolidating office's return (with its comment)
goes out in the next package it exports and is marked sent (`sent_at`); the unit's office
stores it on import and shows it ("Sở Tài chính trả lại số liệu kỳ …: <comment>").

Only the plan's owner (the consolidating office) may send them; another sender's are
refused by row. One already stored (same unit, period, state and time) is unchanged. The
import's undo removes the rows it added.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, text, update
from sqlmodel import Session, col, select

from ..domain.conflicts import utc
from ..exchange.data import ExchangeData, ReviewData
from ..storage.locks import LATEST, RETURNED
from ..storage.models import Agency, Locality, Period, Plan, SubmissionReview
from .organisations import owner_successor

if TYPE_CHECKING:
    from .exchange import Action, PreviewRow
    from .exchange_rights import SenderRights

KIND = "review"  # PreviewRow.kind, and the import's undo entry

_UNSENT_RETURNS = (
    "SELECT r.id FROM submission_review r WHERE r.plan_id = :plan AND r.state = 'returned' "
    "AND r.sent_at IS NULL AND " + LATEST
)


def returned_sentence(office: str, period: str, comment: str) -> str:
    """How the unit reads a return: in the import's result, the status and Cơ quan tabs."""
    return f"{office} trả lại số liệu kỳ {period}: {comment}"


def export_reviews(
    session: Session, plan: Plan, sender: Agency
) -> tuple[list[ReviewData], list[int]]:
    """The returns not yet sent (each unit's latest decision), and their ids to mark sent,
    when the sender is the plan's owner (the consolidating office; else none)."""
    owner = session.exec(select(Agency).where(Agency.code == plan.owner_code)).first()
    if owner is None or owner_successor(session, owner, plan.ends_on).id != sender.id:
        return [], []
    ids = [r[0] for r in session.connection().execute(text(_UNSENT_RETURNS), {"plan": plan.id})]
    if not ids:
        return [], []
    rows = session.exec(
        select(SubmissionReview, Period.code, Agency.code, Locality.code)
        .join(Period, col(Period.id) == SubmissionReview.period_id)
        .outerjoin(Agency, col(Agency.id) == SubmissionReview.agency_id)
        .outerjoin(Locality, col(Locality.id) == SubmissionReview.locality_id)
        .where(col(SubmissionReview.id).in_(ids))
        .order_by(col(SubmissionReview.id))
    )
    reviews = [
        ReviewData(period, agency, locality, r.state, r.comment, r.decided_by, utc(r.decided_at))
        for r, period, agency, locality in rows
    ]
    return reviews, ids


def mark_sent(engine: Engine, ids: list[int], now: datetime) -> None:
    """The package carrying them is written: they are sent."""
    if ids:
        with Session(engine) as session, session.begin():
            session.execute(
                update(SubmissionReview)
                .where(col(SubmissionReview.id).in_(ids))
                .values(sent_at=now)
            )


def preview_rows(
    session: Session,
    plan: Plan,
    data: ExchangeData,
    rights: SenderRights,
    row_type: type[PreviewRow],
    action: type[Action],
) -> list[PreviewRow]:
    """One row per received return: added, unchanged (already here), or refused."""
    if not data.reviews:
        return []
    periods = {p.code: p for p in session.exec(select(Period).where(Period.plan_id == plan.id))}
    agencies = {a.code: a for a in session.exec(select(Agency))}
    localities = {loc.code: loc for loc in session.exec(select(Locality))}
    refused_sender = rights.definition_refusal()  # the owner's right, as for targets
    rows = []
    for review in data.reviews:
        period = periods.get(review.period)
        unit = (
            agencies.get(review.agency) if review.agency else localities.get(review.locality or "")
        )
        row = row_type(
            KIND,
            "",
            returned_sentence(
                data.sender_name, period.name if period else review.period, review.comment
            ),
            period.name if period else review.period,
            unit.name if unit else (review.agency or review.locality or ""),
            "—",
            "trả lại",
            action.ADD,
            theirs_at=utc(review.decided_at),
            payload=review,
        )
        if refused_sender:
            row.action = action.REFUSED
            row.reason = (
                "Chỉ cơ quan tổng hợp kế hoạch được trả lại số liệu của các đơn vị; tệp này "
                f"của {data.sender_name}."
            )
        elif period is None or unit is None:
            row.action = action.REFUSED
            row.reason = "Kỳ hoặc đơn vị được trả lại không có ở đây."
        elif _stored(session, period, review, unit) is not None:
            row.action = action.UNCHANGED
        rows.append(row)
    return rows


def _stored(session: Session, period: Period, review: ReviewData, unit: Any) -> int | None:
    agency_id = unit.id if review.agency else None
    locality_id = unit.id if review.locality else None
    for r in session.exec(
        select(SubmissionReview).where(
            SubmissionReview.period_id == period.id,
            SubmissionReview.agency_id == agency_id,
            SubmissionReview.locality_id == locality_id,
            SubmissionReview.state == review.state,
        )
    ):
        if r.comment == review.comment and utc(r.decided_at) == utc(review.decided_at):
            return r.id
    return None


def apply_rows(session: Session, plan: Plan, rows: list[ReviewData], now: datetime) -> list[int]:
    """Store the received returns (as sent: this office never sends them on); their ids."""
    periods = {p.code: p.id for p in session.exec(select(Period).where(Period.plan_id == plan.id))}
    agencies = {a.code: a.id for a in session.exec(select(Agency))}
    localities = {loc.code: loc.id for loc in session.exec(select(Locality))}
    added = []
    for review in rows:
        row = SubmissionReview(
            plan_id=plan.id or 0,
            period_id=periods[review.period],
            agency_id=agencies[review.agency] if review.agency else None,
            locality_id=localities[review.locality] if review.locality else None,
            state=RETURNED,
            comment=review.comment,
            decided_by=review.decided_by,
            decided_at=utc(review.decided_at) or now,
            sent_at=now,
        )
        session.add(row)
        session.flush()
        added.append(row.id or 0)
    return added


def undo_rows(session: Session, ids: list[int]) -> None:
    """The import's undo: its returns go again."""
    for review_id in ids:
        row = session.get(SubmissionReview, review_id)
        if row is not None:
            session.delete(row)


def returned_to(engine: Engine, agency_id: int) -> list[tuple[str, str]]:
    """The returns standing against an agency (its own or its locality's): (period, comment)."""
    with Session(engine) as session:
        agency = session.get(Agency, agency_id)
        if agency is None:
            return []
        found = session.connection().execute(
            text(
                "SELECT p.name, r.comment FROM submission_review r JOIN period p "
                "ON p.id = r.period_id WHERE r.state = 'returned' AND (r.agency_id = :agency "
                "OR r.locality_id = :locality) AND " + LATEST + " ORDER BY r.id"
            ),
            {"agency": agency_id, "locality": agency.locality_id or -1},
        )
        return [(period, comment) for period, comment in found]
