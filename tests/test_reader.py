"""The reader's phrases, one by one, with plan-language.md's own examples, and the plan file
a read plan makes: it loads with the existing loader."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

import pytest
from sqlmodel import Session, select

from kh65_desktop.documents import phrases
from kh65_desktop.documents.agency_names import AgencyNames, split_names
from kh65_desktop.documents.items import ItemKind
from kh65_desktop.documents.reader import read_plan
from kh65_desktop.documents.text import document_from_text
from kh65_desktop.domain.terms import TargetForm
from kh65_desktop.storage.database import open_database
from kh65_desktop.storage.models import Indicator, Plan, Task
from kh65_desktop.storage.plan_file import load_plan_data, read_plan_text

from .conftest import SOURCE_TEXT


@pytest.mark.parametrize(
    "phrase, form, value, strict, share",
    [
        ("là 94,95%", TargetForm.VALUE, "94,95", False, None),
        ("6.220 tỷ đồng", TargetForm.VALUE, "6.220", False, None),
        ("đạt 520 doanh nghiệp", TargetForm.VALUE, "520", False, None),
        ("trên 95%", TargetForm.FLOOR, "95", True, None),
        ("từ 95% trở lên", TargetForm.FLOOR, "95", False, None),
        ("tối thiểu 7,5%", TargetForm.FLOOR, "7,5", False, None),
        ("≥ 7,5%", TargetForm.FLOOR, "7,5", False, None),
        ("dưới 2%", TargetForm.CEILING, "2", True, None),
        ("không quá 1,5%", TargetForm.CEILING, "1,5", False, None),
        ("tăng thêm 05 xã", TargetForm.CHANGE, "05", False, None),
        ("giảm 0,30%", TargetForm.CHANGE, "-0,30", False, None),
        ("giảm (theo chuẩn nghèo đa chiều) 0,30%", TargetForm.CHANGE, "-0,30", False, None),
        ("đạt trên 95% kế hoạch vốn", TargetForm.VALUE, None, True, "95"),
        ("từ 7% đến 7,5%", TargetForm.FLOOR, "7", False, None),
    ],
)
def test_target_forms(
    phrase: str, form: TargetForm, value: str | None, strict: bool, share: str | None
) -> None:
    found = phrases.target(phrase)
    assert found is not None
    assert (found.form, found.value, found.strict, found.share) == (form, value, strict, share)


def test_keep_and_milestone_targets() -> None:
    keep = phrases.target("", "Giữ vững xã đạt chuẩn nông thôn mới")
    milestone = phrases.target("", "Hoàn thành Tỉnh đạt chuẩn nông thôn mới")
    assert keep is not None and keep.form is TargetForm.KEEP
    assert milestone is not None and milestone.form is TargetForm.MILESTONE


def test_a_range_is_read_as_its_floor_and_said_unsure() -> None:
    found = phrases.target("tăng 6,0% - 6,5%")
    assert found is not None and found.value == "6,0" and found.reasons


@pytest.mark.parametrize(
    "clause, value, estimate, percent, remaining, same",
    [
        ("06 tháng đầu năm đạt 83,50%", "83,50", False, None, None, None),
        ("Ước thực hiện 6 tháng đầu năm đạt 31,10%", "31,10", True, None, None, None),
        (
            "Thực hiện 06 tháng đầu năm 3.300 tỷ đồng (đạt 53,03% chỉ tiêu)",
            "3.300",
            False,
            "53,03",
            None,
            None,
        ),
        (
            "đạt 45% kế hoạch (cùng kỳ giải ngân đạt 32,5% kế hoạch)",
            None,
            False,
            "45",
            None,
            "32,5",
        ),
        ("6 tháng cuối năm phấn đấu tăng thêm 11,45%", None, False, None, "11,45", None),
        ("còn lại 2.680,72 tỷ đồng", None, False, None, "2.680,72", None),
        ("06 tháng cuối năm thu thêm 397 tỷ đồng", None, False, None, "397", None),
    ],
)
def test_stated_results(
    clause: str,
    value: str | None,
    estimate: bool,
    percent: str | None,
    remaining: str | None,
    same: str | None,
) -> None:
    found = phrases.result(clause)
    assert (found.value, found.estimate, found.percent_of_plan, found.remaining) == (
        value,
        estimate,
        percent,
        remaining,
    )
    assert found.same_period == same


def test_achieved_without_a_figure_and_an_as_of_date() -> None:
    assert phrases.result("đạt và vượt kế hoạch").achieved
    assert phrases.result("đến 30/6/2024 giải ngân 2.193,81 tỷ đồng").as_of == date(2024, 6, 30)


def test_a_baseline_follows_from_the_change_the_text_states() -> None:
    base = phrases.baseline("(tăng 0,15% so với năm 2023)", "94,95", "%")
    assert base is not None
    assert (base.value, base.label) == ("94,80", "năm 2023")
    assert "94,95" in base.derived and "0,15" in base.derived


@pytest.mark.parametrize(
    "text, on, words",
    [
        ("gửi về Sở X trước ngày 15/7/2024 để tổng hợp", date(2024, 7, 15), "trước ngày 15/7/2024"),
        ("từ nay đến 15/7/2024", date(2024, 7, 15), "từ nay đến 15/7/2024"),
        ("Phấn đấu đến 31/10/2024 đạt 100%", date(2024, 10, 31), "đến 31/10/2024"),
        ("trong tháng 8 năm 2024", date(2024, 8, 31), "trong tháng 8 năm 2024"),
        ("đảm bảo đến hết tháng 8 năm 2024 hầu hết", date(2024, 8, 31), "đến hết tháng 8 năm 2024"),
        ("xong trong Quý III/2024", date(2024, 9, 30), "trong Quý III/2024"),
        ("hoàn thành trong năm 2024", date(2024, 12, 31), "hoàn thành trong năm 2024"),
        ("Phấn đấu đến cuối năm giải ngân", date(2024, 12, 31), "đến cuối năm"),
        ("báo cáo định kỳ hàng quý và cả năm", None, "định kỳ hàng quý và cả năm"),
    ],
)
def test_deadlines(text: str, on: date | None, words: str) -> None:
    found = phrases.deadline(text, 2024)
    assert found is not None
    assert (found.on, found.text) == (on, words)


def test_dates_of_other_documents_are_not_deadlines() -> None:
    text = "theo Nghị quyết số 02/NQ-CP ngày 05 tháng 01 năm 2024 của Chính phủ; xếp loại cuối năm"
    assert phrases.deadline(text, 2024) is None


def test_agency_lists_with_and_in_names_and_a_shared_head_noun() -> None:
    assert split_names("Sở Nông nghiệp và Phát triển nông thôn và Ủy ban nhân dân các huyện") == [
        "Sở Nông nghiệp và Phát triển nông thôn",
        "Ủy ban nhân dân các huyện",
    ]
    assert split_names("các Sở: Y tế, Lao động - Thương binh và Xã hội; Báo X") == [
        "Sở Y tế",
        "Sở Lao động - Thương binh và Xã hội",
        "Báo X",
    ]


def test_abbreviated_names_match_known_agencies_without_accents() -> None:
    names = AgencyNames([("KHDT", "Sở Kế hoạch và Đầu tư"), ("BH", "Bảo hiểm xã hội tỉnh")])
    assert [r.code for r in names.names_in("Sở KH&ĐT, BHXH tỉnh")] == ["KHDT", "BH"]
    assert names.resolve("so ke hoach va dau tu").code == "KHDT"  # type: ignore[union-attr]
    new = names.resolve("Sở Văn hóa, Thể thao và Du lịch")
    assert new is not None and not new.known and new.code == "SVHTTDL"


def _plan_65() -> str:
    return SOURCE_TEXT.read_text(encoding="utf-8")


def test_plan_65_details() -> None:
    read = read_plan(document_from_text(_plan_65()))
    details = read.items[0]
    assert details.kind is ItemKind.DETAILS
    f = details.fields
    assert (f["number"], f["code"], f["issued_on"], f["year"]) == (
        "65/KH-UBND",
        "65/KH-UBND/2024",
        date(2024, 7, 4),
        2024,
    )
    assert (f["signer_authority"], f["signer_title"], f["signer_name"]) == (
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "Lê Văn Hân",
    )
    assert f["document_type"] == "Kế hoạch" and f["place"] == "Trà Vinh"


def test_every_quote_is_the_text_at_its_span() -> None:
    read = read_plan(document_from_text(_plan_65()))
    for item in read.items:
        assert read.document.text[item.span[0] : item.span[1]] == item.quote, item.key
        assert 0 <= item.confidence <= 1


def test_the_read_plan_file_loads_with_the_existing_loader(tmp_path: Path) -> None:
    """What the reader writes is a plan file like any other: it loads, and the review state
    (`review = {confidence, reasons}`) is kept in the file and ignored by the loader."""
    read = read_plan(document_from_text(_plan_65()))
    text = read.plan_text()
    data = read_plan_text(text, "đọc.toml")
    assert any("review" in i for g in data["groups"] for i in g["indicators"])
    engine = open_database(tmp_path / "read.db", seed=False)
    with Session(engine) as session:
        load_plan_data(session, data, "đọc.toml")
        session.commit()
    with Session(engine) as session:
        plan = session.exec(select(Plan)).one()
        assert plan.code == "65/KH-UBND/2024"
        count = len(session.exec(select(Indicator).where(Indicator.plan_id == plan.id)).all())
        assert count == read.indicator_count
        assert session.exec(select(Task).where(Task.deadline == date(2024, 7, 15))).first()
    engine.dispose()


def test_rejected_items_are_left_out_of_the_file() -> None:
    read = read_plan(document_from_text(_plan_65()))
    first = next(i for i in read.items if i.kind is ItemKind.INDICATOR)
    data = tomllib.loads(read.plan_text(keep=lambda item: item is not first))
    codes = [i["code"] for g in data["groups"] for i in g["indicators"]]
    assert first.key not in codes and len(codes) == read.indicator_count - 1
    group = next(i for i in read.items if i.kind is ItemKind.GROUP and i.key.count(".") == 1)
    data = read.plan_data(keep=lambda item: item is not group)
    assert all(g["code"] != group.key for g in data["groups"])


def test_a_long_document_is_read_to_its_end_with_unique_keys() -> None:
    """A bound volume of several plans (tests/plan_documents.long_document: plan 65 five
    times with figures varied): each copy is read, its numbering made unique, and the
    results section of each copy merged into its own groups."""
    from .plan_documents import long_document

    read = read_plan(document_from_text(long_document(5)))
    keys = [i.key for i in read.items]
    assert len(keys) == len(set(keys))
    assert read.indicator_count == 5 * 45
    assert read.items[0].fields["signer_name"] == "Lê Văn Hân"
