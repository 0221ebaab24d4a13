"""How long the reporting status of a period takes (services/consolidation.period_status):
for the built-in plan 65, and for the same plan broken down by 124 communes (30 indicators
with a target for each commune, figures from 100 of them, 60 packages received, decisions
on a third of the units). Baseline: counting the period's figures in one SQL statement.

    python benchmarks/status.py [--repeat N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import Engine, text  # noqa: E402

from kh65_desktop.services.consolidation import period_status  # noqa: E402
from kh65_desktop.services.plan_service import PlanService  # noqa: E402
from kh65_desktop.storage.database import open_database  # noqa: E402

COMMUNES, BROKEN_DOWN, REPORTING, PACKAGES = 124, 30, 100, 60


def median_ms(work: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def add_communes(engine: Engine, period_id: int) -> None:
    """124 communes, 30 indicators broken down by them, figures, packages and decisions."""
    now = datetime.now(UTC).replace(tzinfo=None).isoformat(" ")
    with engine.begin() as c:
        plan_id = c.execute(text("SELECT id FROM plan")).scalar_one()
        indicators = (
            c.execute(
                text("SELECT id FROM indicator WHERE plan_id = :p ORDER BY id LIMIT :n"),
                {"p": plan_id, "n": BROKEN_DOWN},
            )
            .scalars()
            .all()
        )
        localities = []
        for i in range(1, COMMUNES + 1):
            localities.append(
                c.execute(
                    text(
                        "INSERT INTO locality (code, name, kind, position, parent_code) "
                        "VALUES (:c, :n, 'xã', :i, '') RETURNING id"
                    ),
                    {"c": f"TN{i:03d}", "n": f"Xã Thử nghiệm {i:03d}", "i": 100 + i},
                ).scalar_one()
            )
        for indicator in indicators:
            c.execute(
                text("DELETE FROM reported_value WHERE indicator_id = :i AND period_id = :p"),
                {"i": indicator, "p": period_id},
            )
            for n, locality in enumerate(localities):
                c.execute(
                    text("INSERT INTO locality_target VALUES (:i, :l, 10)"),
                    {"i": indicator, "l": locality},
                )
                if n < REPORTING:
                    c.execute(
                        text(
                            "INSERT INTO reported_value (indicator_id, period_id, locality_id, "
                            "value, text, is_estimate, note, entered_by, entered_at, version) "
                            "VALUES (:i, :p, :l, 5, '', 0, '', 'x', :t, 1)"
                        ),
                        {"i": indicator, "p": period_id, "l": locality, "t": now},
                    )
        for n in range(PACKAGES):
            log = c.execute(
                text(
                    "INSERT INTO import_log (file_name, content_sha256, sender, created_at, "
                    "imported_at, imported_by, undo_data, added, changed, unchanged, "
                    "conflicts_kept, conflicts_taken) "
                    "VALUES (:f, :s, :who, :t, :t, 'x', '', 0, 0, 0, 0, 0) "
                    "RETURNING id"
                ),
                {
                    "f": f"goi-{n}.kh65",
                    "s": f"{n:064d}",
                    "who": f"Xã Thử nghiệm {n + 1:03d}",
                    "t": now,
                },
            ).scalar_one()
            for indicator in indicators:
                c.execute(
                    text(
                        "INSERT INTO import_undo_value (import_log_id, indicator_id, period_id, "
                        "locality_id, existed) VALUES (:g, :i, :p, :l, 0)"
                    ),
                    {"g": log, "i": indicator, "p": period_id, "l": localities[n]},
                )
        for locality in localities[::3]:
            c.execute(
                text(
                    "INSERT INTO submission_review (plan_id, period_id, locality_id, state, "
                    "comment, decided_by, decided_at) VALUES (:pl, :p, :l, 'approved', '', "
                    "'x', :t)"
                ),
                {"pl": plan_id, "p": period_id, "l": locality, "t": now},
            )


def measure(label: str, engine: Engine, repeat: int) -> str:
    service = PlanService(engine)
    plan = service.current_plan()
    period = service.periods(plan)[0]
    status = period_status(engine, plan, period, lambda: date(2024, 7, 20))

    def count() -> int:
        with engine.connect() as c:
            return c.execute(
                text("SELECT count(*) FROM reported_value WHERE period_id = :p"), {"p": period.id}
            ).scalar_one()

    ours = median_ms(lambda: period_status(engine, plan, period, lambda: date(2024, 7, 20)), repeat)
    baseline = median_ms(count, repeat)
    return (
        f"| {label}: {len(status.units)} units, {count()} figures | {ours:.1f} ms "
        f"| {baseline:.2f} ms | {ours / baseline:.0f}× |"
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        builtin = open_database(Path(folder) / "plan65.db")
        print("| status of a period | ours (median) | baseline: count its figures | ratio |")
        print("|---|---|---|---|")
        print(measure("plan 65", builtin, args.repeat))
        period = PlanService(builtin).periods(PlanService(builtin).current_plan())[0]
        add_communes(builtin, period.id or 0)
        print(measure(f"plan 65 by {COMMUNES} communes", builtin, args.repeat))
        builtin.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
