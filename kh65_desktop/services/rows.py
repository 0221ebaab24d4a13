"""Read-only views of a plan's indicators that screens, reports and exports share."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from ..domain.progress import Progress, Target
from ..domain.targets import describe_target
from ..domain.tasks import Urgency
from ..domain.terms import AgencyKind, Direction, IndicatorKind, TargetForm, TaskStatus


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
    version: int = 0  # as read: a save states it (storage/figure_versions.py)


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
    lead_ids: tuple[int, ...]
    coordinating_ids: tuple[int, ...]
    target: Target
    baseline: float | None
    same_period: float | None  # "cùng kỳ" in the period of `latest` (services/same_period.py)
    note: str
    latest: LatestValue | None
    progress: Progress
    stated_percent: float | None  # what the document says for the latest period
    stated_remaining: float | None

    @property
    def target_form(self) -> TargetForm:
        """As the plan's indicator names it (what FigureKind.of reads)."""
        return self.target.form

    @property
    def target_display(self) -> str:
        return describe_target(self.target, self.unit)

    @property
    def lead_display(self) -> str:
        return ", ".join(self.lead) or "Chưa phân công"


@dataclass(frozen=True)
class TaskRow:
    """A task with its agencies, deadline and urgency."""

    id: int
    code: str
    group_code: str
    lead_in: str
    text: str
    lead: tuple[str, ...]
    coordinating: tuple[str, ...]
    lead_ids: tuple[int, ...]
    coordinating_ids: tuple[int, ...]
    deadline: date | None
    deadline_text: str
    status: TaskStatus
    urgency: Urgency
    note: str
    version: int = 0  # as read: a status edit states it


@dataclass(frozen=True)
class AgencyRow:
    """An agency with how much of the plan it carries."""

    id: int
    code: str
    name: str
    kind: AgencyKind
    leads: int
    coordinates: int
    tasks: int


@dataclass(frozen=True)
class BreakdownRow:
    """One locality's figures for an indicator in a period."""

    locality_id: int
    locality: str
    target: float | None
    value: float | None
    is_estimate: bool
    progress: Progress
    version: int = 0  # the figure's version as read (0: none): a save states it


@dataclass(frozen=True)
class Breakdown:
    """An indicator split over localities, with its totals against the province's figures."""

    indicator_id: int
    indicator: str
    unit: str
    period_id: int
    period: str
    rows: tuple[BreakdownRow, ...]
    province_target: float | None
    province_value: float | None

    @property
    def total_target(self) -> float | None:
        present = [r.target for r in self.rows if r.target is not None]
        return sum(present) if present else None

    @property
    def total_value(self) -> float | None:
        present = [r.value for r in self.rows if r.value is not None]
        return sum(present) if present else None

    @property
    def target_matches(self) -> bool:
        return _same(self.total_target, self.province_target)

    @property
    def value_matches(self) -> bool:
        return _same(self.total_value, self.province_value)


def _same(a: float | None, b: float | None) -> bool:
    return a is None or b is None or abs(a - b) < 1e-6
