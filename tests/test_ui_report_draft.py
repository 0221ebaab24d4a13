"""The report draft in the window: typed text saved (after a pause, on leaving the box, on
closing), Ctrl+Z through the window's undo stack, the previous period's text offered."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from kh65_desktop.domain.terms import SectionKind
from kh65_desktop.services.report_texts import ReportTextService, SectionKey
from kh65_desktop.storage.database import open_database
from kh65_desktop.ui import prompts
from kh65_desktop.ui.dialogs.report_draft import ReportDraftDialog
from kh65_desktop.ui.main_window import MainWindow

from .test_report_texts import add_period
from .ui_helpers import open_window


@pytest.fixture
def told(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []
    monkeypatch.setattr(prompts, "show_error", lambda parent, title, text: said.append(text))
    return said


def open_draft(qtbot, window: MainWindow, code: str) -> ReportDraftDialog:  # type: ignore[no-untyped-def]
    """The Cơ quan tab, the agency chosen, its "Bản thảo báo cáo…" button pressed."""
    tab = window.agencies
    window.tabs.setCurrentWidget(tab)
    tab.select_agency(next(a.id for a in tab.agencies.rows if a.code == code))
    button = tab.findChild(QPushButton, "reportDraft")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = tab.draft
    qtbot.waitExposed(dialog)
    return dialog


def box(dialog: ReportDraftDialog, kind: SectionKind):  # type: ignore[no-untyped-def]
    return next(s for s in dialog.sections if s.key.kind is kind)


def type_text(qtbot, editor, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type at the end of the box (Vietnamese arrives from the input method as committed
    text: QTest types ASCII only)."""
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    editor.insertPlainText(text)


def stored(texts: ReportTextService, key: SectionKey) -> str | None:
    state = texts.state(key)
    return state.text if state is not None else None


def test_typed_text_is_saved_and_ctrl_z_undoes_it(
    qtbot, db_path: Path, tmp_path: Path, told: list[str]
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    dialog = open_draft(qtbot, window, "STC")
    texts = ReportTextService(window.context.engine)
    assert dialog.agency.currentText() == "Sở Tài chính"
    situation = box(dialog, SectionKind.SITUATION)
    kinds = [s.key.kind for s in dialog.sections]
    # the agency's tasks' results come after "Đặc điểm tình hình", before "Tồn tại, hạn chế"
    assert kinds[0] is SectionKind.SITUATION and kinds[1] is SectionKind.TASK_RESULT
    assert kinds[-4:] == [
        SectionKind.SHORTCOMINGS,
        SectionKind.CAUSES,
        SectionKind.NEXT_STEPS,
        SectionKind.PROPOSALS,
    ]
    type_text(qtbot, situation.editor, "Kinh tế tỉnh phục hồi")
    qtbot.waitUntil(lambda: stored(texts, situation.key) == "Kinh tế tỉnh phục hồi")
    type_text(qtbot, situation.editor, ", thu ngân sách khá.")  # more of the same section
    qtbot.waitUntil(
        lambda: stored(texts, situation.key) == "Kinh tế tỉnh phục hồi, thu ngân sách khá."
    )
    assert window.context.undo_stack.count() == 1  # one step: the section's typing
    assert "Đặc điểm tình hình" in window.context.undo_stack.undoText()
    qtbot.keyClick(situation.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(texts, situation.key) is None  # an empty section is no row
    assert situation.editor.toPlainText() == ""
    qtbot.keyClick(situation.editor, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert stored(texts, situation.key) == "Kinh tế tỉnh phục hồi, thu ngân sách khá."
    assert situation.editor.toPlainText() == "Kinh tế tỉnh phục hồi, thu ngân sách khá."
    # typed, then Ctrl+Z before the pause: what was just typed is what is taken back
    causes = box(dialog, SectionKind.CAUSES)
    type_text(qtbot, causes.editor, "Giải ngân chậm")
    qtbot.keyClick(causes.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(texts, causes.key) is None and causes.editor.toPlainText() == ""
    assert stored(texts, situation.key) == "Kinh tế tỉnh phục hồi, thu ngân sách khá."
    assert told == []


def test_leaving_the_box_or_closing_the_window_loses_nothing(
    qtbot, db_path: Path, tmp_path: Path
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    dialog = open_draft(qtbot, window, "STC")
    texts = ReportTextService(window.context.engine)
    task = next(s for s in dialog.sections if s.key.kind is SectionKind.TASK_RESULT)
    proposals = box(dialog, SectionKind.PROPOSALS)
    type_text(qtbot, task.editor, "Đã trình UBND tỉnh")
    proposals.editor.setFocus()  # the clerk moves on: saved at once
    qtbot.waitUntil(lambda: stored(texts, task.key) == "Đã trình UBND tỉnh")
    type_text(qtbot, proposals.editor, "Đề nghị bổ sung vốn")
    dialog.close()  # at once, within the pause
    assert stored(texts, proposals.key) == "Đề nghị bổ sung vốn"


def test_the_previous_periods_text_is_offered_as_a_start(
    qtbot, db_path: Path, tmp_path: Path
) -> None:
    engine = open_database(db_path)
    texts = ReportTextService(engine)
    from kh65_desktop.services.plan_service import PlanService

    plan = PlanService(engine).current_plan()
    nine = add_period(
        engine, plan, "2024-9T", "9 tháng năm 2024", date(2024, 1, 1), date(2024, 9, 30)
    )
    window = open_window(qtbot, db_path, tmp_path)
    half = window.context.periods()[0]
    dialog = open_draft(qtbot, window, "STC")
    dialog.period.setCurrentIndex(dialog.period.findData(half.id))
    causes = box(dialog, SectionKind.CAUSES)
    assert causes.previous_button.isHidden()  # nothing before 6 tháng đầu năm
    type_text(qtbot, causes.editor, "Nguyên nhân 6 tháng")
    dialog.period.setCurrentIndex(dialog.period.findData(nine.id))  # saved on the switch
    assert stored(texts, SectionKey(half.id, causes.key.agency_id, SectionKind.CAUSES)) == (
        "Nguyên nhân 6 tháng"
    )
    causes = box(dialog, SectionKind.CAUSES)
    assert causes.editor.toPlainText() == ""
    assert not causes.previous_button.isHidden()
    assert box(dialog, SectionKind.PROPOSALS).previous_button.isHidden()
    qtbot.mouseClick(causes.previous_button, Qt.MouseButton.LeftButton)
    assert causes.editor.toPlainText() == "Nguyên nhân 6 tháng"
    assert stored(texts, causes.key) == "Nguyên nhân 6 tháng"
    qtbot.keyClick(causes.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(texts, causes.key) is None


def test_an_undo_leaves_a_section_written_since_elsewhere(
    qtbot, db_path: Path, tmp_path: Path, told: list[str]
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    dialog = open_draft(qtbot, window, "STC")
    texts = ReportTextService(window.context.engine)
    shortcomings = box(dialog, SectionKind.SHORTCOMINGS)
    type_text(qtbot, shortcomings.editor, "Bản của Lan")
    shortcomings.editor.clearFocus()
    qtbot.waitUntil(lambda: stored(texts, shortcomings.key) == "Bản của Lan")
    other = ReportTextService(open_database(db_path))  # another program, same file
    other.save(shortcomings.key, "Bản của Hùng", "Hùng", datetime.now(UTC))
    window.context.notify()  # the window reads again (as after an import)
    assert shortcomings.editor.toPlainText() == "Bản của Hùng"
    qtbot.keyClick(shortcomings.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(texts, shortcomings.key) == "Bản của Hùng"
    assert told and "đã được sửa ở nơi khác" in told[0]


def test_the_consolidating_office_writes_the_province_reports_own_sections(
    qtbot, db_path: Path, tmp_path: Path
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    dialog = open_draft(qtbot, window, "STC")
    texts = ReportTextService(window.context.engine)
    dialog.agency.setCurrentIndex(0)
    assert dialog.chosen_agency_id() is None
    assert [s.key.kind for s in dialog.sections] == [
        SectionKind.SITUATION,
        SectionKind.SHORTCOMINGS,
        SectionKind.CAUSES,
        SectionKind.NEXT_STEPS,
        SectionKind.PROPOSALS,
    ]  # no task of its own there
    situation = box(dialog, SectionKind.SITUATION)
    type_text(qtbot, situation.editor, "Tình hình chung của tỉnh")
    dialog.close()
    plan = window.context.plan
    period = window.context.periods()[-1]
    own = texts.province_texts(plan, period)[0]
    assert own.agency_name == "" and own.text(SectionKind.SITUATION) == "Tình hình chung của tỉnh"


def test_the_report_dialog_opens_the_draft_and_its_report_takes_the_sections(
    qtbot, db_path: Path, tmp_path: Path
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    report = window.open_report()
    report.kind.setCurrentIndex(0)
    report.agency.setCurrentIndex(report.agency.findText("Sở Tài chính"))
    qtbot.mouseClick(report.findChild(QPushButton, "reportDraft"), Qt.MouseButton.LeftButton)
    draft = report.draft
    assert draft.agency.currentText() == "Sở Tài chính"
    assert draft.period.currentData() == report.period.currentData()
    type_text(qtbot, box(draft, SectionKind.NEXT_STEPS).editor, "Tập trung thu nợ thuế.")
    draft.close()
    (texts,) = report.options().texts
    assert texts.agency_name == "Sở Tài chính"
    assert texts.text(SectionKind.NEXT_STEPS) == "Tập trung thu nợ thuế."
    report.kind.setCurrentIndex(1)  # the province report: the office's own, then the agency's
    assert [t.agency_name for t in report.options().texts] == ["", "Sở Tài chính"]


def test_tab_from_another_period_goes_into_its_first_box_not_to_close(
    qtbot, db_path: Path, tmp_path: Path
) -> None:
    """Keyboard only: choose a period, Tab, type. The boxes made for the period come next
    in the Tab order (before, Tab reached "Đóng" and the first space typed closed the draft)."""
    window = open_window(qtbot, db_path, tmp_path)
    dialog = open_draft(qtbot, window, "STC")
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    dialog.period.setFocus()
    qtbot.waitUntil(dialog.period.hasFocus)
    qtbot.keyClick(dialog.period, Qt.Key.Key_Home)  # the first period: boxes made anew
    first = dialog.sections[0].editor
    qtbot.keyClick(dialog.period, Qt.Key.Key_Tab)
    qtbot.waitUntil(first.hasFocus, timeout=2000)
    qtbot.keyClicks(first, "Kinh te on dinh")
    assert dialog.isVisible()
    assert first.toPlainText() == "Kinh te on dinh"
    dialog.close()  # saves now: no save left pending after the test


def test_ctrl_z_right_after_using_the_previous_text_takes_it_back(
    qtbot, db_path: Path, tmp_path: Path
) -> None:
    """Keyboard only: Space on "Dùng nội dung kỳ trước" leaves the focus on that button;
    Ctrl+Z there takes the text back (it reached nothing before), Ctrl+Y puts it again."""
    engine = open_database(db_path)
    texts = ReportTextService(engine)
    from kh65_desktop.services.plan_service import PlanService

    plan = PlanService(engine).current_plan()
    nine = add_period(
        engine, plan, "2024-9T", "9 tháng năm 2024", date(2024, 1, 1), date(2024, 9, 30)
    )
    window = open_window(qtbot, db_path, tmp_path)
    half = window.context.periods()[0]
    dialog = open_draft(qtbot, window, "STC")
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    dialog.period.setCurrentIndex(dialog.period.findData(half.id))
    type_text(qtbot, box(dialog, SectionKind.CAUSES).editor, "Nguyên nhân 6 tháng")
    dialog.period.setCurrentIndex(dialog.period.findData(nine.id))
    causes = box(dialog, SectionKind.CAUSES)
    button = causes.previous_button
    button.setFocus()
    qtbot.waitUntil(button.hasFocus)
    qtbot.keyClick(button, Qt.Key.Key_Space)
    assert stored(texts, causes.key) == "Nguyên nhân 6 tháng"
    qtbot.keyClick(button, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(texts, causes.key) is None
    assert causes.editor.toPlainText() == ""
    qtbot.keyClick(button, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert stored(texts, causes.key) == "Nguyên nhân 6 tháng"
    dialog.close()
