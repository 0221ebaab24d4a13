"""Undoing an import never eats later work: figures, tasks, targets, periods entered since."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine

from kh65_desktop.domain.terms import PeriodKind, TaskStatus
from kh65_desktop.services.editing import EditService, ValueKey, ValueState
from kh65_desktop.services.exchange import ExchangeService
from kh65_desktop.services.exchange_files import export_file, read_file
from kh65_desktop.services.import_undo import what_undo_keeps
from kh65_desktop.services.kept import KeptKind
from kh65_desktop.services.plan_service import PlanService
from kh65_desktop.storage.database import open_database
from kh65_desktop.storage.models import Agency, Indicator, Period

from .samples import office_package
from .test_exchange import fingerprint, revise_plan

pytestmark = pytest.mark.both_engines

NINE_MONTHS = "2024-9T"


def nine_months_package(folder: Path) -> Path:
    """Trà Cú changes its 6-month enterprise figure (12 → 19), sends a new period (9 months)
    with two figures, and starts a task."""
    engine = open_database(folder / "district.db")
    plans, edits = PlanService(engine), EditService(engine)
    plan = plans.current_plan()
    rows = {r.code: r for r in plans.indicator_rows()}
    tra_cu = next(loc.id for loc in plans.localities() if loc.code == "TCU")
    half = plans.periods(plan)[0].id
    nine = edits.add_row(
        Period(
            plan_id=plan.id,
            code=NINE_MONTHS,
            name="9 tháng đầu năm 2024",
            kind=PeriodKind.NINE_MONTHS,
            starts_on=date(2024, 1, 1),
            ends_on=date(2024, 9, 30),
        )
    )
    edits.set_values(
        [
            (ValueKey(rows["II.3.2"].id, half, tra_cu), ValueState(19.0)),
            (ValueKey(rows["II.3.2"].id, nine, tra_cu), ValueState(25.0)),
            (ValueKey(rows["II.3.1"].id, nine, tra_cu), ValueState(60.0)),
        ],
        "Lê Văn Tám",
    )
    task = next(t for t in plans.tasks(plan, date(2024, 7, 1)) if t.code == "II.2.T2.1")
    edits.set_task_status(task.id, TaskStatus.IN_PROGRESS, "Lê Văn Tám")
    agency = next(plans.get(Agency, a.id) for a in plans.agencies(plan) if a.code == "UBND-TCU")
    path = export_file(plans, plan, agency, None, folder / "tra-cu-9t.kh65")
    engine.dispose()
    return path


class Office:
    """The receiving department's database, with the keys the tests touch."""

    def __init__(self, service: PlanService) -> None:
        self.service = service
        self.edits = EditService(service.engine)
        self.exchange = ExchangeService(service.engine)
        self.plan = service.current_plan()
        rows = {r.code: r for r in service.indicator_rows()}
        self.tra_cu = next(loc.id for loc in service.localities() if loc.code == "TCU")
        self.enterprises, self.investment = rows["II.3.2"].id, rows["II.3.1"].id
        self.half = service.periods(self.plan)[0].id

    def import_(self, package: Path) -> int:
        preview = self.exchange.preview(self.plan, read_file(package, "Nguyễn Thị Lan"))
        log = self.exchange.apply(self.plan, preview, "Nguyễn Thị Lan")
        assert log.id is not None
        return log.id

    def nine(self) -> int | None:
        return next((p.id for p in self.service.periods(self.plan) if p.code == NINE_MONTHS), None)

    def value(self, indicator: int, period: int, locality: int | None) -> float | None:
        state = self.edits.value_state(ValueKey(indicator, period, locality))
        return state.value if state else None

    def task_status(self) -> TaskStatus:
        tasks = self.service.tasks(self.plan, date(2024, 7, 1))
        return next(t.status for t in tasks if t.code == "II.2.T2.1")


@pytest.fixture
def office(service: PlanService) -> Office:
    return Office(service)


def test_undo_keeps_figures_edited_since_and_the_period_they_are_in(
    office: Office, tmp_path: Path, engine: Engine
) -> None:
    log_id = office.import_(nine_months_package(tmp_path))
    nine = office.nine()
    assert nine is not None and office.task_status() is TaskStatus.IN_PROGRESS
    # the clerk corrects one figure the import changed, one it added, and types a new one
    # (the province-wide figure) into the period the import added
    office.edits.set_values(
        [
            (ValueKey(office.enterprises, office.half, office.tra_cu), ValueState(20.0)),
            (ValueKey(office.enterprises, nine, office.tra_cu), ValueState(26.0)),
            (ValueKey(office.enterprises, nine, None), ValueState(300.0)),
        ],
        "Trần Văn Bình",
    )
    before = fingerprint(engine)
    kept = what_undo_keeps(office.service.engine, log_id)
    assert fingerprint(engine) == before  # asking writes nothing
    figures = {(k.code, k.period, k.locality, k.value, k.changed_by) for k in kept}
    assert figures == {
        ("II.3.2", "6 tháng đầu năm 2024", "Huyện Trà Cú", 20.0, "Trần Văn Bình"),
        ("II.3.2", "9 tháng đầu năm 2024", "Huyện Trà Cú", 26.0, "Trần Văn Bình"),
        (NINE_MONTHS, "", "", None, ""),  # the period: it holds the clerk's figures
    }
    assert {k.kind for k in kept} == {KeptKind.FIGURE, KeptKind.PERIOD}
    assert all(k.changed_at for k in kept if k.kind is KeptKind.FIGURE)

    left = office.exchange.undo(log_id, "Nguyễn Thị Lan")
    assert [(k.kind, k.code, k.value) for k in left] == [(k.kind, k.code, k.value) for k in kept]
    assert office.value(office.enterprises, office.half, office.tra_cu) == 20
    assert office.value(office.enterprises, nine, office.tra_cu) == 26
    assert office.value(office.enterprises, nine, None) == 300
    assert office.nine() == nine  # the period holds the clerk's figures: kept
    assert office.value(office.investment, nine, office.tra_cu) is None  # untouched: undone
    assert office.task_status() is TaskStatus.NOT_STARTED  # untouched: undone
    history = office.edits.value_history(office.enterprises)
    assert [h.new_value for h in history if h.changed_by == "Trần Văn Bình"] == [20, 26, 300]


def test_undo_keeps_what_another_import_wrote_since(
    office: Office, tmp_path: Path, engine: Engine
) -> None:
    first = office.import_(nine_months_package(tmp_path))
    # a second office writes the same 6-month figure afterwards (the clerk's other window)
    office.edits.set_values(
        [(ValueKey(office.enterprises, office.half, office.tra_cu), ValueState(21.0))],
        "Nhập từ tệp khac.kh65 (Sở Tài chính)",
    )
    office.exchange.undo(first, "Nguyễn Thị Lan")
    assert office.value(office.enterprises, office.half, office.tra_cu) == 21
    assert office.nine() is None  # nothing entered in it since: the period goes with the undo


def test_a_task_changed_since_is_left_alone(office: Office, tmp_path: Path) -> None:
    log_id = office.import_(nine_months_package(tmp_path))
    task_id = next(
        t.id for t in office.service.tasks(office.plan, date(2024, 7, 1)) if t.code == "II.2.T2.1"
    )
    office.edits.set_task_status(task_id, TaskStatus.DONE, "Trần Văn Bình")
    kept = what_undo_keeps(office.service.engine, log_id)
    assert [(k.kind, k.code, k.changed_by) for k in kept] == [
        (KeptKind.TASK, "II.2.T2.1", "Trần Văn Bình")
    ]
    office.exchange.undo(log_id, "Nguyễn Thị Lan")
    assert office.task_status() is TaskStatus.DONE
    assert office.value(office.enterprises, office.half, office.tra_cu) == 12  # undone


def test_a_figure_removed_since_stays_removed(office: Office, tmp_path: Path) -> None:
    log_id = office.import_(nine_months_package(tmp_path))
    key = ValueKey(office.enterprises, office.half, office.tra_cu)
    office.edits.set_values([(key, None)], "Trần Văn Bình")
    kept = what_undo_keeps(office.service.engine, log_id)
    assert [(k.code, k.removed, k.changed_by) for k in kept] == [("II.3.2", True, "Trần Văn Bình")]
    office.exchange.undo(log_id, "Nguyễn Thị Lan")
    assert office.edits.value_state(key) is None


def test_undo_twice_is_refused_and_changes_nothing(
    office: Office, tmp_path: Path, db_path: Path
) -> None:
    log_id = office.import_(nine_months_package(tmp_path))
    office.exchange.undo(log_id, "Nguyễn Thị Lan")
    before = fingerprint(db_path)
    with pytest.raises(LookupError, match="không còn để hoàn tác"):
        office.exchange.undo(log_id, "Nguyễn Thị Lan")
    with pytest.raises(LookupError):
        what_undo_keeps(office.service.engine, log_id)
    assert fingerprint(db_path) == before
    with sqlite3.connect(db_path) as db:
        assert db.execute("SELECT count(*) FROM import_log WHERE undone_at IS NULL").fetchone() == (
            0,
        )


def definitions_package(folder: Path) -> Path:
    """The planning department raises II.2.1's target and adds indicator II.3.3 (9.000)."""
    engine = open_database(folder / "planning.db")
    plans = PlanService(engine)
    plan = plans.current_plan()
    revise_plan(plans)
    agency = next(plans.get(Agency, a.id) for a in plans.agencies(plan) if a.code == "SKHDT")
    path = export_file(plans, plan, agency, None, folder / "ke-hoach.kh65", definitions=True)
    engine.dispose()
    return path


def test_a_target_and_a_new_indicator_used_since_are_kept(office: Office, tmp_path: Path) -> None:
    log_id = office.import_(definitions_package(tmp_path))
    rows = {r.code: r for r in office.service.indicator_rows()}
    assert rows["II.2.1"].target.value == 35000
    new = rows["II.3.3"].id
    office.edits.update_fields(Indicator, rows["II.2.1"].id, {"target_value": 36000.0})
    office.edits.record_value(ValueKey(new, office.half, office.tra_cu), 800.0, "Trần Văn Bình")
    kept = what_undo_keeps(office.service.engine, log_id)
    assert sorted((k.kind.value, k.code) for k in kept) == [
        ("indicator", "II.3.3"),
        ("target", "II.2.1"),
    ]
    office.exchange.undo(log_id, "Nguyễn Thị Lan")
    rows = {r.code: r for r in office.service.indicator_rows()}
    assert rows["II.2.1"].target.value == 36000  # the clerk's later target
    assert "II.3.3" in rows  # holds the clerk's figure: kept, with it
    assert office.value(new, office.half, office.tra_cu) == 800
    assert office.value(new, office.half, None) is None  # the import's own figure: undone


def test_an_unused_new_indicator_goes_with_the_undo(office: Office, tmp_path: Path) -> None:
    log_id = office.import_(definitions_package(tmp_path))
    assert what_undo_keeps(office.service.engine, log_id) == []
    office.exchange.undo(log_id, "Nguyễn Thị Lan")
    rows = {r.code: r for r in office.service.indicator_rows()}
    assert "II.3.3" not in rows and rows["II.2.1"].target.value == 34000


def test_an_import_logged_before_the_history_mark_is_checked_the_same(
    office: Office, tmp_path: Path, db_path: Path
) -> None:
    """Logs written before this change keep no history mark and no task after-state."""
    log_id = office.import_(nine_months_package(tmp_path))
    with sqlite3.connect(db_path) as db:
        (raw,) = db.execute("SELECT undo_data FROM import_log WHERE id = ?", (log_id,)).fetchone()
        undo = json.loads(raw)
        del undo["history_after"]
        undo["tasks"] = [entry[:5] for entry in undo["tasks"]]
        db.execute("UPDATE import_log SET undo_data = ? WHERE id = ?", (json.dumps(undo), log_id))
    key = ValueKey(office.enterprises, office.half, office.tra_cu)
    office.edits.set_values([(key, ValueState(20.0))], "Trần Văn Bình")
    office.exchange.undo(log_id, "Nguyễn Thị Lan")
    assert office.value(office.enterprises, office.half, office.tra_cu) == 20
    assert office.nine() is None and office.task_status() is TaskStatus.NOT_STARTED


def test_undoing_two_imports_newest_first_puts_everything_back(
    office: Office, tmp_path: Path
) -> None:
    first = office.import_(nine_months_package(tmp_path))
    (tmp_path / "second").mkdir()
    second = office.import_(office_package(tmp_path / "second", "UBND-TCU", "II.3.2", 23.0, "TCU"))
    key = ValueKey(office.enterprises, office.half, office.tra_cu)
    assert office.edits.value_state(key).value == 23
    kept = what_undo_keeps(office.service.engine, first)  # the second import wrote it since
    assert [(k.kind, k.code, k.value, k.changed_by) for k in kept] == [
        (
            KeptKind.FIGURE,
            "II.3.2",
            23.0,
            "Nhập từ tệp ubnd-tcu.kh65 (Ủy ban nhân dân huyện Trà Cú)",
        ),
        (KeptKind.TASK, "II.2.T2.1", None, "Ủy ban nhân dân huyện Trà Cú"),  # sent again
    ]
    assert office.exchange.undo(second, "Nguyễn Thị Lan") == []
    assert office.edits.value_state(key).value == 19
    # the second import and its undo cancel out: the figure is as the first import left it
    assert what_undo_keeps(office.service.engine, first) == []
    assert office.exchange.undo(first, "Nguyễn Thị Lan") == []
    assert office.edits.value_state(key).value == 12 and office.nine() is None
    assert office.task_status() is TaskStatus.NOT_STARTED
