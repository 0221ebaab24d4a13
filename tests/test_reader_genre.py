"""The reader on a plan that is not plan 65 (tests/fixtures/reader/): another province and
year after the 2025 mergers, abbreviations ("BHXH tỉnh", "UBND các xã, phường"), a shared
head noun ("các Sở: Xây dựng, Nội vụ"), a "KT. CHỦ TỊCH" signer, a "Tổ chức thực hiện"
section, a name holding a figure ("dưới 5 tuổi") and every deadline form."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from kh65_desktop.documents.items import ItemKind, ReadPlan
from kh65_desktop.documents.reader import read_plan
from kh65_desktop.documents.text import read_document

FIXTURE = Path(__file__).parent / "fixtures" / "reader" / "kh12-2026-after-mergers.txt"
KNOWN = [
    ("STC", "Sở Tài chính"),
    ("SYT", "Sở Y tế"),
    ("BHXH", "Bảo hiểm xã hội tỉnh"),
    ("SXD", "Sở Xây dựng"),
    ("SNV", "Sở Nội vụ"),
]


@pytest.fixture(scope="module")
def read() -> ReadPlan:
    return read_plan(read_document(FIXTURE), KNOWN)


def _indicators(read: ReadPlan) -> dict[str, dict[str, Any]]:
    return {i.fields["name"]: i.fields for i in read.items if i.kind is ItemKind.INDICATOR}


def test_details_of_another_province_and_year(read: ReadPlan) -> None:
    f = read.items[0].fields
    assert (f["code"], f["issued_on"], f["place"], f["year"]) == (
        "12/KH-UBND/2026",
        date(2026, 1, 15),
        "Vĩnh Long",
        2026,
    )
    assert f["issuing_body"] == "Ủy ban nhân dân tỉnh Vĩnh Long"
    assert (f["signer_authority"], f["signer_title"], f["signer_name"]) == (
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Nguyễn Văn Bình",
    )
    assert f["owner_code"] == "STC"  # "gửi về Sở Tài chính … để tổng hợp"


def test_every_indicator_with_its_target(read: ReadPlan) -> None:
    found = {
        name: (f["target"]["form"], f["target"].get("value"))
        for name, f in _indicators(read).items()
    }
    assert found == {
        "Tốc độ tăng trưởng kinh tế (GRDP)": ("floor", "8"),
        "Thu ngân sách nhà nước trên địa bàn": ("value", "12.500"),
        "Giải ngân vốn đầu tư công": ("value", None),
        "Tỷ lệ bao phủ bảo hiểm y tế": ("value", "95,50"),
        "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi": ("ceiling", "15"),
        "Số giường bệnh/vạn dân": ("value", "32"),
        "Tỷ lệ hộ nghèo giảm trong năm": ("change", "-0,50"),
        "Số xã đạt chuẩn nông thôn mới nâng cao tăng thêm trong năm": ("change", "10"),
        "Tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý": ("floor", "95"),
        "Tỷ lệ che phủ rừng": ("keep", None),
    }
    indicators = _indicators(read)
    assert indicators["Giải ngân vốn đầu tư công"]["target"]["share"] == "95"
    assert indicators["Tỷ lệ bao phủ bảo hiểm y tế"]["baseline"]["value"] == "95,00"


def test_an_unsure_indicator_says_why(read: ReadPlan) -> None:
    item = next(i for i in read.items if i.fields.get("name") == "Giải ngân vốn đầu tư công")
    assert not item.sure and "đơn vị không rõ" in item.reasons


def test_groups_lead_by_abbreviated_and_known_names(read: ReadPlan) -> None:
    groups = {i.key: i.fields["lead"] for i in read.items if i.kind is ItemKind.GROUP}
    assert groups["I.1"] == ["STC"] and groups["I.2"] == ["SYT", "BHXH"]
    assert groups["I.3"] == ["SNNMT"]  # not known: proposed from its initials
    new = next(i for i in read.items if i.key == "SNNMT")
    assert new.kind is ItemKind.AGENCY and "cơ quan mới, chưa có trong danh sách" in new.reasons


def test_tasks_with_their_deadlines_and_agencies(read: ReadPlan) -> None:
    tasks = [i.fields for i in read.items if i.kind is ItemKind.TASK]
    got = [(t.get("deadline"), t.get("deadline_text")) for t in tasks]
    assert got == [
        (date(2026, 3, 31), "trước ngày 31/3/2026"),
        (date(2026, 6, 30), "trong Quý II/2026"),
        (date(2026, 6, 30), "trong tháng 6 năm 2026"),
        (date(2026, 12, 31), "trong năm 2026"),
        (date(2026, 2, 15), "trước ngày 15/02/2026"),
    ]
    assert tasks[0]["lead"] == ["STC"] and tasks[0]["coordinating"] == ["SXD", "SNV"]
    assert tasks[2]["lead"] == ["BHXH"]


def test_indicators_in_an_appendix_table_after_the_signature(tmp_path: Path) -> None:
    """A resolution whose indicators are rows of a Word table (STT, chỉ tiêu, đơn vị, kế
    hoạch năm, cơ quan chủ trì): each row an indicator, grouped by its lead agency."""
    from .plan_documents import appendix_rows, write_docx

    rows = appendix_rows(
        [
            {
                "name": "Tốc độ tăng trưởng kinh tế (GRDP)",
                "unit": "%",
                "target": "≥ 8",
                "lead": "Sở Tài chính",
            },
            {
                "name": "Thu ngân sách nhà nước",
                "unit": "tỷ đồng",
                "target": "12.500",
                "lead": "Sở Tài chính",
            },
            {
                "name": "Tỷ lệ thất nghiệp khu vực thành thị",
                "unit": "%",
                "target": "dưới 2",
                "lead": "Sở Nội vụ",
            },
        ],
        2026,
    )
    head = (
        "HỘI ĐỒNG NHÂN DÂN\nTỈNH VĨNH LONG\nSố: 3/NQ-HĐND\nVĩnh Long, ngày 10 tháng 12 năm 2025\n"
        "NGHỊ QUYẾT\nVề kế hoạch phát triển kinh tế - xã hội năm 2026\n"
        "Điều 1. Thông qua các chỉ tiêu chủ yếu (Phụ lục kèm theo).\n"
        "TM. HỘI ĐỒNG NHÂN DÂN\nCHỦ TỊCH\nTrần Văn Công"
    )
    document = read_document(write_docx(head, tmp_path / "nq.docx", appendix=rows))
    read = read_plan(document, KNOWN)
    details = read.items[0].fields
    assert (details["document_type"], details["year"]) == ("Nghị quyết", 2026)
    assert details["issuing_body"] == "Hội đồng nhân dân tỉnh Vĩnh Long"
    found = {
        i.fields["name"]: (
            i.fields["unit"],
            i.fields["target"]["form"],
            i.fields["target"]["value"],
        )
        for i in read.items
        if i.kind is ItemKind.INDICATOR
    }
    assert found == {
        "Tốc độ tăng trưởng kinh tế (GRDP)": ("%", "floor", "8"),
        "Thu ngân sách nhà nước": ("tỷ đồng", "value", "12.500"),
        "Tỷ lệ thất nghiệp khu vực thành thị": ("%", "ceiling", "2"),
    }
    leads = [i.fields["lead"] for i in read.items if i.kind is ItemKind.GROUP]
    assert leads == [["STC"], ["SNV"]]
    for item in read.items:
        assert document.text[item.span[0] : item.span[1]] == item.quote


def test_progress_is_reported_to_the_end(read: ReadPlan) -> None:
    seen: list[tuple[int, int]] = []
    read_plan(
        read_document(FIXTURE), KNOWN, progress=lambda done, total: seen.append((done, total))
    )
    assert seen and seen[-1][0] == seen[-1][1] > 0


def test_an_annual_resolution_with_numbered_indicators_by_topic() -> None:
    """ "Điều 1", "Về kinh tế / Về xã hội / Về môi trường" with numbered indicators; a range,
    a floor with "tối thiểu", a ceiling with "không quá", "Duy trì"; no agency named."""
    read = read_plan(read_document(FIXTURE.with_name("nq25-2024-resolution.txt")))
    details = read.items[0].fields
    assert (details["document_type"], details["year"], details["issued_on"]) == (
        "Nghị quyết",
        2024,  # the plan's year from its title, not the year it was issued (2023)
        date(2023, 12, 8),
    )
    groups = [i.fields["heading"] for i in read.items if i.kind is ItemKind.GROUP]
    assert groups == ["Về kinh tế", "Về xã hội", "Về môi trường"]
    found = {
        i.fields["name"]: (i.fields["target"]["form"], i.fields["target"].get("value"))
        for i in read.items
        if i.kind is ItemKind.INDICATOR
    }
    assert found == {
        "Tốc độ tăng trưởng kinh tế (GRDP)": ("floor", "6,0"),
        "GRDP bình quân đầu người": ("value", "68"),
        "Tổng vốn đầu tư toàn xã hội": ("value", "25.000"),
        "Tỷ lệ đô thị hóa": ("floor", "25"),
        "Tỷ lệ hộ nghèo giảm trong năm": ("change", "-0,8"),
        "Tỷ lệ lao động qua đào tạo": ("floor", "70"),
        "Trong đó: có bằng cấp, chứng chỉ": ("value", "30"),
        "Số bác sĩ/vạn dân": ("value", "9"),
        "Tỷ lệ chất thải rắn sinh hoạt đô thị được thu gom, xử lý": ("ceiling", "5"),
        "Tỷ lệ dân cư nông thôn sử dụng nước hợp vệ sinh": ("keep", None),
    }
    ranged = next(i for i in read.items if i.fields.get("name", "").startswith("Tốc độ"))
    assert not ranged.sure and any("khoảng" in r for r in ranged.reasons)
    doctors = next(i for i in read.items if i.fields.get("name") == "Số bác sĩ/vạn dân")
    assert doctors.fields["unit"] == "bác sĩ/vạn dân" and doctors.fields["kind"] == "level"


def test_a_letter_with_figures_is_not_a_plan() -> None:
    """An official letter full of figures and dates yields no indicator (the caller then
    says it is not a plan and loads nothing)."""
    from kh65_desktop.documents.text import document_from_text

    letter = "\n".join(
        [
            "ỦY BAN NHÂN DÂN",
            "Số: 1234/UBND-KT",
            "Trà Vinh, ngày 12 tháng 3 năm 2024",
            "V/v tổ chức hội nghị sơ kết công tác quý I năm 2024",
            "Thực hiện Công văn số 56/BKHĐT-TH ngày 05/3/2024, Ủy ban nhân dân tỉnh tổ chức hội"
            " nghị lúc 14 giờ 00 ngày 20/3/2024 tại Hội trường số 2, khoảng 150 đại biểu.",
            "1. Thành phần: lãnh đạo 25 sở, ngành và 9 huyện, thị xã, thành phố.",
            "2. Nội dung: đánh giá kết quả quý I; kinh phí dự kiến 45 triệu đồng.",
            "TL. CHỦ TỊCH",
            "CHÁNH VĂN PHÒNG",
            "Nguyễn Văn Tám",
        ]
    )
    read = read_plan(document_from_text(letter))
    assert read.indicator_count == 0
    assert "không rõ loại văn bản" in read.items[0].reasons
