"""`kh65 status`, `approve`, `return`, `reopen`: the table, the decisions, the refusals."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from kh65_desktop import cli
from kh65_desktop.cli import main


@pytest.fixture(autouse=True)
def no_log_file(monkeypatch: pytest.MonkeyPatch) -> None:
    """main() in this process: its log file handler would stay on the root logger (and
    write to the user's log) for every later test."""
    monkeypatch.setattr(cli, "configure_logging", lambda: None)


def run(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


def reviews(db: Path) -> list[tuple]:
    with sqlite3.connect(db) as connection:
        return connection.execute(
            "SELECT agency_id IS NOT NULL, state, comment, decided_by FROM submission_review "
            "ORDER BY id"
        ).fetchall()


def test_status_table_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "kh65.db"
    code, out, err = run(capsys, db, "status", "--period", "6 thang dau nam 2024")
    assert code == 0, err
    assert out.startswith("Tình hình báo cáo kỳ 6 tháng đầu năm 2024: hạn nộp 18/6/2024")
    assert "- Cục Thống kê tỉnh: đã gửi, 1/1 số liệu" in out
    code, out, err = run(capsys, db, "status", "--due", "20/6/2024", "--json")
    assert code == 0, err
    table = json.loads(out[out.index("{") :])
    assert table["due_on"] == "2024-06-20"
    ctk = next(u for u in table["units"] if u["code"] == "CTK")
    assert (ctk["kind"], ctk["expected"], ctk["received"], ctk["state"]) == (
        "agency",
        1,
        1,
        "đã gửi",
    )
    assert {"due_on", "days_left", "late", "last_package", "comment"} <= set(ctk)
    # the not-reported list as a file
    code, out, err = run(capsys, db, "status", "--not-reported", str(tmp_path / "nhac.txt"))
    assert code == 0, err
    listed = (tmp_path / "nhac.txt").read_text(encoding="utf-8")
    assert "Báo Trà Vinh" in listed and "Cục Thống kê" not in listed
    # a bad date or period is refused
    code, _, err = run(capsys, db, "status", "--due", "31/2/2024")
    assert code == 2 and err.startswith("Lỗi: --due")
    code, _, err = run(capsys, db, "status", "--period", "Quý 5")
    assert code == 2 and "Không có kỳ báo cáo “Quý 5”" in err


def test_a_bad_not_reported_file_or_period_code_case(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "kh65.db"
    code, out, err = run(capsys, db, "status", "--period", "2024-h1")  # the code, typed lower
    assert code == 0, err
    assert out.startswith("Tình hình báo cáo kỳ 6 tháng đầu năm 2024")
    missing = tmp_path / "khong-co" / "nhac.xlsx"
    code, _, err = run(capsys, db, "status", "--not-reported", str(missing))
    assert code == 2
    assert err.startswith(f"Lỗi: Không ghi được tệp {missing}: thư mục không tồn tại")
    assert "cơ sở dữ liệu" not in err  # the database is fine: the folder is wrong
    code, _, err = run(capsys, db, "status", "--not-reported", str(tmp_path / "nhac.pdf"))
    assert code == 2 and "không phải tệp .xlsx, .csv hay .txt" in err
    assert not (tmp_path / "nhac.pdf").exists()


def test_approve_return_reopen_and_refusals(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "kh65.db"
    code, out, err = run(capsys, db, "approve", "--agency", "CTK", "--period", "2024-H1")
    assert (code, err) == (0, "")
    assert "Đã duyệt và khóa" in out and "Cục Thống kê tỉnh" in out
    code, _, err = run(capsys, db, "approve", "--agency", "CTK", "--period", "2024-H1")
    assert code == 2 and "đã được Dòng lệnh duyệt" in err
    # a locked figure cannot be returned before it is reopened, nor reopened without a reason
    code, _, err = run(
        capsys, db, "return", "--agency", "CTK", "--period", "2024-H1", "--comment", "Sai"
    )
    assert code == 2 and "mở lại" in err
    code, _, err = run(
        capsys, db, "reopen", "--agency", "CTK", "--period", "2024-H1", "--reason", " "
    )
    assert code == 2 and "Chưa ghi lý do" in err
    code, out, err = run(
        capsys,
        db,
        "reopen",
        "--agency",
        "Cục Thống kê",
        "--period",
        "2024-H1",
        "--reason",
        "Cục gửi số chính thức",
        "--by",
        "Trần Thị Duyệt",
    )
    assert code == 0, err
    code, out, err = run(
        capsys,
        db,
        "return",
        "--locality",
        "Trà Cú",
        "--period",
        "2024-H1",
        "--comment",
        "Thiếu số liệu tháng 6",
    )
    assert code == 0, err
    assert reviews(db) == [
        (1, "approved", "", "Dòng lệnh"),
        (1, "reopened", "Cục gửi số chính thức", "Trần Thị Duyệt"),
        (0, "returned", "Thiếu số liệu tháng 6", "Dòng lệnh"),
    ]
    code, out, _ = run(capsys, db, "status", "--log")  # who, when, what, why
    lines = out.splitlines()
    assert len(lines) == 3 and "Dòng lệnh đã duyệt Cục Thống kê tỉnh, kỳ 6 tháng" in lines[0]
    assert lines[1].endswith(
        "Trần Thị Duyệt mở lại Cục Thống kê tỉnh, kỳ 6 tháng đầu năm 2024: Cục gửi số chính thức"
    )
    code, out, _ = run(capsys, db, "status")
    assert "- Huyện Trà Cú: trả lại, 1/1 số liệu" in out and "Thiếu số liệu tháng 6" in out
    # unknown names: refused with the close matches, nothing written
    code, _, err = run(capsys, db, "approve", "--agency", "Cuc Thue tinhh", "--period", "2024-H1")
    assert code == 2 and "Có phải: Cục Thuế tỉnh" in err
    code, _, err = run(capsys, db, "approve", "--locality", "Tra Cuu", "--period", "2024-H1")
    assert code == 2 and "Huyện Trà Cú" in err
    assert len(reviews(db)) == 3
