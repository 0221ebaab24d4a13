"""Plan codes at the doors that make or name a plan (`kh65 plan new`, `plan load`, `--plan`):
a code is one plan whatever its case or Unicode form, has no space or invisible character,
and a plan file's [plan] table is checked before anything is written."""

from __future__ import annotations

import sqlite3
import unicodedata
from pathlib import Path

import pytest

from kh65_desktop import cli
from kh65_desktop.cli import main

from .conftest import REPO

PLAN_FILE = REPO / "resources" / "plans" / "kh65-2024.toml"
SOURCE = "65/KH-UBND/2024"


@pytest.fixture(autouse=True)
def no_log_file(monkeypatch: pytest.MonkeyPatch) -> None:
    """cli.main in this process: no log handler left behind for later tests."""
    monkeypatch.setattr(cli, "configure_logging", lambda: None)


def dump(db_path: Path) -> dict[str, list[tuple]]:
    with sqlite3.connect(db_path) as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: sorted(db.execute(f'SELECT * FROM "{t}"'), key=repr) for t in tables}


def new_plan(db_path: Path, code: str, year: str) -> int:
    return main(
        ["--db", str(db_path), "plan", "new", "--from", SOURCE, "--year", year]
        + ["--number", "9/KH-UBND", "--code", code]
    )


@pytest.mark.parametrize(
    ("code", "says"),
    [
        ("65/kh-ubnd/2024", "đã có trong cơ sở dữ liệu (viết là “65/KH-UBND/2024”)"),
        ("9/KH UBND/2026", "mã không được có khoảng trắng"),
        ("9/KH\x07/2026", "mã có ký tự ẩn (U+0007)"),
        ("9/KH\u200b/2026", "mã có ký tự ẩn (U+200B)"),
        ("K" * 51, "tối đa 50"),
    ],
)
def test_plan_new_refuses_a_code_that_would_pass_for_another(
    db_path: Path, capsys: pytest.CaptureFixture[str], code: str, says: str
) -> None:
    assert main(["--db", str(db_path), "plan", "list"]) == 0
    before = dump(db_path)
    capsys.readouterr()
    assert new_plan(db_path, code, "2026") == 2
    assert says in capsys.readouterr().err
    assert dump(db_path) == before


def test_a_code_typed_decomposed_is_the_same_plan(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    nfd = unicodedata.normalize("NFD", "Kế-hoạch-2026")
    assert new_plan(db_path, nfd, "2026") == 0
    with sqlite3.connect(db_path) as db:  # stored as Windows types it
        assert ("Kế-hoạch-2026",) in db.execute("SELECT code FROM plan").fetchall()
    before = dump(db_path)
    capsys.readouterr()
    assert new_plan(db_path, "Kế-hoạch-2026", "2027") == 2
    assert "đã có trong cơ sở dữ liệu" in capsys.readouterr().err
    assert dump(db_path) == before
    # and --plan finds it typed either way, or in capitals
    for typed in (nfd, "KẾ-HOẠCH-2026"):
        assert main(["--db", str(db_path), "--plan", typed, "indicators", "--json"]) == 0
        assert "Kế-hoạch-2026" not in capsys.readouterr().err


def test_an_empty_plan_code_is_refused_not_taken_for_the_newest(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(db_path), "--plan", "", "summary"]) == 2
    error = capsys.readouterr().err
    assert "Mã kế hoạch để trống." in error and SOURCE in error


@pytest.mark.parametrize(
    ("old", "new", "says"),
    [
        (f'code = "{SOURCE}"', 'code = "65/kh-ubnd/2024"', "kế hoạch 65/KH-UBND/2024 đã có"),
        (f'code = "{SOURCE}"', 'code = "65/KH\\u0007/2024"', "mã có ký tự ẩn (U+0007)"),
        (f'code = "{SOURCE}"', 'code = "X/2099"\nghi_chu = "a"', "không biết khóa “ghi_chu”"),
        ("year = 2024", 'year = "2024"', "year phải là một số nguyên"),
        ("issued_on = 2024-07-04", 'issued_on = "04/7/2024"', "issued_on phải là một ngày"),
        ("[plan]", "[kehoach]", "thiếu phần [plan]"),
        ("format_version = 1", 'format_version = "1"', "format_version phải là số"),
    ],
)
def test_plan_load_checks_the_plan_table_first(
    db_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    old: str,
    new: str,
    says: str,
) -> None:
    assert main(["--db", str(db_path), "plan", "list"]) == 0
    before = dump(db_path)
    capsys.readouterr()
    text = PLAN_FILE.read_text(encoding="utf-8")
    assert old in text
    file = tmp_path / "ke-hoach.toml"
    file.write_text(text.replace(old, new, 1), encoding="utf-8")
    assert main(["--db", str(db_path), "plan", "load", str(file)]) == 2
    error = capsys.readouterr().err
    assert says in error and "ke-hoach.toml" in error, error
    assert dump(db_path) == before
