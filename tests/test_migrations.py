"""Schema migrations: every released schema's database opens and upgrades with its data."""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlmodel import Session, SQLModel, col, select

from kh65_desktop.services.editing import EditService, ValueKey
from kh65_desktop.services.exchange import ExchangeService
from kh65_desktop.services.plan_service import PlanService
from kh65_desktop.storage.database import alembic_config, create_db_engine, open_database
from kh65_desktop.storage.models import Indicator, ReportedValue, Task, ValueChange

FIXTURES = sorted((Path(__file__).parent / "fixtures").glob("schema-*.db"))
HEAD = ScriptDirectory.from_config(alembic_config()).get_current_head()


def test_a_fixture_exists_for_the_first_released_schema() -> None:
    assert [f.name for f in FIXTURES][:1] == ["schema-0001.db"]


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.stem for f in FIXTURES])
def test_old_database_upgrades_with_its_data(fixture: Path, tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    shutil.copy(fixture, path)
    with sqlite3.connect(path) as db:
        before = {
            t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("indicator", "reported_value", "task", "stated_figure")
        }
    engine = open_database(path)
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT version_num FROM alembic_version").fetchone()[0] == HEAD
        after = {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in before}
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert after == before  # nothing lost, and the built-in plan was not loaded twice
    with Session(engine) as session:
        value = session.exec(
            select(ReportedValue)
            .join(Indicator)
            .where(Indicator.code == "II.1.1", col(ReportedValue.locality_id).is_(None))
        ).one()
        assert (value.value, value.entered_by) == (85.1, "Nguyễn Thị Lan")
        assert session.exec(select(Task).where(Task.code == "T1.1")).one().status == "done"
        logged = [c.changed_by for c in session.exec(select(ValueChange))]
        imported = ["Nhập từ tệp cthue.kh65 (Cục Thuế tỉnh)"]  # 0003's fixture imported one
        assert logged == (imported if fixture.stem >= "schema-0003" else [])
    edits = EditService(engine)  # and the upgraded database works for new edits
    edits.record_value(ValueKey(value.indicator_id, value.period_id), 86.0, "Trần Văn Bình")
    assert [c.old_value for c in edits.value_history(value.indicator_id)] == [85.1]
    engine.dispose()


# SQLite cannot reflect the expression index; test_database checks that it works.
@pytest.mark.filterwarnings("ignore:.*expression-based index")
def test_migrations_build_exactly_the_models_schema(tmp_path: Path) -> None:
    engine = open_database(tmp_path / "new.db", seed=False)
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)
    assert diff == []
    engine.dispose()


def test_an_import_made_before_revision_0004_can_still_be_undone(tmp_path: Path) -> None:
    """0003 kept an import's previous figures as JSON in its log; 0004 moves them to rows."""
    path = tmp_path / "old.db"
    shutil.copy(Path(__file__).parent / "fixtures" / "schema-0003.db", path)
    engine = open_database(path)
    with sqlite3.connect(path) as db:
        (undo_data,) = db.execute("SELECT undo_data FROM import_log").fetchone()
        kept = db.execute(
            "SELECT existed, value, entered_by, entered_at FROM import_undo_value"
        ).fetchall()
    assert "values" not in json.loads(undo_data)
    assert kept == [(1, 3300.0, "Văn bản", "2024-07-04 00:00:00.000000")]  # stored form, UTC
    service = PlanService(engine)
    assert _province_value(service, "II.6.1") == (4100.0, "CTHUE")
    exchange = ExchangeService(engine)
    exchange.undo(exchange.imports()[0].id, "Trần Văn Bình")
    assert _province_value(service, "II.6.1") == (3300.0, "Văn bản")
    with Session(engine) as session:
        value = session.exec(
            select(ReportedValue)
            .join(Indicator)
            .where(Indicator.code == "II.6.1", col(ReportedValue.locality_id).is_(None))
        ).one()
        assert value.entered_at == datetime(2024, 7, 4, tzinfo=UTC)
    engine.dispose()


def test_revision_0004_downgrades_to_the_json_log(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    shutil.copy(Path(__file__).parent / "fixtures" / "schema-0003.db", path)
    open_database(path).dispose()
    engine = create_db_engine(path)
    with engine.connect() as connection:
        config = alembic_config()
        config.attributes["connection"] = connection
        command.downgrade(config, "0003")
        connection.commit()
    engine.dispose()
    with sqlite3.connect(path) as db:
        (undo_data,) = db.execute("SELECT undo_data FROM import_log").fetchone()
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master")}
    assert "import_undo_value" not in tables
    (indicator, period, locality, state) = json.loads(undo_data)["values"][0]
    assert state[0] == 3300.0 and state[6] == "Văn bản" and locality is None


def _province_value(service: PlanService, code: str) -> tuple[float | None, str]:
    row = next(r for r in service.indicator_rows() if r.code == code)
    return row.latest.value, row.latest.entered_by


def test_revision_0005_keeps_receipt_times_and_names_the_plans_owner(tmp_path: Path) -> None:
    """0004's figures are taken as received when they were entered, never after the
    upgrade; the plan's owner comes from the plan file; the import log counts refusals."""
    path = tmp_path / "old.db"
    shutil.copy(Path(__file__).parent / "fixtures" / "schema-0004.db", path)
    with sqlite3.connect(path) as db:  # a stamp from a sender's clock run wild
        db.execute(
            "UPDATE reported_value SET entered_at = '9999-12-31 00:00:00.000000' WHERE id = "
            "(SELECT min(id) FROM reported_value)"
        )
    before = datetime.now(UTC).replace(tzinfo=None).isoformat(" ")
    open_database(path).dispose()
    after = datetime.now(UTC).replace(tzinfo=None).isoformat(" ")
    with sqlite3.connect(path) as db:
        stamps = db.execute(
            "SELECT entered_at, received_at FROM reported_value ORDER BY id"
        ).fetchall()
        owner = db.execute("SELECT owner_code FROM plan").fetchone()[0]
        refused = db.execute("SELECT refused FROM import_log").fetchall()
    assert before <= stamps[0][1] <= after  # the 9999 stamp: received at the upgrade
    assert all(received == entered for entered, received in stamps[1:])
    assert owner == "SKHDT" and refused == [(0,)]
    engine = create_db_engine(path)
    with engine.connect() as connection:
        config = alembic_config()
        config.attributes["connection"] = connection
        command.downgrade(config, "0004")
        connection.commit()
    engine.dispose()
    with sqlite3.connect(path) as db:
        columns = {r[1] for r in db.execute("PRAGMA table_info(reported_value)")}
        kept = db.execute("SELECT count(*) FROM import_undo_value").fetchone()[0]
    assert "received_at" not in columns and kept == 1  # the undo rows survive
