"""Same-period figures ("cùng kỳ") travel in packages: exported, previewed, imported in the
import's transaction, refused by the figure rules, and undone with the import."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import Engine

from kh65_desktop.exchange.data import ExchangeError
from kh65_desktop.exchange.package import read_package
from kh65_desktop.services.exchange import Action, ExchangeService
from kh65_desktop.services.exchange_apply import redo_import
from kh65_desktop.services.exchange_files import export_file, read_file
from kh65_desktop.services.plan_service import PlanService
from kh65_desktop.services.same_period import SamePeriodKey, SamePeriodService
from kh65_desktop.storage.database import open_database
from kh65_desktop.storage.models import Agency

from .test_exchange import fingerprint

pytestmark = pytest.mark.both_engines


@pytest.fixture
def office(tmp_path: Path):
    """Sở Kế hoạch và Đầu tư's own database, where its clerk typed a same-period figure."""
    engine = open_database(tmp_path / "skhdt.db")
    yield PlanService(engine)
    engine.dispose()


def _agency(service: PlanService, code: str) -> Agency:
    return next(
        service.get(Agency, a.id)
        for a in service.agencies(service.current_plan())
        if a.code == code
    )


def _row(service: PlanService, code: str):  # type: ignore[no-untyped-def]
    return next(r for r in service.indicator_rows() if r.code == code)


def _package(office: PlanService, tmp_path: Path, value: float = 210.0) -> Path:
    plan = office.current_plan()
    period = office.periods(plan)[0]
    SamePeriodService(office.engine).set(
        [(SamePeriodKey(_row(office, "II.3.2").id, period.id or 0), value)], "Trần Văn Bình"
    )
    return export_file(office, plan, _agency(office, "SKHDT"), None, tmp_path / "skhdt.kh65")


def test_a_package_carries_same_period_figures_and_the_import_writes_and_undoes_them(
    office: PlanService, service: PlanService, tmp_path: Path, db_path: Path
) -> None:
    package = _package(office, tmp_path)
    data = read_package(package)
    assert [(s.indicator, s.period, s.value, s.entered_by) for s in data.same_period] == [
        ("II.3.2", "2024-H1", 210.0, "Trần Văn Bình")
    ]
    exchange = ExchangeService(service.engine)
    plan = service.current_plan()
    preview = exchange.preview(plan, read_file(package, "Nguyễn Thị Lan"))
    rows = [
        (r.kind, r.code, r.old, r.new, r.action) for r in preview.rows if r.kind == "same_period"
    ]
    assert rows == [("same_period", "II.3.2", "—", "210", Action.ADD)]  # seen before it is written
    log = exchange.apply(plan, preview, "Nguyễn Thị Lan")
    assert _row(service, "II.3.2").same_period == 210.0
    with sqlite3.connect(db_path) as db:
        assert db.execute("SELECT value, entered_by FROM same_period_value").fetchall() == [
            (210.0, "Trần Văn Bình")
        ]
    again = exchange.preview(plan, read_file(package, "x"))
    assert [r.action for r in again.rows if r.kind == "same_period"] == [Action.UNCHANGED]
    exchange.undo(log.id, "Nguyễn Thị Lan")
    assert _row(service, "II.3.2").same_period is None


def test_an_undo_keeps_a_same_period_figure_typed_since(
    office: PlanService, service: PlanService, tmp_path: Path
) -> None:
    package = _package(office, tmp_path)
    exchange = ExchangeService(service.engine)
    plan = service.current_plan()
    log = exchange.apply(plan, exchange.preview(plan, read_file(package, "x")), "Nguyễn Thị Lan")
    key = SamePeriodKey(_row(service, "II.3.2").id, service.periods(plan)[0].id or 0)
    SamePeriodService(service.engine).set([(key, 215.0)], "Nguyễn Thị Lan")  # typed since
    kept = exchange.undo(log.id, "Nguyễn Thị Lan")
    assert [(k.code, k.value) for k in kept] == [("II.3.2", 215.0)]
    assert _row(service, "II.3.2").same_period == 215.0


def test_a_package_with_an_impossible_same_period_figure_is_refused(
    office: PlanService, service: PlanService, tmp_path: Path, engine: Engine
) -> None:
    package = _package(office, tmp_path)
    # the figure made negative inside the package, its checksum made to match
    with zipfile.ZipFile(package) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        content = json.loads(archive.read("content.json"))
    content["same_period"][0]["value"] = -210
    body = json.dumps(content, ensure_ascii=False).encode()
    manifest["content_sha256"] = hashlib.sha256(body).hexdigest()
    bad = tmp_path / "bad.kh65"
    with zipfile.ZipFile(bad, "w") as archive:
        archive.writestr("manifest.json", json.dumps(manifest))
        archive.writestr("content.json", body)
    before = fingerprint(engine)
    with pytest.raises(ExchangeError, match="là số âm") as refused:
        ExchangeService(service.engine).preview(service.current_plan(), read_file(bad, "x"))
    assert "số cùng kỳ" in str(refused.value)
    assert ".." not in str(refused.value)  # the rule's sentence and the advice: one stop
    assert fingerprint(engine) == before


def test_a_redo_of_an_undone_import_writes_its_same_period_figures_again(
    office: PlanService, service: PlanService, tmp_path: Path
) -> None:
    package = _package(office, tmp_path)
    exchange = ExchangeService(service.engine)
    plan = service.current_plan()
    preview = exchange.preview(plan, read_file(package, "x"))
    log = exchange.apply(plan, preview, "Nguyễn Thị Lan")
    exchange.undo(log.id, "Nguyễn Thị Lan")
    assert _row(service, "II.3.2").same_period is None
    _, kept = redo_import(
        service.engine, plan, preview, "Nguyễn Thị Lan", (log.id, "Nguyễn Thị Lan")
    )
    assert kept == [] and _row(service, "II.3.2").same_period == 210.0
