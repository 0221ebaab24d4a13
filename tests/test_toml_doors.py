"""Hostile bytes at every TOML door (`kh65 reorg apply`, `kh65 plan load`, `kh65 report
--sections`): refused with exit code 2, a Vietnamese message naming the line, no traceback,
and the database exactly as it was."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kh65_desktop import cli
from kh65_desktop.cli import main


@pytest.fixture(autouse=True)
def no_log_file(monkeypatch: pytest.MonkeyPatch) -> None:
    """cli.main in this process: no log handler left behind for later tests."""
    monkeypatch.setattr(cli, "configure_logging", lambda: None)


def dump(db_path: Path) -> dict[str, list[tuple]]:
    with sqlite3.connect(db_path) as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: sorted(db.execute(f'SELECT * FROM "{t}"'), key=repr) for t in tables}


DOORS = {
    "reorg": lambda file, out: ["reorg", "apply", str(file)],
    "plan": lambda file, out: ["plan", "load", str(file)],
    "sections": lambda file, out: [
        "report",
        "--agency",
        "STC",
        "--sections",
        str(file),
        "--out",
        str(out),
    ],
}
BAD = {
    # Windows' "ANSI" code page, as a clerk's Notepad may save: the 3rd line is not UTF-8
    "ansi": (
        'a = 1\nb = 2\nc = "Nguyên"\n'.encode("cp1258"),
        "dòng 3: tệp không phải văn bản UTF-8",
    ),
    "utf16": ('a = "x"\n'.encode("utf-16"), "dòng 1: tệp không phải văn bản UTF-8"),
    # a bomb: brackets nested past Python's recursion limit
    "nested": (b"x = " + b"[" * 5000 + b"]" * 5000 + b"\n", "lồng nhau quá sâu"),
    "inline": (b"x = " + b"{a = " * 3000 + b"1" + b"}" * 3000 + b"\n", "lồng nhau quá sâu"),
    "syntax": (b"a = 1\nb = = 2\n", "dòng 2: không đúng cú pháp TOML"),
    "no-such-day": (
        b"a = 1\non = 2026-02-31\n",
        "dòng 2: không đúng cú pháp TOML (ở cột 6): ngày không có thật",
    ),
}


@pytest.mark.parametrize("door", DOORS)
@pytest.mark.parametrize("bad", BAD)
def test_a_file_that_is_not_toml_text_is_refused_by_its_line(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], door: str, bad: str
) -> None:
    assert main(["--db", str(db_path), "plan", "list"]) == 0  # the database made and seeded
    before = dump(db_path)
    capsys.readouterr()
    raw, says = BAD[bad]
    file, out = tmp_path / "tep.toml", tmp_path / "bao-cao.pdf"
    file.write_bytes(raw)
    assert main(["--db", str(db_path), *DOORS[door](file, out)]) == 2
    error = capsys.readouterr().err
    assert says in error and "tep.toml" in error, error
    assert "Error" not in error and "line" not in error  # no English from tomllib
    assert dump(db_path) == before
    assert not out.exists()


@pytest.mark.parametrize("door", ["reorg", "plan"])
def test_a_huge_file_is_refused_before_it_is_parsed(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], door: str
) -> None:
    assert main(["--db", str(db_path), "plan", "list"]) == 0
    before = dump(db_path)
    capsys.readouterr()
    file = tmp_path / "to.toml"
    file.write_bytes(b'a = """' + b"x" * (10 * 1024 * 1024) + b'"""\n')
    assert main(["--db", str(db_path), *DOORS[door](file, tmp_path / "o.pdf")]) == 2
    assert "lớn hơn" in capsys.readouterr().err
    assert dump(db_path) == before


READ_PLAN = Path(__file__).parent / "fixtures" / "plan_variants" / "soc-trang-2023.txt"
HAND_TYPOS = {
    # (what the clerk changed, in the file `kh65 plan read` wrote) -> what the refusal says
    "kind": (
        ('kind = "accumulating"', 'kind = "acumulating"'),
        "chỉ tiêu 1.1: kind = “acumulating” không hợp lệ; chỉ được ghi một trong: "
        "“accumulating”, “level”, “qualitative”.",
    ),
    "form": (('form = "value"', 'form = "gia tri"'), "chỉ tiêu 1.1: form = “gia tri”"),
    "stated": (
        ('kind = "percent_of_plan"', 'kind = "phan tram"'),
        "chỉ tiêu 1.1: kind = “phan tram” không hợp lệ",
    ),
    "same-code": (
        ('code = "1.2"', 'code = "1.1"'),
        "chỉ tiêu 1.1: mã chỉ tiêu này đã dùng cho một chỉ tiêu khác trong tệp.",
    ),
}


@pytest.mark.parametrize("typo", HAND_TYPOS)
def test_a_read_plan_file_edited_by_hand_with_a_typo_is_refused_by_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], typo: str
) -> None:
    db = tmp_path / "kh65.db"
    written = tmp_path / "doc.toml"
    assert main(["--db", str(db), "plan", "read", str(READ_PLAN), "--out", str(written)]) == 0
    (old, new), said = HAND_TYPOS[typo]
    text = written.read_text(encoding="utf-8")
    assert old in text
    written.write_text(text.replace(old, new, 1), encoding="utf-8")
    capsys.readouterr()
    before = dump(db)
    assert main(["--db", str(db), "plan", "load", str(written)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Lỗi: doc.toml, ") and said in err and "Traceback" not in err
    assert dump(db) == before
