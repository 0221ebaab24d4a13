"""Importing in the window: drop a file, see the preview, import, undo; export from the menu."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QPushButton

from kh65_desktop.services import exchange_apply
from kh65_desktop.services.editing import EditService, ValueKey
from kh65_desktop.services.plan_service import PlanService
from kh65_desktop.ui import prompts
from kh65_desktop.ui.dialogs.imports_log import ImportsDialog

from .samples import district_package
from .test_exchange_clocks import tax_package
from .ui_helpers import answering, cell, column, fill_form, find_row, open_window


def test_drop_a_package_preview_import_and_undo(
    qtbot, db_path: Path, tmp_path: Path, vietnam_time: None
) -> None:
    package = district_package(tmp_path)
    window = open_window(qtbot, db_path, tmp_path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(package))])
    enter = QDragEnterEvent(
        QPoint(200, 200),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(200, 200),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, drop)
    dialog = window.import_dialog
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10000)
    assert "Ủy ban nhân dân huyện Trà Cú" in dialog.summary.text()
    assert "thay đổi 1" in dialog.summary.text()
    assert [(r.code, r.old, r.new) for r in dialog.model.rows] == [("II.3.2", "12", "19")]
    # the document's figure was entered on its date, 04/7/2024 00:00 UTC: 07:00 in Vietnam
    assert cell(dialog.model, "II.3.2", "ours_at") == "04/7/2024 07:00"
    dialog.findChild(QPushButton, "applyImport").click()  # written on a worker thread
    dialog.reject()  # Escape while it is written: the dialog stays until the write ends
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)
    locality = window.localities
    row = next(r for r in locality.model.rows if r.locality == "Huyện Trà Cú")
    assert row.value == 19
    assert window.undo_action.text() == "Hoàn tác nhập tệp ubnd-tcu.kh65"
    window.undo_action.trigger()
    assert next(r for r in locality.model.rows if r.locality == "Huyện Trà Cú").value == 12
    window.redo_action.trigger()
    assert next(r for r in locality.model.rows if r.locality == "Huyện Trà Cú").value == 19

    log = ImportsDialog(window.context, window)  # the log survives a restart; undo from it
    qtbot.addWidget(log)
    assert log.model.rowCount() >= 1
    log.table.setCurrentIndex(log.model.index(0, 0))
    log.findChild(QPushButton, "undoImport").click()
    assert "Đã hoàn tác" in log.message.text()
    assert next(r for r in locality.model.rows if r.locality == "Huyện Trà Cú").value == 12


def test_an_import_that_fails_to_write_says_so_and_changes_nothing(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = district_package(tmp_path)
    window = open_window(qtbot, db_path, tmp_path)
    dialog = window.open_import(package)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10000)

    def disk_full(*args: object) -> None:
        raise OSError(28, "Ổ đĩa đã đầy")

    monkeypatch.setattr(exchange_apply, "make_backup", disk_full)
    apply = dialog.findChild(QPushButton, "applyImport")
    apply.click()
    qtbot.waitUntil(lambda: "Không nhập được" in dialog.summary.text(), timeout=10000)
    assert "Ổ đĩa đã đầy" in dialog.summary.text() and dialog.isVisible() and apply.isEnabled()
    assert dialog.cancel_button.isEnabled()
    assert not window.undo_action.isEnabled()  # nothing to undo: nothing was written
    row = next(r for r in window.localities.model.rows if r.locality == "Huyện Trà Cú")
    assert row.value == 12


def test_a_refused_file_says_why(qtbot, db_path: Path, tmp_path: Path) -> None:
    bad = tmp_path / "hong.kh65"
    bad.write_text("không phải gói", encoding="utf-8")
    window = open_window(qtbot, db_path, tmp_path)
    dialog = window.open_import(bad)
    qtbot.waitUntil(lambda: "Không nhập được" in dialog.summary.text(), timeout=10000)
    assert "hong.kh65" in dialog.summary.text()
    assert not dialog.apply_button.isEnabled()


def test_export_from_the_menu(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    out = tmp_path / "stc.xlsx"
    monkeypatch.setattr(
        prompts,
        "run_dialog",
        answering(lambda d: fill_form(d, agency="Sở Tài chính", period="6 tháng đầu năm 2024")),
    )
    monkeypatch.setattr(prompts, "save_file", lambda *args: out)
    messages: list[str] = []
    window.context.message.connect(messages.append)
    window.export_data()
    qtbot.waitUntil(lambda: any(m.startswith("Đã xuất") for m in messages), timeout=10000)
    sheet = openpyxl.load_workbook(out)["Số liệu"]
    assert [sheet.cell(r, 1).value for r in range(6, 10)] == ["II.6.1", "II.6.2", "II.6.3", None]
    assert cell(window.indicators.proxy, "II.6.1", "value") == "3.300"


def test_export_the_table_as_shown(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    tab = window.indicators
    tab.agency.setCurrentIndex(tab.agency.findText("Sở Tài chính"))  # what the clerk sees
    out = tmp_path / "chi-tieu.xlsx"
    monkeypatch.setattr(prompts, "save_file", lambda *args: out)
    tab.findChild(QPushButton, "exportTable").click()
    sheet = openpyxl.load_workbook(out).active
    assert [c.value for c in sheet[1]][:3] == ["Mã", "Chỉ tiêu", "Đơn vị tính"]
    assert [sheet.cell(r, 1).value for r in range(2, 5)] == ["II.6.1", "II.6.2", "II.6.3"]
    assert sheet.cell(2, 9).value == pytest.approx(3300 / 6220) and sheet.max_row == 4
    csv_out = tmp_path / "chi-tieu.csv"
    monkeypatch.setattr(prompts, "save_file", lambda *args: csv_out)
    tab.findChild(QPushButton, "exportTable").click()
    raw = csv_out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and "Thu nội địa" in raw.decode("utf-8-sig")


def test_the_preview_shows_refused_rows_with_their_reason_and_what_it_keeps(
    qtbot, db_path: Path, tmp_path: Path
) -> None:
    """Cục Thuế's package changes II.6.1, which was corrected here since, and II.1.1, which
    is not its indicator: nothing would change, and the dialog says why, not "nothing"."""
    window = open_window(qtbot, db_path, tmp_path)
    engine = window.context.engine
    plans = PlanService(engine)
    revenue = next(r for r in plans.indicator_rows() if r.code == "II.6.1")
    period = plans.periods(plans.current_plan())[0]
    EditService(engine).record_value(ValueKey(revenue.id, period.id), 3400.0, "Lan")
    a_day_ago = datetime.now(UTC) - timedelta(days=1)
    package = tax_package(tmp_path, ("II.6.1", 3500.0, a_day_ago), ("II.1.1", 99.0, a_day_ago))
    dialog = window.open_import(package)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10000)
    text = dialog.summary.text()
    assert "xung đột 1, từ chối 1." in text
    assert (
        "Nhập tệp này không ghi gì: 1 số liệu trong tệp được giữ như ở đây vì ở đây đã sửa "
        "sau; 1 dòng bị từ chối."
    ) in text
    assert "không làm thay đổi gì" not in text
    assert cell(dialog.model, "II.1.1", "action") == "Từ chối"
    assert cell(dialog.model, "II.1.1", "reason") == (
        "Chỉ tiêu do Bảo hiểm xã hội tỉnh chủ trì; Cục Thuế tỉnh không được sửa số liệu "
        "chỉ tiêu này."
    )
    assert not dialog.apply_button.isEnabled()
    take = dialog.model.index(find_row(dialog.model, "II.6.1"), column(dialog.model, "take"))
    dialog.model.setData(take, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert dialog.apply_button.isEnabled()  # taking theirs is now something to write
    assert "Khi nhập: 1 dòng bị từ chối." in dialog.summary.text()


def test_a_stamp_at_the_end_of_the_calendar_is_refused_and_shown(
    qtbot, db_path: Path, tmp_path: Path, vietnam_time: None
) -> None:
    """31/12/9999 23:59 UTC is past year 9999 in Vietnam's time: shown as written, refused."""
    end = datetime(9999, 12, 31, 23, 59, tzinfo=UTC)
    package = tax_package(tmp_path, ("II.6.1", 3500.0, end))
    window = open_window(qtbot, db_path, tmp_path)
    dialog = window.open_import(package)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10000)
    assert cell(dialog.model, "II.6.1", "action") == "Từ chối"
    assert cell(dialog.model, "II.6.1", "theirs_at") == "9999-12-31T23:59:00+00:00"
    assert "Thời điểm nhập 9999-12-31T23:59:00+00:00 muộn hơn giờ của máy này" in cell(
        dialog.model, "II.6.1", "reason"
    )
    assert not dialog.apply_button.isEnabled()


def test_the_reason_of_a_refused_row_is_read_in_full_under_the_table(
    qtbot, db_path: Path, tmp_path: Path
) -> None:
    """Seen at 1366×768: “Lý do” is the last column and showed “Số liệu thú…” at the edge;
    the refused row is now current and its reason written out beneath the table."""
    a_day_ago = datetime.now(UTC) - timedelta(days=1)
    package = tax_package(tmp_path, ("II.6.1", 3500.0, a_day_ago), ("II.1.1", 99.0, a_day_ago))
    window = open_window(qtbot, db_path, tmp_path)
    dialog = window.open_import(package)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10000)
    refused = find_row(dialog.model, "II.1.1")
    assert dialog.table.currentIndex().row() == refused
    assert dialog.reason.isVisible()
    assert dialog.reason.text() == (
        "Lý do (II.1.1): Chỉ tiêu do Bảo hiểm xã hội tỉnh chủ trì; Cục Thuế tỉnh không được "
        "sửa số liệu chỉ tiêu này."
    )
    dialog.table.setFocus()
    other = find_row(dialog.model, "II.6.1")
    key = Qt.Key.Key_Down if other > refused else Qt.Key.Key_Up
    qtbot.keyClick(dialog.table, key)  # a row with nothing refused: nothing to read
    assert dialog.table.currentIndex().row() == other
    assert not dialog.reason.isVisible()
