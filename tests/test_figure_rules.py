"""Bounds and plausibility at every door (issue 12, items 7, 9 and 11): the rules, the edit
service every window path uses, received packages and templates, the command line."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import openpyxl
import pytest

from kh65_desktop import cli
from kh65_desktop.cli import main
from kh65_desktop.domain.figure_rules import (
    FigureKind,
    RuleError,
    check_figure,
    check_number,
    check_target,
    clean_text,
    jump_warning,
)
from kh65_desktop.domain.terms import Direction, IndicatorKind, TargetForm
from kh65_desktop.exchange.data import ExchangeError, TargetData
from kh65_desktop.exchange.package import write_package
from kh65_desktop.services.editing import EditService, ValueKey, ValueState
from kh65_desktop.services.exchange import ExchangeService
from kh65_desktop.services.exchange_files import export_data, export_file, read_file
from kh65_desktop.services.plan_service import PlanService
from kh65_desktop.storage.models import Agency, Indicator, Task

from .tampered import first_value, package_json, stc

AMOUNT = FigureKind("Thu nội địa", "tỷ đồng", IndicatorKind.ACCUMULATING, TargetForm.VALUE)
CHANGE = FigureKind("Tỷ lệ hộ nghèo giảm", "%", IndicatorKind.LEVEL, TargetForm.CHANGE)
GROWTH = FigureKind("Tốc độ tăng giá trị GRDP", "%", IndicatorKind.LEVEL, TargetForm.VALUE)
SHARE = FigureKind("Tỷ lệ hộ sử dụng điện", "%", IndicatorKind.LEVEL, TargetForm.VALUE)
UNEMPLOYED = FigureKind(
    "Tỷ lệ thất nghiệp", "%", IndicatorKind.LEVEL, TargetForm.CEILING, Direction.LOWER
)


def fingerprint(db_path: Path) -> str:
    with sqlite3.connect(db_path) as db:
        return hashlib.sha256("\n".join(db.iterdump()).encode()).hexdigest()


@pytest.fixture(autouse=True)
def _no_log_file(monkeypatch: pytest.MonkeyPatch) -> None:
    """`main()` run in this process must not hang the user's log file on the root logger."""
    monkeypatch.setattr(cli, "configure_logging", lambda: None)


# -- the rules -------------------------------------------------------------------------------
@pytest.mark.parametrize("value", [1e300, float("inf"), float("nan"), 1e15, -1e15, 1e30])
def test_a_figure_beyond_the_bounds_is_refused(value: float) -> None:
    with pytest.raises(RuleError, match="số quá lớn"):
        check_number(value, "Thu nội địa")


def test_the_extremes_within_the_bounds_pass() -> None:
    assert check_number(999_999_999_999_999.0, "x") == 999_999_999_999_999
    villages = FigureKind("Số xã tăng thêm", "xã", IndicatorKind.ACCUMULATING, TargetForm.CHANGE)
    assert check_figure(-999_999_999_999_999.0, villages, "x") == -999_999_999_999_999
    assert check_number(0.000001, "x") == 0.000001
    with pytest.raises(RuleError, match="quá 6 chữ số thập phân"):
        check_number(0.1234567, "x")


def test_signs_rates_and_targets() -> None:
    with pytest.raises(RuleError, match="số âm.*không thể âm"):
        check_figure(-5.0, AMOUNT, "Thu nội địa")
    with pytest.raises(RuleError, match="không thể âm"):
        check_figure(-0.5, SHARE, "Tỷ lệ")
    assert check_figure(-0.3, CHANGE, "x") == -0.3  # "giảm 0,30%"
    assert check_figure(-2.5, GROWTH, "x") == -2.5  # a growth rate may fall
    assert check_figure(1000.0, SHARE, "x") == 1000
    with pytest.raises(RuleError, match="1.000,5% vượt quá 1.000%"):
        check_figure(1000.5, SHARE, "x")
    with pytest.raises(RuleError, match="kế hoạch bằng 0"):
        check_target(0.0, AMOUNT, "Thu nội địa")
    assert check_target(0.0, UNEMPLOYED, "x") == 0  # "less is better": 0 is a real goal
    assert check_target(None, AMOUNT, "x") is None


def test_an_implausible_jump_is_named() -> None:
    assert jump_warning(62_200.0, 6_220.0, None, "Thu nội địa") is None  # exactly 10×
    warning = jump_warning(62_201.0, 6_220.0, None, "Thu nội địa")
    assert warning == (
        "Thu nội địa: 62.201 lớn hơn 10 lần kế hoạch (6.220). Có thể nhầm đơn vị hoặc gõ "
        "thừa chữ số."
    )
    assert "số gần nhất (3.300)" in (jump_warning(33_001.0, None, 3_300.0, "x") or "")


def test_texts_are_cleaned_or_refused() -> None:
    assert clean_text("Sở\x00 Tài\x1b chính\x85", "name", "Tên") == "Sở Tài chính"
    assert clean_text("dòng 1\r\n\tdòng 2\x07", "note", "Ghi chú") == "dòng 1\n\tdòng 2"
    assert clean_text("dòng 1\ndòng 2", "name", "Tên") == "dòng 1 dòng 2"  # one-line field
    decomposed = "Tho\u0302\u0301ng ke\u0302"  # "Thống kê" typed with combining marks
    assert clean_text(decomposed, "name", "Tên") == "Thống kê"
    with pytest.raises(RuleError, match="ký tự không hợp lệ"):
        clean_text("Sở \ud800 Tài chính", "name", "Tên")
    with pytest.raises(RuleError, match="Tên: dài 102.400 ký tự, tối đa 500"):
        clean_text("a" * 102_400, "name", "Tên")


# -- the edit service: every window path writes through it ---------------------------------
def _indicator(service: PlanService, code: str) -> Indicator:
    row = next(r for r in service.indicator_rows() if r.code == code)
    found = service.get(Indicator, row.id)
    assert found is not None
    return found


def test_the_edit_service_refuses_and_writes_nothing(
    service: PlanService, edits: EditService, db_path: Path
) -> None:
    revenue = _indicator(service, "II.6.1")
    period = service.periods(service.current_plan())[0]
    key = ValueKey(revenue.id, period.id)
    before = fingerprint(db_path)
    with pytest.raises(RuleError, match="Chỉ tiêu II.6.1 “Thu nội địa”: số quá lớn"):
        edits.record_value(key, 1e30, "Lan")  # a 30-digit figure typed in a cell
    with pytest.raises(RuleError, match="không thể âm"):
        edits.set_values([(key, ValueState(-3300.0))], "Lan")
    with pytest.raises(RuleError, match="kế hoạch bằng 0"):
        edits.update_fields(Indicator, revenue.id, {"target_value": 0.0})
    with pytest.raises(RuleError, match="Tên: dài"):
        edits.update_fields(Indicator, revenue.id, {"name": "Thu " * 30_000})
    with pytest.raises(RuleError, match="ký tự không hợp lệ"):
        edits.record_value(key, 3300.0, "Lan", note="ghi chú \udc80")
    locality = next(loc for loc in service.localities() if loc.code == "TCU")
    enterprises = _indicator(service, "II.3.2")
    with pytest.raises(RuleError, match="kế hoạch bằng 0"):
        edits.set_locality_target(enterprises.id, locality.id, 0.0)
    assert fingerprint(db_path) == before


def test_the_edit_service_stores_clean_text(service: PlanService, edits: EditService) -> None:
    revenue = _indicator(service, "II.6.1")
    period = service.periods(service.current_plan())[0]
    key = ValueKey(revenue.id, period.id)
    edits.record_value(key, 3350.5, "Lan\x00", note="Số\x1b liệu\r\nCục Thuế")
    state = edits.value_state(key)
    assert state is not None
    assert (state.value, state.note, state.entered_by) == (3350.5, "Số liệu\nCục Thuế", "Lan")
    edits.update_fields(Indicator, revenue.id, {"name": "Thu\x0c nội\u200b địa"})
    assert _indicator(service, "II.6.1").name == "Thu nội\u200b địa"  # format chars are text
    task_id = edits.add_task(
        Task(plan_id=service.current_plan().id, code="T.99", text="Việc\x00 mới"), [], []
    )
    assert service.get(Task, task_id).text == "Việc mới"  # type: ignore[union-attr]


def test_jump_warnings_for_the_window(service: PlanService, edits: EditService) -> None:
    revenue = _indicator(service, "II.6.1")  # target 6.220, last figure 3.300
    period = service.periods(service.current_plan())[0]
    key = ValueKey(revenue.id, period.id)
    assert edits.jump_warnings([(key, ValueState(6_000.0))]) == []
    (warning,) = edits.jump_warnings([(key, ValueState(330_000.0))])
    assert "330.000 lớn hơn 10 lần kế hoạch (6.220)" in warning


# -- received files ------------------------------------------------------------------------
@pytest.fixture
def package(service: PlanService, tmp_path: Path) -> Path:
    return export_file(service, service.current_plan(), stc(service), None, tmp_path / "stc.kh65")


@pytest.mark.parametrize(
    "field, sent, message",
    [
        ("value", 1e300, "số quá lớn"),
        ("value", 1.2345678, "quá 6 chữ số thập phân"),
        (
            "achieved",
            "false",
            "trường “achieved” phải là true, false hoặc null, không phải “false”",
        ),
        ("achieved", "không", "trường “achieved” phải là true, false hoặc null"),
        ("achieved", 0, "trường “achieved” phải là true, false hoặc null"),
        ("estimate", "không", "trường “estimate” phải là true, false hoặc null"),
        ("note", "ghi chú \udc80", "ký tự không hợp lệ"),
        ("note", "x" * 100_000, "ghi chú: dài 100.000 ký tự, tối đa 2.000"),
        ("entered_by", "Lan" * 1000, "người nhập: dài"),
    ],
)
def test_a_package_breaking_the_rules_is_refused_naming_the_figure(
    package: Path, db_path: Path, field: str, sent: object, message: str
) -> None:
    bad = package_json(package, first_value(field, sent))
    before = fingerprint(db_path)
    with pytest.raises(ExchangeError) as refused:
        read_file(bad, "Lan")
    assert message in str(refused.value)
    # the reader quotes the code it names ("“II.6.1”"), the rules name it plainly
    assert "số liệu thứ 1 (chỉ tiêu" in str(refused.value) and "II.6.1" in str(refused.value)
    assert str(refused.value).endswith("Cơ sở dữ liệu không thay đổi.")
    assert fingerprint(db_path) == before


def test_a_package_with_real_booleans_and_control_characters_is_cleaned(package: Path) -> None:
    def change(content: dict) -> None:
        content["values"][0].update(achieved=False, estimate=None, note="Cục\x00 Thuế\x1b")

    data = read_file(package_json(package, change), "Lan")
    assert (data.values[0].achieved, data.values[0].estimate) == (False, False)
    assert data.values[0].note == "Cục Thuế"


def test_a_negative_amount_in_a_package_is_refused_by_the_preview(
    service: PlanService, package: Path, db_path: Path
) -> None:
    data = read_file(package_json(package, first_value("value", -3300)), "Lan")
    with pytest.raises(ExchangeError, match="Thu nội địa.*là số âm"):
        ExchangeService(service.engine).preview(service.current_plan(), data)


def test_definitions_with_a_target_of_0_are_refused(
    service: PlanService, tmp_path: Path, db_path: Path
) -> None:
    """A definitions package with target 0 used to stop the window from opening at all."""
    data = export_data(service.engine, service.current_plan(), stc(service), definitions=True)
    data.definitions = [
        TargetData(**{**d.__dict__, "target_value": 0.0}) if d.code == "II.6.1" else d
        for d in data.definitions
    ]
    path = write_package(data, tmp_path / "plan.kh65")
    with pytest.raises(ExchangeError, match=r"định nghĩa thứ \d+ \(chỉ tiêu II.6.1\).*bằng 0"):
        read_file(path, "Lan")


def test_a_template_figure_beyond_the_bounds_is_refused(
    service: PlanService, tmp_path: Path, db_path: Path
) -> None:
    plan = service.current_plan()
    sct = next(service.get(Agency, a.id) for a in service.agencies(plan) if a.code == "SCT")
    path = export_file(service, plan, sct, None, tmp_path / "sct.xlsx")
    book = openpyxl.load_workbook(path)
    sheet = book.active
    header = next(r for r in range(1, 20) if sheet.cell(r, 1).value == "Mã chỉ tiêu")
    column = next(c for c in range(1, 15) if "kỳ này" in str(sheet.cell(header, c).value or ""))
    sheet.cell(header + 1, column).value = "3.300,1234567"
    book.save(path)
    with pytest.raises(ExchangeError, match=rf"dòng {header + 1} \(chỉ tiêu .*quá 6 chữ số"):
        read_file(path, "Lan")


# -- the command line ----------------------------------------------------------------------
def test_the_command_line_refuses_a_jump_unless_allowed(
    service: PlanService, package: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = package_json(package, first_value("value", 330_000))  # Thu nội địa: target 6.220
    before = fingerprint(db_path)
    assert main(["--db", str(db_path), "import", str(bad), "--dry-run"]) == 0
    assert "Cảnh báo: Chỉ tiêu II.6.1" in capsys.readouterr().out
    assert main(["--db", str(db_path), "import", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "330.000 lớn hơn 10 lần kế hoạch (6.220)" in err and "--allow-jumps" in err
    assert fingerprint(db_path) == before
    assert main(["--db", str(db_path), "import", str(bad), "--allow-jumps"]) == 0
    revenue = next(r for r in PlanService(service.engine).indicator_rows() if r.code == "II.6.1")
    assert revenue.latest is not None and revenue.latest.value == 330_000


def test_the_plan_file_refuses_a_figure_beyond_the_bounds(tmp_path: Path) -> None:
    from kh65_desktop.storage.database import open_database
    from kh65_desktop.storage.plan_file import PlanFileError, load_plan

    source = Path(__file__).parent.parent / "resources" / "plans" / "kh65-2024.toml"
    text = source.read_text(encoding="utf-8").replace(
        'value = "6.220", text', 'value = "0", text', 1
    )
    bad = tmp_path / "bad.toml"
    bad.write_text(text.replace('code = "65/KH-UBND/2024"', 'code = "66/KH"', 1), "utf-8")
    engine = open_database(tmp_path / "kh65.db")
    from sqlmodel import Session

    with Session(engine) as session, pytest.raises(PlanFileError, match="II.6.1.*bằng 0"):
        load_plan(session, bad)


def test_a_new_indicator_is_checked_as_it_will_be(
    service: PlanService, edits: EditService, db_path: Path
) -> None:
    """The window's "new indicator" form builds the row with the enums' values as text."""
    plan = service.current_plan()
    group = next(g for g in service.groups(plan) if g.code == "II.5")
    before = fingerprint(db_path)
    row = Indicator(
        plan_id=plan.id,
        group_id=group.id,
        code="II.5.9",
        name="Số chợ\x00 xây mới",
        unit="chợ",
        kind="accumulating",  # type: ignore[arg-type]
        direction="higher",  # type: ignore[arg-type]
        target_form="value",  # type: ignore[arg-type]
        target_value=-12.0,
    )
    with pytest.raises(RuleError, match="Chỉ tiêu II.5.9: -12 là số âm"):
        edits.add_row(row)
    assert fingerprint(db_path) == before
    row.target_value = 12.0
    added = service.get(Indicator, edits.add_row(row))
    assert added is not None and added.name == "Số chợ xây mới"


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda c: c["tasks"][0].update(note="x" * 100_000), "Nhiệm vụ .*ghi chú: dài 100.000"),
        (lambda c: c["periods"].append({**c["periods"][0], "code": "K" * 5000}), "tối đa 50"),
        (lambda c: c["sender"].update(name="Sở\ud83d Tài chính"), "Tên đơn vị gửi: .*không hợp lệ"),
    ],
)
def test_texts_beyond_the_rules_in_a_package_are_refused(
    package: Path,
    change,
    message: str,  # type: ignore[no-untyped-def]
) -> None:
    with pytest.raises(ExchangeError, match=message):
        read_file(package_json(package, change), "Lan")


def test_texts_in_a_package_are_cleaned(package: Path) -> None:
    def change(content: dict) -> None:
        content["sender"]["name"] = "Sở Tài\nchính"
        content["tasks"][0]["note"] = "Đang\x00 làm\r\nxong 80%"

    data = read_file(package_json(package, change), "Lan")
    assert data.sender_name == "Sở Tài chính"
    assert data.tasks[0].note == "Đang làm\nxong 80%"


def test_the_plan_file_refuses_a_100_kb_name(tmp_path: Path) -> None:
    from sqlmodel import Session

    from kh65_desktop.storage.database import open_database
    from kh65_desktop.storage.plan_file import PlanFileError, load_plan

    source = Path(__file__).parent.parent / "resources" / "plans" / "kh65-2024.toml"
    text = source.read_text(encoding="utf-8").replace('code = "65/KH-UBND/2024"', 'code = "66"', 1)
    text = text.replace('name = "Thu nội địa"', f'name = "{"Thu " * 25_600}"', 1)
    bad = tmp_path / "bad.toml"
    bad.write_text(text, "utf-8")
    engine = open_database(tmp_path / "kh65.db")
    with Session(engine) as session, pytest.raises(PlanFileError, match="II.6.1: Tên: dài"):
        load_plan(session, bad)


def test_a_received_file_is_judged_by_each_indicator_and_district(service: PlanService) -> None:
    """The preview's review: what an indicator cannot have is refused, a jump over its own
    target or last figure is a warning — the district's target for a district's figure."""
    from datetime import UTC, datetime

    from sqlmodel import Session

    from kh65_desktop.exchange.data import ExchangeData, ValueData
    from kh65_desktop.services.figure_checks import review_import

    plan = service.current_plan()
    data = ExchangeData(plan.code, "STC", "Sở Tài chính", datetime.now(UTC))
    data.values = [
        ValueData("II.6.1", "2024-H1", None, -5.0),  # an amount below zero
        ValueData("I.1", "2024-H1", None, 9_999.0),  # a rate over 1000%
        ValueData("I.1", "2024-H1", None, -3.5),  # a growth rate may fall: fine
        ValueData("II.6.1", "2024-H1", None, 70_000.0),  # over 10× its target of 6.220
        ValueData("II.6.1", "2024-H1", None, 6_500.0),  # plausible
        ValueData("II.3.2", "2024-H1", "TCU", 400.0),  # over 10× Trà Cú's target of 35
        ValueData("II.3.2", "2024-H1", "TPTV", 120.0),  # within Trà Vinh city's 150
    ]
    with Session(service.engine) as session:
        review = review_import(session, plan, data)
    assert len(review.refusals) == 2
    assert "-5 là số âm" in review.refusals[0] and "II.6.1" in review.refusals[0]
    assert "9.999% vượt quá 1.000%" in review.refusals[1]
    assert len(review.warnings) == 2
    assert "70.000 lớn hơn 10 lần kế hoạch (6.220)" in review.warnings[0]
    assert (
        "địa bàn TCU" in review.warnings[1] and "lớn hơn 10 lần kế hoạch (35)" in review.warnings[1]
    )
