"""Two windows on one database, two clerks typing the same figure: the second sees who
changed it and when, both values, and chooses; nothing is silently overwritten."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton

from kh65_desktop.storage.database import open_database
from kh65_desktop.ui import prompts
from kh65_desktop.ui.context import AppContext
from kh65_desktop.ui.dialogs.period_entry import PeriodEntryDialog
from kh65_desktop.ui.main_window import MainWindow
from kh65_desktop.ui.table_model import ROW_ROLE

from .db_content import stored_value
from .ui_helpers import (
    CLERK,
    TODAY,
    cell,
    column,
    find_row,
    open_window,
    settings_in,
    type_figure,
    type_into_cell,
)

OTHER = "Trần Văn Bình"


def _second_window(qtbot, db_path: Path, folder: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    folder.mkdir()
    context = AppContext(open_database(db_path), settings_in(folder, OTHER), today=lambda: TODAY)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    return window


def _answer(choice: str, seen: list[str]):  # type: ignore[no-untyped-def]
    """A stand-in for prompts.run_dialog: note the conflict's text, press `choice`."""

    def run(box: QMessageBox) -> bool:
        assert box.objectName() == "saveConflict"
        seen.append(box.text())
        box.findChild(QPushButton, choice).click()
        return False

    return run


@pytest.mark.usefixtures("vietnam_time")
def test_second_clerk_sees_who_changed_the_figure_and_takes_theirs(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine = open_window(qtbot, db_path, tmp_path)
    other = _second_window(qtbot, db_path, tmp_path / "other")
    assert cell(mine.indicators.proxy, "II.3.2", "value") == "232"
    type_figure(qtbot, other, "II.3.2", "300,5")
    seen: list[str] = []
    monkeypatch.setattr(prompts, "run_dialog", _answer("takeTheirs", seen))
    type_figure(qtbot, mine, "II.3.2", "310")

    [message] = seen
    assert f"vừa được {OTHER} sửa lúc " in message
    assert "Số của họ: 300,5" in message and "Số của bạn: 310" in message
    assert stored_value(db_path, "II.3.2") == 300.5  # nothing overwritten
    assert cell(mine.indicators.proxy, "II.3.2", "value") == "300,5"  # theirs shown now
    # what the clerk typed stays in sight
    assert "số bạn nhập (310) chưa được lưu" in mine.statusBar().currentMessage()
    assert not mine.context.undo_stack.canUndo()  # nothing written, nothing to undo

    # the window now shows their figure: the clerk's next edit goes through unasked
    monkeypatch.setattr(prompts, "run_dialog", lambda box: pytest.fail("asked again"))
    type_figure(qtbot, mine, "II.3.2", "320")
    assert stored_value(db_path, "II.3.2") == 320


def test_keeping_mine_writes_it_and_undo_never_overwrites_a_later_figure(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine = open_window(qtbot, db_path, tmp_path)
    other = _second_window(qtbot, db_path, tmp_path / "other")
    type_figure(qtbot, other, "II.3.2", "300")
    seen: list[str] = []
    monkeypatch.setattr(prompts, "run_dialog", _answer("keepMine", seen))
    type_figure(qtbot, mine, "II.3.2", "310")
    assert len(seen) == 1
    assert stored_value(db_path, "II.3.2") == 310
    assert cell(mine.indicators.proxy, "II.3.2", "value") == "310"

    # the other clerk, who saw 300 and was overwritten, is asked in turn
    monkeypatch.setattr(prompts, "run_dialog", _answer("keepMine", seen))
    type_figure(qtbot, other, "II.3.2", "305")
    assert len(seen) == 2 and "Số của họ: 310" in seen[1] and "Số của bạn: 305" in seen[1]
    assert stored_value(db_path, "II.3.2") == 305

    # undoing my 310 now would overwrite their 305: the undo leaves it and says so
    errors: list[str] = []
    monkeypatch.setattr(prompts, "show_error", lambda _p, _t, text: errors.append(text))
    mine.context.undo_stack.undo()
    assert stored_value(db_path, "II.3.2") == 305
    assert errors and "đã được sửa ở nơi khác" in errors[0]


def test_a_task_status_changed_in_another_window_is_asked_about(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine = open_window(qtbot, db_path, tmp_path)
    other = _second_window(qtbot, db_path, tmp_path / "other")
    theirs_proxy, my_proxy = other.tasks.proxy, mine.tasks.proxy
    assert my_proxy.setData(
        my_proxy.index(find_row(my_proxy, "T1.1"), column(my_proxy, "status")), "Đang thực hiện"
    )
    seen: list[str] = []
    monkeypatch.setattr(prompts, "run_dialog", _answer("takeTheirs", seen))
    theirs_proxy.setData(
        theirs_proxy.index(find_row(theirs_proxy, "T1.1"), column(theirs_proxy, "status")),
        "Đã hoàn thành",
    )
    [message] = seen
    assert f"Nhiệm vụ T1.1 vừa được {CLERK} sửa lúc " in message
    assert "Tình trạng của họ: Đang thực hiện" in message
    assert "Tình trạng bạn chọn: Đã hoàn thành" in message
    assert cell(theirs_proxy, "T1.1", "status") == "Đang thực hiện"  # theirs, shown now
    assert "(Đã hoàn thành) chưa được lưu" in other.statusBar().currentMessage()


def test_the_period_form_keeps_what_was_typed_when_a_figure_changed_meanwhile(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The form read II.3.2's figure when it opened; another clerk saves it before Lưu: the
    clerk is asked, and on "Lấy số của họ" the form stays open with the typed figures."""
    mine = open_window(qtbot, db_path, tmp_path)
    other = _second_window(qtbot, db_path, tmp_path / "other")
    dialog = PeriodEntryDialog(mine.context, None, mine)
    qtbot.addWidget(dialog)
    dialog.agency.setCurrentIndex(dialog.agency.findText("Sở Kế hoạch và Đầu tư"))
    assert [r.code for r in dialog.model.rows] == ["II.3.1", "II.3.2"]
    new = dialog.model.column_index("new")
    type_into_cell(qtbot, dialog.table, dialog.model.index(1, new), "395")

    type_figure(qtbot, other, "II.3.2", "300")  # meanwhile, in the other window
    seen: list[str] = []
    monkeypatch.setattr(prompts, "run_dialog", _answer("takeTheirs", seen))
    dialog.accept()
    assert len(seen) == 1 and f"vừa được {OTHER} sửa" in seen[0]
    assert "Số của họ: 300" in seen[0] and "Số của bạn: 395" in seen[0]
    assert dialog.result() != dialog.DialogCode.Accepted  # still open, nothing lost
    assert dialog.model.index(1, new).data() == "395"
    assert stored_value(db_path, "II.3.2") == 300

    monkeypatch.setattr(prompts, "run_dialog", _answer("keepMine", seen))
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert stored_value(db_path, "II.3.2") == 395


def _locality_figure(db_path: Path, window: MainWindow, row: int) -> float | None:
    tab = window.localities
    locality = tab.proxy.index(row, 0).data(ROW_ROLE).locality_id
    with sqlite3.connect(db_path) as db:
        found = db.execute(
            "SELECT value FROM reported_value WHERE indicator_id = ? AND period_id = ? "
            "AND locality_id = ?",
            (tab.indicator.currentData(), tab.period.currentData(), locality),
        ).fetchone()
    return found[0] if found else None


def _type_locality(qtbot, window: MainWindow, row: int, text: str) -> None:  # type: ignore[no-untyped-def]
    proxy = window.localities.proxy
    type_into_cell(qtbot, window.localities.table, proxy.index(row, column(proxy, "value")), text)


@pytest.mark.usefixtures("vietnam_time")
def test_a_locality_figure_changed_in_another_window_is_asked_about(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Địa bàn table states the version it read, as the Chỉ tiêu table does."""
    mine = open_window(qtbot, db_path, tmp_path)
    other = _second_window(qtbot, db_path, tmp_path / "other")
    for window in (mine, other):
        window.tabs.setCurrentWidget(window.localities)
    name = mine.localities.proxy.index(0, 0).data()
    _type_locality(qtbot, other, 0, "41,5")
    seen: list[str] = []
    monkeypatch.setattr(prompts, "run_dialog", _answer("takeTheirs", seen))
    _type_locality(qtbot, mine, 0, "42")

    [message] = seen
    assert f"vừa được {OTHER} sửa lúc " in message
    assert "Số của họ: 41,5" in message and "Số của bạn: 42" in message
    assert _locality_figure(db_path, mine, 0) == 41.5  # nothing overwritten
    assert mine.localities.proxy.index(0, 0).data() == name
    value = column(mine.localities.proxy, "value")
    assert mine.localities.proxy.index(0, value).data() == "41,5"  # theirs shown now
    assert "số bạn nhập (42) chưa được lưu" in mine.statusBar().currentMessage()

    monkeypatch.setattr(prompts, "run_dialog", _answer("keepMine", seen))
    _type_locality(qtbot, other, 0, "43")  # the other window saw 41,5; mine wrote nothing
    assert len(seen) == 1 and _locality_figure(db_path, mine, 0) == 43
    _type_locality(qtbot, mine, 0, "44")  # now it has seen 41,5, not 43: asked
    assert len(seen) == 2 and "Số của họ: 43" in seen[1] and "Số của bạn: 44" in seen[1]
    assert _locality_figure(db_path, mine, 0) == 44
