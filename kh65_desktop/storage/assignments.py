"""What an agency leads in a plan, read where several services need it (an agency's
package, its report's task results, a split's check that every item keeps a lead)."""

from __future__ import annotations

from sqlmodel import Session, col, select

from ..domain.terms import Role
from .models import Task, TaskAgency


def led_tasks(session: Session, plan_id: int | None, agency_id: int | None) -> list[Task]:
    """The plan's tasks the agency leads, in the plan's order."""
    return list(
        session.exec(
            select(Task)
            .join(TaskAgency)
            .where(
                Task.plan_id == plan_id,
                TaskAgency.agency_id == agency_id,
                TaskAgency.role == Role.LEAD,
            )
            .order_by(col(Task.position), col(Task.id))
        )
    )
