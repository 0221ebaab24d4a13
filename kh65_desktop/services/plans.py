"""Which plans the database holds, and which one the window or a command works on.

A database may hold several plans (plan 65 of 2024, a 2026 plan made from it, …); each
command and the window work on one at a time, chosen by its stable code. Without a choice,
the newest (by year, then issue date) is the one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from ..domain.codes import code_key
from ..storage.models import Plan


class NoPlanError(LookupError):
    """The database holds no plan yet."""


class UnknownPlanError(LookupError):
    """No plan has the code asked for; the message lists the codes there are."""


@dataclass(frozen=True)
class PlanEntry:
    """A plan as the "Kế hoạch" menu and `kh65 plan list` show it."""

    id: int
    code: str
    number: str
    year: int
    issued_on: date
    issuing_body: str
    title: str


def _newest_first(session: Session) -> list[Plan]:
    return list(
        session.exec(
            select(Plan).order_by(
                col(Plan.year).desc(), col(Plan.issued_on).desc(), col(Plan.id).desc()
            )
        )
    )


def list_plans(engine: Engine) -> list[PlanEntry]:
    """Every plan, newest first."""
    with Session(engine) as session:
        return [
            PlanEntry(p.id or 0, p.code, p.number, p.year, p.issued_on, p.issuing_body, p.title)
            for p in _newest_first(session)
        ]


def choose_plan(engine: Engine, code: str | None = None) -> Plan:
    """The plan with `code` (compared as domain/codes.code_key does), or the newest when
    `code` is None; an empty code is refused (`--plan ""`: a script's empty variable)."""
    with Session(engine, expire_on_commit=False) as session:
        plans = _newest_first(session)
    if not plans:
        raise NoPlanError("Cơ sở dữ liệu chưa có kế hoạch nào.")
    if code is None:
        return plans[0]
    wanted = code.strip()
    for plan in plans:  # "65/kh-ubnd/2024" or a Mac's decomposed letters name it too
        if code_key(plan.code) == code_key(wanted):
            return plan
    known = "; ".join(f"{p.code} (số {p.number}, năm {p.year})" for p in plans)
    said = f"Không có kế hoạch mã “{wanted}”." if wanted else "Mã kế hoạch để trống."
    raise UnknownPlanError(
        f"{said} Các kế hoạch có trong cơ sở dữ liệu: {known}. "
        "Hãy dùng một trong các mã đó (xem bằng lệnh: kh65 plan list)."
    )


def plan_or_newest(engine: Engine, code: str | None) -> Plan:
    """The remembered plan if it is still there (it may have been undone or the database
    replaced), else the newest: the window never refuses to open over a stale setting."""
    try:
        return choose_plan(engine, code)
    except UnknownPlanError:
        return choose_plan(engine)
