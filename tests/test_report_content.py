"""What a report says (issue 13, items 2–5): its outline with the clerk's texts, sentences a
person writes, dates judged at the cut-off, figures as known, a layout that keeps headings
with what follows. Read back from the real PDF wherever the page matters."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import replace
from datetime import date
from pathlib import Path

import pdfplumber
import pytest

from kh65_desktop.domain.report_texts import AgencyTexts
from kh65_desktop.domain.terms import SectionKind, Status, TaskStatus
from kh65_desktop.reports.builders import (
    ReportBuilder,
    ReportKind,
    ReportOptions,
    consolidating_office,
    default_letterhead,
)
from kh65_desktop.reports.document import Heading, Paragraph, Report, Table
from kh65_desktop.reports.produce import write_report
from kh65_desktop.reports.sentences import (
    SamePeriod,
    indicator_sentence,
    status_sentence,
    task_count_sentence,
)
from kh65_desktop.services.editing import EditService, ValueKey
from kh65_desktop.services.plan_service import PlanService
from kh65_desktop.services.report_facts import ReportFacts
from kh65_desktop.storage.models import Agency

MM = 72 / 25.4
LEFT, RIGHT, TOP = 30 * MM, 15 * MM, 20 * MM
TABLE_SIZE = 11
TEXT_MIDDLE = LEFT + (210 * MM - LEFT - RIGHT) / 2
WRITTEN = date(2024, 7, 20)


def make_options(
    service: PlanService,
    kind: ReportKind,
    agency_code: str | None = None,
    texts: list[AgencyTexts] | None = None,
    **extra: object,
) -> ReportOptions:
    plan = service.current_plan()
    agency = next(
        (service.get(Agency, a.id) for a in service.agencies(plan) if a.code == agency_code), None
    )
    period = service.periods(plan)[-1]
    office = consolidating_office(service, plan)
    head = default_letterhead(plan, kind, agency, period, WRITTEN, office=office)
    head.number, head.signer_name = "3", "Nguyễn Văn An"
    return ReportOptions(kind, head, agency, period, texts=texts or [], **extra)  # type: ignore[arg-type]


def model(service: PlanService, options: ReportOptions, today: date = WRITTEN) -> Report:
    return ReportBuilder(service, service.current_plan(), today).build(options)


def pdf_pages(path: Path) -> list[list[str]]:
    """Each page's lines of text below the top margin (the page number is above it)."""
    with pdfplumber.open(path) as pdf:
        return [
            page.crop((0, TOP - 1, page.width, page.height)).extract_text().splitlines()
            for page in pdf.pages
        ]


def table_rows(path: Path, raw: bool = False) -> list[list[str]]:
    """Every table row of the PDF, its cells' lines joined by spaces (unless `raw`)."""
    with pdfplumber.open(path) as pdf:
        return [
            [(c or "") if raw else (c or "").replace("\n", " ") for c in row]
            for page in pdf.pages
            for t in page.extract_tables()
            for row in t
        ]


def whole(path: Path) -> str:
    return " ".join(" ".join(lines) for lines in pdf_pages(path))


FINANCE_TEXTS = AgencyTexts(
    "Sở Tài chính",
    {
        SectionKind.SITUATION: "Sáu tháng đầu năm, thu ngân sách gặp khó khăn do giá dầu giảm.",
        SectionKind.SHORTCOMINGS: "Thu từ đất còn thấp so với dự toán.",
        SectionKind.CAUSES: "Thị trường bất động sản trầm lắng.",
        SectionKind.NEXT_STEPS: "Tăng cường chống thất thu ngân sách.",
        SectionKind.PROPOSALS: "Đề nghị UBND tỉnh chỉ đạo đẩy nhanh đấu giá đất.",
    },
    {"II.6.T1.2": "Đã rà soát 1.250 hồ sơ nợ thuế, thu hồi 42 tỷ đồng."},
)


def test_sections_in_order_with_the_clerks_text(service: PlanService, tmp_path: Path) -> None:
    options = make_options(service, ReportKind.AGENCY, "STC", [FINANCE_TEXTS])
    text = whole(write_report(service, options, tmp_path / "stc.pdf", today=WRITTEN))
    expected = [
        "Số liệu tính đến ngày 14/6/2024.",
        "I. ĐẶC ĐIỂM TÌNH HÌNH",
        "thu ngân sách gặp khó khăn do giá dầu giảm",
        "II. KẾT QUẢ THỰC HIỆN",
        "1. Các chỉ tiêu kế hoạch",
        "Thu nội địa đạt 3.300 tỷ đồng, đạt 53,05% kế hoạch năm",
        "2. Các nhiệm vụ được giao",
        "Cả 7 nhiệm vụ được giao đều chưa thực hiện.",
        "Kết quả thực hiện: Đã rà soát 1.250 hồ sơ nợ thuế",
        "III. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
        "Thu từ đất còn thấp so với dự toán.",
        "Nguyên nhân: Thị trường bất động sản trầm lắng.",
        "IV. NHIỆM VỤ, GIẢI PHÁP THỜI GIAN TỚI",
        "Tăng cường chống thất thu ngân sách.",
        "V. KIẾN NGHỊ, ĐỀ XUẤT",
        "Đề nghị UBND tỉnh chỉ đạo đẩy nhanh đấu giá đất.",
        "Trên đây là báo cáo kết quả thực hiện Kế hoạch số 65/KH-UBND ngày 04/7/2024 của Ủy "
        "ban nhân dân tỉnh Trà Vinh, Sở Tài chính báo cáo Sở Kế hoạch và Đầu tư xem xét, "
        "tổng hợp./.",
    ]
    where = [text.find(e) for e in expected]
    assert -1 not in where, [e for e, w in zip(expected, where, strict=True) if w == -1]
    assert where == sorted(where)
    assert text.count("Số liệu tính đến ngày") == 1


def test_an_empty_section_prints_no_heading_and_numbers_stay_consecutive(
    service: PlanService,
) -> None:
    only_proposals = AgencyTexts("Sở Tài chính", {SectionKind.PROPOSALS: "Đề nghị bổ sung vốn."})
    report = model(service, make_options(service, ReportKind.AGENCY, "STC", [only_proposals]))
    headings = [p.text for p in report.parts if isinstance(p, Heading) and p.level == 1]
    assert headings == ["I. KẾT QUẢ THỰC HIỆN", "II. KIẾN NGHỊ, ĐỀ XUẤT"]
    nothing = model(service, make_options(service, ReportKind.AGENCY, "STC"))
    assert [p.text for p in nothing.parts if isinstance(p, Heading) and p.level == 1] == [
        "I. KẾT QUẢ THỰC HIỆN"
    ]


def test_the_province_report_gathers_each_agencys_texts_under_its_name(
    service: PlanService, tmp_path: Path
) -> None:
    own = AgencyTexts("", {SectionKind.SITUATION: "Tình hình chung của tỉnh ổn định."})
    health = AgencyTexts("Sở Y tế", {SectionKind.SITUATION: "Dịch bệnh được kiểm soát."})
    options = make_options(
        service, ReportKind.PROVINCE, texts=[health, FINANCE_TEXTS, own], include_tasks=False
    )
    text = whole(write_report(service, options, tmp_path / "all.pdf", today=WRITTEN))
    expected = [
        "I. ĐẶC ĐIỂM TÌNH HÌNH",
        "Tình hình chung của tỉnh ổn định.",
        "1. Sở Y tế",
        "Dịch bệnh được kiểm soát.",
        "2. Sở Tài chính",
        "thu ngân sách gặp khó khăn",
        "II. KẾT QUẢ THỰC HIỆN",
        "III. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
        "1. Sở Tài chính",
        "Thu từ đất còn thấp",
        "Sở Kế hoạch và Đầu tư báo cáo Ủy ban nhân dân tỉnh xem xét, chỉ đạo./.",
    ]
    where = [text.find(e) for e in expected]
    assert -1 not in where and where == sorted(where), list(zip(expected, where, strict=True))


def _every_sentence(report: Report) -> str:
    return " ".join(p.text for p in report.parts if isinstance(p, Paragraph))


def test_no_clause_counts_zero(service: PlanService) -> None:
    plan = service.current_plan()
    for agency in service.agencies(plan):
        for kind in (ReportKind.AGENCY, ReportKind.PROVINCE):
            text = _every_sentence(model(service, make_options(service, kind, agency.code)))
            assert not re.search(r"(?<![\d.,])0 (chỉ tiêu|nhiệm vụ)", text), agency.code
            assert not re.search(r"(hoàn thành|thực hiện) 0(?![\d,])", text), agency.code
    rows = service.indicator_rows(plan)
    lagging = [r for r in rows if r.progress.status is Status.LAGGING]
    assert status_sentence(lagging, "được giao") == (
        f"Cả {len(lagging)} chỉ tiêu được giao đều chậm tiến độ."
    )
    tasks = service.tasks(plan, date(2024, 6, 14))[:5]
    done = [replace(t, status=TaskStatus.DONE) for t in tasks[:3]]
    going = [replace(t, status=TaskStatus.IN_PROGRESS) for t in tasks[3:]]
    assert task_count_sentence(done + going) == (
        "Trong 5 nhiệm vụ được giao, đã hoàn thành 3, đang thực hiện 2."
    )


def _row(service: PlanService, code: str):  # type: ignore[no-untyped-def]
    return next(r for r in service.indicator_rows() if r.code == code)


def test_cung_ky_printed_where_known(service: PlanService, tmp_path: Path) -> None:
    options = make_options(service, ReportKind.PROVINCE, include_tasks=False)
    text = whole(write_report(service, options, tmp_path / "all.pdf", today=WRITTEN))
    # the plan's own: GRDP growth 10,27% against 5,74% a year earlier (a rate: points)
    assert "Tốc độ tăng giá trị GRDP đạt 10,27%, tăng 4,53 điểm phần trăm so với cùng kỳ" in text
    # the plan's "% kế hoạch giải ngân cùng kỳ năm 2023" is a share of plan, not a value
    assert "đạt 45,01% kế hoạch năm (cùng kỳ năm 2023 đạt 32,5%)" in text
    # a same-period figure on the row (the clerk's "Cùng kỳ" column): an amount in %
    retail = replace(_row(service, "II.5.1"), same_period=18_914.0)
    sentence = indicator_sentence(retail, ReportFacts({}, {}), SamePeriod(value=18_914.0), None)
    assert sentence is not None and "tăng 8,2% so với cùng kỳ" in sentence
    assert "ước" not in sentence  # 20.465 is not an estimate; 30.750 (II.5.2) is
    assert "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ ước đạt 30.750 tỷ đồng" in text


def test_statuses_and_deadlines_are_judged_at_the_cutoff(
    service: PlanService, tmp_path: Path
) -> None:
    """The task due 15/7/2024 was on time at the 14/6/2024 cut-off: a report written a
    year later says the same as one written the week after."""
    options = make_options(service, ReportKind.AGENCY, "STC")
    soon = write_report(service, options, tmp_path / "soon.pdf", today=WRITTEN)
    later = write_report(service, options, tmp_path / "later.pdf", today=date(2025, 7, 1))

    def tables(path: Path) -> list[list[str | None]]:
        with pdfplumber.open(path) as pdf:
            return [row for page in pdf.pages for t in page.extract_tables() for row in t]

    assert tables(soon) == tables(later)
    assert "quá hạn" not in whole(later)
    assert "15/7/2024" in whole(later)


def test_stated_only_figures_are_printed_and_marked(service: PlanService, tmp_path: Path) -> None:
    options = make_options(service, ReportKind.PROVINCE, include_tasks=False)
    path = write_report(service, options, tmp_path / "all.pdf", today=WRITTEN)
    text = whole(path)
    assert "Số lao động được tạo việc làm tăng thêm đạt 19.862 lao động, đạt 86,20% kế" in text
    assert "(theo số liệu của văn bản)" in text
    rows = table_rows(path)
    jobs = next(r for r in rows if r[1] and r[1].startswith("Số lao động được tạo việc"))
    assert jobs[5] == "86,20*"
    assert jobs[7] == "Đúng tiến độ"  # 86,20% of the plan by June: judged on the stated share
    ntm = next(r for r in rows if r[1] and r[1].startswith("Giải ngân vốn CTMTQG xây"))
    assert ntm[5] == "43,99*"
    assert "(*) Số liệu theo văn bản của kế hoạch" in text
    # section I's security rates are listed by the plan as achieved
    security = next(r for r in rows if r[1] and r[1].startswith("Tỷ lệ cơ quan, đơn vị đạt"))
    assert security[7] == "Đạt"


def test_figures_as_the_document_prints_them(service: PlanService, tmp_path: Path) -> None:
    options = make_options(service, ReportKind.PROVINCE, include_tasks=False)
    path = write_report(service, options, tmp_path / "all.pdf", today=WRITTEN)
    rows = table_rows(path)
    cover = next(r for r in rows if r[1] and r[1].startswith("Tỷ lệ bao phủ bảo hiểm y tế"))
    assert cover[2:7] == ["%", "94,95", "83,50", "87,94", "11,45"]  # unit once, 2 decimals
    voluntary = next(r for r in rows if r[1] and "tự nguyện" in r[1])
    assert voluntary[3] == "5"  # the document's "05%": no leading zero, no second "%"
    revenue = next(r for r in rows if r[1] == "Thu nội địa")
    assert revenue[2:4] == ["tỷ đồng", "6.220"]
    beds = next(r for r in table_rows(path, raw=True) if r[1].startswith("Số giường bệnh"))
    assert beds[2] == "giường/\nvạn dân"  # broken after the slash, not inside a word
    labels = {r[0] for r in rows if r[0]}
    assert not any(re.match(r"^[IVX]+(\.\d+)*$", label) for label in labels), labels
    assert "83,50%, còn thấp hơn chỉ tiêu kế hoạch 11,45 điểm phần trăm" in whole(path)


def test_headings_are_never_the_last_line_of_a_page(service: PlanService, tmp_path: Path) -> None:
    """The situation text grows line by line, moving every heading after it down the page
    until each has met a page end."""
    for lines in range(0, 24, 2):
        texts = [
            AgencyTexts(
                "Sở Tài chính",
                {
                    SectionKind.SITUATION: "\n".join(
                        f"Nội dung tình hình số {i + 1}." for i in range(lines)
                    ),
                    SectionKind.SHORTCOMINGS: "Thu từ đất còn thấp.",
                    SectionKind.NEXT_STEPS: "Tăng cường chống thất thu.",
                    SectionKind.PROPOSALS: "Đề nghị bổ sung vốn.",
                },
            )
        ]
        options = make_options(service, ReportKind.AGENCY, "STC", texts)
        report = model(service, options)
        headings = {
            p.text.upper() if p.level == 1 else p.text
            for p in report.parts
            if isinstance(p, Heading)
        }
        path = write_report(service, options, tmp_path / f"stc-{lines}.pdf", today=WRITTEN)
        pages = pdf_pages(path)
        for number, page in enumerate(pages[:-1], start=1):
            last = page[-1].strip()
            assert last not in headings, (lines, number, last)
            assert not last.endswith(":"), (lines, number, last)  # a lead-in stays with its list


def test_group_rows_stay_with_their_first_row(service: PlanService, tmp_path: Path) -> None:
    """The situation text moves the table down, a line at a time, until group rows have met
    page ends: none is ever the last row of a page."""
    for lines in range(0, 21, 2):
        texts = [AgencyTexts("", {SectionKind.SITUATION: "Nội dung.\n" * lines})]
        options = make_options(service, ReportKind.PROVINCE, texts=texts, include_tasks=False)
        report = model(service, options)
        table = next(p for p in report.parts if isinstance(p, Table))
        groups = {r.cells[1] for r in table.rows if r.group}
        path = write_report(service, options, tmp_path / f"all-{lines}.pdf", today=WRITTEN)
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                for found in page.extract_tables():
                    last = [(c or "").replace("\n", " ") for c in found[-1]]
                    assert not (last[1] in groups and not any(last[2:])), (lines, last)


def test_subject_rule_centred_and_footnote_kept(service: PlanService, tmp_path: Path) -> None:
    options = make_options(service, ReportKind.AGENCY, "STC")
    path = write_report(service, options, tmp_path / "stc.pdf", today=WRITTEN)
    with pdfplumber.open(path) as pdf:
        first = pdf.pages[0]
        subject = [w for w in first.extract_words() if w["text"] == "tỉnh,"][0]
        rule = min(
            (line for line in first.lines if line["top"] > subject["bottom"] - 1),
            key=lambda line: line["top"],
        )
        assert (rule["x0"] + rule["x1"]) / 2 == pytest.approx(TEXT_MIDDLE, abs=1)
        page = next(p for p in pdf.pages if "Trung ương đã ban hành" in p.extract_text())
        small = "".join(c["text"] for c in page.chars if c["size"] < TABLE_SIZE - 1)
        assert "(1)" in small, "the footnote mark is drawn, raised and smaller"
    text = whole(path)
    assert "(1) Giảm mức thuế bảo vệ môi trường theo Nghị quyết số 42/2023/UBTVQH15" in text


def test_province_task_table_has_a_lead_agency_column(service: PlanService, tmp_path: Path) -> None:
    options = make_options(service, ReportKind.PROVINCE)
    path = write_report(service, options, tmp_path / "all.pdf", today=WRITTEN)
    rows = table_rows(path)
    header = next(r for r in rows if r[0] == "STT" and "Thời hạn" in r)
    assert header == [
        "STT",
        "Nhiệm vụ, giải pháp",
        "Cơ quan chủ trì",
        "Thời hạn",
        "Tình trạng",
    ]
    leads = {r[2] for r in rows if len(r) == 5 and r[0] != "STT"}
    assert "Sở Y tế" in leads and "13 sở, ban, ngành tỉnh; UBND 9 địa phương" in leads


def test_a_districts_report_by_locality(service: PlanService, tmp_path: Path) -> None:
    calls: list[int] = []

    def chart(rows, path):  # type: ignore[no-untyped-def]
        calls.append(len(rows))
        from PIL import Image

        Image.new("RGB", (400, 100), "white").save(path)
        return path

    options = make_options(
        service,
        ReportKind.LOCALITY,
        "UBND-TCU",
        include_charts=True,
        chart_renderer=chart,
        include_notes=True,
    )
    path = write_report(service, options, tmp_path / "tcu.pdf", today=WRITTEN)
    text = whole(path)
    assert "Trà Cú, ngày 20 tháng 7 năm 2024" in text
    rows = table_rows(path)
    assert rows[1] == [
        "1",
        "Phát triển doanh nghiệp",
        "doanh nghiệp",
        "35",
        "12",
        "34,29",
        "23",
        "Nguy cơ không đạt",
    ]
    assert "Huyện Càng Long" not in text and "Tổng cộng toàn tỉnh" not in text
    assert calls == [1]
    with pdfplumber.open(path) as pdf:
        assert any(page.images for page in pdf.pages)


def test_the_offices_own_reports_ask_the_committee_to_direct(service: PlanService) -> None:
    for kind, code in ((ReportKind.LOCALITY, None), (ReportKind.AGENCY, "SKHDT")):
        closing = [p for p in model(service, make_options(service, kind, code)).parts][-1]
        assert isinstance(closing, Paragraph)
        assert closing.text.endswith(
            "Sở Kế hoạch và Đầu tư báo cáo Ủy ban nhân dân tỉnh xem xét, chỉ đạo./."
        ), closing.text


def test_an_empty_report_says_there_is_nothing_to_report(service: PlanService) -> None:
    report = model(service, make_options(service, ReportKind.AGENCY, "QLTT", include_tasks=False))
    said = [p.text for p in report.parts if isinstance(p, Paragraph)]
    assert not any(isinstance(p, (Heading, Table)) for p in report.parts)
    assert any("không có chỉ tiêu, nhiệm vụ nào theo Kế hoạch số 65/KH-UBND" in s for s in said)


def test_the_letterhead_follows_the_plans_data(service: PlanService, db_path: Path) -> None:
    plan = service.current_plan()
    head = default_letterhead(
        plan, ReportKind.PROVINCE, None, None, WRITTEN, office=consolidating_office(service, plan)
    )
    assert (head.parent_body, head.issuing_body) == ("UBND TỈNH TRÀ VINH", "SỞ KẾ HOẠCH VÀ ĐẦU TƯ")
    with sqlite3.connect(db_path) as db:  # a plan of the new province, consolidated by finance
        db.execute(
            "UPDATE plan SET owner_code = 'STC', issuing_body = 'Ủy ban nhân dân tỉnh Vĩnh Long', "
            "place = 'Vĩnh Long'"
        )
    plan = service.current_plan()
    office = consolidating_office(service, plan)
    head = default_letterhead(plan, ReportKind.PROVINCE, None, None, WRITTEN, office=office)
    assert (head.parent_body, head.issuing_body) == ("UBND TỈNH VĨNH LONG", "SỞ TÀI CHÍNH")
    assert head.place_date.startswith("Vĩnh Long, ngày")
    agency = service.get(Agency, next(a.id for a in service.agencies(plan) if a.code == "SYT"))
    head = default_letterhead(plan, ReportKind.AGENCY, agency, None, WRITTEN, office=office)
    assert head.recipients == ["Sở Tài chính"]


def test_the_plans_own_figures_are_said_to_be_the_plans(
    service: PlanService, edits: EditService
) -> None:
    """The 6-month figures came with the plan: the agency does not report them as its own.
    Once the clerk enters one, only the others are marked as the plan's."""
    options = make_options(service, ReportKind.AGENCY, "STC")
    text = _every_sentence(model(service, options))
    assert "Theo số liệu nêu tại Kế hoạch số 65/KH-UBND ngày 04/7/2024 của Ủy ban nhân dân" in text
    period = service.periods(service.current_plan())[-1]
    revenue = _row(service, "II.6.1")
    edits.record_value(ValueKey(revenue.id, period.id), 3_410.0, "Lê Thị Hoa", is_estimate=True)
    text = _every_sentence(model(service, options))
    assert "Kết quả thực hiện các chỉ tiêu được giao chủ trì 6 tháng đầu năm 2024 như sau:" in text
    assert "- Thu nội địa ước đạt 3.410 tỷ đồng, đạt 54,82% kế hoạch năm." in text
    assert "đạt 69,20% kế hoạch năm (theo Kế hoạch số 65/KH-UBND)." in text


def test_the_clerks_text_stays_inside_the_margins(service: PlanService, tmp_path: Path) -> None:
    """Plain paragraphs are laid out by plain_text; a word too long for a line (a link) is
    still cut to fit."""
    link = "https://stc.travinh.gov.vn/" + "bao-cao-thu-ngan-sach-" * 8
    texts = [AgencyTexts("", {SectionKind.SITUATION: f"Chi tiết tại {link} và các phụ lục. " * 3})]
    path = write_report(
        service, make_options(service, ReportKind.AGENCY, "STC", texts), tmp_path / "stc.pdf"
    )
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            for c in page.chars:
                assert LEFT - 0.5 <= c["x0"] and c["x1"] <= 210 * MM - RIGHT + 0.5, c["text"]
    assert "bao-cao-thu-ngan-sach-" in whole(path)
