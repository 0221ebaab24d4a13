"""Data safety: backups (online, bounded), restore, integrity check at start, one app per
database, the support log."""

from __future__ import annotations

import logging
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from kh65_desktop import logging_setup
from kh65_desktop.services import exchange_apply
from kh65_desktop.services.editing import EditService, ValueKey
from kh65_desktop.services.exchange import ExchangeService
from kh65_desktop.services.exchange_files import read_file
from kh65_desktop.services.plan_service import PlanService
from kh65_desktop.storage import backup as backup_module
from kh65_desktop.storage.backup import backups, daily_backup, integrity_ok, make_backup, restore
from kh65_desktop.storage.database import open_database
from kh65_desktop.ui import prompts
from kh65_desktop.ui.app import check_integrity
from kh65_desktop.ui.single_instance import SingleInstance

from .db_content import stored_value
from .test_crash import make_package

FIXTURE = Path(__file__).parent / "fixtures" / "schema-0001.db"


def _set(service: PlanService, code: str, value: float) -> None:
    row = next(r for r in service.indicator_rows() if r.code == code)
    EditService(service.engine).record_value(ValueKey(row.id, row.latest.period_id), value, "t")


def test_backup_while_open_then_restore(service: PlanService, db_path: Path) -> None:
    _set(service, "II.2.1", 15000)
    copy = make_backup(db_path, "thu")  # the app is running, WAL holds the last commit
    assert copy is not None and integrity_ok(copy) and stored_value(copy, "II.2.1") == 15000
    _set(service, "II.2.1", 16000)
    service.engine.dispose()
    before = restore(copy, db_path)
    assert stored_value(db_path, "II.2.1") == 15000
    assert before is not None and stored_value(before, "II.2.1") == 16000  # the current, kept first
    assert [b.reason for b in backups(db_path)][:2] == ["truoc-khoi-phuc", "thu"]


def test_backups_are_bounded_and_daily(
    db_path: Path, engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backup_module, "KEEP", 3)
    assert daily_backup(db_path) is not None
    assert daily_backup(db_path) is None  # once a day
    for _ in range(5):
        make_backup(db_path, "thu")
    assert len(backups(db_path)) == 3


def test_backup_before_migration_and_before_import(
    tmp_path: Path, service: PlanService, db_path: Path
) -> None:
    old = tmp_path / "old" / "kh65.db"
    old.parent.mkdir()
    shutil.copy(FIXTURE, old)
    open_database(old).dispose()
    assert [b.reason for b in backups(old)] == ["truoc-nang-cap"]
    assert backups(old)[0].path.stat().st_size > 0
    package = make_package(tmp_path)
    exchange = ExchangeService(service.engine)
    plan = service.current_plan()
    exchange.apply(plan, exchange.preview(plan, read_file(package, "x")), "x")
    made = next(b for b in backups(db_path) if b.reason == "truoc-nhap")
    # copied while the import was being written: it holds the state before the import
    assert _count(made.path, "import_log") == 0 and _count(db_path, "import_log") == 1
    assert _count(made.path, "value_change") < _count(db_path, "value_change")


def _count(path: Path, table: str) -> int:
    with closing(sqlite3.connect(path)) as db:
        return db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_an_import_whose_backup_fails_writes_nothing(
    tmp_path: Path, service: PlanService, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(path: Path, reason: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(exchange_apply, "make_backup", disk_full)
    exchange = ExchangeService(service.engine)
    plan = service.current_plan()
    preview = exchange.preview(plan, read_file(make_package(tmp_path), "x"))
    assert not preview.changes_nothing
    with pytest.raises(OSError):
        exchange.apply(plan, preview, "x")
    assert _count(db_path, "import_log") == 0 and _count(db_path, "value_change") == 0


def _damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for offset in range(4096 * 3, min(len(data), 4096 * 30), 4096):
        data[offset + 8 : offset + 200] = b"\xff" * 192  # scribble over page headers
    path.write_bytes(bytes(data))


def test_a_damaged_database_is_offered_its_latest_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "kh65.db"
    engine = open_database(path)
    _set(PlanService(engine), "II.5.1", 21000)
    engine.dispose()
    make_backup(path, "hang-ngay")
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA journal_mode=DELETE")  # one file, so the damage reaches the data
    _damage(path)
    assert not integrity_ok(path)
    asked: list[str] = []
    monkeypatch.setattr(prompts, "confirm", lambda parent, title, text: asked.append(text) or True)
    assert check_integrity(path)
    assert "bị hỏng" in asked[0] and "Khôi phục từ bản sao lưu gần nhất" in asked[0]
    assert "-hong" in asked[0]
    assert integrity_ok(path) and stored_value(path, "II.5.1") == 21000
    assert (tmp_path / "kh65-hong.db").exists()  # the damaged file is kept for support


def test_refusing_the_backup_stops_the_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "kh65.db"
    open_database(path).dispose()
    make_backup(path, "hang-ngay")
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA journal_mode=DELETE")
    _damage(path)
    monkeypatch.setattr(prompts, "confirm", lambda *args: False)
    assert not check_integrity(path)
    assert not integrity_ok(path)  # left exactly as it was


def test_one_app_per_database(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "kh65.db"
    first, second = SingleInstance(path), SingleInstance(path)
    assert first.acquire()
    received: list[str] = []
    first.listen(received.append)
    assert not second.acquire()  # never two writers
    assert second.send(f"import {tmp_path / 'a.kh65'}")
    qtbot.waitUntil(lambda: bool(received), timeout=3000)
    assert received == [f"import {tmp_path / 'a.kh65'}"]
    first.release()
    assert second.acquire()
    second.release()


def test_support_log_rotates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(logging_setup, "log_path", lambda: tmp_path / "logs" / "kh65.log")
    root = logging.getLogger()
    before = list(root.handlers)
    try:
        path = logging_setup.configure()
        logging.getLogger("kh65").info("Khởi động")
        for handler in root.handlers:
            handler.flush()
        assert path is not None and "Khởi động" in path.read_text(encoding="utf-8")
    finally:
        for handler in root.handlers[:]:
            if handler not in before:
                root.removeHandler(handler)
                handler.close()
