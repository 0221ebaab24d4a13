"""A plan carried in a package: the plan's owner sends its plan file with the definitions
(`kh65 export --definitions`), and an office that lacks the plan may load it from the package.

Only the plan's owner may bring a plan: the file's `[plan] owner_code` must be the sender
(or the agency the sender's work passed to, or from). Loading is the plan file's own load
(services/plan_load: one transaction, undoable in the window); the figures are imported after
it, in their own transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Engine
from sqlmodel import Session, select

from ..exchange.data import ExchangeData
from ..storage.models import Agency, Plan
from ..storage.plan_file import PlanFileError, read_plan_text
from ..storage.plan_writer import plan_file_text
from .organisations import resolve_code
from .plan_load import load_plan_text
from .plan_undo import AddedPlan


class CarriedPlanRefused(ValueError):
    """The package's plan cannot be loaded from it; the message says why, in Vietnamese."""


@dataclass(frozen=True)
class CarriedPlan:
    """What a package offers: a plan this database lacks, with its own file."""

    code: str
    number: str
    title: str


def owner_plan_file(engine: Engine, plan: Plan, agency: Agency) -> str:
    """The plan file a package from `agency` carries: the plan's own when `agency` is its
    owner (or the owner's successor at the plan's end), otherwise none ("")."""
    owner = resolve_code(engine, plan.owner_code, plan.ends_on) if plan.owner_code else None
    if owner is None or owner[1].id != agency.id:
        return ""
    with Session(engine) as session:
        held = session.get(Plan, plan.id)
        assert held is not None
        return plan_file_text(session, held)


def offered_plan(engine: Engine, data: ExchangeData) -> CarriedPlan | None:
    """The plan the package carries, when this database lacks its plan; None when it carries
    none or the plan is here. CarriedPlanRefused when it carries one it may not bring."""
    if not data.plan_file:
        return None
    with Session(engine) as session:
        if session.exec(select(Plan.id).where(Plan.code == data.plan_code)).first():
            return None
    meta = _checked(engine, data)
    return CarriedPlan(data.plan_code, str(meta.get("number", "")), str(meta.get("title", "")))


def load_offered_plan(engine: Engine, data: ExchangeData) -> AddedPlan:
    """Load the package's plan (one transaction; nothing written when refused)."""
    _checked(engine, data)
    try:
        return load_plan_text(engine, data.plan_file, _name(data))
    except PlanFileError as exc:
        raise CarriedPlanRefused(f"{exc} Không có gì được ghi.") from None
    except (KeyError, TypeError, ValueError, AttributeError):  # a field of the wrong shape
        raise CarriedPlanRefused(
            f"Tệp kế hoạch kèm trong gói {data.source} không đúng định dạng; không có gì được "
            "ghi. Hãy đề nghị cơ quan tổng hợp kế hoạch gửi lại gói."
        ) from None


def _name(data: ExchangeData) -> str:
    return f"tệp kế hoạch trong gói {data.source}"


def _checked(engine: Engine, data: ExchangeData) -> dict[str, Any]:
    """The carried file's [plan] table, when it is the package's plan and its sender owns it."""
    try:
        meta = read_plan_text(data.plan_file, _name(data)).get("plan")
    except PlanFileError as exc:
        raise CarriedPlanRefused(str(exc)) from None
    if not isinstance(meta, dict) or meta.get("code") != data.plan_code:
        raise CarriedPlanRefused(
            f"Tệp kế hoạch kèm trong gói {data.source} không phải của kế hoạch "
            f"“{data.plan_code}” mà gói ghi; không nạp."
        )
    owner = meta.get("owner_code")
    if not isinstance(owner, str) or not owner or not _same_agency(engine, owner, data, meta):
        raise CarriedPlanRefused(
            f"Gói do “{data.sender_name}” gửi, không phải cơ quan tổng hợp kế hoạch "
            f"“{data.plan_code}” (mã {owner or 'không ghi'}): chỉ cơ quan đó được gửi kế "
            "hoạch. Không nạp kế hoạch từ gói này; hãy xin cơ quan tổng hợp gửi kế hoạch."
        )
    return meta


def _same_agency(engine: Engine, owner: str, data: ExchangeData, meta: dict[str, Any]) -> bool:
    """The sender is the owner: the same code, or codes whose work one agency holds here at
    the plan's end (a merge between the plan file's writing and the package)."""
    if data.sender_code == owner:
        return True
    ends = meta.get("ends_on")
    day = ends if isinstance(ends, date) else date.today()
    sender, holder = resolve_code(engine, data.sender_code, day), resolve_code(engine, owner, day)
    return sender is not None and holder is not None and sender[1].id == holder[1].id
