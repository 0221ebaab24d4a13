"""Several plans in one database, and next year's plan made from this one."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlmodel import Session, col, select

from kh65_desktop.domain.periods import derive
from kh65_desktop.domain.terms import PeriodKind, TargetForm, TaskStatus
from kh65_desktop.exchange.data import ExchangeError
from kh65_desktop.services.editing import EditService, ValueKey, ValueState
from kh65_desktop.services.exchange import ExchangeService
from kh65_desktop.services.exchange_files import export_file, read_file
from kh65_desktop.services.plan_copy import NewPlan, PlanCopyRefused, copy_plan
from kh65_desktop.services.plan_service import PlanService
from kh65_desktop.services.plan_undo import added_plan, put_back_added, remove_added
from kh65_desktop.services.plans import UnknownPlanError, choose_plan, list_plans
from kh65_desktop.storage.database import open_database
from kh65_desktop.storage.models import (
    Agency,
    GroupAgency,
    Indicator,
    IndicatorGroup,
    Period,
    Plan,
    ReportedValue,
    SamePeriodValue,
    Task,
)

from .db_content import fingerprint

pytestmark = pytest.mark.both_engines

PLAN_65 = "65/KH-UBND/2024"
_PERIOD_FIELDS = ("code", "name", "kind", "starts_on", "ends_on", "cutoff_on")
NEXT = "9/KH-UBND/2026"


def make_next(engine: Engine, year: int = 2026, code: str = NEXT, **extra: object) -> Plan:
    new = NewPlan(code=code, number="9/KH-UBND", year=year, issued_on=date(year, 1, 15))
    for key, value in extra.items():
        setattr(new, key, value)
    return copy_plan(engine, PLAN_65, new, entered_by="Nguyễn Thị Lan").plan


def row(service: PlanService, plan: Plan, code: str):  # type: ignore[no-untyped-def]
    return next(r for r in service.indicator_rows(plan) if r.code == code)


def period(service: PlanService, plan: Plan, code: str) -> Period:
    return next(p for p in service.periods(plan) if p.code == code)


def type_figure(engine: Engine, indicator_id: int, period_id: int, value: float) -> None:
    EditService(engine).set_values(
        [(ValueKey(indicator_id, period_id), ValueState(value, entered_by="Lan"))], "Lan"
    )


def test_two_plans_share_codes_without_mixing_figures(engine: Engine) -> None:
    service = PlanService(engine)
    old, new = choose_plan(engine, PLAN_65), make_next(engine)
    assert choose_plan(engine).code == NEXT  # the newest is the default
    assert [p.code for p in list_plans(engine)] == [NEXT, PLAN_65]
    tax_old, tax_new = row(service, old, "II.6.1"), row(service, new, "II.6.1")
    assert tax_old.id != tax_new.id and tax_new.latest is None
    type_figure(engine, tax_new.id, period(service, new, "2026-Q1").id or 0, 1500)
    assert row(service, new, "II.6.1").latest.value == 1500  # type: ignore[union-attr]
    assert row(service, old, "II.6.1").latest.value == 3300  # type: ignore[union-attr]
    type_figure(engine, tax_old.id, period(service, old, "2024-H1").id or 0, 3333)
    assert row(service, new, "II.6.1").latest.value == 1500  # type: ignore[union-attr]
    assert row(service, old, "II.6.1").latest.value == 3333  # type: ignore[union-attr]
    assert [s.value for s in service.series(new, tax_new.id)] == [1500]


def test_the_new_plan_keeps_the_structure_and_leaves_targets_to_the_clerk(
    engine: Engine,
) -> None:
    service = PlanService(engine)
    old = choose_plan(engine, PLAN_65)
    poverty = row(service, old, "II.9.4")  # "giảm 0,30%": its figures are changes, not levels
    type_figure(engine, poverty.id, period(service, old, "2024-H1").id or 0, -0.12)
    new = make_next(engine, signer_name="Nguyễn Văn B")
    assert (new.number, new.year, new.starts_on, new.ends_on) == (
        "9/KH-UBND",
        2026,
        date(2026, 1, 1),
        date(2026, 12, 31),
    )
    assert (new.issuing_body, new.owner_code) == (old.issuing_body, old.owner_code)
    assert new.signer_name == "Nguyễn Văn B" and new.title.endswith("cuối năm 2026")
    old_rows = {r.code: r for r in service.indicator_rows(old)}
    new_rows = {r.code: r for r in service.indicator_rows(new)}
    assert list(new_rows) == list(old_rows)  # same indicators, same order
    for code, was in old_rows.items():
        now = new_rows[code]
        assert (now.name, now.unit, now.kind, now.direction, now.parent_code) == (
            was.name,
            was.unit,
            was.kind,
            was.direction,
            was.parent_code,
        )
        assert (now.lead, now.coordinating, now.group_code) == (
            was.lead,
            was.coordinating,
            was.group_code,
        )
        assert now.target.form is was.target.form and now.target.strict == was.target.strict
        assert (now.target.value, now.target.share, now.target.text) == (None, None, "")
        assert now.latest is None and now.stated_percent is None
    # the old plan's last figures are the new plan's baselines, labelled with their period
    with Session(engine) as session:
        forest = session.exec(
            select(Indicator).where(Indicator.plan_id == new.id, Indicator.code == "II.4.5")
        ).one()
    assert forest.baseline_value == old_rows["II.4.5"].latest.value  # type: ignore[union-attr]
    assert forest.baseline_label == "6 tháng đầu năm 2024 (ước)"  # the document's "ước"
    assert forest.target_form is TargetForm(old_rows["II.4.5"].target.form)
    with Session(engine) as session:
        change = session.exec(
            select(Indicator).where(Indicator.plan_id == new.id, Indicator.code == "II.9.4")
        ).one()
    assert (change.baseline_value, change.baseline_label) == (None, "")
    # tasks: same texts and agencies, not started, deadlines for the clerk to set
    old_tasks = {t.code: t for t in service.tasks(old, date(2026, 1, 20))}
    new_tasks = service.tasks(new, date(2026, 1, 20))
    assert [t.code for t in new_tasks] == list(old_tasks)
    assert any(t.deadline for t in old_tasks.values())
    for task in new_tasks:
        was = old_tasks[task.code]
        assert (task.text, task.lead, task.coordinating) == (was.text, was.lead, was.coordinating)
        assert task.status is TaskStatus.NOT_STARTED and task.deadline is None
        assert task.deadline_text == ""


def test_the_new_year_has_decree_09_periods(engine: Engine) -> None:
    service = PlanService(engine)
    periods = {p.code: p for p in service.periods(make_next(engine))}
    assert len(periods) == 12 + 4 + 1 + 1 + 1
    q1, h1, nine, year = (periods[c] for c in ("2026-Q1", "2026-H1", "2026-9T", "2026-N"))
    assert (q1.kind, q1.starts_on, q1.ends_on, q1.cutoff_on) == (
        PeriodKind.QUARTER,
        date(2026, 1, 1),
        date(2026, 3, 31),
        date(2026, 3, 14),
    )
    assert (h1.name, h1.cutoff_on) == ("6 tháng đầu năm 2026", date(2026, 6, 14))
    assert (nine.cutoff_on, year.cutoff_on) == (date(2026, 9, 14), date(2026, 12, 14))
    assert periods["2026-T02"].cutoff_on == date(2026, 2, 14)
    assert [p.code for p in service.periods(make_next(engine, 2027, "X/2027"))][-1] == "2027-N"


def test_cung_ky_comes_from_the_same_period_a_year_earlier(engine: Engine) -> None:
    service = PlanService(engine)
    old = choose_plan(engine, PLAN_65)
    new = make_next(engine, 2025, "9/KH-UBND/2025")
    h1_old, h1_new = period(service, old, "2024-H1"), period(service, new, "2025-H1")
    with Session(engine) as session:
        figures = session.exec(
            select(Indicator.code, ReportedValue.locality_id, ReportedValue.value)
            .join(Indicator)
            .where(ReportedValue.period_id == h1_old.id)
        ).all()
        same = session.exec(
            select(Indicator.code, SamePeriodValue.locality_id, SamePeriodValue.value)
            .join(Indicator)
            .where(SamePeriodValue.period_id == h1_new.id)
        ).all()
        elsewhere = session.exec(
            select(SamePeriodValue).where(SamePeriodValue.period_id != h1_new.id)
        ).all()
    expected = sorted((c, loc or 0, v) for c, loc, v in figures if v is not None)
    assert len(expected) > 20 and any(loc for _, loc, _ in expected)  # by district too
    assert sorted((c, loc or 0, v) for c, loc, v in same) == expected
    assert elsewhere == []  # 2024 had no quarter or month figures
    # February of a leap year (ends 29/2) is the cùng kỳ of the next February (ends 28/2)
    with Session(engine, expire_on_commit=False) as session, session.begin():
        draft = derive(PeriodKind.MONTH, 2024, 2)
        february = Period(plan_id=old.id, **{k: getattr(draft, k) for k in _PERIOD_FIELDS})
        session.add(february)
    type_figure(engine, row(service, old, "II.6.1").id, february.id or 0, 512)
    following = make_next(engine, 2025, "10/KH-UBND/2025")
    with Session(engine) as session:
        got = session.exec(
            select(SamePeriodValue.value).where(
                SamePeriodValue.period_id == period(service, following, "2025-T02").id
            )
        ).all()
    assert got == [512]
    # a plan two years on has no "same period last year" in plan 65
    later = make_next(engine, 2026, "9/KH-UBND/2026")
    with Session(engine) as session:
        ids = [p.id for p in service.periods(later)]
        later_same = select(SamePeriodValue).where(col(SamePeriodValue.period_id).in_(ids))
        assert session.exec(later_same).all() == []


def test_a_plan_made_after_the_2025_reorganisation_names_the_successors(engine: Engine) -> None:
    """The built-in reorganisation applied, a 2026 plan made from plan 65 gives Sở Kế hoạch
    và Đầu tư's roles to Sở Tài chính (once per group, the lead kept) and Sở Lao động's to
    the successor its split names for each item, and is owned by Sở Tài chính; plan 65
    keeps its own agencies."""
    from kh65_desktop.resources import resource_path
    from kh65_desktop.services.reorg import ReorgService

    reorg = ReorgService(engine)
    reorg.apply(reorg.read(resource_path("reorg", "tra-vinh-2025.toml")), "t")
    new = copy_plan(engine, PLAN_65, NewPlan(NEXT, "9/KH-UBND", 2026, date(2026, 1, 15))).plan
    assert new.owner_code == "STC"
    service = PlanService(engine)
    old_rows = {r.code: r for r in service.indicator_rows(choose_plan(engine, PLAN_65))}
    new_rows = {r.code: r for r in service.indicator_rows(new)}
    led = [c for c, r in old_rows.items() if "Sở Kế hoạch và Đầu tư" in r.lead]
    assert led, "plan 65 has indicators led by Sở Kế hoạch và Đầu tư"
    for code in led:
        assert "Sở Tài chính" in new_rows[code].lead
        assert "Sở Kế hoạch và Đầu tư" in old_rows[code].lead  # plan 65 as it was
    for r in new_rows.values():
        assert "Sở Kế hoạch và Đầu tư" not in r.lead + r.coordinating
        assert "Sở Lao động" not in r.lead + r.coordinating
    # the split, item by item (resources/reorg/tra-vinh-2025.toml)
    assert "Sở Giáo dục và Đào tạo" in new_rows["II.9.2"].lead
    assert "Sở Nông nghiệp và Môi trường" in new_rows["II.9.4"].lead
    with Session(engine) as session:  # one link per agency and group
        links = session.exec(
            select(GroupAgency.group_id, GroupAgency.agency_id)
            .join(IndicatorGroup)
            .where(IndicatorGroup.plan_id == new.id)
        ).all()
    assert len(set(links)) == len(links)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"code": PLAN_65}, "đã có trong cơ sở dữ liệu"),
        ({"year": 2024}, "phải sau năm"),
        ({"year": 2023}, "phải sau năm"),
        ({"number": "  "}, "chưa có số"),
        ({"code": ""}, "chưa có mã"),
        ({"issued_on": date(2020, 1, 1)}, "trước năm của kế hoạch cũ"),
    ],
)
def test_refused_copies_write_nothing(
    engine: Engine, change: dict[str, object], message: str
) -> None:
    before = fingerprint(engine)
    new = NewPlan(NEXT, "9/KH-UBND", 2026, date(2026, 1, 15))
    for key, value in change.items():
        setattr(new, key, value)
    with pytest.raises(PlanCopyRefused, match=message):
        copy_plan(engine, PLAN_65, new)
    with pytest.raises(PlanCopyRefused, match="Không có kế hoạch mã"):
        copy_plan(engine, "KHONG-CO", NewPlan(NEXT, "9/KH-UBND", 2026, date(2026, 1, 15)))
    assert fingerprint(engine) == before


def test_unknown_plan_code_lists_the_codes(engine: Engine) -> None:
    make_next(engine)
    with pytest.raises(UnknownPlanError) as refused:
        choose_plan(engine, "66/KH-UBND/2024")
    assert PLAN_65 in str(refused.value) and NEXT in str(refused.value)
    assert choose_plan(engine, PLAN_65).year == 2024


def test_undoing_a_copy_removes_it_only_while_untouched(engine: Engine) -> None:
    before = fingerprint(engine)
    new = make_next(engine)
    assert new.id is not None
    made = added_plan(engine, new.id)
    after = fingerprint(engine)
    assert remove_added(engine, made)
    assert fingerprint(engine) == before
    put_back_added(engine, made)  # redo: the same rows, the same ids
    assert fingerprint(engine) == after
    service = PlanService(engine)
    tax = row(service, new, "II.6.1")
    type_figure(engine, tax.id, period(service, new, "2026-T01").id or 0, 10)
    assert not remove_added(engine, made)  # a figure typed since: the plan stays
    assert choose_plan(engine, NEXT).id == new.id
    with pytest.raises(LookupError, match="đã có"):
        put_back_added(engine, made)


def test_a_package_lands_in_its_own_plan(engine: Engine, db_path: Path, tmp_path: Path) -> None:
    """Exchange matches codes within the package's plan: the same indicator code in the other
    plan is never touched."""
    service = PlanService(engine)
    old, new = choose_plan(engine, PLAN_65), make_next(engine)
    engine.dispose()
    other_path = tmp_path / "other.db"
    shutil.copy(db_path, other_path)
    tax = row(service, new, "II.6.1")
    type_figure(engine, tax.id, period(service, new, "2026-Q1").id or 0, 1234)
    with Session(engine) as session:
        stc = session.exec(select(Agency).where(Agency.code == "STC")).one()
    package = export_file(service, new, stc, None, tmp_path / "stc-2026.kh65")

    other = open_database(other_path)
    receiver = PlanService(other)
    exchange = ExchangeService(other)
    data = read_file(package, "Lan")
    with pytest.raises(ExchangeError, match="không phải kế hoạch đang mở"):
        exchange.preview(choose_plan(other, PLAN_65), data)
    preview = exchange.preview(choose_plan(other, NEXT), data)
    exchange.apply(choose_plan(other, NEXT), preview, "Lan")
    got_new = row(receiver, choose_plan(other, NEXT), "II.6.1").latest
    got_old = row(receiver, choose_plan(other, PLAN_65), "II.6.1").latest
    assert got_new is not None and got_new.value == 1234
    assert got_old is not None and (got_old.value, got_old.period_code) == (3300, "2024-H1")
    assert old.code == PLAN_65
    other.dispose()


def test_deleting_a_plan_keeps_the_other(engine: Engine) -> None:
    """Undo of a copy deletes by plan: plan 65's rows are all still there."""
    with Session(engine) as session:
        counts = [
            len(session.exec(select(m)).all()) for m in (Indicator, Period, Task, ReportedValue)
        ]
    new = make_next(engine)
    assert new.id is not None
    assert remove_added(engine, added_plan(engine, new.id))
    with Session(engine) as session:
        assert [
            len(session.exec(select(m)).all()) for m in (Indicator, Period, Task, ReportedValue)
        ] == counts


def test_an_excel_template_fills_only_its_own_plan(engine: Engine, tmp_path: Path) -> None:
    from .test_template_reimport import fill

    service = PlanService(engine)
    old, new = choose_plan(engine, PLAN_65), make_next(engine)
    with Session(engine) as session:
        stc = session.exec(select(Agency).where(Agency.code == "STC")).one()
    exchange = ExchangeService(engine)
    for plan, value in ((new, 1500.0), (old, 3400.0)):
        path = export_file(service, plan, stc, None, tmp_path / f"stc-{plan.year}.xlsx")
        fill(path, II_6_1=value)
        other = old if plan is new else new
        with pytest.raises(ExchangeError, match="không phải kế hoạch đang mở"):
            exchange.preview(other, read_file(path, "Lan"))
        exchange.apply(plan, exchange.preview(plan, read_file(path, "Lan")), "Lan")
    got_new, got_old = row(service, new, "II.6.1").latest, row(service, old, "II.6.1").latest
    assert got_new is not None and (got_new.value, got_new.period_code) == (1500, "2026-N")
    assert got_old is not None and (got_old.value, got_old.period_code) == (3400, "2024-H1")
