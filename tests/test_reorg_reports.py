"""Reports name agencies as they were at the period's end: a rename, a merge and a split,
each before and after the 2025 reorganisation."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine
from sqlmodel import Session, select

from kh65_desktop.reports.builders import (
    ReportBuilder,
    ReportKind,
    ReportOptions,
    default_letterhead,
)
from kh65_desktop.reports.document import Paragraph, Report
from kh65_desktop.services.organisations import history, named_for, planning_office_name
from kh65_desktop.services.plan_copy import NewPlan, copy_plan
from kh65_desktop.services.plan_service import PlanService
from kh65_desktop.services.province_names import issuer_for_year
from kh65_desktop.services.reorg import ReorgService
from kh65_desktop.storage.models import Agency, IndicatorGroup, Plan

from .test_reorg import REORG, add_plan_2026

TODAY = date(2026, 7, 1)


def agency_report(service: PlanService, plan_code: str, agency_code: str) -> Report:
    """The agency report of the plan's last period, as the report dialog prefills it."""
    with Session(service.engine, expire_on_commit=False) as session:
        plan = session.exec(select(Plan).where(Plan.code == plan_code)).one()
        agency = session.exec(select(Agency).where(Agency.code == agency_code)).one()
    period = service.periods(plan)[-1]
    named = named_for(service.engine, agency, plan, period)
    office = planning_office_name(service.engine, plan, period)
    head = default_letterhead(plan, ReportKind.AGENCY, named, period, TODAY, office)
    options = ReportOptions(ReportKind.AGENCY, head, agency, period)
    return ReportBuilder(service, plan, TODAY).build(options)


def opening(report: Report) -> str:
    return next(p.text for p in report.parts if isinstance(p, Paragraph) and "báo cáo" in p.text)


def indicator_codes(service: PlanService, plan_code: str, agency_code: str) -> list[str]:
    with Session(service.engine) as session:
        plan = session.exec(select(Plan).where(Plan.code == plan_code)).one()
        agency = session.exec(select(Agency).where(Agency.code == agency_code)).one()
    return [r.code for r in service.indicator_rows(plan) if agency.id in r.lead_ids]


def apply(engine: Engine) -> None:
    service = ReorgService(engine)
    service.apply(service.read(REORG), "Nguyễn Văn A")


def test_a_renamed_agency_keeps_its_old_name_in_reports_before_the_rename(
    engine: Engine, service: PlanService
) -> None:
    add_plan_2026(engine, "BDT", "II.11", (("II.11.1", "Xã đạt chuẩn nông thôn mới"),))
    apply(engine)
    before = agency_report(service, "65/KH-UBND/2024", "BDT")
    assert before.letterhead.issuing_body == "BAN DÂN TỘC"
    assert ", Ban Dân tộc báo cáo kết quả" in opening(before)
    after = agency_report(service, "TEST/2026", "BDT")
    assert after.letterhead.issuing_body == "SỞ DÂN TỘC VÀ TÔN GIÁO"
    assert ", Sở Dân tộc và Tôn giáo báo cáo kết quả" in opening(after)


def test_a_merged_agency_reports_under_its_name_before_and_its_successor_after(
    engine: Engine, service: PlanService
) -> None:
    add_plan_2026(engine)  # its group II.3 led by Sở Kế hoạch và Đầu tư, the plan owned by it
    apply(engine)
    before = agency_report(service, "65/KH-UBND/2024", "SKHDT")
    assert before.letterhead.issuing_body == "SỞ KẾ HOẠCH VÀ ĐẦU TƯ"
    assert ", Sở Kế hoạch và Đầu tư báo cáo kết quả" in opening(before)
    assert "II.3.1" in indicator_codes(service, "65/KH-UBND/2024", "SKHDT")
    after = agency_report(service, "TEST/2026", "STC")
    assert after.letterhead.issuing_body == "SỞ TÀI CHÍNH"
    assert ", Sở Tài chính báo cáo kết quả" in opening(after)
    assert indicator_codes(service, "TEST/2026", "STC") == ["II.3.1"]
    assert indicator_codes(service, "TEST/2026", "SKHDT") == []
    # the province report of the later plan comes from the owner's successor
    with Session(engine, expire_on_commit=False) as session:
        plan = session.exec(select(Plan).where(Plan.code == "TEST/2026")).one()
    period = service.periods(plan)[-1]
    office = planning_office_name(engine, plan, period)
    head = default_letterhead(plan, ReportKind.PROVINCE, None, period, TODAY, office)
    province = ReportBuilder(service, plan, TODAY).build(
        ReportOptions(ReportKind.PROVINCE, head, None, period)
    )
    assert ", Sở Tài chính báo cáo kết quả" in opening(province)
    assert province.letterhead.issuing_body == "SỞ TÀI CHÍNH"
    # the consolidating office of its time reports to the People's Committee (plan 65's
    # owner before, its successor after), another agency to that office
    assert before.letterhead.recipients == ["Ủy ban nhân dân tỉnh"]
    assert after.letterhead.recipients == ["Ủy ban nhân dân tỉnh"]
    tax = agency_report(service, "65/KH-UBND/2024", "CTHUE")
    assert tax.letterhead.recipients == ["Sở Kế hoạch và Đầu tư"]


def test_a_split_agency_reports_before_and_each_successor_takes_its_items_after(
    engine: Engine, service: PlanService
) -> None:
    apply(engine)
    before = agency_report(service, "65/KH-UBND/2024", "SLDTBXH")
    assert before.letterhead.issuing_body == "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"
    assert ", Sở Lao động - Thương binh và Xã hội báo cáo kết quả" in opening(before)
    assert "II.9.2" in indicator_codes(service, "65/KH-UBND/2024", "SLDTBXH")
    # a 2026 plan made from plan 65 gives group II.9 the successors the split names for
    # its indicators (the hook services/plan_copy.py calls)
    leads = history(engine).group_successors(
        "SLDTBXH", date(2026, 1, 1), "65/KH-UBND/2024", "II.9", [("II.9.2",), ("II.9.4",)]
    )
    assert leads == ["SGDDT", "SNNMT"]
    add_plan_2026(
        engine,
        leads,
        "II.9",
        (("II.9.2", "Tỷ lệ lao động qua đào tạo"), ("II.9.4", "Tỷ lệ hộ nghèo giảm")),
    )
    after = agency_report(service, "TEST/2026", "SGDDT")
    assert after.letterhead.issuing_body == "SỞ GIÁO DỤC VÀ ĐÀO TẠO"
    assert ", Sở Giáo dục và Đào tạo báo cáo kết quả" in opening(after)
    assert "II.9.2" in indicator_codes(service, "TEST/2026", "SGDDT")
    assert "II.9.4" in indicator_codes(service, "TEST/2026", "SNNMT")
    assert indicator_codes(service, "TEST/2026", "SLDTBXH") == []


def test_the_window_rows_name_agencies_as_at_their_plans_end(
    engine: Engine, service: PlanService
) -> None:
    """The indicator and task tables (and the overview's lists built on them) say "Ban Dân
    tộc" in plan 65 after the rename, "Sở Dân tộc và Tôn giáo" in the 2026 plan made from it."""
    apply(engine)
    new = copy_plan(
        engine, "65/KH-UBND/2024", NewPlan("9/KH-UBND/2026", "9/KH-UBND", 2026, date(2026, 1, 15))
    ).plan
    with Session(engine) as session:
        old = session.exec(select(Plan).where(Plan.code == "65/KH-UBND/2024")).one()

    def names(plan: Plan) -> tuple[set[str], set[str], set[str]]:
        rows = service.indicator_rows(plan)
        tasks = service.tasks(plan, TODAY)
        return (
            {n for r in rows if r.code == "II.11.1" for n in r.lead},
            {n for t in tasks for n in t.lead},
            {heading for heading, _ in service.rows_by_lead_agency(plan)},
        )

    lead, task_leads, headings = names(old)
    assert lead == {"Ban Dân tộc"}
    assert "Ban Dân tộc" in task_leads and "Sở Kế hoạch và Đầu tư" in headings
    assert "Sở Dân tộc và Tôn giáo" not in task_leads | headings
    lead, task_leads, headings = names(new)
    assert lead == {"Sở Dân tộc và Tôn giáo"}
    assert "Sở Dân tộc và Tôn giáo" in task_leads and "Sở Tài chính" in headings
    assert not {"Ban Dân tộc", "Sở Kế hoạch và Đầu tư"} & (task_leads | headings)


def test_a_group_headed_by_its_leads_name_is_headed_by_the_new_leads_in_the_2026_plan(
    engine: Engine,
) -> None:
    apply(engine)
    copy_plan(
        engine, "65/KH-UBND/2024", NewPlan("9/KH-UBND/2026", "9/KH-UBND", 2026, date(2026, 1, 15))
    )

    def headings(plan_code: str) -> dict[str, str]:
        with Session(engine) as session:
            plan = session.exec(select(Plan).where(Plan.code == plan_code)).one()
            return {
                g.code: g.heading
                for g in session.exec(
                    select(IndicatorGroup).where(IndicatorGroup.plan_id == plan.id)
                )
            }

    old, new = headings("65/KH-UBND/2024"), headings("9/KH-UBND/2026")
    assert old["II.11"] == "Ban Dân tộc" and new["II.11"] == "Sở Dân tộc và Tôn giáo"
    assert old["II.10"] == "Sở Tài nguyên và Môi trường"
    assert new["II.10"] == "Sở Nông nghiệp và Môi trường"
    assert "Sở Lao động" not in new["II.9"]
    # a heading that is not just its leads' names stays as the plan wrote it
    assert new["II.6"] == old["II.6"] == "Sở Tài chính và Cục Thuế tỉnh"
    assert new["II.7"] == old["II.7"] == "Sở Xây dựng"
    assert new["II.3"] == old["II.3"]


def test_next_years_plan_after_the_province_merger_is_issued_by_the_new_province(
    engine: Engine,
) -> None:
    """Plan 65 is issued by "Ủy ban nhân dân tỉnh Trà Vinh"; after the 1/7/2025 merger a 2026
    plan made from it is issued by the People's Committee of Vĩnh Long, dated in Vĩnh Long
    (a 2025 plan, made for a year that began before the merger, keeps Trà Vinh)."""
    made = copy_plan(
        engine, "65/KH-UBND/2024", NewPlan("A/2026", "1/KH-UBND", 2026, date(2026, 1, 15))
    ).plan
    assert (made.issuing_body, made.place) == ("Ủy ban nhân dân tỉnh Trà Vinh", "Trà Vinh")
    apply(engine)
    made = copy_plan(
        engine, "65/KH-UBND/2024", NewPlan("B/2026", "9/KH-UBND", 2026, date(2026, 1, 15))
    ).plan
    assert (made.issuing_body, made.place) == ("Ủy ban nhân dân tỉnh Vĩnh Long", "Vĩnh Long")
    early = copy_plan(
        engine, "65/KH-UBND/2024", NewPlan("C/2025", "2/KH-UBND", 2025, date(2025, 1, 15))
    ).plan
    assert early.issuing_body == "Ủy ban nhân dân tỉnh Trà Vinh"
    # the window's dialog offers the same
    with Session(engine) as session:
        old = session.exec(select(Plan).where(Plan.code == "C/2025")).one()
    assert issuer_for_year(engine, old, 2026) == ("Ủy ban nhân dân tỉnh Vĩnh Long", "Vĩnh Long")
