"""Bad figures typed in the window (issue 12, item 9): refused with the reason, or asked
about, and the database unchanged unless the clerk says so."""

from __future__ import annotations

from pathlib import Path

import pytest

from kh65_desktop.services.exchange_files import export_file
from kh65_desktop.ui import prompts
from kh65_desktop.ui.dialogs.period_entry import PeriodEntryDialog

from .db_content import stored_value
from .edge_values import seed_poisoned_database
from .tampered import first_value, package_json, stc
from .ui_helpers import cell, column, find_row, open_window, type_into_cell


def test_a_30_digit_figure_typed_in_a_cell_is_refused(qtbot, db_path: Path, tmp_path: Path) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    tab, proxy = window.indicators, window.indicators.proxy
    value = proxy.index(find_row(proxy, "II.6.1"), column(proxy, "value"))
    type_into_cell(qtbot, tab.table, value, "1" + "0" * 29)
    assert tab.error.isVisible()
    assert "Chỉ tiêu II.6.1 “Thu nội địa”: số quá lớn" in tab.error.text()
    assert "đơn vị tính. Dữ liệu không bị thay đổi." in tab.error.text()  # one full stop
    assert stored_value(db_path, "II.6.1") == 3300  # nothing written
    assert cell(proxy, "II.6.1", "value") == "3.300"
    assert cell(proxy, "II.6.1", "status") != "Đạt"
    target = proxy.index(find_row(proxy, "II.6.1"), column(proxy, "target"))
    type_into_cell(qtbot, tab.table, target, "0")
    assert "kế hoạch bằng 0" in tab.error.text()
    type_into_cell(qtbot, tab.table, value, "-3.300")
    assert "không thể âm" in tab.error.text()
    assert stored_value(db_path, "II.6.1") == 3300
    assert not window.context.undo_stack.canUndo()


@pytest.mark.parametrize("answer", [False, True])
def test_a_jump_of_more_than_10_times_is_asked_about(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, answer: bool
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(prompts, "confirm", lambda p, t, text: asked.append(text) or answer)
    window = open_window(qtbot, db_path, tmp_path)
    tab, proxy = window.indicators, window.indicators.proxy
    value = proxy.index(find_row(proxy, "II.6.1"), column(proxy, "value"))
    type_into_cell(qtbot, tab.table, value, "3.400")  # an ordinary figure: not asked
    assert asked == [] and stored_value(db_path, "II.6.1") == 3400
    type_into_cell(qtbot, tab.table, value, "340.000")  # a slip: 100× what it was
    assert asked == [
        "• Chỉ tiêu II.6.1 “Thu nội địa”: 340.000 lớn hơn 10 lần kế hoạch (6.220). Có thể "
        "nhầm đơn vị hoặc gõ thừa chữ số.\n\nVẫn lưu số liệu này?"
    ]
    assert stored_value(db_path, "II.6.1") == (340_000 if answer else 3400)


def test_the_period_form_asks_before_saving_a_jump(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(prompts, "confirm", lambda p, t, text: asked.append(text) or False)
    window = open_window(qtbot, db_path, tmp_path)
    dialog = PeriodEntryDialog(window.context, None, window)
    qtbot.addWidget(dialog)
    dialog.agency.setCurrentIndex(dialog.agency.findText("Sở Kế hoạch và Đầu tư"))
    new = dialog.model.column_index("new")
    type_into_cell(qtbot, dialog.table, dialog.model.index(1, new), "23.200")  # was 232
    dialog.accept()
    assert len(asked) == 1 and "23.200 lớn hơn 10 lần" in asked[0]
    assert dialog.result() != dialog.DialogCode.Accepted  # the form stays open to correct
    assert not window.context.undo_stack.canUndo()


def test_the_period_form_refuses_a_figure_beyond_the_bounds(
    qtbot, db_path: Path, tmp_path: Path
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    dialog = PeriodEntryDialog(window.context, None, window)
    qtbot.addWidget(dialog)
    dialog.agency.setCurrentIndex(dialog.agency.findText("Sở Kế hoạch và Đầu tư"))
    new = dialog.model.column_index("new")
    type_into_cell(qtbot, dialog.table, dialog.model.index(0, new), "1" + "0" * 20)
    assert "số quá lớn" in dialog.error.text()  # as it is typed, not at Lưu
    assert dialog.changes() == []
    dialog.accept()
    assert stored_value(db_path, "II.3.1") == 2193.81
    assert not window.context.undo_stack.canUndo()


def test_a_poisoned_database_opens_and_can_be_corrected(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """1e300 and targets of 0 from before the rules: the window opens, shows them as what
    they are, and the clerk types the right figure over them."""
    db_path = seed_poisoned_database(tmp_path / "kh65.db")
    window = open_window(qtbot, db_path, tmp_path)
    tab, proxy = window.indicators, window.indicators.proxy
    assert cell(proxy, "II.6.1", "value") == "1,000e+300"
    assert cell(proxy, "II.6.1", "status") != "Đạt"
    assert cell(proxy, "II.3.1", "percent") == ""  # a target of 0: no % of plan
    value = proxy.index(find_row(proxy, "II.6.1"), column(proxy, "value"))
    monkeypatch.setattr(prompts, "confirm", lambda *args: True)
    type_into_cell(qtbot, tab.table, value, "3.300")
    assert stored_value(db_path, "II.6.1") == 3300
    target = proxy.index(find_row(proxy, "II.3.1"), column(proxy, "target"))
    type_into_cell(qtbot, tab.table, target, "4.874,53")
    assert cell(proxy, "II.3.1", "percent") != ""


def test_the_import_preview_warns_of_a_jump_and_refuses_an_impossible_figure(
    qtbot, db_path: Path, tmp_path: Path
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    service = window.context.plans
    package = export_file(service, window.context.plan, stc(service), None, tmp_path / "a.kh65")
    jump = package_json(package, first_value("value", 330_000))
    dialog = window.open_import(jump)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10000)
    assert "Cần xem lại 1 số liệu bất thường: Chỉ tiêu II.6.1" in dialog.summary.text()
    assert "330.000 lớn hơn 10 lần kế hoạch (6.220)" in dialog.summary.text()
    assert dialog.apply_button.isEnabled()  # the clerk decides, having seen it
    dialog.reject()
    negative = package_json(package, first_value("value", -3300))
    dialog = window.open_import(negative)
    qtbot.waitUntil(lambda: "Không nhập được" in dialog.summary.text(), timeout=10000)
    assert "là số âm" in dialog.summary.text()
    assert stored_value(db_path, "II.6.1") == 3300
