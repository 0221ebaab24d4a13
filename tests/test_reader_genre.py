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
