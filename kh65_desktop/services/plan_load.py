"""A plan loaded from its data file (docs/plan-file.md) into a database that may hold others."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import Session, select

from ..storage.models import Agency, Locality, Plan
from ..storage.plan_file import load_plan, load_plan_data, read_plan_text
from .plan_undo import AddedPlan, added_plan


def load_plan_file(engine: Engine, path: Path) -> AddedPlan:
    """Load the plan in `path` in one transaction (PlanFileError names the file and the item,
    nothing written); returns what it wrote, with the agencies and localities it brought."""
    return _loaded(engine, lambda session: load_plan(session, path))


def load_plan_text(engine: Engine, text: str, name: str) -> AddedPlan:
    """Like load_plan_file, for a plan file's text (one a package carries) named `name`."""
    data = read_plan_text(text, name)
    return _loaded(engine, lambda session: load_plan_data(session, data, name))


def _loaded(engine: Engine, load: Callable[[Session], Plan]) -> AddedPlan:
    with Session(engine, expire_on_commit=False) as session, session.begin():
        agencies = set(session.exec(select(Agency.id)))
        localities = set(session.exec(select(Locality.id)))
        plan = load(session)
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
