"""Who has reported for a period: the consolidating office's table (Qt-free).

Per reporting unit (services/reporting_units.py): figures expected and received, the last
package received from it (import_log), the due date and days left or late, and a state
from its latest decision (services/approvals.py), else whether anything came in.

Expected figures: a lead agency owes the province-wide figure of every indicator in the
groups it leads; a locality, one figure per locality target of the plan. Received: those
figures present for the period. A package counts for the period when its import wrote a
figure of that period (import_undo_value).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import Engine, text
from sqlmodel import Session, col, select

from ..domain.numbers import format_date, format_moment, format_number
from ..storage.locks import APPROVED, LATEST, REOPENED, RETURNED
from ..storage.models import Agency, Period, Plan
from ..storage.stored_dates import from_stored_time
from .reporting_units import AGENCY, Unit, reporting_units

# Decree 09/2019/NĐ-CP: data to the 14th, reports due some days later (the 18th).
DUE_AFTER_CUTOFF = timedelta(days=4)

NOT_SENT = "chưa gửi"
SENT = "đã gửi"
APPROVED_STATE = "đã duyệt"
RETURNED_STATE = "trả lại"
STATES = (NOT_SENT, SENT, APPROVED_STATE, RETURNED_STATE)

SIGNATURE_NAMES = {
    "verified": "đã xác thực",
    "unsigned": "chưa ký",
    "untrusted": "khóa chưa được tin cậy",
}


@dataclass(frozen=True)
class Package:
    """A package received (import_log) that wrote figures of the period."""

    log_id: int
    file_name: str
    sender: str
    imported_at: datetime
    imported_by: str
    signer: str
    signature_state: str
    undone: bool

    @property
    def signed_by(self) -> str:
        state = SIGNATURE_NAMES.get(self.signature_state, self.signature_state)
        if self.signer:
            return f"{self.signer} ({state})" if state else self.signer
        return state


@dataclass(frozen=True)
class UnitStatus:
    """One row of the table."""

    unit: Unit
    expected: int
    received: int
    last_package: Package | None
    due_on: date
    days_left: int  # negative: days late
    state: str
    comment: str  # a return's comment, a reopen's reason
    decided_by: str
    decided_at: datetime | None

    @property
    def reported(self) -> bool:
        return self.state != NOT_SENT

    @property
    def late(self) -> bool:
        """Not in (or sent back) and past the due date."""
        return self.state in (NOT_SENT, RETURNED_STATE) and self.days_left < 0

    @property
    def days_text(self) -> str:
        if self.days_left < 0:
            return f"trễ {format_number(-self.days_left)} ngày"
        if self.days_left == 0:
            return "hạn hôm nay"
        return f"còn {format_number(self.days_left)} ngày"

    def as_json(self) -> dict[str, object]:
        package = self.last_package
        return {
            "kind": self.unit.kind,
            "code": self.unit.code,
            "name": self.unit.name,
            "expected": self.expected,
            "received": self.received,
            "state": self.state,
            "comment": self.comment,
            "decided_by": self.decided_by,
            "decided_at": self.decided_at.isoformat() if self.decided_at else None,
            "due_on": self.due_on.isoformat(),
            "days_left": self.days_left,
            "late": self.late,
            "last_package": None
            if package is None
            else {
                **{k: v for k, v in asdict(package).items() if k != "imported_at"},
                "imported_at": package.imported_at.isoformat(),
            },
        }


@dataclass(frozen=True)
class PeriodStatus:
    period: Period
    due_on: date
    today: date
    units: list[UnitStatus]
    packages: list[Package]  # every package of the period, newest first

    @property
    def not_reported(self) -> list[UnitStatus]:
        return [u for u in self.units if u.state in (NOT_SENT, RETURNED_STATE)]


def due_date(period: Period) -> date:
    """When the period's reports are due: as set, else the cut-off (or end) + 4 days."""
    if period.report_due_on is not None:
        return period.report_due_on
    return (period.cutoff_on or period.ends_on) + DUE_AFTER_CUTOFF


def set_due_date(engine: Engine, period_id: int, day: date | None) -> date | None:
    """Set (None: clear) the day reports are due; returns the previous one (for undo)."""
    with Session(engine, expire_on_commit=False) as session, session.begin():
        period = session.get(Period, period_id)
        if period is None:
            raise LookupError("Kỳ báo cáo này không còn trong cơ sở dữ liệu.")
        if day is not None and day < period.starts_on:
            raise ValueError(
                f"Hạn nộp báo cáo {format_date(day)} trước ngày bắt đầu kỳ "
                f"({format_date(period.starts_on)}); hãy chọn ngày sau cuối kỳ."
            )
        old = period.report_due_on
        period.report_due_on = day
        session.add(period)
        return old


# Expected and received per unit, in SQL: a plan of 124 communes has thousands of targets.
_AGENCY_COUNTS = (
    "SELECT ga.agency_id, count(*), count(rv.id) FROM group_agency ga "
    "JOIN indicator i ON i.group_id = ga.group_id "
    "LEFT JOIN reported_value rv ON rv.indicator_id = i.id AND rv.period_id = :period "
    "AND rv.locality_id IS NULL "
    "WHERE i.plan_id = :plan AND ga.role = 'lead' GROUP BY ga.agency_id"
)
_LOCALITY_EXPECTED = (
    "SELECT lt.locality_id, count(*) FROM locality_target lt "
    "JOIN indicator i ON i.id = lt.indicator_id WHERE i.plan_id = :plan GROUP BY lt.locality_id"
)
# from the period's figures to their targets (a key lookup each): a join the other way
# scans every locality's figures of an indicator for each target
_LOCALITY_RECEIVED = (
    "SELECT rv.locality_id, count(*) FROM reported_value rv JOIN locality_target lt "
    "ON lt.indicator_id = rv.indicator_id AND lt.locality_id = rv.locality_id "
    "JOIN indicator i ON i.id = rv.indicator_id "
    "WHERE rv.period_id = :period AND i.plan_id = :plan GROUP BY rv.locality_id"
)
_DECISIONS = (
    "SELECT r.agency_id, r.locality_id, r.state, r.comment, r.decided_by, r.decided_at "
    "FROM submission_review r WHERE r.period_id = :period AND " + LATEST
)
_PACKAGES = (
    "SELECT id, file_name, sender, imported_at, imported_by, signer, signature_state, "
    "undone_at FROM import_log WHERE id IN "
    "(SELECT DISTINCT import_log_id FROM import_undo_value WHERE period_id = :period) "
    "ORDER BY imported_at DESC, id DESC"
)


def _time(raw: object) -> datetime | None:
    if raw is None or isinstance(raw, datetime):
        return raw
    return from_stored_time(str(raw))


def period_status(
    engine: Engine, plan: Plan, period: Period, today: Callable[[], date] = date.today
) -> PeriodStatus:
    """The table for one period, days counted against `today()`."""
    day = today()
    with Session(engine) as session:
        units = reporting_units(session, plan)
        connection = session.connection()
        params = {"period": period.id, "plan": plan.id}
        agency_counts = {
            r[0]: (r[1], r[2]) for r in connection.execute(text(_AGENCY_COUNTS), params)
        }
        received_here = dict(connection.execute(text(_LOCALITY_RECEIVED), params).all())
        locality_counts = {
            r[0]: (r[1], received_here.get(r[0], 0))
            for r in connection.execute(text(_LOCALITY_EXPECTED), params)
        }
        decided = {
            (r[0], r[1]): (r[2], r[3], r[4], _time(r[5]))
            for r in connection.execute(text(_DECISIONS), {"period": period.id})
        }
        packages = [
            Package(r[0], r[1], r[2], _time(r[3]), r[4], r[5], r[6], r[7] is not None)  # type: ignore[arg-type]
            for r in connection.execute(text(_PACKAGES), {"period": period.id})
        ]
        # a locality's packages come from its People's Committee (an agency of the locality)
        locality_agencies: dict[int, list[str]] = defaultdict(list)
        for agency in session.exec(select(Agency).where(col(Agency.locality_id).is_not(None))):
            locality_agencies[agency.locality_id or 0].append(agency.name)
    by_sender: dict[str, Package] = {}
    for package in packages:  # newest first: the first per sender is its last
        if not package.undone:
            # "old name → new name" when an old code spoke for its successor
            by_sender.setdefault(package.sender.split(" → ")[-1], package)
    due = due_date(period)
    rows = []
    for unit in units:
        if unit.kind == AGENCY:
            expected, received = agency_counts.get(unit.id, (0, 0))
            senders = [unit.name]
        else:
            expected, received = locality_counts.get(unit.id, (0, 0))
            senders = locality_agencies.get(unit.id, [])
        last = next((by_sender[s] for s in senders if s in by_sender), None)
        state_raw, comment, by, at = decided.get(
            (unit.agency_id, unit.locality_id), (None, "", "", None)
        )
        if state_raw == APPROVED:
            state = APPROVED_STATE
        elif state_raw == RETURNED:
            state = RETURNED_STATE
        else:  # none, or reopened: what came in decides
            state = SENT if received or last else NOT_SENT
        if state_raw not in (APPROVED, RETURNED, REOPENED):
            comment = ""
        rows.append(
            UnitStatus(
                unit, expected, received, last, due, (due - day).days, state, comment, by, at
            )
        )
    return PeriodStatus(period, due, day, rows, packages)


def approved_agencies(engine: Engine, period_id: int) -> frozenset[int]:
    """The agencies whose figures for the period are approved (their latest decision)."""
    with Session(engine) as session:
        found = session.connection().execute(
            text(_DECISIONS + " AND r.state = 'approved' AND r.agency_id IS NOT NULL"),
            {"period": period_id},
        )
        return frozenset(row[0] for row in found)


def status_text(status: PeriodStatus) -> str:
    """The table as text (the command line's)."""
    lines = [
        f"Tình hình báo cáo kỳ {status.period.name}: hạn nộp {format_date(status.due_on)}, "
        f"hôm nay {format_date(status.today)}",
    ]
    for u in status.units:
        package = u.last_package
        got = (
            f"; gói {package.file_name} lúc {format_moment(package.imported_at)}"
            + (f", ký: {package.signed_by}" if package.signed_by else "")
            if package
            else ""
        )
        why = f"; {u.comment}" if u.comment else ""
        owed = f", {u.days_text}" if u.state in (NOT_SENT, RETURNED_STATE) else ""
        lines.append(
            f"- {u.unit.name}: {u.state}, {format_number(u.received)}/"
            f"{format_number(u.expected)} số liệu{owed}{got}{why}"
        )
    return "\n".join(lines) + "\n"


def status_json(status: PeriodStatus) -> str:
    return json.dumps(
        {
            "period": status.period.code,
            "period_name": status.period.name,
            "due_on": status.due_on.isoformat(),
            "today": status.today.isoformat(),
            "units": [u.as_json() for u in status.units],
        },
        ensure_ascii=False,
        indent=2,
    )


__all__ = [
    "APPROVED_STATE",
    "NOT_SENT",
    "RETURNED_STATE",
    "SENT",
    "STATES",
    "PeriodStatus",
    "UnitStatus",
    "due_date",
    "period_status",
    "set_due_date",
    "status_json",
    "status_text",
]
