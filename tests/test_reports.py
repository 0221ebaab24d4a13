"""Reports read back from the PDF and the Word file: the official form, rule by rule."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pdfplumber
import pytest
from docx import Document

from kh65_desktop.domain.terms import Direction, IndicatorKind, TargetForm
from kh65_desktop.reports.builders import (
    ReportKind,
    ReportOptions,
    consolidating_office,
    default_letterhead,
    indicator_table,
)
from kh65_desktop.reports.produce import ReportError, write_report
from kh65_desktop.services.editing import EditService, ValueKey
from kh65_desktop.services.plan_service import PlanService
from kh65_desktop.storage.models import Agency, Indicator
from tests.layout_checks import (
    assert_a4_within_margins,
    assert_header_row_on_every_table_page,
    assert_letterhead,
    assert_page_numbers,
    assert_report_fonts_embedded,
    body_chars,
)

ISSUED = date(2024, 10, 5)


def options(
    service: PlanService, kind: ReportKind, agency_code: str | None = None, **extra: object
) -> ReportOptions:
    plan = service.current_plan()
    agency = next(
        (service.get(Agency, a.id) for a in service.agencies(plan) if a.code == agency_code), None
    )
    period = service.periods(plan)[-1]
    office = consolidating_office(service, plan)
    head = default_letterhead(plan, kind, agency, period, ISSUED, office=office)
    head.number, head.signer_name = "3", "Nguyễn Văn An"
    return ReportOptions(kind, head, agency, period, **extra)  # type: ignore[arg-type]


@pytest.fixture
def agency_pdf(service: PlanService, tmp_path: Path) -> Path:
    return write_report(
        service,
        options(service, ReportKind.AGENCY, "SKHDT"),
        tmp_path / "skhdt.pdf",
        today=date(2024, 7, 20),
    )


def test_official_form_of_an_agency_report(agency_pdf: Path) -> None:
    with pdfplumber.open(agency_pdf) as pdf:
        first = pdf.pages[0]
        assert_letterhead(first, "SỞ KẾ HOẠCH VÀ ĐẦU TƯ")
        text = first.extract_text()
        for expected in (
            "UBND TỈNH TRÀ VINH",
            "SỞ KẾ HOẠCH VÀ ĐẦU TƯ",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Số: 03/BC-SKHĐT",
            "Trà Vinh, ngày 05 tháng 10 năm 2024",
            "BÁO CÁO",
            "Kính gửi: Ủy ban nhân dân tỉnh.",  # the consolidating office's own report
            "Thực hiện Kế hoạch số 65/KH-UBND ngày 04 tháng 7 năm 2024",
        ):
            assert expected in text, expected
        assert "Kết quả thực hiện Kế hoạch số 65/KH-UBND ngày 04/7/2024 của UBND" in text
        whole = "\n".join(p.extract_text() for p in pdf.pages)
        assert "Nơi nhận:" in whole and "Nguyễn Văn An" in whole and "KT. GIÁM ĐỐC" in whole
        assert "- Lưu: VT, TH." in whole and "./." in whole
        assert "Giải ngân kế hoạch vốn đầu tư công" in whole and "2.193,81" in whole
        # the place and date are italic, the issuing body bold
        italic = "".join(c["text"] for c in first.chars if c["fontname"].endswith("Italic"))
        assert "TràVinh,ngày05tháng10năm2024" in italic.replace(" ", "")
        bold = "".join(c["text"] for c in first.chars if c["fontname"].endswith("Bold"))
        assert "SỞKẾHOẠCHVÀĐẦUTƯ" in bold.replace(" ", "")


def test_page_size_margins_and_embedded_fonts(service: PlanService, tmp_path: Path) -> None:
    path = write_report(
        service,
        options(service, ReportKind.PROVINCE),
        tmp_path / "all.pdf",
        today=date(2024, 7, 20),
    )
    with pdfplumber.open(path) as pdf:
        assert len(pdf.pages) > 3
        assert_a4_within_margins(pdf)
        assert_report_fonts_embedded(path, pdf)


def test_page_numbers_from_page_two_centred_in_the_top_margin(
    service: PlanService, tmp_path: Path
) -> None:
    path = write_report(service, options(service, ReportKind.PROVINCE), tmp_path / "all.pdf")
    with pdfplumber.open(path) as pdf:
        assert_page_numbers(pdf)


def _add_indicators(engine, service: PlanService, count: int) -> None:
    edits = EditService(engine)
    plan = service.current_plan()
    group = next(g for g in service.groups(plan) if g.code == "II.5")
    period = service.periods(plan)[0]
    for i in range(count):
        new_id = edits.add_row(
            Indicator(
                plan_id=plan.id,
                group_id=group.id,
                code=f"II.5.{10 + i}",
                position=10 + i,
                name=f"Chỉ tiêu thử nghiệm số {i + 1} về sản lượng hàng hóa xuất khẩu qua cảng",
                unit="tấn",
                kind=IndicatorKind.ACCUMULATING,
                direction=Direction.HIGHER,
                target_form=TargetForm.VALUE,
                target_value=1000.0 + i,
            )
        )
        edits.record_value(ValueKey(new_id, period.id), 400.0 + i * 7, "Lê Thị Hoa")


def test_a_hundred_indicators_span_pages_with_the_header_repeated(
    engine, service: PlanService, tmp_path: Path
) -> None:
    _add_indicators(engine, service, 55)
    assert len(service.indicator_rows()) == 100
    path = write_report(
        service, options(service, ReportKind.PROVINCE, include_tasks=False), tmp_path / "100.pdf"
    )
    with pdfplumber.open(path) as pdf:
        assert assert_header_row_on_every_table_page(pdf, ["STT", "Chỉ tiêu", "Đơn vị tính"]) >= 4
        whole = "\n".join(p.extract_text() for p in pdf.pages)
        assert "Chỉ tiêu thử nghiệm số 55" in whole


def test_no_text_outside_its_cell(engine, service: PlanService, tmp_path: Path) -> None:
    plan = service.current_plan()
    long_word = "CTMTQG/NTM/2021-2025/TRA-VINH/XA-DAT-CHUAN-NONG-THON-MOI-NANG-CAO"  # no spaces
    EditService(engine).add_row(
        Indicator(
            plan_id=plan.id,
            group_id=next(g for g in service.groups(plan) if g.code == "II.5").id,
            code="II.5.99",
            position=99,
            name=f"Chỉ tiêu theo mã {long_word}",
            unit="xã",
            kind=IndicatorKind.ACCUMULATING,
            direction=Direction.HIGHER,
            target_form=TargetForm.VALUE,
            target_value=12.0,
        )
    )
    path = write_report(service, options(service, ReportKind.PROVINCE), tmp_path / "all.pdf")
    with pdfplumber.open(path) as pdf:
        checked = 0
        for page in pdf.pages:
            for table in page.find_tables():
                x0, top, x1, bottom = table.bbox
                cells = [c for c in table.cells if c]
                for ch in body_chars(page):
                    if not (
                        x0 <= ch["x0"]
                        and ch["x1"] <= x1
                        and top <= ch["top"]
                        and ch["bottom"] <= bottom
                    ):
                        continue
                    inside = any(
                        cx0 - 0.5 <= ch["x0"]
                        and ch["x1"] <= cx1 + 0.5
                        and ctop - 0.5 <= ch["top"]
                        and ch["bottom"] <= cbottom + 0.5
                        for cx0, ctop, cx1, cbottom in cells
                    )
                    assert inside, (page.page_number, ch["text"])
                    checked += 1
        assert checked > 1000
        cells = [
            (cell or "").replace("\n", "")
            for page in pdf.pages
            for table in page.extract_tables()
            for row in table
            for cell in row
        ]
        assert f"Chỉ tiêu theo mã {long_word}" in cells  # broken across lines, all there


def test_word_copy_carries_the_same_text_and_table(service: PlanService, tmp_path: Path) -> None:
    chosen = options(service, ReportKind.AGENCY, "SKHDT")
    path = write_report(service, chosen, tmp_path / "skhdt.docx", today=date(2024, 7, 20))
    document = Document(str(path))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "BÁO CÁO" in text and chosen.letterhead.subject in text
    assert "Kính gửi: Ủy ban nhân dân tỉnh." in text
    head = document.tables[0]
    assert head.cell(0, 0).paragraphs[0].text == "UBND TỈNH TRÀ VINH"
    assert head.cell(1, 0).text == "Số: 03/BC-SKHĐT"
    assert head.cell(1, 1).text == "Trà Vinh, ngày 05 tháng 10 năm 2024"
    indicators = document.tables[1]
    assert [c.text for c in indicators.rows[0].cells][:3] == ["STT", "Chỉ tiêu", "Đơn vị tính"]
    row = [c.text for c in indicators.rows[2].cells]
    assert row[:2] == ["1", "Giải ngân kế hoạch vốn đầu tư công"] and "2.193,81" in row
    signature = document.tables[-1]
    assert "Nguyễn Văn An" in signature.cell(0, 1).text
    assert signature.cell(0, 0).text.startswith("Nơi nhận:")
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.left_margin.mm)) == (210, 30)
    assert section.different_first_page_header_footer


def test_locality_report(service: PlanService, tmp_path: Path) -> None:
    path = write_report(service, options(service, ReportKind.LOCALITY), tmp_path / "loc.pdf")
    with pdfplumber.open(path) as pdf:
        whole = " ".join(" ".join(p.extract_text().split()) for p in pdf.pages)
    assert "I. PHÁT TRIỂN DOANH NGHIỆP" in whole
    assert "Tổng cộng toàn tỉnh 520 232 44,62 288" in whole
    assert "Huyện Trà Cú 35 12 34,29 23" in whole
    assert "Tổng các địa phương khớp với số liệu toàn tỉnh về kế hoạch 520" in whole


def test_locality_totals_never_claim_agreement_with_a_missing_figure() -> None:
    from kh65_desktop.reports.builders import _totals_sentence
    from kh65_desktop.services.rows import Breakdown

    # a province plan of 520 and no district figures yet: the old sentence said "khớp"
    nothing = _totals_sentence(
        Breakdown(1, "Doanh nghiệp", "doanh nghiệp", 1, "6 tháng", (), 520, None)
    )
    assert "khớp" not in nothing
    assert "Chưa đối chiếu được kế hoạch (chưa có số của các địa phương)" in nothing
    assert "thực hiện (chưa có số của các địa phương)" in nothing


def test_bad_output_names_get_a_message(service: PlanService, tmp_path: Path) -> None:
    with pytest.raises(ReportError, match="hãy chọn tệp .pdf hoặc .docx"):
        write_report(service, options(service, ReportKind.PROVINCE), tmp_path / "x.txt")
    with pytest.raises(ReportError, match="Không ghi được"):
        write_report(service, options(service, ReportKind.PROVINCE), tmp_path / "missing" / "x.pdf")


def test_kh65_report_command(db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "bhxh.pdf"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "kh65_desktop",
            "--db",
            str(db_path),
            "report",
            "--agency",
            "bao hiem xa hoi tinh",
            "--number",
            "7",
            "--signer",
            "Lê Văn Tám",
            "--charts",
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    with pdfplumber.open(out) as pdf:
        assert "Số: 07/BC-BHXH" in pdf.pages[0].extract_text()
        assert pdf.pages[0].images or any(p.images for p in pdf.pages)  # the chart
    wrong = subprocess.run(
        [
            sys.executable,
            "-m",
            "kh65_desktop",
            "--db",
            str(db_path),
            "report",
            "--agency",
            "Sở Không Có",
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert wrong.returncode == 2 and "Không có cơ quan “Sở Không Có”" in wrong.stderr


def test_group_rows_follow_the_plan_without_its_codes(service: PlanService) -> None:
    """The plan's codes ("II.1") would clash with the report's section II: a group row
    carries the group's heading only."""
    table = indicator_table(service.indicator_rows(), None)
    groups = [r.cells for r in table.rows if r.group]
    assert groups == [("", g.heading) for g in service.groups(service.current_plan())]
