"""Tasks, the period form, districts, history, the clerk and a restart, driven in the window."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget

from kh65_desktop.storage.database import open_database
from kh65_desktop.ui import prompts
from kh65_desktop.ui.app import create_window
from kh65_desktop.ui.dialogs.history import HistoryDialog
from kh65_desktop.ui.dialogs.period_entry import PeriodEntryDialog
from kh65_desktop.ui.table_model import ROW_ROLE

from .ui_helpers import (
    CLERK,
    answering,
    cell,
    column,
    fill_form,
    find_row,
    open_window,
    settings_in,
    type_into_cell,
)


def _task_codes(tab) -> list[str]:
    return [tab.model.rows[r].code for r in range(tab.model.rowCount())]


def test_add_and_delete_a_task_and_undo_the_delete(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    tab = window.tasks
    before = len(_task_codes(tab))
    monkeypatch.setattr(
        prompts,
        "run_dialog",
        answering(
            lambda d: fill_form(
                d,
                text="Rà soát số liệu doanh nghiệp thành lập mới theo từng huyện",
                lead="Sở Kế hoạch và Đầu tư",
                coordinating=["Cục Thuế tỉnh"],
                deadline=date(2024, 7, 31),
            )
        ),
    )
    _click(tab, "addTask")
    assert len(_task_codes(tab)) == before + 1
    new = next(r for r in tab.model.rows if r.text.startswith("Rà soát số liệu"))
    assert new.lead == ("Sở Kế hoạch và Đầu tư",) and new.coordinating == ("Cục Thuế tỉnh",)
    assert new.urgency.value == "due_soon"  # 11 days after 20/7/2024

    tab.table.setCurrentIndex(tab.proxy.index(find_row(tab.proxy, new.code), 0))
    asked: list[str] = []
    monkeypatch.setattr(prompts, "confirm", lambda parent, title, text: asked.append(text) or True)
    _click(tab, "deleteTask")
    assert asked and new.code in asked[0]
    assert new.code not in _task_codes(tab)
    window.undo_action.trigger()
    back = next(r for r in tab.model.rows if r.code == new.code)
    assert (back.id, back.lead, back.coordinating) == (new.id, new.lead, new.coordinating)


def test_delete_needs_confirmation(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    tab = window.tasks
    tab.table.setCurrentIndex(tab.proxy.index(0, 0))
    monkeypatch.setattr(prompts, "confirm", lambda *args: False)
    before = _task_codes(tab)
    _click(tab, "deleteTask")
    assert _task_codes(tab) == before


def test_task_status_edited_in_place(qtbot, db_path: Path, tmp_path: Path) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    proxy = window.tasks.proxy
    index = proxy.index(find_row(proxy, "T1.1"), column(proxy, "status"))
    assert cell(proxy, "T1.1", "urgency") == "Quá hạn"  # due 15/7/2024
    assert proxy.setData(index, "Đã hoàn thành")
    assert cell(proxy, "T1.1", "status") == "Đã hoàn thành"
    assert cell(proxy, "T1.1", "urgency") == "Đã xong"
    window.undo_action.trigger()
    assert cell(proxy, "T1.1", "status") == "Chưa thực hiện"


def _click(tab: QWidget, name: str) -> None:
    button = tab.findChild(QPushButton, name)
    assert button is not None, name
    button.click()


def test_a_new_period_entered_in_one_form(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    context = window.context
    monkeypatch.setattr(
        prompts,
        "run_dialog",
        answering(
            lambda d: fill_form(
                d,
                code="2024-9T",
                name="9 tháng năm 2024",
                kind="9 tháng",
                starts_on=date(2024, 1, 1),
                ends_on=date(2024, 9, 30),
                cutoff_on=date(2024, 9, 14),
            )
        ),
    )
    dialog = PeriodEntryDialog(context, None, window)
    qtbot.addWidget(dialog)
    dialog.agency.setCurrentIndex(dialog.agency.findText("Sở Kế hoạch và Đầu tư"))
    dialog._add_period()  # the "Thêm kỳ…" button
    assert dialog.period.currentText() == "9 tháng năm 2024"
    codes = [r.code for r in dialog.model.rows]
    assert codes == ["II.3.1", "II.3.2"]
    assert dialog.model.index(1, 4).data() == "232 (6 tháng đầu năm 2024)"
    new = dialog.model.column_index("new")
    type_into_cell(qtbot, dialog.table, dialog.model.index(0, new), "3.600,25")
    type_into_cell(qtbot, dialog.table, dialog.model.index(1, new), "395")
    dialog.model.setData(
        dialog.model.index(1, dialog.model.column_index("estimate")),
        Qt.CheckState.Checked,
        Qt.ItemDataRole.CheckStateRole,
    )
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted

    assert window.undo_action.text() == (
        "Hoàn tác nhập 2 số liệu 9 tháng năm 2024 của Sở Kế hoạch và Đầu tư"
    )
    proxy = window.indicators.proxy
    assert cell(proxy, "II.3.2", "value") == "ước 395"
    assert cell(proxy, "II.3.2", "period") == "9 tháng năm 2024"
    assert cell(proxy, "II.3.1", "value") == "3.600,25"
    with sqlite3.connect(db_path) as db:
        rows = db.execute(
            "SELECT i.code, rv.value, rv.is_estimate, rv.as_of, rv.entered_by "
            "FROM reported_value rv JOIN indicator i ON i.id = rv.indicator_id "
            "JOIN period p ON p.id = rv.period_id WHERE p.code = '2024-9T' "
            "ORDER BY i.code"
        ).fetchall()
    assert rows == [
        ("II.3.1", 3600.25, 0, "2024-09-14", CLERK),
        ("II.3.2", 395.0, 1, "2024-09-14", CLERK),
    ]
    window.undo_action.trigger()  # the whole form is one step
    assert cell(proxy, "II.3.2", "value") == "232"


def test_district_table_edit_and_totals(qtbot, db_path: Path, tmp_path: Path) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    tab = window.localities
    assert tab.indicator.currentText() == "II.3.2 Phát triển doanh nghiệp"
    assert tab.totals.text().count("khớp") == 2 and "KHÔNG" not in tab.totals.text()
    row = next(
        r for r in range(tab.model.rowCount()) if tab.model.rows[r].locality == "Huyện Trà Cú"
    )
    type_into_cell(qtbot, tab.table, tab.model.index(row, tab.model.column_index("value")), "15")
    assert tab.model.index(row, tab.model.column_index("percent")).data() == "42,86"
    assert "Thực hiện: tổng các địa phương 235; toàn tỉnh 232" in tab.totals.text()
    assert "KHÔNG KHỚP, chênh 3" in tab.totals.text()


def test_history_shows_old_and_new_who_and_when(qtbot, db_path: Path, tmp_path: Path) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    proxy = window.indicators.proxy
    index = proxy.index(find_row(proxy, "II.6.1"), column(proxy, "value"))
    type_into_cell(qtbot, window.indicators.table, index, "3.350")
    row = index.data(ROW_ROLE)
    dialog = HistoryDialog(window.context, row.id, row.name, window)
    qtbot.addWidget(dialog)
    model = dialog.model
    assert model.rowCount() == 1
    assert [model.index(0, c).data() for c in range(5)] == [
        "6 tháng đầu năm 2024",
        "",
        "3.300",
        "3.350",
        CLERK,
    ]
    assert model.index(0, 5).data().startswith(date.today().strftime("%d/"))


def test_clerk_is_asked_once_and_remembered(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = settings_in(tmp_path, clerk="")
    monkeypatch.setattr(
        prompts,
        "run_dialog",
        answering(lambda d: fill_form(d, name="Trần Văn Bình", agency="Sở Tài chính")),
    )
    window = create_window(db_path, settings)
    qtbot.addWidget(window)
    assert window.clerk_label.text() == "Người nhập: Trần Văn Bình"
    window.close()
    window.context.engine.dispose()
    monkeypatch.setattr(prompts, "run_dialog", lambda d: pytest.fail("asked twice"))
    again = create_window(db_path, settings_in(tmp_path, clerk=""))
    qtbot.addWidget(again)
    assert again.context.clerk == "Trần Văn Bình"
    assert again.agencies.selected_agency().name == "Sở Tài chính"  # opens on the clerk's agency


def test_restart_finds_every_edit(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    proxy = window.indicators.proxy
    type_into_cell(
        qtbot,
        window.indicators.table,
        proxy.index(find_row(proxy, "II.5.1"), column(proxy, "value")),
        "21.000",
    )
    tasks = window.tasks.proxy
    tasks.setData(
        tasks.index(find_row(tasks, "II.7.T1.2"), column(tasks, "status")), "Đang thực hiện"
    )
    window.tasks.table.setCurrentIndex(tasks.index(find_row(tasks, "II.8.T1.2"), 0))
    monkeypatch.setattr(prompts, "confirm", lambda *args: True)
    _click(window.tasks, "deleteTask")
    window.indicators.table.horizontalHeader().resizeSection(1, 333)
    window.close()
    window.context.engine.dispose()

    again = open_window(qtbot, db_path, tmp_path)
    proxy = again.indicators.proxy
    assert cell(proxy, "II.5.1", "value") == "21.000"
    assert cell(again.tasks.proxy, "II.7.T1.2", "status") == "Đang thực hiện"
    assert "II.8.T1.2" not in _task_codes(again.tasks)
    assert again.indicators.table.horizontalHeader().sectionSize(1) == 333  # widths remembered


def test_document_check_runs_off_the_gui_thread(qtbot, db_path: Path, tmp_path: Path) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    window.check_action.trigger()
    assert not window.check_action.isEnabled()  # running
    qtbot.waitUntil(lambda: getattr(window, "findings_dialog", None) is not None, timeout=10000)
    model = window.findings_dialog.model
    found = {(model.index(r, 1).data(), model.index(r, 5).data()) for r in range(model.rowCount())}
    assert ("II.6.1", "2.640") in found and ("II.9.5", "27,33") in found
    assert model.rowCount() == 5 and window.check_action.isEnabled()


def test_district_totals_say_when_there_is_nothing_to_compare(
    qtbot, db_path: Path, tmp_path: Path
) -> None:
    """Seen at 1366×768: with no district figure yet the line read “toàn tỉnh — — khớp” in
    green, as if the districts had been checked against the province."""
    open_database(db_path).dispose()  # the plan as loaded, less its district figures
    with sqlite3.connect(db_path) as db:
        db.execute(
            "DELETE FROM reported_value WHERE locality_id IS NOT NULL AND indicator_id = "
            "(SELECT id FROM indicator WHERE code = 'II.3.2')"
        )
    window = open_window(qtbot, db_path, tmp_path)
    tab = window.localities
    assert tab.indicator.currentText() == "II.3.2 Phát triển doanh nghiệp"
    lines = tab.totals.text().split("<br>")
    assert "Kế hoạch: tổng các địa phương 520; toàn tỉnh 520 (" in lines[0]
    assert ">khớp<" in lines[0]
    assert "Thực hiện: tổng các địa phương —; toàn tỉnh 232 (" in lines[1]
    assert "chưa đối chiếu được: chưa có số của địa phương nào" in lines[1]
    assert "khớp<" not in lines[1] and "— —" not in tab.totals.text()


def test_district_figures_fit_their_columns(qtbot, db_path: Path, tmp_path: Path) -> None:
    """Seen at 1366×768: 3.300,5 against a plan of 150 showed “2.200,…” in % KH."""
    window = open_window(qtbot, db_path, tmp_path)
    tab = window.localities
    header = tab.table.horizontalHeader()
    metrics = tab.table.fontMetrics()
    for key, widest in (("target", "3.300,5"), ("value", "3.300,5"), ("percent", "2.200,33")):
        room = header.sectionSize(tab.model.column_index(key)) - 8  # the cell's margins
        assert metrics.horizontalAdvance(widest) <= room, key
