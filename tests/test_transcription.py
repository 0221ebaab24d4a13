"""Plan 65 transcribed completely and faithfully: the data file checked against the text."""

from __future__ import annotations

import re
import tomllib
from datetime import date
from typing import Any

import pytest
from sqlmodel import Session, col, select

from kh65_desktop.domain.numbers import parse_number
from kh65_desktop.resources import BUILTIN_PLAN, resource_path
from kh65_desktop.storage.models import (
    Agency,
    GroupAgency,
    Indicator,
    IndicatorGroup,
    Locality,
    LocalityTarget,
    Plan,
    ReportedValue,
    Task,
    TaskAgency,
)

from .conftest import SOURCE_TEXT

PLAN = tomllib.loads(resource_path(*BUILTIN_PLAN).read_text(encoding="utf-8"))
RAW = SOURCE_TEXT.read_text(encoding="utf-8")
INDICATORS = [(g, i) for g in PLAN["groups"] for i in g.get("indicators", [])]
TASK_BLOCKS = [t for g in PLAN["groups"] for t in g.get("tasks", [])] + PLAN["tasks"]


def norm(text: str) -> str:
    """Drop emphasis marks and the footnote, join page breaks: the text as read."""
    text = re.sub(r"^¹ .*$", "", text, flags=re.M)
    return re.sub(r"\s+", " ", text.replace("*", "")).strip()


SOURCE = norm(RAW)


def section(start: str, end: str) -> str:
    return RAW[RAW.index(start) : RAW.index(end)]


@pytest.mark.parametrize("group, item", INDICATORS, ids=[i["code"] for _, i in INDICATORS])
def test_every_quote_is_in_the_document(group: dict[str, Any], item: dict[str, Any]) -> None:
    assert item["quotes"], "each indicator cites its sentence"
    for quote in item["quotes"]:
        assert norm(quote) in SOURCE


def _figures(item: dict[str, Any]) -> list[str]:
    figures = [
        item["target"].get("value"),
        item["target"].get("share"),
        item.get("same_period", {}).get("value"),
    ]
    figures += [v.get("value") for v in item.get("values", [])]
    figures += [s["value"] for s in item.get("stated", [])]
    return [f.lstrip("-") for f in figures if f is not None]


@pytest.mark.parametrize("group, item", INDICATORS, ids=[i["code"] for _, i in INDICATORS])
def test_every_figure_is_in_its_quote(group: dict[str, Any], item: dict[str, Any]) -> None:
    quotes = " ".join(item["quotes"])
    for figure in _figures(item):
        assert re.search(rf"(?<![\d.,]){re.escape(figure)}(?![\d]|,\d)", quotes), figure
    baseline = item.get("baseline")
    if baseline:  # a derived starting level shows its arithmetic from the text
        numbers = re.findall(r"\d+(?:,\d+)?", baseline["derived"])
        for number in numbers:
            if number not in ("2023",):
                assert number in quotes, number


def _bullets(block: str) -> list[str]:
    """The list items of a passage, without the ones that only introduce a sub-list."""
    items = [
        re.sub(r"^\s*-\s*(\+\s*)?", "", line)
        for line in block.splitlines()
        if re.match(r"^\s*-\s", line)
    ]
    return [norm(i) for i in items if i and not i.rstrip().endswith(":")]


def _covered(bullet: str, quotes: list[str]) -> bool:
    return any(norm(q) in bullet for q in quotes)


def test_section_one_is_complete() -> None:
    all_quotes = [q for _, i in INDICATORS for q in i["quotes"]]
    bullets = _bullets(section("I. MỘT SỐ", "Đôi với"))
    assert len(bullets) == 10
    for bullet in bullets:
        assert _covered(bullet, all_quotes), bullet


GROUP_LEADS = {
    "II.1": ["BHXH"],
    "II.2": ["CTK"],
    "II.3": ["SKHDT"],
    "II.4": ["SNNPTNT"],
    "II.5": ["SCT"],
    "II.6": ["STC", "CTHUE"],
    "II.7": ["SXD"],
    "II.8": ["SYT"],
    "II.9": ["SLDTBXH"],
    "II.10": ["STNMT"],
    "II.11": ["BDT"],
}


def test_section_two_has_eleven_groups_with_their_headings() -> None:
    groups = [g for g in PLAN["groups"] if g["section"] == "II"]
    assert [g["code"] for g in groups] == list(GROUP_LEADS)
    for number, group in enumerate(groups, start=1):
        assert re.search(rf"^{number}\. {re.escape(group['heading'])}$", RAW, re.M)
        assert group["lead"] == GROUP_LEADS[group["code"]]


@pytest.mark.parametrize("number", range(1, 12))
def test_each_group_indicator_passage_is_complete(number: int) -> None:
    heading = re.search(rf"^{number}\. .*$", RAW[RAW.index("II. CÁC") :], re.M)
    assert heading
    start = RAW.index(heading.group(0), RAW.index("II. CÁC"))
    block = RAW[start : RAW.index("b) Nhiệm vụ", start)]
    block = block[block.index("a) Chỉ tiêu") :].split("\n", 1)[1]
    group = next(g for g in PLAN["groups"] if g["code"] == f"II.{number}")
    quotes = [q for i in group["indicators"] for q in i["quotes"]]
    paragraph = norm(block.split("\n(")[0])  # a group without a list: one paragraph
    bullets = _bullets(block) or [paragraph]
    for bullet in bullets:
        assert _covered(bullet, quotes), bullet
    for bullet in bullets:  # every "trong đó" becomes a sub-indicator
        if "trong đó" in bullet.lower() and "Giải ngân" not in bullet:
            codes = [i["code"] for i in group["indicators"] if _covered(bullet, i["quotes"])]
            assert any(i.get("parent") in codes for i in group["indicators"]), bullet


def test_every_task_paragraph_is_transcribed() -> None:
    corpus = " ".join(
        norm(t.get("lead_in", "") + " " + " ".join(i["text"] for i in t["items"]))
        for t in TASK_BLOCKS
    )
    for text in [i["text"] for t in TASK_BLOCKS for i in t["items"]]:
        assert norm(text) in SOURCE, text[:60]
    passages = re.findall(r"b\) Nhiệm vụ, giải pháp\n(.*?)(?=\n\d+\. |\nTrên đây)", RAW, re.S)
    assert len(passages) == 11
    for passage in passages:
        for line in passage.splitlines():
            line = norm(re.sub(r"^\s*[-+]\s*", "", line))
            if line and not line.startswith("¹") and len(line) > 3:
                assert line.rstrip(":") in corpus, line[:60]


def test_task_deadlines_as_the_text_gives_them() -> None:
    deadlines = {
        (i.get("deadline"), i.get("deadline_text"))
        for t in TASK_BLOCKS
        for i in t["items"]
        if i.get("deadline_text")
    }
    assert (date(2024, 8, 31), "đến hết tháng 8 năm 2024") in deadlines
    assert (date(2024, 10, 31), "đến 31/10/2024") in deadlines
    assert (date(2024, 7, 15), "từ nay đến 15/7/2024") in deadlines
    assert (date(2024, 8, 31), "trong tháng 8 năm 2024") in deadlines
    for _when, text in deadlines:
        assert text in SOURCE


def test_database_holds_the_document_metadata_and_signer(engine) -> None:
    with Session(engine) as session:
        plan = session.exec(select(Plan)).one()
    assert plan.number == "65/KH-UBND" and plan.issued_on == date(2024, 7, 4)
    assert "Số: 65/KH-UBND" in RAW and "Trà Vinh, ngày 04 tháng 7 năm 2024" in RAW
    assert plan.title in RAW and plan.place == "Trà Vinh"
    assert (plan.signer_authority, plan.signer_title, plan.signer_name) == (
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "Lê Văn Hân",
    )
    assert RAW.rstrip().endswith("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH**\n\nLê Văn Hân")


def test_database_figures_match_the_file(engine) -> None:
    with Session(engine) as session:
        stored = {i.code: i for i in session.exec(select(Indicator))}
        values = session.exec(
            select(ReportedValue, Indicator)
            .join(Indicator)
            .where(col(ReportedValue.locality_id).is_(None))
        ).all()
    assert set(stored) == {i["code"] for _, i in INDICATORS}
    by_code = {code: rv for rv, ind in values for code in [ind.code]}
    for _, item in INDICATORS:
        row = stored[item["code"]]
        if "value" in item["target"]:
            assert row.target_value == parse_number(item["target"]["value"])
        for value in item.get("values", []):
            if "value" in value:
                assert by_code[item["code"]].value == parse_number(value["value"])
            assert by_code[item["code"]].is_estimate == value.get("estimate", False)
    estimates = {code for code, rv in by_code.items() if rv.is_estimate}
    assert estimates == {"II.4.5", "II.5.2", "II.7.1", "II.8.2"}  # "Ước …" in the text
    assert stored["II.1.2.1"].parent_id == stored["II.1.2"].id
    assert stored["II.9.3"].target_form.value == "ceiling" and stored["II.9.3"].target_strict


def test_district_enterprise_table(engine) -> None:
    table = re.findall(r"^\d\t(.+?)\t(\d+)\t(\d+)\t([\d.]+)\t(\d+)$", RAW, re.M)
    assert len(table) == 9
    with Session(engine) as session:
        rows = session.exec(
            select(Locality, LocalityTarget, ReportedValue)
            .join(LocalityTarget, LocalityTarget.locality_id == Locality.id)
            .join(ReportedValue, ReportedValue.locality_id == Locality.id)
            .order_by(Locality.position)
        ).all()
    assert len(rows) == 9
    for (name, plan, done, _pct, _rest), (locality, target, value) in zip(table, rows, strict=True):
        assert locality.name.lower() == name.lower()
        assert (target.target_value, value.value) == (float(plan), float(done))
        assert value.as_of == date(2024, 6, 14)
    assert sum(t.target_value for _, t, _ in rows) == 520
    assert sum(v.value for _, _, v in rows) == 232


def test_agencies_of_groups_and_tasks(engine) -> None:
    with Session(engine) as session:

        def agencies(group_code: str, role: str) -> set[str]:
            return set(
                session.exec(
                    select(Agency.code)
                    .join(GroupAgency)
                    .join(IndicatorGroup)
                    .where(IndicatorGroup.code == group_code, GroupAgency.role == role)
                )
            )

        assert agencies("II.1", "lead") == {"BHXH"}
        assert {"SYT", "SLDTBXH", "UBND-TPTV", "UBND-TXDH"} <= agencies("II.1", "coordinate")
        assert agencies("II.6", "lead") == {"STC", "CTHUE"}
        districts = session.exec(select(Agency).where(Agency.kind == "district")).all()
        assert len(districts) == 9 and all(a.locality_id for a in districts)
        final = session.exec(select(Task).where(Task.deadline == date(2024, 7, 15))).one()
        leads = session.exec(
            select(TaskAgency).where(TaskAgency.task_id == final.id, TaskAgency.role == "lead")
        ).all()
        assert len(leads) == 13 + 9  # every provincial department and district
