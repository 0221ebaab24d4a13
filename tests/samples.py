"""Sample files from another office, shared by tests and scripts/screenshots.py."""

from __future__ import annotations

from pathlib import Path

from kh65_desktop.services.editing import EditService, ValueKey, ValueState
from kh65_desktop.services.exchange_files import export_file
from kh65_desktop.services.plan_service import PlanService
from kh65_desktop.storage.database import open_database
from kh65_desktop.storage.models import Agency


def office_package(
    folder: Path,
    agency_code: str,
    indicator_code: str,
    value: float,
    locality_code: str | None = None,
) -> Path:
    """What an office sends after changing one figure in its own database."""
    engine = open_database(folder / f"{agency_code}.db")
    plans = PlanService(engine)
    plan = plans.current_plan()
    row = next(r for r in plans.indicator_rows() if r.code == indicator_code)
    locality = next((loc.id for loc in plans.localities() if loc.code == locality_code), None)
    EditService(engine).set_values(
        [(ValueKey(row.id, plans.periods(plan)[0].id, locality), ValueState(value))], agency_code
    )
    agency = next(plans.get(Agency, a.id) for a in plans.agencies(plan) if a.code == agency_code)
    path = export_file(plans, plan, agency, None, folder / f"{agency_code.lower()}.kh65")
    engine.dispose()
    return path


def district_package(folder: Path) -> Path:
    """Trà Cú reports 19 enterprises founded (the document says 12)."""
    return office_package(folder, "UBND-TCU", "II.3.2", 19.0, "TCU")
