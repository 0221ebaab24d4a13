"""The `kh65` command on a new database: indicators, checks and the summary."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest


def kh65(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kh65_desktop", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


@pytest.fixture(scope="module")
def new_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cli") / "NEW.db"


def test_indicators_json_lists_every_indicator_with_the_documents_figures(new_db: Path) -> None:
    result = kh65("--db", str(new_db), "indicators", "--json")
    assert result.returncode == 0, result.stderr
    rows = {r["code"]: r for r in json.loads(result.stdout)}
    assert len(rows) == 45
    tax = rows["II.6.1"]
    assert tax["name"] == "Thu nội địa" and tax["unit"] == "tỷ đồng"
    assert tax["lead_agency"] == "Sở Tài chính, Cục Thuế tỉnh"
    assert (tax["kind"], tax["direction"]) == ("accumulating", "higher")
    assert tax["target"]["value"] == 6220
    assert tax["latest"]["value"] == 3300
    assert tax["latest"]["period"]["name"] == "6 tháng đầu năm 2024"
    assert tax["percent_of_plan"] == pytest.approx(53.0547, abs=1e-4)
    assert tax["remaining"] == 2920  # computed
    assert tax["stated_remaining"] == 2640  # what the document says
    forest = rows["II.4.5"]
    assert forest["latest"]["estimate"] is True and forest["kind"] == "level"
    assert rows["II.9.3"]["target"] == {
        "form": "ceiling",
        "value": 2.0,
        "strict": True,
        "share": None,
        "text": "dưới 2%",
    }
    assert rows["II.9.3"]["direction"] == "lower"
    assert rows["II.3.2"]["latest"]["as_of"] == "2024-06-14"


def test_check_json_names_the_real_disagreements_only(new_db: Path) -> None:
    result = kh65("--db", str(new_db), "check", "--json")
    assert result.returncode == 0, result.stderr
    findings = {
        (f["indicator_code"], f["check"], f["stated"]): f for f in json.loads(result.stdout)
    }
    assert set(findings) == {
        ("II.6.1", "percent_of_plan", 53.03),  # 3.300 / 6.220 is 53,05%
        ("II.6.1", "remaining", 2640),  # 6.220 - 3.300 is 2.920
        ("II.9.5", "percent_of_plan", 27.33),  # 28.594 / 101.021 is 28,31%
        ("II.6.2", "percent_of_plan", 69.19),  # 892 / 1.289 is 69,20%
        ("II.5.2", "remaining", 28597),  # 59.348 - 30.750 is 28.598
    }
    assert findings[("II.6.1", "remaining", 2640)]["severity"] == "high"
    assert findings[("II.9.5", "percent_of_plan", 27.33)]["severity"] == "high"
    assert findings[("II.6.1", "percent_of_plan", 53.03)]["severity"] == "medium"
    assert findings[("II.6.2", "percent_of_plan", 69.19)]["severity"] == "low"
    assert findings[("II.6.1", "remaining", 2640)]["computed"] == 2920
    assert "2.920" in findings[("II.6.1", "remaining", 2640)]["message"]


def test_summary_in_vietnamese_formats(new_db: Path) -> None:
    result = kh65("--db", str(new_db), "summary")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Bảo hiểm xã hội tỉnh (3 chỉ tiêu)" in out
    assert "Thực hiện: 3.300 tỷ đồng (6 tháng đầu năm 2024)" in out
    assert "Đạt 53,05% kế hoạch" in out and "Còn lại: 2.920 tỷ đồng" in out
    assert "Thực hiện: ước 4,1% (6 tháng đầu năm 2024)" in out


def test_a_file_that_is_not_a_database_gets_a_message(tmp_path: Path) -> None:
    bad = tmp_path / "not.db"
    bad.write_bytes(("đây không phải cơ sở dữ liệu " * 200).encode("utf-8"))
    before = bad.read_bytes()
    result = kh65("--db", str(bad), "summary")
    assert result.returncode == 2
    assert result.stderr.startswith("Lỗi: Tệp") and "không phải là cơ sở dữ liệu" in result.stderr
    assert "Traceback" not in result.stderr
    assert bad.read_bytes() == before  # the clerk's file is left as it was
