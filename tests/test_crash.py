"""Killed at random moments (SIGKILL), the database stays whole and keeps every committed edit.
This runs a few kills; scripts/crash_test.py runs many."""

from __future__ import annotations

import random
from pathlib import Path

from kh65_desktop.services.editing import EditService, ValueKey
from kh65_desktop.services.exchange_files import export_file
from kh65_desktop.services.plan_service import PlanService
from kh65_desktop.storage.database import open_database
from kh65_desktop.storage.models import Agency

from .crash import check, run_once

KILLS = 4


def make_package(folder: Path) -> Path:
    """A package from another office that changes one figure."""
    engine = open_database(folder / "sender.db")
    plans = PlanService(engine)
    plan = plans.current_plan()
    row = next(r for r in plans.indicator_rows() if r.code == "II.6.1")
    EditService(engine).record_value(
        ValueKey(row.id, plans.periods(plan)[0].id), 4100.0, "Cục Thuế"
    )
    agency = next(plans.get(Agency, a.id) for a in plans.agencies(plan) if a.code == "CTHUE")
    path = export_file(plans, plan, agency, None, folder / "cthue.kh65")
    engine.dispose()
    return path


def test_sigkill_never_loses_a_committed_edit(tmp_path: Path) -> None:
    db_path, journal = tmp_path / "kh65.db", tmp_path / "journal.jsonl"
    open_database(db_path).dispose()
    package = make_package(tmp_path)
    rng = random.Random(65)
    checked = 0
    for _ in range(KILLS):
        run_once(db_path, journal, package, rng)
        checked = check(db_path, journal)
    assert checked > 0  # the child did commit work between kills
