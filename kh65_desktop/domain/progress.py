"""Progress toward a target, computed in one place for every screen, report and export.

Rules (domain.md):
- accumulating amounts: % of plan = value / target; remaining = target - value; the
  year-end projection extends the current pace (value / share of the year elapsed);
- "trên 95% kế hoạch vốn" targets are met at that share of the plan amount;
- change targets ("tăng thêm 05 xã", "giảm 0,30%"): reported values are the change so far;
- levels and rates: the latest value counts; progress runs from the starting level
  (baseline) to the target, and the projection extends that line; without a baseline the
  pace cannot be judged, so an unmet level is "lagging" when within 10% of the target and
  "at risk" beyond;
- a projection reaching the requirement is "on track", reaching 90% of it "lagging",
  less "at risk"; qualitative targets follow the clerk's achieved/not achieved flag.
"""

from __future__ import annotations

import calendar
import math
from dataclasses import dataclass
from datetime import date

from .figure_rules import MAX_ABS
from .terms import Direction, IndicatorKind, Status, TargetForm

LAGGING_SHARE = 0.9  # a projection at 90% of what is required is "lagging", below is "at risk"
_EPS = 1e-9


@dataclass(frozen=True)
class Target:
    """A target in any of the plan's forms."""

    form: TargetForm
    value: float | None = None
    strict: bool = False  # "trên"/"dưới" exclude the bound; "từ … trở lên" includes it
    share: float | None = None  # "đạt trên 95% kế hoạch": met at this % of `value`
    text: str = ""


@dataclass(frozen=True)
class IndicatorSpec:
    """What progress needs to know of an indicator."""

    kind: IndicatorKind
    direction: Direction
    target: Target
    baseline: float | None = None


@dataclass(frozen=True)
class Reading:
    """The latest reported value and how far into the plan's time it was taken."""

    value: float | None
    achieved: bool | None = None
    elapsed_months: float = 0.0
    total_months: float = 12.0

    @property
    def elapsed_share(self) -> float:
        return min(1.0, self.elapsed_months / self.total_months) if self.total_months else 1.0

    @property
    def months_left(self) -> float:
        return max(0.0, self.total_months - self.elapsed_months)


@dataclass(frozen=True)
class Progress:
    """Everything computed about one indicator at one reading."""

    status: Status
    percent_of_plan: float | None = None
    remaining: float | None = None
    level_progress: float | None = None  # % of the way from baseline to target
    expected_percent: float | None = None  # where % of plan should be by now
    required_monthly_pace: float | None = None
    projected: float | None = None  # year-end value at the current pace
    projected_meets: bool | None = None


def months_between(start: date, end: date) -> float:
    """Months from the start of `start` to the end of `end` (01/01 -> 30/6 is 6.0)."""
    whole = (end.year - start.year) * 12 + end.month - start.month
    end_part = end.day / calendar.monthrange(end.year, end.month)[1]
    start_part = (start.day - 1) / calendar.monthrange(start.year, start.month)[1]
    return whole + end_part - start_part


def compute(spec: IndicatorSpec, reading: Reading | None) -> Progress:
    """Compute % of plan, remaining, pace, projection and status."""
    target = spec.target
    value = reading.value if reading else None
    numeric = (
        spec.kind is not IndicatorKind.QUALITATIVE
        and target.value is not None
        and value is not None
    )
    if not numeric:
        return Progress(status=_judged_status(reading))
    assert reading is not None and value is not None and target.value is not None
    zero_goal = spec.direction is Direction.LOWER and spec.kind is IndicatorKind.LEVEL
    if not (abs(value) < MAX_ABS and abs(target.value) < MAX_ABS) or (
        abs(target.value) < _EPS and not zero_goal
    ):
        return Progress(status=Status.NO_DATA)  # stored before the figure rules: not judged
    percent = _percent_of_plan(spec, value)
    remaining = _finite(_remaining(spec, value))
    months_left = reading.months_left
    pace = (
        _finite(remaining / months_left) if months_left > _EPS and remaining is not None else None
    )
    required = (target.share or 100.0) / 100.0
    expected = reading.elapsed_share * required * 100.0
    level_progress, projected = _projection(spec, value, reading)
    level_progress, projected = _finite(level_progress), _finite(projected)
    projected_meets = _meets(spec, projected) if projected is not None else None
    status = _status(spec, value, reading, projected)
    return Progress(
        status, percent, remaining, level_progress, expected, pace, projected, projected_meets
    )


def _finite(value: float | None) -> float | None:
    return value if value is not None and math.isfinite(value) else None


def _judged_status(reading: Reading | None) -> Status:
    if reading is None or reading.achieved is None:
        return Status.NO_DATA
    return Status.MET if reading.achieved else Status.LAGGING


def _is_amount(spec: IndicatorSpec) -> bool:
    """Amounts and changes progress as value / target; levels do not."""
    return spec.kind is IndicatorKind.ACCUMULATING or spec.target.form is TargetForm.CHANGE


def _percent_of_plan(spec: IndicatorSpec, value: float) -> float | None:
    target = spec.target.value
    assert target is not None
    lower = spec.direction is Direction.LOWER and not _is_amount(spec)
    ratio = _ratio(target, value) if lower else _ratio(value, target)
    return None if ratio is None else _finite(ratio * 100.0)


def _remaining(spec: IndicatorSpec, value: float) -> float:
    """What is still to do, as a non-negative amount in the target's direction."""
    target = spec.target.value
    assert target is not None
    if spec.target.form is TargetForm.CHANGE:
        sign = -1.0 if target < 0 else 1.0
        return max(0.0, (target - value) * sign)
    if spec.direction is Direction.LOWER and not _is_amount(spec):
        return max(0.0, value - target)
    return max(0.0, target - value)


def _meets(spec: IndicatorSpec, value: float) -> bool:
    """Whether `value` fulfils the target."""
    target = spec.target
    assert target.value is not None
    if _is_amount(spec):
        ratio = _ratio(value, target.value)
        if ratio is None:
            return False
        ratio *= 100.0
        threshold = target.share if target.share is not None else 100.0
        return ratio > threshold + _EPS if target.strict else ratio >= threshold - _EPS
    lower = target.form is TargetForm.CEILING or spec.direction is Direction.LOWER
    if lower:
        return value < target.value - _EPS if target.strict else value <= target.value + _EPS
    return value > target.value + _EPS if target.strict else value >= target.value - _EPS


def _projection(
    spec: IndicatorSpec, value: float, reading: Reading
) -> tuple[float | None, float | None]:
    """(level progress %, year-end projection) at the current pace."""
    share = reading.elapsed_share
    if share < _EPS:
        return None, None
    if _is_amount(spec):
        return None, value / share
    target, baseline = spec.target.value, spec.baseline
    if baseline is None or target is None:
        return None, None
    ratio = _ratio(value - baseline, target - baseline)
    if ratio is None:  # baseline equal to the target: no way to go
        return None, None
    level_progress = ratio * 100.0
    return level_progress, baseline + (value - baseline) / share


def _ratio(numerator: float, denominator: float) -> float | None:
    """numerator / denominator, or None where it means nothing: a stored target of 0 (or one
    from before the figure rules, 1e300) must never make a screen or report fail."""
    if abs(denominator) < _EPS:
        return None
    ratio = numerator / denominator
    return ratio if math.isfinite(ratio) else None


def _status(spec: IndicatorSpec, value: float, reading: Reading, projected: float | None) -> Status:
    if _meets(spec, value):
        return Status.MET
    target = spec.target.value
    assert target is not None
    if projected is None:  # a level with no known starting point: judge by the gap alone
        near = (
            _ratio(value, target) if spec.direction is Direction.HIGHER else _ratio(target, value)
        )
        return Status.LAGGING if near is not None and near >= LAGGING_SHARE else Status.AT_RISK
    if _meets(spec, projected):
        return Status.ON_TRACK
    if _is_amount(spec):
        required = (spec.target.share or 100.0) / 100.0
        ratio = _ratio(projected, target * required)
    else:
        baseline = spec.baseline
        assert baseline is not None
        ratio = _ratio(projected - baseline, target - baseline)
    return Status.LAGGING if ratio is not None and ratio >= LAGGING_SHARE else Status.AT_RISK
