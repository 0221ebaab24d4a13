"""Adding and editing the plan's things through their dialogs, each undoable."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from kh65_desktop.domain.terms import AgencyKind
from kh65_desktop.services.rows import AgencyRow
from kh65_desktop.ui import entity_actions, prompts
from kh65_desktop.ui.columns import agency_columns
from kh65_desktop.ui.dialogs.form import Field, FormDialog
from kh65_desktop.ui.table_model import KEY_ROLE, ROW_ROLE, RowTableModel

from .ui_helpers import answering, cell, fill_form, find_row, open_window


def test_add_an_agency_and_undo(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    monkeypatch.setattr(
        prompts,
        "run_dialog",
        answering(lambda d: fill_form(d, code="BQLKKT", name="Ban Quản lý Khu kinh tế")),
    )
    assert entity_actions.edit_agency(window.context, window)
    names = [a.name for a in window.agencies.agencies.rows]
    assert "Ban Quản lý Khu kinh tế" in names
    assert window.undo_action.text() == "Hoàn tác thêm cơ quan “Ban Quản lý Khu kinh tế”"
    window.undo_action.trigger()
    assert "Ban Quản lý Khu kinh tế" not in [a.name for a in window.agencies.agencies.rows]


def test_a_taken_code_is_refused_with_a_message(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    seen: list[str] = []

    def run(dialog: FormDialog) -> bool:
        fill_form(dialog, code="SYT", name="Sở Y tế (trùng)")
        dialog.accept()
        seen.append(dialog.error.text())
        return False  # the clerk gives up

    monkeypatch.setattr(prompts, "run_dialog", run)
    before = len(window.agencies.agencies.rows)
    assert not entity_actions.edit_agency(window.context, window)
    assert seen == ["Mã “SYT” đã có; hãy chọn mã khác."]
    assert len(window.agencies.agencies.rows) == before


def test_edit_an_indicator_and_add_one(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    proxy = window.indicators.proxy
    row = proxy.index(find_row(proxy, "II.9.3"), 0).data(ROW_ROLE)
    monkeypatch.setattr(
        prompts,
        "run_dialog",
        answering(lambda d: fill_form(d, target_value="1,8", target_text="dưới 1,8%")),
    )
    assert entity_actions.edit_indicator(window.context, window, row.id)
    assert cell(proxy, "II.9.3", "target") == "dưới 1,8%"
    monkeypatch.setattr(
        prompts,
        "run_dialog",
        answering(
            lambda d: fill_form(
                d,
                code="II.9.6",
                name="Số người được tạo việc làm",
                unit="người",
                target_value="23.000",
                target_text="",
            )
        ),
    )
    assert entity_actions.edit_indicator(window.context, window)
    assert cell(proxy, "II.9.6", "target") == "23.000 người"
    assert cell(proxy, "II.9.6", "status") == "Chưa đủ số liệu"
    window.undo_action.trigger()
    with pytest.raises(AssertionError):
        find_row(proxy, "II.9.6")


def test_add_a_period_and_a_locality(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    monkeypatch.setattr(
        prompts,
        "run_dialog",
        answering(
            lambda d: fill_form(
                d,
                code="2024-12",
                name="Năm 2024",
                kind="Năm",
                starts_on=date(2024, 1, 1),
                ends_on=date(2024, 12, 31),
                cutoff_on=date(2024, 12, 14),
            )
        ),
    )
    assert entity_actions.edit_period(window.context, window)
    assert window.indicators.period.findText("Năm 2024") >= 0
    monkeypatch.setattr(
        prompts,
        "run_dialog",
        answering(
            lambda d: fill_form(
                d,
                code="X",
                name="Năm 2024 sai",
                kind="Năm",
                starts_on=date(2024, 6, 1),
                ends_on=date(2024, 5, 1),
            )
        ),
    )
    assert not entity_actions.edit_period(window.context, window)  # end before start
    monkeypatch.setattr(
        prompts,
        "run_dialog",
        answering(lambda d: fill_form(d, code="TPM", name="Thị trấn Mới", kind="thị xã")),
    )
    assert entity_actions.edit_locality(window.context, window)
    assert "Thị trấn Mới" in [r.locality for r in window.localities.model.rows]


def test_edit_a_task(qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    tab = window.tasks
    tab.table.setCurrentIndex(tab.proxy.index(find_row(tab.proxy, "II.7.T1.2"), 0))
    monkeypatch.setattr(
        prompts,
        "run_dialog",
        answering(lambda d: fill_form(d, deadline=date(2024, 9, 30), status="Đang thực hiện")),
    )
    tab.findChild(QPushButton, "editTask").click()
    assert cell(tab.proxy, "II.7.T1.2", "deadline") == "30/9/2024"
    assert cell(tab.proxy, "II.7.T1.2", "status") == "Đang thực hiện"
    window.undo_action.trigger()
    assert cell(tab.proxy, "II.7.T1.2", "deadline") == ""


def test_counts_are_written_as_clerks_write_numbers() -> None:
    """The agency table's counts on a planning department's scale: "1.060", not "1060"."""
    model = RowTableModel(agency_columns(), key=lambda r: r.id)
    model.set_rows(
        [AgencyRow(1, "SKHDT", "Sở Kế hoạch và Đầu tư", AgencyKind.PROVINCIAL, 1060, 12, 7)]
    )
    shown = {model.index(0, c).data(KEY_ROLE): model.index(0, c).data() for c in range(1, 4)}
    assert shown == {"leads": "1.060", "coordinates": "12", "tasks": "7"}


def test_tab_leaves_a_long_text_field_instead_of_typing_into_it(qtbot, tmp_path: Path) -> None:
    """Seen at 1366×768: Tab in “Tên chỉ tiêu” typed a tab character, so the clerk's unit and
    target went into the name (“Thử chỉ tiêu\\t%\\t…”) and the keyboard could not leave it."""
    dialog = FormDialog(
        "Chỉ tiêu",
        [
            Field("name", "Tên chỉ tiêu", "long_text", required=True),
            Field("unit", "Đơn vị tính"),
        ],
    )
    qtbot.addWidget(dialog)
    name = dialog.raw("name")
    qtbot.keyClicks(name, "Thu ngan sach")
    qtbot.keyClick(name, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.raw("unit"), "%")
    assert name.toPlainText() == "Thu ngan sach"


def test_tab_leaves_the_report_dialog_s_text_boxes(qtbot, db_path: Path, tmp_path: Path) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    dialog = window.open_report()
    for box in (dialog.subject, dialog.fields["recipients"], dialog.fields["copies_to"]):
        before = box.toPlainText()
        qtbot.keyClick(box, Qt.Key.Key_Tab)
        assert box.toPlainText() == before
