"""What a database file is before anything writes to it: missing, empty, not SQLite, another
program's, damaged, KH65's of a newer, older or the current schema; and what a KH65 file holds
(plan, figures, last change). The one rule the window, the command line and the backups share:
only KH65's own files are migrated, written or kept as backups."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from functools import cache
from pathlib import Path
from typing import Any

from alembic.script import ScriptDirectory

from ..domain.numbers import format_moment, format_number
from .stored_dates import from_stored_time

SQLITE_HEADER = b"SQLite format 3\x00"
# Tables every KH65 schema since the first has had; another program's file lacks them.
KH65_TABLES = frozenset({"alembic_version", "plan", "indicator", "period", "reported_value"})


class FileKind(Enum):
    MISSING = "missing"  # nothing at the path: the only case created afresh
    EMPTY = "empty"  # 0 bytes, or a SQLite file without a single table
    NOT_SQLITE = "not_sqlite"
    FOREIGN = "foreign"  # SQLite, but not KH65's tables
    DAMAGED = "damaged"  # SQLite's own check fails, or it cannot be read
    NEWER = "newer"  # KH65's, written by a newer version of the app
    OLDER = "older"  # KH65's, to be migrated
    CURRENT = "current"

    @property
    def is_kh65(self) -> bool:
        return self in (FileKind.OLDER, FileKind.CURRENT)


@dataclass(frozen=True)
class Holdings:
    """What a KH65 database holds, as a clerk recognises it."""

    plan_number: str | None
    figures: int
    last_change: datetime | None

    def describe(self) -> str:
        """ "Kế hoạch số 65/KH-UBND, 1.234 số liệu, thay đổi lần cuối 04/7/2024 09:30"."""
        plan = f"Kế hoạch số {self.plan_number}" if self.plan_number else "không có kế hoạch"
        text = f"{plan}, {format_number(self.figures)} số liệu"
        if self.last_change is not None:
            text += f", thay đổi lần cuối {format_moment(self.last_change)}"
        return text


@dataclass(frozen=True)
class FileState:
    kind: FileKind
    revision: str | None = None  # the file's schema revision (KH65 files)
    head: str | None = None  # the newest this app knows


@cache
def revisions() -> tuple[frozenset[str], str | None]:
    """Every schema revision this app knows, and its newest."""
    from .database import alembic_config  # database.py imports this module

    script = ScriptDirectory.from_config(alembic_config())
    return frozenset(r.revision for r in script.walk_revisions()), script.get_current_head()


def read_only(path: Path, **connect: Any) -> sqlite3.Connection:
    """A connection that cannot write, whatever is asked of it (the path is a URI: a '?' or
    '#' in a folder name stays part of the name)."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, **connect)


def inspect_file(path: Path, integrity: bool = False) -> FileState:
    """What the file at `path` is, read only. `integrity` adds SQLite's quick check.
    OSError if it cannot be read at all (no permission, a directory)."""
    known, head = revisions()
    if not path.exists():
        return FileState(FileKind.MISSING, head=head)
    with open(path, "rb") as file:  # a directory or an unreadable file raises here
        start = file.read(len(SQLITE_HEADER))
    if not start:
        return FileState(FileKind.EMPTY, head=head)
    if start != SQLITE_HEADER:
        return FileState(FileKind.NOT_SQLITE, head=head)
    try:
        with closing(read_only(path)) as db:
            if integrity and db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                return FileState(FileKind.DAMAGED, head=head)
            tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if not tables:
                return FileState(FileKind.EMPTY, head=head)
            if not KH65_TABLES <= tables:
                return FileState(FileKind.FOREIGN, head=head)
            versions = [r[0] for r in db.execute("SELECT version_num FROM alembic_version")]
    except sqlite3.OperationalError as error:
        if "unable to open" in str(error) or "locked" in str(error):
            raise  # said as what it is (failures.explain), not as damage
        return FileState(FileKind.DAMAGED, head=head)
    except sqlite3.DatabaseError:
        return FileState(FileKind.DAMAGED, head=head)
    if len(versions) != 1:
        return FileState(FileKind.FOREIGN, head=head)
    revision = versions[0]
    if revision not in known:
        kind = FileKind.NEWER
    else:
        kind = FileKind.CURRENT if revision == head else FileKind.OLDER
    return FileState(kind, revision, head)


def holdings(path: Path) -> Holdings | None:
    """The plan, figures and last change of a KH65 file; None if it cannot be read."""
    try:
        with closing(read_only(path)) as db:
            plan = db.execute("SELECT number FROM plan ORDER BY id LIMIT 1").fetchone()
            figures, entered = db.execute(
                "SELECT count(*), max(entered_at) FROM reported_value"
            ).fetchone()
            tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master")}
            changed = None
            if "value_change" in tables:  # since schema 0002
                changed = db.execute("SELECT max(changed_at) FROM value_change").fetchone()[0]
    except sqlite3.DatabaseError:
        return None
    moments = [from_stored_time(m) for m in (entered, changed) if m]
    return Holdings(plan[0] if plan else None, figures, max(moments, default=None))


def is_good_copy(path: Path) -> bool:
    """A backup worth restoring: SQLite's check passes, KH65's schema of a revision this app
    knows, and a plan in it."""
    try:
        if not inspect_file(path, integrity=True).kind.is_kh65:
            return False
        with closing(read_only(path)) as db:
            return db.execute("SELECT 1 FROM plan LIMIT 1").fetchone() is not None
    except (OSError, sqlite3.DatabaseError):
        return False
