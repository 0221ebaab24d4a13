"""The report dialog: variable parts prefilled and remembered per agency; save, preview, print."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from docx import Document
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QPushButton

from kh65_desktop.ui import prompts
from kh65_desktop.ui.printing import print_pdf

from .ui_helpers import open_window


def _choose_agency(dialog, name: str) -> None:
    dialog.kind.setCurrentIndex(0)
    dialog.agency.setCurrentIndex(dialog.agency.findText(name))


def test_save_a_pdf_from_the_dialog(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    dialog = window.open_report()
    _choose_agency(dialog, "Sở Tài chính")
    assert dialog.fields["symbol"].text() == "BC-STC"
    assert dialog.fields["issuing_body"].text() == "SỞ TÀI CHÍNH"
    assert dialog.fields["recipients"].toPlainText() == "Sở Kế hoạch và Đầu tư"
    dialog.number.setText("21")
    dialog.fields["signer_name"].setText("Phạm Minh Tâm")
    dialog.charts.setChecked(True)
    out = tmp_path / "stc.pdf"
    monkeypatch.setattr(prompts, "save_file", lambda *args: out)
    dialog.findChild(QPushButton, "savePdf").click()
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Đã lưu"), timeout=20000)
    with pdfplumber.open(out) as pdf:
        text = "\n".join(p.extract_text() for p in pdf.pages)
        assert any(p.images for p in pdf.pages)  # the chart
    assert "Số: 21/BC-STC" in text and "Phạm Minh Tâm" in text and "Thu nội địa" in text

    again = window.open_report()  # remembered for this agency, not for others
    _choose_agency(again, "Sở Tài chính")
    assert again.fields["signer_name"].text() == "Phạm Minh Tâm"
    _choose_agency(again, "Sở Y tế")
    assert again.fields["signer_name"].text() == ""


def test_word_copy_from_the_dialog(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    dialog = window.open_report()
    dialog.kind.setCurrentIndex(2)  # by district
    out = tmp_path / "dia-ban.docx"
    monkeypatch.setattr(prompts, "save_file", lambda *args: out)
    dialog.findChild(QPushButton, "saveDocx").click()
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Đã lưu"), timeout=20000)
    rows = [[c.text for c in r.cells] for r in Document(str(out)).tables[1].rows]
    assert rows[-1][1:5] == ["Tổng cộng toàn tỉnh", "520", "232", "44,62"]


def test_preview_and_print_the_saved_pdf(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    dialog = window.open_report()
    _choose_agency(dialog, "Bảo hiểm xã hội tỉnh")
    shown = []
    monkeypatch.setattr(prompts, "run_dialog", lambda d: shown.append(d) or False)
    dialog.findChild(QPushButton, "preview").click()
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    assert shown[0].windowTitle() == "Xem trước bản in"
    printed = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    printer.setResolution(150)
    source = next(
        Path(p) for p in Path(dialog.status.text().split(": ", 1)[1]).parent.glob("*.pdf")
    )
    pages = print_pdf(printer, source)
    with pdfplumber.open(source) as original, pdfplumber.open(printed) as copy:
        assert pages == len(original.pages) == len(copy.pages)
        width, height = copy.pages[0].width, copy.pages[0].height
    assert (round(width), round(height)) == (595, 842)  # A4
