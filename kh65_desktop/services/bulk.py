"""Bulk work: a package of up to 100.000 figures, a report of over a hundred pages."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while bulk work runs (usable as a decorator).

    Such work creates hundreds of thousands of small objects and hardly any reference
    cycles; each one counts towards the collector's thresholds, so it otherwise sweeps the
    whole heap again and again: about 1,9 s of a 100.000-figure import and 0,1 s of a
    121-page report (BENCHMARKS.md). Memory is still freed by reference counting, and the
    collector resumes, as it was, afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
