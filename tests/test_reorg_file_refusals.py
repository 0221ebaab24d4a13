"""`kh65 reorg apply` given a careless or hostile file: each refused naming the row and the
fix, exit code 2, the database exactly as before (tests/test_reorg.py has the files' usual
mistakes; these are the ones that went through before)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kh65_desktop import cli
from kh65_desktop.cli import main

HEAD = 'format = "kh65-reorg"\nformat_version = 1\n[reorg]\ncode = "thu"\ntitle = "Thử"\n'
RENAME = '[[renames]]\nagency = "STC"\nname = "{name}"\non = {on}\ndecision = "QĐ 1"\n'
AGENCY = '[[agencies]]\ncode = "{code}"\nname = "Sở Mới"\nkind = "provincial"\n'


@pytest.fixture(autouse=True)
def no_log_file(monkeypatch: pytest.MonkeyPatch) -> None:
    """cli.main in this process: no log handler left behind for later tests."""
    monkeypatch.setattr(cli, "configure_logging", lambda: None)


def dump(db_path: Path) -> dict[str, list[tuple]]:
    with sqlite3.connect(db_path) as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: sorted(db.execute(f'SELECT * FROM "{t}"'), key=repr) for t in tables}


@pytest.mark.parametrize(
    ("body", "says"),
    [
        pytest.param(  # a typo: `valid_form` would have been dropped, the agency dated never
            AGENCY.format(code="SMOI") + "valid_form = 2025-03-01\n",
            "[[agencies]] số 1: không biết khóa “valid_form” (viết sai?)",
            id="unknown-key",
        ),
        pytest.param(
            HEAD.replace('title = "Thử"', 'title = "Thử"\nghi_chu = "x"'),
            "[reorg]: không biết khóa “ghi_chu”",
            id="unknown-key-in-head",
        ),
        pytest.param(
            AGENCY.format(code="S MOI"), "code “S MOI”: mã không được có khoảng trắng", id="space"
        ),
        pytest.param(AGENCY.format(code="S\\tMOI"), "khoảng trắng", id="tab"),
        pytest.param(AGENCY.format(code="S\\u0007MOI"), "mã có ký tự ẩn (U+0007)", id="bell"),
        pytest.param(AGENCY.format(code="S\\u202eMOI"), "mã có ký tự ẩn (U+202E)", id="rtl"),
        pytest.param(AGENCY.format(code="S" * 51), "tối đa 50", id="long"),
        pytest.param(
            RENAME.format(name="Sở Kế hoạch và Đầu tư", on="2024-03-01"),
            "là tên của cơ quan khác đang hoạt động (mã “SKHDT”)",
            id="name-of-another",
        ),
        pytest.param(
            RENAME.format(name="Sở A", on="1900-01-01"), "năm 1900 không thể là năm", id="1900"
        ),
        pytest.param(
            RENAME.format(name="Sở A", on="2200-01-01"), "năm 2200 không thể là năm", id="2200"
        ),
        pytest.param(
            RENAME.format(name="Sở A", on="2025-03-01T08:00:00"),
            "on phải là một ngày viết như 2025-03-01",
            id="datetime",
        ),
    ],
)
def test_a_careless_file_is_refused_and_nothing_written(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], body: str, says: str
) -> None:
    assert main(["--db", str(db_path), "plan", "list"]) == 0
    before = dump(db_path)
    capsys.readouterr()
    file = tmp_path / "sap-xep.toml"
    file.write_text(body if body.startswith("format") else HEAD + body, encoding="utf-8")
    assert main(["--db", str(db_path), "reorg", "apply", str(file)]) == 2
    error = capsys.readouterr().err
    assert says in error and "sap-xep.toml" in error, error
    assert dump(db_path) == before


@pytest.mark.parametrize("version", ["-5", "0", "true", '"1"'])
def test_a_format_version_that_is_not_one_is_refused(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], version: str
) -> None:
    file = tmp_path / "v.toml"
    file.write_text(HEAD.replace("format_version = 1", f"format_version = {version}"))
    assert main(["--db", str(db_path), "reorg", "apply", str(file)]) == 2
    assert "format_version phải là số phiên bản" in capsys.readouterr().err


def test_undo_of_a_number_that_is_no_reorganisation_lists_those_that_are(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reorg = Path(__file__).parent.parent / "resources" / "reorg" / "tra-vinh-2025.toml"
    assert main(["--db", str(db_path), "reorg", "apply", str(reorg)]) == 0
    before = dump(db_path)
    capsys.readouterr()
    for number in ("99", "0", "-1", "99999999999999999999999"):  # the last: past SQLite's
        assert main(["--db", str(db_path), "reorg", "undo", number]) == 2, number
        error = capsys.readouterr().err
        assert f"Không có lần sắp xếp số {number}." in error, error
        assert "Các lần có thể hoàn tác: số 1 (“tra-vinh-2025”)" in error
        assert dump(db_path) == before
    assert main(["--db", str(db_path), "reorg", "undo", "1"]) == 0
    capsys.readouterr()
    assert main(["--db", str(db_path), "reorg", "undo", "1"]) == 2
    assert "Lần sắp xếp số 1 (“tra-vinh-2025”) đã được hoàn tác ngày" in capsys.readouterr().err
