"""Kế hoạch → Áp dụng sắp xếp tổ chức…: the preview, the apply, Ctrl+Z; merged agencies
apart in the pickers."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QTreeWidgetItem

from kh65_desktop.services.plan_copy import NewPlan, copy_plan
from kh65_desktop.services.reorg import ReorgService
from kh65_desktop.storage.database import open_database
from kh65_desktop.ui import prompts
from kh65_desktop.ui.context import AppContext
from kh65_desktop.ui.dialogs import reorg_preview
from kh65_desktop.ui.dialogs.new_plan import new_plan_dialog
from kh65_desktop.ui.dialogs.reorg_preview import ReorgPreviewDialog, preview_and_apply
from kh65_desktop.ui.main_window import MainWindow

from .test_reorg import REORG, dump
from .ui_helpers import cell, settings_in

TODAY = date(2026, 7, 1)
NEXT = "9/KH-UBND/2026"


def open_window(qtbot: Any, db_path: Path, folder: Path) -> MainWindow:
    context = AppContext(open_database(db_path), settings_in(folder), today=lambda: TODAY)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    return window


def tree_lines(dialog: ReorgPreviewDialog) -> list[str]:
    """Every row of the preview, indented by depth, its columns joined."""
    lines: list[str] = []

    def walk(item: QTreeWidgetItem, depth: int) -> None:
        text = " | ".join(item.text(c) for c in range(4)).rstrip(" |")
        lines.append("  " * depth + text)
        for child in range(item.childCount()):
            walk(item.child(child), depth + 1)

    for top in range(dialog.tree.topLevelItemCount()):
        walk(dialog.tree.topLevelItem(top), 0)
    return lines


def agency_names(window: MainWindow) -> list[str]:
    return [r.name for r in window.agencies.agencies.rows]


def combo_items(window: MainWindow) -> list[tuple[str, bool]]:
    combo = window.indicators.agency
    model = combo.model()
    return [
        (combo.itemText(i), bool(model.flags(model.index(i, 0)) & Qt.ItemFlag.ItemIsEnabled))
        for i in range(combo.count())
    ]


def test_preview_apply_and_ctrl_z(
    qtbot: Any, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    before = dump(db_path)
    seen: list[list[str]] = []

    def accept(dialog: QDialog) -> bool:
        seen.append(tree_lines(dialog))  # type: ignore[arg-type]
        return True

    monkeypatch.setattr(prompts, "run_dialog", accept)
    assert "Sở Kế hoạch và Đầu tư" in agency_names(window)
    assert preview_and_apply(window.context, window, REORG)
    [lines] = seen
    assert any(
        "Hợp nhất từ 01/3/2025: Sở Kế hoạch và Đầu tư → Sở Tài chính" in line for line in lines
    )
    assert (
        "  chỉ tiêu II.9.2 Tỷ lệ lao động qua đào tạo | chủ trì | Sở Lao động - Thương binh và "
        "Xã hội | Sở Giáo dục và Đào tạo" in lines
    )
    split = lines.index(
        "  Tách từ 01/3/2025: Sở Lao động - Thương binh và Xã hội, chức năng chuyển cho "
        "(Nghị định số 45/2025/NĐ-CP):"
    )
    assert lines[split + 4] == "    → Sở Giáo dục và Đào tạo: giáo dục nghề nghiệp"
    # the Agency tab: current agencies first, the merged ones after them, saying so
    names = agency_names(window)
    merged = "Sở Kế hoạch và Đầu tư (đến 28/02/2025; nay: Sở Tài chính)"
    assert merged in names
    assert names.index("Sở Tài chính") < names.index(merged)
    assert "Ban Dân tộc (nay: Sở Dân tộc và Tôn giáo)" in names
    past = [n for n in names if "(đến " in n]
    assert names[-len(past) :] == past
    # the agency filter: a greyed "Cơ quan trước đây" heading over the past ones
    items = combo_items(window)
    heading = items.index(("Cơ quan trước đây", False))
    assert (merged, True) in items[heading:]
    assert ("Sở Tài chính", True) in items[:heading]
    assert dump(db_path) != before
    window.undo_action.trigger()
    assert dump(db_path) == before
    assert "Sở Kế hoạch và Đầu tư" in agency_names(window)
    assert ("Cơ quan trước đây", False) not in combo_items(window)
    window.redo_action.trigger()  # Ctrl+Y applies it again
    assert merged in agency_names(window)


def test_a_refused_file_says_which_row_and_writes_nothing(
    qtbot: Any, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    before = dump(db_path)
    bad = tmp_path / "sai.toml"
    bad.write_text(
        REORG.read_text(encoding="utf-8").replace('into = "STC"', 'into = "SXYZ"'),
        encoding="utf-8",
    )
    errors: list[str] = []
    monkeypatch.setattr(prompts, "show_error", lambda parent, title, text: errors.append(text))
    monkeypatch.setattr(reorg_preview.prompts, "run_dialog", lambda dialog: True)
    assert not preview_and_apply(window.context, window, bad)
    assert errors and "[[merges]] số 1: không có cơ quan mã “SXYZ”" in errors[0]
    assert dump(db_path) == before
    assert window.context.undo_stack.count() == 0


def test_the_agency_list_shows_every_column_whole_at_1366_by_768(
    qtbot: Any, db_path: Path, tmp_path: Path
) -> None:
    """The task count beside each agency is not cut off by the list's scroll bar (the
    reorganisation's agencies make the list scroll)."""
    service = ReorgService(open_database(db_path))
    service.apply(service.read(REORG), "Nguyễn Văn A")
    window = open_window(qtbot, db_path, tmp_path)
    window.resize(1366, 768)
    window.tabs.setCurrentWidget(window.agencies)
    qtbot.waitUntil(lambda: window.agencies.agency_table.isVisible())
    table = window.agencies.agency_table
    qtbot.waitUntil(lambda: table.viewport().width() > 0)
    header = table.horizontalHeader()
    assert header.length() <= table.viewport().width()
    last = header.count() - 1
    assert header.sectionSize(last) >= header.sectionSizeHint(last)
    assert header.sectionSize(0) == max(header.sectionSize(c) for c in range(header.count()))


def test_plan_65_and_its_2026_successor_name_agencies_of_their_time_in_the_tables(
    qtbot: Any, db_path: Path, tmp_path: Path
) -> None:
    """After the 2025 reorganisation: plan 65's tables say "Ban Dân tộc", the 2026 plan's
    "Sở Dân tộc và Tôn giáo"; a district's task, its district gone, says nobody leads it."""
    engine = open_database(db_path)
    service = ReorgService(engine)
    service.apply(service.read(REORG), "Nguyễn Văn A")
    copy_plan(engine, "65/KH-UBND/2024", NewPlan(NEXT, "9/KH-UBND", 2026, date(2026, 1, 15)))
    engine.dispose()
    window = open_window(qtbot, db_path, tmp_path)

    def lead(model: Any, code: str, key: str) -> str:
        return cell(model, code, key)

    window.context.switch_plan("65/KH-UBND/2024")
    assert lead(window.indicators.model, "II.11.1", "lead") == "Ban Dân tộc"
    assert lead(window.tasks.model, "II.11.T1.1", "lead") == "Ban Dân tộc"
    assert lead(window.tasks.model, "II.1.T4.1", "lead").startswith("Ủy ban nhân dân")
    window.context.switch_plan(NEXT)
    assert lead(window.indicators.model, "II.11.1", "lead") == "Sở Dân tộc và Tôn giáo"
    assert lead(window.tasks.model, "II.11.T1.1", "lead") == "Sở Dân tộc và Tôn giáo"
    assert lead(window.tasks.model, "II.1.T4.1", "lead") == "Chưa phân công"


def test_a_2026_groups_agency_lists_put_the_merged_agencies_apart(
    qtbot: Any, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The plan editor's group form offers current agencies first; Sở Kế hoạch và Đầu tư
    comes after them, saying it ended and who carries its work."""
    engine = open_database(db_path)
    service = ReorgService(engine)
    service.apply(service.read(REORG), "Nguyễn Văn A")
    copy_plan(engine, "65/KH-UBND/2024", NewPlan(NEXT, "9/KH-UBND", 2026, date(2026, 1, 15)))
    engine.dispose()
    window = open_window(qtbot, db_path, tmp_path)
    window.context.switch_plan(NEXT)
    window.plan_editor_action.trigger()
    offered: list[list[str]] = []

    def look(dialog: Any) -> bool:
        lead = dialog.raw("lead_ids")
        offered.append([lead.item(i).text() for i in range(lead.count())])
        return False

    monkeypatch.setattr(prompts, "run_dialog", look)
    window.plan_editor.outline.buttons["addGroup"].click()
    [names] = offered
    merged = "Sở Kế hoạch và Đầu tư (đến 28/02/2025; nay: Sở Tài chính)"
    assert "Sở Kế hoạch và Đầu tư" not in names
    assert names.index("Sở Tài chính") < names.index(merged)
    past = [n for n in names if "(đến " in n]
    assert past and names[-len(past) :] == past


def test_the_new_plan_dialog_offers_the_issuer_of_the_year_chosen(
    qtbot: Any, db_path: Path, tmp_path: Path
) -> None:
    """From plan 65 after the 2025 changes: 2025 is Trà Vinh's year, 2026 Vĩnh Long's; a
    place the clerk typed stays whatever year is chosen."""
    engine = open_database(db_path)
    service = ReorgService(engine)
    service.apply(service.read(REORG), "Nguyễn Văn A")
    engine.dispose()
    window = open_window(qtbot, db_path, tmp_path)
    dialog = new_plan_dialog(window.context, window)
    qtbot.addWidget(dialog)
    body, place, year = dialog.raw("issuing_body"), dialog.raw("place"), dialog.raw("year")
    assert (body.text(), place.text()) == ("Ủy ban nhân dân tỉnh Trà Vinh", "Trà Vinh")
    year.setCurrentIndex(year.findText("2026"))
    assert (body.text(), place.text()) == ("Ủy ban nhân dân tỉnh Vĩnh Long", "Vĩnh Long")
    place.setText("Tp. Vĩnh Long")
    year.setCurrentIndex(year.findText("2025"))
    assert (body.text(), place.text()) == ("Ủy ban nhân dân tỉnh Trà Vinh", "Tp. Vĩnh Long")


def test_the_report_dialog_names_the_province_report_by_the_plans_office(
    qtbot: Any, db_path: Path, tmp_path: Path
) -> None:
    """Plan 65's province report is Sở Kế hoạch và Đầu tư's, the 2026 plan's Sở Tài chính's:
    the dialog's choice says whose it is, not the 2024 office for every plan."""
    engine = open_database(db_path)
    service = ReorgService(engine)
    service.apply(service.read(REORG), "Nguyễn Văn A")
    copy_plan(engine, "65/KH-UBND/2024", NewPlan(NEXT, "9/KH-UBND", 2026, date(2026, 1, 15)))
    engine.dispose()
    window = open_window(qtbot, db_path, tmp_path)
    kinds = {}
    for code in ("65/KH-UBND/2024", NEXT):
        window.context.switch_plan(code)
        dialog = window.open_report()
        kinds[code] = [dialog.kind.itemText(i) for i in range(dialog.kind.count())]
        dialog.close()
    assert "Báo cáo toàn tỉnh (Sở Kế hoạch và Đầu tư)" in kinds["65/KH-UBND/2024"]
    assert "Báo cáo toàn tỉnh (Sở Tài chính)" in kinds[NEXT]
