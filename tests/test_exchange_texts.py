"""Report sections in .kh65 packages: sent with the agency's figures, previewed like figures
(added, changed, unchanged, conflict), written in the import's transaction and put back by
its undo; the province report compiled from two agencies' packages carries both."""

from __future__ import annotations

import json
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine

from kh65_desktop import cli
from kh65_desktop.domain.terms import SectionKind
from kh65_desktop.exchange.data import ExchangeError
from kh65_desktop.exchange.package import read_package
from kh65_desktop.reports.builders import ReportOptions
from kh65_desktop.services.exchange import Action, ExchangeService
from kh65_desktop.services.exchange_files import export_file, read_file
from kh65_desktop.services.import_undo import what_undo_keeps
from kh65_desktop.services.kept import KeptKind
from kh65_desktop.services.plan_service import PlanService
from kh65_desktop.services.report_texts import ReportTextService, SectionKey
from kh65_desktop.storage.database import open_database
from kh65_desktop.storage.models import Agency

from .test_report_sections import built  # noqa: F401 (a fixture)
from .test_report_texts import agency

pytestmark = pytest.mark.both_engines


@pytest.fixture(autouse=True)
def no_log_file(monkeypatch: pytest.MonkeyPatch) -> None:
    """cli.main in this process: no log handler left behind for later tests."""
    monkeypatch.setattr(cli, "configure_logging", lambda: None)


def agency_package(folder: Path, code: str, texts: dict[SectionKind, str], result: str) -> Path:
    """An agency's own database: its sections for 6 tháng đầu năm typed, then its package
    made by the real export (as `kh65 export --agency CODE --out FILE.kh65`)."""
    engine = open_database(folder / f"{code}.db")
    plans = PlanService(engine)
    plan = plans.current_plan()
    period = plans.periods(plan)[0]
    mine = agency(plans, code)
    service = ReportTextService(engine)
    for kind, text in texts.items():
        service.save(SectionKey(period.id, mine.id, kind), text, f"Văn thư {code}")
    task = service.tasks_of(plan, mine.id)[0]
    service.save(SectionKey(period.id, mine.id, SectionKind.TASK_RESULT, task.id), result, "A")
    path = export_file(plans, plan, mine, None, folder / f"{code}.kh65")
    engine.dispose()
    return path


def import_(engine: Engine, path: Path) -> int:
    exchange = ExchangeService(engine)
    plan = PlanService(engine).current_plan()
    preview = exchange.preview(plan, read_file(path, "Lan"))
    log = exchange.apply(plan, preview, "Lan")
    assert log.id is not None
    return log.id


def test_a_province_report_from_two_agencies_packages_carries_both_under_their_names(
    engine: Engine,
    service: PlanService,
    db_path: Path,
    tmp_path: Path,
    built: list,  # noqa: F811
) -> None:
    stc_package = agency_package(
        tmp_path,
        "STC",
        {SectionKind.SITUATION: "Thu ngân sách đạt khá.", SectionKind.CAUSES: "Do giá cả."},
        "Đã trình dự toán.",
    )
    sct_package = agency_package(
        tmp_path, "SCT", {SectionKind.PROPOSALS: "Đề nghị hỗ trợ xúc tiến thương mại."}, "Xong."
    )
    with zipfile.ZipFile(stc_package) as archive:
        sent = json.loads(archive.read("content.json"))["texts"]
    assert {t["section"] for t in sent} == {"situation", "causes", "task_result"}
    assert [p.code for p in read_package(stc_package).periods] == ["2024-H1"]
    import_(engine, stc_package)
    import_(engine, sct_package)
    plan = service.current_plan()
    period = service.periods(plan)[0]
    stc, sct = agency(service, "STC"), agency(service, "SCT")
    texts = ReportTextService(engine).for_report(plan, period, None, province=True)
    by_name = {t.agency_name: t for t in texts}
    assert set(by_name) == {"", stc.name, sct.name}
    assert by_name[stc.name].text(SectionKind.SITUATION) == "Thu ngân sách đạt khá."
    assert by_name[stc.name].text(SectionKind.CAUSES) == "Do giá cả."
    assert list(by_name[stc.name].task_results.values()) == ["Đã trình dự toán."]
    assert by_name[sct.name].text(SectionKind.PROPOSALS) == "Đề nghị hỗ trợ xúc tiến thương mại."
    # the command line's province report receives them (the builder prints ReportOptions.texts)
    out = tmp_path / "tinh.pdf"
    assert cli.main(["--db", str(db_path), "report", "--kind", "province", "--out", str(out)]) == 0
    options: ReportOptions = built[0]
    assert [t.agency_name for t in options.texts] == [t.agency_name for t in texts]
    assert options.texts == texts


def test_the_preview_judges_sections_like_figures_and_the_undo_puts_them_back(
    engine: Engine, service: PlanService, tmp_path: Path
) -> None:
    package = agency_package(
        tmp_path, "STC", {SectionKind.SITUATION: "Bản gửi", SectionKind.CAUSES: "Nguyên nhân"}, "X"
    )
    plan = service.current_plan()
    period = service.periods(plan)[0]
    stc: Agency = agency(service, "STC")
    texts = ReportTextService(engine)
    situation = SectionKey(period.id, stc.id, SectionKind.SITUATION)
    causes = SectionKey(period.id, stc.id, SectionKind.CAUSES)
    # here before the file was made: the file's replaces it (a change)
    texts.save(situation, "Bản cũ ở đây", "Lan", datetime(2024, 1, 5, tzinfo=UTC))
    exchange = ExchangeService(engine)
    preview = exchange.preview(plan, read_file(package, "Lan"))
    rows = {(r.name, r.code): r for r in preview.rows if r.kind == "text"}
    assert rows[("Đặc điểm tình hình", "")].action is Action.CHANGE
    assert rows[("Đặc điểm tình hình", "")].old == "Bản cũ ở đây"
    assert rows[("Đặc điểm tình hình", "")].new == "Bản gửi"
    assert rows[("Nguyên nhân", "")].action is Action.ADD
    log = exchange.apply(plan, preview, "Lan")
    assert texts.state(situation).text == "Bản gửi"
    assert texts.state(situation).updated_by == "Văn thư STC"  # the sender's provenance
    again = exchange.preview(plan, read_file(package, "Lan"))
    assert {r.action for r in again.rows if r.kind == "text"} == {Action.UNCHANGED}
    # edited here since: the undo leaves it and says so; the rest goes back
    texts.save(causes, "Nguyên nhân sửa ở đây", "Lan")
    kept = what_undo_keeps(engine, log.id)
    assert [(k.kind, k.name) for k in kept] == [(KeptKind.TEXT, "Nguyên nhân")]
    exchange.undo(log.id, "Lan")
    assert texts.state(situation).text == "Bản cũ ở đây"
    assert texts.state(causes).text == "Nguyên nhân sửa ở đây"
    # a later edit here is a conflict when the file comes again, kept unless the clerk says
    texts.save(situation, "Bản mới nhất ở đây", "Lan")
    conflict = exchange.preview(plan, read_file(package, "Lan"))
    row = next(r for r in conflict.rows if r.kind == "text" and r.name == "Đặc điểm tình hình")
    assert row.action is Action.CONFLICT and not row.take_theirs


def _package_with(tmp_path: Path, texts: list[dict]) -> Path:
    """The real STC package with its `texts` replaced (the checksum made right again)."""
    import hashlib

    source = agency_package(tmp_path, "STC", {SectionKind.SITUATION: "a"}, "b")
    with zipfile.ZipFile(source) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        content = json.loads(archive.read("content.json"))
    content["texts"] = texts
    manifest.pop("signature", None)  # a hand-edited package is unsigned
    raw = json.dumps(content, ensure_ascii=False).encode()
    manifest["content_sha256"] = hashlib.sha256(raw).hexdigest()
    out = tmp_path / "sua.kh65"
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("manifest.json", json.dumps(manifest))
        archive.writestr("content.json", raw)
    return out


@pytest.mark.parametrize(
    ("texts", "says"),
    [
        (
            [{"period": "2024-H1", "section": "causes", "text": "a"}] * 2,
            "phần lời văn thứ 2: phần “causes”, kỳ 2024-H1 xuất hiện hai lần",
        ),
        (
            [{"period": "2024-H1", "section": "task_result", "text": "a"}],
            "phải ghi mã nhiệm vụ",
        ),
        ([{"period": "2024-H1", "section": "ket_luan", "text": "a"}], "trường “section”"),
        ([{"period": "2024-H1", "section": "causes", "text": 5}], "trường “text” phải là"),
        ([{"period": "2024-H1", "section": "causes", "text": "x" * 20_001}], "tối đa 20.000"),
    ],
)
def test_a_bad_section_in_a_package_is_refused(tmp_path: Path, texts: list, says: str) -> None:
    with pytest.raises(ExchangeError, match=None) as refused:
        read_file(_package_with(tmp_path, texts), "Lan")
    assert says in str(refused.value)


def test_a_section_of_a_task_the_sender_does_not_lead_is_refused_by_row(
    engine: Engine, service: PlanService, tmp_path: Path
) -> None:
    plan = service.current_plan()
    sct, stc = agency(service, "SCT"), agency(service, "STC")
    texts = ReportTextService(engine)
    theirs = {t.code for t in texts.tasks_of(plan, stc.id)}
    other = next(t.code for t in texts.tasks_of(plan, sct.id) if t.code not in theirs)
    package = _package_with(
        tmp_path, [{"period": "2024-H1", "section": "task_result", "task": other, "text": "a"}]
    )
    preview = ExchangeService(engine).preview(plan, read_file(package, "Lan"))
    (row,) = [r for r in preview.rows if r.kind == "text"]
    assert row.action is Action.REFUSED and "không được" in row.reason


def test_a_redo_leaves_a_section_written_since_the_undo(
    engine: Engine, service: PlanService, tmp_path: Path
) -> None:
    from kh65_desktop.services.exchange_apply import redo_import

    package = agency_package(
        tmp_path, "STC", {SectionKind.SITUATION: "Bản gửi", SectionKind.CAUSES: "Nguyên nhân"}, "X"
    )
    plan = service.current_plan()
    period = service.periods(plan)[0]
    stc = agency(service, "STC")
    texts = ReportTextService(engine)
    exchange = ExchangeService(engine)
    preview = exchange.preview(plan, read_file(package, "Lan"))
    log = exchange.apply(plan, preview, "Lan")
    exchange.undo(log.id, "Lan")
    situation = SectionKey(period.id, stc.id, SectionKind.SITUATION)
    causes = SectionKey(period.id, stc.id, SectionKind.CAUSES)
    assert texts.state(situation) is None
    texts.save(causes, "Viết sau khi hoàn tác", "Lan")
    _, kept = redo_import(engine, plan, preview, "Lan", (log.id, "Lan"))
    assert texts.state(situation).text == "Bản gửi"
    assert texts.state(causes).text == "Viết sau khi hoàn tác"
    assert [(k.kind, k.name) for k in kept] == [(KeptKind.TEXT, "Nguyên nhân")]


def test_a_period_only_a_section_brings_is_added_and_goes_with_the_undo(
    engine: Engine, service: PlanService, tmp_path: Path
) -> None:
    from datetime import date

    from .test_report_texts import add_period

    sender = open_database(tmp_path / "stc.db")
    plans = PlanService(sender)
    plan = plans.current_plan()
    q3 = add_period(
        sender, plan, "2024-Q3", "Quý III năm 2024", date(2024, 7, 1), date(2024, 9, 30)
    )
    stc = agency(plans, "STC")
    ReportTextService(sender).save(SectionKey(q3.id, stc.id, SectionKind.CAUSES), "Quý III", "A")
    package = export_file(plans, plan, stc, q3, tmp_path / "q3.kh65")
    sender.dispose()
    log_id = import_(engine, package)
    here = [p for p in service.periods(service.current_plan()) if p.code == "2024-Q3"]
    assert len(here) == 1
    found = ReportTextService(engine).agency_texts(plan, here[0], stc)
    assert found.text(SectionKind.CAUSES) == "Quý III"
    ExchangeService(engine).undo(log_id, "Lan")
    assert [p.code for p in service.periods(service.current_plan())] == ["2024-H1"]
