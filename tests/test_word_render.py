"""The Word copy as it prints: each .docx is converted to PDF by LibreOffice (headless) and
held to the same layout rules as the reportlab PDF (tests/layout_checks.py)."""

from __future__ import annotations

import os
import shutil
import subprocess
import typing
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pdfplumber
import pytest
from docx import Document
from docx.oxml.ns import qn

from kh65_desktop.reports import document as report_document
from kh65_desktop.reports.builders import ReportBuilder, ReportKind, ReportOptions
from kh65_desktop.reports.produce import write_report
from kh65_desktop.reports.word import LANGUAGE, RENDERERS, render_docx
from kh65_desktop.resources import resource_path
from kh65_desktop.services.plan_service import PlanService
from kh65_desktop.storage.database import open_database
from tests.layout_checks import (
    LEFT,
    MM,
    assert_a4_within_margins,
    assert_header_row_on_every_table_page,
    assert_letterhead,
    assert_no_group_row_ends_a_page,
    assert_no_heading_ends_a_page,
    assert_page_numbers,
    assert_report_fonts_embedded,
    assert_signature_block,
)
from tests.test_reports import options

CONVERT_SECONDS = 240  # a first start of LibreOffice on a busy 2-core machine
KINDS = {  # name: (kind, agency code)
    "agency": (ReportKind.AGENCY, "STC"),
    "province": (ReportKind.PROVINCE, None),
    "locality": (ReportKind.LOCALITY, None),
}
LONG_NAME = {"long name": (ReportKind.AGENCY, "SLDTBXH")}  # wider than its 70 mm column


@dataclass
class Rendered:
    options: ReportOptions
    docx: Path
    word_pdf: Path  # the .docx as LibreOffice prints it
    pdf: Path  # the same report from reportlab
    tables: list[report_document.Table]  # the report model's tables, in order


def _soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        pytest.fail(
            "LibreOffice is not installed: the Word report is tested by converting it to PDF. "
            "Install it (Debian: apt-get install libreoffice-writer-nogui) and run again."
        )
    return found


def _fontconfig(folder: Path) -> Path:
    """The system's fonts plus the bundled Liberation Serif, so that LibreOffice sets
    "Times New Roman" in its metric twin on a machine without either installed."""
    config = folder / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f"  <dir>{resource_path('fonts')}</dir>\n"
        f"  <cachedir>{folder / 'cache'}</cachedir>\n</fontconfig>\n",
        encoding="utf-8",
    )
    return config


def convert(files: list[Path], folder: Path) -> list[Path]:
    """The files as PDF, converted by LibreOffice in its own profile (parallel runs do not
    share one), with a time limit."""
    out = folder / "pdf"
    profile = folder / "profile"
    environment = {**os.environ, "FONTCONFIG_FILE": str(_fontconfig(folder))}
    command = [
        _soffice(),
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(out),
        *map(str, files),
    ]
    run = subprocess.run(
        command, capture_output=True, text=True, env=environment, timeout=CONVERT_SECONDS
    )
    results = [out / f"{f.stem}.pdf" for f in files]
    missing = [p.name for p in results if not p.exists()]
    assert run.returncode == 0 and not missing, (run.returncode, missing, run.stdout, run.stderr)
    return results


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Rendered]:
    """The agency (Sở Tài chính), province and locality reports, each as .docx, as that
    .docx printed by LibreOffice, and as the reportlab PDF."""
    folder = tmp_path_factory.mktemp("word-render")
    engine = open_database(folder / "kh65.db")
    service = PlanService(engine)
    made: dict[str, Rendered] = {}
    for name, (kind, code) in (KINDS | LONG_NAME).items():
        chosen = options(service, kind, code)
        docx, pdf = (
            write_report(service, chosen, folder / f"{name}.{ext}", today=date(2024, 7, 20))
            for ext in ("docx", "pdf")
        )
        model = ReportBuilder(service, service.current_plan(), date(2024, 7, 20)).build(chosen)
        tables = [p for p in model.parts if isinstance(p, report_document.Table)]
        made[name] = Rendered(chosen, docx, folder / "pdf" / f"{name}.pdf", pdf, tables)
    engine.dispose()
    convert([r.docx for r in made.values()], folder)
    return made


@pytest.mark.parametrize("name", KINDS)
def test_word_copy_prints_in_the_official_form(rendered: dict[str, Rendered], name: str) -> None:
    report = rendered[name]
    head = report.options.letterhead
    with pdfplumber.open(report.word_pdf) as pdf:
        assert_a4_within_margins(pdf)
        assert_report_fonts_embedded(report.word_pdf, pdf)
        for body in head.issuing_body.upper().split("\n"):
            assert_letterhead(pdf.pages[0], body)
        first = pdf.pages[0].extract_text()
        assert head.number_line in first and head.place_date in first
        assert "BÁO CÁO" in first
        assert_page_numbers(pdf)
        assert_no_heading_ends_a_page(pdf)
        assert_signature_block(pdf, head.authority.upper(), head.signer_name)


def test_word_copy_of_an_agency_report_has_the_pdfs_pages(rendered: dict[str, Rendered]) -> None:
    """Sở Tài chính's report: the Word copy once ran to 5 pages where the PDF has 3 (the
    columns squeezed by Word's automatic widths)."""
    for name in ("agency", "province"):
        with (
            pdfplumber.open(rendered[name].word_pdf) as word,
            pdfplumber.open(rendered[name].pdf) as pdf,
        ):
            assert abs(len(word.pages) - len(pdf.pages)) <= max(1, len(pdf.pages) // 10), name


def test_word_tables_repeat_their_header_and_keep_group_rows_with_the_next(
    rendered: dict[str, Rendered],
) -> None:
    with pdfplumber.open(rendered["province"].word_pdf) as pdf:
        pages = assert_header_row_on_every_table_page(
            pdf, ["STT", "Chỉ tiêu", "Đơn vị tính"], ["STT", "Nhiệm vụ, giải pháp"]
        )
        assert pages >= 5
        assert assert_no_group_row_ends_a_page(pdf) >= 5


def test_word_file_declares_grid_widths_kept_rows_and_vietnamese(
    rendered: dict[str, Rendered],
) -> None:
    """What Word itself reads: the grid of each table in the columns' own widths, a fixed
    layout, the header row repeated, no row split, and Vietnamese as the language."""
    agency = rendered["agency"]
    document = Document(str(agency.docx))
    body_tables = document.tables[1:-1]  # between the letterhead and the signature
    assert len(body_tables) == len(agency.tables) >= 2
    for table, model in zip(body_tables, agency.tables, strict=True):
        grid = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
        assert grid == [round(c.width_mm * 72 / 25.4 * 20) for c in model.columns]
        assert table._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
        rows = table._tbl.findall(qn("w:tr"))
        assert rows[0].trPr.find(qn("w:tblHeader")) is not None
        assert all(r.trPr.find(qn("w:cantSplit")) is not None for r in rows)
    styles = document.styles.element
    default = styles.find(qn("w:docDefaults")).find(".//" + qn("w:lang"))
    normal = document.styles["Normal"].element.find(".//" + qn("w:lang"))
    assert default.get(qn("w:val")) == normal.get(qn("w:val")) == LANGUAGE == "vi-VN"
    assert document.core_properties.language == "vi-VN"


def test_every_kind_of_report_part_has_a_word_renderer() -> None:
    assert set(typing.get_args(report_document.Part)) <= set(RENDERERS)


def test_a_line_break_in_a_cell_is_a_line_break_in_word(
    rendered: dict[str, Rendered], tmp_path: Path
) -> None:
    """Inside a run, where Word reads it (a break outside a run makes the file "corrupt")."""
    report = report_document.Report(rendered["agency"].options.letterhead)
    columns = [report_document.Column("STT", 10), report_document.Column("Nội dung", 155)]
    report.add(report_document.Table(columns, [report_document.Row(("1", "Dòng một\nDòng hai"))]))
    document = Document(str(render_docx(report, tmp_path / "breaks.docx")))
    assert document.tables[1].cell(1, 1).text == "Dòng một\nDòng hai"
    assert not document.element.body.xpath(".//w:p/w:br")


def test_a_long_agency_name_breaks_inside_its_column(rendered: dict[str, Rendered]) -> None:
    """ "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI" is wider than the letterhead's left column: it
    breaks into two centred lines inside the column (never over the margin or the motto),
    and its rule is a third to a half of the longer line."""
    with pdfplumber.open(rendered["long name"].word_pdf) as pdf:
        page = pdf.pages[0]
        number = next(w for w in page.extract_words() if w["text"] == "Số:")
        column = LEFT + 70 * MM
        bold = [
            c
            for c in page.chars
            if c["top"] < number["top"] and c["x0"] < column and "Bold" in c["fontname"]
        ]
        assert all(LEFT - 0.5 <= c["x0"] and c["x1"] <= column + 0.5 for c in bold)
        rows: dict[int, list[dict]] = {}
        for c in bold:
            rows.setdefault(round(c["top"]), []).append(c)
        assert len(rows) == 2  # the name on two lines
        longest = max(max(c["x1"] for c in r) - min(c["x0"] for c in r) for r in rows.values())
        rule = next(
            line
            for line in page.lines + page.rects
            if line["x1"] <= column and line["top"] < number["top"]
        )
        assert longest / 3 - 1 <= rule["x1"] - rule["x0"] <= longest / 2
