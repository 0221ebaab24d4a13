"""Schema migrations: every released schema's database opens and upgrades with its data."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlmodel import Session, SQLModel, col, select

from kh65_desktop.services.editing import EditService, ValueKey
from kh65_desktop.storage.database import alembic_config, open_database
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
        assert session.exec(select(ValueChange)).all() == []  # the new table is there, empty
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
