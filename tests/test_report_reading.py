"""The reports read as a department head reads them (issue 13, the pages looked at): the
letterhead inside its column, figures and phrases as a person writes them, statuses
judged at the cut-off. Read back from the real PDF."""

from __future__ import annotations

import math
from datetime import date
from pathlib import Path

import pdfplumber

from kh65_desktop.domain.progress import months_between
from kh65_desktop.reports.builders import (
    ReportKind,
    ReportOptions,
    consolidating_office,
    default_letterhead,
)
from kh65_desktop.reports.produce import write_report
from kh65_desktop.services.plan_copy import NewPlan, copy_plan
from kh65_desktop.services.plan_service import PlanService
from kh65_desktop.services.reorg import ReorgService
from kh65_desktop.services.report_chart import report_chart

from .test_reorg import REORG
from .test_report_content import MM, WRITTEN, make_options, table_rows, whole

LEFT = 30 * MM


def test_a_long_agency_name_is_broken_inside_its_letterhead_column(
    service: PlanService, tmp_path: Path
) -> None:
    options = make_options(service, ReportKind.AGENCY, "SLDTBXH")
    path = write_report(service, options, tmp_path / "ld.pdf", today=WRITTEN)
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        bold = [c for c in page.chars if "Bold" in c["fontname"] and c["top"] < 50 * MM]
        left_column = [c for c in bold if c["x0"] < LEFT + 70 * MM - 20]
        lines = page.crop((0, 0, LEFT + 70 * MM, 50 * MM)).extract_text().splitlines()
    assert min(c["x0"] for c in left_column) >= LEFT
    assert max(c["x1"] for c in left_column) <= LEFT + 70 * MM
    assert "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI" in " ".join(line.strip() for line in lines)


def test_rates_and_paces_as_a_person_writes_them(service: PlanService, tmp_path: Path) -> None:
    options = make_options(service, ReportKind.PROVINCE, include_tasks=False)
    path = write_report(service, options, tmp_path / "all.pdf", today=WRITTEN)
    text = whole(path)
    # a whole rate is "100%", never "100,00%"; others keep two decimals
    assert "100,00" not in text
    pupils = next(r for r in table_rows(path) if r[1].startswith("Tỷ lệ học sinh đi học trong"))
    assert pupils[4:6] == ["100", "100*"]  # the share as the document states it
    assert "83,50%, còn thấp hơn chỉ tiêu kế hoạch 11,45 điểm phần trăm; bình quân" in text
    # the gap to the target is said once, not again as "còn phải tăng thêm"
    assert "còn phải tăng thêm 11,45" not in text
    # a list item starts with a capital, "Trong đó" too
    assert "- Trong đó, tỷ lệ tham gia bảo hiểm xã hội tự nguyện" in text
    assert "- trong đó" not in text


def test_the_pace_is_counted_from_the_cutoff_in_whole_units(
    service: PlanService, tmp_path: Path
) -> None:
    """288 enterprises still to found after the 14/6/2024 cut-off: over the 6,5 months left
    that is 45 a month (not 44,08 enterprises, nor 48 as if counted from 30/6)."""
    plan = service.current_plan()
    left = months_between(plan.starts_on, plan.ends_on) - months_between(
        plan.starts_on, date(2024, 6, 14)
    )
    options = make_options(service, ReportKind.AGENCY, "SKHDT")
    text = whole(write_report(service, options, tmp_path / "kh.pdf", today=WRITTEN))
    assert math.ceil(288 / left) == 45
    assert "còn phải thực hiện 288 doanh nghiệp, bình quân mỗi tháng cần 45 doanh nghiệp" in text


def test_progress_is_judged_at_the_periods_cutoff(service: PlanService) -> None:
    """Where a share of plan should be by now is counted to the cut-off (14/6), as the
    tasks are, not to the period's last day."""
    plan = service.current_plan()
    period = service.periods(plan)[-1]
    assert period.cutoff_on == date(2024, 6, 14)
    row = next(r for r in service.indicator_rows(plan, period) if r.name == "Thu nội địa")
    share = months_between(plan.starts_on, period.cutoff_on) / months_between(
        plan.starts_on, plan.ends_on
    )
    assert row.progress.expected_percent is not None
    assert abs(row.progress.expected_percent - share * 100) < 1e-6


def test_indicators_without_figures_are_listed_in_a_sentence(
    service: PlanService, tmp_path: Path
) -> None:
    options = make_options(service, ReportKind.AGENCY, "SLDTBXH")
    text = whole(write_report(service, options, tmp_path / "ld.pdf", today=WRITTEN))
    assert "Chưa có số liệu 6 tháng đầu năm 2024 của: tỷ lệ lao động nông nghiệp" in text
    assert "tỷ lệ lao động qua đào tạo, trong đó có văn bằng chứng chỉ" in text
    assert "; Trong đó:" not in text


def _plan_2026_after_the_reorganisation(service: PlanService):  # type: ignore[no-untyped-def]
    service_reorg = ReorgService(service.engine)
    service_reorg.apply(service_reorg.read(REORG), "Nguyễn Văn A")
    new = NewPlan("9/KH-UBND/2026", "9/KH-UBND", 2026, date(2026, 1, 15))
    return copy_plan(service.engine, "65/KH-UBND/2024", new, entered_by="Nguyễn Văn A").plan


def test_a_plan_made_after_the_provinces_merged_is_the_merged_provinces(
    service: PlanService, tmp_path: Path
) -> None:
    """Trà Vinh is part of Vĩnh Long from 1/7/2025: the 2026 plan made from plan 65 is the
    Vĩnh Long committee's, and its reports say so in the letterhead, the date line and the
    closing; the province report is Sở Tài chính's (Sở Kế hoạch và Đầu tư merged into it)."""
    plan = _plan_2026_after_the_reorganisation(service)
    assert (plan.place, plan.issuing_body) == ("Vĩnh Long", "Ủy ban nhân dân tỉnh Vĩnh Long")
    period = service.periods(plan)[-1]
    office = consolidating_office(service, plan, period)
    head = default_letterhead(plan, ReportKind.PROVINCE, None, period, date(2026, 12, 20), office)
    options = ReportOptions(ReportKind.PROVINCE, head, None, period)
    path = tmp_path / "tinh.pdf"
    write_report(service, options, path, today=date(2026, 12, 20), plan=plan)
    with pdfplumber.open(path) as pdf:
        first = [" ".join(line.split()) for line in pdf.pages[0].extract_text().splitlines()]
    assert first[0].startswith("UBND TỈNH VĨNH LONG ")
    assert first[1].startswith("SỞ TÀI CHÍNH ")
    assert any(line.endswith(" Vĩnh Long, ngày 20 tháng 12 năm 2026") for line in first[:4])
    text = whole(path)
    assert "nhân dân tỉnh Trà Vinh" not in text and "TRÀ VINH" not in text
    assert "Sở Tài chính báo cáo kết quả thực hiện năm 2026 như sau:" in text
    # a year without figures or targets: one sentence, no table of blanks
    assert "Các chỉ tiêu của kế hoạch chưa có số liệu năm 2026; chỉ tiêu kế hoạch năm" in text
    assert "Chưa đủ số liệu" not in text and "chưa đủ số liệu" not in text
    assert "Trên đây là báo cáo kết quả thực hiện Kế hoạch số 9/KH-UBND ngày 15/01/2026 của" in text
    assert "Ủy ban nhân dân tỉnh Vĩnh Long, Sở Tài chính báo cáo" in text


def test_a_column_heading_breaks_between_its_words_that_belong_apart(
    service: PlanService, tmp_path: Path
) -> None:
    options = make_options(service, ReportKind.PROVINCE)
    path = write_report(service, options, tmp_path / "all.pdf", today=WRITTEN)
    header = next(r for r in table_rows(path, raw=True) if r[0] == "STT" and "Thời hạn" in r)
    assert header[2] == "Cơ quan\nchủ trì"  # not "Cơ quan chủ" over "trì"


def test_the_printed_chart_names_the_tables_column_and_prints_rates_as_the_table(
    service: PlanService,
) -> None:
    chart = report_chart(service.indicator_rows(), by_agency=True)
    assert "“So với kế hoạch (%)”" in chart.axis_title  # the column's real title
    whole_rates = [e for e in chart.entries if e.percent == 100 and not e.stated]
    assert whole_rates and all(e.text == "100%" for e in whole_rates)
