"""services/plan_reading: the document read with the agencies the database knows."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import Session, select

from kh65_desktop.services.plan_reading import known_agencies, read_plan_file
from kh65_desktop.storage.models import Agency, AgencyName

from .plan_documents import write_txt

DOCUMENT = """ỦY BAN NHÂN DÂN TỈNH VĨNH LONG
Số: 7/KH-UBND
Vĩnh Long, ngày 10 tháng 02 năm 2026
KẾ HOẠCH
Thực hiện chỉ tiêu năm 2026
I. PHÂN CÔNG THỰC HIỆN
1. Sở Kế hoạch Đầu tư Phát triển
a) Chỉ tiêu
- Tổng vốn đầu tư toàn xã hội năm 2026 là 41.000 tỷ đồng.
- Phát triển doanh nghiệp năm 2026 là 600 doanh nghiệp.
"""


def test_known_agencies_include_former_names_before_the_current(engine: Engine) -> None:
    with Session(engine) as session, session.begin():
        agency = session.exec(select(Agency).where(Agency.code == "SKHDT")).one()
        session.add(
            AgencyName(
                agency_id=agency.id, name="Sở Kế hoạch Đầu tư Phát triển", valid_to=date(2020, 1, 1)
            )
        )
    pairs = known_agencies(engine)
    mine = [name for code, name in pairs if code == "SKHDT"]
    assert mine == ["Sở Kế hoạch Đầu tư Phát triển", "Sở Kế hoạch và Đầu tư"]
    assert ("SYT", "Sở Y tế") in pairs


def test_a_former_name_in_the_document_finds_its_agency(engine: Engine, tmp_path: Path) -> None:
    with Session(engine) as session, session.begin():
        agency = session.exec(select(Agency).where(Agency.code == "SKHDT")).one()
        session.add(
            AgencyName(
                agency_id=agency.id, name="Sở Kế hoạch Đầu tư Phát triển", valid_to=date(2020, 1, 1)
            )
        )
    steps: list[int] = []
    read = read_plan_file(
        engine, write_txt(DOCUMENT, tmp_path / "kh7.txt"), lambda done, total: steps.append(done)
    )
    groups = read.plan_data()["groups"]
    assert groups and groups[0]["lead"] == ["SKHDT"]
    assert read.indicator_count == 2
    assert steps == sorted(steps) and steps[-1] == 100


def test_a_2026_plan_after_the_reorganisation_names_no_agency_that_had_ended(
    engine: Engine,
) -> None:
    """'Ủy ban nhân dân các xã, phường' and 'các sở, ngành tỉnh' in a 2026 plan stand for
    the agencies of 2026: not the districts' People's Committees nor the departments that
    the 2025 reorganisation ended, though the database still knows them for older plans."""
    from kh65_desktop.resources import resource_path
    from kh65_desktop.services.reorg import ReorgService

    reorg = ReorgService(engine)
    reorg.apply(reorg.read(resource_path("reorg", "tra-vinh-2025.toml")), "Kiểm thử")
    with Session(engine) as session:
        ended = {
            a.code
            for a in session.exec(select(Agency).where(Agency.valid_to.is_not(None)))  # type: ignore[union-attr]
            if a.valid_to and a.valid_to < date(2026, 1, 1)
        }
    assert {"SKHDT", "UBND-CL"} <= ended  # what the reorganisation ended
    variant = Path(__file__).parent / "fixtures" / "plan_variants" / "vinh-long-2026.txt"
    read = read_plan_file(engine, variant)
    named = {item.key for item in read.items if item.kind == "agency"}
    assert named and not named & ended
    data = read.plan_data()
    members = {code for codes in data.get("agency_sets", {}).values() for code in codes}
    assert not members & ended
