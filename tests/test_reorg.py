"""Applying the 2025 reorganisation file: preview, apply, undo, refusals."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlmodel import Session, select

from kh65_desktop.domain.terms import IndicatorKind, PeriodKind, Role, TargetForm
from kh65_desktop.services.organisations import history
from kh65_desktop.services.reorg import ReorgRefused, ReorgService
from kh65_desktop.storage.models import (
    Agency,
    GroupAgency,
    Indicator,
    IndicatorGroup,
    Period,
    Plan,
    ReorgLog,
)

from .conftest import REPO

pytestmark = pytest.mark.both_engines

REORG = REPO / "resources" / "reorg" / "tra-vinh-2025.toml"


def dump(db_path: Path) -> dict[str, list[tuple]]:
    """Every table's rows, sorted (the log of applied reorganisations aside)."""
    with sqlite3.connect(db_path) as db:
        tables = [
            r[0]
            for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if r[0] != "reorg_log"
        ]
        return {t: sorted(db.execute(f'SELECT * FROM "{t}"'), key=repr) for t in tables}


def add_plan_2026(
    engine: Engine,
    lead: str | list[str] = "SKHDT",
    group_code: str = "II.3",
    indicators: tuple[tuple[str, str], ...] = (("II.3.1", "Tổng vốn đầu tư toàn xã hội"),),
) -> Plan:
    """A later plan (as one received before the reorganisation still names its agencies),
    with one group led by `lead` and one period, 6 months of 2026."""
    with Session(engine, expire_on_commit=False) as session:
        plan = Plan(
            code="TEST/2026",
            number="9/KH-UBND",
            issued_on=date(2026, 1, 15),
            place="Vĩnh Long",
            issuing_body="Ủy ban nhân dân tỉnh Vĩnh Long",
            title="Kế hoạch thử",
            year=2026,
            starts_on=date(2026, 1, 1),
            ends_on=date(2026, 12, 31),
            signer_authority="TM. ỦY BAN NHÂN DÂN",
            signer_title="CHỦ TỊCH",
            signer_name="",
            owner_code="SKHDT",
        )
        session.add(plan)
        session.flush()
        session.add(
            Period(
                plan_id=plan.id,
                code="2026-H1",
                name="6 tháng đầu năm 2026",
                kind=PeriodKind.HALF_YEAR,
                starts_on=date(2025, 12, 15),
                ends_on=date(2026, 6, 14),
            )
        )
        group = IndicatorGroup(plan_id=plan.id, code=group_code, section="II", heading="Nhóm")
        session.add(group)
        session.flush()
        for code in [lead] if isinstance(lead, str) else lead:
            agency = session.exec(select(Agency).where(Agency.code == code)).one()
            session.add(GroupAgency(group_id=group.id, agency_id=agency.id, role=Role.LEAD))
        for position, (code, name) in enumerate(indicators):
            session.add(
                Indicator(
                    plan_id=plan.id,
                    group_id=group.id,
                    code=code,
                    position=position,
                    name=name,
                    kind=IndicatorKind.ACCUMULATING,
                    target_form=TargetForm.VALUE,
                    target_value=1000,
                )
            )
        session.commit()
        return plan


def leads(engine: Engine, plan_code: str, group: str) -> list[str]:
    with Session(engine) as session:
        return sorted(
            a.code
            for a in session.exec(
                select(Agency)
                .join(GroupAgency)
                .join(IndicatorGroup)
                .join(Plan)
                .where(
                    Plan.code == plan_code,
                    IndicatorGroup.code == group,
                    GroupAgency.role == Role.LEAD,
                )
            )
        )


def test_applied_and_undone_the_database_is_exactly_as_it_was(
    engine: Engine, db_path: Path
) -> None:
    add_plan_2026(engine)
    before = dump(db_path)
    service = ReorgService(engine)
    result = service.apply(service.read(REORG), "Nguyễn Văn A")
    after = dump(db_path)
    assert after != before
    for figures in ("reported_value", "stated_figure", "locality_target", "value_change"):
        assert after[figures] == before[figures]  # no figure lost or moved
    # plan 65 keeps its assignments, the 2026 plan's pass to the successor
    assert leads(engine, "65/KH-UBND/2024", "II.3") == ["SKHDT"]
    assert leads(engine, "TEST/2026", "II.3") == ["STC"]
    with Session(engine) as session:
        skhdt = session.exec(select(Agency).where(Agency.code == "SKHDT")).one()
        assert skhdt.valid_to == date(2025, 2, 28)
        bdt = session.exec(select(Agency).where(Agency.code == "BDT")).one()
        assert bdt.name == "Sở Dân tộc và Tôn giáo"
    service.undo(result.log_id)
    assert dump(db_path) == before
    with Session(engine) as session:
        log = session.get(ReorgLog, result.log_id)
        assert log is not None and log.undone_at is not None


def test_the_preview_says_what_moves_where_and_writes_nothing(
    engine: Engine, db_path: Path
) -> None:
    add_plan_2026(engine)
    before = dump(db_path)
    service = ReorgService(engine)
    text = service.preview(service.read(REORG)).text()
    assert dump(db_path) == before
    assert "Hợp nhất từ 01/3/2025: Sở Kế hoạch và Đầu tư → Sở Tài chính" in text
    assert "Đổi tên từ 01/3/2025: Ban Dân tộc → Sở Dân tộc và Tôn giáo" in text
    assert (
        "chỉ tiêu II.9.2 Tỷ lệ lao động qua đào tạo (chủ trì): Sở Lao động - Thương binh và "
        "Xã hội → Sở Giáo dục và Đào tạo" in text
    )
    assert "chỉ tiêu II.9.4 " in text and "→ Sở Nông nghiệp và Môi trường" in text
    assert "Kế hoạch số 65/KH-UBND (năm 2024): lập trước thay đổi, giữ nguyên" in text
    assert "Kế hoạch số 9/KH-UBND (năm 2026): lập sau thay đổi" in text


def test_the_successor_of_each_item_of_plan_65_after_the_change(engine: Engine) -> None:
    service = ReorgService(engine)
    service.apply(service.read(REORG), "Nguyễn Văn A")
    known = history(engine)
    later = date(2026, 1, 1)
    plan = "65/KH-UBND/2024"
    assert known.successor("SKHDT", later) == "STC"
    assert known.successor("SNNPTNT", later) == "SNNMT"
    assert known.successor("SKHDT", date(2024, 12, 31)) == "SKHDT"
    split = known.item_successor
    assert split("SLDTBXH", later, plan, indicator_line=("II.9.2.1", "II.9.2")) == "SGDDT"
    assert split("SLDTBXH", later, plan, indicator_line=("II.9.5",)) == "SNNMT"
    assert split("SLDTBXH", later, plan, task="II.9.T1.2") == "SNV"
    assert split("SLDTBXH", later, plan, task="II.2.T1.1") == "SNV"  # the merge successor
    assert known.group_successors(
        "SLDTBXH", later, plan, "II.9", [("II.9.1",), ("II.9.2",), ("II.9.4",)]
    ) == ["SNV", "SGDDT", "SNNMT"]


def test_the_same_file_is_not_applied_twice(engine: Engine, db_path: Path) -> None:
    service = ReorgService(engine)
    service.apply(service.read(REORG), "Nguyễn Văn A")
    before = dump(db_path)
    with pytest.raises(ReorgRefused, match="đã được áp dụng ngày .* bởi Nguyễn Văn A"):
        service.apply(service.read(REORG), "Nguyễn Văn A")
    assert dump(db_path) == before


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "sap-xep.toml"
    path.write_text(
        'format = "kh65-reorg"\nformat_version = 1\n[reorg]\ncode = "thu"\ntitle = "Thử"\n' + body,
        encoding="utf-8",
    )
    return path


MERGE = '[[merges]]\nfrom = [{src}]\ninto = "{into}"\non = {on}\ndecision = "QĐ"\n'


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            '[[endings]]\nlast_day = 2025-01-31\ndecision = "QĐ"\nagencies = ["STC"]\n'
            + MERGE.format(src='"SKHDT"', into="STC", on="2025-03-01"),
            "[[merges]] số 1: cơ quan Sở Tài chính (STC) đã kết thúc ngày 31/01/2025, "
            "trước ngày 01/3/2025",
        ),
        (
            MERGE.format(src='"SKHDT"', into="STC", on="2025-03-01")
            + MERGE.format(src='"STC"', into="SKHDT", on="2025-04-01"),
            "vòng lặp kế tiếp",
        ),
        (
            MERGE.format(src='"SKHDT"', into="SXYZ", on="2025-03-01"),
            "[[merges]] số 1: không có cơ quan mã “SXYZ”",
        ),
        (
            '[[agencies]]\ncode = "SMOI"\nname = "Sở Mới"\nkind = "provincial"\n'
            "valid_from = 2025-05-01\n" + MERGE.format(src='"SKHDT"', into="SMOI", on="2025-03-01"),
            "ngày không theo thứ tự: cơ quan Sở Mới (SMOI) bắt đầu từ ngày 01/5/2025",
        ),
        (
            '[[splits]]\nfrom = "SLDTBXH"\non = 2025-03-01\ndecision = "QĐ"\n'
            'successors = [{ to = "SYT", functions = "a" }, { to = "STC", functions = "b" }]\n'
            'items = [{ plan = "65/KH-UBND/2024", group = "II.9", to = "SYT" }]\n',
            "nhiệm vụ II.1.T5.1",
        ),
        (
            '[[splits]]\nfrom = "SLDTBXH"\non = 2025-03-01\ndecision = "QĐ"\n'
            'successors = [{ to = "SYT", functions = "a" }, { to = "STC", functions = "b" }]\n'
            'items = [{ plan = "65/KH-UBND/2024", indicator = "II.9.1", to = "SYT" }]\n',
            "[[splits]] số 1: chỉ tiêu II.9.2 (Tỷ lệ lao động qua đào tạo) của kế hoạch "
            "65/KH-UBND do Sở Lao động - Thương binh và Xã hội chủ trì chưa được giao",
        ),
        (
            MERGE.format(src='"SKHDT"', into="STC", on="2025-13-01"),
            "dòng 9: không đúng cú pháp TOML (ở cột 10)",
        ),
        (
            '[[splits]]\nfrom = "SLDTBXH"\ninto = "SYT"\non = 2025-03-01\ndecision = "QĐ"\n'
            'successors = [{ to = "SYT", functions = "a" }, { to = "STC", functions = "b" }]\n'
            'items = [{ plan = "65/KH-UBND/2024", indicator = "II.9.1", to = "SXD" }]\n',
            "[[splits]] số 1, items số 1: cơ quan “SXD” không có trong successors",
        ),
        (
            '[[splits]]\nfrom = "SLDTBXH"\ninto = "SYT"\non = 2025-03-01\ndecision = "QĐ"\n'
            'successors = [{ to = "SYT", functions = "a" }, { to = "STC", functions = "b" }]\n'
            'items = [{ plan = "65/KH-UBND/2024", indicator = "II.9.99", to = "STC" }]\n',
            "[[splits]] số 1, items số 1: kế hoạch 65/KH-UBND không có chỉ tiêu mã “II.9.99”",
        ),
        (
            '[[merges]]\nfrom = ["SKHDT"]\ninto = "STC"\non = 2025-03-01\n',
            "[[merges]] số 1: thiếu decision",
        ),
    ],
    ids=[
        "merge-into-ended",
        "cycle",
        "unknown-code",
        "successor-begins-later",
        "split-leaves-a-task-without-lead",
        "split-leaves-an-indicator-without-lead",
        "bad-date",
        "split-to-a-stranger",
        "split-of-an-unknown-indicator",
        "no-decision",
    ],
)
def test_bad_files_are_refused_naming_the_row_and_nothing_is_written(
    engine: Engine, db_path: Path, tmp_path: Path, body: str, message: str
) -> None:
    before = dump(db_path)
    service = ReorgService(engine)
    with pytest.raises(ReorgRefused) as refused:
        service.apply(service.read(write(tmp_path, body)), "Nguyễn Văn A")
    assert message in str(refused.value)
    assert "sap-xep.toml" in str(refused.value)
    assert dump(db_path) == before


def test_a_rename_before_the_last_one_is_refused(engine: Engine, tmp_path: Path) -> None:
    rename = '[[renames]]\nagency = "BDT"\nname = "{name}"\non = {on}\ndecision = "QĐ"\n'
    service = ReorgService(engine)
    service.apply(service.read(write(tmp_path, rename.format(name="Tên B", on="2025-03-01"))), "A")
    later = write(tmp_path, rename.format(name="Tên C", on="2025-02-01")).read_text()
    path = tmp_path / "lan-hai.toml"
    path.write_text(later.replace('code = "thu"', 'code = "thu-2"'), encoding="utf-8")
    with pytest.raises(ReorgRefused, match=r"\[\[renames\]\] số 1: ngày không theo thứ tự"):
        service.apply(service.read(path), "A")


def test_the_command_line_previews_applies_refuses_and_undoes(
    engine: Engine, db_path: Path, tmp_path: Path
) -> None:
    from .test_cli import kh65

    before = dump(db_path)
    engine.dispose()
    result = kh65("--db", str(db_path), "reorg", "apply", str(REORG), "--dry-run")
    assert result.returncode == 0, result.stderr
    assert "Sở Kế hoạch và Đầu tư → Sở Tài chính" in result.stdout
    assert "chưa ghi gì" in result.stdout
    assert dump(db_path) == before
    bad = write(tmp_path, MERGE.format(src='"SKHDT"', into="SXYZ", on="2025-03-01"))
    result = kh65("--db", str(db_path), "reorg", "apply", str(bad))
    assert result.returncode == 2
    assert "không có cơ quan mã “SXYZ”" in result.stderr
    assert dump(db_path) == before
    result = kh65("--db", str(db_path), "reorg", "apply", str(REORG))
    assert result.returncode == 0, result.stderr
    assert "kh65 reorg undo 1" in result.stdout
    assert dump(db_path) != before
    assert kh65("--db", str(db_path), "reorg", "undo", "1").returncode == 0
    assert dump(db_path) == before


def test_undo_is_refused_when_later_work_uses_what_the_apply_added(
    engine: Engine, db_path: Path
) -> None:
    service = ReorgService(engine)
    applied = service.apply(service.read(REORG), "Nguyễn Văn A").log_id
    add_plan_2026(engine, "SNNMT")  # a later plan assigns the new department
    before = dump(db_path)
    with pytest.raises(ReorgRefused, match="Sở Nông nghiệp và Môi trường đã được phân công"):
        service.undo(applied)
    assert dump(db_path) == before


def test_undo_is_refused_when_a_validity_it_set_was_changed_since(
    engine: Engine, db_path: Path
) -> None:
    service = ReorgService(engine)
    applied = service.apply(service.read(REORG), "Nguyễn Văn A").log_id
    with Session(engine) as session:
        skhdt = session.exec(select(Agency).where(Agency.code == "SKHDT")).one()
        skhdt.valid_to = date(2025, 3, 31)  # corrected by hand since
        session.add(skhdt)
        session.commit()
    before = dump(db_path)
    with pytest.raises(ReorgRefused, match="Sở Kế hoạch và Đầu tư đã được sửa sau"):
        service.undo(applied)
    assert dump(db_path) == before
