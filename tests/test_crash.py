"""Killed at random moments (SIGKILL), the database stays whole and keeps every committed edit.
This runs a few kills; scripts/crash_test.py runs many."""

from __future__ import annotations

import random
from pathlib import Path

from kh65_desktop.storage.database import open_database

from .crash import check, run_once
from .samples import office_package

KILLS = 4


def make_package(folder: Path) -> Path:
    """A package from another office that changes one figure."""
    return office_package(folder, "CTHUE", "II.6.1", 4100.0)


def test_sigkill_never_loses_a_committed_edit(tmp_path: Path) -> None:
    db_path, journal = tmp_path / "kh65.db", tmp_path / "journal.jsonl"
    open_database(db_path).dispose()
    package = make_package(tmp_path)
    rng = random.Random(65)
    checked = 0
    for _ in range(KILLS):
        run_once(db_path, journal, package, rng)
        checked = check(db_path, journal)
    assert checked > 0  # the child did commit work between kills
