"""Reporting periods: Decree 09 dates, the rules a period must meet, delete and restore."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from kh65_desktop.domain.periods import batch_problem, derive, name_key, problem
from kh65_desktop.domain.terms import PeriodKind
from kh65_desktop.exchange.data import ExchangeError, PeriodData
from kh65_desktop.exchange.package import read_package, write_package
from kh65_desktop.services.editing import EditService, ValueKey
from kh65_desktop.services.exchange import ExchangeService
from kh65_desktop.services.exchange_files import export_data, export_file, read_file
from kh65_desktop.services.periods import PeriodRefused, PeriodService
from kh65_desktop.services.plan_service import PlanService
from kh65_desktop.storage.models import Period

from .test_cli import kh65
from .test_exchange import agency, fingerprint

PLAN_2024 = (date(2024, 1, 1), date(2024, 12, 31))
H1 = [("2024-H1", "6 tháng đầu năm 2024")]


@dataclass
class P:
    code: str
    name: str
    starts_on: date | None
    ends_on: date | None
    cutoff_on: date | None = None
    kind: str = "quarter"


# after-2025.md, "Reporting periods (Decree 09/2019/NĐ-CP, Article 12)": data from / data to
@pytest.mark.parametrize(
    ("kind", "year", "part", "code", "name", "span", "data_from", "cutoff"),
    [
        (
            PeriodKind.MONTH,
            2026,
            3,
            "2026-T03",
            "Tháng 3 năm 2026",
            (date(2026, 3, 1), date(2026, 3, 31)),
            date(2026, 2, 15),
            date(2026, 3, 14),
        ),
        (
            PeriodKind.MONTH,
            2026,
            1,
            "2026-T01",
            "Tháng 1 năm 2026",
            (date(2026, 1, 1), date(2026, 1, 31)),
            date(2025, 12, 15),
            date(2026, 1, 14),
        ),
        (
            PeriodKind.MONTH,
            2026,
            12,
            "2026-T12",
            "Tháng 12 năm 2026",
            (date(2026, 12, 1), date(2026, 12, 31)),
            date(2026, 11, 15),
            date(2026, 12, 14),
        ),
        (
            PeriodKind.QUARTER,
            2026,
            1,
            "2026-Q1",
            "Quý I năm 2026",
            (date(2026, 1, 1), date(2026, 3, 31)),
            date(2025, 12, 15),
            date(2026, 3, 14),
        ),
        (
            PeriodKind.QUARTER,
            2026,
            3,
            "2026-Q3",
            "Quý III năm 2026",
            (date(2026, 7, 1), date(2026, 9, 30)),
            date(2026, 6, 15),
            date(2026, 9, 14),
        ),
        (
            PeriodKind.HALF_YEAR,
            2026,
            1,
            "2026-H1",
            "6 tháng đầu năm 2026",
            (date(2026, 1, 1), date(2026, 6, 30)),
            date(2025, 12, 15),
            date(2026, 6, 14),
        ),
        (
            PeriodKind.HALF_YEAR,
            2026,
            2,
            "2026-H2",
            "6 tháng cuối năm 2026",
            (date(2026, 7, 1), date(2026, 12, 31)),
            date(2026, 6, 15),
            date(2026, 12, 14),
        ),
        (
            PeriodKind.NINE_MONTHS,
            2026,
            1,
            "2026-9T",
            "9 tháng đầu năm 2026",
            (date(2026, 1, 1), date(2026, 9, 30)),
            date(2025, 12, 15),
            date(2026, 9, 14),
        ),
        (
            PeriodKind.YEAR,
            2026,
            1,
            "2026-N",
            "Năm 2026",
            (date(2026, 1, 1), date(2026, 12, 31)),
            date(2025, 12, 15),
            date(2026, 12, 14),
        ),
    ],
)
def test_decree_09_dates_for_each_kind(kind, year, part, code, name, span, data_from, cutoff):
    draft = derive(kind, year, part)
    assert (draft.code, draft.name) == (code, name)
    assert (draft.starts_on, draft.ends_on) == span
    assert (draft.data_from, draft.cutoff_on) == (data_from, cutoff)


def test_plan_65_first_half_is_what_the_dialog_derives(service: PlanService) -> None:
    stored = service.periods(service.current_plan())[0]
    draft = derive(PeriodKind.HALF_YEAR, 2024)
    assert (draft.code, draft.name, draft.starts_on, draft.ends_on, draft.cutoff_on) == (
        stored.code,
        stored.name,
        stored.starts_on,
        stored.ends_on,
        stored.cutoff_on,
    )


def test_names_equal_after_normalisation_case_and_spaces() -> None:
    decomposed = "6 tha\u0301ng đầu năm 2024"  # "á" typed as a + combining acute
    assert name_key(decomposed) == name_key("6 tháng đầu năm 2024")
    assert name_key("  6  THÁNG đầu\tnăm 2024 ") == name_key("6 tháng đầu năm 2024")
    assert name_key("6 thang dau nam 2024") != name_key("6 tháng đầu năm 2024")


@pytest.mark.parametrize(
    ("period", "reason"),
    [
        (
            P("2024-X", "Kỳ lạ", date(2024, 6, 1), date(2024, 5, 1)),
            "Ngày kết thúc 01/5/2024 trước ngày bắt đầu 01/6/2024; hãy sửa lại.",
        ),
        (
            P("2024-X", "Kỳ lạ", None, date(2024, 5, 1)),
            "Kỳ báo cáo chưa có ngày bắt đầu; hãy nhập ngày bắt đầu.",
        ),
        (
            P("2024-X", "Kỳ lạ", date(2024, 1, 1), None),
            "Kỳ báo cáo chưa có ngày kết thúc; hãy nhập ngày kết thúc.",
        ),
        (
            P("9999-N", "Năm 9999", date(9999, 1, 1), date(9999, 12, 31)),
            "Kỳ kết thúc ngày 31/12/9999, ngoài thời gian của kế hoạch (01/01/2024 – "
            "31/12/2024); hãy chọn ngày kết thúc trong thời gian đó.",
        ),
        (
            P("2024-X", "Kỳ lạ", date(1900, 1, 1), date(2024, 3, 31)),
            "Kỳ bắt đầu ngày 01/01/1900, quá xa trước kế hoạch (bắt đầu 01/01/2024); "
            "hãy kiểm tra lại năm.",
        ),
        (
            P("2024-Q1", "Quý I năm 2024", date(2024, 1, 1), date(2024, 3, 31), date(2024, 5, 14)),
            "Ngày chốt số liệu 14/5/2024 nằm ngoài kỳ (01/01/2024 – 31/3/2024); "
            "hãy chọn ngày trong kỳ.",
        ),
        (
            P("2024-H1b", " 6 THÁNG  đầu năm 2024", date(2024, 1, 1), date(2024, 6, 30)),
            "Đã có kỳ “6 tháng đầu năm 2024” (mã 2024-H1); hãy đặt tên khác.",
        ),
        (
            P("2024-H1", "Nửa năm 2024", date(2024, 1, 1), date(2024, 6, 30)),
            "Mã kỳ “2024-H1” đã có; hãy chọn mã khác.",
        ),
        (
            P(" ", "Quý I năm 2024", date(2024, 1, 1), date(2024, 3, 31)),
            "Kỳ báo cáo chưa có mã; hãy nhập mã kỳ (ví dụ 2026-Q1).",
        ),
    ],
)
def test_a_bad_period_is_refused_with_its_reason(period: P, reason: str) -> None:
    assert problem(period, H1, PLAN_2024) == reason


def test_a_good_period_passes() -> None:
    q1 = derive(PeriodKind.QUARTER, 2024, 1)
    assert problem(q1, H1, PLAN_2024) is None


def test_periods_arriving_together_are_checked_against_each_other() -> None:
    q1 = P("2024-Q1", "Quý I năm 2024", date(2024, 1, 1), date(2024, 3, 31))
    again = P("2024-Q1b", "quý i năm 2024", date(2024, 1, 1), date(2024, 3, 31))
    assert batch_problem([q1], H1, PLAN_2024) is None
    assert batch_problem([q1, again], H1, PLAN_2024) == (
        "kỳ báo cáo “quý i năm 2024” (mã 2024-Q1b): đã có kỳ “Quý I năm 2024” (mã 2024-Q1); "
        "hãy đặt tên khác."
    )
    odd = P("2024-W1", "Tuần 1", date(2024, 1, 1), date(2024, 1, 7), kind="week")
    assert batch_problem([odd], H1, PLAN_2024) == (
        "kỳ báo cáo “Tuần 1” (mã 2024-W1): loại kỳ “week” không hợp lệ."
    )


def _counts(db_path: Path) -> tuple[int, int, int, int]:
    with sqlite3.connect(db_path) as db:
        return tuple(
            db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("period", "reported_value", "stated_figure", "value_change")
        )


def test_a_refused_period_leaves_the_database_unchanged(
    service: PlanService, db_path: Path
) -> None:
    periods = PeriodService(service.engine)
    plan = service.current_plan()
    before = _counts(db_path)
    with pytest.raises(PeriodRefused, match="Đã có kỳ “6 tháng đầu năm 2024”"):
        periods.add(
            {
                "plan_id": plan.id,
                "code": "2024-H1x",
                "name": "6 tháng đầu năm 2024",
                "kind": PeriodKind.HALF_YEAR,
                "starts_on": date(2024, 1, 1),
                "ends_on": date(2024, 6, 30),
            }
        )
    h1 = service.periods(plan)[0]
    with pytest.raises(PeriodRefused, match="31/12/9999"):
        periods.update(h1.id, {"ends_on": date(9999, 12, 31)})
    assert _counts(db_path) == before
    assert service.periods(plan)[0].ends_on == date(2024, 6, 30)


def test_delete_a_period_with_its_figures_and_restore_it(
    service: PlanService, edits: EditService, db_path: Path
) -> None:
    periods = PeriodService(service.engine)
    plan = service.current_plan()
    h1 = service.periods(plan)[0]
    row = next(r for r in service.indicator_rows(plan) if r.code == "II.6.1")
    edits.record_value(ValueKey(row.id, h1.id), 3350.0, "Lê Thị Hoa")  # one history entry
    held = periods.holdings(h1.id)
    assert held.history == 1 and held.figures > 10 and held.stated > 0
    before = _counts(db_path)
    with sqlite3.connect(db_path) as db:
        figures_before = db.execute("SELECT * FROM reported_value ORDER BY id").fetchall()
    snapshot = periods.delete(h1.id)
    assert _counts(db_path) == (
        before[0] - 1,
        before[1] - held.figures,
        before[2] - held.stated,
        before[3] - held.history,
    )
    periods.restore(snapshot)
    assert _counts(db_path) == before
    with sqlite3.connect(db_path) as db:
        assert db.execute("SELECT * FROM reported_value ORDER BY id").fetchall() == figures_before
    assert service.periods(plan)[0].id == h1.id
    assert next(r for r in service.indicator_rows(plan) if r.code == "II.6.1").latest.value == 3350


def _package_with(tmp_path: Path, service: PlanService, *periods: PeriodData) -> Path:
    data = export_data(service.engine, service.current_plan(), agency(service, "STC"))
    data.periods.extend(periods)
    return write_package(data, tmp_path / "stc.kh65")


@pytest.mark.parametrize(
    ("period", "reason"),
    [
        (
            PeriodData(
                "2024-H1b",
                "6 THÁNG  đầu năm 2024",
                "half_year",
                date(2024, 1, 1),
                date(2024, 6, 30),
            ),
            "kỳ báo cáo “6 THÁNG  đầu năm 2024” (mã 2024-H1b): đã có kỳ “6 tháng đầu năm 2024” "
            "(mã 2024-H1); hãy đặt tên khác.",
        ),
        (
            PeriodData("9999-N", "Năm 9999", "year", date(9999, 1, 1), date(9999, 12, 31)),
            "kỳ báo cáo “Năm 9999” (mã 9999-N): kỳ kết thúc ngày 31/12/9999, ngoài thời gian "
            "của kế hoạch (01/01/2024 – 31/12/2024)",
        ),
        (
            PeriodData(
                "2024-Q3", "Quý III năm 2024", "quarter", date(2024, 9, 30), date(2024, 7, 1)
            ),
            "kỳ báo cáo “Quý III năm 2024” (mã 2024-Q3): ngày kết thúc 01/7/2024 trước ngày "
            "bắt đầu 30/9/2024",
        ),
    ],
    ids=["same-name", "year-9999", "end-before-start"],
)
def test_a_package_bringing_a_bad_period_is_refused(
    service: PlanService, tmp_path: Path, db_path: Path, period: PeriodData, reason: str
) -> None:
    package = _package_with(tmp_path, service, period)
    before = fingerprint(db_path)
    with pytest.raises(ExchangeError) as refused:
        ExchangeService(service.engine).preview(service.current_plan(), read_package(package))
    assert reason in str(refused.value)
    assert "Cơ sở dữ liệu không thay đổi." in str(refused.value)
    assert fingerprint(db_path) == before


def test_a_package_bringing_a_good_new_period_previews_it(
    service: PlanService, tmp_path: Path
) -> None:
    q3 = derive(PeriodKind.QUARTER, 2024, 3)
    package = _package_with(
        tmp_path,
        service,
        PeriodData(q3.code, q3.name, "quarter", q3.starts_on, q3.ends_on, q3.cutoff_on),
    )
    preview = ExchangeService(service.engine).preview(service.current_plan(), read_package(package))
    assert [r.code for r in preview.rows if r.kind == "period"] == ["2024-Q3"]


def test_the_command_line_refuses_it_with_exit_code_2(
    service: PlanService, tmp_path: Path, db_path: Path
) -> None:
    package = _package_with(
        tmp_path,
        service,
        PeriodData("9999-N", "Năm 9999", "year", date(9999, 1, 1), date(9999, 12, 31)),
    )
    service.engine.dispose()  # the command is another process
    before = fingerprint(db_path)
    done = kh65("--db", str(db_path), "import", str(package))
    assert done.returncode == 2
    assert "ngoài thời gian của kế hoạch" in done.stderr
    assert fingerprint(db_path) == before


def test_a_name_is_kept_in_one_unicode_form_with_single_spaces(service: PlanService) -> None:
    periods = PeriodService(service.engine)
    plan = service.current_plan()
    q1 = derive(PeriodKind.QUARTER, 2024, 1)
    new = periods.add(
        {
            "plan_id": plan.id,
            "code": " 2024-Q1 ",
            "name": "  Quy\u0301  I năm 2024",  # "ý" as y + combining acute
            "kind": q1.kind,
            "starts_on": q1.starts_on,
            "ends_on": q1.ends_on,
        }
    )
    kept = next(p for p in service.periods(plan) if p.id == new)
    assert (kept.code, kept.name) == ("2024-Q1", "Quý I năm 2024")


def test_an_excel_template_for_a_period_named_like_ours_is_refused(
    service: PlanService, tmp_path: Path, db_path: Path
) -> None:
    plan = service.current_plan()
    twin = Period(
        id=999,
        plan_id=plan.id,
        code="2024-6T",
        name="6 tháng ĐẦU năm 2024",  # another office's name for our "2024-H1"
        kind=PeriodKind.HALF_YEAR,
        starts_on=date(2024, 1, 1),
        ends_on=date(2024, 6, 30),
    )
    template = export_file(service, plan, agency(service, "STC"), twin, tmp_path / "stc.xlsx")
    before = fingerprint(db_path)
    with pytest.raises(ExchangeError) as refused:
        ExchangeService(service.engine).preview(plan, read_file(template, "Nguyễn Thị Lan"))
    assert "đã có kỳ “6 tháng đầu năm 2024” (mã 2024-H1); hãy đặt tên khác." in str(refused.value)
    assert fingerprint(db_path) == before


def test_a_plan_file_period_breaking_the_rules_loads_nothing(engine, db_path, tmp_path) -> None:
    """A plan data file meets the same period rules as the dialog and a package."""
    import sqlite3

    from sqlmodel import Session

    from kh65_desktop.storage.plan_file import PlanFileError, load_plan

    good = Path(__file__).parent.parent / "resources" / "plans" / "kh65-2024.toml"
    text = good.read_text(encoding="utf-8").replace(
        'code = "65/KH-UBND/2024"', 'code = "66/KH-UBND/2025"'
    )
    broken = tmp_path / "kh66.toml"
    broken.write_text(text.replace("ends_on = 2024-06-30", "ends_on = 2023-06-30"), "utf-8")
    before = sqlite3.connect(db_path).execute("SELECT count(*) FROM period").fetchone()
    with Session(engine) as session, pytest.raises(PlanFileError) as error:
        with session.begin():
            load_plan(session, broken)
    assert "kh66.toml" in str(error.value) and "mã 2024-H1" in str(error.value)
    assert sqlite3.connect(db_path).execute("SELECT count(*) FROM period").fetchone() == before
