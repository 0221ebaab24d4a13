"""A package from the plan's owner carries the plan, for an office that lacks it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlmodel import Session, select

from kh65_desktop import cli
from kh65_desktop.cli import main
from kh65_desktop.exchange.data import ExchangeError
from kh65_desktop.exchange.package import parse_content, read_package, write_package
from kh65_desktop.services.carried_plan import (
    CarriedPlanRefused,
    load_offered_plan,
    offered_plan,
)
from kh65_desktop.services.exchange_files import export_file
from kh65_desktop.services.plan_service import PlanService
from kh65_desktop.services.plans import choose_plan
from kh65_desktop.storage.database import open_database
from kh65_desktop.storage.models import Agency, GroupAgency, Indicator, Plan, ReportedValue

from .test_plan_writer import snapshot
from .test_plans import NEXT, fingerprint, make_next, period, type_figure


@pytest.fixture(autouse=True)
def no_log_handlers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "configure_logging", lambda: None)  # no handlers per test


Packages = tuple[Path, Path, Path]  # the owner's package, the sender's database, the receiver's


@pytest.fixture
def packages(engine: Engine, db_path: Path, tmp_path: Path) -> Packages:
    """A receiver with plan 65 only; the sender's next plan, with a figure the planning
    department leads, exported by it with the definitions."""
    engine.dispose()
    receiver = tmp_path / "receiver.db"
    shutil.copy(db_path, receiver)
    new = make_next(engine)
    service = PlanService(engine)
    with Session(engine) as session:
        owner = session.exec(select(Agency).where(Agency.code == new.owner_code)).one()
        led = session.exec(
            select(Indicator)
            .join(GroupAgency, GroupAgency.group_id == Indicator.group_id)  # type: ignore[arg-type]
            .where(Indicator.plan_id == new.id, GroupAgency.agency_id == owner.id)
        ).first()
    assert led is not None and led.id is not None
    type_figure(engine, led.id, period(service, new, "2026-Q1").id or 0, 4321)
    package = export_file(service, new, owner, None, tmp_path / "skhdt.kh65", definitions=True)
    return package, db_path, receiver


def figures(path: Path, code: str) -> list[float | None]:
    engine = open_database(path)
    try:
        with Session(engine) as session:
            return list(
                session.exec(
                    select(ReportedValue.value)
                    .join(Indicator)
                    .join(Plan, Plan.id == Indicator.plan_id)  # type: ignore[arg-type]
                    .where(Plan.code == code)
                )
            )
    finally:
        engine.dispose()


def test_the_owners_package_carries_the_plan_file(packages: Packages) -> None:
    data = read_package(packages[0])
    assert data.plan_file.startswith("# Kế hoạch số 9/KH-UBND")
    assert f'code = "{NEXT}"' in data.plan_file


def test_import_without_the_plan_says_so_and_names_take_plan(
    packages: Packages, capsys: pytest.CaptureFixture[str]
) -> None:
    package, _, receiver = packages
    before = fingerprint(receiver)
    assert main(["--db", str(receiver), "import", str(package)]) == 2
    err = capsys.readouterr().err
    assert f"kế hoạch “{NEXT}”" in err and "chưa có" in err and "--take-plan" in err
    assert fingerprint(receiver) == before


def test_take_plan_loads_the_plan_then_imports_the_figures(
    packages: Packages, capsys: pytest.CaptureFixture[str]
) -> None:
    package, sender, receiver = packages
    assert main(["--db", str(receiver), "import", str(package), "--take-plan"]) == 0
    out = capsys.readouterr().out
    assert f"Đã nạp kế hoạch {NEXT}" in out and "Đã nhập" in out
    sent, got = open_database(sender), open_database(receiver)
    try:
        assert snapshot(got, NEXT) == snapshot(sent, NEXT)
    finally:
        sent.dispose()
        got.dispose()
    assert figures(receiver, NEXT) == [4321]


def test_a_package_from_another_agency_never_brings_a_plan(
    packages: Packages, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    package, sender, receiver = packages
    # the planning department's plan file, sent on by another agency
    data = read_package(package)
    data.sender_code, data.sender_name = "STC", "Sở Tài chính"
    forged = write_package(data, tmp_path / "stc.kh65")
    before = fingerprint(receiver)
    assert main(["--db", str(receiver), "import", str(forged), "--take-plan"]) == 2
    err = capsys.readouterr().err
    assert "không phải cơ quan tổng hợp kế hoạch" in err and "Sở Tài chính" in err
    assert fingerprint(receiver) == before
    engine = open_database(receiver)
    try:
        with pytest.raises(CarriedPlanRefused, match="chỉ cơ quan đó được gửi kế hoạch"):
            load_offered_plan(engine, read_package(forged))
        with pytest.raises(LookupError):
            choose_plan(engine, NEXT)
    finally:
        engine.dispose()
    # and an agency that is not the owner exports no plan file
    engine = open_database(sender)
    try:
        service = PlanService(engine)
        new = choose_plan(engine, NEXT)
        with Session(engine) as session:
            stc = session.exec(select(Agency).where(Agency.code == "STC")).one()
        path = export_file(service, new, stc, None, tmp_path / "stc2.kh65", definitions=True)
    finally:
        engine.dispose()
    assert read_package(path).plan_file == ""


def test_the_plan_is_offered_only_where_it_is_missing(packages: Packages) -> None:
    package, sender, receiver = packages
    data = read_package(package)
    for path, offered in ((sender, False), (receiver, True)):
        engine = open_database(path)
        try:
            got = offered_plan(engine, data)
            assert (got is not None) == offered
            if got is not None:
                assert (got.code, got.number) == (NEXT, "9/KH-UBND")
        finally:
            engine.dispose()


def test_a_plan_file_that_is_not_text_is_refused(tmp_path: Path) -> None:
    body = {"plan": "P", "sender": {"code": "SKHDT", "name": "Sở"}, "plan_file": 5}
    with pytest.raises(ExchangeError, match="plan_file"):
        parse_content(body, tmp_path / "x.kh65")


def test_the_window_offers_to_load_the_plan_then_previews_the_figures(
    qtbot, packages: Packages, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kh65_desktop.services.exchange import Action
    from kh65_desktop.ui import prompts

    from .ui_helpers import open_window

    package, _, receiver = packages
    asked: list[str] = []

    def yes(parent: object, title: str, text: str) -> bool:
        asked.append(f"{title}: {text}")
        return True

    monkeypatch.setattr(prompts, "confirm", yes)
    window = open_window(qtbot, receiver, tmp_path)
    dialog = window.open_import(package)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10000)
    assert asked and asked[0].startswith("Nạp kế hoạch từ gói: Gói thuộc kế hoạch")
    assert window.context.plan.code == NEXT  # the window shows the plan just loaded
    assert dialog.isVisible() and dialog.apply_button.isEnabled()
    assert [(r.kind, r.new, r.action) for r in dialog.model.rows if r.kind == "value"] == [
        ("value", "4.321", Action.ADD)
    ]
    assert window.undo_action.text() == "Hoàn tác nạp kế hoạch từ gói skhdt.kh65"
    dialog.reject()
    window.undo_action.trigger()  # the plan goes again, as a plan loaded from a file does
    assert window.context.plan.code != NEXT
    with pytest.raises(LookupError):
        choose_plan(window.context.engine, NEXT)


def test_the_window_loads_nothing_when_the_clerk_says_no(
    qtbot, packages: Packages, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kh65_desktop.ui import prompts

    from .ui_helpers import open_window

    package, _, receiver = packages
    monkeypatch.setattr(prompts, "confirm", lambda *args: False)
    window = open_window(qtbot, receiver, tmp_path)
    dialog = window.open_import(package)
    qtbot.waitUntil(lambda: "Không nhập được" in dialog.summary.text(), timeout=10000)
    assert "chưa có trong cơ sở dữ liệu" in dialog.summary.text()
    assert not dialog.apply_button.isEnabled() and not window.undo_action.isEnabled()
    with pytest.raises(LookupError):
        choose_plan(window.context.engine, NEXT)


def test_the_window_refuses_a_plan_sent_on_by_another_agency(
    qtbot, packages: Packages, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kh65_desktop.ui import prompts

    from .ui_helpers import open_window

    package, _, receiver = packages
    data = read_package(package)
    data.sender_code, data.sender_name = "STC", "Sở Tài chính"
    forged = write_package(data, tmp_path / "stc.kh65")
    asked: list[str] = []
    monkeypatch.setattr(prompts, "confirm", lambda *args: asked.append("?") or True)
    window = open_window(qtbot, receiver, tmp_path)
    dialog = window.open_import(forged)
    qtbot.waitUntil(lambda: "Không nhập được" in dialog.summary.text(), timeout=10000)
    assert "không phải cơ quan tổng hợp kế hoạch" in dialog.summary.text()
    assert asked == [] and not window.undo_action.isEnabled()
