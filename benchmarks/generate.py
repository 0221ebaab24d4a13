"""A large, realistic database for the benchmarks: several years of plans, many agencies,
indicators, monthly figures by locality, tasks and history.

    python benchmarks/generate.py --out /tmp/large.db          (about 1,4 million figures)

Written with plain sqlite3 in one transaction (the app's own writers are measured separately);
the schema is the app's, created by its migrations, with plan 65 loaded first.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import time
from datetime import date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kh65_desktop.domain.numbers import format_number  # noqa: E402
from kh65_desktop.storage.database import open_database  # noqa: E402

STAMP = "%Y-%m-%d %H:%M:%S.%f"
NAMES = (
    "Tỷ lệ hộ dân được sử dụng nước sạch",
    "Giá trị sản xuất nông nghiệp",
    "Số doanh nghiệp thành lập mới",
    "Thu ngân sách trên địa bàn",
    "Tỷ lệ trẻ em tiêm chủng",
    "Tổng mức bán lẻ hàng hóa",
    "Tỷ lệ lao động qua đào tạo",
    "Diện tích lúa chất lượng cao",
    "Số km đường giao thông nông thôn được cứng hóa",
    "Tỷ lệ hộ nghèo đa chiều",
)


def generate(
    out: Path, plans: int, agencies: int, indicators: int, localities: int, tasks: int, seed: int
) -> dict[str, int]:
    out.unlink(missing_ok=True)
    open_database(out).dispose()  # the app's schema and plan 65
    rng = random.Random(seed)
    db = sqlite3.connect(out)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA foreign_keys=OFF")  # ids are assigned here in order; checked below
    counts = dict.fromkeys(("plans", "indicators", "values", "tasks", "history"), 0)
    with db:
        next_id = {
            t: (db.execute(f"SELECT coalesce(max(id), 0) FROM {t}").fetchone()[0] + 1)
            for t in (
                "agency",
                "locality",
                "plan",
                "indicator_group",
                "indicator",
                "period",
                "reported_value",
                "task",
                "value_change",
            )
        }

        def take(table: str) -> int:
            next_id[table] += 1
            return next_id[table] - 1

        agency_ids = []
        for a in range(agencies):
            agency_ids.append(take("agency"))
            db.execute(
                "INSERT INTO agency (id, code, name, kind, position) VALUES (?,?,?,?,?)",
                (
                    agency_ids[-1],
                    f"BENCH-A{a:02d}",
                    f"Sở thử nghiệm số {a + 1}",
                    "provincial",
                    100 + a,
                ),
            )
        locality_ids = []
        for i in range(localities):
            locality_ids.append(take("locality"))
            db.execute(
                "INSERT INTO locality (id, code, name, kind, position) VALUES (?,?,?,?,?)",
                (
                    locality_ids[-1],
                    f"BENCH-L{i:02d}",
                    f"Huyện thử nghiệm {i + 1}",
                    "huyện",
                    100 + i,
                ),
            )
        for p in range(plans):
            year = 2025 - plans + 1 + p  # the newest is 2025: the window opens on it
            plan_id = take("plan")
            db.execute(
                "INSERT INTO plan (id, code, number, document_type, issued_on, place, "
                "issuing_body, title, year, starts_on, ends_on, signer_authority, signer_title, "
                "signer_name) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    plan_id,
                    f"BENCH/{year}",
                    f"{p + 1}/KH-UBND",
                    "Kế hoạch",
                    f"{year}-01-15",
                    "Trà Vinh",
                    "Ủy ban nhân dân tỉnh Trà Vinh",
                    f"Kế hoạch phát triển kinh tế - xã hội năm {year}",
                    year,
                    f"{year}-01-01",
                    f"{year}-12-31",
                    "TM. ỦY BAN NHÂN DÂN",
                    "CHỦ TỊCH",
                    "Nguyễn Văn Thử",
                ),
            )
            counts["plans"] += 1
            group_ids = []
            for g, agency_id in enumerate(agency_ids):
                group_ids.append(take("indicator_group"))
                db.execute(
                    "INSERT INTO indicator_group (id, plan_id, code, section, heading, "
                    "position) VALUES (?,?,?,?,?,?)",
                    (group_ids[-1], plan_id, f"II.{g + 1}", "II", f"Sở thử nghiệm số {g + 1}", g),
                )
                db.execute(
                    "INSERT INTO group_agency (group_id, agency_id, role) VALUES (?,?,?)",
                    (group_ids[-1], agency_id, "lead"),
                )
            period_ids = []
            for month in range(1, 13):
                period_ids.append(take("period"))
                end = date(year, month, 28 if month == 2 else 30 if month in (4, 6, 9, 11) else 31)
                db.execute(
                    "INSERT INTO period (id, plan_id, code, name, kind, starts_on, ends_on, "
                    "cutoff_on) VALUES (?,?,?,?,?,?,?,?)",
                    (
                        period_ids[-1],
                        plan_id,
                        f"{year}-{month:02d}",
                        f"Tháng {month:02d}/{year}",
                        "month",
                        f"{year}-01-01",
                        end.isoformat(),
                        end.replace(day=14).isoformat(),
                    ),
                )
            indicator_rows, value_rows, history_rows = [], [], []
            for n in range(indicators):
                indicator_id = take("indicator")
                level = n % 10 >= 7
                target = rng.uniform(80, 99) if level else rng.uniform(100, 50_000)
                group = group_ids[n % len(group_ids)]
                indicator_rows.append(
                    (
                        indicator_id,
                        plan_id,
                        group,
                        f"II.{n % len(group_ids) + 1}.{n + 1}",
                        n,
                        f"{NAMES[n % len(NAMES)]} (chỉ tiêu {n + 1})",
                        "%" if level else "tỷ đồng",
                        "level" if level else "accumulating",
                        "higher",
                        "value",
                        round(target, 2),
                        0,
                        format_number(target, 2),  # as a plan prints it: 17.716,04
                        rng.uniform(60, 80) if level else None,
                    )
                )
                pace = rng.uniform(0.6, 1.3)
                for month, period_id in enumerate(period_ids, start=1):
                    total = target * rng.uniform(0.9, 1.0) if level else target * pace * month / 12
                    at = datetime(year, month, 20).strftime(STAMP)
                    value_rows.append(
                        (take("reported_value"), indicator_id, period_id, None, round(total, 2), at)
                    )
                    for locality_id in locality_ids:
                        value_rows.append(
                            (
                                take("reported_value"),
                                indicator_id,
                                period_id,
                                locality_id,
                                round(total / len(locality_ids), 2),
                                at,
                            )
                        )
                    if rng.random() < 0.25:  # a figure corrected once
                        history_rows.append(
                            (
                                take("value_change"),
                                indicator_id,
                                period_id,
                                round(total * 0.97, 2),
                                round(total, 2),
                                at,
                            )
                        )
            db.executemany(
                "INSERT INTO indicator (id, plan_id, group_id, code, position, name, unit, kind, "
                "direction, target_form, target_value, target_strict, target_text, "
                "baseline_value, baseline_label, same_period_label, note, source_quote) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,'','','','')",
                indicator_rows,
            )
            db.executemany(
                "INSERT INTO reported_value (id, indicator_id, period_id, locality_id, value, "
                "text, is_estimate, note, entered_by, entered_at) VALUES (?,?,?,?,?,'',0,'',"
                "'Người thử',?)",
                value_rows,
            )
            db.executemany(
                "INSERT INTO value_change (id, indicator_id, period_id, old_value, new_value, "
                "old_text, new_text, changed_by, changed_at) "
                "VALUES (?,?,?,?,?,'','','Người thử',?)",
                history_rows,
            )
            for t in range(tasks):
                task_id = take("task")
                db.execute(
                    "INSERT INTO task (id, plan_id, group_id, code, position, lead_in, text, "
                    "deadline, deadline_text, status, note, updated_by) "
                    "VALUES (?,?,?,?,?,'',?,?,'',?,'','')",
                    (
                        task_id,
                        plan_id,
                        group_ids[t % len(group_ids)],
                        f"T{t + 1}",
                        t,
                        f"Nhiệm vụ thử nghiệm số {t + 1}: đôn đốc thực hiện chỉ tiêu",
                        f"{year}-{t % 12 + 1:02d}-15",
                        ("not_started", "in_progress", "done")[t % 3],
                    ),
                )
                db.execute(
                    "INSERT INTO task_agency (task_id, agency_id, role) VALUES (?,?,?)",
                    (task_id, agency_ids[t % len(agency_ids)], "lead"),
                )
            counts["indicators"] += len(indicator_rows)
            counts["values"] += len(value_rows)
            counts["history"] += len(history_rows)
            counts["tasks"] += tasks
    problems = db.execute("PRAGMA foreign_key_check").fetchall()
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    assert not problems, problems[:5]
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--plans", type=int, default=10)
    parser.add_argument("--agencies", type=int, default=40)
    parser.add_argument(
        "--indicators",
        type=int,
        default=1060,
        help="per plan (1.060 gives about 1,4 million figures; see BENCHMARKS.md)",
    )
    parser.add_argument("--localities", type=int, default=10)
    parser.add_argument("--tasks", type=int, default=200, help="per plan")
    parser.add_argument("--seed", type=int, default=65)
    args = parser.parse_args()
    start = time.perf_counter()
    counts = generate(
        args.out, args.plans, args.agencies, args.indicators, args.localities, args.tasks, args.seed
    )
    size = args.out.stat().st_size / 1048576
    print(f"{counts} in {time.perf_counter() - start:.1f} s, {size:.0f} MB: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
