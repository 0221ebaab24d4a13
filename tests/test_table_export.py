"""“Xuất bảng…” and `kh65 indicators --out`: one table, figures as numbers, said where."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton

from kh65_desktop.services.indicator_table import INDICATOR_COLUMNS
from kh65_desktop.ui import prompts

from .test_cli import kh65
from .ui_helpers import open_window


def _rows(path: Path) -> dict[str, list]:
    sheet = openpyxl.load_workbook(path).active
    return {row[0].value: list(row) for row in sheet.iter_rows(min_row=2)}


def test_the_command_line_writes_figures_as_numbers(tmp_path: Path) -> None:
    out = tmp_path / "chi-tieu.xlsx"
    result = kh65("--db", str(tmp_path / "kh65.db"), "indicators", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert str(out) in result.stdout
    sheet = openpyxl.load_workbook(out).active
    assert [c.value for c in sheet[1]] == [c.title for c in INDICATOR_COLUMNS]
    revenue = _rows(out)["II.6.1"]  # Thu nội địa: 3.300 of 6.220 tỷ đồng
    target, value, percent, remaining = revenue[4], revenue[5], revenue[8], revenue[9]
    assert (target.value, target.number_format) == (6220, "#,##0")
    assert (value.value, value.number_format) == (3300, "#,##0")
    assert percent.value == pytest.approx(3300 / 6220) and percent.number_format == "#,##0.00%"
    assert (remaining.value, remaining.number_format) == (2920, "#,##0")
    retail = _rows(out)["II.5.2"]  # an estimate keeps its “ước” before a real number
    assert retail[5].value == 30750 and retail[5].number_format == '"ước "#,##0'
    growth = _rows(out)["I.1"]  # 10,27 of a target the document writes "8,50%"
    assert (growth[5].value, growth[5].number_format) == (10.27, "#,##0.00")
    assert (growth[4].value, growth[4].number_format) == (8.5, "#,##0.00")
    assert (growth[6].value, growth[6].number_format) == (5.74, "#,##0.00")  # cùng kỳ
    assert _rows(out)["II.4.2"][4].value == "tăng thêm 05 xã"  # a change stays in words
    # wide enough: the longest indicator name needs the widest column allowed
    assert sheet.column_dimensions["B"].width == 60
    assert sheet.column_dimensions["A"].width >= len("II.10.1")
    assert sheet.column_dimensions["I"].width >= len("120,82%")


def test_the_command_line_writes_csv_as_the_screen_shows_it(tmp_path: Path) -> None:
    out = tmp_path / "chi-tieu.csv"
    result = kh65("--db", str(tmp_path / "kh65.db"), "indicators", "--out", str(out))
    assert result.returncode == 0, result.stderr
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with a BOM: Excel keeps the diacritics
    lines = raw.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Mã,Chỉ tiêu,Đơn vị tính")
    revenue = next(line for line in lines if line.startswith("II.6.1,"))
    assert revenue.endswith(',6.220,3.300,,6 tháng đầu năm 2024,"53,05%",2.920,Đúng tiến độ')


def test_the_command_line_refuses_a_file_it_cannot_write(tmp_path: Path) -> None:
    db = str(tmp_path / "kh65.db")
    wrong = kh65("--db", db, "indicators", "--out", str(tmp_path / "chi-tieu.pdf"))
    assert wrong.returncode == 2 and "đuôi .xlsx hoặc .csv" in wrong.stderr
    missing = tmp_path / "khong-co" / "chi-tieu.xlsx"
    nowhere = kh65("--db", db, "indicators", "--out", str(missing))
    assert nowhere.returncode == 2
    assert "thư mục không tồn tại" in nowhere.stderr and "Traceback" not in nowhere.stderr
    assert not missing.parent.exists()


def test_the_window_and_the_command_line_write_the_same_table(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    shown = tmp_path / "tu-cua-so.xlsx"
    monkeypatch.setattr(prompts, "save_file", lambda *args: shown)
    window.indicators.findChild(QPushButton, "exportTable").click()
    window.context.engine.dispose()
    from_cli = tmp_path / "tu-dong-lenh.xlsx"
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    result = kh65("--db", str(db_path), "indicators", "--out", str(from_cli))
    assert result.returncode == 0, result.stderr
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before  # only read

    def cells(path: Path) -> list[list[tuple]]:
        sheet = openpyxl.load_workbook(path).active
        return [[(c.value, c.number_format) for c in row] for row in sheet.iter_rows()]

    assert cells(shown) == cells(from_cli)
    assert len(cells(shown)) == 1 + window.indicators.proxy.rowCount()


def test_the_window_says_where_it_saved(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    tab = window.tasks
    out = tmp_path / "Nhiệm vụ của tôi" / "nhiem-vu.xlsx"
    out.parent.mkdir()
    offered: list[str] = []
    monkeypatch.setattr(prompts, "save_file", lambda _p, _t, name, _f: offered.append(name) or out)
    window.tabs.setCurrentWidget(tab)
    tab.agency.setCurrentIndex(tab.agency.findText("Sở Tài chính"))
    tab.findChild(QPushButton, "exportTable").click()
    assert offered == ["nhiem-vu-So-Tai-chinh.xlsx"]
    box = tab.findChild(QMessageBox, "tableSaved")
    assert box is not None and box.isVisible()
    assert str(out) in box.text()
    assert "Mở thư mục" in [b.text() for b in box.buttons()]
    assert out.exists()


def test_a_formula_in_a_name_stays_text_in_both_files(tmp_path: Path) -> None:
    db = tmp_path / "kh65.db"
    assert kh65("--db", str(db), "indicators", "--json").returncode == 0  # created
    with sqlite3.connect(db) as connection:
        connection.execute(
            "UPDATE indicator SET name = '=HYPERLINK(\"http://x\",\"bấm\")' WHERE code = 'II.6.1'"
        )
    xlsx, csv = tmp_path / "ct.xlsx", tmp_path / "ct.csv"
    assert kh65("--db", str(db), "indicators", "--out", str(xlsx)).returncode == 0
    assert kh65("--db", str(db), "indicators", "--out", str(csv)).returncode == 0
    name = _rows(xlsx)["II.6.1"][1]
    assert name.data_type == "s" and name.value.startswith("=HYPERLINK")
    line = next(x for x in csv.read_text("utf-8-sig").splitlines() if x.startswith("II.6.1,"))
    assert line.startswith("II.6.1,\"'=HYPERLINK(")
