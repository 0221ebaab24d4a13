"""A write the server refused because the signed-in clerk's role may not write those rows
(storage/server_roles.py), said for the clerk: whose figures they were and what to do."""

from __future__ import annotations

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from ..storage.failures import StorageError
from ..storage.models import Indicator
from ..storage.server_roles import lead_agency_names, lead_task_agency_names


class NotPermitted(StorageError, ValueError):
    """Refused by the server's row-level security; nothing was written. Already said for the
    clerk: the window shows it (a refused value), the command line prints it (exit code 2)."""


def _whose(names: list[str]) -> str:
    return ", ".join(names) if names else "cơ quan khác"


def figures_refused(engine: Engine, indicator_ids: list[int]) -> NotPermitted:
    with engine.connect() as connection:
        names = lead_agency_names(connection, sorted(set(indicator_ids)))
    return NotPermitted(
        f"Bạn không có quyền ghi số liệu của {_whose(names)}. Số liệu này do {_whose(names)} "
        "chủ trì; hãy nhờ cán bộ của cơ quan đó hoặc phòng kế hoạch nhập. Không có gì được ghi."
    )


def imported_figures_refused(engine: Engine, plan_id: int | None, codes: set[str]) -> NotPermitted:
    """An import's figures (by indicator code) refused."""
    with Session(engine) as session:
        ids = session.exec(
            select(Indicator.id).where(Indicator.plan_id == plan_id, col(Indicator.code).in_(codes))
        ).all()
    return figures_refused(engine, [i for i in ids if i is not None])


def task_refused(engine: Engine, task_id: int) -> NotPermitted:
    with engine.connect() as connection:
        names = lead_task_agency_names(connection, task_id)
    return NotPermitted(
        f"Bạn không có quyền sửa nhiệm vụ của {_whose(names)}; hãy nhờ cán bộ của cơ quan đó "
        "hoặc phòng kế hoạch. Không có gì được ghi."
    )


def other_refused() -> NotPermitted:
    return NotPermitted(
        "Tài khoản của bạn trên máy chủ không có quyền ghi dữ liệu này; hãy nhờ phòng kế hoạch. "
        "Không có gì được ghi."
    )
