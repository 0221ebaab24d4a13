"""A figure typed while the database server is gone is kept, not lost: the clerk is told
the connection was lost and chooses "Thử lại" (the same save, the same version check, once
the server is back) or "Để sau" (the typed figure stays on screen marked unsaved and is
saved before the next save or from Sửa → Lưu lại số chưa lưu). Nothing is half-written.
The server is really stopped and started (tests/pg_server.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from kh65_desktop.storage.engines import parse_server_address
from kh65_desktop.ui import app, prompts
from kh65_desktop.ui.dialogs.period_entry import PeriodEntryDialog
from kh65_desktop.ui.main_window import MainWindow
from kh65_desktop.ui.table_model import ROW_ROLE

from .ui_helpers import TODAY, cell, column, settings_in, type_figure, type_into_cell


@pytest.fixture
def window(qtbot, pg_server, tmp_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    address = parse_server_address(pg_server.create_database("ui_kept"))
    window = app.open_server_window(address, settings_in(tmp_path))
    assert window is not None
    qtbot.addWidget(window)
    window.context.today = lambda: TODAY
    window.show()
    yield window
    if window.live is not None:
        window.live.close()
    window.context.engine.dispose()


@pytest.fixture
def server_down(pg_server) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """The server stopped for the test's first part; running again whatever happens."""
    pg_server.pause()
    try:
        yield
    finally:
        if pg_server.psql_fails():
            pg_server.resume()


def _figure(pg_server, code: str) -> list[str]:  # type: ignore[no-untyped-def]
    """II.3.2's province figures as stored (one line per row: never two)."""
    return pg_server.psql(
        "SELECT rv.value FROM reported_value rv JOIN indicator i ON i.id = rv.indicator_id "
        f"WHERE i.code = '{code}' AND rv.locality_id IS NULL",
        "ui_kept",
    ).split()


def _answer(choice: str, seen: list[str], before: Callable[[], None] = lambda: None):  # type: ignore[no-untyped-def]
    """A stand-in for prompts.run_dialog: note the message, run `before`, press `choice`."""

    def run(box: QMessageBox) -> bool:
        assert box.objectName() == "connectionLost"
        seen.append(f"{box.text()}\n{box.informativeText()}")
        before()
        box.findChild(QPushButton, choice).click()
        return False

    return run


def test_said_then_thu_lai_once_the_server_is_back_saves_it_once(
    qtbot, window: MainWindow, pg_server, server_down, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []
    monkeypatch.setattr(prompts, "run_dialog", _answer("retrySave", seen, pg_server.resume))
    type_figure(qtbot, window, "II.3.2", "310,5")
    [message] = seen
    assert "Mất kết nối tới máy chủ cơ sở dữ liệu" in message and "310,5" in message
    assert "không có số nào bị ghi dở" in message and "psycopg" not in message
    assert _figure(pg_server, "II.3.2") == ["310.5"]  # saved, once
    assert cell(window.indicators.proxy, "II.3.2", "value") == "310,5"
    assert window.context.undo_stack.count() == 1 and not window.context.unsaved


def test_de_sau_keeps_the_typed_figure_marked_and_saves_it_with_the_next_save(
    qtbot, window: MainWindow, pg_server, server_down, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []
    monkeypatch.setattr(prompts, "run_dialog", _answer("saveLater", seen))
    type_figure(qtbot, window, "II.3.2", "310")
    assert len(seen) == 1
    assert cell(window.indicators.proxy, "II.3.2", "value") == "310 (chưa lưu)"
    assert window.unsaved_bar.isVisible()
    assert "1 lần lưu" in window.unsaved_bar.label.text()
    assert "Số bạn nhập được giữ" in window.statusBar().currentMessage()
    assert not window.context.undo_stack.canUndo()

    window.retry_action.trigger()  # still down: kept, said, not asked again
    assert len(seen) == 1 and window.context.unsaved
    assert "Vẫn chưa kết nối được" in window.statusBar().currentMessage()

    pg_server.resume()
    before = _figure(pg_server, "II.3.1")
    type_figure(qtbot, window, "II.3.1", "77")  # the next save saves the kept one first
    assert _figure(pg_server, "II.3.2") == ["310"] and _figure(pg_server, "II.3.1") == ["77"]
    assert before != ["77"]
    assert cell(window.indicators.proxy, "II.3.2", "value") == "310"  # no longer marked
    assert not window.unsaved_bar.isVisible() and not window.context.unsaved
    assert window.context.undo_stack.count() == 2
    window.context.undo_stack.undo()
    window.context.undo_stack.undo()
    assert _figure(pg_server, "II.3.2") == ["232"]


def test_the_period_form_stays_open_with_its_figures_and_lưu_retries(
    qtbot, window: MainWindow, pg_server, server_down, monkeypatch: pytest.MonkeyPatch
) -> None:
    pg_server.resume()
    dialog = PeriodEntryDialog(window.context, None, window)
    qtbot.addWidget(dialog)
    dialog.agency.setCurrentIndex(dialog.agency.findText("Sở Kế hoạch và Đầu tư"))
    assert [r.code for r in dialog.model.rows] == ["II.3.1", "II.3.2"]
    new = dialog.model.column_index("new")
    type_into_cell(qtbot, dialog.table, dialog.model.index(1, new), "395")
    pg_server.pause()
    seen: list[str] = []
    monkeypatch.setattr(prompts, "run_dialog", _answer("saveLater", seen))
    dialog.accept()
    assert len(seen) == 1 and "395" in seen[0]
    assert dialog.result() != dialog.DialogCode.Accepted  # still open, nothing lost
    assert dialog.model.index(1, new).data() == "395"
    assert "bấm Lưu để thử lại" in dialog.error.text()
    assert not window.context.unsaved  # the form holds them, not kept twice

    pg_server.resume()
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert _figure(pg_server, "II.3.2") == ["395"]


def test_a_locality_figure_is_kept_marked_and_saved_from_the_edit_menu(
    qtbot, window: MainWindow, pg_server, server_down, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = window.localities
    window.tabs.setCurrentWidget(tab)
    row = tab.proxy.index(0, 0).data(ROW_ROLE)
    where = (tab.indicator.currentData(), tab.period.currentData(), row.locality_id)
    value = tab.proxy.index(0, column(tab.proxy, "value"))
    seen: list[str] = []
    monkeypatch.setattr(prompts, "run_dialog", _answer("saveLater", seen))
    type_into_cell(qtbot, tab.table, value, "12,5")
    assert len(seen) == 1 and "12,5" in seen[0]
    assert value.data() == "12,5 (chưa lưu)"
    assert value.data(Qt.ItemDataRole.ForegroundRole) is not None  # marked in colour

    pg_server.resume()
    window.retry_action.trigger()
    stored = pg_server.psql(
        "SELECT value FROM reported_value WHERE indicator_id = {} AND period_id = {} "
        "AND locality_id = {}".format(*where),
        "ui_kept",
    ).split()
    assert stored == ["12.5"]
    assert tab.proxy.index(0, column(tab.proxy, "value")).data() == "12,5"
    assert window.context.undo_stack.count() == 1 and not window.unsaved_bar.isVisible()
