"""Tình hình báo cáo: the units table, late ones marked, approve/return/reopen (undoable),
the due date, the not-reported list, and an approved figure refused in the window."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QPushButton
from sqlmodel import Session, select

from kh65_desktop.services import approvals
from kh65_desktop.services.editing import EditService, ValueKey, ValueState
from kh65_desktop.services.exchange_files import export_file
from kh65_desktop.services.plan_service import PlanService
from kh65_desktop.services.reporting_units import LOCALITY, find_unit, reporting_units
from kh65_desktop.storage.database import open_database
from kh65_desktop.storage.models import Agency, Indicator
from kh65_desktop.ui import prompts
from kh65_desktop.ui.table_model import ROW_ROLE
from kh65_desktop.ui.tabs.status_tab import LATE

from .ui_helpers import CLERK, answering, column, open_window, type_into_cell


def unit_row(model, code: str) -> int:  # type: ignore[no-untyped-def]
    for row in range(model.rowCount()):
        if model.index(row, 0).data(ROW_ROLE).unit.code == code:
            return row
    raise AssertionError(f"no unit {code}")


def shown(tab, code: str, key: str, role=Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
    model = tab.units
    return model.index(unit_row(model, code), column(model, key)).data(role)


def choose(tab, code: str) -> None:  # type: ignore[no-untyped-def]
    tab.table.setCurrentIndex(tab.units.index(unit_row(tab.units, code), 0))


def click(qtbot, tab, name: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(tab.findChild(QPushButton, name), Qt.MouseButton.LeftButton)


def decisions(db_path: Path) -> list[tuple]:
    with sqlite3.connect(db_path) as db:
        return db.execute(
            "SELECT state, comment, decided_by FROM submission_review ORDER BY id"
        ).fetchall()


def test_the_status_tab_shows_late_units_and_takes_decisions_with_undo(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, db_path, tmp_path)  # today 20/7/2024; H1 due 18/6/2024
    tab = window.status_tab
    window.tabs.setCurrentWidget(tab)
    assert tab.period.currentText() == "6 tháng đầu năm 2024"
    # the document's figures count as received; a task-only lead sent nothing and is late
    assert (shown(tab, "CTK", "state"), shown(tab, "CTK", "received")) == ("đã gửi", "1/1")
    assert shown(tab, "BAOTV", "state") == "chưa gửi"
    assert shown(tab, "BAOTV", "days") == "trễ 32 ngày"
    assert shown(tab, "BAOTV", "days", Qt.ItemDataRole.ForegroundRole).color() == LATE
    assert shown(tab, "CTK", "days") == ""
    assert "trễ hạn" in tab.summary.text()

    # approve: shown, stored, and the figure is refused in the Chỉ tiêu tab
    choose(tab, "CTK")
    click(qtbot, tab, "approve")
    assert shown(tab, "CTK", "state") == "đã duyệt"
    assert decisions(db_path) == [("approved", "", CLERK)]
    with sqlite3.connect(db_path) as db:
        code = db.execute(
            "SELECT i.code FROM indicator i JOIN group_agency ga ON ga.group_id = i.group_id "
            "JOIN agency a ON a.id = ga.agency_id WHERE a.code = 'CTK' AND ga.role = 'lead'"
        ).fetchone()[0]
        before = db.execute("SELECT count(*), sum(value) FROM reported_value").fetchone()
    indicators = window.indicators
    source = indicators.model
    row = next(
        r for r in range(source.rowCount()) if source.index(r, 0).data(ROW_ROLE).code == code
    )
    type_into_cell(qtbot, indicators.table, source.index(row, column(source, "value")), "99")
    message = window.statusBar().currentMessage()
    assert "Không lưu được" in message and CLERK in message and "Mở lại" in message
    with sqlite3.connect(db_path) as db:
        assert db.execute("SELECT count(*), sum(value) FROM reported_value").fetchone() == before

    # undo takes the approval back (its row deleted), redo puts it again
    window.context.undo_stack.undo()
    assert shown(tab, "CTK", "state") == "đã gửi" and decisions(db_path) == []
    window.context.undo_stack.redo()
    assert shown(tab, "CTK", "state") == "đã duyệt"

    # reopen needs a reason: an empty one is refused, nothing written
    monkeypatch.setattr(prompts, "run_dialog", answering(lambda d: d.text.setPlainText(" ")))
    window.tabs.setCurrentWidget(tab)
    choose(tab, "CTK")
    click(qtbot, tab, "reopen")
    assert tab.error.isVisible() and "lý do" in tab.error.text()
    assert len(decisions(db_path)) == 1
    monkeypatch.setattr(
        prompts, "run_dialog", answering(lambda d: d.text.setPlainText("Cục gửi số chính thức"))
    )
    click(qtbot, tab, "reopen")
    assert shown(tab, "CTK", "state") == "đã gửi"
    assert shown(tab, "CTK", "comment") == "Cục gửi số chính thức"

    # return with a comment
    monkeypatch.setattr(
        prompts, "run_dialog", answering(lambda d: d.text.setPlainText("Thiếu số quý II"))
    )
    choose(tab, "TCU")
    click(qtbot, tab, "returnUnit")
    assert (shown(tab, "TCU", "state"), shown(tab, "TCU", "comment")) == (
        "trả lại",
        "Thiếu số quý II",
    )
    assert decisions(db_path)[-1] == ("returned", "Thiếu số quý II", CLERK)


def test_due_date_not_reported_list_and_province_report(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    tab = window.status_tab
    window.tabs.setCurrentWidget(tab)
    tab.due.setDate(QDate(2024, 7, 25))
    click(qtbot, tab, "setDue")
    with sqlite3.connect(db_path) as db:
        assert db.execute("SELECT report_due_on FROM period").fetchone() == ("2024-07-25",)
    assert shown(tab, "BAOTV", "days") == "còn 5 ngày"
    assert shown(tab, "BAOTV", "due") == "25/7/2024"
    window.context.undo_stack.undo()
    with sqlite3.connect(db_path) as db:
        assert db.execute("SELECT report_due_on FROM period").fetchone() == (None,)
    assert shown(tab, "BAOTV", "days") == "trễ 32 ngày"

    out = tmp_path / "chua-bao-cao.txt"
    monkeypatch.setattr(prompts, "save_file", lambda *args: out)
    click(qtbot, tab, "exportNotReported")
    listed = out.read_text(encoding="utf-8")
    assert "Báo Trà Vinh" in listed and "trễ 32 ngày" in listed
    assert "Cục Thống kê" not in listed

    click(qtbot, tab, "provinceReport")
    dialog = window.report_dialog
    assert dialog.kind.currentData() == "province"
    assert dialog.period.currentText() == "6 tháng đầu năm 2024"
    assert dialog.approved_only.isChecked() and dialog.approved_only.isEnabled()
    assert dialog.options().approved_leads == frozenset()  # nobody approved yet
    dialog.kind.setCurrentIndex(dialog.kind.findData("agency"))
    assert not dialog.approved_only.isEnabled() and dialog.options().approved_leads is None
    dialog.close()
    assert date(2024, 7, 20) == tab.status.today  # type: ignore[union-attr]


def test_the_agency_tab_shows_a_return_standing_against_it(
    qtbot, db_path: Path, tmp_path: Path
) -> None:
    engine = open_database(db_path)
    plan = PlanService(engine).current_plan()
    half_year = PlanService(engine).periods(plan)[0]
    with Session(engine) as session:
        tra_cu = find_unit(reporting_units(session, plan), LOCALITY, "TCU")
    approvals.return_(engine, tra_cu, half_year, "Thiếu số doanh nghiệp", "Trần Thị Duyệt")
    engine.dispose()
    window = open_window(qtbot, db_path, tmp_path)
    tab = window.agencies
    window.tabs.setCurrentWidget(tab)
    with sqlite3.connect(db_path) as db:
        tra_cu_agency = db.execute("SELECT id FROM agency WHERE code = 'UBND-TCU'").fetchone()[0]
        statistics = db.execute("SELECT id FROM agency WHERE code = 'CTK'").fetchone()[0]
    tab.select_agency(tra_cu_agency)
    assert tab.returned.isVisible()
    assert tab.returned.text() == (
        "Sở Kế hoạch và Đầu tư trả lại số liệu kỳ 6 tháng đầu năm 2024: Thiếu số doanh nghiệp"
    )
    tab.select_agency(statistics)
    assert not tab.returned.isVisible()


def test_the_import_dialog_shows_approved_rows_as_locked_and_writes_none(
    qtbot, db_path: Path, tmp_path: Path
) -> None:
    """A district's package into a period the office approved for that district."""
    district = open_database(tmp_path / "district.db")
    service = PlanService(district)
    plan = service.current_plan()
    half_year = service.periods(plan)[0]
    with Session(district) as session:
        tra_cu = find_unit(reporting_units(session, plan), LOCALITY, "TCU")
        enterprises = session.exec(select(Indicator).where(Indicator.code == "II.3.2")).one()
        sender = session.exec(select(Agency).where(Agency.code == "UBND-TCU")).one()
    EditService(district).set_values(
        [(ValueKey(enterprises.id, half_year.id, tra_cu.id), ValueState(19.0))], "Lê Văn Tám"
    )
    package = export_file(service, plan, sender, half_year, tmp_path / "tra-cu.kh65")
    district.dispose()
    office = open_database(db_path)
    approvals.approve(office, tra_cu, half_year, "Trần Thị Duyệt")
    office.dispose()
    window = open_window(qtbot, db_path, tmp_path / "window")
    dialog = window.open_import(package)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10000)
    assert "Đã duyệt, khóa: 1 số liệu" in dialog.summary.text()
    assert "không thuộc trách nhiệm" not in dialog.summary.text()  # not the sender's fault
    row = next(r for r in dialog.model.rows if r.code == "II.3.2")
    assert row.reason.startswith("Đã duyệt, khóa") and "Trần Thị Duyệt" in row.reason
    assert not dialog.findChild(QPushButton, "applyImport").isEnabled()  # nothing to write
    dialog.reject()
    with sqlite3.connect(db_path) as db:
        stored = db.execute(
            "SELECT rv.value FROM reported_value rv JOIN indicator i ON i.id = rv.indicator_id "
            "JOIN locality l ON l.id = rv.locality_id WHERE i.code = 'II.3.2' AND l.code = 'TCU'"
        ).fetchone()
    assert stored == (12.0,)
