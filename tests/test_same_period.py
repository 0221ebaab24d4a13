"""Same-period figures ("cùng kỳ"): the clerk's, the plan's own, and which one a row shows."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine
from sqlmodel import Session, select

from kh65_desktop.domain.figure_rules import RuleError
from kh65_desktop.domain.terms import PeriodKind
from kh65_desktop.services.editing import EditService, ValueKey
from kh65_desktop.services.plan_service import PlanService
from kh65_desktop.services.same_period import SamePeriodKey, SamePeriodService
from kh65_desktop.storage.models import Period, SamePeriodValue

pytestmark = pytest.mark.both_engines


def _row(service: PlanService, code: str, period: Period | None = None):  # type: ignore[no-untyped-def]
    return next(r for r in service.indicator_rows(period=period) if r.code == code)


def _period(service: PlanService, code: str) -> Period:
    return next(p for p in service.periods(service.current_plan()) if p.code == code)


def _add_nine_months(engine: Engine, service: PlanService) -> Period:
    plan = service.current_plan()
    with Session(engine, expire_on_commit=False) as session, session.begin():
        period = Period(
            plan_id=plan.id or 0,
            code="2024-9T",
            name="9 tháng năm 2024",
            kind=PeriodKind.NINE_MONTHS,
            starts_on=date(2024, 1, 1),
            ends_on=date(2024, 9, 30),
        )
        session.add(period)
    return period


def test_the_plans_own_figure_in_its_own_period_and_measure(
    service: PlanService, engine: Engine
) -> None:
    # I.1: "Giá trị GRDP tăng 10,27% (cùng kỳ tăng 5,74% …)": the plan's own, in its period
    assert _row(service, "I.1").same_period == 5.74
    # II.3.1: "cùng kỳ giải ngân đạt 32,5% kế hoạch" is a share of last year's plan beside a
    # figure in tỷ đồng: no "cùng kỳ" for the disbursement itself
    row = _row(service, "II.3.1")
    assert row.unit == "tỷ đồng" and row.same_period is None
    # an indicator the plan gives none for has none
    assert _row(service, "II.3.2").same_period is None
    # in a later period, last year's 6-month figure is no comparison
    nine = _add_nine_months(engine, service)
    assert _row(service, "I.1", nine).same_period == 5.74  # its latest figure is still H1's
    EditService(engine).record_value(ValueKey(_row(service, "I.1").id, nine.id or 0), 9.8, "A")
    assert _row(service, "I.1", nine).latest.period_code == "2024-9T"
    assert _row(service, "I.1", nine).same_period is None


def test_a_typed_figure_is_the_rows_and_wins_over_the_plans(
    service: PlanService, engine: Engine
) -> None:
    h1 = _period(service, "2024-H1")
    grdp, enterprises = _row(service, "I.1"), _row(service, "II.3.2")
    same = SamePeriodService(engine)
    previous = same.set(
        [
            (SamePeriodKey(grdp.id, h1.id or 0), 6.1),
            (SamePeriodKey(enterprises.id, h1.id or 0), 3300.5),
        ],
        "Nguyễn Văn A",
    )
    assert [state for _, state in previous] == [None, None]
    assert _row(service, "I.1").same_period == 6.1
    assert _row(service, "II.3.2").same_period == 3300.5
    assert same.figure(enterprises.id, h1.id or 0) == 3300.5
    # cleared: the plan's own again for I.1, nothing for II.3.2
    same.set(
        [
            (SamePeriodKey(grdp.id, h1.id or 0), None),
            (SamePeriodKey(enterprises.id, h1.id or 0), None),
        ],
        "Nguyễn Văn A",
    )
    assert _row(service, "I.1").same_period == 5.74
    assert _row(service, "II.3.2").same_period is None


def test_rows_read_every_same_period_figure_in_one_query(
    service: PlanService, engine: Engine
) -> None:
    """Not one query per row: a plan may have thousands of indicators."""
    from sqlalchemy import event

    statements: list[str] = []
    event.listen(engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    service.indicator_rows()
    assert sum("FROM same_period_value" in s for s in statements) == 1


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (-232.0, "là số âm"),
        (1e16, "số quá lớn"),
    ],
)
def test_a_refused_figure_says_why_and_writes_nothing(
    service: PlanService, engine: Engine, value: float, message: str
) -> None:
    h1 = _period(service, "2024-H1")
    enterprises = _row(service, "II.3.2")
    same = SamePeriodService(engine)
    same.set([(SamePeriodKey(enterprises.id, h1.id or 0), 200.0)], "A")
    with pytest.raises(RuleError, match=message) as refused:
        same.set(
            [
                (SamePeriodKey(_row(service, "II.1.1").id, h1.id or 0), 10.0),
                (SamePeriodKey(enterprises.id, h1.id or 0), value),
            ],
            "A",
        )
    assert "số cùng kỳ" in str(refused.value)
    with Session(engine) as session:
        stored = [(r.indicator_id, r.value) for r in session.exec(select(SamePeriodValue))]
    assert stored == [(enterprises.id, 200.0)]  # the first of the batch was not written either


def test_a_rate_beyond_1000_percent_is_refused(service: PlanService, engine: Engine) -> None:
    h1 = _period(service, "2024-H1")
    with pytest.raises(RuleError, match="vượt quá 1.000%"):
        SamePeriodService(engine).set(
            [(SamePeriodKey(_row(service, "I.1").id, h1.id or 0), 5000.0)], "A"
        )
