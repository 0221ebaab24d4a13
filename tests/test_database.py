"""The local database: first start, never overwriting a clerk's data, safe settings."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from kh65_desktop.services.editing import EditService, ValueKey
from kh65_desktop.services.plan_service import PlanService
from kh65_desktop.storage.database import open_database, seed_builtin_plan
from kh65_desktop.storage.models import AppMeta, Indicator, Plan, ReportedValue
from kh65_desktop.storage.plan_file import PlanFileError, load_plan


def _indicator(service: PlanService, code: str):
    return next(r for r in service.indicator_rows() if r.code == code)


def test_first_start_loads_plan_65(service: PlanService) -> None:
    rows = service.indicator_rows()
    assert len(rows) == 45
    bhyt = _indicator(service, "II.1.1")
    assert bhyt.lead == ("Bảo hiểm xã hội tỉnh",)
    assert bhyt.latest is not None and bhyt.latest.value == 83.50
    assert bhyt.latest.period_name == "6 tháng đầu năm 2024"


def test_a_clerks_edit_survives_restart_and_is_never_reseeded(db_path: Path) -> None:
    engine = open_database(db_path)
    service = PlanService(engine)
    row = _indicator(service, "II.2.1")
    EditService(engine).record_value(
        ValueKey(row.id, row.latest.period_id), 20000, "Nguyễn Thị Lan", as_of=date(2024, 9, 14)
    )
    engine.dispose()
    engine = open_database(db_path)  # a second start
    again = _indicator(PlanService(engine), "II.2.1")
    assert again.latest.value == 20000 and again.latest.entered_by == "Nguyễn Thị Lan"
    assert seed_builtin_plan(engine) is False
    with Session(engine) as session:
        assert len(session.exec(select(Plan)).all()) == 1
        session.delete(session.exec(select(Plan)).one())  # even a deleted plan stays deleted
        session.commit()
    engine.dispose()
    engine = open_database(db_path)
    with Session(engine) as session:
        assert session.exec(select(Plan)).all() == []
        assert session.get(AppMeta, "builtin_plan_loaded") is not None
    engine.dispose()


def test_edit_changes_progress_and_status_and_keeps_history(
    service: PlanService, edits: EditService
) -> None:
    row = _indicator(service, "II.3.2")  # enterprises: 232 of 520
    assert row.progress.status.value == "lagging"  # at the 14/6 cut-off: a pace for 98%
    key = ValueKey(row.id, row.latest.period_id)
    assert edits.record_value(key, 300, "Lê Thị Hoa").value == 232
    after = _indicator(service, "II.3.2")
    assert after.progress.percent_of_plan == pytest.approx(300 / 520 * 100)
    assert after.progress.remaining == 220
    assert after.progress.status.value == "on_track"
    edits.record_value(key, 310, "Lê Thị Hoa")
    history = edits.value_history(row.id)
    assert [(h.old_value, h.new_value, h.changed_by) for h in history] == [
        (232, 300, "Lê Thị Hoa"),
        (300, 310, "Lê Thị Hoa"),
    ]


def test_connection_settings(engine, db_path: Path) -> None:
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL


def test_one_province_figure_per_indicator_and_period(engine) -> None:
    with Session(engine) as session:
        existing = session.exec(
            select(ReportedValue).where(col(ReportedValue.locality_id).is_(None))
        ).first()
        session.add(
            ReportedValue(
                indicator_id=existing.indicator_id,
                period_id=existing.period_id,
                value=1,
                entered_at=existing.entered_at,
            )
        )
        with pytest.raises(IntegrityError):
            session.commit()


def test_foreign_keys_are_enforced(engine) -> None:
    with Session(engine) as session:
        indicator = session.exec(select(Indicator)).first()
        session.add(
            ReportedValue(
                indicator_id=indicator.id, period_id=9999, value=1, entered_at=datetime.now(UTC)
            )
        )
        with pytest.raises(IntegrityError):
            session.commit()


def test_a_broken_plan_file_changes_nothing(engine, db_path: Path, tmp_path: Path) -> None:
    good = Path(__file__).parent.parent / "resources" / "plans" / "kh65-2024.toml"
    text = good.read_text(encoding="utf-8").replace(
        'code = "65/KH-UBND/2024"', 'code = "66/KH-UBND/2025"'
    )
    broken = tmp_path / "kh66.toml"
    broken.write_text(text.replace('value = "20.465"', 'value = "20.46.5"'), encoding="utf-8")
    before = sqlite3.connect(db_path).execute("SELECT count(*) FROM indicator").fetchone()
    with Session(engine) as session, pytest.raises(PlanFileError) as error:
        with session.begin():
            load_plan(session, broken)
    assert "kh66.toml, chỉ tiêu II.5.1" in str(error.value)
    assert "20.46.5" in str(error.value)
    after = sqlite3.connect(db_path).execute("SELECT count(*) FROM indicator").fetchone()
    assert after == before


def test_a_later_plan_fits_the_same_model(engine, tmp_path: Path) -> None:
    source = Path(__file__).parent.parent / "resources" / "plans" / "kh65-2024.toml"
    text = source.read_text(encoding="utf-8").replace(
        'code = "65/KH-UBND/2024"', 'code = "80/KH-UBND/2025"'
    )
    text = text.replace("year = 2024", "year = 2025").replace(
        "issued_on = 2024-07-04", "issued_on = 2025-07-02"
    )
    later = tmp_path / "kh80.toml"
    later.write_text(text, encoding="utf-8")
    with Session(engine) as session, session.begin():
        load_plan(session, later)
    service = PlanService(engine)
    assert service.current_plan().code == "80/KH-UBND/2025"
    assert len(service.indicator_rows()) == 45
    with Session(engine) as session:
        assert len(session.exec(select(Plan)).all()) == 2
