"""Kế hoạch → Đọc kế hoạch từ văn bản…: the document read off the GUI thread, the items
reviewed beside the text, and the kept ones loaded (undoably) or saved as a plan file."""

from __future__ import annotations

import copy
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLineEdit, QProgressDialog, QPushButton
from sqlalchemy import Engine

from kh65_desktop.documents.items import ReadPlan
from kh65_desktop.domain.terms import Direction
from kh65_desktop.services.plan_load import load_plan_file
from kh65_desktop.services.plan_reading import read_plan_file
from kh65_desktop.services.plans import list_plans
from kh65_desktop.storage.database import open_database
from kh65_desktop.storage.toml_text import parse_toml
from kh65_desktop.ui import prompts
from kh65_desktop.ui.agency_list_field import AgencyListField
from kh65_desktop.ui.dialogs import plan_reader
from kh65_desktop.ui.dialogs.plan_reader import PlanReaderDialog
from kh65_desktop.ui.labels import label
from kh65_desktop.ui.main_window import MainWindow
from kh65_desktop.ui.plan_reader_model import DECISION, SURENESS, TITLE, Decision

from .plan_documents import long_document, plan65_text, variant_document, write_docx, write_txt
from .ui_helpers import open_window

NEW_CODE = "80/KH-UBND/2025"
PLAN_65 = "65/KH-UBND/2024"
_read: dict[Path, ReadPlan] = {}


@pytest.fixture(scope="module")
def docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Plan 65's document as a Word file (headings, its district table a real table)."""
    folder = tmp_path_factory.mktemp("documents")
    return write_docx(plan65_text(), folder / "KH-65-UBND-2024.docx")


def read_65(engine: Engine, path: Path) -> ReadPlan:
    """The real reader's result on `path` (read once per module; each test edits a copy)."""
    if path not in _read:
        _read[path] = read_plan_file(engine, path)
    return copy.deepcopy(_read[path])


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
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch, path: Path
) -> PlanReaderDialog:
    """The menu, the file chooser answered with `path`, the real reader on a worker."""
    monkeypatch.setattr(prompts, "open_file", lambda parent, title, filters: path)
    window.read_plan_action.trigger()
    qtbot.waitUntil(lambda: window.findChild(PlanReaderDialog) is not None, timeout=60000)
    dialog = window.findChild(PlanReaderDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def review(qtbot: Any, window: MainWindow, path: Path) -> PlanReaderDialog:
    dialog = PlanReaderDialog(window.context, read_65(window.context.engine, path), window)
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


def set_code(qtbot: Any, dialog: PlanReaderDialog, code: str = NEW_CODE) -> None:
    """The clerk gives the plan read another code (plan 65 is in every test database)."""
    dialog.select("details")
    type_field(qtbot, dialog, ("code",), code)
    assert dialog.model.items["details"].fields["code"] == code


def type_field(qtbot: Any, dialog: PlanReaderDialog, path: tuple[str, ...], text: str) -> None:
    line = dialog.fields.widgets[path]
    assert isinstance(line, QLineEdit)
    line.setFocus()
    line.selectAll()
    qtbot.keyClicks(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)


def heading_row(dialog: PlanReaderDialog, text: str) -> Any:
    return next(
        dialog.model.index(r, 0)
        for r in range(dialog.model.rowCount())
        if dialog.model.index(r, 0).data() == text
    )


def test_the_menu_reads_the_document_and_shows_its_text_and_items(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, docx: Path, told
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    dialog = read_through_menu(qtbot, window, monkeypatch, docx)
    read = dialog.read
    assert read.document.name == "KH-65-UBND-2024.docx"
    assert dialog.text.toPlainText() == read.document.text
    assert "Phân công thực hiện nhiệm vụ phát triển kinh tế - xã hội" in read.document.text
    assert dialog.windowTitle() == "Xem lại kế hoạch đọc từ KH-65-UBND-2024.docx"
    rows = shown_rows(dialog)
    assert len(rows) == len(read.items) and read.indicator_count >= 40  # each item once
    group = dialog.model.index_of("II.3")
    children = [
        dialog.model.key_of(dialog.model.index(r, TITLE, group))
        for r in range(dialog.model.rowCount(group))
    ]
    assert "II.3.1" in children and "II.3#t1" in children  # indicators, then tasks
    assert children.index("II.3.1") < children.index("II.3#t1")
    assert heading_row(dialog, "Cơ quan").isValid()
    assert {d for _, _, d in rows} == {"Chưa xem"}
    total = len(read.items)
    assert dialog.summary.text() == f"{total} mục: 0 chấp nhận, 0 bỏ, {total} chưa xem"
    assert told == []


def test_selecting_an_item_highlights_its_sentence_in_the_text(
    qtbot, db_path, tmp_path, docx
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    dialog = review(qtbot, window, docx)
    item = dialog.model.items["II.3.1"]
    dialog.select("II.3.1")
    assert dialog.text.textCursor().selectedText() == item.quote
    assert "4.874,53 tỷ đồng" in item.quote
    assert dialog.text.extraSelections()[0].cursor.selectedText() == item.quote
    rect = dialog.text.cursorRect(dialog.text.textCursor())
    assert dialog.text.viewport().rect().contains(rect.center())  # scrolled into view
    assert dialog.fields.widgets[("target", "value")].text() == "4.874,53"
    assert dialog.fields.widgets[("name",)].text() == "Tổng kế hoạch vốn đầu tư công"
    assert dialog.fields.widgets[("target", "strict")].isChecked()
    dialog.select("II.3#t1")  # a task: its own fields
    assert dialog.text.textCursor().selectedText() == dialog.model.items["II.3#t1"].quote
    lead = dialog.fields.widgets[("lead",)]
    assert isinstance(lead, AgencyListField) and lead.codes() == ["SKHDT"]
    assert lead.chosen.item(0).text() == "Sở Kế hoạch và Đầu tư"  # by name, not its code


def test_the_unsure_items_come_first_until_the_toggle_is_off(
    qtbot, db_path, tmp_path, docx
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    dialog = review(qtbot, window, docx)
    items = dialog.model.items
    unsure = [k for k, i in items.items() if not i.sure]
    assert unsure  # plan 65 has indicators whose yearly target the text does not give
    start = dialog.current_key()
    assert start is not None and not items[start].sure  # the review starts on one
    assert dialog.fields.heading.text().endswith("Chưa chắc: " + "; ".join(items[start].reasons))
    # the groups holding unsure items come first, and in each the unsure items lead
    groups = [dialog.model.key_of(dialog.model.index(r, 0)) for r in range(dialog.model.rowCount())]
    holding = [g for g in groups if g and any(items[k].group_key == g for k in unsure)]
    assert groups[: len(holding)] == holding
    for g in holding:
        parent = dialog.model.index_of(g)
        sure = [
            items[dialog.model.key_of(dialog.model.index(r, 0, parent))].sure
            for r in range(dialog.model.rowCount(parent))
        ]
        assert sure == sorted(sure)
    dialog.unsure_first.setChecked(False)  # the document's order
    assert shown_rows(dialog)[0][0] == "details"
    assert dialog.current_key() == start  # still on the same item


def test_accept_reject_with_the_keyboard_and_undo(qtbot, db_path, tmp_path, docx) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    dialog = review(qtbot, window, docx)
    dialog.unsure_first.setChecked(False)
    dialog.select("II.3.1")
    after = dialog.model.key_of(dialog.tree.indexBelow(dialog.model.index_of("II.3.1")))
    assert dialog.tree.hasFocus()  # the keyboard starts in the list
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert decision_of(dialog, "II.3.1") == "Chấp nhận"
    assert dialog.current_key() == after  # on to the next
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Delete)
    assert decision_of(dialog, after) == "Bỏ"
    title = dialog.model.index_of(after).siblingAtColumn(TITLE)
    assert title.data(Qt.ItemDataRole.FontRole).strikeOut()
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert decision_of(dialog, after) == "Chưa xem"
    assert dialog.current_key() == after  # the undo shows what it undid
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert decision_of(dialog, after) == "Bỏ"

    # a group's row decides for the group and its items
    dialog.select("II.5")
    dialog.buttons["accept"].click()
    members = [k for k, i in dialog.model.items.items() if i.group_key == "II.5"]
    assert members and all(decision_of(dialog, k) == "Chấp nhận" for k in members)
    assert decision_of(dialog, "II.5") == "Chấp nhận"


def test_accept_all_sure_items_leaves_the_unsure_ones_to_review(
    qtbot, db_path, tmp_path, docx
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    dialog = review(qtbot, window, docx)
    dialog.buttons["acceptSure"].click()
    for key, sureness, decision in shown_rows(dialog):
        assert decision == ("Chấp nhận" if sureness == "Chắc chắn" else "Chưa xem"), key
    assert any(d == "Chưa xem" for _, _, d in shown_rows(dialog))
    dialog.undo_stack.undo()
    assert {d for _, _, d in shown_rows(dialog)} == {"Chưa xem"}


def test_an_edited_target_is_loaded_in_one_undoable_command(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, docx: Path, told
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    engine = window.context.engine
    dialog = read_through_menu(qtbot, window, monkeypatch, docx)
    set_code(qtbot, dialog)
    dialog.select("II.3.1")
    type_field(qtbot, dialog, ("target", "value"), "5.000,25")
    item = dialog.model.items["II.3.1"]
    assert item.fields["target"]["value"] == "5.000,25"
    assert dialog.model.index_of("II.3.1").siblingAtColumn(1).data() == "5.000,25 tỷ đồng"
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
    dialog.buttons["load"].click()  # written on a worker thread: the window stays live
    assert asked == [len(dialog.model.keys(Decision.UNSEEN))]
    qtbot.waitUntil(lambda: window.context.plan.code == NEW_CODE, timeout=30000)
    assert told == [] and plan_codes(engine) == [PLAN_65, NEW_CODE]
    assert target_of(engine, NEW_CODE, "II.3.1") == 5000.25
    qtbot.waitUntil(lambda: window.findChild(PlanReaderDialog) is None)  # closed, deleted
    assert window.undo_action.text() == "Hoàn tác nạp kế hoạch đọc từ KH-65-UBND-2024.docx"
    window.undo_action.trigger()
    assert plan_codes(engine) == [PLAN_65] and window.context.plan.code == PLAN_65
    window.redo_action.trigger()
    assert target_of(engine, NEW_CODE, "II.3.1") == 5000.25


def test_only_the_accepted_items_are_loaded_when_the_clerk_says_so(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, docx: Path, told
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    engine = window.context.engine
    dialog = review(qtbot, window, docx)
    set_code(qtbot, dialog)
    dialog.buttons["acceptSure"].click()
    dialog.tree.setCurrentIndex(heading_row(dialog, "Cơ quan"))
    dialog.reject_current()  # a heading decides for every agency under it
    assert all(
        dialog.model.decisions[k] is Decision.REJECTED
        for k, i in dialog.model.items.items()
        if i.kind.value == "agency"
    )
    dialog.undo_stack.undo()
    dialog.select("II.3.1")
    dialog.reject_current()
    monkeypatch.setattr(plan_reader, "ask_unseen", lambda parent, n: None)  # back to review
    assert not dialog.load_plan() and plan_codes(engine) == [PLAN_65] and dialog.isVisible()
    monkeypatch.setattr(plan_reader, "ask_unseen", lambda parent, n: "accepted")
    assert dialog.load_plan()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=30000)
    codes = indicator_codes(engine, NEW_CODE)
    assert "II.3.2" in codes and "II.3.1" not in codes  # rejected
    unsure = [
        k for k, i in dialog.model.items.items() if i.kind.value == "indicator" and not i.sure
    ]
    assert unsure and not codes & set(unsure)  # unsure, never accepted
    assert told == []


def test_a_plan_already_there_is_refused_with_the_loaders_words(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, docx: Path, told
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    engine = window.context.engine
    dialog = review(qtbot, window, docx)  # plan 65 itself
    dialog.buttons["acceptSure"].click()
    monkeypatch.setattr(plan_reader, "ask_unseen", lambda parent, n: "all")
    assert dialog.load_plan()  # started; the loader refuses on the worker
    qtbot.waitUntil(lambda: bool(told), timeout=30000)
    assert len(told) == 1 and f"{PLAN_65} đã có trong cơ sở dữ liệu" in told[0][1]
    assert "mã kế hoạch ở mục “Thông tin văn bản”" in told[0][1]  # what to do
    assert plan_codes(engine) == [PLAN_65] and dialog.isVisible() and dialog.isEnabled()
    assert not window.undo_action.isEnabled()


def test_closing_the_review_writes_nothing(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, docx: Path
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    dialog = review(qtbot, window, docx)
    set_code(qtbot, dialog)
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
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, docx: Path
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    dialog = review(qtbot, window, docx)
    set_code(qtbot, dialog)
    dialog.select("II.3.1")
    type_field(qtbot, dialog, ("target", "value"), "5.000,25")
    dialog.buttons["acceptSure"].click()
    dialog.select("II.3.2")
    dialog.reject_current()
    monkeypatch.setattr(plan_reader, "ask_unseen", lambda parent, n: "all")
    out = tmp_path / "doc.toml"
    monkeypatch.setattr(prompts, "save_file", lambda parent, title, name, filters: out)
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert 'value = "5.000,25"' in out.read_text(encoding="utf-8")
    assert plan_codes(window.context.engine) == [PLAN_65]  # saving writes no plan
    elsewhere = open_database(tmp_path / "other.db")
    assert load_plan_file(elsewhere, out).code == NEW_CODE
    assert target_of(elsewhere, NEW_CODE, "II.3.1") == 5000.25
    codes = indicator_codes(elsewhere, NEW_CODE)
    assert "II.4.1" in codes and "II.3.2" not in codes  # rejected: not in the file
    elsewhere.dispose()


def test_the_window_keeps_running_while_a_long_document_is_read(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, told
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    long = write_txt(long_document(20), tmp_path / "tap-ke-hoach.txt")  # ~200 pages
    monkeypatch.setattr(prompts, "open_file", lambda parent, title, filters: long)
    gui_turned = threading.Event()  # set by a GUI-thread timer while the reading runs
    seen: list[tuple[bool, bool]] = []  # (on the GUI thread?, GUI turned before it ended?)

    reported: list[int] = []  # what the reading told the progress bar, in order

    def read(engine: Engine, path: Path, progress: Any) -> ReadPlan:
        def step(done: int, total: int) -> None:
            reported.append(done)
            progress(done, total)

        plan = read_plan_file(engine, path, step)  # the real reader, 200 pages
        # not done until the event loop has turned meanwhile (a read on the GUI thread, or
        # a GUI thread held up by it, would never set the event)
        seen.append((threading.current_thread() is threading.main_thread(), gui_turned.wait(60)))
        return plan

    monkeypatch.setattr(plan_reader, "read_with_service", read)
    values: list[int] = []
    timer = QTimer()

    def tick() -> None:
        if reading.thread.isRunning():
            gui_turned.set()
            values.append(reading.progress.value())

    timer.timeout.connect(tick)
    window.read_plan_action.trigger()
    reading = window.findChild(plan_reader.ReadingProgress)
    timer.start(10)
    qtbot.waitUntil(lambda: window.findChild(PlanReaderDialog) is not None, timeout=120000)
    timer.stop()
    assert seen == [(False, True)]
    # text read, then the plan found; the bar moved while the reading ran (how often the
    # GUI looked depends on the machine's speed, so only what the reading told is counted)
    assert reported == sorted(reported) and max(reported) > 40
    assert values and values == sorted(values)
    assert told == []
    assert window.findChild(PlanReaderDialog).read.indicator_count > 45


def test_reading_can_be_cancelled_and_nothing_happens(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, docx: Path
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
        return read_plan_file(engine, path)

    monkeypatch.setattr(prompts, "open_file", lambda parent, title, filters: docx)
    monkeypatch.setattr(plan_reader, "read_with_service", slow_read)
    window.read_plan_action.trigger()
    qtbot.waitUntil(lambda: len(pages) > 10)
    progress = window.findChild(QProgressDialog, "readingProgress")
    qtbot.waitUntil(progress.isVisible)
    assert progress.value() == 5 and progress.labelText() == "Đang đọc KH-65-UBND-2024.docx…"
    cancel = next(b for b in progress.findChildren(QPushButton) if b.text() == "Hủy")
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert not progress.isVisible()
    release.set()
    reading = window.findChild(plan_reader.ReadingProgress)
    qtbot.waitUntil(reading.thread.isFinished)
    qtbot.wait(50)  # a result would arrive queued: none does
    assert len(pages) == 11  # stopped at the next page
    assert window.findChild(PlanReaderDialog) is None
    assert plan_codes(window.context.engine) == [PLAN_65]


def test_a_document_that_cannot_be_read_is_said_and_nothing_happens(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, told
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    damaged = tmp_path / "ke-hoach-hong.docx"
    damaged.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 40)
    monkeypatch.setattr(prompts, "open_file", lambda parent, title, filters: damaged)
    window.read_plan_action.trigger()
    qtbot.waitUntil(lambda: bool(told), timeout=30000)
    title, text = told[0]
    assert title == "Không đọc được văn bản" and "ke-hoach-hong.docx" in text
    assert "Traceback" not in text and "Error" not in text
    assert window.findChild(PlanReaderDialog) is None
    assert plan_codes(window.context.engine) == [PLAN_65]


def test_a_reader_bug_is_said_plainly(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, docx: Path, told
) -> None:
    window = open_window(qtbot, db_path, tmp_path)

    def failing(engine: Engine, path: Path, progress: Any) -> ReadPlan:
        raise KeyError("pages")

    monkeypatch.setattr(prompts, "open_file", lambda parent, title, filters: docx)
    monkeypatch.setattr(plan_reader, "read_with_service", failing)
    window.read_plan_action.trigger()
    qtbot.waitUntil(lambda: bool(told))
    assert told[0][0] == "Không đọc được văn bản" and "lỗi của chương trình" in told[0][1]
    assert "KeyError" not in told[0][1] and "pages" not in told[0][1]
    assert window.findChild(PlanReaderDialog) is None


def test_a_document_without_indicators_is_not_a_plan(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, told
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    letter = write_txt(
        "\n".join(
            [
                "ỦY BAN NHÂN DÂN",
                "Số: 1234/UBND-KT",
                "Trà Vinh, ngày 12 tháng 3 năm 2024",
                "V/v tổ chức hội nghị sơ kết công tác quý I năm 2024",
                "Ủy ban nhân dân tỉnh tổ chức hội nghị lúc 14 giờ 00 ngày 20/3/2024 tại Hội "
                "trường số 2, khoảng 150 đại biểu; kinh phí dự kiến 45 triệu đồng.",
                "TL. CHỦ TỊCH",
            ]
        ),
        tmp_path / "cong-van.txt",
    )
    monkeypatch.setattr(prompts, "open_file", lambda parent, title, filters: letter)
    window.read_plan_action.trigger()
    qtbot.waitUntil(lambda: bool(told), timeout=30000)
    assert told[0][1].startswith(
        "Không tìm thấy chỉ tiêu nào: văn bản này có thể không phải là kế hoạch"
    )
    assert window.findChild(PlanReaderDialog) is None
    assert plan_codes(window.context.engine) == [PLAN_65]


def agencies_field(dialog: PlanReaderDialog, path: tuple[str, ...]) -> AgencyListField:
    widget = dialog.fields.widgets[path]
    assert isinstance(widget, AgencyListField)
    return widget


def shown_agencies(field: AgencyListField) -> list[str]:
    return [field.chosen.item(i).text() for i in range(field.chosen.count())]


def close_completions(qtbot: Any, picker: Any) -> None:
    """Escape on the completions list, as the clerk who goes on typing past it."""
    popup = picker.completer().popup()
    if popup.isVisible():
        qtbot.keyClick(popup, Qt.Key.Key_Escape)
    assert not popup.isVisible()


def test_agencies_are_picked_by_name_new_ones_too_and_saved_as_codes(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 2026 plan after the mergers: "Sở Nội vụ" and "Sở Nông nghiệp và Môi trường" are not
    in this database; the clerk still picks them by name, and types part of a name."""
    window = open_window(qtbot, db_path, tmp_path)
    path = variant_document("vinh-long-2026", tmp_path)
    read = read_plan_file(window.context.engine, path)
    dialog = PlanReaderDialog(window.context, read, window)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.select("I.4")
    assert shown_agencies(agencies_field(dialog, ("lead",))) == ["Sở Nội vụ (cơ quan mới)"]
    dialog.select("I.1")
    assert shown_agencies(agencies_field(dialog, ("lead",))) == ["Sở Tài chính"]
    coordinating = agencies_field(dialog, ("coordinating",))
    assert coordinating.codes() == []

    picker = coordinating.picker
    picker.setFocus()
    qtbot.keyClicks(picker.lineEdit(), "nghi")  # two agencies: taken from the completions
    popup = picker.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    assert popup.model().rowCount() == 2
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    group = dialog.model.items["I.1"]
    assert group.fields["coordinating"] == ["SNNMT"]
    coordinating = agencies_field(dialog, ("coordinating",))
    assert shown_agencies(coordinating) == ["Sở Nông nghiệp và Môi trường (cơ quan mới)"]

    picker = coordinating.picker
    qtbot.waitUntil(lambda: picker.currentText() == "")  # ready for the next one
    qtbot.keyClicks(picker.lineEdit(), "ng nghi")  # Enter on two: said, nothing added
    close_completions(qtbot, picker)
    qtbot.keyClick(picker.lineEdit(), Qt.Key.Key_Return)
    assert "“ng nghi” không khớp đúng một cơ quan" in dialog.fields.refusal.text()
    assert dialog.fields.refusal.isVisible() and group.fields["coordinating"] == ["SNNMT"]
    picker.lineEdit().clear()
    qtbot.keyClicks(picker.lineEdit(), "ban, ng")  # Enter on one: an agency set, by name
    popup = picker.completer().popup()
    qtbot.waitUntil(popup.isVisible)  # Enter with the completions shown, none taken
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert group.fields["coordinating"] == ["SNNMT", "Các sở, ban, ngành tỉnh"]
    assert not dialog.fields.refusal.isVisible()

    coordinating = agencies_field(dialog, ("coordinating",))
    lead_remove = agencies_field(dialog, ("lead",)).remove_button
    dialog.activateWindow()  # back from the completions list
    qtbot.waitUntil(dialog.isActiveWindow)
    lead_remove.setFocus()
    qtbot.keyClick(lead_remove, Qt.Key.Key_Return)  # Enter ends typing, never removes
    assert group.fields["lead"] == ["STC"]
    qtbot.keyClick(lead_remove, Qt.Key.Key_Tab)  # Tab reaches the chosen list (for Delete)
    assert coordinating.chosen.hasFocus()
    qtbot.keyClick(coordinating.chosen, Qt.Key.Key_Home)
    qtbot.keyClick(coordinating.chosen, Qt.Key.Key_Delete)
    assert group.fields["coordinating"] == ["Các sở, ban, ngành tỉnh"]
    dialog.undo_stack.undo()
    assert group.fields["coordinating"] == ["SNNMT", "Các sở, ban, ngành tỉnh"]
    assert agencies_field(dialog, ("coordinating",)).codes() == group.fields["coordinating"]

    for key in dialog.model.items:  # everything kept, saved as a plan file
        dialog.select(key)
        dialog.accept_current()
    out = tmp_path / "read.toml"
    monkeypatch.setattr(prompts, "save_file", lambda parent, title, name, filters: out)
    assert dialog.save_plan_file()
    saved = parse_toml(out.read_bytes())[1]
    first = next(g for g in saved["groups"] if g["lead"] == ["STC"])
    assert first["coordinating"] == ["SNNMT", "Các sở, ban, ngành tỉnh"]
    assert {"code": "SNNMT", "name": "Sở Nông nghiệp và Môi trường"}.items() <= next(
        a for a in saved["agencies"] if a["code"] == "SNNMT"
    ).items()


def test_an_indicator_without_a_direction_shows_the_default_one(
    qtbot, db_path: Path, tmp_path: Path, docx: Path
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    dialog = review(qtbot, window, docx)
    item = dialog.model.items["I.1"]
    assert "direction" not in item.fields  # the document says nothing of it
    dialog.select("I.1")
    combo = dialog.fields.widgets[("direction",)]
    assert combo.currentText() == label(Direction.HIGHER)  # what the loader will take
    assert "" not in [combo.itemText(i) for i in range(combo.count())]
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert item.fields["direction"] == "lower"
    dialog.undo_stack.undo()
    assert "direction" not in item.fields
    assert dialog.fields.widgets[("direction",)].currentText() == label(Direction.HIGHER)
