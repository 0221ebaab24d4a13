"""An Excel template carries when it was exported and each figure as it was then: a corrected
template re-imported never reverts the clerk's later work."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import openpyxl
import pytest

from kh65_desktop.exchange.excel import (
    EXPORTED_ESTIMATE_COL,
    EXPORTED_VALUE_COL,
    META_SHEET,
    VALUE_COL,
)
from kh65_desktop.services.editing import EditService, ValueKey
from kh65_desktop.services.exchange import Action, ExchangeService, ImportPreview
from kh65_desktop.services.exchange_files import export_file, read_file
from kh65_desktop.services.plan_service import PlanService

from .test_exchange_rights import agency, figures, kh65


def template(service: PlanService, folder: Path) -> Path:
    """Sở Tài chính's template for 2024-H1: II.6.1 shows 3.300, II.6.2 shows 892."""
    plan = service.current_plan()
    return export_file(service, plan, agency(service, "STC"), None, folder / "stc.xlsx")


def fill(path: Path, **figures_by_code: float) -> None:
    book = openpyxl.load_workbook(path)
    sheet = book["Số liệu"]
    for r in range(6, sheet.max_row + 1):
        code = str(sheet.cell(r, 1).value)
        if code.replace(".", "_") in figures_by_code:
            sheet.cell(r, VALUE_COL).value = figures_by_code[code.replace(".", "_")]
    book.save(path)


def clerk_types(service: PlanService, code: str, value: float) -> None:
    plan = service.current_plan()
    row = next(r for r in service.indicator_rows() if r.code == code)
    key = ValueKey(row.id, service.periods(plan)[0].id)
    EditService(service.engine).record_value(key, value, "Nguyễn Thị Lan")


def preview_of(service: PlanService, path: Path) -> ImportPreview:
    return ExchangeService(service.engine).preview(
        service.current_plan(), read_file(path, "Phạm Minh Tâm")
    )


def apply(service: PlanService, preview: ImportPreview) -> None:
    ExchangeService(service.engine).apply(service.current_plan(), preview, "Nguyễn Thị Lan")


def test_a_template_keeps_its_export_time_and_figures_hidden_and_locked(
    service: PlanService, tmp_path: Path
) -> None:
    before = datetime.now(UTC)
    path = template(service, tmp_path)
    book = openpyxl.load_workbook(path)
    sheet = book["Số liệu"]
    meta = {r[0]: r[1] for r in book[META_SHEET].iter_rows(values_only=True)}
    assert before <= datetime.fromisoformat(meta["exported_at"]) <= datetime.now(UTC)
    assert book[META_SHEET].sheet_state == "hidden" and book[META_SHEET].protection.sheet
    r = next(r for r in range(6, sheet.max_row + 1) if sheet.cell(r, 1).value == "II.6.1")
    for column in (EXPORTED_VALUE_COL, EXPORTED_ESTIMATE_COL):
        letter = openpyxl.utils.get_column_letter(column)
        assert sheet.column_dimensions[letter].hidden
        assert sheet.cell(r, column).protection.locked
    assert sheet.cell(r, EXPORTED_VALUE_COL).value == 3300
    data = read_file(path, "x")
    assert data.created_at == datetime.fromisoformat(meta["exported_at"])
    assert {v.entered_at for v in data.values} == {data.created_at}  # not the import's time


def test_a_corrected_template_reimported_keeps_the_clerks_later_correction(
    service: PlanService, db_path: Path, tmp_path: Path
) -> None:
    path = template(service, tmp_path)
    fill(path, II_6_1=3600.0, II_6_2=950.0)
    apply(service, preview_of(service, path))
    clerk_types(service, "II.6.1", 3650.0)  # the clerk corrects it here afterwards
    fill(path, II_6_2=960.0)  # the filler corrects another row and sends the file again
    preview = preview_of(service, path)
    rows = {r.code: r for r in preview.rows}
    conflict = rows["II.6.1"]
    assert conflict.action is Action.CONFLICT and not conflict.take_theirs
    assert (conflict.old, conflict.new) == ("3.650", "3.600")
    assert conflict.reason == "Lúc xuất mẫu là 3.300; cả ở đây và trong mẫu đều đã sửa sau đó."
    assert rows["II.6.2"].action is Action.CHANGE  # its own earlier import is no conflict
    apply(service, preview)
    assert figures(db_path, "II.6.1")[None] == 3650.0  # the later correction is kept
    assert figures(db_path, "II.6.2")[None] == 960.0


def test_a_row_the_filler_left_alone_never_reverts_later_work(
    service: PlanService, db_path: Path, tmp_path: Path
) -> None:
    path = template(service, tmp_path)
    clerk_types(service, "II.6.1", 3400.0)  # after the export
    fill(path, II_6_2=950.0)  # II.6.1 still shows 3.300, as exported
    preview = preview_of(service, path)
    rows = {r.code: r for r in preview.rows}
    assert rows["II.6.1"].action is Action.UNCHANGED
    assert rows["II.6.1"].reason == "Người điền mẫu không sửa số này; giữ số đã sửa ở đây."
    apply(service, preview)
    assert figures(db_path, "II.6.1")[None] == 3400.0
    assert figures(db_path, "II.6.2")[None] == 950.0


def test_an_unchanged_template_says_so(
    service: PlanService,
    db_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = template(service, tmp_path)
    clerk_types(service, "II.6.1", 3400.0)
    assert kh65(monkeypatch, "--db", str(db_path), "import", str(path)) == 0
    out = capsys.readouterr().out
    assert (
        "Tệp không làm thay đổi gì: mọi số liệu trong tệp đã có ở đây hoặc không được sửa "
        "so với lúc xuất mẫu."
    ) in out
    assert figures(db_path, "II.6.1")[None] == 3400.0


def test_a_template_of_the_current_release_imports_stamped_with_its_export_time(
    service: PlanService, db_path: Path, tmp_path: Path
) -> None:
    """Made before templates kept their export: no exported_at, no hidden figures; the
    workbook's own creation time (01/8/2024) is when it was exported."""
    path = template(service, tmp_path)
    book = openpyxl.load_workbook(path)
    meta = book[META_SHEET]
    meta.delete_rows(
        next(r for r in range(1, meta.max_row + 1) if meta.cell(r, 1).value == "exported_at")
    )
    sheet = book["Số liệu"]
    sheet.delete_cols(EXPORTED_VALUE_COL, 2)
    exported = datetime(2024, 8, 1, 8, 0)
    book.properties.created = exported
    book.save(path)
    fill(path, II_6_1=3600.0, II_6_2=950.0)
    data = read_file(path, "x")
    assert data.at_export is None
    assert {v.entered_at for v in data.values} == {exported.replace(tzinfo=UTC)}
    clerk_types(service, "II.6.1", 3400.0)  # typed here after 01/8/2024: a conflict
    preview = preview_of(service, path)
    rows = {r.code: r for r in preview.rows}
    assert rows["II.6.1"].action is Action.CONFLICT
    assert rows["II.6.2"].action is Action.CHANGE
    apply(service, preview)
    assert figures(db_path, "II.6.1")[None] == 3400.0
