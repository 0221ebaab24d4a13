"""`kh65 --plan CODE …` and `kh65 plan list|new|load` on a database with two plans."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pdfplumber
import pytest

from .test_cli import kh65

PLAN_65 = "65/KH-UBND/2024"
NEXT = "9/KH-UBND/2026"


def fingerprint(db_path: Path) -> str:
    with sqlite3.connect(db_path) as db:
        return hashlib.sha256("\n".join(db.iterdump()).encode()).hexdigest()


@pytest.fixture(scope="module")
def two_plans(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("plans") / "kh65.db"
    made = kh65(
        "--db",
        str(db),
        "plan",
        "new",
        "--from",
        PLAN_65,
        "--year",
        "2026",
        "--number",
        "9/KH-UBND",
        "--code",
        NEXT,
        "--issued-on",
        "15/01/2026",
    )
    assert made.returncode == 0, made.stderr
    assert f"Đã tạo kế hoạch {NEXT}" in made.stdout and "45 chỉ tiêu" in made.stdout
    # plan 65 has no 2025 periods: a 2026 plan gets no cùng kỳ, and no "0 …" clause says so
    assert "cùng kỳ" not in made.stdout and " 0 " not in made.stdout
    return db


def test_plan_list_json_names_both_plans_newest_first(two_plans: Path) -> None:
    result = kh65("--db", str(two_plans), "plan", "list", "--json")
    assert result.returncode == 0, result.stderr
    listed = json.loads(result.stdout)
    assert [(p["code"], p["number"], p["year"], p["default"]) for p in listed] == [
        (NEXT, "9/KH-UBND", 2026, True),
        (PLAN_65, "65/KH-UBND", 2024, False),
    ]
    assert listed[0]["issued_on"] == "2026-01-15"
    assert listed[1]["issuing_body"] == "Ủy ban nhân dân tỉnh Trà Vinh"
    plain = kh65("--db", str(two_plans), "plan", "list")
    assert f"{NEXT} (mặc định)" in plain.stdout and "ngày 04/7/2024" in plain.stdout


def test_summary_of_each_plan(two_plans: Path) -> None:
    old = kh65("--db", str(two_plans), "--plan", PLAN_65, "summary")
    new = kh65("--db", str(two_plans), "--plan", NEXT, "summary")
    default = kh65("--db", str(two_plans), "summary")
    assert old.returncode == new.returncode == 0, old.stderr + new.stderr
    assert old.stdout.startswith("Kế hoạch số 65/KH-UBND")
    assert new.stdout.startswith("Kế hoạch số 9/KH-UBND") and default.stdout == new.stdout
    assert "Thực hiện: 3.300 tỷ đồng (6 tháng đầu năm 2024)" in old.stdout
    assert "3.300" not in new.stdout and "Thực hiện: chưa có số liệu" in new.stdout
    rows = json.loads(
        kh65("--db", str(two_plans), "--plan", PLAN_65, "indicators", "--json").stdout
    )
    assert next(r for r in rows if r["code"] == "II.6.1")["target"]["value"] == 6220


def test_report_of_each_plan(two_plans: Path, tmp_path: Path) -> None:
    texts = {}
    for code in (PLAN_65, NEXT):
        out = tmp_path / f"{code.replace('/', '-')}.pdf"
        result = kh65(
            "--db", str(two_plans), "--plan", code, "report", "--agency", "STC", "--out", str(out)
        )
        assert result.returncode == 0, result.stderr
        with pdfplumber.open(out) as pdf:
            texts[code] = "\n".join(page.extract_text() or "" for page in pdf.pages)
    old, new = texts[PLAN_65], texts[NEXT]
    assert "6 tháng đầu năm 2024" in old and "3.300" in old and "65/KH-UBND" in old
    assert "9/KH-UBND" in new and "năm 2026" in new.lower()  # its latest period: Năm 2026
    assert "65/KH-UBND" not in new and "3.300" not in new and "6 tháng đầu năm 2024" not in new


def test_refusals_say_why_and_write_nothing(two_plans: Path) -> None:
    before = fingerprint(two_plans)
    unknown = kh65("--db", str(two_plans), "--plan", "66/KH-UBND/2024", "summary")
    assert unknown.returncode == 2 and unknown.stdout == ""
    assert "Không có kế hoạch mã “66/KH-UBND/2024”" in unknown.stderr
    assert PLAN_65 in unknown.stderr and NEXT in unknown.stderr
    again = kh65(
        "--db",
        str(two_plans),
        "plan",
        "new",
        "--from",
        PLAN_65,
        "--year",
        "2026",
        "--number",
        "9/KH-UBND",
        "--code",
        NEXT,
    )
    assert again.returncode == 2 and "đã có trong cơ sở dữ liệu" in again.stderr
    backwards = kh65(
        "--db",
        str(two_plans),
        "plan",
        "new",
        "--from",
        NEXT,
        "--year",
        "2025",
        "--number",
        "1/KH",
        "--code",
        "1/KH/2025",
    )
    assert backwards.returncode == 2 and "phải sau năm" in backwards.stderr
    bad_date = kh65(
        "--db",
        str(two_plans),
        "plan",
        "new",
        "--year",
        "2027",
        "--number",
        "1/KH",
        "--code",
        "1/KH/2027",
        "--issued-on",
        "31/02/2027",
    )
    assert bad_date.returncode == 2 and "không có trong lịch" in bad_date.stderr
    assert "Traceback" not in unknown.stderr + again.stderr + backwards.stderr + bad_date.stderr
    assert fingerprint(two_plans) == before


def test_plan_load_adds_a_plan_from_its_file(tmp_path: Path) -> None:
    source = Path(__file__).parent.parent / "resources" / "plans" / "kh65-2024.toml"
    text = source.read_text(encoding="utf-8").replace(
        'code = "65/KH-UBND/2024"', 'code = "80/KH-UBND/2025"'
    )
    later = tmp_path / "kh80.toml"
    later.write_text(text.replace('number = "65/KH-UBND"', 'number = "80/KH-UBND"'), "utf-8")
    db = tmp_path / "kh65.db"
    loaded = kh65("--db", str(db), "plan", "load", str(later))
    assert loaded.returncode == 0, loaded.stderr
    assert "Đã nạp kế hoạch 80/KH-UBND/2025 (số 80/KH-UBND, năm 2024)" in loaded.stdout
    listed = json.loads(kh65("--db", str(db), "plan", "list", "--json").stdout)
    assert {p["code"] for p in listed} == {PLAN_65, "80/KH-UBND/2025"}
    before = fingerprint(db)
    twice = kh65("--db", str(db), "plan", "load", str(later))
    assert twice.returncode == 2 and "đã có trong cơ sở dữ liệu" in twice.stderr
    assert fingerprint(db) == before
