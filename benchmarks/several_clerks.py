"""Several clerks on one database: imports at once, and one figure saved then redrawn.

    python benchmarks/several_clerks.py imports --db postgresql://postgres@127.0.0.1:5432/bench
    python benchmarks/several_clerks.py imports --db /tmp/bench.db
    python benchmarks/several_clerks.py save --db postgresql://…

`imports`: N processes each write one import of M figures (the import's own write: its log
row, its figures and the states it replaced, as services/exchange_apply.py does, without
reading a file) at the same moment into one database, then checks that every figure landed
and that no two imports' history rows interleave. `save`: one figure saved through the edit
service and the indicator table read again (what a window does after a save), and the time
until a second connection's LISTEN hears it (PostgreSQL).
"""

from __future__ import annotations

import argparse
import multiprocessing
import select
import statistics
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import Engine, text  # noqa: E402
from sqlmodel import Session  # noqa: E402

from kh65_desktop.domain.terms import IndicatorKind, PeriodKind  # noqa: E402
from kh65_desktop.services.editing import EditService, ValueKey, ValueState  # noqa: E402
from kh65_desktop.services.plan_service import PlanService  # noqa: E402
from kh65_desktop.services.plans import plan_or_newest  # noqa: E402
from kh65_desktop.storage.change_notices import ChangeListener, install_change_notices  # noqa: E402
from kh65_desktop.storage.changed_since import IMPORT_BY  # noqa: E402
from kh65_desktop.storage.database import open_database  # noqa: E402
from kh65_desktop.storage.engines import is_server_address, parse_server_address  # noqa: E402
from kh65_desktop.storage.figures import IMPORT_WAIT, write_imported_figures  # noqa: E402
from kh65_desktop.storage.models import ImportLog, Period  # noqa: E402
from kh65_desktop.storage.write_lock import lock_figure_writes  # noqa: E402

BENCH_PERIOD = "BENCH-"  # the periods made for the figures, by code


def open_db(where: str) -> Engine:
    return open_database(parse_server_address(where) if is_server_address(where) else Path(where))


def prepare(engine: Engine, figures: int) -> list[ValueKey]:
    """Enough periods for `figures` distinct figures (every indicator, province-wide and by
    locality); their keys, in order."""
    plans = PlanService(engine)
    plan = plan_or_newest(engine, None)
    indicators = [r.id for r in plans.indicator_rows(None)]
    localities: list[int | None] = [None, *(loc.id for loc in plans.localities())]
    per_period = len(indicators) * len(localities)
    needed = -(-figures // per_period)
    with Session(engine) as session, session.begin():
        for n in range(needed):
            day = date(2000, 1, 1) + timedelta(days=n)
            session.add(
                Period(
                    plan_id=plan.id,
                    code=f"{BENCH_PERIOD}{n}",
                    name=f"Kỳ thử {n}",
                    kind=PeriodKind.MONTH,
                    starts_on=day,
                    ends_on=day,
                )
            )
    with engine.connect() as connection:
        periods = [
            r[0]
            for r in connection.execute(
                text("SELECT id FROM period WHERE code LIKE :c ORDER BY id"),
                {"c": f"{BENCH_PERIOD}%"},
            )
        ]
    keys = [ValueKey(i, p, loc) for p in periods for i in indicators for loc in localities]
    return keys[:figures]


def import_figures(engine: Engine, worker: int, keys: list[ValueKey]) -> int:
    """One import of these figures, in one transaction; its log id."""
    now = datetime.now(UTC)
    sender = f"Đơn vị thử {worker}"
    changes = [
        (key, ValueState(float(worker * 1_000_000 + n), entered_by=sender, entered_at=now))
        for n, key in enumerate(keys)
    ]
    with Session(engine) as session, session.begin():
        lock_figure_writes(session.connection(), IMPORT_WAIT)  # as apply_import does
        log = ImportLog(
            file_name=f"thu-{worker}.kh65",
            content_sha256=f"bench-{worker}",
            sender=sender,
            created_at=now,
            imported_at=now,
            imported_by="Thử",
            added=len(keys),
        )
        session.add(log)
        session.flush()
        assert log.id is not None
        by = IMPORT_BY.format(log.file_name, sender)
        write_imported_figures(session.connection(), changes, by, now, log.id)
        return log.id


def check_imports(engine: Engine, workers: int, per_worker: int) -> list[str]:
    """What went wrong, if anything: a figure missing or not its import's, or two imports'
    history rows interleaved."""
    problems = []
    with engine.connect() as connection:
        stored = dict(
            connection.execute(
                text(
                    "SELECT r.value, r.entered_by FROM reported_value r JOIN period p "
                    "ON p.id = r.period_id WHERE p.code LIKE :c"
                ),
                {"c": f"{BENCH_PERIOD}%"},
            ).all()
        )
        if len(stored) != workers * per_worker:
            problems.append(f"{len(stored)} figures stored, {workers * per_worker} imported")
        for worker in range(workers):
            mine = [v for v in stored if int(v // 1_000_000) == worker]
            if len(mine) != per_worker:
                problems.append(f"import {worker}: {len(mine)} of {per_worker} figures")
        for by, low, high, count in connection.execute(
            text(
                "SELECT changed_by, min(id), max(id), count(*) FROM value_change "
                "WHERE changed_by LIKE 'Nhập từ tệp thu-%' GROUP BY changed_by"
            )
        ):
            if high - low + 1 != count:
                problems.append(f"{by}: its history rows interleave with another import's")
    return problems


def _worker(where: str, worker: int, keys: list[ValueKey], start: object, out: object) -> None:
    engine = open_db(where)
    start.wait()  # type: ignore[attr-defined]
    began = time.perf_counter()
    try:
        import_figures(engine, worker, keys)
        out.put((worker, time.perf_counter() - began, ""))  # type: ignore[attr-defined]
    except Exception as exc:  # said in the report: a failure is a result too
        out.put((worker, time.perf_counter() - began, repr(exc)[:200]))  # type: ignore[attr-defined]
    finally:
        engine.dispose()


def bench_imports(where: str, workers: int, per_worker: int) -> None:
    engine = open_db(where)
    keys = prepare(engine, workers * per_worker)
    engine.dispose()
    context = multiprocessing.get_context("spawn")
    start, out = context.Barrier(workers + 1), context.Queue()
    processes = [
        context.Process(
            target=_worker,
            args=(where, w, keys[w * per_worker : (w + 1) * per_worker], start, out),
        )
        for w in range(workers)
    ]
    for process in processes:
        process.start()
    start.wait()
    began = time.perf_counter()
    results = [out.get() for _ in processes]
    total = time.perf_counter() - began
    for process in processes:
        process.join()
    engine = open_db(where)
    problems = check_imports(engine, workers, per_worker)
    engine.dispose()
    failed = [r for r in results if r[2]]
    print(f"{workers} imports × {per_worker} figures into {where.split('@')[-1]}: {total:.1f} s")
    print(f"  each: {', '.join(f'{r[1]:.1f}' for r in sorted(results))} s")
    print(f"  failed: {len(failed)} {failed[:2]}" if failed else "  failed: none")
    print(f"  check: {problems or 'every figure landed, none interleaved'}")


def bench_save(where: str, repeat: int) -> None:
    engine = open_db(where)
    server = engine.dialect.name == "postgresql"
    listener = None
    if server:
        with engine.begin() as connection:
            install_change_notices(connection)
        listener = ChangeListener(engine, "bench-other-window")
    plans = PlanService(engine)
    plan = plan_or_newest(engine, None)
    row = next(
        r
        for r in plans.indicator_rows(None)
        if r.latest is not None and r.kind == IndicatorKind.ACCUMULATING
    )
    key = ValueKey(row.id, row.latest.period_id)  # type: ignore[union-attr]
    edits = EditService(engine)
    saves, rounds, heard = [], [], []
    for n in range(repeat):
        version = row.latest.version if row.latest else 0  # type: ignore[union-attr]
        began = time.perf_counter()
        edits.set_values([(key, ValueState(1000.0 + n))], "Thử", read={key: version})
        saved = time.perf_counter()
        if listener is not None:
            while not listener.changed_tables():
                select.select([listener.fileno()], [], [], 1.0)
            heard.append(time.perf_counter() - saved)
        redraw = time.perf_counter()
        row = next(r for r in plans.indicator_rows(plan) if r.id == key.indicator_id)
        done = time.perf_counter()
        saves.append(saved - began)
        rounds.append((saved - began) + (done - redraw))
    print(f"one figure saved on {engine.dialect.name} ({repeat} times), median:")
    print(f"  save (version check, write, history): {statistics.median(saves) * 1000:.1f} ms")
    print(f"  save + the indicator table read again: {statistics.median(rounds) * 1000:.1f} ms")
    if heard:
        print(f"  commit → another connection's LISTEN: {statistics.median(heard) * 1000:.1f} ms")
    if listener is not None:
        listener.close()
    engine.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("what", choices=("imports", "save"))
    parser.add_argument("--db", required=True, help="a file, or postgresql://…")
    parser.add_argument("--workers", type=int, default=10)
    parser.add_argument("--figures", type=int, default=10_000, help="per import")
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    if args.what == "imports":
        bench_imports(args.db, args.workers, args.figures)
    else:
        bench_save(args.db, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
