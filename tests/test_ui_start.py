"""The window's start (ui/app.py): a file that is not KH65's, a newer schema, a busy or
unwritable database, a full disk. The clerk is asked or told in Vietnamese, shown the newest
good backup, and nothing is written over without a yes."""

from __future__ import annotations

import errno
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import event

from kh65_desktop.services.plan_service import PlanService
from kh65_desktop.storage import backup as backup_module
from kh65_desktop.storage import database as database_module
from kh65_desktop.storage.backup import backup_folder, backups, make_backup
from kh65_desktop.storage.database import open_database
from kh65_desktop.storage.db_lock import COMMAND, DatabaseLock
from kh65_desktop.storage.kh65_file import revisions
from kh65_desktop.ui import app, prompts

from .db_content import stored_value
from .test_safety import FIXTURE, _set
from .ui_helpers import TODAY, cell, column, find_row, open_window, settings_in


class Clerk:
    """Records what the start asked and said; answers every question with `answer`."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, answer: bool) -> None:
        self.asked: list[str] = []
        self.told: list[str] = []
        monkeypatch.setattr(prompts, "confirm", self._confirm)
        monkeypatch.setattr(
            prompts, "show_error", lambda parent, title, text: self.told.append(text)
        )
        self.answer = answer

    def _confirm(self, parent: object, title: str, text: str) -> bool:
        self.asked.append(text)
        return self.answer


def _start(qtbot, path: Path, folder: Path):  # type: ignore[no-untyped-def]
    window = app._open_checked(path, settings_in(folder))
    if window is not None:
        qtbot.addWidget(window)
    return window


def _emptied_with_a_backup(path: Path) -> Path:
    """A database with a clerk's figure, backed up; then the file is emptied (a full disk)."""
    engine = open_database(path)
    _set(PlanService(engine), "II.5.1", 21000)
    engine.dispose()
    good = make_backup(path, "hang-ngay")
    assert good is not None
    # a newer "backup" left empty by a failed import: never offered
    (backup_folder(path) / "kh65-29990101-000000-000000-truoc-nhap.db").write_bytes(b"")
    path.write_bytes(b"")
    return good


def test_an_empty_database_is_restored_from_the_newest_good_backup_when_the_clerk_agrees(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "kh65.db"
    good = _emptied_with_a_backup(path)
    clerk = Clerk(monkeypatch, answer=True)
    window = _start(qtbot, path, tmp_path)
    assert window is not None and clerk.told == []
    [question] = clerk.asked
    made = next(b for b in backups(path) if b.path == good).made_at
    assert "trống (0 byte" in question and "Khôi phục từ bản sao lưu gần nhất" in question
    assert f"lúc {made:%H:%M}" in question and "Kế hoạch số 65/KH-UBND" in question
    assert "số liệu, thay đổi lần cuối" in question and "kh65-khong-dung.db" in question
    window.context.engine.dispose()
    assert stored_value(path, "II.5.1") == 21000  # the clerk's work is back
    assert (tmp_path / "kh65-khong-dung.db").stat().st_size == 0  # kept, not overwritten


def test_an_empty_database_stays_as_it_is_when_the_clerk_says_no(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "kh65.db"
    _emptied_with_a_backup(path)
    count = len(backups(path))
    clerk = Clerk(monkeypatch, answer=False)
    assert _start(qtbot, path, tmp_path) is None
    assert len(clerk.asked) == 1
    assert path.stat().st_size == 0  # never seeded afresh
    assert len(backups(path)) == count and not (tmp_path / "kh65-khong-dung.db").exists()


def test_a_foreign_file_without_backups_is_set_aside_only_for_a_new_database_when_asked(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "kh65.db"
    with closing(sqlite3.connect(path)) as db:
        db.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
        db.execute("INSERT INTO customers (name) VALUES ('Công ty A')")
        db.commit()
    clerk = Clerk(monkeypatch, answer=True)
    window = _start(qtbot, path, tmp_path)
    assert window is not None
    [question] = clerk.asked
    assert "chương trình khác, không phải của KH65" in question
    assert "Không có bản sao lưu nào dùng được" in question and "Tạo cơ sở dữ liệu mới" in question
    assert len(PlanService(window.context.engine).indicator_rows()) == 45
    window.context.engine.dispose()
    with closing(sqlite3.connect(tmp_path / "kh65-khong-dung.db")) as db:
        assert db.execute("SELECT name FROM customers").fetchall() == [("Công ty A",)]
        assert db.execute("SELECT count(*) FROM sqlite_master WHERE name='plan'").fetchone() == (0,)


def test_a_newer_schema_is_named_and_nothing_is_backed_up(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "kh65.db"
    open_database(path).dispose()
    with closing(sqlite3.connect(path)) as db:
        db.execute("UPDATE alembic_version SET version_num = '0099'")
        db.commit()
    clerk = Clerk(monkeypatch, answer=True)
    assert _start(qtbot, path, tmp_path) is None
    assert clerk.asked == []
    [message] = clerk.told
    assert "lược đồ dữ liệu 0099" in message and f"đến lược đồ {revisions()[1]}" in message
    assert "Can't locate" not in message
    assert backups(path) == []  # no backup per failed start


def test_a_full_disk_on_the_first_start_is_said_in_vietnamese(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(*args: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(database_module, "load_plan", disk_full)
    clerk = Clerk(monkeypatch, answer=True)
    assert _start(qtbot, tmp_path / "kh65.db", tmp_path) is None
    [message] = clerk.told
    assert message.startswith("Ổ đĩa đã đầy: không ghi được tệp cơ sở dữ liệu")
    assert "disk is full" not in message
    assert not (tmp_path / "kh65.db").exists()


def test_the_window_does_not_open_while_a_command_writes(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "kh65.db"
    open_database(path).dispose()
    monkeypatch.setattr(app, "AppSettings", lambda: settings_in(tmp_path))
    clerk = Clerk(monkeypatch, answer=True)
    command = DatabaseLock(path)
    assert command.acquire(COMMAND)
    try:
        assert app.run_app(path) == 1
    finally:
        command.release()
    [message] = clerk.told
    assert "một lệnh kh65 sử dụng" in message


def test_a_folder_without_write_permission_is_named(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "kh65.db"

    def no_permission(self: DatabaseLock, holder: str, wait: float = 0.0) -> bool:
        raise PermissionError(errno.EACCES, "Permission denied", str(self.path))

    monkeypatch.setattr(DatabaseLock, "acquire", no_permission)
    monkeypatch.setattr(app, "AppSettings", lambda: settings_in(tmp_path))
    clerk = Clerk(monkeypatch, answer=True)
    assert app.run_app(path) == 2
    [message] = clerk.told
    assert f"Không có quyền ghi hoặc đọc thư mục {tmp_path}" in message
    assert "Permission denied" not in message and not path.exists()


def test_a_restore_that_fails_puts_the_file_back(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Otherwise the next start would find no file and begin afresh over a month of work."""
    path = tmp_path / "kh65.db"
    _emptied_with_a_backup(path)

    def disk_full(source: Path, target: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup_module, "_copy", disk_full)
    clerk = Clerk(monkeypatch, answer=True)
    assert _start(qtbot, path, tmp_path) is None
    [message] = clerk.told
    assert message.startswith("Ổ đĩa đã đầy") and "No space" not in message
    assert path.exists() and path.stat().st_size == 0  # as it was, where it was
    assert not (tmp_path / "kh65-khong-dung.db").exists()


def test_an_edit_on_a_read_only_database_is_said_in_vietnamese(
    qtbot, db_path: Path, tmp_path: Path
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    engine = window.context.engine
    errors: list[str] = []
    window.context.error.connect(errors.append)

    @event.listens_for(engine, "connect")
    def _read_only(connection, _record) -> None:  # type: ignore[no-untyped-def]
        connection.execute("PRAGMA query_only=ON")  # SQLite refuses as for a read-only file

    engine.dispose()  # the next connection is read-only
    proxy = window.tasks.proxy
    index = proxy.index(find_row(proxy, "T1.1"), column(proxy, "status"))
    proxy.setData(index, "Đã hoàn thành")
    assert errors == [
        "Không lưu được thay đổi: Không ghi được vào cơ sở dữ liệu: tệp hoặc ổ đĩa chỉ cho "
        "phép đọc. Hãy bỏ thuộc tính chỉ đọc (Properties → Read-only) hoặc chép sang thư mục "
        "có quyền ghi. Dữ liệu không bị thay đổi."
    ]
    event.remove(engine, "connect", _read_only)
    engine.dispose()
    assert cell(proxy, "T1.1", "status") == "Chưa thực hiện"
    assert PlanService(engine).tasks(window.context.plan, TODAY)[0].status.value == "not_started"


def test_a_daily_backup_that_fails_is_said_and_the_window_still_opens(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "kh65.db"
    open_database(path).dispose()

    def disk_full(source: Path, target: Path) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(backup_module, "_copy", disk_full)
    clerk = Clerk(monkeypatch, answer=True)
    window = _start(qtbot, path, tmp_path)
    assert window is not None
    window.context.engine.dispose()
    [message] = clerk.told
    assert message.startswith("Không tạo được bản sao lưu") and "Ổ đĩa đã đầy" in message
    assert f"thư mục sao lưu {backup_folder(path)}" in message and "disk is full" not in message
    assert backups(path) == [] and list(backup_folder(path).iterdir()) == []


def test_no_migration_without_its_backup(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "kh65.db"
    shutil.copy(FIXTURE, path)

    def disk_full(source: Path, target: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup_module, "_copy", disk_full)
    clerk = Clerk(monkeypatch, answer=True)
    assert _start(qtbot, path, tmp_path) is None
    [message] = clerk.told
    assert message.startswith("Không tạo được bản sao lưu, nên chưa ghi gì. Ổ đĩa đã đầy")
    with closing(sqlite3.connect(path)) as db:  # not migrated without its backup
        assert db.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001",)]
