"""Clerks and imports at the same moment on one database: imports never interleave or lose
a figure; clerks saving one figure they all read get exactly one save and the others a
conflict, never a silent overwrite."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from sqlalchemy import Engine

from benchmarks.several_clerks import check_imports, import_figures, prepare
from kh65_desktop.services.editing import EditService, StaleFigures, ValueKey, ValueState
from kh65_desktop.services.plan_service import PlanService

from .reopen import reopen

pytestmark = pytest.mark.both_engines


def _together(jobs: list[Callable[[], object]]) -> list[object]:
    """Run the jobs on threads released at the same moment; each one's result or error."""
    start = threading.Barrier(len(jobs))
    results: list[object] = [None] * len(jobs)

    def run(n: int) -> None:
        start.wait()
        try:
            results[n] = jobs[n]()
        except Exception as exc:  # the outcome under test
            results[n] = exc

    threads = [threading.Thread(target=run, args=(n,)) for n in range(len(jobs))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_imports_at_once_land_every_figure_none_interleaved(engine: Engine) -> None:
    workers, each = 4, 1500
    keys = prepare(engine, workers * each)
    engines = [reopen(engine) for _ in range(workers)]
    results = _together(
        [
            (lambda w=w: import_figures(engines[w], w, keys[w * each : (w + 1) * each]))
            for w in range(workers)
        ]
    )
    assert all(isinstance(r, int) for r in results), results
    assert check_imports(engine, workers, each) == []
    for other in engines:
        other.dispose()


def test_clerks_saving_one_figure_they_all_read_get_one_save(engine: Engine) -> None:
    row = next(r for r in PlanService(engine).indicator_rows(None) if r.latest is not None)
    key = ValueKey(row.id, row.latest.period_id)  # type: ignore[union-attr]
    seen = row.latest.version  # type: ignore[union-attr]
    clerks = [EditService(reopen(engine)) for _ in range(4)]
    results = _together(
        [
            (
                lambda n=n: clerks[n].set_values(
                    [(key, ValueState(100.0 + n))], f"Cán bộ {n}", read={key: seen}
                )
            )
            for n in range(len(clerks))
        ]
    )
    saved = [n for n, r in enumerate(results) if isinstance(r, list)]
    refused = [r for r in results if isinstance(r, StaleFigures)]
    assert len(saved) == 1 and len(refused) == len(clerks) - 1, results
    winner = saved[0]
    assert EditService(engine).value_state(key).value == 100.0 + winner  # type: ignore[union-attr]
    assert all(r.conflicts[0].changed_by == f"Cán bộ {winner}" for r in refused)
