"""The plan at a glance: status counts, the indicators most behind, the tasks to chase."""

from __future__ import annotations

from collections import Counter

from ..domain.tasks import Urgency
from ..domain.terms import Status
from .rows import IndicatorRow, TaskRow

_BEHIND_ORDER = {Status.AT_RISK: 0, Status.LAGGING: 1}


def status_counts(rows: list[IndicatorRow]) -> dict[Status, int]:
    """How many indicators have each status, every status present (0 where none)."""
    counts = Counter(r.progress.status for r in rows)
    return {status: counts.get(status, 0) for status in Status}


def most_behind(rows: list[IndicatorRow], limit: int = 10) -> list[IndicatorRow]:
    """At-risk then lagging indicators, furthest below where they should be by now first."""
    behind = [r for r in rows if r.progress.status in _BEHIND_ORDER]

    def gap(row: IndicatorRow) -> float:
        p = row.progress
        if p.level_progress is not None and p.expected_percent is not None:
            return p.level_progress - p.expected_percent
        if p.percent_of_plan is not None and p.expected_percent is not None:
            return p.percent_of_plan - p.expected_percent
        return 0.0

    return sorted(behind, key=lambda r: (_BEHIND_ORDER[r.progress.status], gap(r)))[:limit]


def tasks_to_chase(tasks: list[TaskRow]) -> list[TaskRow]:
    """Overdue tasks (oldest deadline first), then those due soon."""
    urgent = [t for t in tasks if t.urgency in (Urgency.OVERDUE, Urgency.DUE_SOON)]
    return sorted(urgent, key=lambda t: (t.urgency is not Urgency.OVERDUE, t.deadline))
