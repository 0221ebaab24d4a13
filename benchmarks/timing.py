"""The one way the benchmarks time a piece of work: its median over several runs."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median(fn: Callable[[], object], repeat: int) -> float:
    """Seconds `fn` takes, the median of `repeat` runs (one slow run does not move it)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)
