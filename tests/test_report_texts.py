"""The clerk's narrative sections: saved one at a time, an empty one no row, the previous
period's offered, undone without eating a later edit, and gathered for the reports."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import Engine
from sqlmodel import Session, select

from kh65_desktop.domain.figure_rules import RuleError
from kh65_desktop.domain.terms import PeriodKind, SectionKind
from kh65_desktop.services.plan_service import PlanService
from kh65_desktop.services.report_texts import ReportTextService, SectionKey
from kh65_desktop.storage.models import Agency, Period, Plan, ReportText

pytestmark = pytest.mark.both_engines


def add_period(engine: Engine, plan: Plan, code: str, name: str, start: date, end: date) -> Period:
    with Session(engine, expire_on_commit=False) as session, session.begin():
        period = Period(
            plan_id=plan.id,
            code=code,
            name=name,
            kind=PeriodKind.QUARTER,
            starts_on=start,
            ends_on=end,
        )
        session.add(period)
    return period


def agency(service: PlanService, code: str) -> Agency:
    with service.session() as session:
        found = session.exec(select(Agency).where(Agency.code == code)).first()
    assert found is not None
    return found


def rows(engine: Engine) -> list[ReportText]:
    with Session(engine) as session:
        return list(session.exec(select(ReportText)))


@pytest.fixture
def texts(engine: Engine) -> ReportTextService:
    return ReportTextService(engine)


def test_a_section_is_saved_and_an_empty_one_deletes_its_row(
    service: PlanService, texts: ReportTextService
) -> None:
    plan = service.current_plan()
    period = service.periods(plan)[-1]
    stc = agency(service, "STC")
    key = SectionKey(period.id, stc.id, SectionKind.SHORTCOMINGS)
    old, new = texts.save(key, "Thu ngân sách còn chậm.\r\nGiải ngân thấp.", "Lan")
    assert old is None and new is not None
    assert texts.state(key).text == "Thu ngân sách còn chậm.\nGiải ngân thấp."
    assert texts.agency_texts(plan, period, stc).text(SectionKind.SHORTCOMINGS).startswith("Thu")
    old, new = texts.save(key, "   \n", "Lan")
    assert old is not None and old.text.startswith("Thu") and new is None
    assert rows(texts.engine) == []  # an empty text is no row


def test_a_text_over_the_limit_is_refused_and_nothing_written(
    service: PlanService, texts: ReportTextService
) -> None:
    plan = service.current_plan()
    period = service.periods(plan)[-1]
    key = SectionKey(period.id, None, SectionKind.PROPOSALS)
    with pytest.raises(RuleError, match="tối đa 20.000"):
        texts.save(key, "x" * 20_001, "Lan")
    assert rows(texts.engine) == []


def test_the_previous_period_of_any_kind_offers_its_text(
    engine: Engine, service: PlanService, texts: ReportTextService
) -> None:
    plan = service.current_plan()
    half = service.periods(plan)[-1]  # 2024-H1, ends 30/6
    q1 = add_period(engine, plan, "2024-Q1", "Quý I năm 2024", date(2024, 1, 1), date(2024, 3, 31))
    nine = add_period(
        engine, plan, "2024-9T", "9 tháng năm 2024", date(2024, 1, 1), date(2024, 9, 30)
    )
    stc = agency(service, "STC")
    task = texts.tasks_of(plan, stc.id)[0]
    texts.save(SectionKey(q1.id, stc.id, SectionKind.CAUSES), "Nguyên nhân quý I", "Lan")
    texts.save(SectionKey(half.id, stc.id, SectionKind.CAUSES), "Nguyên nhân 6 tháng", "Lan")
    texts.save(SectionKey(half.id, stc.id, SectionKind.TASK_RESULT, task.id), "Đã xong", "Lan")
    assert texts.previous_period(plan, nine).code == "2024-H1"
    assert texts.previous_period(plan, half).code == "2024-Q1"
    assert texts.previous_period(plan, q1) is None
    offered = texts.previous_texts(plan, nine, stc.id)
    assert offered == {
        (SectionKind.CAUSES, None): "Nguyên nhân 6 tháng",
        (SectionKind.TASK_RESULT, task.id): "Đã xong",
    }
    assert texts.previous_texts(plan, nine, None) == {}  # another agency's: not offered


def test_an_undo_puts_back_only_a_section_still_as_it_left_it(
    service: PlanService, texts: ReportTextService
) -> None:
    plan = service.current_plan()
    period = service.periods(plan)[-1]
    key = SectionKey(period.id, None, SectionKind.SITUATION)
    texts.save(key, "Bản đầu", "Lan")
    old, new = texts.save(key, "Bản sửa", "Lan")
    texts.save(key, "Bản của người khác", "Hùng", datetime(2024, 7, 1, tzinfo=UTC))  # later
    assert not texts.put_unless_changed(key, old, new)  # the undo of "Bản sửa"
    assert texts.state(key).text == "Bản của người khác"
    later = texts.state(key)
    assert texts.put_unless_changed(key, old, later)
    assert texts.state(key).text == "Bản đầu"


def test_the_province_set_is_the_office_first_then_agencies_in_order(
    service: PlanService, texts: ReportTextService
) -> None:
    plan = service.current_plan()
    period = service.periods(plan)[-1]
    agencies = [agency(service, a.code) for a in service.agencies(plan)]
    first, second = agencies[1], agencies[3]
    texts.save(SectionKey(period.id, second.id, SectionKind.PROPOSALS), "Kiến nghị B", "Lan")
    texts.save(SectionKey(period.id, first.id, SectionKind.SITUATION), "Tình hình A", "Lan")
    found = texts.for_report(plan, period, None, province=True)
    assert [t.agency_name for t in found] == ["", first.name, second.name]
    assert found[0].empty
    assert found[1].text(SectionKind.SITUATION) == "Tình hình A"
    assert found[2].text(SectionKind.PROPOSALS) == "Kiến nghị B"
    assert texts.for_report(plan, period, None, province=False) == []
