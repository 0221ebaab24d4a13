"""On a PostgreSQL server another clerk's save reaches every open window (LISTEN/NOTIFY)
and is redrawn without reloading; a figure being typed meanwhile is kept."""

from __future__ import annotations

import select
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton
from sqlalchemy import Engine

from kh65_desktop.storage.change_notices import (
    ChangeListener,
    install_change_notices,
    new_window_id,
    tag_window,
)
from kh65_desktop.storage.database import open_database
from kh65_desktop.storage.engines import parse_server_address
from kh65_desktop.ui import prompts
from kh65_desktop.ui.context import AppContext
from kh65_desktop.ui.main_window import MainWindow

from .reopen import reopen
from .ui_helpers import TODAY, cell, column, find_row, settings_in, type_into_cell

_SET = (
    "UPDATE reported_value SET value = {1} WHERE locality_id IS NULL AND indicator_id = "
    "(SELECT id FROM indicator WHERE code = '{0}')"
)


def _server_engine(pg_server, name: str) -> Engine:  # type: ignore[no-untyped-def]
    engine = open_database(parse_server_address(pg_server.create_database(name)))
    with engine.begin() as connection:
        install_change_notices(connection)
    return engine


def _wait_for(listener: ChangeListener) -> set[str]:
    """The tables in the next notices (waits on the socket; a missing notice fails)."""
    for _ in range(50):
        ready, _, _ = select.select([listener.fileno()], [], [], 0.2)
        tables = listener.changed_tables() if ready else set()
        if tables:
            return tables
    raise AssertionError("no notice arrived")


def test_a_commit_elsewhere_reaches_a_listener_but_not_its_own_writer(pg_server) -> None:  # type: ignore[no-untyped-def]
    engine = _server_engine(pg_server, "notices")
    mine = new_window_id()
    tag_window(engine, mine)
    listener = ChangeListener(engine, mine)
    try:
        with engine.begin() as connection:  # this window's own write: no redraw asked
            connection.exec_driver_sql(_SET.format("II.3.2", 250))
        pg_server.psql(_SET.format("II.3.2", 260), database="notices")  # another clerk's
        assert _wait_for(listener) == {"reported_value"}
        pg_server.psql("UPDATE task SET note = 'x' WHERE id = 1", database="notices")
        assert _wait_for(listener) == {"task"}
    finally:
        listener.close()
        engine.dispose()


def test_a_window_redraws_another_clerks_save_and_keeps_a_cell_being_typed(
    qtbot, pg_server, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    engine = _server_engine(pg_server, "window")
    context = AppContext(engine, settings_in(tmp_path), today=lambda: TODAY)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    assert window.live is not None
    proxy, table = window.indicators.proxy, window.indicators.table
    window.tabs.setCurrentWidget(window.indicators)
    assert cell(proxy, "II.3.2", "value") == "232"

    pg_server.psql(_SET.format("II.3.2", 300.5), database="window")
    qtbot.waitUntil(lambda: cell(proxy, "II.3.2", "value") == "300,5", timeout=5000)

    # the clerk has a cell half typed while reading another window (this window is not the
    # active one): the redraw waits, the typing stays
    elsewhere = QLineEdit()
    qtbot.addWidget(elsewhere)
    elsewhere.show()
    elsewhere.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is elsewhere, timeout=2000)
    index = proxy.index(find_row(proxy, "II.3.2"), column(proxy, "value"))
    table.setCurrentIndex(index)
    table.edit(index)
    editor = table.indexWidget(index)
    assert isinstance(editor, QLineEdit)
    editor.setFocus()
    editor.setText("15.000")
    assert QApplication.focusWidget() is not editor
    pg_server.psql(_SET.format("II.3.2", 310), database="window")
    qtbot.waitUntil(lambda: window.live.deferred >= 2, timeout=5000)  # put off, twice
    assert table.indexWidget(index) is editor and editor.text() == "15.000"
    assert cell(proxy, "II.3.2", "value") == "300,5"
    qtbot.keyClick(editor, Qt.Key.Key_Escape)  # the clerk gives up the edit
    qtbot.waitUntil(lambda: cell(proxy, "II.3.2", "value") == "310", timeout=5000)
    window.close()
    engine.dispose()


def test_a_save_in_one_window_shows_in_another_and_a_stale_one_is_asked(
    qtbot, pg_server, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """Two windows on one server: what one saves the other shows within moments; a save
    from a window that had not yet redrawn is a conflict, never an overwrite."""
    engine = _server_engine(pg_server, "two_windows")
    windows = []
    for n, (clerk, db) in enumerate(
        (("Nguyễn Thị Lan", engine), ("Trần Văn Bình", reopen(engine)))
    ):
        folder = tmp_path / str(n)
        folder.mkdir()
        window = MainWindow(AppContext(db, settings_in(folder, clerk), today=lambda: TODAY))
        qtbot.addWidget(window)
        window.show()
        window.tabs.setCurrentWidget(window.indicators)
        windows.append(window)
    lan, binh = windows

    def type_in(window: MainWindow, text: str) -> None:
        proxy = window.indicators.proxy
        index = proxy.index(find_row(proxy, "II.3.2"), column(proxy, "value"))
        type_into_cell(qtbot, window.indicators.table, index, text)

    type_in(lan, "300")
    qtbot.waitUntil(lambda: cell(binh.indicators.proxy, "II.3.2", "value") == "300", timeout=5000)

    # Bình's window stops listening (a slow network): its next save meets Lan's newer one
    binh.live.notifier.setEnabled(False)
    type_in(lan, "305")
    seen: list[str] = []

    def take_theirs(box):  # type: ignore[no-untyped-def]
        seen.append(box.text())
        box.findChild(QPushButton, "takeTheirs").click()
        return False

    monkeypatch.setattr(prompts, "run_dialog", take_theirs)
    type_in(binh, "310")
    assert len(seen) == 1 and "vừa được Nguyễn Thị Lan sửa lúc" in seen[0]
    assert "Số của họ: 305" in seen[0] and "Số của bạn: 310" in seen[0]
    assert cell(binh.indicators.proxy, "II.3.2", "value") == "305"
    for window in windows:
        window.close()
        window.context.engine.dispose()
