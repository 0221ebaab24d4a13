"""Kế hoạch → Nạp danh sách địa bàn…, and the Địa bàn tab with 124 communes at 1366×768."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from kh65_desktop.services.localities import load
from kh65_desktop.storage.database import open_database
from kh65_desktop.storage.locality_file import read_locality_file
from kh65_desktop.ui.dialogs.locality_load import open_locality_list

from .locality_lists import add_plan_2026, commune_rows, write_csv
from .ui_helpers import open_window


def names(tab: Any) -> list[str]:
    return [tab.proxy.index(r, 0).data() for r in range(tab.proxy.rowCount())]


def test_a_list_is_previewed_loaded_and_undone_and_plan_65_keeps_its_districts(
    qtbot: Any, db_path: Path, tmp_path: Path
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    tab = window.localities
    assert len(tab.model.rows) == 9
    path = write_csv(tmp_path / "xa-phuong.csv", commune_rows())
    dialog = open_locality_list(window.context, window, path)
    assert dialog is not None
    summary = dialog.summary.text()
    assert "126 địa bàn; thêm mới 125, sửa 1" in summary and "Chưa ghi gì" in summary
    assert len(window.context.plans.localities()) == 9  # the preview writes nothing
    qtbot.mouseClick(dialog.load_button, Qt.MouseButton.LeftButton)
    assert len(window.context.plans.localities()) == 9 + 125
    assert len(tab.model.rows) == 9  # plan 65 (2024) still by its districts
    assert "Huyện Trà Cú" in [r.locality for r in tab.model.rows]
    assert window.undo_action.text().startswith("Hoàn tác nạp danh sách địa bàn xa-phuong.csv")
    window.undo_action.trigger()
    assert len(window.context.plans.localities()) == 9
    window.redo_action.trigger()
    assert len(window.context.plans.localities()) == 9 + 125


def test_a_refused_list_says_the_row_and_opens_nothing(
    qtbot: Any, db_path: Path, tmp_path: Path, monkeypatch: Any
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    said: list[str] = []
    monkeypatch.setattr(
        "kh65_desktop.ui.prompts.show_error", lambda _parent, _title, text: said.append(text)
    )
    rows = commune_rows()
    rows[10][0] = rows[9][0]
    assert open_locality_list(window.context, window, write_csv(tmp_path / "d.csv", rows)) is None
    assert "dòng 12, ô A12" in said[0] and "trùng với dòng 11" in said[0]
    assert len(window.context.plans.localities()) == 9


def test_124_communes_in_the_tab_search_without_diacritics_totals_in_view(
    qtbot: Any, db_path: Path, tmp_path: Path
) -> None:
    engine = open_database(db_path)
    load(engine, read_locality_file(write_csv(tmp_path / "x.csv", commune_rows())), "t")
    add_plan_2026(engine)  # the newest plan: the window opens on it
    engine.dispose()
    window = open_window(qtbot, db_path, tmp_path)
    window.resize(1366, 768)
    tab = window.localities
    window.tabs.setCurrentWidget(tab)
    qtbot.waitExposed(window)
    assert window.context.plan.year == 2026
    assert len(tab.model.rows) == 124 + 8  # the districts without an end date stay
    assert not tab.shown.isVisible()
    named = tab.chart.getAxis("bottom")._tickLevels[0]  # the names under the bars
    assert 1 < len(named) <= 6  # not 132 names smeared into one another
    QTest.keyClicks(tab.search, "xa thu nghiem 07")
    numbers = ["007", *(f"07{i}" for i in range(1, 10)), "107"]  # 070 is a phường
    assert names(tab) == [f"Xã Thử nghiệm {n}" for n in numbers]
    assert tab.shown.isVisible()
    assert [r.locality for r in tab.chart.breakdown.rows] == names(tab)  # the chart follows
    assert tab.shown.text() == "Đang hiện 11/132 địa phương; các tổng bên dưới tính trên cả 132."
    tab.search.clear()
    assert len(names(tab)) == 132
    # the table scrolls inside the tab; the totals line under it stays on screen
    assert tab.table.verticalScrollBar().maximum() > 0
    assert "tổng các địa phương" in tab.totals.text()
    bottom = tab.totals.mapTo(window, QPoint(0, tab.totals.height()))
    assert tab.totals.isVisible() and not tab.totals.visibleRegion().isEmpty()
    assert bottom.y() <= window.height()
