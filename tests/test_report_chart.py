"""The report's printed progress chart: what it shows (one bar per indicator, the table's
% KH, no internal labels) and how it is drawn (the report's serif at 9 pt or more on paper,
whole labels, split across pictures rather than shrunk)."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pdfplumber
import pytest
from PySide6.QtGui import QImage

from kh65_desktop.charts.paper import (
    MAX_HEIGHT_MM,
    PRINT_WIDTH_MM,
    render_report_chart,
    report_font_family,
)
from kh65_desktop.domain.progress import months_between
from kh65_desktop.domain.text import fold
from kh65_desktop.services.plan_service import UNASSIGNED, PlanService
from kh65_desktop.services.report_chart import report_chart

MM = 72 / 25.4  # PDF points per millimetre


def test_one_entry_per_indicator_with_a_value_measuring_the_tables_percent(
    service: PlanService,
) -> None:
    rows = service.indicator_rows()
    chart = report_chart(rows, by_agency=True)
    codes = [e.code for e in chart.entries]
    assert len(codes) == len(set(codes))  # II.6 is led by two agencies: its bars once each
    assert codes == [r.code for r in rows if r.latest is not None]  # every one with a value
    assert set(chart.missing) == {r.code for r in rows if r.latest is None}
    headings = [s.heading for s in chart.sections]
    assert "Sở Tài chính, Cục Thuế tỉnh" in headings  # both leads, one heading
    assert headings[0] == next(r.group_heading for r in rows if r.code == "I.1")
    assert not any(fold(h) == fold(UNASSIGNED) for h in headings)
    by_code = {r.code: r for r in rows}
    for entry in chart.entries:
        computed = by_code[entry.code].progress.percent_of_plan
        if computed is not None:  # the table's "% KH"
            assert entry.percent == computed and not entry.stated
    # no computed % KH: the document's stated one, said to be stated
    jobs = next(e for e in chart.entries if e.code == "I.3")
    assert jobs.stated and jobs.percent == 86.2 and "văn bản" in jobs.text
    # a result in words is in the chart as words
    words = next(e for e in chart.entries if e.code == "II.4.4")
    assert words.percent is None and words.text == "Đã hoàn thành 08/08 tiêu chí"
    # an amount has a tick where it should be by now; a rate does not (% KH of a rate is no pace)
    # where it should be by the 14/6/2024 cut-off (5,47 of 12 months), not by 30/6
    by_cutoff = months_between(date(2024, 1, 1), date(2024, 6, 14)) / 12 * 100
    assert next(e for e in chart.entries if e.code == "II.3.2").expected == pytest.approx(by_cutoff)
    assert next(e for e in chart.entries if e.code == "II.1.1").expected is None


def test_the_printed_chart_is_split_into_pictures_in_the_reports_font(
    service: PlanService, tmp_path: Path
) -> None:
    rows = service.indicator_rows()
    chart = report_chart(rows, by_agency=True)
    pages = render_report_chart(rows, tmp_path / "tien-do.png", by_agency=True)
    assert report_font_family() in ("Liberation Serif", "Times New Roman")  # reports/fonts.py
    assert len(pages) >= 2  # 37 indicators do not fit one page at 10 pt
    drawn = [code for page in pages for code in page.codes]
    assert drawn == [e.code for e in chart.entries]  # each indicator once, none left out
    for page in pages:
        image = QImage(str(page.path))
        assert (image.width(), image.height()) == (page.width_px, page.height_px)
        px_per_mm = image.width() / PRINT_WIDTH_MM
        assert image.height() / px_per_mm <= MAX_HEIGHT_MM  # printed whole, not shrunk
        assert {t.family for t in page.texts} == {report_font_family()}
        assert min(t.point_size for t in page.texts) >= 9
        assert all(t.width_mm <= t.room_mm + 1e-6 for t in page.texts if t.role != "tick")
    texts = [t for page in pages for t in page.texts]
    labels = [t for t in texts if t.role == "label"]
    assert min(t.point_size for t in labels) >= 10
    # every label whole: its lines, read in order, are the indicator's code and full name
    joined = " ".join(t.text for t in labels)
    for row in rows:
        if row.latest is not None:
            assert f"{row.code} {' '.join(row.name.split())}" in joined
    headings = [t.text for t in texts if t.role == "heading"]
    assert not any("CHƯA PHÂN CÔNG" in h.upper() for h in headings)
    assert any(h.endswith("(tiếp theo)") for h in headings)  # a section carried over
    assert any("% kế hoạch năm" in t.text for t in texts if t.role == "axis")
    assert any("II.9.3" in t.text for t in texts if t.role == "note")  # no value: named


def test_a_report_prints_each_chart_picture_at_full_width(tmp_path: Path) -> None:
    out = tmp_path / "tinh.pdf"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "kh65_desktop",
            "--db",
            str(tmp_path / "kh65.db"),
            "report",
            "--charts",
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=180,
    )
    assert run.returncode == 0, run.stderr
    with pdfplumber.open(out) as pdf:
        images = [i for page in pdf.pages for i in page.images]
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    assert len(images) >= 2
    for image in images:
        width, height = image["x1"] - image["x0"], image["bottom"] - image["top"]
        assert width == pytest.approx(PRINT_WIDTH_MM * MM, abs=0.5)  # not shrunk to fit
        src_w, src_h = image["srcsize"]
        assert height == pytest.approx(width * src_h / src_w, rel=0.01)
    assert "Biểu đồ tiến độ thực hiện các chỉ tiêu (tiếp theo)" in text
