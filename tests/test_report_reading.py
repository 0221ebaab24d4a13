"""The reports read as a department head reads them (issue 13, the pages looked at): the
letterhead inside its column, figures and phrases as a person writes them, statuses
judged at the cut-off. Read back from the real PDF."""

from __future__ import annotations

import math
from datetime import date
from pathlib import Path

import pdfplumber

from kh65_desktop.domain.progress import months_between
from kh65_desktop.reports.builders import ReportKind
from kh65_desktop.reports.produce import write_report
from kh65_desktop.services.plan_service import PlanService

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
