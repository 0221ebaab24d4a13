"""The service layer the window calls: writes in one transaction, undo-able, and views."""

from __future__ import annotations

import gc
from datetime import date

import pytest
from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError

from kh65_desktop.domain.tasks import Urgency, urgency
from kh65_desktop.domain.terms import Status, TaskStatus
from kh65_desktop.domain.text import fold, matches
from kh65_desktop.services.bulk import paused_gc
from kh65_desktop.services.editing import EditService, ValueKey, ValueState
from kh65_desktop.services.overview import most_behind, status_counts, tasks_to_chase
from kh65_desktop.services.plan_service import PlanService
from kh65_desktop.storage.models import Agency, Indicator, Period

pytestmark = pytest.mark.both_engines


def _row(service: PlanService, code: str):
    return next(r for r in service.indicator_rows() if r.code == code)


def test_fold_and_match_vietnamese() -> None:
    assert fold("Bảo hiểm xã hội Đồng Tháp") == "bao hiem xa hoi dong thap"
    assert matches("bao hiem", "Tỷ lệ bao phủ bảo hiểm y tế")
    assert matches("BẢO HIỂM", "Tỷ lệ bao phủ bảo hiểm y tế")
    assert not matches("bào", "bảo hiểm")
    assert matches("", "anything")


def test_urgency() -> None:
    today = date(2024, 7, 20)
    assert urgency(date(2024, 7, 15), TaskStatus.IN_PROGRESS, today) is Urgency.OVERDUE
    assert urgency(date(2024, 7, 31), TaskStatus.NOT_STARTED, today) is Urgency.DUE_SOON
    assert urgency(date(2024, 10, 31), TaskStatus.NOT_STARTED, today) is Urgency.LATER
    assert urgency(date(2024, 7, 15), TaskStatus.DONE, today) is Urgency.DONE
    assert urgency(None, TaskStatus.NOT_STARTED, today) is Urgency.NO_DEADLINE


def test_a_batch_of_values_is_one_transaction(
    service: PlanService, edits: EditService, engine: Engine
) -> None:
    period = service.periods(service.current_plan())[0]
    a, b = _row(service, "II.5.1"), _row(service, "II.5.2")
    good = (ValueKey(a.id, period.id), ValueState(21000.0))
    broken = (ValueKey(b.id, 999_999), ValueState(1.0))  # no such period
    with pytest.raises(IntegrityError):
        edits.set_values([good, broken], "Lê Thị Hoa")
    assert _row(service, "II.5.1").latest.value == 20465  # the good half was not kept
    previous = edits.set_values([good, (ValueKey(b.id, period.id), None)], "Lê Thị Hoa")
    assert _row(service, "II.5.1").latest.value == 21000
    assert _row(service, "II.5.2").latest is None  # removed
    edits.set_values(previous, "Lê Thị Hoa")  # what undo does
    restored = _row(service, "II.5.2").latest
    assert restored.value == 30750 and restored.is_estimate and restored.entered_by == "Văn bản"
    with engine.connect() as db:
        assert db.exec_driver_sql("SELECT count(*) FROM value_change").scalar_one() == 4


def test_fields_tasks_and_locality_targets(service: PlanService, edits: EditService) -> None:
    plan = service.current_plan()
    row = _row(service, "II.2.1")
    old = edits.update_fields(Indicator, row.id, {"target_value": 35000.0})
    assert old == {"target_value": 34000.0}
    assert _row(service, "II.2.1").progress.remaining == 35000 - 14096
    task = next(t for t in service.tasks(plan, date(2024, 7, 20)) if t.code == "T1.1")
    assert edits.set_task_status(task.id, TaskStatus.DONE, "Lê Thị Hoa") is TaskStatus.NOT_STARTED
    snapshot = edits.delete_task(task.id)
    assert task.id not in {t.id for t in service.tasks(plan, date(2024, 7, 20))}
    edits.restore_task(snapshot)
    back = next(t for t in service.tasks(plan, date(2024, 7, 20)) if t.id == task.id)
    assert (back.lead_ids, back.status) == (task.lead_ids, TaskStatus.DONE)
    enterprises = _row(service, "II.3.2")
    tra_cu = next(loc for loc in service.localities() if loc.name == "Huyện Trà Cú")
    assert edits.set_locality_target(enterprises.id, tra_cu.id, 40.0) == 35.0
    period = service.periods(plan)[0]
    breakdown = service.breakdown(plan, enterprises.id, period)
    assert breakdown.total_target == 525 and not breakdown.target_matches
    assert breakdown.total_value == 232 and breakdown.value_matches
    new_id = edits.add_row(Agency(code="BQLKKT", name="Ban Quản lý Khu kinh tế", kind="provincial"))
    assert service.code_taken(Agency, "BQLKKT") and not service.code_taken(
        Agency, "BQLKKT", except_id=new_id
    )


def test_overview(service: PlanService) -> None:
    plan = service.current_plan()
    rows = service.indicator_rows(plan)
    counts = status_counts(rows)
    # 12 met: section I's security rates (I.10–I.12) are listed by the plan as achieved
    assert sum(counts.values()) == 45 and counts[Status.MET] == 12
    behind = most_behind(rows, 3)
    assert [r.progress.status for r in behind] == [Status.AT_RISK] * 3
    urgent = tasks_to_chase(service.tasks(plan, date(2024, 7, 20)))
    assert [t.code for t in urgent][:1] == ["T1.1"]  # overdue since 15/7/2024
    assert urgent[-1].urgency in (Urgency.OVERDUE, Urgency.DUE_SOON)


def test_period_filter_shows_figures_up_to_that_period(
    service: PlanService, edits: EditService
) -> None:
    plan = service.current_plan()
    nine = Period(
        plan_id=plan.id,
        code="2024-9T",
        name="9 tháng năm 2024",
        kind="nine_months",
        starts_on=date(2024, 1, 1),
        ends_on=date(2024, 9, 30),
    )
    nine_id = edits.add_row(nine)
    row = _row(service, "II.6.1")
    edits.record_value(ValueKey(row.id, nine_id), 4800.0, "Lê Thị Hoa")
    h1 = service.periods(plan)[0]
    assert _row(service, "II.6.1").latest.value == 4800
    earlier = next(r for r in service.indicator_rows(plan, h1) if r.code == "II.6.1")
    assert earlier.latest.value == 3300 and earlier.latest.period_name == "6 tháng đầu năm 2024"
    assert _row(service, "II.6.1").progress.expected_percent == pytest.approx(75)


def test_bulk_work_pauses_the_collector_and_puts_it_back_as_it_was() -> None:
    during: list[bool] = []

    @paused_gc()
    def failing_import() -> None:
        during.append(gc.isenabled())
        raise ValueError("tệp hỏng")

    assert gc.isenabled()
    with pytest.raises(ValueError):
        failing_import()
    assert during == [False] and gc.isenabled()  # back on, even after an error
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()  # a caller that had it off keeps it off
    finally:
        gc.enable()
