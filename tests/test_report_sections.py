"""`kh65 report … --sections FILE`: the narrative sections of one report from a TOML file
(docs/report-sections.md), over those saved in the app; a bad file refused by its line."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine

from kh65_desktop import cli
from kh65_desktop.domain.report_texts import AgencyTexts
from kh65_desktop.domain.terms import SectionKind
from kh65_desktop.reports.builders import ReportBuilder, ReportOptions
from kh65_desktop.services.plan_service import PlanService
from kh65_desktop.services.report_texts import ReportTextService, SectionKey
from kh65_desktop.storage.models import Agency

from .test_report_texts import agency


@pytest.fixture(autouse=True)
def no_log_file(monkeypatch: pytest.MonkeyPatch) -> None:
    """cli.main in this process: no log handler left behind for later tests."""
    monkeypatch.setattr(cli, "configure_logging", lambda: None)


@pytest.fixture
def built(monkeypatch: pytest.MonkeyPatch) -> list[ReportOptions]:
    """The options each report was built from (the builder is the real one)."""
    seen: list[ReportOptions] = []
    original = ReportBuilder.build

    def build(self: ReportBuilder, options: ReportOptions):  # type: ignore[no-untyped-def]
        seen.append(options)
        return original(self, options)

    monkeypatch.setattr(ReportBuilder, "build", build)
    return seen


def report(db_path: Path, out: Path, sections: Path, *more: str) -> int:
    return cli.main(
        ["--db", str(db_path), "report", *more, "--sections", str(sections), "--out", str(out)]
    )


def stc_task(service: PlanService) -> str:
    stc = agency(service, "STC")
    return ReportTextService(service.engine).tasks_of(service.current_plan(), stc.id)[0].code


def test_an_agency_report_takes_the_files_sections_over_the_saved_ones(
    engine: Engine, service: PlanService, db_path: Path, tmp_path: Path, built: list
) -> None:
    plan = service.current_plan()
    period = service.periods(plan)[-1]
    stc: Agency = agency(service, "STC")
    texts = ReportTextService(engine)
    texts.save(SectionKey(period.id, stc.id, SectionKind.CAUSES), "Nguyên nhân đã lưu", "Lan")
    texts.save(SectionKey(period.id, stc.id, SectionKind.PROPOSALS), "Kiến nghị cũ", "Lan")
    code = stc_task(service)
    sections = tmp_path / "phan.toml"
    sections.write_text(
        "# báo cáo Sở Tài chính\n"
        'dac_diem_tinh_hinh = """Kinh tế tỉnh phục hồi.\n'
        'Thu ngân sách khá."""\n'
        'ton_tai_han_che = "Giải ngân chậm."\n'
        'kien_nghi_de_xuat = ""\n'
        "\n"
        "[ket_qua_nhiem_vu]\n"
        f'"{code}" = "Đã trình UBND tỉnh."\n',
        encoding="utf-8",
    )
    out = tmp_path / "stc.pdf"
    assert report(db_path, out, sections, "--agency", "STC") == 0
    assert out.exists()
    (options,) = built
    assert options.texts == [
        AgencyTexts(
            stc.name,
            {
                SectionKind.SITUATION: "Kinh tế tỉnh phục hồi.\nThu ngân sách khá.",
                SectionKind.SHORTCOMINGS: "Giải ngân chậm.",
                SectionKind.CAUSES: "Nguyên nhân đã lưu",  # not in the file: the saved one
            },  # kien_nghi_de_xuat = "": left out of this report
            {code: "Đã trình UBND tỉnh."},
        )
    ]
    assert list(options.texts[0].sections) == [  # in a report's order
        SectionKind.SITUATION,
        SectionKind.SHORTCOMINGS,
        SectionKind.CAUSES,
    ]
    # the file is used, not saved
    saved = texts.agency_texts(plan, period, stc)
    assert saved.text(SectionKind.PROPOSALS) == "Kiến nghị cũ"
    assert saved.text(SectionKind.SITUATION) == ""


def test_a_province_report_takes_each_agencys_table(
    service: PlanService, db_path: Path, tmp_path: Path, built: list
) -> None:
    stc, skhdt = agency(service, "STC"), agency(service, "SKHDT")
    code = stc_task(service)
    sections = tmp_path / "tinh.toml"
    sections.write_text(
        'dac_diem_tinh_hinh = "Chung toàn tỉnh."\n'
        "[co_quan.STC]\n"
        'ton_tai_han_che = "Của Sở Tài chính."\n'
        f'ket_qua_nhiem_vu."{code}" = "Xong."\n'
        "[co_quan.SKHDT]\n"
        'nguyen_nhan = "Của Sở Kế hoạch."\n',
        encoding="utf-8",
    )
    assert report(db_path, tmp_path / "tinh.pdf", sections, "--kind", "province") == 0
    (options,) = built
    names = [t.agency_name for t in options.texts]
    order = [a.name for a in service.agencies(service.current_plan())]
    assert names == ["", *sorted([stc.name, skhdt.name], key=order.index)]
    assert options.texts[0].text(SectionKind.SITUATION) == "Chung toàn tỉnh."
    mine = {t.agency_name: t for t in options.texts}
    assert mine[stc.name].task_results == {code: "Xong."}
    assert mine[skhdt.name].text(SectionKind.CAUSES) == "Của Sở Kế hoạch."


@pytest.mark.parametrize(
    ("content", "line", "says"),
    [
        ('dac_diem_tinh_hinh = "a"\nket_luan = "b"\n', 2, "“ket_luan” không phải tên một phần"),
        ('[ket_qua_nhiem_vu]\n"X.9.9" = "b"\n', 2, "“X.9.9” không phải mã một nhiệm vụ"),
        ('ton_tai_han_che = """a\n\nb"""\nnguyen_nhan = "c\n', 4, "không đúng cú pháp TOML"),
        ("dac_diem_tinh_hinh = 5\n", 1, "phải là chữ trong dấu nháy"),
        ('[co_quan.STC]\nnguyen_nhan = "a"\n', 1, "chỉ dùng cho báo cáo toàn tỉnh"),
    ],
)
def test_a_bad_file_is_refused_by_its_line_and_nothing_written(
    db_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    content: str,
    line: int,
    says: str,
) -> None:
    sections = tmp_path / "sai.toml"
    sections.write_text(content, encoding="utf-8")
    out = tmp_path / "stc.pdf"
    assert report(db_path, out, sections, "--agency", "STC") == 2
    error = capsys.readouterr().err
    assert f"“sai.toml”, dòng {line}:" in error and says in error, error
    assert not out.exists()


def test_a_file_not_in_utf8_names_the_line(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sections = tmp_path / "ansi.toml"
    sections.write_bytes('dac_diem_tinh_hinh = "a"\nnguyen_nhan = "Nguyên"\n'.encode("cp1258"))
    out = tmp_path / "stc.pdf"
    assert report(db_path, out, sections, "--agency", "STC") == 2
    error = capsys.readouterr().err
    assert "dòng 2: tệp không phải văn bản UTF-8" in error
    assert not out.exists()


def test_a_province_file_with_an_unknown_agency_is_refused(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sections = tmp_path / "tinh.toml"
    sections.write_text('nguyen_nhan = "a"\n\n[co_quan.KHONGCO]\nnguyen_nhan = "b"\n', "utf-8")
    assert report(db_path, tmp_path / "t.pdf", sections, "--kind", "province") == 2
    assert "dòng 3: không có cơ quan mã “KHONGCO”" in capsys.readouterr().err
