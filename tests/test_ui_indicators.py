"""The Chỉ tiêu tab driven as a clerk would: edit, undo, redo, search, filter."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt

from kh65_desktop.domain.terms import Status
from kh65_desktop.ui.table_model import ROW_ROLE

from .db_content import stored_value
from .ui_helpers import cell, column, find_row, open_window, type_into_cell


def test_edit_a_value_then_undo_and_redo(qtbot, db_path: Path, tmp_path: Path) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    tab = window.indicators
    proxy = tab.proxy
    assert cell(proxy, "II.3.2", "percent") == "44,62%"
    # 232 of 520 at the 14/6 cut-off: on pace for 98% of the plan (judged at the cut-off)
    assert cell(proxy, "II.3.2", "status") == "Chậm tiến độ"
    lagging_before = int(window.overview.count_labels[Status.LAGGING].text())

    index = proxy.index(find_row(proxy, "II.3.2"), column(proxy, "value"))
    type_into_cell(qtbot, tab.table, index, "300")

    assert cell(proxy, "II.3.2", "value") == "300"
    assert cell(proxy, "II.3.2", "percent") == "57,69%"
    assert cell(proxy, "II.3.2", "remaining") == "220"
    assert cell(proxy, "II.3.2", "status") == "Đúng tiến độ"
    assert stored_value(db_path, "II.3.2") == 300
    # the hidden overview is redrawn when the clerk opens it, not on every keystroke
    assert int(window.overview.count_labels[Status.LAGGING].text()) == lagging_before
    window.tabs.setCurrentWidget(window.overview)
    assert int(window.overview.count_labels[Status.LAGGING].text()) == lagging_before - 1
    window.tabs.setCurrentWidget(tab)
    window.agencies.select_agency(
        next(a.id for a in window.agencies.agencies.rows if a.code == "SKHDT")
    )
    assert cell(window.agencies.indicator_filter, "II.3.2", "percent") == "57,69%"

    assert window.undo_action.text() == "Hoàn tác sửa số thực hiện “Phát triển doanh nghiệp”"
    window.undo_action.trigger()
    assert cell(proxy, "II.3.2", "percent") == "44,62%"
    assert stored_value(db_path, "II.3.2") == 232
    assert window.redo_action.isEnabled()
    window.redo_action.trigger()
    assert cell(proxy, "II.3.2", "percent") == "57,69%"
    assert stored_value(db_path, "II.3.2") == 300
    assert "Ctrl+Y" in [s.toString() for s in window.redo_action.shortcuts()]
    assert window.undo_action.shortcut().toString() == "Ctrl+Z"


def test_vietnamese_number_input_and_a_clear_refusal(qtbot, db_path: Path, tmp_path: Path) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    tab = window.indicators
    proxy = tab.proxy
    target = proxy.index(find_row(proxy, "II.2.1"), column(proxy, "target"))
    type_into_cell(qtbot, tab.table, target, "35.000,5")
    # the typed target is the one shown: "34.000 tỷ đồng" described the old figure
    assert cell(proxy, "II.2.1", "target") == "35.000,5 tỷ đồng"
    assert proxy.index(find_row(proxy, "II.2.1"), 0).data(ROW_ROLE).target.value == 35000.5
    assert cell(proxy, "II.2.1", "percent") == "40,27%"

    value = proxy.index(find_row(proxy, "II.2.1"), column(proxy, "value"))
    type_into_cell(qtbot, tab.table, value, "12,3,4")
    assert tab.error.isVisible()
    assert "12,3,4" in tab.error.text() and "dấu phẩy" in tab.error.text()
    assert stored_value(db_path, "II.2.1") == 14096  # nothing written
    assert window.undo_action.text() == "Hoàn tác sửa kế hoạch “Tổng vốn đầu tư toàn xã hội”"


def test_a_typed_target_is_what_the_cell_shows_and_undo_brings_the_wording_back(
    qtbot, db_path: Path, tmp_path: Path
) -> None:
    """Seen at 1366×768: 7.000 typed over “6.220 tỷ đồng” changed % KH while the cell still
    read 6.220 tỷ đồng, so the clerk could not see the target the app now used."""
    window = open_window(qtbot, db_path, tmp_path)
    tab = window.indicators
    proxy = tab.proxy
    target = proxy.index(find_row(proxy, "II.6.1"), column(proxy, "target"))
    type_into_cell(qtbot, tab.table, target, "7.000")
    assert cell(proxy, "II.6.1", "target") == "7.000 tỷ đồng"
    assert cell(proxy, "II.6.1", "percent") == "47,14%"  # 3.300 / 7.000
    with sqlite3.connect(db_path) as db:
        assert db.execute(
            "SELECT target_value, target_text FROM indicator WHERE code = 'II.6.1'"
        ).fetchone() == (7000, "")
    window.undo_action.trigger()
    assert cell(proxy, "II.6.1", "target") == "6.220 tỷ đồng"
    assert cell(proxy, "II.6.1", "percent") == "53,05%"
    # the same figure typed again is no edit of the wording
    type_into_cell(qtbot, tab.table, target, "6.220")
    assert cell(proxy, "II.6.1", "target") == "6.220 tỷ đồng"


def test_a_percent_sign_typed_in_a_cell_is_explained(qtbot, db_path: Path, tmp_path: Path) -> None:
    """Seen at 1366×768: “87,5%” in a % indicator's cell was only “không đúng cách viết số”."""
    window = open_window(qtbot, db_path, tmp_path)
    tab = window.indicators
    proxy = tab.proxy
    value = proxy.index(find_row(proxy, "II.1.1"), column(proxy, "value"))
    type_into_cell(qtbot, tab.table, value, "87,5%")
    assert tab.error.isVisible()
    assert tab.error.text() == (
        "Thực hiện: “87,5%”: hãy bỏ dấu %, chỉ nhập số (ví dụ 87,5); "
        "đơn vị đã có ở cột “Đơn vị tính”."
    )
    assert stored_value(db_path, "II.1.1") == 83.5  # nothing written
    assert cell(proxy, "II.1.1", "value") == "83,5"


def test_search_with_and_without_diacritics(qtbot, db_path: Path, tmp_path: Path) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    tab = window.indicators
    qtbot.keyClicks(tab.search, "bao hiem")
    plain = {tab.proxy.index(r, 0).data(ROW_ROLE).code for r in range(tab.proxy.rowCount())}
    assert plain == {"II.1.1", "II.1.2", "II.1.2.1"}
    tab.search.clear()
    tab.search.insert("bảo hiểm")  # QTest types Latin-1 only; a Vietnamese IME inserts text
    marked = {tab.proxy.index(r, 0).data(ROW_ROLE).code for r in range(tab.proxy.rowCount())}
    assert marked == plain
    tab.search.clear()
    tab.search.insert("bào hiểm")  # a different word when typed with marks
    assert tab.proxy.rowCount() == 0
    tab.search.clear()
    assert tab.proxy.rowCount() == 45


def test_filter_by_agency_and_status(qtbot, db_path: Path, tmp_path: Path) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    tab = window.indicators
    tab.agency.setCurrentIndex(tab.agency.findText("Sở Tài chính"))
    codes = [tab.proxy.index(r, 0).data(ROW_ROLE).code for r in range(tab.proxy.rowCount())]
    assert codes == ["II.6.1", "II.6.2", "II.6.3"]
    tab.agency.setCurrentIndex(tab.agency.findText("Ủy ban nhân dân huyện Trà Cú"))
    coordinated = tab.proxy.rowCount()
    assert coordinated == 14  # districts coordinate groups II.1 to II.4
    tab.status.setCurrentIndex(tab.status.findText("Nguy cơ không đạt"))
    statuses = {
        tab.proxy.index(r, column(tab.proxy, "status")).data() for r in range(tab.proxy.rowCount())
    }
    assert statuses == {"Nguy cơ không đạt"} and 0 < tab.proxy.rowCount() < coordinated


def test_sorting_uses_numbers_not_text(qtbot, db_path: Path, tmp_path: Path) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    tab = window.indicators
    tab.table.sortByColumn(column(tab.proxy, "percent"), Qt.SortOrder.DescendingOrder)
    first = [tab.proxy.index(r, column(tab.proxy, "percent")).data() for r in range(4)]
    assert first == ["120,82%", "104,68%", "100,00%", "100,00%"]
    # an edit moves its row: the sort values are read again, not kept from before
    index = tab.proxy.index(find_row(tab.proxy, "II.3.2"), column(tab.proxy, "value"))
    type_into_cell(qtbot, tab.table, index, "600")  # 44,62% -> 115,38%
    first = [tab.proxy.index(r, 0).data(ROW_ROLE).code for r in range(2)]
    assert first[1] == "II.3.2" and cell(tab.proxy, "II.3.2", "percent") == "115,38%"
    tab.search.setText("doanh nghiệp")  # a search keeps the order
    shown = [tab.proxy.index(r, column(tab.proxy, "percent")).data() for r in range(3)]
    assert shown[0] == "115,38%" and shown == sorted(shown, key=_percent, reverse=True)
    tab.search.clear()
    tab.table.sortByColumn(column(tab.proxy, "code"), Qt.SortOrder.AscendingOrder)
    codes = [tab.proxy.index(r, 0).data() for r in range(tab.proxy.rowCount())]
    assert codes.index("II.9.5") < codes.index("II.10.1")  # 9 before 10


def _percent(shown: str) -> float:
    return float(shown.rstrip("%").replace(".", "").replace(",", ".")) if shown else -1.0
