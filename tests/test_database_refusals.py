"""Backups that are real, one lock for window and command line, and storage failures said in
Vietnamese with the database unchanged (issue 12, items 5, 6 and the database part of 13)."""

from __future__ import annotations

import errno
import hashlib
import sqlite3
import subprocess
import sys
import textwrap
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import event

from kh65_desktop import cli
from kh65_desktop.services.plan_service import PlanService
from kh65_desktop.storage import backup as backup_module
from kh65_desktop.storage import database as database_module
from kh65_desktop.storage.backup import (
    BackupError,
    backup_folder,
    backups,
    latest_good,
    make_backup,
)
from kh65_desktop.storage.database import (
    DatabaseOpenError,
    RefusedDatabaseError,
    open_database,
)
from kh65_desktop.storage.db_lock import COMMAND, WINDOW, DatabaseLock
from kh65_desktop.storage.failures import explain
from kh65_desktop.storage.kh65_file import FileKind, revisions

from .db_content import stored_value
from .test_crash import make_package
from .test_safety import _count, _damage, _set


@pytest.fixture(autouse=True)
def _quiet(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "configure_logging", lambda: None)  # no handlers per test
    monkeypatch.setattr(cli, "LOCK_WAIT", 0.0)  # the lock is tried, not waited for


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _tables(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as db:
        return sorted(r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'"))


def _kh65(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = cli.main(list(args))
    return code, capsys.readouterr().err


def _new_db(path: Path) -> Path:
    open_database(path).dispose()
    return path


def _disk_full(*args: object) -> None:
    raise sqlite3.OperationalError("database or disk is full")


# Item 5: a backup is kept only when whole, KH65's, with a plan


def test_a_backup_that_fills_the_disk_leaves_nothing_and_the_import_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _new_db(tmp_path / "kh65.db")
    package = make_package(tmp_path / "sender")

    def half_written(source: Path, target: Path) -> None:
        target.write_bytes(b"")  # SQLite had created the file when the disk filled
        _disk_full()

    monkeypatch.setattr(backup_module, "_copy", half_written)
    code, err = _kh65(capsys, "--db", str(path), "import", str(package))
    assert code == 2
    assert "Ổ đĩa đã đầy" in err and f"thư mục sao lưu {backup_folder(path)}" in err
    assert "Traceback" not in err and "disk is full" not in err
    assert list(backup_folder(path).iterdir()) == []  # no 0-byte "backup" left behind
    assert _count(path, "import_log") == 0 and _count(path, "value_change") == 0


def test_a_copy_that_is_not_whole_is_removed(
    db_path: Path, engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backup_module, "_copy", lambda source, target: target.write_bytes(b""))
    with pytest.raises(BackupError, match="không đầy đủ"):
        make_backup(db_path, "thu")
    assert list(backup_folder(db_path).iterdir()) == [] and backups(db_path) == []


def test_only_good_backups_are_offered_with_what_they_hold(
    db_path: Path, service: PlanService
) -> None:
    _set(service, "II.5.1", 21000)
    good = make_backup(db_path, "hang-ngay")
    assert good is not None
    folder = backup_folder(db_path)
    # newer "backups" that are not: empty, another program's file, KH65's tables without a plan
    (folder / "kh65-29990101-000000-000000-truoc-nhap.db").write_bytes(b"")
    foreign = folder / "kh65-29990101-000001-000000-truoc-nhap.db"
    with closing(sqlite3.connect(foreign)) as db:
        db.execute("CREATE TABLE t (x)")
    planless = folder / "kh65-29990101-000002-000000-truoc-nhap.db"
    planless.write_bytes(good.read_bytes())
    with closing(sqlite3.connect(planless)) as db:
        db.execute("PRAGMA foreign_keys=ON")
        db.execute("DELETE FROM plan")
        db.commit()
    assert len(backups(db_path)) == 4
    found = latest_good(db_path)
    assert found is not None
    backup, held = found
    assert backup.path == good
    assert held.plan_number == "65/KH-UBND"
    assert held.figures == _count(db_path, "reported_value") > 0
    assert held.last_change is not None
    text = backup.describe(held)
    assert text.startswith(f"lúc {backup.made_at:%H:%M} ")
    assert "Kế hoạch số 65/KH-UBND" in text and "số liệu" in text and "thay đổi lần cuối" in text


def test_no_backup_of_a_database_without_a_plan(tmp_path: Path) -> None:
    path = tmp_path / "kh65.db"
    open_database(path, seed=False).dispose()
    assert make_backup(path, "thu") is None and backups(path) == []


@pytest.mark.parametrize("kind", ["empty", "no tables", "not sqlite", "foreign"])
def test_a_file_that_is_not_kh65s_is_never_seeded_or_migrated(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    path = tmp_path / "kh65.db"
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "not sqlite":
        path.write_text("Báo cáo tháng 6", encoding="utf-8")
    else:
        with closing(sqlite3.connect(path)) as db:
            db.execute("PRAGMA user_version=1")  # a header, no table
            if kind == "foreign":
                db.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
            db.commit()
    before = _digest(path)
    with pytest.raises(RefusedDatabaseError) as refused:
        open_database(path)
    expected = {"empty": "trống", "no tables": "trống", "not sqlite": "không phải là cơ sở dữ liệu"}
    assert expected.get(kind, "chương trình khác") in str(refused.value)
    assert "tệp được giữ nguyên" in str(refused.value)
    for command in (["summary"], ["import", str(tmp_path / "a.kh65")]):
        code, err = _kh65(capsys, "--db", str(path), *command)
        assert code == 2 and str(path) in err
        assert "Không có bản sao lưu nào dùng được" in err  # and where it looked
    assert _digest(path) == before  # not a byte written: no KH65 tables added
    assert backups(path) == []


def test_a_failed_first_start_leaves_no_half_made_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "kh65.db"

    def disk_full(*args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(database_module, "load_plan", disk_full)
    with pytest.raises(DatabaseOpenError, match="Ổ đĩa đã đầy") as failed:
        open_database(path)
    assert "No space" not in str(failed.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # no kh65.db, nothing half-made
    monkeypatch.undo()
    engine = open_database(path)  # the next start creates it whole
    assert len(PlanService(engine).indicator_rows()) == 45
    engine.dispose()


# Item 6: one lock for window and command line; integrity before writing


def test_an_import_beside_the_window_is_refused_and_reads_still_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _new_db(tmp_path / "kh65.db")
    package = make_package(tmp_path / "sender")
    window = DatabaseLock(path)
    assert window.acquire(WINDOW)
    try:
        code, err = _kh65(capsys, "--db", str(path), "import", str(package))
        assert code == 2
        assert err.startswith("Lỗi: Cơ sở dữ liệu đang được cửa sổ KH65 sử dụng")
        assert "Dữ liệu không bị thay đổi" in err
        assert _count(path, "import_log") == 0
        code, _ = _kh65(capsys, "--db", str(path), "import", str(package), "--dry-run")
        assert code == 0  # a preview only reads
        assert cli.main(["--db", str(path), "summary"]) == 0
        assert "Kế hoạch số 65/KH-UBND" in capsys.readouterr().out
    finally:
        window.release()
    assert _kh65(capsys, "--db", str(path), "import", str(package))[0] == 0
    assert _count(path, "import_log") == 1


def test_reading_commands_never_take_the_lock(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """So a report or an export running never keeps the window from starting."""
    path = _new_db(tmp_path / "kh65.db")
    taken: list[str] = []
    monkeypatch.setattr(DatabaseLock, "acquire", lambda self, holder, wait=0: taken.append(holder))
    for command in (["summary"], ["indicators", "--json"], ["check"]):
        assert cli.main(["--db", str(path), *command]) == 0
    package = make_package(tmp_path / "sender")
    assert cli.main(["--db", str(path), "import", str(package), "--dry-run"]) == 0
    assert taken == []
    capsys.readouterr()


def test_two_imports_at_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _new_db(tmp_path / "kh65.db")
    package = make_package(tmp_path / "sender")
    other = DatabaseLock(path)
    assert other.acquire(COMMAND)
    try:
        code, err = _kh65(capsys, "--db", str(path), "import", str(package))
    finally:
        other.release()
    assert code == 2 and "một lệnh kh65 khác ghi" in err and "database is locked" not in err
    assert _count(path, "import_log") == 0


def test_a_reading_command_beside_the_window_cannot_write(tmp_path: Path) -> None:
    path = _new_db(tmp_path / "kh65.db")
    engine = open_database(path, reading=True)
    try:
        with engine.connect() as connection, pytest.raises(Exception, match="readonly"):
            connection.exec_driver_sql("DELETE FROM reported_value")
    finally:
        engine.dispose()
    assert _count(path, "reported_value") > 0


def test_the_lock_is_released_when_its_holder_dies(tmp_path: Path) -> None:
    path = tmp_path / "kh65.db"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
                import sys, time
                from pathlib import Path
                from kh65_desktop.storage.db_lock import DatabaseLock
                lock = DatabaseLock(Path({str(path)!r}))
                assert lock.acquire("window")
                print("held", flush=True)
                time.sleep(600)
            """),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        lock = DatabaseLock(path)
        assert not lock.acquire(COMMAND)
        assert lock.holder() == WINDOW
        holder.kill()  # as a crash would: nothing released by the program
        holder.wait()
        assert lock.acquire(COMMAND)
        lock.release()
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()


def test_the_command_line_checks_integrity_before_writing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "kh65.db"
    engine = open_database(path)
    _set(PlanService(engine), "II.5.1", 21000)
    engine.dispose()
    made = make_backup(path, "hang-ngay")
    assert made is not None
    with closing(sqlite3.connect(path)) as db:
        db.execute("PRAGMA journal_mode=DELETE")  # one file, so the damage reaches the data
    _damage(path)
    before = _digest(path)
    code, err = _kh65(capsys, "--db", str(path), "import", str(make_package(tmp_path / "s")))
    assert code == 2
    assert "bị hỏng (kiểm tra toàn vẹn không đạt)" in err
    assert "Bản sao lưu tốt gần nhất: lúc" in err and str(made) in err
    assert "Kế hoạch số 65/KH-UBND" in err
    assert _digest(path) == before and len(backups(path)) == 1


# Item 13, database part: each failure in Vietnamese, exit 2, the database unchanged


def test_a_newer_schema_names_both_versions_and_makes_no_backup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _new_db(tmp_path / "kh65.db")
    with closing(sqlite3.connect(path)) as db:
        db.execute("UPDATE alembic_version SET version_num = '0099'")
        db.commit()
    before = _digest(path)
    head = revisions()[1]
    for command in (["summary"], ["import", str(tmp_path / "a.kh65")]):
        code, err = _kh65(capsys, "--db", str(path), *command)
        assert code == 2
        assert "lược đồ dữ liệu 0099" in err and f"đến lược đồ {head}" in err
        assert "phiên bản KH65 Desktop mới nhất" in err
    with pytest.raises(RefusedDatabaseError) as refused:
        open_database(path)
    assert refused.value.kind is FileKind.NEWER
    assert backups(path) == [] and _digest(path) == before


def test_a_read_only_database_file_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _new_db(tmp_path / "kh65.db")
    package = make_package(tmp_path / "s")
    make_engine = database_module.create_db_engine

    def read_only_file(db: Path, reading: bool = False):  # type: ignore[no-untyped-def]
        engine = make_engine(db, reading)  # SQLite refuses writes as for a read-only file

        @event.listens_for(engine, "connect")
        def _query_only(connection, _record) -> None:  # type: ignore[no-untyped-def]
            connection.execute("PRAGMA query_only=ON")

        return engine

    monkeypatch.setattr(database_module, "create_db_engine", read_only_file)
    code, err = _kh65(capsys, "--db", str(path), "import", str(package))
    assert code == 2
    assert f"Không ghi được vào tệp cơ sở dữ liệu {path}" in err and "chỉ cho phép đọc" in err
    assert "readonly" not in err and "không phải" not in err
    assert _count(path, "import_log") == 0


def test_a_read_only_backup_folder_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _new_db(tmp_path / "kh65.db")

    def no_permission(source: Path, target: Path) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(target))

    monkeypatch.setattr(backup_module, "_copy", no_permission)
    code, err = _kh65(capsys, "--db", str(path), "import", str(make_package(tmp_path / "s")))
    assert code == 2
    assert f"Không có quyền ghi hoặc đọc thư mục sao lưu {backup_folder(path)}" in err
    assert "Permission denied" not in err and "không phải" not in err
    assert _count(path, "import_log") == 0 and backups(path) == []


@pytest.mark.parametrize("given", ["http://x", "", "   ", "DIRECTORY", "ftp://may/kh65.db"])
def test_db_that_is_not_a_file_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, given: str
) -> None:
    monkeypatch.chdir(tmp_path)
    given = str(tmp_path) if given == "DIRECTORY" else given
    for command in (["summary"], ["import", "a.kh65"], []):
        code, err = _kh65(capsys, "--db", given, *command)
        assert code == 2 and err.startswith("Lỗi: ")
        assert "Hãy ghi đường dẫn" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # no "http:" folder, no database


def test_db_as_a_file_url_or_sqlite_url(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "kh65.db"
    assert cli.main(["--db", path.as_uri(), "summary"]) == 0
    assert cli.main(["--db", f"sqlite:///{path}", "summary"]) == 0
    assert path.exists() and stored_value(path, "II.5.1") is not None
    capsys.readouterr()


@pytest.mark.parametrize(
    ("error", "said"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), "Ổ đĩa đã đầy: không ghi được X"),
        (sqlite3.OperationalError("database or disk is full"), "Ổ đĩa đã đầy"),
        (OSError(errno.EROFS, "Read-only file system"), "chỉ cho phép đọc"),
        (sqlite3.OperationalError("attempt to write a readonly database"), "chỉ cho phép đọc"),
        (PermissionError(errno.EACCES, "Permission denied"), "Không có quyền"),
        (sqlite3.OperationalError("database is locked"), "đang bận"),
        (sqlite3.OperationalError("unable to open database file"), "Không mở được X"),
        (sqlite3.DatabaseError("file is not a database"), "bị hỏng"),
        (sqlite3.OperationalError("disk I/O error"), "Lỗi đọc ghi X"),
    ],
)
def test_low_level_failures_said_in_vietnamese(error: BaseException, said: str) -> None:
    text = explain(error, "X")
    assert said in text and ("Dữ liệu không bị thay đổi" in text or "sao lưu" in text)


# Attacks beyond the items


def test_a_folder_name_with_hash_and_question_mark(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """SQLite and SQLAlchemy URLs read '?' and '#' as query and fragment: the file must not."""
    path = tmp_path / "Sở KH&ĐT #1?bản" / "kh65.db"
    assert cli.main(["--db", str(path), "summary"]) == 0  # created, then read read-only
    assert "Kế hoạch số 65/KH-UBND" in capsys.readouterr().out
    made = make_backup(path, "thu")
    assert made is not None and latest_good(path) is not None
    assert [p.name for p in tmp_path.iterdir()] == [path.parent.name]  # nothing cut at "#"
    assert {"backups", "kh65.db", "kh65.db.lock"} <= {p.name for p in path.parent.iterdir()}


def test_a_copy_left_by_a_killed_backup_is_never_listed_and_is_cleared(
    db_path: Path, engine
) -> None:
    folder = backup_folder(db_path)
    folder.mkdir()
    left = folder / "kh65-20240704-093000-000000-truoc-nhap.db.part"
    left.write_bytes(b"SQLite format 3\x00")
    assert backups(db_path) == []
    assert make_backup(db_path, "thu") is not None
    assert not left.exists() and len(backups(db_path)) == 1


def test_db_inside_a_file_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "report.pdf").write_bytes(b"%PDF")
    code, err = _kh65(capsys, "--db", str(tmp_path / "report.pdf" / "kh65.db"), "summary")
    assert code == 2 and "đã có một tệp cùng tên" in err and "File exists" not in err
