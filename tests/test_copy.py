"""`kh65 copy`: a clerk's SQLite file to a server and back, ids kept, checked figure by
figure, a non-empty target refused without --replace, a failure leaving the target as it was;
and every released schema migrated on a server with its rows."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlmodel import Session, select

from kh65_desktop import cli
from kh65_desktop.cli import main
from kh65_desktop.services.editing import EditService, ValueKey
from kh65_desktop.services.plan_service import PlanService
from kh65_desktop.storage.copy import copy_rows
from kh65_desktop.storage.database import open_database, upgrade
from kh65_desktop.storage.engines import parse_server_address, server_engine
from kh65_desktop.storage.kh65_file import revisions
from kh65_desktop.storage.models import Indicator, ReportedValue

from .db_content import fingerprint
from .test_engines import counts

FIXTURES = sorted((Path(__file__).parent / "fixtures").glob("schema-*.db"))


@pytest.fixture(autouse=True)
def no_log_handlers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "configure_logging", lambda: None)  # no handlers per test


def figures(engine: Engine) -> list[tuple]:
    with engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT id, indicator_id, period_id, locality_id, value, text, achieved, "
                "is_estimate, note, entered_by, version FROM reported_value ORDER BY id"
            )
        )
        return [tuple(r) for r in rows]


def edited(engine: Engine) -> Engine:
    """The built-in plan with a figure changed and one removed (ids no longer contiguous)."""
    service, edits = PlanService(engine), EditService(engine)
    rows = service.indicator_rows()
    period = service.periods(service.current_plan())[0]
    first, second = [r for r in rows if r.latest is not None][:2]
    edits.set_values(
        [(ValueKey(first.id, period.id), None), (ValueKey(second.id, period.id), None)],
        "Lê Thị Hoa",
    )
    edits.record_value(ValueKey(second.id, period.id), 12.5, "Lê Thị Hoa")
    return engine


def test_a_file_goes_to_a_server_whole_and_the_server_takes_new_figures(
    pg_server, engine: Engine, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edited(engine)
    url = pg_server.create_database("copy_up")
    assert main(["copy", "--from", str(db_path), "--to", url]) == 0
    said = capsys.readouterr().out
    assert "Bảng reported_value" in said and "so khớp từng số liệu" in said
    server = open_database(parse_server_address(url))
    try:
        assert counts(server) == counts(engine)
        assert figures(server) == figures(engine)  # ids, values, authors, versions
        # a new figure on the server gets a new id: the sequences were moved past the copy
        service = PlanService(server)
        period = service.periods(service.current_plan())[-1]
        free = next(r for r in service.indicator_rows() if r.latest is None)
        EditService(server).record_value(ValueKey(free.id, period.id), 7.0, "Trần Văn Bình")
        assert len(figures(server)) == len(figures(engine)) + 1
    finally:
        server.dispose()


def test_a_server_comes_back_to_a_file_for_offline_work(pg_server, tmp_path: Path) -> None:
    url = pg_server.create_database("copy_down")
    server = edited(open_database(parse_server_address(url)))
    laptop = tmp_path / "laptop.db"
    assert main(["copy", "--from", url, "--to", str(laptop)]) == 0
    copy = open_database(laptop)
    try:
        assert counts(copy) == counts(server) and figures(copy) == figures(server)
        with Session(copy) as session:  # the ORM reads the copied times and dates
            figure = session.exec(select(ReportedValue).join(Indicator)).first()
            assert figure is not None and figure.entered_at.tzinfo is not None
    finally:
        copy.dispose()
        server.dispose()


def test_a_target_holding_data_is_refused_without_replace(
    pg_server, engine: Engine, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = pg_server.create_database("copy_full")
    held = open_database(parse_server_address(url))  # plan 65 seeded: it holds data
    before = fingerprint(held)
    edited(engine)
    assert main(["copy", "--from", str(db_path), "--to", url]) == 2
    refusal = capsys.readouterr().err
    assert "đã có dữ liệu" in refusal and "--replace" in refusal
    assert fingerprint(held) == before
    assert main(["copy", "--from", str(db_path), "--to", url, "--replace"]) == 0
    assert figures(held) == figures(engine)
    held.dispose()


def test_a_copy_that_fails_midway_leaves_the_target_as_it_was(
    pg_server, engine: Engine, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    engine.dispose()
    with sqlite3.connect(db_path) as db:  # SQLite keeps text in a REAL column; a server not
        db.execute(
            "UPDATE reported_value SET value = 'ba nghìn' "
            "WHERE id = (SELECT max(id) FROM reported_value)"
        )
    url = pg_server.create_database("copy_broken")
    assert main(["copy", "--from", str(db_path), "--to", url]) == 2
    assert "Lỗi:" in capsys.readouterr().err
    tables = pg_server.psql(
        "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", "copy_broken"
    )
    assert tables.strip() == "0"  # not even the schema: it was in the same transaction
    laptop = tmp_path / "laptop.db"
    assert main(["copy", "--from", str(db_path), "--to", str(laptop)]) == 2
    assert "không đúng kiểu" in capsys.readouterr().err
    assert list(tmp_path.glob("laptop.db*")) == []  # no file, not even a half-made one


def test_copying_a_database_onto_itself_is_refused(db_path: Path, engine: Engine, capsys) -> None:
    assert main(["copy", "--from", str(db_path), "--to", str(db_path)]) == 2
    assert "cùng một cơ sở dữ liệu" in capsys.readouterr().err


def test_a_mistyped_source_file_is_refused_and_nothing_is_created(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, target = tmp_path / "kh65-typo.db", tmp_path / "copy.db"
    assert main(["copy", "--from", str(source), "--to", str(target)]) == 2
    refusal = capsys.readouterr().err
    assert "Không có tệp nguồn" in refusal and "--from" in refusal
    assert list(tmp_path.iterdir()) == []  # neither an empty source nor an empty copy


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.stem for f in FIXTURES])
def test_every_released_schema_upgrades_on_a_server_with_its_rows(pg_server, fixture: Path) -> None:
    """On a server: the schema at the fixture's revision, its rows put in, then up to the
    newest, as a file of that revision is."""
    revision = fixture.stem.removeprefix("schema-")
    name = f"migrate_{revision}"
    address = parse_server_address(pg_server.create_database(name))
    early = server_engine(address)
    upgrade(early, revision)
    old = create_engine(f"sqlite:///{fixture}")
    with old.connect() as source, early.begin() as target:
        copy_rows(source, target, lambda _line: None)
    before = counts(old) if revision >= "0001" else {}
    old.dispose()
    early.dispose()
    server = open_database(address)
    try:
        with server.connect() as connection:
            version = connection.execute(text("SELECT version_num FROM alembic_version"))
            assert version.scalar_one() == revisions()[1]
        assert counts(server) == before  # nothing lost, the built-in plan not loaded twice
        with Session(server) as session:
            value = session.exec(
                select(ReportedValue)
                .join(Indicator)
                .where(Indicator.code == "II.1.1", ReportedValue.locality_id == None)  # noqa: E711
            ).one()
            assert (value.value, value.entered_by) == (85.1, "Nguyễn Thị Lan")
        edits = EditService(server)  # and it works for new edits
        edits.record_value(ValueKey(value.indicator_id, value.period_id), 86.0, "Trần Văn Bình")
        assert [c.old_value for c in edits.value_history(value.indicator_id)] == [85.1]
    finally:
        server.dispose()


def test_a_source_file_that_does_not_exist_is_refused_and_replace_clears_nothing(
    db_path: Path, engine: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A mistyped --from path once copied "0 rows" over the target with --replace."""
    before = fingerprint(engine)
    missing = tmp_path / "khong-co.db"
    assert main(["copy", "--from", str(missing), "--to", str(db_path), "--replace"]) == 2
    refusal = capsys.readouterr().err
    assert (
        "Không có tệp nguồn" in refusal and str(missing) in refusal and "Traceback" not in refusal
    )
    assert fingerprint(engine) == before
    assert not missing.exists()
