"""Several clerks on one database file: a save over a figure written since it was read is
refused with who wrote it, when, and both values; nothing is overwritten or half-written."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text

from kh65_desktop.domain.terms import IndicatorKind
from kh65_desktop.services.editing import EditService, StaleFigures, ValueKey, ValueState
from kh65_desktop.services.plan_service import PlanService
from kh65_desktop.services.plans import plan_or_newest
from kh65_desktop.storage.database import open_database
from kh65_desktop.storage.write_lock import lock_figure_writes

from .reopen import reopen

pytestmark = pytest.mark.both_engines


def _key(engine: Engine) -> ValueKey:
    """A figure not entered yet: a numeric indicator without one in the plan's period."""
    plans = PlanService(engine)
    row = next(
        r
        for r in plans.indicator_rows()
        if r.latest is None and r.kind == IndicatorKind.ACCUMULATING
    )
    return ValueKey(row.id, plans.periods(plan_or_newest(engine, None))[0].id)


def _version(engine: Engine, key: ValueKey) -> int:
    with engine.connect() as connection:
        found = connection.execute(
            text(
                "SELECT version FROM reported_value WHERE indicator_id = :i AND period_id = :p "
                "AND locality_id IS NULL"
            ),
            {"i": key.indicator_id, "p": key.period_id},
        ).scalar()
    return found or 0


def _history(engine: Engine, key: ValueKey) -> int:
    with engine.connect() as connection:
        return connection.execute(
            text("SELECT count(*) FROM value_change WHERE indicator_id = :i AND period_id = :p"),
            {"i": key.indicator_id, "p": key.period_id},
        ).scalar_one()


def test_every_write_bumps_the_version(engine: Engine, edits: EditService) -> None:
    key = _key(engine)
    assert _version(engine, key) == 0
    edits.record_value(key, 100.0, "Lan")
    assert _version(engine, key) == 1
    edits.record_value(key, 101.0, "Lan")
    edits.set_values([(key, ValueState(101.0, note="ghi chú"))], "Lan")
    assert _version(engine, key) == 3


def test_second_clerk_saving_over_a_changed_figure_is_refused(engine: Engine) -> None:
    """Two windows on one file: both read version 1; the first save wins, the second is
    refused naming the first clerk, their figure and the second's; nothing written."""
    first, second = engine, reopen(engine)
    key = _key(first)
    EditService(first).record_value(key, 3300.5, "Trần Văn Bình")
    seen = _version(second, key)
    EditService(first).set_values([(key, ValueState(3400.0))], "Trần Văn Bình", read={key: seen})
    history = _history(first, key)
    mine = ValueState(3500.0)
    with pytest.raises(StaleFigures) as refused:
        EditService(second).set_values([(key, mine)], "Lê Thị Cúc", read={key: seen})
    [conflict] = refused.value.conflicts
    assert conflict.key == key
    assert conflict.changed_by == "Trần Văn Bình"
    assert conflict.changed_at is not None
    assert conflict.theirs is not None and conflict.theirs.value == 3400.0
    assert conflict.yours == mine
    assert conflict.version == seen + 1
    assert EditService(first).value_state(key).value == 3400.0  # type: ignore[union-attr]
    assert _history(first, key) == history
    # keeping mine: the save states the version the conflict showed, and lands
    EditService(second).set_values([(key, mine)], "Lê Thị Cúc", read={key: conflict.version})
    assert EditService(first).value_state(key).value == 3500.0  # type: ignore[union-attr]


def test_a_figure_added_since_it_was_read_empty_is_a_conflict(engine: Engine) -> None:
    first, second = engine, reopen(engine)
    key = _key(first)
    EditService(first).set_values([(key, ValueState(12.0))], "Bình", read={key: 0})
    with pytest.raises(StaleFigures) as refused:
        EditService(second).set_values([(key, ValueState(13.0))], "Cúc", read={key: 0})
    assert refused.value.conflicts[0].theirs.value == 12.0  # type: ignore[union-attr]
    assert EditService(first).value_state(key).value == 12.0  # type: ignore[union-attr]


def test_a_figure_removed_since_it_was_read_is_a_conflict(engine: Engine) -> None:
    first, second = engine, reopen(engine)
    key = _key(first)
    EditService(first).record_value(key, 12.0, "Bình")
    seen = _version(second, key)
    EditService(first).set_values([(key, None)], "Bình", read={key: seen})
    with pytest.raises(StaleFigures) as refused:
        EditService(second).set_values([(key, ValueState(13.0))], "Cúc", read={key: seen})
    [conflict] = refused.value.conflicts
    assert conflict.theirs is None and conflict.changed_by == "Bình"
    assert EditService(first).value_state(key) is None


def test_the_write_lock_is_held_from_the_check_to_the_commit(db_path: Path) -> None:
    """On SQLite the lock is the file's own write lock, taken before the check: another
    writer cannot slip in between the check and the write."""
    engine = open_database(db_path)
    with engine.begin() as connection:
        lock_figure_writes(connection)
        other = sqlite3.connect(db_path, timeout=0)
        try:
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        finally:
            other.close()
    other = sqlite3.connect(db_path, timeout=0)
    other.execute("BEGIN IMMEDIATE")  # released at commit
    other.rollback()
    other.close()


def test_a_server_holds_the_write_lock_until_commit(pg_server) -> None:  # type: ignore[no-untyped-def]
    """On PostgreSQL the lock is a transaction-scoped advisory lock: another connection
    cannot take it while a write holds it, and can once it commits."""
    url = pg_server.create_database("write_lock")
    engine, other = create_engine(url), create_engine(url)
    probe = text("SELECT pg_try_advisory_xact_lock(6517065)")
    try:
        with engine.begin() as connection:
            lock_figure_writes(connection)
            with other.begin() as second:
                assert second.execute(probe).scalar() is False
        with other.begin() as second:
            assert second.execute(probe).scalar() is True
    finally:
        engine.dispose()
        other.dispose()
