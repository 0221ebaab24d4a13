"""Kế hoạch → Đọc kế hoạch từ văn bản…: the document read off the GUI thread, the items
reviewed beside the text, and the kept ones loaded (undoably) or saved as a plan file."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLineEdit, QProgressDialog, QPushButton
from sqlalchemy import Engine

from kh65_desktop.services.plan_load import load_plan_file
from kh65_desktop.services.plans import list_plans
from kh65_desktop.ui import prompts
from kh65_desktop.ui.dialogs import plan_reader
from kh65_desktop.ui.dialogs.plan_reader import PlanReaderDialog
from kh65_desktop.ui.main_window import MainWindow
from kh65_desktop.ui.plan_reader_model import DECISION, SURENESS, TITLE, Decision

from .read_plan_stub import SOURCE, ReadPlan, plan_65_read
from .ui_helpers import open_window

NEW_CODE = "80/KH-UBND/2025"
PLAN_65 = "65/KH-UBND/2024"


@pytest.fixture(autouse=True)
def told(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """The message boxes shown (title, text): a test never waits on one."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        prompts, "show_error", lambda parent, title, text: shown.append((title, text))
    )
    return shown


def plan_codes(engine: Engine) -> list[str]:
    return sorted(p.code for p in list_plans(engine))


def target_of(engine: Engine, plan: str, indicator: str) -> float | None:
    with engine.connect() as connection:
        return connection.exec_driver_sql(
            "SELECT i.target_value FROM indicator i JOIN plan p ON p.id = i.plan_id "
            "WHERE p.code = ? AND i.code = ?",
            (plan, indicator),
        ).scalar_one()


def indicator_codes(engine: Engine, plan: str) -> set[str]:
    with engine.connect() as connection:
        return {
            c
            for (c,) in connection.exec_driver_sql(
                "SELECT i.code FROM indicator i JOIN plan p ON p.id = i.plan_id WHERE p.code = ?",
                (plan,),
            )
        }


def read_through_menu(
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch, read: ReadPlan
) -> PlanReaderDialog:
    """The menu, the file chooser answered with plan 65's text, the reader's result."""
    monkeypatch.setattr(prompts, "open_file", lambda parent, title, filters: SOURCE)
    monkeypatch.setattr(plan_reader, "read_with_service", lambda engine, path, progress: read)
    window.read_plan_action.trigger()
    qtbot.waitUntil(lambda: window.findChild(PlanReaderDialog) is not None, timeout=5000)
    dialog = window.findChild(PlanReaderDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def review(qtbot: Any, window: MainWindow, code: str | None = NEW_CODE) -> PlanReaderDialog:
    dialog = PlanReaderDialog(window.context, plan_65_read(code), window)
    dialog.show()
    dialog.activateWindow()  # its shortcuts work in the active window
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def shown_rows(dialog: PlanReaderDialog) -> list[tuple[str, str, str]]:
    """(key, sureness, decision) of every item row, top to bottom."""
    rows = []
    index = dialog.model.index(0, 0)
    while index.isValid():
        key = dialog.model.key_of(index)
        if key:
            rows.append(
                (
                    key,
                    index.siblingAtColumn(SURENESS).data(),
                    index.siblingAtColumn(DECISION).data(),
                )
            )
        index = dialog.tree.indexBelow(index)
    return rows


def decision_of(dialog: PlanReaderDialog, key: str) -> str:
    return dialog.model.index_of(key).siblingAtColumn(DECISION).data()


def test_the_menu_reads_the_document_and_shows_its_text_and_items(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    read = plan_65_read(NEW_CODE)
    dialog = read_through_menu(qtbot, window, monkeypatch, read)
    assert dialog.text.toPlainText() == SOURCE.read_text(encoding="utf-8")
    assert dialog.windowTitle() == "Xem lại kế hoạch đọc từ KH-65-UBND-2024.txt"
    rows = shown_rows(dialog)
    assert len(rows) == len(read.items)  # every item found is shown once
    group = dialog.model.index_of("group:II.3")
    children = [
        dialog.model.key_of(dialog.model.index(r, TITLE, group))
        for r in range(dialog.model.rowCount(group))
    ]
    assert "indicator:II.3.1" in children and "task:II.3.0.0" in children
    assert {d for _, _, d in rows} == {"Chưa xem"}
    assert (
        dialog.summary.text() == f"{len(read.items)} mục: 0 chấp nhận, 0 bỏ, {len(rows)} chưa xem"
    )


def test_selecting_an_item_highlights_its_sentence_in_the_text(qtbot, db_path, tmp_path) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    dialog = review(qtbot, window)
    item = dialog.model.items["indicator:II.3.1"]
    dialog.select("indicator:II.3.1")
    assert dialog.text.textCursor().selectedText() == item.quote
    assert dialog.text.extraSelections()[0].cursor.selectedText() == item.quote
    # the sentence is in view
    rect = dialog.text.cursorRect(dialog.text.textCursor())
    assert dialog.text.viewport().rect().contains(rect.center())
    assert dialog.fields.widgets[("target", "value")].text() == "4.874,53"
    assert dialog.fields.widgets[("name",)].text() == "Giải ngân kế hoạch vốn đầu tư công"


def test_the_unsure_items_come_first_until_the_toggle_is_off(qtbot, db_path, tmp_path) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    dialog = review(qtbot, window)
    rows = shown_rows(dialog)
    unsure = [key for key, sureness, _ in rows if sureness.startswith("Chưa chắc")]
    assert unsure and [key for key, _, _ in rows[: len(unsure)]] != []
    assert rows[0][1].startswith("Chưa chắc: ")
    assert dialog.current_key() == rows[0][0]  # the review starts on it
    # within each group the unsure items lead
    group = dialog.model.index_of("group:I")
    sure = [
        dialog.model.items[dialog.model.key_of(dialog.model.index(r, 0, group))].sure
        for r in range(dialog.model.rowCount(group))
    ]
    assert sure == sorted(sure)
    dialog.unsure_first.setChecked(False)  # the document's order
    assert [key for key, _, _ in shown_rows(dialog)][:2] == ["plan", "agency:BHXH"]


def test_accept_reject_with_the_keyboard_and_undo(qtbot, db_path, tmp_path) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    dialog = review(qtbot, window)
    dialog.unsure_first.setChecked(False)
    dialog.select("indicator:I.1")
    dialog.tree.setFocus()
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert decision_of(dialog, "indicator:I.1") == "Chấp nhận"
    assert dialog.current_key() == "indicator:I.2"  # on to the next
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Delete)
    assert decision_of(dialog, "indicator:I.2") == "Bỏ"
    assert (
        dialog.model.index_of("indicator:I.2")
        .siblingAtColumn(TITLE)
        .data(Qt.ItemDataRole.FontRole)
        .strikeOut()
    )
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert decision_of(dialog, "indicator:I.2") == "Chưa xem"
    assert dialog.current_key() == "indicator:I.2"  # the undo shows what it undid
    dialog.buttons["reject"].click()
    assert decision_of(dialog, "indicator:I.2") == "Bỏ"

    # a group's row decides for the group and its items
    dialog.select("group:II.5")
    dialog.buttons["accept"].click()
    members = [k for k, i in dialog.model.items.items() if i.group_key == "group:II.5"]
    assert members and all(decision_of(dialog, k) == "Chấp nhận" for k in members)
    assert decision_of(dialog, "group:II.5") == "Chấp nhận"


def test_accept_all_sure_items_leaves_the_unsure_ones_to_review(qtbot, db_path, tmp_path) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    dialog = review(qtbot, window)
    dialog.buttons["acceptSure"].click()
    for key, sureness, decision in shown_rows(dialog):
        assert decision == ("Chấp nhận" if sureness == "Chắc chắn" else "Chưa xem"), key
    dialog.undo_stack.undo()
    assert {d for _, _, d in shown_rows(dialog)} == {"Chưa xem"}


def type_field(qtbot: Any, dialog: PlanReaderDialog, path: tuple[str, ...], text: str) -> None:
    line = dialog.fields.widgets[path]
    assert isinstance(line, QLineEdit)
    line.setFocus()
    line.selectAll()
    qtbot.keyClicks(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)


def test_an_edited_target_is_loaded_in_one_undoable_command(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    engine = window.context.engine
    dialog = read_through_menu(qtbot, window, monkeypatch, plan_65_read(NEW_CODE))
    dialog.select("indicator:II.3.1")
    type_field(qtbot, dialog, ("target", "value"), "5.000,25")
    item = dialog.model.items["indicator:II.3.1"]
    assert item.fields["target"]["value"] == "5.000,25"
    assert dialog.model.index_of("indicator:II.3.1").siblingAtColumn(1).data() == (
        "5.000,25 tỷ đồng"
    )
    assert dialog.isVisible() and plan_codes(engine) == [PLAN_65]  # Enter did not load
    type_field(qtbot, dialog, ("target", "value"), "abc")  # refused, said, not kept
    assert "abc" in dialog.fields.refusal.text() and dialog.fields.refusal.isVisible()
    assert item.fields["target"]["value"] == "5.000,25"
    dialog.undo_stack.undo()
    assert item.fields["target"]["value"] == "4.874,53"
    assert dialog.fields.widgets[("target", "value")].text() == "4.874,53"
    dialog.undo_stack.redo()
    assert dialog.fields.widgets[("target", "value")].text() == "5.000,25"

    dialog.buttons["acceptSure"].click()
    asked: list[int] = []
    monkeypatch.setattr(plan_reader, "ask_unseen", lambda parent, n: asked.append(n) or "all")
    dialog.buttons["load"].click()
    assert asked == [len(dialog.model.keys(Decision.UNSEEN))]
    assert plan_codes(engine) == [PLAN_65, NEW_CODE]
    assert target_of(engine, NEW_CODE, "II.3.1") == 5000.25
    assert window.context.plan.code == NEW_CODE  # the window shows the new plan
    assert not dialog.isVisible()
    assert window.undo_action.text() == "Hoàn tác nạp kế hoạch đọc từ KH-65-UBND-2024.txt"
    window.undo_action.trigger()
    assert plan_codes(engine) == [PLAN_65] and window.context.plan.code == PLAN_65
    window.redo_action.trigger()
    assert target_of(engine, NEW_CODE, "II.3.1") == 5000.25


def test_only_the_accepted_items_are_loaded_when_the_clerk_says_so(
    qtbot,
    db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    told: list[tuple[str, str]],
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    engine = window.context.engine
    dialog = review(qtbot, window)
    dialog.buttons["acceptSure"].click()
    agencies = dialog.model.index(0, 0)
    assert agencies.data() == "Cơ quan"  # a heading (unsure agencies: shown first)
    dialog.tree.setCurrentIndex(agencies)
    dialog.accept_current()  # every agency under it
    assert not [k for k in dialog.model.keys(Decision.UNSEEN) if k.startswith("agency:")]
    dialog.select("indicator:II.3.1")
    dialog.reject_current()
    monkeypatch.setattr(plan_reader, "ask_unseen", lambda parent, n: None)  # back to review
    assert not dialog.load_plan() and plan_codes(engine) == [PLAN_65] and dialog.isVisible()
    monkeypatch.setattr(plan_reader, "ask_unseen", lambda parent, n: "accepted")
    assert dialog.load_plan()
    codes = indicator_codes(engine, NEW_CODE)
    assert "II.3.2" in codes and "II.3.1" not in codes  # rejected
    assert "I.3" not in codes  # unsure, never accepted
    assert told == []


def test_a_plan_already_there_is_refused_with_the_loaders_words(
    qtbot,
    db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    told: list[tuple[str, str]],
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    engine = window.context.engine
    dialog = review(qtbot, window, code=None)  # plan 65 itself
    dialog.buttons["acceptSure"].click()
    monkeypatch.setattr(plan_reader, "ask_unseen", lambda parent, n: "all")
    assert not dialog.load_plan()
    assert len(told) == 1 and f"{PLAN_65} đã có trong cơ sở dữ liệu" in told[0][1]
    assert plan_codes(engine) == [PLAN_65] and dialog.isVisible()
    assert not window.undo_action.isEnabled()


def test_closing_the_review_writes_nothing(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    dialog = review(qtbot, window)
    dialog.buttons["acceptSure"].click()
    asked: list[str] = []
    monkeypatch.setattr(prompts, "confirm", lambda parent, title, text: asked.append(text))
    dialog.buttons["close"].click()  # the clerk says no: the review stays
    assert dialog.isVisible() and "sẽ mất khi đóng" in asked[0]
    monkeypatch.setattr(prompts, "confirm", lambda parent, title, text: True)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert plan_codes(window.context.engine) == [PLAN_65]


def test_the_kept_items_saved_as_a_plan_file_load_elsewhere(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, engine: Engine
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    dialog = review(qtbot, window)
    dialog.select("indicator:II.3.1")
    type_field(qtbot, dialog, ("target", "value"), "5.000,25")
    dialog.buttons["acceptSure"].click()
    dialog.select("indicator:II.3.2")
    dialog.reject_current()
    monkeypatch.setattr(plan_reader, "ask_unseen", lambda parent, n: "all")
    out = tmp_path / "doc.toml"
    monkeypatch.setattr(prompts, "save_file", lambda parent, title, name, filters: out)
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert 'value = "5.000,25"' in out.read_text(encoding="utf-8")
    assert plan_codes(window.context.engine) == [PLAN_65]  # saving writes no plan
    other = tmp_path / "other.db"
    from kh65_desktop.storage.database import open_database

    elsewhere = open_database(other)
    assert load_plan_file(elsewhere, out).code == NEW_CODE
    assert target_of(elsewhere, NEW_CODE, "II.3.1") == 5000.25
    codes = indicator_codes(elsewhere, NEW_CODE)
    assert "II.4.1" in codes and "II.3.2" not in codes  # rejected: not in the file
    elsewhere.dispose()


def test_the_window_keeps_running_while_a_long_document_is_read_and_can_cancel(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    release = threading.Event()
    pages: list[int] = []

    def slow_read(engine: Engine, path: Path, progress: Any) -> ReadPlan:
        for page in range(200):  # a 200-page document: progress after each page
            progress(page, 200)
            pages.append(page)
            if page == 10:
                release.wait(10)
        return plan_65_read(NEW_CODE)

    monkeypatch.setattr(prompts, "open_file", lambda parent, title, filters: SOURCE)
    monkeypatch.setattr(plan_reader, "read_with_service", slow_read)
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(20)
    window.read_plan_action.trigger()
    qtbot.waitUntil(lambda: len(pages) > 10)
    progress = window.findChild(QProgressDialog, "readingProgress")
    qtbot.waitUntil(lambda: len(ticks) >= 5)  # the event loop turns during the read
    qtbot.waitUntil(progress.isVisible)
    assert progress.value() == 5 and progress.labelText() == "Đang đọc KH-65-UBND-2024.txt…"
    cancel = next(b for b in progress.findChildren(QPushButton) if b.text() == "Hủy")
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert not progress.isVisible()
    release.set()
    reading = window.findChild(plan_reader.ReadingProgress)
    qtbot.waitUntil(reading.thread.isFinished)
    qtbot.wait(50)
    timer.stop()
    assert len(pages) == 11  # stopped at the next page
    assert window.findChild(PlanReaderDialog) is None
    assert plan_codes(window.context.engine) == [PLAN_65]


@pytest.mark.parametrize(
    ("failure", "said"),
    [
        (PermissionError(13, "Permission denied", "khoa.docx"), "khoa.docx"),
        (KeyError("pages"), "lỗi của chương trình"),
    ],
)
def test_a_document_that_cannot_be_read_is_said_and_nothing_happens(
    qtbot,
    db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    failure: Exception,
    said: str,
    told: list[tuple[str, str]],
) -> None:
    window = open_window(qtbot, db_path, tmp_path)

    def failing(engine: Engine, path: Path, progress: Any) -> ReadPlan:
        raise failure

    monkeypatch.setattr(prompts, "open_file", lambda parent, title, filters: SOURCE)
    monkeypatch.setattr(plan_reader, "read_with_service", failing)
    window.read_plan_action.trigger()
    qtbot.waitUntil(lambda: bool(told))
    assert told[0][0] == "Không đọc được văn bản" and said in told[0][1]
    assert "Traceback" not in told[0][1] and "KeyError" not in told[0][1]
    assert window.findChild(PlanReaderDialog) is None
    assert plan_codes(window.context.engine) == [PLAN_65]


def test_a_document_without_indicators_is_not_a_plan(
    qtbot,
    db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    told: list[tuple[str, str]],
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    read = plan_65_read(NEW_CODE)
    read.items = [i for i in read.items if i.kind.value != "indicator"]
    monkeypatch.setattr(prompts, "open_file", lambda parent, title, filters: SOURCE)
    monkeypatch.setattr(plan_reader, "read_with_service", lambda engine, path, progress: read)
    window.read_plan_action.trigger()
    qtbot.waitUntil(lambda: bool(told))
    assert told[0][1].startswith(
        "Không tìm thấy chỉ tiêu nào: văn bản này có thể không phải là kế hoạch"
    )
    assert window.findChild(PlanReaderDialog) is None
    assert plan_codes(window.context.engine) == [PLAN_65]
