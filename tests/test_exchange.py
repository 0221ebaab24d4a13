"""Exchange between offices: round trip, conflicts, atomicity, Excel, and every bad input."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import openpyxl
import openpyxl.xml
import pytest
from sqlalchemy import Engine
from sqlmodel import select

from kh65_desktop.domain.terms import TaskStatus
from kh65_desktop.exchange.data import ExchangeError
from kh65_desktop.exchange.package import read_package, write_package
from kh65_desktop.services import exchange_apply as exchange_module
from kh65_desktop.services.editing import EditService, ValueKey, ValueState
from kh65_desktop.services.exchange import Action, ExchangeService
from kh65_desktop.services.exchange_files import export_data, export_file, read_file
from kh65_desktop.services.plan_service import PlanService
from kh65_desktop.storage.database import open_database
from kh65_desktop.storage.models import Agency, Indicator, Task

from .db_content import fingerprint

pytestmark = pytest.mark.both_engines


def agency(service: PlanService, code: str) -> Agency:
    return next(
        service.get(Agency, a.id)
        for a in service.agencies(service.current_plan())
        if a.code == code
    )


@pytest.fixture
def district(tmp_path: Path):
    """A second office's database (a district) next to the test's own (the department)."""
    engine = open_database(tmp_path / "district.db")
    yield PlanService(engine)
    engine.dispose()


def _district_work(district: PlanService) -> None:
    """Trà Cú enters its enterprise figure for 9 months' worth and finishes a task."""
    plan = district.current_plan()
    edits = EditService(district.engine)
    enterprises = next(r for r in district.indicator_rows() if r.code == "II.3.2")
    tra_cu = next(loc for loc in district.localities() if loc.code == "TCU")
    period = district.periods(plan)[0]
    edits.set_values(
        [
            (
                ValueKey(enterprises.id, period.id, tra_cu.id),
                ValueState(17.0, is_estimate=True, note="Số liệu Phòng Tài chính - Kế hoạch"),
            )
        ],
        "Lê Văn Tám",
    )
    task = next(t for t in district.tasks(plan, datetime.now().date()) if t.code == "II.2.T2.1")
    edits.set_task_status(task.id, TaskStatus.IN_PROGRESS, "Lê Văn Tám")


def test_round_trip_between_two_offices(
    district: PlanService, service: PlanService, tmp_path: Path, db_path: Path
) -> None:
    _district_work(district)
    package = export_file(
        district,
        district.current_plan(),
        agency(district, "UBND-TCU"),
        None,
        tmp_path / "tra-cu.kh65",
    )
    exchange = ExchangeService(service.engine)
    plan = service.current_plan()
    preview = exchange.preview(plan, read_file(package, "Nguyễn Thị Lan"))
    changed = [(r.kind, r.code, r.old, r.new) for r in preview.rows if r.action is Action.CHANGE]
    assert ("value", "II.2.T2.1", "Chưa thực hiện", "Đang thực hiện") not in changed
    assert ("value", "II.3.2", "12", "ước 17") in changed
    assert ("task", "II.2.T2.1", "Chưa thực hiện", "Đang thực hiện") in changed
    log = exchange.apply(plan, preview, "Nguyễn Thị Lan")
    assert (log.changed, log.sender, log.file_name) == (
        2,
        "Ủy ban nhân dân huyện Trà Cú",
        "tra-cu.kh65",
    )
    # the consolidated figure carries the district's provenance
    with sqlite3.connect(db_path) as db:
        row = db.execute(
            "SELECT rv.value, rv.is_estimate, rv.note, rv.entered_by "
            "FROM reported_value rv JOIN indicator i ON i.id = rv.indicator_id "
            "JOIN locality l ON l.id = rv.locality_id "
            "WHERE i.code = 'II.3.2' AND l.code = 'TCU'"
        ).fetchone()
    assert row == (17.0, 1, "Số liệu Phòng Tài chính - Kế hoạch", "Lê Văn Tám")
    task = next(t for t in service.tasks(plan, datetime.now().date()) if t.code == "II.2.T2.1")
    assert task.status is TaskStatus.IN_PROGRESS
    before = fingerprint(db_path)
    again = exchange.preview(plan, read_file(package, "Nguyễn Thị Lan"))
    assert again.changes_nothing and again.earlier is not None
    assert fingerprint(db_path) == before
    exchange.undo(log.id, "Nguyễn Thị Lan")  # every import can be undone
    undone = next(
        r
        for r in exchange.preview(plan, read_package(package)).rows
        if r.code == "II.3.2" and r.kind == "value"
    )
    assert undone.action is Action.CHANGE and undone.old == "12"


def test_conflict_keep_ours_or_take_theirs(
    district: PlanService, service: PlanService, tmp_path: Path
) -> None:
    _district_work(district)
    package = export_file(
        district,
        district.current_plan(),
        agency(district, "UBND-TCU"),
        None,
        tmp_path / "tra-cu.kh65",
    )
    plan = service.current_plan()
    enterprises = next(r for r in service.indicator_rows() if r.code == "II.3.2")
    tra_cu = next(loc for loc in service.localities() if loc.code == "TCU")
    key = ValueKey(enterprises.id, service.periods(plan)[0].id, tra_cu.id)
    later = datetime.now(UTC) + timedelta(minutes=5)  # changed here after the district's copy
    EditService(service.engine).set_values(
        [(key, ValueState(16.0, entered_by="Sở KH&ĐT", entered_at=later))], "Sở KH&ĐT"
    )
    exchange = ExchangeService(service.engine)
    preview = exchange.preview(plan, read_file(package, "x"))
    conflict = next(r for r in preview.rows if r.action is Action.CONFLICT)
    assert (conflict.code, conflict.old, conflict.new) == ("II.3.2", "16", "ước 17")
    assert conflict.take_theirs is False  # the default keeps the newer figure here
    log = exchange.apply(plan, preview, "Nguyễn Thị Lan")
    assert log.conflicts_kept == 1
    assert EditService(service.engine).value_state(key).value == 16
    preview = exchange.preview(plan, read_file(package, "x"))
    for row in preview.rows:
        row.take_theirs = True
    exchange.apply(plan, preview, "Nguyễn Thị Lan")
    assert EditService(service.engine).value_state(key).value == 17


def test_a_failure_midway_leaves_the_database_as_it_was(
    district: PlanService,
    service: PlanService,
    tmp_path: Path,
    engine: Engine,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _district_work(district)
    data = export_data(district.engine, district.current_plan(), agency(district, "UBND-TCU"))
    data.periods.append(
        data.periods[0].__class__(
            "2024-9T",
            "9 tháng năm 2024",
            "nine_months",
            data.periods[0].starts_on,
            data.periods[0].ends_on.replace(month=9),
        )
    )
    package = write_package(data, tmp_path / "p.kh65")
    exchange = ExchangeService(service.engine)
    plan = service.current_plan()
    preview = exchange.preview(plan, read_package(package))
    assert any(r.kind == "period" for r in preview.rows)
    original = exchange_module.write_imported_figures

    def fail_after_writing(*args, **kwargs):  # type: ignore[no-untyped-def]
        original(*args, **kwargs)
        raise RuntimeError("mất điện giữa chừng")

    monkeypatch.setattr(exchange_module, "write_imported_figures", fail_after_writing)
    before = fingerprint(engine)
    with pytest.raises(RuntimeError):
        exchange.apply(plan, preview, "x")
    assert fingerprint(engine) == before


def _package(tmp_path: Path, service: PlanService, **changes) -> Path:  # type: ignore[no-untyped-def]
    data = export_data(service.engine, service.current_plan(), agency(service, "STC"))
    for name, value in changes.items():
        setattr(data, name, value)
    return write_package(data, tmp_path / "stc.kh65")


def _rezip(
    path: Path,
    manifest: dict | None = None,
    content: bytes | None = None,
    extra: dict[str, bytes] | None = None,
) -> Path:
    with zipfile.ZipFile(path) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    if manifest is not None:
        parts["manifest.json"] = json.dumps(manifest).encode()
    if content is not None:
        parts["content.json"] = content
    parts.update(extra or {})
    bad = path.with_name("bad.kh65")
    with zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return bad


def _manifest(path: Path) -> dict:
    with zipfile.ZipFile(path) as archive:
        return json.loads(archive.read("manifest.json"))


def _content(path: Path) -> dict:
    with zipfile.ZipFile(path) as archive:
        return json.loads(archive.read("content.json"))


def _signed(path: Path, content: dict, **manifest_changes: object) -> Path:
    raw = json.dumps(content, ensure_ascii=False).encode()
    manifest = {
        **_manifest(path),
        "content_sha256": hashlib.sha256(raw).hexdigest(),
        **manifest_changes,
    }
    return _rezip(path, manifest, raw)


def _not_a_package(path: Path) -> Path:
    path.write_text("xin chào", encoding="utf-8")
    return path


def _truncated(path: Path) -> Path:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    return path


BAD_INPUTS = {
    "not a package": (lambda p, s: _not_a_package(p), "không phải là gói dữ liệu KH65"),
    "truncated": (lambda p, s: _truncated(p), "cắt ngắn"),
    "checksum": (
        lambda p, s: _rezip(
            p, content=json.dumps({**_content(p), "plan": "65/KH-UBND/2024"}).encode()
        ),
        "SHA-256 không khớp",
    ),
    "newer version": (
        lambda p, s: _signed(p, _content(p), format_version=9),
        "phiên bản KH65 mới hơn",
    ),
    "another plan": (
        lambda p, s: _signed(p, {**_content(p), "plan": "80/KH-UBND/2025"}),
        "thuộc kế hoạch “80/KH-UBND/2025”",
    ),
    "unknown agency": (
        lambda p, s: _signed(
            p, {**_content(p), "sender": {"code": "SKHCN", "name": "Sở Khoa học và Công nghệ"}}
        ),
        "đơn vị gửi “Sở Khoa học và Công nghệ”",
    ),
    "unknown indicator": (
        lambda p, s: _signed(
            p, {**_content(p), "values": [{**_content(p)["values"][0], "indicator": "IX.9.9"}]}
        ),
        "chỉ tiêu không có trong kế hoạch: IX.9.9",
    ),
    "text in a number": (
        lambda p, s: _signed(
            p, {**_content(p), "values": [{**_content(p)["values"][0], "value": "ba nghìn"}]}
        ),
        "“value” phải là một số, không phải “ba nghìn”",
    ),
    "impossible number": (
        lambda p, s: _signed(
            p, {**_content(p), "values": [{**_content(p)["values"][0], "value": float("nan")}]}
        ),
        "không hợp lệ",
    ),
    "twice": (
        lambda p, s: _signed(p, {**_content(p), "values": [_content(p)["values"][0]] * 2}),
        "xuất hiện hai lần",
    ),
    "climbing name": (
        lambda p, s: _rezip(p, extra={"../../evil.json": b"{}"}),
        "trỏ ra ngoài thư mục",
    ),
    "zip bomb": (lambda p, s: _rezip(p, content=b" " * 60_000_000), "bom nén"),
}


@pytest.mark.parametrize("case", list(BAD_INPUTS), ids=list(BAD_INPUTS))
def test_bad_input_is_refused_and_changes_nothing(
    case: str, service: PlanService, tmp_path: Path, engine: Engine
) -> None:
    make, message = BAD_INPUTS[case]
    path = make(_package(tmp_path, service), service)
    before = fingerprint(engine)
    exchange = ExchangeService(service.engine)
    with pytest.raises(ExchangeError) as error:
        exchange.preview(service.current_plan(), read_file(path, "x"))
    assert message in str(error.value)
    assert path.name in str(error.value) and "Cơ sở dữ liệu không thay đổi" in str(error.value)
    assert fingerprint(engine) == before


def test_a_huge_file_is_refused_before_reading(tmp_path: Path) -> None:
    huge = tmp_path / "huge.kh65"
    with open(huge, "wb") as handle:
        handle.truncate(51 * 1024 * 1024)  # sparse: costs no disk
    with pytest.raises(ExchangeError, match="tệp quá lớn"):
        read_file(huge, "x")


def test_excel_template_round_trip(service: PlanService, tmp_path: Path) -> None:
    plan = service.current_plan()
    payload = '=HYPERLINK("http://example.com","Bấm")'
    tax = next(r for r in service.indicator_rows() if r.code == "II.6.2")
    EditService(service.engine).update_fields(Indicator, tax.id, {"name": payload})
    path = export_file(service, plan, agency(service, "STC"), None, tmp_path / "stc.xlsx")
    book = openpyxl.load_workbook(path)
    sheet = book["Số liệu"]
    rows = {sheet.cell(r, 1).value: r for r in range(6, sheet.max_row + 1)}
    name = sheet.cell(rows["II.6.2"], 2)
    assert name.value == payload and name.data_type == "s"  # text, never a formula
    assert sheet.protection.sheet and sheet.cell(rows["II.6.1"], 1).protection.locked
    assert not sheet.cell(rows["II.6.1"], 7).protection.locked
    assert any(
        "G" in str(v.sqref) and v.type == "decimal" for v in sheet.data_validations.dataValidation
    )
    sheet.cell(rows["II.6.1"], 7).value = "3.600,25"  # as a clerk types it
    sheet.cell(rows["II.6.2"], 7).value = 950
    sheet.cell(rows["II.6.2"], 8).value = "Có"
    sheet.cell(3, 2).value = "Phạm Minh Tâm"
    book.save(path)
    exchange = ExchangeService(service.engine)
    preview = exchange.preview(plan, read_file(path, "Nguyễn Thị Lan"))
    changes = {(r.code, r.old, r.new) for r in preview.rows if r.action is Action.CHANGE}
    assert changes == {("II.6.1", "3.300", "3.600,25"), ("II.6.2", "892", "ước 950")}
    exchange.apply(plan, preview, "Nguyễn Thị Lan")
    rows_after = {r.code: r for r in service.indicator_rows()}
    assert rows_after["II.6.1"].latest.value == 3600.25
    assert rows_after["II.6.1"].latest.entered_by == "Phạm Minh Tâm"
    assert rows_after["II.6.2"].name == payload  # the payload came back as plain text


def test_excel_bad_cell_names_row_and_cell(service: PlanService, tmp_path: Path) -> None:
    path = export_file(
        service, service.current_plan(), agency(service, "STC"), None, tmp_path / "stc.xlsx"
    )
    book = openpyxl.load_workbook(path)
    book["Số liệu"].cell(7, 7).value = "12,3,4"
    book.save(path)
    with pytest.raises(ExchangeError) as error:
        read_file(path, "x")
    assert "dòng 7, ô G7" in str(error.value) and "12,3,4" in str(error.value)


def test_excel_xml_entities_are_refused_through_defusedxml(
    service: PlanService, tmp_path: Path
) -> None:
    assert openpyxl.xml.DEFUSEDXML  # openpyxl parses with defusedxml
    path = export_file(
        service, service.current_plan(), agency(service, "STC"), None, tmp_path / "stc.xlsx"
    )
    with zipfile.ZipFile(path) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    laughs = (
        '<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    )  # "billion laughs", small
    parts["xl/worksheets/sheet1.xml"] = (laughs + sheet).encode()
    evil = tmp_path / "evil.xlsx"
    with zipfile.ZipFile(evil, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    with pytest.raises(ExchangeError, match="XML không an toàn"):
        read_file(evil, "x")


def test_csv_with_bom_and_safe_cells(service: PlanService, tmp_path: Path) -> None:
    tax = next(r for r in service.indicator_rows() if r.code == "II.6.2")
    EditService(service.engine).update_fields(Indicator, tax.id, {"name": "@SUM(A1:A9)"})
    path = export_file(
        service, service.current_plan(), agency(service, "STC"), None, tmp_path / "stc.csv"
    )
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    assert "Thu nội địa" in text and "'@SUM(A1:A9)" in text and "6.220 tỷ đồng" in text


def test_tasks_are_keyed_by_code(service: PlanService) -> None:
    with service.session() as session:
        codes = [t.code for t in session.exec(select(Task))]
    assert len(codes) == len(set(codes))  # a stable key for exchange


def revise_plan(planning: PlanService) -> None:
    """The planning department raises II.2.1's target and adds indicator II.3.3 (target
    20.000, a first figure of 9.000)."""
    plan = planning.current_plan()
    edits = EditService(planning.engine)
    total = next(r for r in planning.indicator_rows() if r.code == "II.2.1")
    edits.update_fields(
        Indicator, total.id, {"target_value": 35000.0, "target_text": "35.000 tỷ đồng"}
    )
    group = next(g for g in planning.groups(plan) if g.code == "II.3")
    new_id = edits.add_row(
        Indicator(
            plan_id=plan.id,
            group_id=group.id,
            code="II.3.3",
            position=3,
            name="Vốn đầu tư ngoài nhà nước",
            unit="tỷ đồng",
            kind="accumulating",
            direction="higher",
            target_form="value",
            target_value=20000.0,
        )
    )
    edits.record_value(ValueKey(new_id, planning.periods(plan)[0].id), 9000.0, "Sở KH&ĐT")


def test_the_planning_department_sends_the_plans_definitions(
    district: PlanService, service: PlanService, tmp_path: Path
) -> None:
    planning = service  # the department's database
    plan = planning.current_plan()
    revise_plan(planning)
    package = export_file(
        planning,
        plan,
        agency(planning, "SKHDT"),
        None,
        tmp_path / "ke-hoach.kh65",
        definitions=True,
    )
    exchange = ExchangeService(district.engine)
    target_plan = district.current_plan()
    preview = exchange.preview(target_plan, read_file(package, "x"))
    rows = {(r.kind, r.code): r for r in preview.rows if r.action is not Action.UNCHANGED}
    assert rows[("target", "II.2.1")].old == "34.000 tỷ đồng"
    assert rows[("target", "II.2.1")].new == "35.000 tỷ đồng"
    assert rows[("indicator", "II.3.3")].action is Action.ADD
    assert rows[("value", "II.3.3")].new == "9.000"
    log = exchange.apply(target_plan, preview, "Lê Văn Tám")
    after = {r.code: r for r in district.indicator_rows()}
    assert after["II.2.1"].target.value == 35000 and after["II.3.3"].latest.value == 9000
    assert after["II.3.3"].lead == ("Sở Kế hoạch và Đầu tư",)
    exchange.undo(log.id, "Lê Văn Tám")
    after = {r.code: r for r in district.indicator_rows()}
    assert after["II.2.1"].target.value == 34000 and "II.3.3" not in after
