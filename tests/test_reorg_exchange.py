"""Packages across the 2025 change: an old agency code imports into its successor, and a
package for a plan this database lacks says so."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlmodel import Session, select

from kh65_desktop.exchange.data import ExchangeError
from kh65_desktop.exchange.package import write_package
from kh65_desktop.services.exchange import Action, ExchangeService
from kh65_desktop.services.exchange_files import export_data, read_file
from kh65_desktop.services.reorg import ReorgService
from kh65_desktop.storage.database import open_database
from kh65_desktop.storage.models import Agency, Indicator, Period, Plan, ReportedValue

from .test_reorg import REORG, add_plan_2026, dump


def old_package(tmp_path: Path) -> Path:
    """What an office whose database was not reorganised sends: the 2026 plan's figure of
    II.3.1, from Sở Kế hoạch và Đầu tư (its old code, SKHDT)."""
    sender = open_database(tmp_path / "noi-gui.db")
    try:
        plan = add_plan_2026(sender)
        with Session(sender, expire_on_commit=False) as session:
            indicator = session.exec(select(Indicator).where(Indicator.plan_id == plan.id)).one()
            period = session.exec(select(Period).where(Period.plan_id == plan.id)).one()
            session.add(
                ReportedValue(
                    indicator_id=indicator.id,
                    period_id=period.id,
                    value=420.0,
                    entered_by="Trần Thị B",
                    entered_at=datetime(2026, 6, 10, tzinfo=UTC),
                )
            )
            session.commit()
            skhdt = session.exec(select(Agency).where(Agency.code == "SKHDT")).one()
        data = export_data(sender, plan, skhdt)
    finally:
        sender.dispose()
    return write_package(data, tmp_path / "skhdt-2026.kh65")


def test_a_package_from_before_a_merge_imports_into_the_successor(
    engine: Engine, tmp_path: Path
) -> None:
    package = old_package(tmp_path)
    plan = add_plan_2026(engine)
    reorg = ReorgService(engine)
    reorg.apply(reorg.read(REORG), "Nguyễn Văn A")
    exchange = ExchangeService(engine)
    preview = exchange.preview(plan, read_file(package, "Nguyễn Văn A"))
    assert preview.sender == "Sở Kế hoạch và Đầu tư → Sở Tài chính"
    [row] = [r for r in preview.rows if r.kind == "value"]
    assert (row.code, row.action, row.new) == ("II.3.1", Action.ADD, "420")
    exchange.apply(plan, preview, "Nguyễn Văn A")
    with Session(engine) as session:
        stored = session.exec(
            select(ReportedValue.value)
            .join(Indicator)
            .where(Indicator.plan_id == plan.id, Indicator.code == "II.3.1")
        ).all()
    assert stored == [420.0]


def test_without_the_merge_the_old_code_is_refused_the_figure(
    engine: Engine, tmp_path: Path
) -> None:
    """The same package, the receiver's 2026 plan already led by Sở Tài chính but no
    reorganisation applied: the sender is itself, and not the indicator's lead."""
    package = old_package(tmp_path)
    plan = add_plan_2026(engine, "STC")
    preview = ExchangeService(engine).preview(plan, read_file(package, "Nguyễn Văn A"))
    assert preview.sender == "Sở Kế hoạch và Đầu tư"
    assert [r.action for r in preview.rows if r.kind == "value"] == [Action.REFUSED]


def test_a_package_for_a_plan_this_database_lacks_says_so(
    engine: Engine, db_path: Path, tmp_path: Path
) -> None:
    package = old_package(tmp_path)
    before = dump(db_path)
    with Session(engine, expire_on_commit=False) as session:
        plan_65 = session.exec(select(Plan)).one()
    with pytest.raises(ExchangeError) as refused:
        ExchangeService(engine).preview(plan_65, read_file(package, "Nguyễn Văn A"))
    assert "kế hoạch “TEST/2026”, kế hoạch này chưa có trong cơ sở dữ liệu ở đây" in str(
        refused.value
    )
    assert dump(db_path) == before


def test_a_package_names_its_sender_as_at_the_period_end(engine: Engine) -> None:
    reorg = ReorgService(engine)
    reorg.apply(reorg.read(REORG), "Nguyễn Văn A")
    with Session(engine, expire_on_commit=False) as session:
        plan_65 = session.exec(select(Plan)).one()
        bdt = session.exec(select(Agency).where(Agency.code == "BDT")).one()
    assert bdt.name == "Sở Dân tộc và Tôn giáo"
    data = export_data(engine, plan_65, bdt)
    assert (data.sender_code, data.sender_name) == ("BDT", "Ban Dân tộc")
