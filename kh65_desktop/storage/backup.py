"""Backups with SQLite's online backup API: before every import and migration, once a day,
and before a restore; a bounded number kept. The database may be open while it is copied.

A backup is written under a temporary name, checked (SQLite's check, KH65's schema, a plan)
and only then given its name: a full disk or a kill mid-copy never leaves a file that looks
like a backup."""

from __future__ import annotations

import logging
import re
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..atomic_file import atomic_path
from ..domain.numbers import format_date
from .failures import StorageError, explain
from .kh65_file import SQLITE_HEADER, Holdings, holdings, is_good_copy, read_only

log = logging.getLogger(__name__)
KEEP = 30  # the newest backups kept; older ones are removed
_NAME = re.compile(r"^kh65-(\d{8}-\d{6}-\d{6})-([a-z-]+)\.db$")
_PART = ".part"  # a copy not yet checked


class BackupError(StorageError):
    """A backup could not be made; nothing that depended on it was written."""


@dataclass(frozen=True)
class Backup:
    path: Path
    made_at: datetime
    reason: str

    def describe(self, held: Holdings | None = None) -> str:
        """ "lúc 14:05 01/12/2026 (Kế hoạch số 65/KH-UBND, 1.234 số liệu, …)"."""
        text = f"lúc {self.made_at:%H:%M} {format_date(self.made_at.date())}"
        return f"{text} ({held.describe()})" if held else text


def backup_folder(db_path: Path) -> Path:
    """Backups live beside the database, in a "backups" folder."""
    return db_path.parent / "backups"


def integrity_ok(db_path: Path, quick: bool = False) -> bool:
    """SQLite's own check (quick: pages and records, not index contents, about four times
    faster on a large file); False for a damaged, unreadable, empty or non-SQLite file (SQLite
    itself calls an empty file "ok")."""
    pragma = "quick_check" if quick else "integrity_check"
    try:
        with open(db_path, "rb") as file:
            if file.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                return False
        with closing(read_only(db_path)) as db:
            return db.execute(f"PRAGMA {pragma}").fetchone()[0] == "ok"
    except (OSError, sqlite3.DatabaseError):
        return False


def make_backup(db_path: Path, reason: str) -> Path | None:
    """Copy the database (consistently, even while in use) and check the copy; None if there
    is nothing worth keeping yet (no file, or no plan in it). BackupError, with nothing left
    behind, if the copy cannot be made or is not whole."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    folder = backup_folder(db_path)
    target = folder / f"kh65-{datetime.now():%Y%m%d-%H%M%S-%f}-{reason}.db"
    part = target.with_name(target.name + _PART)
    try:
        if not _holds_a_plan(db_path):
            return None
        folder.mkdir(parents=True, exist_ok=True)
        _copy(db_path, part)
        if not is_good_copy(part):
            raise BackupError(
                f"Bản sao lưu {target.name} tạo ra không đầy đủ (không qua được kiểm tra) nên "
                f"đã bị xoá. Hãy kiểm tra ổ đĩa chứa thư mục sao lưu {folder} rồi thử lại. "
                "Dữ liệu không bị thay đổi."
            )
        part.replace(target)
    except (OSError, sqlite3.Error) as error:
        raise BackupError(
            "Không tạo được bản sao lưu, nên chưa ghi gì. "
            + explain(error, f"thư mục sao lưu {folder}")
        ) from error
    finally:
        _remove(part)
    log.info("Sao lưu %s (%s)", target.name, reason)
    _prune(folder)
    return target


def backups(db_path: Path) -> list[Backup]:
    """Every backup of this database, newest first (good or not: see latest_good)."""
    folder = backup_folder(db_path)
    found = []
    for path in folder.glob("kh65-*.db") if folder.exists() else []:
        match = _NAME.match(path.name)
        if match:
            found.append(Backup(path, datetime.strptime(match[1], "%Y%m%d-%H%M%S-%f"), match[2]))
    return sorted(found, key=lambda b: b.made_at, reverse=True)


def latest_good(db_path: Path) -> tuple[Backup, Holdings] | None:
    """The newest backup worth restoring (whole, KH65's, with a plan) and what it holds."""
    for backup in backups(db_path):
        if is_good_copy(backup.path):
            held = holdings(backup.path)
            if held is not None:
                return backup, held
    return None


def daily_backup(db_path: Path) -> Path | None:
    """One backup a day, made at the first start of the day."""
    today = datetime.now().date()
    if any(b.made_at.date() == today for b in backups(db_path)):
        return None
    return make_backup(db_path, "hang-ngay")


def restore(backup: Path, db_path: Path) -> Path | None:
    """Put a backup in place of the database; the current one is backed up first. The copy is
    written beside the database and renamed into place, so a failure leaves it as it was.

    Every connection to the database must be closed (the engine disposed) before."""
    if not is_good_copy(backup) or not integrity_ok(backup):
        raise BackupError(f"Bản sao lưu {backup.name} bị hỏng, không khôi phục từ bản này.")
    before = make_backup(db_path, "truoc-khoi-phuc") if integrity_ok(db_path) else None
    try:
        with atomic_path(db_path) as copy:
            _copy(backup, copy)
            for suffix in ("-wal", "-shm"):
                Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    except (OSError, sqlite3.Error) as error:
        raise BackupError(explain(error, f"tệp cơ sở dữ liệu {db_path}")) from error
    log.info("Khôi phục %s từ %s", db_path.name, backup.name)
    return before


def _holds_a_plan(db_path: Path) -> bool:
    """A plan is what a backup is for; a file without one (a new database) is not copied."""
    with closing(read_only(db_path)) as db:
        if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'plan'").fetchone() is None:
            return False
        return db.execute("SELECT 1 FROM plan LIMIT 1").fetchone() is not None


def _copy(source: Path, target: Path) -> None:
    """SQLite's online backup, with both files closed afterwards (Windows keeps open files
    locked; sqlite3's context manager only commits, it does not close). The target is
    created first with open(): a folder without write permission is then named as such
    (SQLite would only say "unable to open database file")."""
    target.touch()
    with closing(sqlite3.connect(source)) as origin, closing(sqlite3.connect(target)) as copy:
        origin.backup(copy)
        # One self-contained file (no -wal/-shm beside it), to check, rename or carry away.
        copy.execute("PRAGMA journal_mode=DELETE")


def _remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        log.warning("Không xoá được %s", path)


def _prune(folder: Path) -> None:
    # Backups are made only by the lock's holder: any other unchecked copy is one a crash left.
    for leftover in folder.glob(f"kh65-*.db{_PART}"):
        _remove(leftover)
    named = sorted((p for p in folder.glob("kh65-*.db") if _NAME.match(p.name)), reverse=True)
    for path in named[KEEP:]:
        _remove(path)


def aside_path(db_path: Path, tag: str) -> Path:
    """A name not yet taken for a file set aside: "kh65-hong.db", "kh65-hong-2.db", …"""
    number = 1
    while True:
        suffix = "" if number == 1 else f"-{number}"
        aside = db_path.with_name(f"{db_path.stem}-{tag}{suffix}{db_path.suffix}")
        if not aside.exists():
            return aside
        number += 1


def set_aside(db_path: Path, tag: str) -> Path:
    """Move an unusable database (and its WAL) out of the way, kept for support and never
    overwritten; its place is then free for a backup or a new database."""
    aside = aside_path(db_path, tag)
    db_path.replace(aside)
    for companion in ("-wal", "-shm"):
        source = Path(f"{db_path}{companion}")
        if source.exists():
            source.replace(Path(f"{aside}{companion}"))
    log.warning("Đã để riêng %s thành %s", db_path.name, aside.name)
    return aside


def backup_advice(db_path: Path) -> str:
    """Where the newest good backup is and what it holds, for a refusal on the command line."""
    good = latest_good(db_path)
    if good is None:
        return f"Không có bản sao lưu nào dùng được trong {backup_folder(db_path)}."
    backup, held = good
    return (
        f"Bản sao lưu tốt gần nhất: {backup.describe(held)}, tệp {backup.path}. Mở cửa sổ KH65 "
        "(lệnh kh65) để khôi phục từ bản này."
    )
