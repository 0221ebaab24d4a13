"""The "Cùng kỳ" column of the Chỉ tiêu table and of the period form, driven as a clerk would."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from kh65_desktop.ui.dialogs.period_entry import PeriodEntryDialog
from kh65_desktop.ui.table_model import ROW_ROLE

from .ui_helpers import CLERK, cell, column, find_row, open_window, type_into_cell


def _stored(db_path: Path) -> list[tuple]:
    with sqlite3.connect(db_path) as db:
        return db.execute(
            "SELECT i.code, p.code, s.value, s.entered_by FROM same_period_value s "
            "JOIN indicator i ON i.id = s.indicator_id JOIN period p ON p.id = s.period_id "
            "ORDER BY i.code"
        ).fetchall()


def test_a_typed_same_period_figure_is_saved_shown_and_undone(
    qtbot, db_path: Path, tmp_path: Path
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    tab, proxy = window.indicators, window.indicators.proxy
    assert cell(proxy, "I.1", "same_period") == "5,74"  # the plan's own
    assert cell(proxy, "II.3.2", "same_period") == ""

    index = proxy.index(find_row(proxy, "II.3.2"), column(proxy, "same_period"))
    type_into_cell(qtbot, tab.table, index, "3.300,5")

    assert cell(proxy, "II.3.2", "same_period") == "3.300,5"
    assert _stored(db_path) == [("II.3.2", "2024-H1", 3300.5, CLERK)]
    assert window.undo_action.text() == "Hoàn tác sửa số cùng kỳ “Phát triển doanh nghiệp”"

    window.undo_action.trigger()  # Ctrl+Z
    assert cell(proxy, "II.3.2", "same_period") == ""
    assert _stored(db_path) == []
    window.redo_action.trigger()  # Ctrl+Y
    assert cell(proxy, "II.3.2", "same_period") == "3.300,5"
    assert _stored(db_path) == [("II.3.2", "2024-H1", 3300.5, CLERK)]

    # the plan's own is replaced by a typed one, and comes back when that is undone
    grdp = proxy.index(find_row(proxy, "I.1"), column(proxy, "same_period"))
    type_into_cell(qtbot, tab.table, grdp, "6,1")
    assert cell(proxy, "I.1", "same_period") == "6,1"
    window.undo_action.trigger()
    assert cell(proxy, "I.1", "same_period") == "5,74"


def test_a_refused_same_period_figure_says_why_and_changes_nothing(
    qtbot, db_path: Path, tmp_path: Path
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    tab, proxy = window.indicators, window.indicators.proxy
    index = proxy.index(find_row(proxy, "II.3.2"), column(proxy, "same_period"))
    type_into_cell(qtbot, tab.table, index, "-232")
    assert tab.error.isVisible()
    assert "là số âm" in tab.error.text() and "không thể âm" in tab.error.text()
    assert cell(proxy, "II.3.2", "same_period") == ""
    type_into_cell(qtbot, tab.table, index, "12,3,4")
    assert "12,3,4" in tab.error.text() and "dấu phẩy" in tab.error.text()
    assert _stored(db_path) == []
    assert not window.context.undo_stack.canUndo()


def test_the_period_form_saves_same_period_figures_with_the_figures_in_one_step(
    qtbot, db_path: Path, tmp_path: Path
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    dialog = PeriodEntryDialog(window.context, None, window)
    qtbot.addWidget(dialog)
    dialog.agency.setCurrentIndex(dialog.agency.findText("Sở Kế hoạch và Đầu tư"))
    assert [r.code for r in dialog.model.rows] == ["II.3.1", "II.3.2"]
    same, new = dialog.model.column_index("same_period"), dialog.model.column_index("new")
    assert same == new + 2  # beside the figure and its "Ước"
    assert dialog.model.index(0, same).data() == ""  # "32,5% kế hoạch" is not in tỷ đồng

    type_into_cell(qtbot, dialog.table, dialog.model.index(1, same), "-5")
    assert "là số âm" in dialog.error.text()  # refused as it is typed
    assert dialog.same_changes() == []
    type_into_cell(qtbot, dialog.table, dialog.model.index(1, same), "210")
    type_into_cell(qtbot, dialog.table, dialog.model.index(1, new), "240")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted

    proxy = window.indicators.proxy
    assert cell(proxy, "II.3.2", "same_period") == "210"
    assert cell(proxy, "II.3.2", "value") == "240"
    assert _stored(db_path) == [("II.3.2", "2024-H1", 210.0, CLERK)]
    assert proxy.index(find_row(proxy, "II.3.2"), 0).data(ROW_ROLE).same_period == 210.0

    window.undo_action.trigger()  # the whole form, figures and same-period, is one step
    assert cell(proxy, "II.3.2", "value") == "232"
    assert cell(proxy, "II.3.2", "same_period") == ""
    assert _stored(db_path) == []

    reopened = PeriodEntryDialog(window.context, None, window)
    qtbot.addWidget(reopened)
    reopened.agency.setCurrentIndex(reopened.agency.findText("Sở Kế hoạch và Đầu tư"))
    window.redo_action.trigger()
    reopened.load()
    assert reopened.model.index(1, same).data() == "210"  # what is stored, shown again
