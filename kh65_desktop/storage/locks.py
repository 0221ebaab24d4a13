"""Figures the consolidating office has approved are locked: no write changes them until the
unit's period is reopened (services/approvals.py appends the decisions).

A unit's latest submission_review row for a period is its state. An approved agency locks
the figures (every locality) of the indicators whose groups it leads; an approved locality
locks that locality's figures. Checked here, where every figure write passes
(storage/figures.py), so no door (a typed cell, the period form, an import, an undo) can
get around it.
"""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from sqlalchemy import Connection, text

from ..domain.numbers import format_moment
from .stored_dates import from_stored_time

APPROVED = "approved"
RETURNED = "returned"
REOPENED = "reopened"

# The latest decision per (period, unit): max(id), the table being append-only.
LATEST = (
    "r.id = (SELECT max(r2.id) FROM submission_review r2 WHERE r2.period_id = r.period_id "
    "AND coalesce(r2.agency_id, 0) = coalesce(r.agency_id, 0) "
    "AND coalesce(r2.locality_id, 0) = coalesce(r.locality_id, 0))"
)
# Which approval (if any) covers a staged figure (storage/figures.py's temp table
# kh65_incoming: indicator_id, period_id, locality_id). No rowid and no "temp." prefix, so
# that the same statements serve PostgreSQL.
_COVERS = (
    "r.period_id = kh65_incoming.period_id AND r.state = 'approved' AND "
    + LATEST
    + " AND ((r.locality_id IS NOT NULL AND r.locality_id = kh65_incoming.locality_id) OR "
    "(r.agency_id IS NOT NULL AND EXISTS (SELECT 1 FROM indicator ind JOIN group_agency ga "
    "ON ga.group_id = ind.group_id WHERE ind.id = kh65_incoming.indicator_id "
    "AND ga.agency_id = r.agency_id AND ga.role = 'lead')))"
)
# Each staged figure's covering approval (NULL: not locked).
_LOCKED_STAGED = (
    "SELECT (SELECT max(r.id) FROM submission_review r WHERE " + _COVERS + ") FROM kh65_incoming"
)
_DROP_LOCKED = (
    "DELETE FROM kh65_incoming WHERE EXISTS (SELECT 1 FROM submission_review r WHERE "
    + _COVERS
    + ")"
)
_DECISION = (
    "SELECT r.decided_by, r.decided_at, p.name, a.name, l.name FROM submission_review r "
    "JOIN period p ON p.id = r.period_id LEFT JOIN agency a ON a.id = r.agency_id "
    "LEFT JOIN locality l ON l.id = r.locality_id WHERE r.id = :id"
)
_ANY_APPROVED = "SELECT 1 FROM submission_review WHERE state = 'approved' LIMIT 1"


class Approval(NamedTuple):
    """Who approved which unit's figures of which period, and when."""

    unit: str
    period: str
    by: str
    at: datetime | None


class FiguresLocked(ValueError):
    """A write touching approved (locked) figures; the message is for the clerk."""

    def __init__(self, approval: Approval, count: int) -> None:
        self.approval, self.count = approval, count
        super().__init__(locked_message(approval, count))


def locked_message(approval: Approval, count: int = 1) -> str:
    """Vietnamese: which figures are locked, by whom and since when, and how to unlock."""
    what = "Số liệu này" if count == 1 else f"{count} số liệu"
    return (
        f"{what} thuộc phần báo cáo kỳ {approval.period} của {approval.unit}, đã được "
        f"{approval.by or 'văn phòng tổng hợp'} duyệt lúc {format_moment(approval.at)} nên "
        "đang khóa. Muốn sửa, hãy mở lại kỳ báo cáo của đơn vị này (tab Tình hình báo cáo → "
        "Mở lại…, hoặc lệnh kh65 reopen … --reason …) và ghi rõ lý do."
    )


def _any_approved(connection: Connection) -> bool:
    return connection.execute(text(_ANY_APPROVED)).first() is not None


def approval(connection: Connection, review_id: int) -> Approval:
    row = connection.execute(text(_DECISION), {"id": review_id}).one()
    at = row[1] if isinstance(row[1], datetime) or row[1] is None else from_stored_time(row[1])
    return Approval(row[3] or row[4] or "", row[2], row[0], at)


def refuse_locked_staged(connection: Connection) -> None:
    """Raise FiguresLocked if any staged figure is locked (nothing has been written yet)."""
    if not _any_approved(connection):
        return
    locked = [row[0] for row in connection.execute(text(_LOCKED_STAGED)) if row[0] is not None]
    if locked:
        raise FiguresLocked(approval(connection, locked[0]), len(locked))


def drop_locked_staged(connection: Connection) -> int:
    """Leave the locked staged figures out of the write (an import, an import's undo);
    returns how many."""
    if not _any_approved(connection):
        return 0
    return connection.execute(text(_DROP_LOCKED)).rowcount or 0


_APPROVED_UNITS = (
    "SELECT r.id, r.period_id, r.agency_id, r.locality_id FROM submission_review r "
    "WHERE r.plan_id = :plan AND r.state = 'approved' AND " + LATEST
)
_LED = (
    "SELECT ga.agency_id, i.id FROM group_agency ga JOIN indicator i ON i.group_id = ga.group_id "
    "WHERE i.plan_id = :plan AND ga.role = 'lead'"
)


class Locks:
    """A plan's approved units, read once, to tell which figures an import must skip."""

    def __init__(self, connection: Connection, plan_id: int) -> None:
        self._by_locality: dict[tuple[int, int], int] = {}  # (period, locality) -> review
        self._by_indicator: dict[tuple[int, int], int] = {}  # (period, indicator) -> review
        approved = connection.execute(text(_APPROVED_UNITS), {"plan": plan_id}).all()
        agencies: dict[int, list[tuple[int, int]]] = {}
        for review_id, period_id, agency_id, locality_id in approved:
            if locality_id is not None:
                self._by_locality[(period_id, locality_id)] = review_id
            if agency_id is not None:
                agencies.setdefault(agency_id, []).append((period_id, review_id))
        if agencies:
            for agency_id, indicator_id in connection.execute(text(_LED), {"plan": plan_id}):
                for period_id, review_id in agencies.get(agency_id, []):
                    self._by_indicator[(period_id, indicator_id)] = review_id
        # who and when, read now: the caller's session may be gone when a row asks
        self._approvals = {row[0]: approval(connection, row[0]) for row in approved}

    def __bool__(self) -> bool:
        return bool(self._by_locality or self._by_indicator)

    def covering(
        self, indicator_id: int, period_id: int, locality_id: int | None
    ) -> Approval | None:
        """The approval that locks this figure, if any."""
        review_id = self._by_indicator.get((period_id, indicator_id))
        if review_id is None and locality_id is not None:
            review_id = self._by_locality.get((period_id, locality_id))
        return None if review_id is None else self._approvals[review_id]


LOCKED_LABEL = "Đã duyệt, khóa"


def locked_reason(found: Approval) -> str:
    """The import preview's reason on a locked row."""
    return (
        f"{LOCKED_LABEL}: {found.by or 'văn phòng tổng hợp'} duyệt số liệu kỳ {found.period} "
        f"của {found.unit} lúc {format_moment(found.at)}; muốn nhận, hãy mở lại kỳ (ghi lý do)."
    )
