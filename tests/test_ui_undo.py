"""Undo in the window never eats later work: Ctrl+Z after another process wrote the same
figure or task, and the imports log's undo after the clerk edited what the import wrote."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton, QWidget
from sqlalchemy.exc import OperationalError

from kh65_desktop.domain.terms import PeriodKind, TaskStatus
from kh65_desktop.services.editing import EditService, ValueKey, ValueState
from kh65_desktop.services.exchange import ExchangeService
from kh65_desktop.services.exchange_files import read_file
from kh65_desktop.storage.database import open_database
from kh65_desktop.storage.models import Period
from kh65_desktop.ui import commands, prompts
from kh65_desktop.ui.commands import AddRowCommand, SetValuesCommand
from kh65_desktop.ui.dialogs.imports_log import ImportsDialog
from kh65_desktop.ui.main_window import MainWindow
from kh65_desktop.ui.table_model import ROW_ROLE

from .samples import district_package
from .test_exchange import fingerprint
from .test_import_undo import NINE_MONTHS, nine_months_package
from .ui_helpers import cell, column, find_row, open_window, type_into_cell


@pytest.fixture
def told(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the window told the clerk in a message box."""
    said: list[str] = []
    monkeypatch.setattr(
        prompts, "show_error", lambda parent, title, text: said.append(f"{title}: {text}")
    )
    return said


def _district_value(window: MainWindow, name: str) -> float | None:
    return next(r.value for r in window.localities.model.rows if r.locality == name)


def _key(window: MainWindow, name: str) -> ValueKey:
    """A district's figure of the indicator and period the Địa bàn tab shows."""
    tab = window.localities
    row = next(r for r in tab.model.rows if r.locality == name)
    return ValueKey(tab.indicator.currentData(), tab.period.currentData(), row.locality_id)


def _type_district(qtbot, window: MainWindow, name: str, text: str) -> None:
    tab = window.localities
    row = next(r for r in range(tab.model.rowCount()) if tab.model.rows[r].locality == name)
    type_into_cell(qtbot, tab.table, tab.model.index(row, tab.model.column_index("value")), text)


def _other_process(db_path: Path) -> EditService:
    """Another program writing into the same file (the command line, a second clerk)."""
    return EditService(open_database(db_path))


def test_ctrl_z_keeps_a_figure_another_process_wrote_since(
    qtbot, db_path: Path, tmp_path: Path, told: list[str]
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    _type_district(qtbot, window, "Huyện Trà Cú", "15")
    _type_district(qtbot, window, "Huyện Càng Long", "30")
    before_cang_long = 30.0
    key = _key(window, "Huyện Trà Cú")
    other = _other_process(db_path)
    other.set_values([(key, ValueState(17.0))], "Lê Văn Tám")
    window.context.notify()
    assert _district_value(window, "Huyện Trà Cú") == 17

    window.undo_action.trigger()  # Càng Long: nobody wrote it since, undone
    assert _district_value(window, "Huyện Càng Long") != before_cang_long and told == []
    window.undo_action.trigger()  # Trà Cú: written since by another process, kept
    assert _district_value(window, "Huyện Trà Cú") == 17
    assert len(told) == 1
    assert "Không hoàn tác" in told[0] and "1 số liệu đã được sửa ở nơi khác" in told[0]
    assert "II.3.2" in told[0] and "Huyện Trà Cú" in told[0]
    assert "nay là 17 (Lê Văn Tám sửa lúc" in told[0]
    assert "Không hoàn tác" in window.statusBar().currentMessage()

    window.redo_action.trigger()  # Trà Cú is no longer this command's: left as it is
    assert _district_value(window, "Huyện Trà Cú") == 17 and len(told) == 1
    window.redo_action.trigger()
    assert _district_value(window, "Huyện Càng Long") == before_cang_long


def test_ctrl_z_of_a_form_undoes_the_figures_nobody_touched_since(
    qtbot, db_path: Path, tmp_path: Path, told: list[str]
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    context = window.context
    keys = [_key(window, "Huyện Trà Cú"), _key(window, "Huyện Càng Long")]
    old = [_district_value(window, "Huyện Trà Cú"), _district_value(window, "Huyện Càng Long")]
    assert context.push(
        SetValuesCommand(
            context, [(k, ValueState(v)) for k, v in zip(keys, (40.0, 41.0), strict=True)], "form"
        )
    )
    _other_process(db_path).set_values([(keys[0], ValueState(50.0))], "Lê Văn Tám")
    window.undo_action.trigger()
    assert _district_value(window, "Huyện Trà Cú") == 50  # the other process's, kept
    assert _district_value(window, "Huyện Càng Long") == old[1]  # undone
    assert len(told) == 1 and "Huyện Trà Cú" in told[0] and "Càng Long" not in told[0]
    window.redo_action.trigger()
    assert _district_value(window, "Huyện Càng Long") == 41
    assert _district_value(window, "Huyện Trà Cú") == 50


def test_ctrl_z_keeps_a_task_status_changed_since(
    qtbot, db_path: Path, tmp_path: Path, told: list[str]
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    proxy = window.tasks.proxy
    index = proxy.index(find_row(proxy, "T1.1"), column(proxy, "status"))
    assert proxy.setData(index, "Đang thực hiện")
    assert cell(proxy, "T1.1", "status") == "Đang thực hiện"
    task = proxy.index(find_row(proxy, "T1.1"), 0).data(ROW_ROLE)
    _other_process(db_path).set_task_status(task.id, TaskStatus.DONE, "Lê Văn Tám")
    window.context.notify()
    window.undo_action.trigger()
    assert cell(proxy, "T1.1", "status") == "Đã hoàn thành"  # the other process's, kept
    assert len(told) == 1 and "Không hoàn tác" in told[0] and "sửa ở nơi khác" in told[0]


def test_imports_log_asks_before_undoing_and_keeps_later_work(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    context = window.context
    exchange = ExchangeService(context.engine)
    preview = exchange.preview(context.plan, read_file(nine_months_package(tmp_path), "x"))
    exchange.apply(context.plan, preview, context.clerk)
    context.notify()
    periods = {p.code: p.id for p in context.periods()}
    tra_cu = _key(window, "Huyện Trà Cú")
    half = ValueKey(tra_cu.indicator_id, periods["2024-H1"], tra_cu.locality_id)
    nine = periods[NINE_MONTHS]
    context.edits.set_values(  # the clerk corrects the import's figure and types a new one
        [
            (half, ValueState(20.0)),
            (ValueKey(tra_cu.indicator_id, nine, None), ValueState(300.0)),
        ],
        context.clerk,
    )
    log = ImportsDialog(context, window)
    qtbot.addWidget(log)
    log.table.setCurrentIndex(log.model.index(0, 0))
    asked: list[str] = []

    def answer(yes: bool):  # noqa: ANN202
        def confirm(parent: QWidget, title: str, text: str) -> bool:
            asked.append(text)
            return yes

        return confirm

    before = fingerprint(db_path)
    monkeypatch.setattr(prompts, "confirm", answer(False))
    log.findChild(QPushButton, "undoImport").click()
    assert fingerprint(db_path) == before  # the clerk said no: nothing written
    assert log.message.text() == "Chưa hoàn tác gì."
    assert "Hoàn tác phần còn lại?" in asked[0]
    assert "II.3.2" in asked[0] and "6 tháng đầu năm 2024, Huyện Trà Cú: nay là 20" in asked[0]
    assert "Kỳ «9 tháng đầu năm 2024» (lần nhập đã thêm): đã có số liệu nhập sau đó" in asked[0]

    monkeypatch.setattr(prompts, "confirm", answer(True))
    log.findChild(QPushButton, "undoImport").click()
    assert "Đã hoàn tác lần nhập tệp tra-cu-9t.kh65." in log.message.text()
    assert "Giữ nguyên 2 mục đã được sửa sau đó" in log.message.text()
    assert "nay là 20" in log.message.text()
    assert context.edits.value_state(half).value == 20
    assert context.edits.value_state(ValueKey(tra_cu.indicator_id, nine, None)).value == 300
    assert any(p.code == NINE_MONTHS for p in context.periods())
    assert log.model.index(0, column(log.model, "state")).data() == "Đã hoàn tác"


def test_a_failed_ctrl_z_says_why_and_a_later_one_still_works(
    qtbot, db_path: Path, tmp_path: Path, told: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    old = _district_value(window, "Huyện Trà Cú")
    _type_district(qtbot, window, "Huyện Trà Cú", "15")
    busy = OperationalError("UPDATE reported_value", (), Exception("database is locked"))

    def locked(*args: object) -> None:
        raise busy

    real = commands.set_values_unless_changed
    monkeypatch.setattr(commands, "set_values_unless_changed", locked)
    window.undo_action.trigger()
    assert _district_value(window, "Huyện Trà Cú") == 15  # nothing written
    assert told == [
        "Hoàn tác hoặc làm lại không thành công: Không hoàn tác được «sửa số thực hiện "
        "của Huyện Trà Cú»: cơ sở dữ liệu đang bận (một chương trình khác đang ghi) hoặc không "
        "ghi được. Hãy thử lại sau. Dữ liệu không bị thay đổi."
    ]
    assert "database is locked" not in window.statusBar().currentMessage()
    window.redo_action.trigger()  # the undo never happened: nothing to redo
    assert _district_value(window, "Huyện Trà Cú") == 15
    monkeypatch.setattr(commands, "set_values_unless_changed", real)
    window.undo_action.trigger()
    assert _district_value(window, "Huyện Trà Cú") == old and len(told) == 1


def _import_in_window(qtbot, window: MainWindow, package: Path) -> None:
    dialog = window.open_import(package)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10000)
    dialog.findChild(QPushButton, "applyImport").click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)


def test_ctrl_z_and_ctrl_y_of_an_import_leave_later_work_alone(
    qtbot, db_path: Path, tmp_path: Path, told: list[str]
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    _import_in_window(qtbot, window, district_package(tmp_path))
    assert _district_value(window, "Huyện Trà Cú") == 19
    key = _key(window, "Huyện Trà Cú")
    other = _other_process(db_path)
    other.set_values([(key, ValueState(21.0))], "Lê Văn Tám")
    window.undo_action.trigger()
    assert _district_value(window, "Huyện Trà Cú") == 21  # written since: kept
    assert "Không hoàn tác «nhập tệp ubnd-tcu.kh65» cho 1 mục đã được sửa sau đó" in told[0]
    assert "nay là 21 (Lê Văn Tám sửa lúc" in told[0]

    window.redo_action.trigger()  # the import again, but not over the other's figure
    assert _district_value(window, "Huyện Trà Cú") == 21
    assert "Không làm lại «nhập tệp ubnd-tcu.kh65» cho 1 số liệu" in told[1]
    assert "nay là 21 (Lê Văn Tám sửa lúc" in told[1]

    window.undo_action.trigger()
    other.set_values([(key, ValueState(22.0))], "Lê Văn Tám")  # after the second undo
    window.redo_action.trigger()
    assert _district_value(window, "Huyện Trà Cú") == 22
    assert "Không làm lại «nhập tệp ubnd-tcu.kh65» cho 1 số liệu" in told[-1]


def test_ctrl_y_of_an_import_nobody_touched_applies_it_again(
    qtbot, db_path: Path, tmp_path: Path, told: list[str]
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    _import_in_window(qtbot, window, district_package(tmp_path))
    window.undo_action.trigger()
    assert _district_value(window, "Huyện Trà Cú") == 12
    window.redo_action.trigger()
    assert _district_value(window, "Huyện Trà Cú") == 19 and told == []
    log = ImportsDialog(window.context, window)  # undone from the log: Ctrl+Z has nothing left
    qtbot.addWidget(log)
    log.table.setCurrentIndex(log.model.index(0, 0))
    log.findChild(QPushButton, "undoImport").click()
    assert _district_value(window, "Huyện Trà Cú") == 12
    window.undo_action.trigger()
    assert told == [
        "Hoàn tác hoặc làm lại không thành công: Không hoàn tác được «nhập tệp ubnd-tcu.kh65»: "
        "Lần nhập này không còn để hoàn tác. Dữ liệu không bị thay đổi."
    ]
    assert _district_value(window, "Huyện Trà Cú") == 12


def test_ctrl_z_never_deletes_a_period_another_process_entered_figures_in(
    qtbot, db_path: Path, tmp_path: Path, told: list[str]
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    context = window.context
    period = Period(
        plan_id=context.plan.id,
        code="2024-9T",
        name="9 tháng đầu năm 2024",
        kind=PeriodKind.NINE_MONTHS,
        starts_on=date(2024, 1, 1),
        ends_on=date(2024, 9, 30),
    )
    assert context.push(AddRowCommand(context, period, "thêm kỳ 9 tháng đầu năm 2024"))
    nine = next(p.id for p in context.periods() if p.code == "2024-9T")
    key = ValueKey(_key(window, "Huyện Trà Cú").indicator_id, nine, None)
    _other_process(db_path).set_values([(key, ValueState(260.0))], "Lê Văn Tám")
    window.undo_action.trigger()
    assert any(p.id == nine for p in context.periods())  # kept, with the other's figure
    assert context.edits.value_state(key).value == 260
    assert told == [
        "Hoàn tác hoặc làm lại không thành công: Không hoàn tác được «thêm kỳ 9 tháng đầu năm "
        "2024»: đã có dữ liệu được nhập vào đó sau khi thêm (số liệu, nhiệm vụ…). Hãy xoá dữ "
        "liệu đó trước nếu thật sự muốn bỏ. Dữ liệu không bị thay đổi."
    ]
    _other_process(db_path).set_values([(key, None)], "Lê Văn Tám")  # the figure taken out
    window.redo_action.trigger()  # the undo never happened: nothing to redo
    window.undo_action.trigger()  # now nothing refers to it: the period goes
    assert not any(p.id == nine for p in context.periods()) and len(told) == 1


def test_ctrl_z_keeps_a_district_target_changed_since(
    qtbot, db_path: Path, tmp_path: Path, told: list[str]
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    tab = window.localities
    row = next(
        r for r in range(tab.model.rowCount()) if tab.model.rows[r].locality == "Huyện Trà Cú"
    )
    type_into_cell(qtbot, tab.table, tab.model.index(row, tab.model.column_index("target")), "40")
    assert tab.model.rows[row].target == 40
    key = _key(window, "Huyện Trà Cú")
    _other_process(db_path).set_locality_target(key.indicator_id, key.locality_id, 45.0)
    window.undo_action.trigger()
    target = next(r.target for r in tab.model.rows if r.locality == "Huyện Trà Cú")
    assert target == 45 and len(told) == 1
    assert "Không hoàn tác «sửa kế hoạch của Huyện Trà Cú»: dữ liệu đã được sửa" in told[0]
