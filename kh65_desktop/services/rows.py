"""Read-only views of a plan's indicators that screens, reports and exports share."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from ..domain.progress import Progress, Target
from ..domain.targets import describe_target
from ..domain.terms import Direction, IndicatorKind


@dataclass(frozen=True)
class LatestValue:
    """The most recent province-wide figure of an indicator."""

    value: float | None
    text: str
    achieved: bool | None
    is_estimate: bool
    as_of: date | None
    period_id: int
    period_code: str
    period_name: str
    entered_by: str
    entered_at: datetime


@dataclass(frozen=True)
class IndicatorRow:
    """One indicator with its assignment, latest value and computed progress."""

    id: int
    code: str
    name: str
    unit: str
    kind: IndicatorKind
    direction: Direction
    group_code: str
    group_heading: str
    parent_code: str | None
    lead: tuple[str, ...]
    coordinating: tuple[str, ...]
    target: Target
    baseline: float | None
    same_period: float | None
    note: str
    latest: LatestValue | None
    progress: Progress
    stated_percent: float | None  # what the document says for the latest period
    stated_remaining: float | None

    @property
    def target_display(self) -> str:
        return describe_target(self.target, self.unit)

    @property
    def lead_display(self) -> str:
        return ", ".join(self.lead) or "Chưa phân công"
