"""Who may change what: a file changes only what its sender is responsible for; the rest is
shown refused by row, with the reason, and never written."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import Engine

from kh65_desktop.domain.terms import TaskStatus
from kh65_desktop.exchange.data import ExchangeData, TaskData, ValueData
from kh65_desktop.exchange.excel import LOCALITY_COL, VALUE_COL
from kh65_desktop.exchange.package import write_package
from kh65_desktop.services.editing import EditService
from kh65_desktop.services.exchange import Action, ExchangeService, ImportPreview
from kh65_desktop.services.exchange_files import export_file, read_file
from kh65_desktop.services.plan_service import PlanService
from kh65_desktop.storage.database import open_database
from kh65_desktop.storage.models import Agency, Indicator

pytestmark = pytest.mark.both_engines

PLAN = "65/KH-UBND/2024"
H1 = "2024-H1"


def package(folder: Path, sender: tuple[str, str], values=(), tasks=()) -> Path:
    """A package as `sender` (code, name) would send it, stamped a minute ago."""
    at = datetime.now(UTC) - timedelta(minutes=1)
    data = ExchangeData(PLAN, *sender, datetime.now(UTC))
    data.values = [
        ValueData(code, H1, locality, value, entered_by=sender[1], entered_at=at)
        for code, locality, value in values
    ]
    data.tasks = [TaskData(code, status, "", sender[1], at) for code, status in tasks]
    return write_package(data, folder / f"{sender[0].lower()}.kh65")


def figures(db_path: Path, code: str) -> dict[str | None, float]:
    """An indicator's figures in 2024-H1 by locality code (None: the province total)."""
    with sqlite3.connect(db_path) as db:
        return dict(
            db.execute(
                "SELECT l.code, rv.value FROM reported_value rv "
                "JOIN indicator i ON i.id = rv.indicator_id "
                "JOIN period p ON p.id = rv.period_id "
                "LEFT JOIN locality l ON l.id = rv.locality_id "
                "WHERE i.code = ? AND p.code = ?",
                (code, H1),
            ).fetchall()
        )


def rows(preview: ImportPreview) -> dict[tuple[str, str], object]:
    return {(r.code, r.locality or r.kind): r for r in preview.rows}


def import_all(service: PlanService, path: Path) -> ImportPreview:
    exchange = ExchangeService(service.engine)
    plan = service.current_plan()
    preview = exchange.preview(plan, read_file(path, "Nguyễn Thị Lan"))
    exchange.apply(plan, preview, "Nguyễn Thị Lan")
    return preview


def test_a_department_cannot_change_another_departments_indicator(
    service: PlanService, db_path: Path, tmp_path: Path
) -> None:
    # Cục Thuế leads II.6 (revenue); II.1.1 (health insurance) is led by BHXH
    path = package(
        tmp_path, ("CTHUE", "Cục Thuế tỉnh"), [("II.6.1", None, 3500.0), ("II.1.1", None, 99.0)]
    )
    preview = import_all(service, path)
    refused = next(r for r in preview.rows if r.code == "II.1.1")
    assert refused.action is Action.REFUSED and not refused.applies
    assert refused.reason == (
        "Chỉ tiêu do Bảo hiểm xã hội tỉnh chủ trì; Cục Thuế tỉnh không được sửa số liệu "
        "chỉ tiêu này."
    )
    assert next(r for r in preview.rows if r.code == "II.6.1").action is Action.CHANGE
    assert figures(db_path, "II.1.1")[None] == 83.5  # unchanged
    assert figures(db_path, "II.6.1")[None] == 3500.0  # its own indicator applied
    with sqlite3.connect(db_path) as db:
        assert db.execute("SELECT changed, refused FROM import_log").fetchone() == (1, 1)


def test_a_district_changes_only_its_own_localitys_figures(
    service: PlanService, db_path: Path, tmp_path: Path
) -> None:
    """Trà Cú's template: its own row, then rows a filler added with a blank locality (the
    province total) and with Càng Long's code."""
    plan = service.current_plan()
    path = export_file(service, plan, agency(service, "UBND-TCU"), None, tmp_path / "tcu.xlsx")
    book = openpyxl.load_workbook(path)
    sheet = book["Số liệu"]
    own = next(r for r in range(6, sheet.max_row + 1) if sheet.cell(r, 1).value == "II.3.2")
    assert sheet.cell(own, LOCALITY_COL).value == "TCU"
    sheet.cell(own, VALUE_COL).value = 19
    for r, locality, value in ((sheet.max_row + 1, None, 999), (sheet.max_row + 2, "CL", 77)):
        sheet.cell(r, 1).value = "II.3.2"
        sheet.cell(r, LOCALITY_COL).value = locality
        sheet.cell(r, VALUE_COL).value = value
    book.save(path)
    before = figures(db_path, "II.3.2")
    preview = import_all(service, path)
    by_row = {r.payload.row: r for r in preview.rows if r.kind == "value"}
    assert by_row[own].action is Action.CHANGE
    blank, other = by_row[own + 1], by_row[own + 2]
    assert blank.action is other.action is Action.REFUSED
    assert blank.reason == (
        "Dòng không có mã địa phương là số toàn tỉnh; Ủy ban nhân dân huyện Trà Cú chỉ gửi "
        "được số liệu của Huyện Trà Cú."
    )
    assert other.reason == (
        "Số liệu của Huyện Càng Long; Ủy ban nhân dân huyện Trà Cú chỉ gửi được số liệu "
        "của Huyện Trà Cú."
    )
    after = figures(db_path, "II.3.2")
    assert after[None] == before[None] and after["CL"] == before["CL"]  # never written
    assert after["TCU"] == 19


def test_only_the_plans_owner_changes_definitions_and_targets(
    service: PlanService, engine: Engine, tmp_path: Path
) -> None:
    """A district edits a target in its own database and sends it with the definitions."""
    engine = open_database(tmp_path / "district.db")
    district = PlanService(engine)
    total = next(r for r in district.indicator_rows() if r.code == "II.2.1")
    EditService(engine).update_fields(
        Indicator, total.id, {"target_value": 1.0, "target_text": "1 tỷ đồng"}
    )
    path = export_file(
        district,
        district.current_plan(),
        agency(district, "UBND-TCU"),
        None,
        tmp_path / "tcu.kh65",
        definitions=True,
    )
    engine.dispose()
    preview = import_all(service, path)
    target = next(r for r in preview.rows if r.kind == "target")
    assert (target.code, target.action) == ("II.2.1", Action.REFUSED)
    assert target.reason == (
        "Chỉ Sở Kế hoạch và Đầu tư (cơ quan tổng hợp kế hoạch) được sửa định nghĩa và chỉ "
        "tiêu kế hoạch; tệp này của Ủy ban nhân dân huyện Trà Cú."
    )
    after = next(r for r in service.indicator_rows() if r.code == "II.2.1")
    assert after.target.value == 34000


def test_a_task_led_by_another_agency_is_refused(service: PlanService, tmp_path: Path) -> None:
    path = package(
        tmp_path,
        ("UBND-TCU", "Ủy ban nhân dân huyện Trà Cú"),
        tasks=[("II.2.T2.1", "in_progress"), ("II.1.T1.1", "done")],  # II.1.T1.1: BHXH's
    )
    preview = import_all(service, path)
    found = rows(preview)
    assert found[("II.2.T2.1", "task")].action is Action.CHANGE
    assert found[("II.1.T1.1", "task")].action is Action.REFUSED
    assert found[("II.1.T1.1", "task")].reason == (
        "Nhiệm vụ do Bảo hiểm xã hội tỉnh chủ trì; Ủy ban nhân dân huyện Trà Cú không được "
        "đổi tình trạng."
    )
    plan = service.current_plan()
    status = {t.code: t.status for t in service.tasks(plan, datetime.now().date())}
    assert status["II.2.T2.1"] is TaskStatus.IN_PROGRESS
    assert status["II.1.T1.1"] is TaskStatus.NOT_STARTED


def test_a_file_of_nothing_but_refused_rows_writes_nothing_and_says_why(
    service: PlanService,
    db_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = package(tmp_path, ("CTHUE", "Cục Thuế tỉnh"), [("II.1.1", None, 99.0)])
    assert kh65(monkeypatch, "--db", str(db_path), "import", str(path), "--dry-run", "--json") == 0
    (row,) = json.loads(capsys.readouterr().out)["rows"]
    assert (row["code"], row["action"]) == ("II.1.1", "refused")
    assert row["reason"].startswith("Chỉ tiêu do Bảo hiểm xã hội tỉnh chủ trì")
    assert kh65(monkeypatch, "--db", str(db_path), "import", str(path)) == 0
    out = capsys.readouterr().out
    assert "[Từ chối] II.1.1" in out and "Bảo hiểm xã hội tỉnh chủ trì" in out
    assert "Không ghi gì: từ chối 1 dòng không thuộc trách nhiệm của đơn vị gửi" in out
    assert "không làm thay đổi gì" not in out
    assert figures(db_path, "II.1.1")[None] == 83.5
    with sqlite3.connect(db_path) as db:
        assert db.execute("SELECT count(*) FROM import_log").fetchone() == (0,)


def kh65(monkeypatch: pytest.MonkeyPatch, *args: str) -> int:
    """The `kh65` command in this process, without its log file (the user's, and global)."""
    from kh65_desktop import cli

    monkeypatch.setattr(cli, "configure_logging", lambda: None)
    return cli.main(list(args))


def agency(service: PlanService, code: str) -> Agency:
    return next(
        service.get(Agency, a.id)
        for a in service.agencies(service.current_plan())
        if a.code == code
    )
