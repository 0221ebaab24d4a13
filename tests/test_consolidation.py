"""The consolidating office's side: who has reported for a period, approval, lock, reopen."""

from __future__ import annotations

import csv
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import Engine
from sqlmodel import Session, select

from kh65_desktop.domain.terms import PeriodKind
from kh65_desktop.exchange.data import ReviewData
from kh65_desktop.reports.builders import (
    ReportBuilder,
    ReportKind,
    ReportOptions,
    default_letterhead,
)
from kh65_desktop.services import approvals
from kh65_desktop.services.consolidation import (
    APPROVED_STATE,
    NOT_SENT,
    RETURNED_STATE,
    SENT,
    approved_agencies,
    due_date,
    period_status,
    set_due_date,
)
from kh65_desktop.services.editing import EditService, ValueKey, ValueState
from kh65_desktop.services.exchange import Action, ExchangeService, kept_summary
from kh65_desktop.services.exchange_files import export_file, read_file
from kh65_desktop.services.exchange_reviews import returned_to
from kh65_desktop.services.periods import PeriodService
from kh65_desktop.services.plan_service import PlanService
from kh65_desktop.services.reminders import reminder_text, write_reminder
from kh65_desktop.services.reporting_units import (
    AGENCY,
    LOCALITY,
    Unit,
    UnknownUnit,
    find_unit,
    reporting_units,
)
from kh65_desktop.storage.database import open_database
from kh65_desktop.storage.locks import LOCKED_LABEL, FiguresLocked
from kh65_desktop.storage.models import Agency, Indicator, IndicatorGroup, Period, Plan

from .db_content import fingerprint

pytestmark = pytest.mark.both_engines

OFFICE = "Trần Thị Duyệt"


def nine_months(engine: Engine, plan: Plan) -> Period:
    """A period with no figures yet (the built-in plan's own half-year has the document's)."""
    period_id = PeriodService(engine).add(
        {
            "plan_id": plan.id,
            "code": "2024-9T",
            "name": "9 tháng năm 2024",
            "kind": PeriodKind.NINE_MONTHS,
            "starts_on": date(2024, 1, 1),
            "ends_on": date(2024, 9, 30),
            "cutoff_on": date(2024, 9, 14),
        }
    )
    with Session(engine, expire_on_commit=False) as session:
        return session.get(Period, period_id)  # type: ignore[return-value]


def unit(engine: Engine, plan: Plan, kind: str, code: str) -> Unit:
    with Session(engine) as session:
        return find_unit(reporting_units(session, plan), kind, code)


def led_indicators(engine: Engine, plan: Plan, group_code: str) -> list[Indicator]:
    with Session(engine) as session:
        return list(
            session.exec(
                select(Indicator)
                .join(IndicatorGroup)
                .where(Indicator.plan_id == plan.id, IndicatorGroup.code == group_code)
            )
        )


def type_figure(engine: Engine, indicator: Indicator, period: Period, value: float, loc=None):  # type: ignore[no-untyped-def]
    EditService(engine).set_values(
        [(ValueKey(indicator.id, period.id, loc), ValueState(value))], "Lê Văn Nhập"
    )


def stored(engine: Engine, indicator: Indicator, period: Period, place: Unit) -> float | None:
    state = EditService(engine).value_state(ValueKey(indicator.id, period.id, place.id))
    return state.value if state else None


@pytest.fixture
def district(tmp_path: Path):  # type: ignore[no-untyped-def]
    engine = open_database(tmp_path / "district.db")
    yield engine
    engine.dispose()


def district_package(district: Engine, tmp_path: Path, value: float, name: str) -> Path:
    """Trà Cú's People's Committee sends its enterprise figure for 9 months."""
    service = PlanService(district)
    plan = service.current_plan()
    period = next((p for p in service.periods(plan) if p.code == "2024-9T"), None)
    period = period or nine_months(district, plan)
    enterprises = led_indicators(district, plan, "II.3")
    enterprises_2 = next(i for i in enterprises if i.code == "II.3.2")
    tra_cu = next(loc for loc in service.localities() if loc.code == "TCU")
    type_figure(district, enterprises_2, period, value, tra_cu.id)
    with Session(district) as session:
        sender = session.exec(select(Agency).where(Agency.code == "UBND-TCU")).one()
    return export_file(service, plan, sender, period, tmp_path / name)


def test_status_of_a_period_some_reported_some_late_some_not(
    engine: Engine, district: Engine, tmp_path: Path
) -> None:
    service = PlanService(engine)
    plan = service.current_plan()
    period = nine_months(engine, plan)
    # the social insurance agency types one of its figures; Trà Cú sends a package
    insurance = led_indicators(engine, plan, "II.1")
    type_figure(engine, insurance[0], period, 90.5)
    package = district_package(district, tmp_path, 21, "tra-cu.kh65")
    exchange = ExchangeService(engine)
    exchange.apply(plan, exchange.preview(plan, read_file(package, OFFICE)), OFFICE)

    assert due_date(period) == date(2024, 9, 18)  # cut-off 14/9 + 4 days (Decree 09)
    status = period_status(engine, plan, period, today=lambda: date(2024, 9, 20))
    rows = {(u.unit.kind, u.unit.code): u for u in status.units}
    bhxh = rows[(AGENCY, "BHXH")]
    assert (bhxh.expected, bhxh.received, bhxh.state) == (len(insurance), 1, SENT)
    assert not bhxh.late
    tra_cu = rows[(LOCALITY, "TCU")]
    assert (tra_cu.expected, tra_cu.received, tra_cu.state) == (1, 1, SENT)
    assert tra_cu.last_package is not None
    assert tra_cu.last_package.file_name == "tra-cu.kh65"
    assert tra_cu.last_package.sender == "Ủy ban nhân dân huyện Trà Cú"
    statistics = rows[(AGENCY, "CTK")]
    assert (statistics.received, statistics.state, statistics.days_left) == (0, NOT_SENT, -2)
    assert statistics.late and statistics.days_text == "trễ 2 ngày"
    cang_long = rows[(LOCALITY, "CL")]
    assert cang_long.state == NOT_SENT and cang_long.late
    # before the due date nobody is late
    early = period_status(engine, plan, period, today=lambda: date(2024, 9, 15))
    assert not any(u.late for u in early.units)
    assert {u.days_text for u in early.units} == {"còn 3 ngày"}
    # the office sets another due date
    set_due_date(engine, period.id, date(2024, 9, 25))
    with Session(engine) as session:
        period = session.get(Period, period.id)
    later = period_status(engine, plan, period, today=lambda: date(2024, 9, 20))
    assert later.due_on == date(2024, 9, 25) and not any(u.late for u in later.units)
    # the reminder list: units not reported, nobody that did
    text = reminder_text(status)
    assert "Cục Thống kê" in text and "Huyện Càng Long" in text and "Trà Cú" not in text
    assert "trễ 2 ngày" in text and "18/9/2024" in text
    names = {u.unit.name for u in status.not_reported}
    sheet = openpyxl.load_workbook(write_reminder(status, tmp_path / "nhac.xlsx")).active
    assert {row[1] for row in sheet.iter_rows(min_row=3, values_only=True)} == names
    with write_reminder(status, tmp_path / "nhac.csv").open(encoding="utf-8-sig") as f:
        assert {row[1] for row in list(csv.reader(f))[1:]} == names


def test_approve_locks_the_figures_everywhere_until_reopened(
    engine: Engine, district: Engine, tmp_path: Path
) -> None:
    service = PlanService(engine)
    plan = service.current_plan()
    period = nine_months(engine, plan)
    enterprises = next(i for i in led_indicators(engine, plan, "II.3") if i.code == "II.3.2")
    tra_cu = unit(engine, plan, LOCALITY, "TCU")
    first = district_package(district, tmp_path, 21, "lan-1.kh65")
    exchange = ExchangeService(engine)
    old_import = exchange.apply(plan, exchange.preview(plan, read_file(first, OFFICE)), OFFICE)

    approvals.approve(engine, tra_cu, period, OFFICE)
    status = period_status(engine, plan, period, today=lambda: date(2024, 9, 20))
    assert next(u for u in status.units if u.unit == tra_cu).state == APPROVED_STATE
    # a typed edit is refused, naming who approved and how to reopen; nothing written
    before = fingerprint(engine)
    with pytest.raises(FiguresLocked) as refused:
        type_figure(engine, enterprises, period, 30, tra_cu.id)
    message = str(refused.value)
    assert OFFICE in message and "Huyện Trà Cú" in message and "Mở lại" in message
    assert fingerprint(engine) == before
    # another locality's figure is not locked
    cang_long = unit(engine, plan, LOCALITY, "CL")
    type_figure(engine, enterprises, period, 5, cang_long.id)
    before = fingerprint(engine)
    # an import into the locked period shows the row as locked, and writes nothing
    second = district_package(district, tmp_path, 25, "lan-2.kh65")
    preview = exchange.preview(plan, read_file(second, OFFICE))
    row = next(r for r in preview.rows if r.kind == "value" and r.code == "II.3.2")
    assert row.action is Action.REFUSED and row.reason.startswith(LOCKED_LABEL)
    assert OFFICE in row.reason and preview.locked == 1
    assert "1 số liệu đã được duyệt và đang khóa" in kept_summary(preview)
    exchange.apply(plan, preview, OFFICE)
    assert stored(engine, enterprises, period, tra_cu) == 21
    # undoing the old import leaves the approved figure as approved
    exchange.undo(old_import.id, OFFICE)
    assert stored(engine, enterprises, period, tra_cu) == 21
    # a reopen needs a reason
    with pytest.raises(approvals.DecisionRefused, match="lý do"):
        approvals.reopen(engine, tra_cu, period, "  ", OFFICE)
    approvals.reopen(engine, tra_cu, period, "Huyện báo số mới", OFFICE)
    log = approvals.decisions(engine, plan.id, period.id)
    assert [(d.state, d.comment, d.by) for d in log] == [
        ("approved", "", OFFICE),
        ("reopened", "Huyện báo số mới", OFFICE),
    ]
    assert "Huyện báo số mới" in log[-1].line and "Huyện Trà Cú" in log[-1].line
    # then the import writes
    preview = exchange.preview(plan, read_file(second, OFFICE))
    exchange.apply(plan, preview, OFFICE)
    assert stored(engine, enterprises, period, tra_cu) == 25


def test_an_agency_approval_locks_the_indicators_it_leads(engine: Engine) -> None:
    plan = PlanService(engine).current_plan()
    period = nine_months(engine, plan)
    insurance = led_indicators(engine, plan, "II.1")
    statistics = led_indicators(engine, plan, "II.2")
    bhxh = unit(engine, plan, AGENCY, "BHXH")
    approvals.approve(engine, bhxh, period, OFFICE, datetime(2024, 9, 19, 2, 0, tzinfo=UTC))
    before = fingerprint(engine)
    with pytest.raises(FiguresLocked, match="Bảo hiểm xã hội"):
        # several figures in one write (the period form): all refused, none written
        EditService(engine).set_values(
            [
                (ValueKey(statistics[0].id, period.id), ValueState(1)),
                (ValueKey(insurance[0].id, period.id), ValueState(2)),
            ],
            "Lê Văn Nhập",
        )
    assert fingerprint(engine) == before
    type_figure(engine, statistics[0], period, 1)  # not the approved agency's
    # approving twice, or returning an approved unit, is refused
    with pytest.raises(approvals.DecisionRefused, match="rồi"):
        approvals.approve(engine, bhxh, period, OFFICE)
    with pytest.raises(approvals.DecisionRefused, match="mở lại"):
        approvals.return_(engine, bhxh, period, "Thiếu số liệu", OFFICE)


def test_return_needs_a_comment_and_shows_it(engine: Engine) -> None:
    plan = PlanService(engine).current_plan()
    period = nine_months(engine, plan)
    ctk = unit(engine, plan, AGENCY, "Cục Thống kê tỉnh")
    with pytest.raises(approvals.DecisionRefused, match="nhận xét"):
        approvals.return_(engine, ctk, period, "", OFFICE)
    approvals.return_(engine, ctk, period, "Thiếu số liệu GRDP quý III", OFFICE)
    status = period_status(engine, plan, period, today=lambda: date(2024, 9, 20))
    row = next(u for u in status.units if u.unit == ctk)
    assert (row.state, row.comment, row.decided_by) == (
        RETURNED_STATE,
        "Thiếu số liệu GRDP quý III",
        OFFICE,
    )
    assert row in status.not_reported
    # the window's undo takes the decision back while it is the latest
    last = approvals.decisions(engine, plan.id, period.id)[-1]
    approvals.withdraw(engine, last.id)
    assert approvals.decisions(engine, plan.id, period.id) == []


def test_unknown_unit_names_close_matches(engine: Engine) -> None:
    plan = PlanService(engine).current_plan()
    with Session(engine) as session:
        units = reporting_units(session, plan)
    with pytest.raises(UnknownUnit, match="Cục Thống kê tỉnh"):
        find_unit(units, AGENCY, "Cuc Thong kee")
    with pytest.raises(UnknownUnit, match="Có phải: .*Sở"):
        find_unit(units, AGENCY, "Sở")  # names several: refused, with some of them
    assert find_unit(units, AGENCY, "cuc thong ke tinh").code == "CTK"
    assert find_unit(units, AGENCY, "Cục Thống kê").code == "CTK"  # the only one
    assert find_unit(units, LOCALITY, "tcu").name == "Huyện Trà Cú"


def test_a_return_travels_to_the_agency_in_the_next_package(
    engine: Engine, district: Engine, tmp_path: Path
) -> None:
    office = PlanService(engine)
    plan = office.current_plan()
    half_year = office.periods(plan)[0]
    tra_cu = unit(engine, plan, LOCALITY, "TCU")
    approvals.return_(engine, tra_cu, half_year, "Số doanh nghiệp chưa khớp Cục Thuế", OFFICE)
    with Session(engine) as session:
        planners = session.exec(select(Agency).where(Agency.code == plan.owner_code)).one()
    package = export_file(office, plan, planners, half_year, tmp_path / "so-khdt.kh65")
    # sent: the next package does not carry it again
    assert approvals.decisions(engine, plan.id, half_year.id)[-1].sent_at is not None
    again = export_file(office, plan, planners, half_year, tmp_path / "lan-2.kh65")
    assert read_file(again, OFFICE).reviews == []

    # at the district: the import shows the return, and stores it
    exchange = ExchangeService(district)
    district_plan = PlanService(district).current_plan()
    preview = exchange.preview(district_plan, read_file(package, "Lê Văn Tám"))
    row = next(r for r in preview.rows if r.kind == "review")
    sentence = (
        "Sở Kế hoạch và Đầu tư trả lại số liệu kỳ 6 tháng đầu năm 2024: "
        "Số doanh nghiệp chưa khớp Cục Thuế"
    )
    assert (row.action, row.name, row.locality) == (Action.ADD, sentence, "Huyện Trà Cú")
    log = exchange.apply(district_plan, preview, "Lê Văn Tám")
    with Session(district) as session:
        district_agency = session.exec(select(Agency).where(Agency.code == "UBND-TCU")).one()
    assert returned_to(district, district_agency.id) == [
        ("6 tháng đầu năm 2024", "Số doanh nghiệp chưa khớp Cục Thuế")
    ]
    status = period_status(district, district_plan, half_year, today=lambda: date(2024, 6, 20))
    row_status = next(u for u in status.units if u.unit.code == "TCU")
    assert row_status.state == RETURNED_STATE
    assert row_status.comment == "Số doanh nghiệp chưa khớp Cục Thuế"
    # importing it again changes nothing; undoing the import takes the return away
    assert exchange.preview(district_plan, read_file(package, "Lê Văn Tám")).changes_nothing
    exchange.undo(log.id, "Lê Văn Tám")
    assert returned_to(district, district_agency.id) == []


def test_only_the_consolidating_office_may_send_returns(
    engine: Engine, district: Engine, tmp_path: Path
) -> None:
    """A district's database holding a return (received) never sends it on; a package from
    another office carrying one has it refused."""
    plan = PlanService(engine).current_plan()
    half_year = PlanService(engine).periods(plan)[0]
    approvals.return_(engine, unit(engine, plan, AGENCY, "CTK"), half_year, "Thiếu", OFFICE)
    with Session(engine) as session:
        statistics = session.exec(select(Agency).where(Agency.code == "CTK")).one()
    package = export_file(PlanService(engine), plan, statistics, half_year, tmp_path / "ctk.kh65")
    assert read_file(package, OFFICE).reviews == []  # not the owner: nothing carried
    data = read_file(package, OFFICE)
    data.reviews = [ReviewData("2024-H1", "CTK", None, "returned", "Giả mạo", "X", None)]
    rows = ExchangeService(district).preview(PlanService(district).current_plan(), data).rows
    row = next(r for r in rows if r.kind == "review")
    assert row.action is Action.REFUSED and "cơ quan tổng hợp" in row.reason


def test_the_province_report_from_approved_figures_only(engine: Engine) -> None:
    service = PlanService(engine)
    plan = service.current_plan()
    half_year = service.periods(plan)[0]
    approvals.approve(engine, unit(engine, plan, AGENCY, "CTK"), half_year, OFFICE)
    approvals.approve(engine, unit(engine, plan, AGENCY, "BHXH"), half_year, OFFICE)
    approvals.reopen(engine, unit(engine, plan, AGENCY, "BHXH"), half_year, "Sửa", OFFICE)
    approved = approved_agencies(engine, half_year.id)
    with Session(engine) as session:
        ctk = session.exec(select(Agency).where(Agency.code == "CTK")).one()
    assert approved == {ctk.id}  # the reopened one no longer counts
    head = default_letterhead(plan, ReportKind.PROVINCE, None, half_year, date(2024, 7, 20))
    builder = ReportBuilder(service, plan, date(2024, 7, 20))
    options = ReportOptions(ReportKind.PROVINCE, head, None, half_year, approved_leads=approved)
    rows = builder.rows_for(options)
    assert {r.code for r in rows if r.lead_ids} == {
        i.code for i in led_indicators(engine, plan, "II.2")
    }
    assert any(not r.lead_ids for r in rows)  # the office's own, unassigned indicators stay
    everything = builder.rows_for(replace(options, approved_leads=None))
    assert len(everything) > len(rows)
