"""Figures written in bulk (storage/figures.py) read back exactly as the ORM reads them."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlalchemy.dialects import sqlite
from sqlmodel import Session, select

from kh65_desktop.services.plan_service import PlanService
from kh65_desktop.storage.figures import (
    ValueKey,
    ValueState,
    restore_imported_figures,
    stored_figures,
    stored_state,
    write_figures,
    write_imported_figures,
)
from kh65_desktop.storage.models import ImportLog, ReportedValue, ValueChange
from kh65_desktop.storage.stored_dates import (
    from_stored_date,
    from_stored_time,
    to_stored_date,
    to_stored_time,
)

pytestmark = pytest.mark.both_engines

MOMENTS = [
    datetime(2024, 6, 14, tzinfo=UTC),
    datetime(2024, 6, 14, 8, 30, 5, 120, tzinfo=UTC),
    datetime(1999, 12, 31, 23, 59, 59, 999999, tzinfo=UTC),
    datetime(2024, 6, 14, 9, 0, tzinfo=timezone(timedelta(hours=7))),
]
DAYS = [date(2024, 6, 14), date(2025, 1, 1)]


def test_stored_text_is_what_sqlalchemy_writes_and_reads() -> None:
    columns = ReportedValue.__table__.c  # type: ignore[attr-defined]
    dialect = sqlite.dialect()  # the text is SQLite's; a server's rows read alike (below)
    time_type = columns.entered_at.type.dialect_impl(dialect)
    date_type = columns.as_of.type.dialect_impl(dialect)
    bind_time, read_time = (
        time_type.bind_processor(dialect),
        time_type.result_processor(dialect, None),
    )
    bind_date, read_date = (
        date_type.bind_processor(dialect),
        date_type.result_processor(dialect, None),
    )
    for moment in MOMENTS:
        assert to_stored_time(moment) == bind_time(moment)
        stored = bind_time(moment)
        assert from_stored_time(stored) == read_time(stored) == moment
        assert from_stored_time(stored).tzinfo is UTC
    for day in DAYS:
        assert to_stored_date(day) == bind_date(day)
        assert from_stored_date(bind_date(day)) == read_date(bind_date(day)) == day
    assert to_stored_time(None) is None and from_stored_time(None) is None


def test_raw_rows_read_dates_as_the_stored_text_on_either_engine(engine: Engine) -> None:
    with Session(engine) as session:
        figure = session.exec(select(ReportedValue).where(ReportedValue.as_of != None)).first()  # noqa: E711
        if figure is None:
            figure = session.exec(select(ReportedValue)).first()
            figure.as_of = date(2024, 6, 14)
            session.add(figure)
            session.commit()
            session.refresh(figure)
        key, as_of, entered = (
            (figure.indicator_id, figure.period_id, figure.locality_id),
            figure.as_of,
            figure.entered_at,
        )
    with engine.connect() as connection:
        row = stored_figures(connection, [key[1]])[key]
    assert row[8] == to_stored_date(as_of) and row[11] == to_stored_time(entered)
    assert stored_state(row).entered_at == entered and stored_state(row).as_of == as_of


def test_a_time_with_a_zone_is_stored_as_utc() -> None:
    hanoi = timezone(timedelta(hours=7))
    assert to_stored_time(datetime(2024, 6, 14, 9, 0, tzinfo=hanoi)) == (
        "2024-06-14 02:00:00.000000"
    )
    assert to_stored_time(datetime(2024, 6, 14, 2, 0, tzinfo=UTC)) == "2024-06-14 02:00:00.000000"
    assert to_stored_time(datetime(2024, 6, 14, 2, 0)) == "2024-06-14 02:00:00.000000"


def _key(service: PlanService, code: str, locality: int | None = None) -> ValueKey:
    plan = service.current_plan()
    row = next(r for r in service.indicator_rows() if r.code == code)
    return ValueKey(row.id, service.periods(plan)[0].id, locality)


def test_written_figures_read_back_through_the_orm(service: PlanService) -> None:
    key = _key(service, "II.5.1")
    hanoi = timezone(timedelta(hours=7))
    state = ValueState(
        21000.5, "", True, True, date(2024, 9, 14), "ghi chú", "Lê Thị Hoa",
        datetime(2024, 9, 15, 10, 0, tzinfo=hanoi),
    )  # fmt: skip
    with Session(service.engine) as session, session.begin():
        previous = write_figures(
            session.connection(), [(key, state)], "Lê Thị Hoa", datetime.now(UTC)
        )
    assert previous[0][1] is not None  # the document's figure was there
    with Session(service.engine) as session:
        stored = session.exec(
            select(ReportedValue).where(
                ReportedValue.indicator_id == key.indicator_id,
                ReportedValue.period_id == key.period_id,
                ReportedValue.locality_id == None,  # noqa: E711
            )
        ).one()
    assert (stored.value, stored.achieved, stored.is_estimate) == (21000.5, True, True)
    assert stored.as_of == date(2024, 9, 14) and stored.note == "ghi chú"
    assert stored.entered_at == datetime(2024, 9, 15, 3, 0, tzinfo=UTC)  # as every stored time


def test_history_follows_the_order_given_and_skips_removing_nothing(
    service: PlanService, db_path: Path
) -> None:
    a, b = _key(service, "II.5.1"), _key(service, "II.5.2")
    with Session(service.engine) as session, session.begin():
        write_figures(session.connection(), [(b, None)], "x", datetime.now(UTC))
        logged_before = len(session.exec(select(ValueChange)).all())
        removed_again = write_figures(session.connection(), [(b, None)], "x", datetime.now(UTC))
        assert len(session.exec(select(ValueChange)).all()) == logged_before  # nothing to log
    assert removed_again == [(b, None)]
    first = datetime.now(UTC)
    with Session(service.engine) as session, session.begin():
        previous = write_figures(
            session.connection(), [(a, ValueState(5.0)), (b, ValueState(7.0))], "x", first
        )
        removed = write_figures(session.connection(), [(b, None)], "y", datetime.now(UTC))
    assert previous[1] == (b, None)  # b had been removed
    assert removed == [(b, ValueState(7.0, "", None, False, None, "", "x", first))]
    with sqlite3.connect(db_path) as db:
        logged = db.execute(
            "SELECT indicator_id, old_value, new_value, changed_by FROM value_change ORDER BY id"
        ).fetchall()[logged_before:]
    assert logged == [
        (a.indicator_id, 20465.0, 5.0, "x"),
        (b.indicator_id, None, 7.0, "x"),
        (b.indicator_id, 7.0, None, "y"),
    ]


def test_a_key_twice_in_one_write_is_refused(service: PlanService, engine: Engine) -> None:
    key = _key(service, "II.5.1")
    with Session(service.engine) as session, session.begin():
        stored = stored_figures(session.connection(), [key.period_id])
    with pytest.raises(ValueError, match="hai lần"), Session(service.engine) as session:
        with session.begin():
            write_figures(
                session.connection(),
                [(key, ValueState(1.0)), (key, ValueState(2.0))],
                "x",
                datetime.now(UTC),
            )
    with Session(service.engine) as session:
        assert stored_figures(session.connection(), [key.period_id]) == stored


def _figures(db_path: Path) -> list[tuple]:
    with sqlite3.connect(db_path) as db:
        return db.execute(
            "SELECT id, indicator_id, period_id, locality_id, value, text, achieved, "
            "is_estimate, as_of, note, entered_by, entered_at FROM reported_value ORDER BY id"
        ).fetchall()


def test_an_import_is_put_back_exactly(service: PlanService, db_path: Path) -> None:
    """Every field of a replaced figure comes back, and a figure the import added goes."""
    replaced, added = _key(service, "II.5.1"), _key(service, "II.5.2", locality=None)
    now = datetime.now(UTC)
    with Session(service.engine) as session, session.begin():  # a figure with every field
        write_figures(session.connection(), [(added, None)], "x", now)
        rich = ValueState(
            20465.25, "gần đạt", False, True, date(2024, 6, 14), "theo Cục Thống kê",
            "Lê Thị Hoa", datetime(2024, 6, 20, 8, 15, 30, 123456, tzinfo=UTC),
        )  # fmt: skip
        write_figures(session.connection(), [(replaced, rich)], "x", now)
    before = _figures(db_path)
    with Session(service.engine) as session, session.begin():
        log = ImportLog(
            file_name="p.kh65", content_sha256="", sender="Sở Tài chính", created_at=now,
            imported_at=now, imported_by="x",
        )  # fmt: skip
        session.add(log)
        session.flush()
        log_id = log.id
        assert log_id is not None
        changes = [(replaced, ValueState(1.0)), (added, ValueState(2.0, "mới"))]
        write_imported_figures(session.connection(), changes, "nhập", now, log_id)
    assert _figures(db_path) != before
    with Session(service.engine) as session, session.begin():
        restore_imported_figures(session.connection(), log_id, "hoàn tác", now)
    assert _figures(db_path) == before
