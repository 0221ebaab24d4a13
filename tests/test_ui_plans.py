"""The "Kế hoạch" menu: the plans of the database, switching the whole window, and next
year's plan made from the one shown (undoable)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from sqlalchemy import Engine

from kh65_desktop.services.plan_copy import NewPlan, copy_plan
from kh65_desktop.services.plans import list_plans
from kh65_desktop.storage.database import open_database
from kh65_desktop.ui import prompts
from kh65_desktop.ui.app import create_window
from kh65_desktop.ui.context import AppContext
from kh65_desktop.ui.dialogs.new_plan import new_plan_dialog
from kh65_desktop.ui.main_window import MainWindow

from .ui_helpers import (
    TODAY,
    answering,
    cell,
    column,
    fill_form,
    find_row,
    open_window,
    settings_in,
    type_into_cell,
)

PLAN_65 = "65/KH-UBND/2024"
NEXT = "9/KH-UBND/2026"


@pytest.fixture
def two_plans(engine: Engine, db_path: Path) -> Path:
    copy_plan(engine, PLAN_65, NewPlan(NEXT, "9/KH-UBND", 2026, date(2026, 1, 15)))
    engine.dispose()
    return db_path


def plan_menu_texts(window: MainWindow) -> list[tuple[str, bool]]:
    return [(a.text(), a.isChecked()) for a in window.plan_actions]


def choose(window: MainWindow, code: str) -> None:
    next(a for a in window.plan_actions if a.data() == code).trigger()


def test_the_plan_menu_switches_every_tab_and_is_remembered(
    qtbot, two_plans: Path, tmp_path: Path
) -> None:
    window = open_window(qtbot, two_plans, tmp_path)
    body = "Ủy ban nhân dân tỉnh Trà Vinh"
    assert plan_menu_texts(window) == [
        (f"9/KH-UBND, năm 2026 — {body}", True),
        (f"65/KH-UBND, năm 2024 — {body}", False),
    ]
    assert "Kế hoạch số 9/KH-UBND, năm 2026" in window.windowTitle()
    proxy = window.indicators.proxy
    assert cell(proxy, "II.6.1", "value") == "" and cell(proxy, "II.6.1", "target") == ""
    assert window.indicators.period.findText("Quý I năm 2026") >= 0
    assert window.tasks.model.rows[0].deadline is None

    choose(window, PLAN_65)
    assert "Kế hoạch số 65/KH-UBND, năm 2024" in window.windowTitle()
    assert [checked for _, checked in plan_menu_texts(window)] == [False, True]
    assert (
        cell(proxy, "II.6.1", "value") == "3.300"
        and cell(proxy, "II.6.1", "target") == "6.220 tỷ đồng"
    )
    assert window.indicators.period.findText("Quý I năm 2026") < 0
    assert any(r.deadline for r in window.tasks.model.rows)
    assert window.localities.indicator.count() > 0
    window.tabs.setCurrentWidget(window.overview)  # the lazy overview follows too
    assert window.overview.heading.text().startswith("Kế hoạch số 65/KH-UBND ngày 04/7/2024")
    report = window.open_report()  # reports follow the plan shown
    periods = [report.period.itemText(i) for i in range(report.period.count())]
    assert "6 tháng đầu năm 2024" in periods and "Năm 2026" not in periods
    choose(window, NEXT)  # a dialog opened on one plan closes when another is shown
    assert not report.isVisible()
    assert window.overview.heading.text().startswith("Kế hoạch số 9/KH-UBND ngày 15/01/2026")
    choose(window, PLAN_65)

    # the next start opens on the plan chosen last
    again = MainWindow(
        AppContext(open_database(two_plans), settings_in(tmp_path), today=lambda: TODAY)
    )
    qtbot.addWidget(again)
    assert again.context.plan.code == PLAN_65 and "65/KH-UBND" in again.windowTitle()


def test_a_figure_typed_in_one_plan_never_shows_in_the_other(
    qtbot, two_plans: Path, tmp_path: Path
) -> None:
    window = open_window(qtbot, two_plans, tmp_path)
    tab = window.indicators
    index = tab.proxy.index(find_row(tab.proxy, "II.6.1"), column(tab.proxy, "value"))
    type_into_cell(qtbot, tab.table, index, "1.500")
    assert cell(tab.proxy, "II.6.1", "value") == "1.500"
    choose(window, PLAN_65)
    assert cell(tab.proxy, "II.6.1", "value") == "3.300"
    choose(window, NEXT)
    assert cell(tab.proxy, "II.6.1", "value") == "1.500"


def test_next_years_plan_from_the_window_and_undo(
    qtbot, engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine.dispose()
    window = open_window(qtbot, Path(str(engine.url.database)), tmp_path)
    assert len(window.plan_actions) == 1
    monkeypatch.setattr(
        prompts,
        "run_dialog",
        answering(
            lambda d: fill_form(
                d,
                number="12/KH-UBND",
                issued_on=date(2025, 1, 20),
                year="2025",
                issuing_body="Ủy ban nhân dân tỉnh Vĩnh Long",
                place="Vĩnh Long",
                signer_name="Nguyễn Văn Một",
            )
        ),
    )
    window.new_plan_action.trigger()
    plan = window.context.plan
    assert (plan.code, plan.number, plan.year, plan.place) == (
        "12/KH-UBND/2025",
        "12/KH-UBND",
        2025,
        "Vĩnh Long",
    )
    assert (plan.issuing_body, plan.signer_name) == (
        "Ủy ban nhân dân tỉnh Vĩnh Long",
        "Nguyễn Văn Một",
    )
    assert "Kế hoạch số 12/KH-UBND, năm 2025" in window.windowTitle()
    assert [checked for _, checked in plan_menu_texts(window)] == [True, False]
    assert cell(window.indicators.proxy, "II.6.1", "target") == ""
    assert window.context.settings.plan_code == "12/KH-UBND/2025"
    assert window.undo_action.text() == "Hoàn tác tạo kế hoạch 12/KH-UBND"

    window.undo_action.trigger()  # gone, and the window is back on plan 65
    assert [p.code for p in list_plans(window.context.engine)] == [PLAN_65]
    assert window.context.plan.code == PLAN_65 and len(window.plan_actions) == 1
    assert cell(window.indicators.proxy, "II.6.1", "target") == "6.220 tỷ đồng"

    window.redo_action.trigger()
    assert window.context.plan.code == "12/KH-UBND/2025" and len(window.plan_actions) == 2
    assert window.context.plan.id == plan.id  # the same rows again


def test_the_new_plan_dialog_refuses_a_taken_code_or_an_earlier_year(
    qtbot, two_plans: Path, tmp_path: Path
) -> None:
    window = open_window(qtbot, two_plans, tmp_path)
    choose(window, PLAN_65)
    dialog = new_plan_dialog(window.context, window)
    qtbot.addWidget(dialog)
    years = dialog.raw("year")
    assert [years.itemText(i) for i in range(years.count())][:2] == ["2025", "2026"]
    assert "65/KH-UBND (năm 2024)" in dialog.findChild(QLabel, "newPlanIntro").text()
    fill_form(dialog, number="9/KH-UBND", year="2026")  # code 9/KH-UBND/2026: taken
    dialog.accept()
    assert not dialog.result() and "đã có trong cơ sở dữ liệu" in dialog.error.text()
    fill_form(dialog, code="9/KH-UBND/2026-b", issued_on=date(2023, 5, 1))
    dialog.accept()
    assert "trước năm của kế hoạch cũ" in dialog.error.text()
    assert len(list_plans(window.context.engine)) == 2


def test_kh65_plan_code_opens_the_window_on_that_plan(
    qtbot, two_plans: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    told: list[str] = []
    monkeypatch.setattr(prompts, "show_error", lambda parent, title, text: told.append(text))
    settings = settings_in(tmp_path)
    window = create_window(two_plans, settings, PLAN_65)
    qtbot.addWidget(window)
    assert window.context.plan.code == PLAN_65 and settings.plan_code == PLAN_65
    assert told == []
    window.context.engine.dispose()
    other = create_window(two_plans, settings, "66/KH-UBND/2024")  # opens, and says why
    qtbot.addWidget(other)
    assert other.context.plan.code == PLAN_65  # the plan shown last
    assert len(told) == 1 and "Không có kế hoạch mã “66/KH-UBND/2024”" in told[0]
    assert NEXT in told[0]
    other.context.engine.dispose()


def test_undo_shows_the_plan_the_edit_was_made_in(qtbot, two_plans: Path, tmp_path: Path) -> None:
    window = open_window(qtbot, two_plans, tmp_path)
    tab = window.indicators
    index = tab.proxy.index(find_row(tab.proxy, "II.6.1"), column(tab.proxy, "value"))
    type_into_cell(qtbot, tab.table, index, "1.500")
    choose(window, PLAN_65)
    assert window.undo_action.text().startswith("Hoàn tác")
    window.undo_action.trigger()
    assert window.context.plan.code == NEXT and "9/KH-UBND" in window.windowTitle()
    assert cell(tab.proxy, "II.6.1", "value") == ""
    choose(window, PLAN_65)
    window.redo_action.trigger()
    assert window.context.plan.code == NEXT and cell(tab.proxy, "II.6.1", "value") == "1.500"
    choose(window, PLAN_65)
    assert cell(tab.proxy, "II.6.1", "value") == "3.300"


def plan_file(folder: Path) -> Path:
    """Plan 65's file as a 2025 plan, bringing one agency and one locality of its own."""
    source = Path(__file__).parent.parent / "resources" / "plans" / "kh65-2024.toml"
    text = source.read_text(encoding="utf-8")
    text = text.replace('code = "65/KH-UBND/2024"', 'code = "80/KH-UBND/2025"')
    text = text.replace('number = "65/KH-UBND"', 'number = "80/KH-UBND"')
    text = text.replace("year = 2024", "year = 2025", 1)
    agency = '{ code = "SDTTG", name = "Sở Dân tộc và Tôn giáo", kind = "provincial" }'
    text = text.replace("agencies = [\n", f"agencies = [\n  {agency},\n")
    text = text.replace(
        "[[localities]]\n",
        '[[localities]]\ncode = "XMOI"\nname = "Xã Mới"\nkind = "xã"\n[[localities]]\n',
        1,
    )
    path = folder / "kh80.toml"
    path.write_text(text, encoding="utf-8")
    return path


def codes(engine: Engine, table: str) -> set[str]:
    with engine.connect() as connection:
        return {c for (c,) in connection.exec_driver_sql(f"SELECT code FROM {table}")}


def test_a_plan_loaded_from_its_file_and_undone(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    engine = window.context.engine
    agencies, localities = codes(engine, "agency"), codes(engine, "locality")
    path = plan_file(tmp_path)
    monkeypatch.setattr(prompts, "open_file", lambda parent, title, filters: path)
    window.load_plan_action.trigger()
    assert window.context.plan.code == "80/KH-UBND/2025"
    assert "Kế hoạch số 80/KH-UBND" in window.windowTitle() and len(window.plan_actions) == 2
    assert cell(window.indicators.proxy, "II.6.1", "value") == "3.300"  # the file's figures
    assert codes(engine, "agency") == agencies | {"SDTTG"}
    assert codes(engine, "locality") == localities | {"XMOI"}
    assert window.undo_action.text() == "Hoàn tác nạp kế hoạch từ kh80.toml"

    window.undo_action.trigger()  # the plan and what it brought are gone
    assert [p.code for p in list_plans(engine)] == [PLAN_65]
    assert window.context.plan.code == PLAN_65
    assert (codes(engine, "agency"), codes(engine, "locality")) == (agencies, localities)
    window.redo_action.trigger()
    assert window.context.plan.code == "80/KH-UBND/2025" and "SDTTG" in codes(engine, "agency")

    told: list[str] = []
    monkeypatch.setattr(prompts, "show_error", lambda parent, title, text: told.append(text))
    window.load_plan_action.trigger()  # the same file again: refused, said, nothing written
    assert len(told) == 1 and "80/KH-UBND/2025 đã có trong cơ sở dữ liệu" in told[0]
    assert len(list_plans(engine)) == 2
