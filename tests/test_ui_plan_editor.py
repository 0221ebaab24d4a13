"""Kế hoạch → Sửa kế hoạch… driven as a clerk would: add a group and an indicator, move it,
delete one with figures (the question says how many), Ctrl+Z brings everything back."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton

from kh65_desktop.domain.terms import AgencyKind
from kh65_desktop.services.editing import EditService
from kh65_desktop.storage.models import Agency
from kh65_desktop.ui import prompts
from kh65_desktop.ui.dialogs.plan_editor import PlanEditorDialog

from .test_exchange import fingerprint
from .ui_helpers import answering, fill_form, find_row, open_window


def _editor(qtbot: Any, window: Any) -> PlanEditorDialog:
    window.plan_editor_action.trigger()  # Kế hoạch → Sửa kế hoạch…
    editor = window.plan_editor
    qtbot.waitExposed(editor)
    editor.activateWindow()  # keys go to the active window only, as on a desktop
    qtbot.waitUntil(editor.isActiveWindow, timeout=2000)
    return editor


def _rows(editor: PlanEditorDialog, group_code: str) -> list[str]:
    """The codes shown under a group, sub-indicators after their parent."""
    model = editor.outline.model
    group = next(
        model.index(r, 0) for r in range(model.rowCount()) if model.index(r, 0).data() == group_code
    )
    codes: list[str] = []

    def walk(parent: Any) -> None:
        for r in range(model.rowCount(parent)):
            index = model.index(r, 0, parent)
            codes.append(index.data())
            walk(index)

    walk(group)
    return codes


def _select(editor: PlanEditorDialog, code: str) -> None:
    model = editor.outline.model
    found = model.match(
        model.index(0, 0),
        Qt.ItemDataRole.DisplayRole,
        code,
        1,
        Qt.MatchFlag.MatchRecursive | Qt.MatchFlag.MatchExactly,
    )
    assert found, code
    editor.outline.tree.setCurrentIndex(found[0])
    editor.outline.tree.setFocus()


def test_the_menu_opens_the_editor_on_the_window_plan(qtbot, db_path: Path, tmp_path: Path) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    editor = _editor(qtbot, window)
    assert editor.windowTitle() == "Sửa kế hoạch 65/KH-UBND"
    assert editor.tabs.currentWidget() is editor.outline
    assert _rows(editor, "II.1") == ["II.1.1", "II.1.2", "II.1.2.1"]
    first = editor.outline.model.index(0, 1).data()
    assert first == "Một số chỉ tiêu đạt trên 50% kế hoạch trong 6 tháng đầu năm"


def test_add_a_group_and_an_indicator_move_it_delete_one_with_figures_and_undo(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    editor = _editor(qtbot, window)
    outline = editor.outline
    start = fingerprint(db_path)

    # a group led by Sở Công Thương
    monkeypatch.setattr(
        prompts,
        "run_dialog",
        answering(
            lambda d: fill_form(
                d,
                code="II.12",
                section="II",
                heading="Chuyển đổi số",
                lead_ids=["Sở Công Thương"],
            )
        ),
    )
    outline.buttons["addGroup"].click()
    assert outline.current_key()[0] == "group"
    assert _rows(editor, "II.12") == []

    # two indicators in it, typed in the form (which proposes the next code)
    proposed: list[tuple[str, str]] = []

    def typed(dialog: Any, name: str) -> None:
        proposed.append((dialog.windowTitle(), dialog.raw("code").text()))
        fill_form(dialog, name=name, unit="%", kind="Mức/tỷ lệ")

    for name in ("Hồ sơ trực tuyến toàn trình", "Chữ ký số"):
        monkeypatch.setattr(prompts, "run_dialog", answering(lambda d, n=name: typed(d, n)))
        _select(editor, "II.12")
        qtbot.keyClick(outline.tree, Qt.Key.Key_Insert)
    assert proposed == [
        ("Thêm chỉ tiêu vào nhóm II.12", "II.12.1"),
        ("Thêm chỉ tiêu vào nhóm II.12", "II.12.2"),
    ]
    assert _rows(editor, "II.12") == ["II.12.1", "II.12.2"]
    row = next(r for r in window.context.indicator_rows() if r.code == "II.12.2")
    assert (row.lead, row.unit, row.kind.value) == (("Sở Công Thương",), "%", "level")
    assert find_row(window.indicators.proxy, "II.12.2") >= 0  # the Chỉ tiêu tab shows it

    # Alt+Up moves the selected indicator above the other
    _select(editor, "II.12.2")
    qtbot.keyClick(outline.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert _rows(editor, "II.12") == ["II.12.2", "II.12.1"]
    assert outline.tree.currentIndex().data() == "II.12.2"
    assert not outline.buttons["up"].isEnabled()

    # Delete on an indicator with figures asks, saying how many go with it
    asked: list[str] = []
    answer = [False]
    monkeypatch.setattr(prompts, "confirm", lambda p, t, text: asked.append(text) or answer[0])
    _select(editor, "II.3.2")
    before_delete = fingerprint(db_path)
    qtbot.keyClick(outline.tree, Qt.Key.Key_Delete)
    assert asked == [
        "Chỉ tiêu II.3.2 “Phát triển doanh nghiệp” đang có 10 số liệu, 9 kế hoạch "
        "địa bàn, 24 số liệu văn bản nêu. Xóa chỉ tiêu sẽ xóa cả những dữ liệu này (có thể "
        "hoàn tác bằng Ctrl+Z). Xóa chỉ tiêu II.3.2?"
    ]
    assert fingerprint(db_path) == before_delete  # "Không": nothing deleted
    answer[0] = True
    qtbot.keyClick(outline.tree, Qt.Key.Key_Delete)
    assert _rows(editor, "II.3") == ["II.3.1"]
    assert window.context.undo_stack.undoText() == "xóa chỉ tiêu II.3.2"
    assert not any(r.code == "II.3.2" for r in window.context.indicator_rows())

    # Ctrl+Z in the editor: the indicator and all its figures come back exactly
    qtbot.keyClick(outline.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert fingerprint(db_path) == before_delete
    assert _rows(editor, "II.3") == ["II.3.1", "II.3.2"]
    breakdown = window.context.plans.breakdown(
        window.context.plan,
        next(r.id for r in window.context.indicator_rows() if r.code == "II.3.2"),
        window.context.latest_period(),
    )
    assert len(breakdown.rows) == 9

    # and the rest of the stack undoes too: move, indicators, group
    for _ in range(4):
        editor.undo_button.click()
    assert fingerprint(db_path) == start
    assert "II.12" not in [
        outline.model.index(r, 0).data() for r in range(outline.model.rowCount())
    ]


def test_bad_input_keeps_the_form_open_with_the_reason_and_writes_nothing(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    editor = _editor(qtbot, window)
    before = fingerprint(db_path)
    reasons: list[str] = []

    def refused(**values: Any):  # type: ignore[no-untyped-def]
        def run(dialog: Any) -> bool:
            fill_form(dialog, **values)
            dialog.accept()
            reasons.append(dialog.findChild(QLabel, "formError").text())
            return dialog.result() == 1

        return run

    _select(editor, "II.3.1")
    for values in (
        {"code": "II.3.2"},
        {"name": ""},
        {"kind": "Định tính"},
    ):
        monkeypatch.setattr(prompts, "run_dialog", refused(**values))
        editor.outline.buttons["edit"].click()
    monkeypatch.setattr(
        prompts,
        "run_dialog",
        refused(code="II.3.9", name="Mới", kind="Định tính", target_form="Giá trị"),
    )
    editor.outline.buttons["addIndicator"].click()
    assert reasons == [
        "Mã chỉ tiêu “II.3.2” đã có trong kế hoạch (chỉ tiêu “Phát triển doanh nghiệp”); "
        "hãy chọn mã khác.",
        "Hãy nhập “Tên chỉ tiêu”.",
        "Chỉ tiêu II.3.1: dạng kế hoạch “Giá trị” không dùng cho chỉ tiêu loại “Định "
        "tính”; hãy chọn dạng “Giữ vững” hoặc “Hoàn thành” (hoặc đổi loại chỉ tiêu).",
        "Chỉ tiêu II.3.9: dạng kế hoạch “Giá trị” không dùng cho chỉ tiêu loại “Định "
        "tính”; hãy chọn dạng “Giữ vững” hoặc “Hoàn thành” (hoặc đổi loại chỉ tiêu).",
    ]
    assert fingerprint(db_path) == before
    assert window.context.undo_stack.count() == 0


def test_plan_details_saved_undone_and_a_bad_date_refused(
    qtbot, db_path: Path, tmp_path: Path
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    editor = _editor(qtbot, window)
    editor.tabs.setCurrentWidget(editor.details)
    details = editor.details
    before = fingerprint(db_path)
    issued = details.edits["issued_on"]
    issued.setDate(QDate(2026, 3, 1))
    details.save.click()
    assert details.refusal.text() == (
        "Ngày ban hành 01/3/2026 không hợp với kế hoạch năm 2024 (01/01/2024 – 31/12/2024); "
        "hãy nhập ngày từ 01/01/2023 đến 31/12/2024."
    )
    assert fingerprint(db_path) == before
    issued.setDate(QDate(2024, 7, 4))
    number = details.edits["number"]
    assert isinstance(number, QLineEdit)
    number.setText("66/KH-UBND")
    details.edits["signer_name"].setText("Nguyễn Văn B")
    details.save.click()
    assert window.context.plan.number == "66/KH-UBND"
    assert editor.windowTitle() == "Sửa kế hoạch 66/KH-UBND"
    assert window.context.undo_stack.undoText() == "sửa thông tin kế hoạch 65/KH-UBND"
    # (in a text box Ctrl+Z undoes the typing, as everywhere: the clerk leaves it first)
    qtbot.keyClick(details.save, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert fingerprint(db_path) == before
    assert number.text() == "65/KH-UBND" and window.context.plan.number == "65/KH-UBND"


def test_agencies_in_use_are_refused_and_an_unused_one_deleted_and_undone(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    new = EditService(window.context.engine).add_row(
        Agency(code="SDTTG", name="Sở Dân tộc và Tôn giáo", kind=AgencyKind.PROVINCIAL)
    )
    window.context.notify()  # added elsewhere (another window, the command line)
    editor = _editor(qtbot, window)
    editor.tabs.setCurrentWidget(editor.bodies)
    bodies = editor.bodies
    errors: list[tuple[str, str]] = []
    monkeypatch.setattr(prompts, "show_error", lambda p, title, text: errors.append((title, text)))
    before = fingerprint(db_path)
    agencies = bodies.agencies
    skhdt = next(
        agencies.topLevelItem(i)
        for i in range(agencies.topLevelItemCount())
        if agencies.topLevelItem(i).text(0) == "SKHDT"
    )
    agencies.setCurrentItem(skhdt)
    bodies.findChild(QPushButton, "deleteAgency").click()
    assert errors == [
        (
            "Không xóa được cơ quan",
            "Cơ quan “Sở Kế hoạch và Đầu tư” còn được phân công ở nhóm chỉ tiêu II.3 (kế "
            "hoạch 65/KH-UBND); 7 nhiệm vụ được giao. Hãy bỏ những phân công, số liệu đó "
            "trước, rồi xóa lại.",
        )
    ]
    assert fingerprint(db_path) == before
    unused = next(
        agencies.topLevelItem(i)
        for i in range(agencies.topLevelItemCount())
        if agencies.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole) == new
    )
    agencies.setCurrentItem(unused)
    bodies.findChild(QPushButton, "deleteAgency").click()
    assert "SDTTG" not in [
        agencies.topLevelItem(i).text(0) for i in range(agencies.topLevelItemCount())
    ]
    qtbot.keyClick(agencies, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert fingerprint(db_path) == before
    assert "SDTTG" in [
        agencies.topLevelItem(i).text(0) for i in range(agencies.topLevelItemCount())
    ]


def test_deleting_a_period_here_asks_and_ctrl_z_restores_it(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    editor = _editor(qtbot, window)
    editor.tabs.setCurrentWidget(editor.periods)
    asked: list[str] = []
    monkeypatch.setattr(prompts, "confirm", lambda p, t, text: asked.append(text) or True)
    before = fingerprint(db_path)
    with sqlite3.connect(db_path) as db:  # the built-in plan's figures for its one period
        (figures,) = db.execute("SELECT count(*) FROM reported_value").fetchone()
    editor.periods.list.setFocus()
    qtbot.keyClick(editor.periods.list, Qt.Key.Key_Delete)  # as its Xóa kỳ… button
    assert len(asked) == 1
    assert asked[0].startswith(f"Kỳ “6 tháng đầu năm 2024” đang có {figures} số liệu")
    assert editor.periods.list.topLevelItemCount() == 0
    qtbot.keyClick(editor.periods.list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert fingerprint(db_path) == before
    assert editor.periods.list.topLevelItem(0).text(1) == "6 tháng đầu năm 2024"
    assert editor.periods.list.topLevelItem(0).text(4) == "14/6/2024"


def test_the_last_six_months_follow_from_kind_and_year(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "6 tháng cuối năm" was not derived: the dialog offered the first half-year only."""
    window = open_window(qtbot, db_path, tmp_path)
    editor = _editor(qtbot, window)
    shown: list[str] = []

    def pick(dialog: Any) -> None:
        fill_form(dialog, kind="6 tháng", part="6 tháng cuối năm")
        shown.append(dialog.findChild(QLabel, "decreeDates").text())

    monkeypatch.setattr(prompts, "run_dialog", answering(pick))
    editor.periods.findChild(QPushButton, "addPeriod").click()
    assert shown == ["Theo Nghị định 09/2019/NĐ-CP: số liệu tính từ 15/6/2024 đến 14/12/2024."]
    added = editor.periods.list.topLevelItem(1)
    assert [added.text(c) for c in range(5)] == [
        "2024-H2",
        "6 tháng cuối năm 2024",
        "01/7/2024",
        "31/12/2024",
        "14/12/2024",
    ]
    # editing it shows the second half again, not the first
    monkeypatch.setattr(
        prompts,
        "run_dialog",
        answering(lambda d: shown.append(d.raw("part").currentText())),
    )
    editor.periods.list.setCurrentItem(added)
    editor.periods.findChild(QPushButton, "editPeriod").click()
    assert shown[-1] == "6 tháng cuối năm"


def test_the_indicator_tab_form_refuses_a_target_form_that_does_not_fit_the_kind(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sửa/Thêm chỉ tiêu… from the Chỉ tiêu tab is a door too: the same rule, the form
    stays open with the reason."""
    from kh65_desktop.ui import entity_actions

    window = open_window(qtbot, db_path, tmp_path)
    row = next(r for r in window.context.indicator_rows() if r.code == "II.4.4")
    before = fingerprint(db_path)
    reasons: list[str] = []

    def run(dialog: Any) -> bool:
        fill_form(dialog, target_form="Giá trị")
        dialog.accept()
        reasons.append(dialog.findChild(QLabel, "formError").text())
        return dialog.result() == 1

    monkeypatch.setattr(prompts, "run_dialog", run)
    assert not entity_actions.edit_indicator(window.context, window, row.id)
    assert reasons == [
        "Dạng kế hoạch “Giá trị” không dùng cho chỉ tiêu loại “Định tính”; hãy chọn dạng "
        "“Giữ vững” hoặc “Hoàn thành” (hoặc đổi loại chỉ tiêu)."
    ]
    assert fingerprint(db_path) == before
