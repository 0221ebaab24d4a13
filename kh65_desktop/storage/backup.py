"""Backups with SQLite's online backup API: before every import and migration, once a day,
and before a restore; a bounded number kept. The database may be open while it is copied."""

from __future__ import annotations

import logging
import re
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

log = logging.getLogger(__name__)
KEEP = 30  # the newest backups kept; older ones are removed
_NAME = re.compile(r"^kh65-(\d{8}-\d{6}-\d{6})-([a-z-]+)\.db$")


@dataclass(frozen=True)
class Backup:
    path: Path
    made_at: datetime
    reason: str


def backup_folder(db_path: Path) -> Path:
    """Backups live beside the database, in a "backups" folder."""
    return db_path.parent / "backups"


def integrity_ok(db_path: Path, quick: bool = False) -> bool:
    """SQLite's own check (quick: pages and records, not index contents, about four times
    faster on a large file); False for a damaged or unreadable file."""
    pragma = "quick_check" if quick else "integrity_check"
    try:
        with closing(sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)) as db:
            return db.execute(f"PRAGMA {pragma}").fetchone()[0] == "ok"
    except sqlite3.DatabaseError:
        return False


def make_backup(db_path: Path, reason: str) -> Path | None:
    """Copy the database (consistently, even while in use); None if there is nothing yet."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    folder = backup_folder(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"kh65-{datetime.now():%Y%m%d-%H%M%S-%f}-{reason}.db"
    _copy(db_path, target)
    log.info("Sao lưu %s (%s)", target.name, reason)
    _prune(folder)
    return target


def backups(db_path: Path) -> list[Backup]:
    """Every backup of this database, newest first."""
    folder = backup_folder(db_path)
    found = []
    for path in folder.glob("kh65-*.db") if folder.exists() else []:
        match = _NAME.match(path.name)
        if match:
            found.append(Backup(path, datetime.strptime(match[1], "%Y%m%d-%H%M%S-%f"), match[2]))
    return sorted(found, key=lambda b: b.made_at, reverse=True)


def daily_backup(db_path: Path) -> Path | None:
    """One backup a day, made at the first start of the day."""
    today = datetime.now().date()
    if any(b.made_at.date() == today for b in backups(db_path)):
        return None
    return make_backup(db_path, "hang-ngay")


def restore(backup: Path, db_path: Path) -> Path | None:
    """Put a backup in place of the database; the current one is backed up first.

    Every connection to the database must be closed (the engine disposed) before."""
    if not integrity_ok(backup):
        raise ValueError(f"Bản sao lưu {backup.name} bị hỏng, không khôi phục từ bản này.")
    before = make_backup(db_path, "truoc-khoi-phuc") if integrity_ok(db_path) else None
    for suffix in ("-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    _copy(backup, db_path)
    log.info("Khôi phục %s từ %s", db_path.name, backup.name)
    return before


def _copy(source: Path, target: Path) -> None:
    """SQLite's online backup, with both files closed afterwards (Windows keeps open files
    locked; sqlite3's context manager only commits, it does not close)."""
    with closing(sqlite3.connect(source)) as origin, closing(sqlite3.connect(target)) as copy:
        origin.backup(copy)


def _prune(folder: Path) -> None:
    old = sorted(folder.glob("kh65-*.db"), reverse=True)[KEEP:]
    for path in old:
        path.unlink(missing_ok=True)
