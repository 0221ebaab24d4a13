"""Progress and status on both kinds of indicator and both directions."""

from datetime import date

import pytest

from kh65_desktop.domain.progress import IndicatorSpec, Reading, Target, compute, months_between
from kh65_desktop.domain.terms import Direction, IndicatorKind, Status, TargetForm

ACC, LEVEL = IndicatorKind.ACCUMULATING, IndicatorKind.LEVEL
UP, DOWN = Direction.HIGHER, Direction.LOWER


def mid_year(value: float | None, achieved: bool | None = None) -> Reading:
    return Reading(value, achieved, elapsed_months=6, total_months=12)


def amount(target: float, share: float | None = None, strict: bool = False) -> IndicatorSpec:
    return IndicatorSpec(ACC, UP, Target(TargetForm.VALUE, target, strict, share))


def test_months_between_counts_whole_and_part_months() -> None:
    assert months_between(date(2024, 1, 1), date(2024, 6, 30)) == pytest.approx(6.0)
    assert months_between(date(2024, 1, 1), date(2024, 12, 31)) == pytest.approx(12.0)
    assert months_between(date(2024, 1, 1), date(2024, 6, 15)) == pytest.approx(5.5)


def test_accumulating_percent_remaining_and_pace() -> None:
    # Tổng vốn đầu tư toàn xã hội: 14.096 of 34.000 tỷ đồng after six months.
    result = compute(amount(34000), mid_year(14096))
    assert result.percent_of_plan == pytest.approx(41.4588, abs=1e-4)
    assert result.remaining == pytest.approx(19904)
    assert result.required_monthly_pace == pytest.approx(19904 / 6)
    assert result.projected == pytest.approx(28192)
    assert result.projected_meets is False
    assert result.expected_percent == pytest.approx(50)
    assert result.status is Status.AT_RISK  # 82,9% of plan at this pace


def test_accumulating_statuses_follow_the_projection() -> None:
    assert compute(amount(40345), mid_year(20465)).status is Status.ON_TRACK  # 50,7%
    assert compute(amount(520), mid_year(232)).status is Status.AT_RISK  # projects 89,2%
    assert compute(amount(100), mid_year(46)).status is Status.LAGGING  # projects 92%
    assert compute(amount(100), mid_year(100)).status is Status.MET
    assert compute(amount(100), mid_year(120)).remaining == 0


def test_share_floor_target() -> None:
    # Giải ngân vốn đầu tư công: "trên 95% kế hoạch vốn", 45% after six months.
    spec = amount(4874.53, share=95, strict=True)
    result = compute(spec, mid_year(2193.81))
    assert result.remaining == pytest.approx(2680.72)
    assert result.expected_percent == pytest.approx(47.5)
    assert result.status is Status.LAGGING  # projects 90%, 94,7% of the 95% required
    assert compute(spec, mid_year(0.95 * 4874.53)).status is not Status.MET  # "trên": strict
    assert compute(spec, mid_year(0.96 * 4874.53)).status is Status.MET
    inclusive = amount(100, share=95, strict=False)
    assert compute(inclusive, mid_year(95)).status is Status.MET  # "từ 95% trở lên"


def test_level_progress_runs_from_baseline_to_target() -> None:
    # Tỷ lệ hộ sử dụng điện: 99,62% at the end of 2023, 99,66% now, target 99,70%.
    spec = IndicatorSpec(LEVEL, UP, Target(TargetForm.VALUE, 99.70), baseline=99.62)
    result = compute(spec, mid_year(99.66))
    assert result.level_progress == pytest.approx(50)
    assert result.remaining == pytest.approx(0.04)
    assert result.projected == pytest.approx(99.70)
    assert result.status is Status.ON_TRACK
    assert compute(spec, mid_year(99.63)).status is Status.AT_RISK  # 12,5% of the way
    assert compute(spec, mid_year(99.75)).status is Status.MET


def test_level_without_baseline_is_judged_by_the_gap() -> None:
    spec = IndicatorSpec(LEVEL, UP, Target(TargetForm.VALUE, 4.15))
    assert compute(spec, mid_year(4.10)).status is Status.LAGGING
    assert compute(spec, mid_year(3.0)).status is Status.AT_RISK
    assert compute(spec, mid_year(4.10)).percent_of_plan == pytest.approx(98.795, abs=1e-3)


def test_lower_is_better_levels() -> None:
    ceiling = IndicatorSpec(LEVEL, DOWN, Target(TargetForm.CEILING, 2.0, strict=True))
    assert compute(ceiling, mid_year(1.8)).status is Status.MET
    assert compute(ceiling, mid_year(2.0)).status is not Status.MET  # "dưới 2%" excludes 2
    assert compute(ceiling, mid_year(2.1)).status is Status.LAGGING
    assert compute(ceiling, mid_year(2.1)).remaining == pytest.approx(0.1)
    assert compute(ceiling, mid_year(3.0)).status is Status.AT_RISK
    share = IndicatorSpec(LEVEL, DOWN, Target(TargetForm.VALUE, 36.0), baseline=38.0)
    assert compute(share, mid_year(35.5)).status is Status.MET
    assert compute(share, mid_year(37.0)).status is Status.ON_TRACK  # half way at mid-year
    assert compute(share, mid_year(37.8)).status is Status.AT_RISK
    assert compute(share, mid_year(37.0)).remaining == pytest.approx(1.0)


def test_change_targets_count_the_change_so_far() -> None:
    fewer_poor = IndicatorSpec(LEVEL, DOWN, Target(TargetForm.CHANGE, -0.30))
    result = compute(fewer_poor, mid_year(-0.15))
    assert result.percent_of_plan == pytest.approx(50)
    assert result.remaining == pytest.approx(0.15)
    assert result.status is Status.ON_TRACK
    assert compute(fewer_poor, mid_year(-0.31)).status is Status.MET
    assert compute(fewer_poor, mid_year(0.05)).status is Status.AT_RISK  # it went up
    more_communes = IndicatorSpec(ACC, UP, Target(TargetForm.CHANGE, 5))
    assert compute(more_communes, mid_year(2)).status is Status.AT_RISK
    assert compute(more_communes, mid_year(5)).status is Status.MET


def test_qualitative_and_missing_data() -> None:
    milestone = IndicatorSpec(IndicatorKind.QUALITATIVE, UP, Target(TargetForm.MILESTONE))
    assert compute(milestone, None).status is Status.NO_DATA
    assert compute(milestone, mid_year(None, achieved=True)).status is Status.MET
    assert compute(milestone, mid_year(None, achieved=False)).status is Status.LAGGING
    no_target = IndicatorSpec(ACC, UP, Target(TargetForm.VALUE, None))
    result = compute(no_target, mid_year(19862))
    assert result.status is Status.NO_DATA
    assert result.percent_of_plan is None and result.remaining is None
    assert compute(amount(100), None).status is Status.NO_DATA


def _level(target: float, baseline: float | None, direction: Direction = UP) -> IndicatorSpec:
    return IndicatorSpec(LEVEL, direction, Target(TargetForm.VALUE, target), baseline)


@pytest.mark.parametrize(
    "spec, value",
    [
        (amount(0.0), 12.0),  # a target of 0 stored before the figure rules
        (_level(0.0, None), 16.63),
        (_level(0.0, 0.0), 16.63),
        (amount(6220.0), 1e300),  # a figure stored before the figure rules
        (amount(1e300), 3300.0),
        (_level(99.7, None, DOWN), 0.0),
    ],
)
def test_values_from_before_the_rules_never_raise_nor_count_as_met(
    spec: IndicatorSpec, value: float
) -> None:
    result = compute(spec, mid_year(value))  # raised ZeroDivisionError for several
    assert result.status is not Status.MET or spec.direction is DOWN
    for figure in (result.percent_of_plan, result.remaining, result.projected):
        assert figure is None or abs(figure) < 1e18


def test_the_edges_the_rules_allow() -> None:
    biggest = 999_999_999_999_999.0
    assert compute(amount(biggest), mid_year(biggest)).status is Status.MET
    assert compute(amount(6220.0), mid_year(0.0)).percent_of_plan == 0
    same = compute(_level(94.8, 94.8), mid_year(94.8))  # baseline equal to the target
    assert same.status is Status.MET and same.level_progress is None
    below = compute(_level(94.8, 94.8), mid_year(90.0))
    assert below.status is Status.LAGGING  # 90 / 94,8 is within 10% of the target
    unemployment = compute(_level(0.0, None, DOWN), mid_year(3.0))  # a goal of 0 is real
    assert unemployment.status is Status.AT_RISK and unemployment.remaining == 3
