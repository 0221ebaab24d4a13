"""Bad figures typed at every door of the window, as a clerk tried them at 1366×768 with the
keyboard (issue 12, items 9, 13, 15): what the clerk then sees, where the keyboard is, and
that nothing was written."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPlainTextEdit
from sqlalchemy.exc import OperationalError

from kh65_desktop.ui import entity_actions, prompts
from kh65_desktop.ui.commands import SetValuesCommand
from kh65_desktop.ui.dialogs.form import Field, FormDialog
from kh65_desktop.ui.dialogs.period_entry import PeriodEntryDialog
from kh65_desktop.ui.table_model import ROW_ROLE

from .ui_helpers import cell, column, fill_form, find_row, open_window, type_into_cell


def _history(db_path: Path) -> int:
    with sqlite3.connect(db_path) as db:
        return db.execute("SELECT count(*) FROM value_change").fetchone()[0]


def _figures(db_path: Path, code: str) -> list[tuple]:
    with sqlite3.connect(db_path) as db:
        return db.execute(
            "SELECT rv.value, rv.locality_id FROM reported_value rv JOIN indicator i "
            "ON i.id = rv.indicator_id WHERE i.code = ? ORDER BY rv.locality_id",
            (code,),
        ).fetchall()


def test_the_keyboard_is_back_in_the_table_after_the_jump_question(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The question is modal: while it was open the cell's editor closed, and the keyboard
    went nowhere (arrows and F2 did nothing). The refusal shown before it is gone too."""
    window = open_window(qtbot, db_path, tmp_path)
    tab, proxy = window.indicators, window.indicators.proxy

    def modal_question(*_args: object) -> bool:
        tab.search.setFocus()  # as the question's window takes the keyboard
        return False

    monkeypatch.setattr(prompts, "confirm", modal_question)
    value = proxy.index(find_row(proxy, "II.6.1"), column(proxy, "value"))
    type_into_cell(qtbot, tab.table, value, "abc")
    assert "không phải là số" in tab.error.text() and tab.error.isVisible()
    type_into_cell(qtbot, tab.table, value, "330.000")
    assert QApplication.focusWidget() is tab.table
    assert tab.table.currentIndex() == value
    assert not tab.error.isVisible()  # "abc" is not what the clerk typed last
    assert cell(proxy, "II.6.1", "value") == "3.300"
    assert _history(db_path) == 0


def test_the_district_table_says_why_a_figure_was_refused(
    qtbot, db_path: Path, tmp_path: Path
) -> None:
    """The service's refusal (negative, too large, too many decimals, a target of 0) went
    only to the status bar, cut off, while the line above the table showed an older one."""
    window = open_window(qtbot, db_path, tmp_path)
    tab = window.localities
    value = tab.model.index(0, tab.model.column_index("value"))
    target = tab.model.index(0, tab.model.column_index("target"))
    before = _figures(db_path, "II.3.2")
    type_into_cell(qtbot, tab.table, value, "1e300")
    assert "“1e300” không đúng cách viết số" in tab.error.text()
    type_into_cell(qtbot, tab.table, value, "-5")
    assert "-5 là số âm" in tab.error.text() and "1e300" not in tab.error.text()
    assert "Dữ liệu không bị thay đổi." in tab.error.text()
    type_into_cell(qtbot, tab.table, target, "0")
    assert "kế hoạch bằng 0" in tab.error.text() and tab.error.isVisible()
    assert value.data() == "59" and target.data() == "150"
    assert _figures(db_path, "II.3.2") == before
    assert not window.context.undo_stack.canUndo()


def test_the_period_form_refuses_an_impossible_figure_as_it_is_typed(
    qtbot, db_path: Path, tmp_path: Path
) -> None:
    """Accepted by the form, a 30-digit figure showed as "1,235e+29" and was refused only at
    Lưu, with the reason behind the form in the main window's status bar."""
    window = open_window(qtbot, db_path, tmp_path)
    dialog = PeriodEntryDialog(window.context, None, window)
    qtbot.addWidget(dialog)
    dialog.agency.setCurrentIndex(dialog.agency.findText("Sở Nông nghiệp và Phát triển nông thôn"))
    new = dialog.model.column_index("new")
    amount = dialog.model.index(find_row(dialog.model, "II.4.7"), new)  # tỷ đồng
    rate = dialog.model.index(find_row(dialog.model, "II.4.6"), new)  # %
    type_into_cell(qtbot, dialog.table, amount, "123456789012345678901234567890")
    assert "Chỉ tiêu II.4.7 “Giải ngân vốn CTMTQG xây dựng nông thôn mới”: số quá lớn" in (
        dialog.error.text()
    )
    assert amount.data() == "147,47"  # what was there, not 1,235e+29
    # the reason wraps: unwrapped, it widened the form past a 1366-pixel screen (Lưu off it)
    assert dialog.minimumSizeHint().width() < 1000
    type_into_cell(qtbot, dialog.table, amount, "-5")
    assert "-5 là số âm" in dialog.error.text()
    type_into_cell(qtbot, dialog.table, rate, "9999")
    assert "9.999% vượt quá 1.000%" in dialog.error.text()
    assert dialog.table.currentIndex().row() == rate.row()  # Enter did not move on
    type_into_cell(qtbot, dialog.table, rate, "0,1234567")
    assert "có quá 6 chữ số thập phân" in dialog.error.text()
    assert rate.data() == "99,8"
    assert dialog.changes() == []
    type_into_cell(qtbot, dialog.table, rate, "99,9")  # a good one clears the line, moves on
    assert dialog.error.text() == "" and rate.data() == "99,9"
    assert dialog.table.currentIndex().row() == rate.row() + 1


def test_the_period_form_shows_why_lu_was_refused(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    dialog = PeriodEntryDialog(window.context, None, window)
    qtbot.addWidget(dialog)
    dialog.agency.setCurrentIndex(dialog.agency.findText("Sở Kế hoạch và Đầu tư"))
    type_into_cell(
        qtbot, dialog.table, dialog.model.index(0, dialog.model.column_index("new")), "2.200"
    )

    def disk_full(_command: SetValuesCommand) -> None:
        raise OperationalError("INSERT", {}, sqlite3.OperationalError("database or disk is full"))

    monkeypatch.setattr(SetValuesCommand, "do", disk_full)
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert dialog.error.text().startswith("Không lưu được thay đổi:")
    assert "disk is full" not in dialog.error.text()


def test_a_number_for_a_qualitative_indicator_is_refused(
    qtbot, db_path: Path, tmp_path: Path
) -> None:
    """I.9 “Giữ vững ổn định chính trị” took 5 as its result; the period form has no number
    for it, and the target cell already refused one."""
    window = open_window(qtbot, db_path, tmp_path)
    tab, proxy = window.indicators, window.indicators.proxy
    value = proxy.index(find_row(proxy, "I.9"), column(proxy, "value"))
    type_into_cell(qtbot, tab.table, value, "5")
    assert "Chỉ tiêu định tính ghi kết quả bằng lời văn" in tab.error.text()
    assert cell(proxy, "I.9", "value") == ""
    assert _figures(db_path, "I.9") == []
    assert not window.context.undo_stack.canUndo()


def test_a_qualitative_result_is_typed_in_words_and_undone(
    qtbot, db_path: Path, tmp_path: Path
) -> None:
    """I.9 has no lead agency, so it is in no agency's period form: its result is typed in
    words in the Chỉ tiêu table, and Ctrl+Z takes it back."""
    window = open_window(qtbot, db_path, tmp_path)
    tab, proxy = window.indicators, window.indicators.proxy
    value = proxy.index(find_row(proxy, "I.9"), column(proxy, "value"))
    type_into_cell(qtbot, tab.table, value, "Giữ vững ổn định, không có điểm nóng")
    assert tab.error.text() == ""
    assert cell(proxy, "I.9", "value") == "Giữ vững ổn định, không có điểm nóng"
    with sqlite3.connect(db_path) as db:
        stored = db.execute(
            "SELECT r.value, r.text FROM reported_value r JOIN indicator i "
            "ON i.id = r.indicator_id WHERE i.code = 'I.9'"
        ).fetchall()
    assert stored == [(None, "Giữ vững ổn định, không có điểm nóng")]
    window.undo_action.trigger()
    assert cell(proxy, "I.9", "value") == ""
    assert _figures(db_path, "I.9") == []


def test_a_typed_target_is_the_one_shown(qtbot, db_path: Path, tmp_path: Path) -> None:
    """The document's wording "34.000 tỷ đồng" went on showing after the clerk typed 40.000
    (the % of plan used 40.000): the wording goes with the old figure, undo brings it back."""
    window = open_window(qtbot, db_path, tmp_path)
    tab, proxy = window.indicators, window.indicators.proxy
    assert cell(proxy, "II.2.1", "target") == "34.000 tỷ đồng"
    target = proxy.index(find_row(proxy, "II.2.1"), column(proxy, "target"))
    type_into_cell(qtbot, tab.table, target, "40.000")
    assert cell(proxy, "II.2.1", "target") == "40.000 tỷ đồng"
    assert cell(proxy, "II.2.1", "percent") == "35,24%"  # 14.096 of 40.000
    window.undo_action.trigger()
    assert cell(proxy, "II.2.1", "target") == "34.000 tỷ đồng"
    assert cell(proxy, "II.2.1", "percent") == "41,46%"


def test_enter_on_an_unchanged_cell_writes_nothing(qtbot, db_path: Path, tmp_path: Path) -> None:
    """F2 then Enter wrote "14.096 → 14.096" in the history and put a step on Ctrl+Z."""
    window = open_window(qtbot, db_path, tmp_path)
    tab, proxy = window.indicators, window.indicators.proxy
    for key, text in (("value", "14.096"), ("target", "34.000")):
        index = proxy.index(find_row(proxy, "II.2.1"), column(proxy, key))
        type_into_cell(qtbot, tab.table, index, text)
    districts = window.localities
    for key, text in (("value", "59"), ("target", "150")):
        index = districts.model.index(0, districts.model.column_index(key))
        type_into_cell(qtbot, districts.table, index, text)
    assert _history(db_path) == 0
    assert not window.context.undo_stack.canUndo()
    assert cell(proxy, "II.2.1", "target") == "34.000 tỷ đồng"  # the wording is kept


def test_tab_leaves_a_multi_line_field(qtbot) -> None:
    """Tab in "Tên chỉ tiêu" typed a tab into the name: the keyboard was trapped there."""
    dialog = FormDialog(
        "Chỉ tiêu",
        [Field("name", "Tên chỉ tiêu", "long_text", "Tổng vốn"), Field("unit", "Đơn vị tính")],
    )
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    name = dialog.raw("name")
    assert isinstance(name, QPlainTextEdit)
    name.setFocus()
    qtbot.keyClick(name, Qt.Key.Key_Tab)
    assert name.toPlainText() == "Tổng vốn"
    assert QApplication.focusWidget() is dialog.raw("unit")


@pytest.mark.parametrize(
    ("field", "typed", "reason"),
    [
        ("target_value", "0", "kế hoạch bằng 0"),
        ("target_value", "-5", "-5 là số âm"),
        ("target_value", "123456789012345678901234567890", "số quá lớn"),
        ("target_share", "9999", "phải lớn hơn 0 và không quá 1.000%; hãy sửa lại"),
        ("baseline_value", "0,1234567", "có quá 6 chữ số thập phân"),
    ],
)
def test_the_indicator_form_stays_open_with_the_reason(
    qtbot,
    db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    field: str,
    typed: str,
    reason: str,
) -> None:
    """“Sửa chỉ tiêu…” with a target of 0 closed the form, everything else the clerk had
    typed in it lost, and said why only in the table behind it."""
    window = open_window(qtbot, db_path, tmp_path)
    proxy = window.indicators.proxy
    row = proxy.index(find_row(proxy, "II.2.1"), 0).data(ROW_ROLE)
    seen: list[tuple[bool, str, str]] = []

    def clerk(dialog: FormDialog) -> bool:
        fill_form(dialog, unit="nghìn tỷ đồng", **{field: typed})
        dialog.accept()
        seen.append((dialog.isVisible(), dialog.error.text(), dialog.raw("unit").text()))
        return dialog.result() == FormDialog.DialogCode.Accepted

    monkeypatch.setattr(prompts, "run_dialog", clerk)
    assert not entity_actions.edit_indicator(window.context, window, row.id)
    ((_, error, unit),) = seen
    assert reason in error and "Chỉ tiêu II.2.1" in error
    assert unit == "nghìn tỷ đồng"  # the form is still as the clerk left it
    assert cell(proxy, "II.2.1", "unit") == "tỷ đồng"
    assert not window.context.undo_stack.canUndo()
