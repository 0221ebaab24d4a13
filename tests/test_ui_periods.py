"""Periods in the window: the period dialog (Decree 09 dates, refusals, edit, delete, undo)
and the period form as the clerk's review asked (newest period, Enter, closing, words)."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QPushButton

from kh65_desktop.domain.terms import PeriodKind
from kh65_desktop.services.editing import EditService, ValueKey
from kh65_desktop.services.periods import PeriodService
from kh65_desktop.ui import entity_actions, prompts
from kh65_desktop.ui.dialogs.form import FormDialog
from kh65_desktop.ui.dialogs.period_dialog import PeriodDialog
from kh65_desktop.ui.dialogs.period_entry import PeriodEntryDialog
from kh65_desktop.ui.table_model import ROW_ROLE

from .test_exchange import fingerprint
from .ui_helpers import answering, cell, fill_form, find_row, open_window, type_into_cell

NINE = "9 tháng đầu năm 2024"


def _add_nine_months(db_path: Path) -> None:
    """Another period after plan 65's first half, written before the window opens."""
    from kh65_desktop.storage.database import open_database

    engine = open_database(db_path)
    plan_id = sqlite3.connect(db_path).execute("SELECT id FROM plan").fetchone()[0]
    PeriodService(engine).add(
        {
            "plan_id": plan_id,
            "code": "2024-9T",
            "name": NINE,
            "kind": PeriodKind.NINE_MONTHS,
            "starts_on": date(2024, 1, 1),
            "ends_on": date(2024, 9, 30),
            "cutoff_on": date(2024, 9, 14),
        }
    )
    engine.dispose()


def _figures(db_path: Path, period_code: str) -> list[tuple]:
    with sqlite3.connect(db_path) as db:
        return db.execute(
            "SELECT i.code, rv.value, rv.text, rv.achieved FROM reported_value rv "
            "JOIN indicator i ON i.id = rv.indicator_id JOIN period p ON p.id = rv.period_id "
            "WHERE p.code = ? ORDER BY i.code",
            (period_code,),
        ).fetchall()


def _form(qtbot, window, agency: str) -> PeriodEntryDialog:  # type: ignore[no-untyped-def]
    dialog = PeriodEntryDialog(window.context, None, window)
    # closed without asking when the test ends (done() is neither Hủy nor the close button)
    qtbot.addWidget(dialog, before_close_func=lambda d: d.done(0))
    dialog.agency.setCurrentIndex(dialog.agency.findText(agency))
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


# -- item 15: the period form and the Địa bàn tab -------------------------------------------


def test_form_and_district_tab_open_on_the_newest_period(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _add_nine_months(db_path)
    window = open_window(qtbot, db_path, tmp_path)
    dialog = PeriodEntryDialog(window.context, None, window)
    qtbot.addWidget(dialog)
    assert dialog.period.currentText() == NINE
    assert window.localities.period.currentText() == NINE
    # a period added later is followed, until the clerk picks one by hand
    monkeypatch.setattr(
        prompts,
        "run_dialog",
        answering(lambda d: fill_form(d, kind="Quý", part="Quý IV")),
    )
    assert entity_actions.edit_period(window.context, window)
    assert window.localities.period.currentText() == "Quý IV năm 2024"
    qtbot.keyClick(window.localities.period, Qt.Key.Key_Home)  # the clerk picks the first
    assert window.localities.period.currentText() == "6 tháng đầu năm 2024"
    window.undo_action.trigger()  # the quarter goes; the clerk's choice stays
    assert window.localities.period.currentText() == "6 tháng đầu năm 2024"


def test_enter_moves_to_the_next_row_and_saves_nothing(
    qtbot, db_path: Path, tmp_path: Path
) -> None:
    _add_nine_months(db_path)
    window = open_window(qtbot, db_path, tmp_path)
    dialog = _form(qtbot, window, "Sở Nông nghiệp và Phát triển nông thôn")
    before = fingerprint(db_path)
    new = dialog.model.column_index("new")
    assert not any(b.isDefault() for b in dialog.buttons.buttons())  # Lưu is no default
    qtbot.keyClick(dialog.agency, Qt.Key.Key_Return)  # Enter on opening: to the first row
    assert (dialog.table.currentIndex().row(), dialog.table.currentIndex().column()) == (0, new)
    type_into_cell(qtbot, dialog.table, dialog.model.index(0, new), "4,2")  # ends with Enter
    assert dialog.isVisible()
    assert (dialog.table.currentIndex().row(), dialog.table.currentIndex().column()) == (1, new)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)  # not editing: Enter moves on too
    assert dialog.table.currentIndex().row() == 2
    qtbot.keyClick(dialog.table, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert dialog.table.currentIndex().row() == 3
    assert dialog.isVisible() and fingerprint(db_path) == before
    assert dialog.model.index(0, new).data() == "4,2"

    # Ctrl+Enter saves the whole form, the cell still being typed included
    index = dialog.model.index(1, new)
    dialog.table.setCurrentIndex(index)
    dialog.table.edit(index)
    editor = dialog.table.indexWidget(index)
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, "7")
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible()
    first, second = (dialog.model.rows[i].code for i in (0, 1))
    saved = dict((code, value) for code, value, _, _ in _figures(db_path, "2024-9T"))
    assert saved == {first: 4.2, second: 7.0}


@pytest.mark.parametrize("how", ["escape", "close", "cancel"])
def test_closing_with_typed_figures_asks_and_keeps_them(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    dialog = _form(qtbot, window, "Sở Kế hoạch và Đầu tư")
    before = fingerprint(db_path)
    type_into_cell(
        qtbot, dialog.table, dialog.model.index(0, dialog.model.column_index("new")), "3.600"
    )
    asked: list[tuple[str, str]] = []
    answer = [False]
    monkeypatch.setattr(
        prompts, "confirm", lambda parent, title, text: asked.append((title, text)) or answer[0]
    )

    def close() -> None:
        if how == "escape":
            qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        elif how == "close":
            dialog.close()
        else:
            dialog.findChild(QDialogButtonBox).button(
                QDialogButtonBox.StandardButton.Cancel
            ).click()

    close()
    assert asked == [
        (
            "Bỏ các số đã nhập?",
            "Có 1 chỉ tiêu đã nhập trong biểu này mà chưa lưu. Bỏ các số đã nhập?",
        )
    ]
    assert dialog.isVisible()
    assert dialog.model.index(0, dialog.model.column_index("new")).data() == "3.600"
    answer[0] = True
    close()
    assert not dialog.isVisible()
    assert fingerprint(db_path) == before


def test_closing_an_untouched_form_asks_nothing(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    dialog = _form(qtbot, window, "Sở Kế hoạch và Đầu tư")
    monkeypatch.setattr(prompts, "confirm", lambda *a: pytest.fail("asked for nothing"))
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_switching_period_with_typed_figures_asks(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _add_nine_months(db_path)
    window = open_window(qtbot, db_path, tmp_path)
    dialog = _form(qtbot, window, "Sở Kế hoạch và Đầu tư")
    type_into_cell(
        qtbot, dialog.table, dialog.model.index(0, dialog.model.column_index("new")), "3.600"
    )
    monkeypatch.setattr(prompts, "confirm", lambda *a: False)
    dialog.period.setCurrentIndex(0)
    assert dialog.period.currentText() == NINE
    assert dialog.model.index(0, dialog.model.column_index("new")).data() == "3.600"


def test_qualitative_indicators_are_listed_and_saved(qtbot, db_path: Path, tmp_path: Path) -> None:
    _add_nine_months(db_path)
    window = open_window(qtbot, db_path, tmp_path)
    dialog = _form(qtbot, window, "Sở Nông nghiệp và Phát triển nông thôn")
    model = dialog.model
    codes = [r.code for r in model.rows]
    assert "II.4.4" in codes  # "Hoàn thành Tỉnh đạt chuẩn nông thôn mới": qualitative
    row = codes.index("II.4.4")
    assert not model.flags(model.index(row, model.column_index("new"))) & (
        Qt.ItemFlag.ItemIsEditable
    )
    words = model.index(row, model.column_index("text"))
    dialog.table.setCurrentIndex(words)
    dialog.table.edit(words)
    editor = dialog.table.indexWidget(words)
    editor.insert("Trung ương đã công nhận")  # QTest types no letters outside Latin-1
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.table.currentIndex().row() == row + 1)
    achieved = model.index(row, model.column_index("achieved"))
    dialog.table.setCurrentIndex(achieved)
    dialog.table.edit(achieved)
    combo = dialog.table.indexWidget(achieved)
    combo.setCurrentIndex(combo.findText("Đạt"))
    combo.activated.emit(combo.currentIndex())
    assert model.index(row, model.column_index("achieved")).data() == "Đạt"
    assert not model.setData(
        model.index(row, model.column_index("achieved")), "Có lẽ", Qt.ItemDataRole.EditRole
    )
    assert dialog.error.text() == "Hãy chọn Đạt hoặc Không đạt (hoặc để trống)."
    dialog.accept()
    assert _figures(db_path, "2024-9T") == [("II.4.4", None, "Trung ương đã công nhận", 1)]
    assert cell(window.indicators.proxy, "II.4.4", "value") == "Trung ương đã công nhận"


# -- item 12: the period dialog -------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "part", "code", "name", "dates", "decree"),
    [
        (
            "Tháng",
            "Tháng 3",
            "2024-T03",
            "Tháng 3 năm 2024",
            (date(2024, 3, 1), date(2024, 3, 31), date(2024, 3, 14)),
            "15/02/2024 đến 14/3/2024",
        ),
        (
            "Quý",
            "Quý I",
            "2024-Q1",
            "Quý I năm 2024",
            (date(2024, 1, 1), date(2024, 3, 31), date(2024, 3, 14)),
            "15/12/2023 đến 14/3/2024",
        ),
        (
            "6 tháng",
            "6 tháng đầu năm",
            "2024-H1",
            "6 tháng đầu năm 2024",
            (date(2024, 1, 1), date(2024, 6, 30), date(2024, 6, 14)),
            "15/12/2023 đến 14/6/2024",
        ),
        (
            "6 tháng",
            "6 tháng cuối năm",
            "2024-H2",
            "6 tháng cuối năm 2024",
            (date(2024, 7, 1), date(2024, 12, 31), date(2024, 12, 14)),
            "15/6/2024 đến 14/12/2024",
        ),
        (
            "9 tháng",
            None,
            "2024-9T",
            "9 tháng đầu năm 2024",
            (date(2024, 1, 1), date(2024, 9, 30), date(2024, 9, 14)),
            "15/12/2023 đến 14/9/2024",
        ),
        (
            "Năm",
            None,
            "2024-N",
            "Năm 2024",
            (date(2024, 1, 1), date(2024, 12, 31), date(2024, 12, 14)),
            "15/12/2023 đến 14/12/2024",
        ),
    ],
)
def test_the_dialog_derives_code_name_and_decree_09_dates(
    qtbot, db_path: Path, tmp_path: Path, kind, part, code, name, dates, decree
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    dialog = PeriodDialog(window.context, None, window)
    qtbot.addWidget(dialog)
    fill_form(dialog, kind=kind, **({"part": part} if part else {}))
    assert dialog.raw("part").isEnabled() == (part is not None)
    values = dialog.values()
    assert (values["code"], values["name"]) == (code, name)
    assert (values["starts_on"], values["ends_on"], values["cutoff_on"]) == dates
    assert dialog.decree.text() == f"Theo Nghị định 09/2019/NĐ-CP: số liệu tính từ {decree}."


def test_what_the_clerk_typed_survives_a_change_of_kind(
    qtbot, db_path: Path, tmp_path: Path
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    dialog = PeriodDialog(window.context, None, window)
    qtbot.addWidget(dialog)
    fill_form(dialog, kind="Quý", part="Quý III", name="Quý III/2024 (báo cáo nhanh)")
    fill_form(dialog, kind="Tháng", part="Tháng 8")
    values = dialog.values()
    assert values["name"] == "Quý III/2024 (báo cáo nhanh)"
    assert (values["code"], values["ends_on"]) == ("2024-T08", date(2024, 8, 31))


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        (
            {"kind": "6 tháng", "code": "2024-H1b", "name": "6 THA\u0301NG  đầu năm 2024"},
            "Đã có kỳ “6 tháng đầu năm 2024” (mã 2024-H1); hãy đặt tên khác.",
        ),
        (
            {"kind": "6 tháng", "name": "Nửa đầu năm 2024"},
            "Mã kỳ “2024-H1” đã có; hãy chọn mã khác.",
        ),
        (
            {"starts_on": date(2024, 6, 1), "ends_on": date(2024, 5, 1)},
            "Ngày kết thúc 01/5/2024 trước ngày bắt đầu 01/6/2024; hãy sửa lại.",
        ),
        (
            {"ends_on": date(9999, 12, 31), "cutoff_on": None},
            "Kỳ kết thúc ngày 31/12/9999, ngoài thời gian của kế hoạch (01/01/2024 – "
            "31/12/2024); hãy chọn ngày kết thúc trong thời gian đó.",
        ),
        (
            {"kind": "Quý", "part": "Quý II", "cutoff_on": date(2024, 7, 14)},
            "Ngày chốt số liệu 14/7/2024 nằm ngoài kỳ (01/4/2024 – 30/6/2024); "
            "hãy chọn ngày trong kỳ.",
        ),
        ({"code": " "}, "Hãy nhập “Mã”."),
    ],
)
def test_a_bad_period_is_refused_with_the_reason(
    qtbot,
    db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fields: dict,
    reason: str,
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    seen: list[str] = []

    def run(dialog: FormDialog) -> bool:
        fill_form(dialog, **fields)
        dialog.accept()
        seen.append(dialog.error.text())
        return False  # the clerk gives up

    monkeypatch.setattr(prompts, "run_dialog", run)
    before = fingerprint(db_path)
    assert not entity_actions.edit_period(window.context, window)
    assert seen == [reason]
    assert fingerprint(db_path) == before


def test_edit_a_period_and_undo(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    context = window.context
    h1 = context.periods()[0]
    codes: list[bool] = []

    def fill(dialog: PeriodDialog) -> None:
        codes.append(dialog.raw("code").isReadOnly())
        fill_form(dialog, name="Sáu tháng đầu năm 2024", cutoff_on=date(2024, 6, 20))

    monkeypatch.setattr(prompts, "run_dialog", answering(fill))
    dialog = _form(qtbot, window, "Sở Kế hoạch và Đầu tư")
    new = dialog.model.index(0, dialog.model.column_index("new"))
    type_into_cell(qtbot, dialog.table, new, "15.000")
    dialog.findChild(QPushButton, "editPeriod").click()
    assert codes == [True]  # other offices know it by its code
    assert dialog.period.currentText() == "Sáu tháng đầu năm 2024"
    assert new.data() == "15.000"  # what was typed stays in the form
    assert (context.periods()[0].name, context.periods()[0].cutoff_on) == (
        "Sáu tháng đầu năm 2024",
        date(2024, 6, 20),
    )
    assert window.undo_action.text() == "Hoàn tác sửa kỳ “Sáu tháng đầu năm 2024”"
    window.undo_action.trigger()
    back = context.periods()[0]
    assert (back.code, back.name, back.cutoff_on) == (h1.code, h1.name, h1.cutoff_on)


def test_delete_a_period_asks_with_the_counts_and_undo_brings_it_all_back(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    context = window.context
    h1 = context.periods()[0]
    proxy = window.indicators.proxy
    row = proxy.index(find_row(proxy, "II.6.1"), 0).data(ROW_ROLE)
    EditService(context.engine).record_value(ValueKey(row.id, h1.id), 3350.0, "Lê Thị Hoa")
    with sqlite3.connect(db_path) as db:
        figures = db.execute("SELECT count(*) FROM reported_value").fetchone()[0]
        stated = db.execute("SELECT count(*) FROM stated_figure WHERE period_id IS NOT NULL")
        stated = stated.fetchone()[0]
    before = fingerprint(db_path)
    asked: list[str] = []
    answer = [False]
    monkeypatch.setattr(
        prompts, "confirm", lambda parent, title, text: asked.append(text) or answer[0]
    )
    dialog = _form(qtbot, window, "Sở Kế hoạch và Đầu tư")
    delete = dialog.findChild(QPushButton, "deletePeriod")
    delete.click()
    assert asked == [
        f"Kỳ “6 tháng đầu năm 2024” đang có {figures} số liệu, 1 mục lịch sử thay đổi và "
        f"{stated} số liệu văn bản nêu. Xóa kỳ sẽ xóa cả những số liệu này (có thể hoàn tác "
        "bằng Ctrl+Z). Xóa kỳ “6 tháng đầu năm 2024”?"
    ]
    assert fingerprint(db_path) == before  # "no": nothing deleted

    answer[0] = True
    delete.click()
    assert context.periods() == [] and dialog.period.count() == 0
    assert cell(proxy, "II.6.1", "value") == ""
    assert window.undo_action.text() == "Hoàn tác xóa kỳ “6 tháng đầu năm 2024”"
    window.undo_action.trigger()
    assert fingerprint(db_path) == before
    assert cell(proxy, "II.6.1", "value") == "3.350"
    window.redo_action.trigger()
    assert context.periods() == []


def test_an_empty_period_is_deleted_without_a_question(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _add_nine_months(db_path)
    window = open_window(qtbot, db_path, tmp_path)
    monkeypatch.setattr(prompts, "confirm", lambda *a: pytest.fail("nothing to lose"))
    nine = window.context.periods()[-1]
    assert entity_actions.delete_period(window.context, window, nine.id)
    assert [p.name for p in window.context.periods()] == ["6 tháng đầu năm 2024"]


def test_undoing_an_added_period_keeps_it_when_figures_arrived_since(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    context = window.context
    errors: list[str] = []
    context.error.connect(errors.append)
    monkeypatch.setattr(prompts, "run_dialog", answering(lambda d: fill_form(d, kind="Năm")))
    assert entity_actions.edit_period(context, window)
    year = context.periods()[-1]
    indicator = window.indicators.proxy.index(0, 0).data(ROW_ROLE)
    # written by another program (a second window, the command line), not on this stack
    EditService(context.engine).record_value(ValueKey(indicator.id, year.id), 1.0, "Khác")
    window.undo_action.trigger()
    assert [p.code for p in context.periods()] == ["2024-H1", "2024-N"]
    assert errors == [
        "Kỳ “Năm 2024” đã có số liệu nhập sau khi thêm, nên không bị xóa khi hoàn tác."
    ]
    window.redo_action.trigger()  # nothing to redo: the period is there
    assert [p.code for p in context.periods()] == ["2024-H1", "2024-N"]


def test_add_a_derived_period_undo_and_redo(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    context = window.context
    monkeypatch.setattr(prompts, "run_dialog", answering(lambda d: fill_form(d, kind="9 tháng")))
    assert entity_actions.edit_period(context, window)
    added = context.periods()[-1]
    assert (added.code, added.name, added.cutoff_on) == ("2024-9T", NINE, date(2024, 9, 14))
    assert window.undo_action.text() == f"Hoàn tác thêm kỳ “{NINE}”"
    window.undo_action.trigger()
    assert [p.code for p in context.periods()] == ["2024-H1"]
    window.redo_action.trigger()
    assert [(p.id, p.code) for p in context.periods()][-1] == (added.id, "2024-9T")
