"""The crash test: a child process edits and imports; the parent kills it with SIGKILL at a
random moment; the database must pass its integrity check and hold every edit whose commit
had returned. Used by tests/test_crash.py (a few runs) and scripts/crash_test.py (many)."""

from __future__ import annotations

import json
import os
import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def child(db_path: Path, journal: Path, package: Path) -> None:
    """Edit figures (each a unique, rising number) and import a package, forever; after each
    commit returns, write it to the journal (fsync'd)."""
    from kh65_desktop.services.editing import EditService, ValueKey
    from kh65_desktop.services.exchange import ExchangeService
    from kh65_desktop.services.exchange_files import read_file
    from kh65_desktop.services.plan_service import PlanService
    from kh65_desktop.storage.database import open_database

    engine = open_database(db_path)
    plans, edits, exchange = PlanService(engine), EditService(engine), ExchangeService(engine)
    plan = plans.current_plan()
    period = plans.periods(plan)[0]
    # amounts and counts: a rising counter is a plausible figure for them, not for a rate in
    # %; none of those the package brings (group II.6), which the import sets back
    ids = [
        r.id
        for r in plans.indicator_rows()
        if r.kind.value != "qualitative" and r.unit != "%" and r.group_code != "II.6"
    ][:12]
    counter = 1.0 + sum(1 for _ in open(journal, encoding="utf-8")) if journal.exists() else 1.0
    counter += round(time.time() % 1000 * 1000)  # unique across runs, a whole number
    with open(journal, "a", encoding="utf-8") as log:
        print("ready", flush=True)
        step = 0
        while True:
            step += 1
            if step % 9 == 0:
                preview = exchange.preview(plan, read_file(package, "crash"))
                for row in preview.rows:
                    row.take_theirs = True
                if not preview.changes_nothing:
                    imported = exchange.apply(plan, preview, "crash")
                    log.write(json.dumps(["import", imported.id]) + "\n")
            else:
                indicator = ids[step % len(ids)]
                counter += 1
                edits.record_value(ValueKey(indicator, period.id), counter, "crash")
                log.write(json.dumps(["value", indicator, counter]) + "\n")
            log.flush()
            os.fsync(log.fileno())


def run_once(db_path: Path, journal: Path, package: Path, rng: random.Random) -> None:
    """Start the child, let it work a random while, kill it without warning."""
    process = subprocess.Popen(
        [sys.executable, __file__, str(db_path), str(journal), str(package)],
        stdout=subprocess.PIPE,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == b"ready"
    time.sleep(rng.uniform(0.02, 0.6))
    process.kill()  # SIGKILL on POSIX, TerminateProcess on Windows: no cleanup either way
    process.wait()


def check(db_path: Path, journal: Path) -> int:
    """Integrity, and every journaled commit present; returns how many were checked."""
    with sqlite3.connect(db_path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        entries = [
            json.loads(line) for line in open(journal, encoding="utf-8") if line.endswith("\n")
        ]  # a line cut by the kill was never journaled
        for entry in entries:
            if entry[0] == "value":
                _, indicator, value = entry
                found = db.execute(
                    "SELECT count(*) FROM value_change WHERE indicator_id = ? AND new_value = ?",
                    (indicator, value),
                ).fetchone()[0]
                assert found == 1, f"lost edit {entry}"
                current = db.execute(
                    "SELECT value FROM reported_value WHERE indicator_id = ? "
                    "AND locality_id IS NULL AND period_id = (SELECT min(id) "
                    "FROM period)",
                    (indicator,),
                ).fetchone()[0]
                assert current >= value, f"older figure after {entry}"
            else:
                assert (
                    db.execute(
                        "SELECT count(*) FROM import_log WHERE id = ?", (entry[1],)
                    ).fetchone()[0]
                    == 1
                ), f"lost import {entry}"
    return len(entries)


if __name__ == "__main__":
    child(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
