"""A plan loaded from its data file (docs/plan-file.md) into a database that may hold others."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import Session, select

from ..storage.models import Agency, Locality
from ..storage.plan_file import load_plan
from .plan_undo import AddedPlan, added_plan


def load_plan_file(engine: Engine, path: Path) -> AddedPlan:
    """Load the plan in `path` in one transaction (PlanFileError names the file and the item,
    nothing written); returns what it wrote, with the agencies and localities it brought."""
    with Session(engine, expire_on_commit=False) as session, session.begin():
        agencies = set(session.exec(select(Agency.id)))
        localities = set(session.exec(select(Locality.id)))
        plan = load_plan(session, path)
        session.flush()
        brought = {
            Agency.__tablename__: [i for i in session.exec(select(Agency.id)) if i not in agencies],
            Locality.__tablename__: [
                i for i in session.exec(select(Locality.id)) if i not in localities
            ],
        }
        plan_id = plan.id
    assert plan_id is not None
    return added_plan(engine, plan_id, brought)  # type: ignore[arg-type]
