"""A locality list loaded from CSV or Excel: 124 communes, refusals naming the row with the
database unchanged, undo, and which localities each plan is broken down by."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlmodel import Session, select

from kh65_desktop.exchange.data import ExchangeError
from kh65_desktop.services.localities import load, localities_on, undo_load
from kh65_desktop.services.plan_service import PlanService
from kh65_desktop.storage.locality_file import read_locality_file
from kh65_desktop.storage.models import Locality, LocalitySuccession, ReorgLog

from .locality_lists import (
    DISTRICT_ENDED,
    add_plan_2026,
    commune_rows,
    indicator_of,
    write_csv,
    write_xlsx,
)

DISTRICTS = 9


def dump(db_path: Path) -> list[str]:
    with sqlite3.connect(db_path) as connection:
        return list(connection.iterdump())


def communes(engine: Engine) -> list[Locality]:
    with Session(engine) as session:
        return list(session.exec(select(Locality).where(Locality.parent_code == "TINH-TN")))


@pytest.mark.parametrize("writer", [write_csv, write_xlsx], ids=["csv", "xlsx"])
def test_124_communes_load_with_their_province_dates_and_predecessors(
    engine: Engine, tmp_path: Path, writer
) -> None:
    suffix = ".csv" if writer is write_csv else ".xlsx"
    listing = read_locality_file(writer(tmp_path / f"xa{suffix}", commune_rows()))
    result = load(engine, listing, "Người thử")
    assert result.preview.count("add") == 125  # the province and its 124 communes
    assert result.preview.count("change") == 1  # Trà Cú ends on 30/6/2025
    loaded = communes(engine)
    assert len(loaded) == 124
    assert {c.valid_from for c in loaded} == {date(2025, 7, 1)}
    assert {c.kind for c in loaded} == {"xã", "phường"}
    assert loaded[6].name == "Xã Thử nghiệm 007"
    with Session(engine) as session:
        tra_cu = session.exec(select(Locality).where(Locality.code == "TCU")).one()
        assert tra_cu.valid_to == date(2025, 6, 30) and tra_cu.name == "Huyện Trà Cú"
        links = list(session.exec(select(LocalitySuccession)))
        assert {(s.predecessor_id, s.on_date) for s in links} == {(tra_cu.id, date(2025, 7, 1))}
        assert len(links) == 2
        logged = session.exec(select(ReorgLog)).one()
        assert logged.applied_by == "Người thử" and "thêm mới 125" in logged.title
    on_2026 = localities_on(engine, date(2026, 1, 1))
    assert "TCU" not in {r.code for r in on_2026}
    assert len(on_2026) == DISTRICTS - 1 + 1 + 124  # the other districts have no end date


def test_csv_with_semicolons_and_english_headers(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text(
        "code;name;kind;from;to;parent;predecessors\n"
        "P1;Tỉnh Thử nghiệm;tinh;1/7/2025;;;\n"
        "C1;Xã Thử nghiệm 001;xa;1/7/2025;;P1;\n",
        encoding="utf-8",  # no BOM
    )
    load(engine, read_locality_file(path), "t")
    assert [c.kind for c in communes(engine)] == []  # parent P1, not TINH-TN
    assert [r.kind for r in localities_on(engine) if r.code in ("P1", "C1")] == ["tỉnh", "xã"]


def _refused(engine: Engine, db_path: Path, path: Path) -> str:
    before = dump(db_path)
    with pytest.raises(ExchangeError) as refused:
        load(engine, read_locality_file(path), "t")
    assert dump(db_path) == before
    return str(refused.value)


def test_duplicate_code_names_both_rows_and_writes_nothing(
    engine: Engine, db_path: Path, tmp_path: Path
) -> None:
    rows = commune_rows()
    rows[40][0] = "TN007"  # row 42 of the file (header, then rows from 2)
    message = _refused(engine, db_path, write_csv(tmp_path / "dup.csv", rows))
    assert "dòng 42, ô A42" in message and "“TN007” trùng với dòng 10" in message
    assert "Cơ sở dữ liệu không thay đổi" in message


def test_dates_out_of_order_name_the_row_and_column(
    engine: Engine, db_path: Path, tmp_path: Path
) -> None:
    rows = commune_rows()
    rows[5][4] = "30/06/2025"  # ends before it begins on 01/07/2025
    message = _refused(engine, db_path, write_csv(tmp_path / "dates.csv", rows))
    assert "dòng 7, ô E7" in message
    assert "“Đến ngày” 30/6/2025 trước “Từ ngày” 01/7/2025" in message


def test_unknown_predecessor_names_the_row(engine: Engine, db_path: Path, tmp_path: Path) -> None:
    rows = commune_rows()
    rows[100][6] = "KHONG-CO"
    message = _refused(engine, db_path, write_xlsx(tmp_path / "pred.xlsx", rows))
    assert "dòng 103, ô G103" in message  # a title line above the header in the workbook
    assert "tiền thân “KHONG-CO” không có trong tệp cũng như trong cơ sở dữ liệu" in message


def test_a_predecessor_still_valid_when_its_successor_begins_is_refused(
    engine: Engine, db_path: Path, tmp_path: Path
) -> None:
    rows = [r for r in commune_rows() if r is not DISTRICT_ENDED]  # Trà Cú without an end
    message = _refused(engine, db_path, write_csv(tmp_path / "open.csv", rows))
    assert "dòng 3, ô G3" in message
    assert "tiền thân “TCU” (Huyện Trà Cú) còn hiệu lực đến nay" in message
    assert "“Đến ngày” 30/6/2025" in message


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("Mã,Tên,Loại\nX1,,xã\n", "dòng 2, ô B2: địa bàn “X1” chưa có tên"),
        ("Mã,Tên,Loại\nX1,Xã Thử,làng\n", "dòng 2, ô C2: loại “làng” không phải loại địa bàn"),
        ("Mã,Tên,Loại,Từ ngày\nX1,Xã Thử,xã,31/02/2025\n", "dòng 2, ô D2: “Từ ngày”:"),
        ("Mã,Tên,Loại,Thuộc\nX1,Xã Thử,xã,NOWHERE\n", "dòng 2, ô D2: “Thuộc” ghi mã “NOWHERE”"),
        ("Mã,Tên,Loại,Số dân\nX1,Xã Thử,xã,1000\n", "dòng 1, ô D1: cột “Số dân”"),
        (  # a cycle: each made from the other
            "Mã,Tên,Loại,Từ ngày,Đến ngày,Tiền thân\n"
            "A,Xã A,xã,01/01/2025,30/06/2025,B\nB,Xã B,xã,01/07/2025,,A\n",
            "dòng 2, ô F2: tiền thân “B” (Xã B) còn hiệu lực đến nay",
        ),
        ("a,b\n1,2\n", "không phải là danh sách địa bàn"),
        ("Mã,Tên,Loại\n", "không có địa bàn nào"),
    ],
)
def test_other_mistakes_are_refused_with_the_row(
    engine: Engine, db_path: Path, tmp_path: Path, content: str, expected: str
) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    assert expected in _refused(engine, db_path, path)


def test_not_a_table(engine: Engine, db_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "photo.xlsx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    assert "không phải là bảng tính Excel" in _refused(engine, db_path, path)
    windows = tmp_path / "ansi.csv"
    # Excel's plain "CSV" writes the Windows code page (Windows-1258 on a Vietnamese PC)
    windows.write_bytes("code,name,kind\nX1,Xã Tân Bên,xa\n".encode("cp1258", "replace"))
    assert "UTF-8" in _refused(engine, db_path, windows)


def test_dates_that_would_hide_a_plans_figures_are_refused(
    engine: Engine, db_path: Path, tmp_path: Path
) -> None:
    path = tmp_path / "early.csv"
    path.write_text("Mã,Tên,Loại,Đến ngày\nTCU,Huyện Trà Cú,huyện,31/12/2023\n", encoding="utf-8")
    message = _refused(engine, db_path, path)
    assert "có số liệu của kế hoạch 65/KH-UBND (năm 2024)" in message


def test_undo_puts_the_database_back(engine: Engine, db_path: Path, tmp_path: Path) -> None:
    listing = read_locality_file(write_csv(tmp_path / "xa.csv", commune_rows()))
    localities = dump(db_path)
    result = load(engine, listing, "t")
    assert result.log_id is not None
    assert load(engine, listing, "t").log_id is None  # loaded again: nothing to write
    undo_load(engine, result.log_id)
    after = [line for line in dump(db_path) if "reorg_log" not in line]
    assert after == [line for line in localities if "reorg_log" not in line]


def test_undo_refuses_once_a_loaded_commune_has_figures(
    engine: Engine, service: PlanService, tmp_path: Path
) -> None:
    result = load(engine, read_locality_file(write_csv(tmp_path / "x.csv", commune_rows())), "t")
    plan = add_plan_2026(engine)
    from kh65_desktop.services.editing import EditService

    commune = communes(engine)[0]
    EditService(engine).set_locality_target(indicator_of(engine, plan).id, commune.id, 5)
    assert result.log_id is not None
    with pytest.raises(LookupError, match="Xã Thử nghiệm 001"):
        undo_load(engine, result.log_id)
    assert len(communes(engine)) == 124


def test_each_plan_is_broken_down_by_its_own_localities(
    engine: Engine, service: PlanService, tmp_path: Path
) -> None:
    load(engine, read_locality_file(write_csv(tmp_path / "xa.csv", commune_rows())), "t")
    plan_65 = service.current_plan()
    enterprises = service.breakdown_indicators(plan_65)[0]
    half = service.periods(plan_65)[-1]
    rows_65 = service.breakdown(plan_65, enterprises.id, half).rows
    assert len(rows_65) == DISTRICTS
    assert "Huyện Trà Cú" in {r.locality for r in rows_65}
    plan_26 = add_plan_2026(engine)
    rows_26 = service.breakdown(
        plan_26, indicator_of(engine, plan_26).id, service.periods(plan_26)[0]
    ).rows
    names = [r.locality for r in rows_26]
    assert len(names) == 124 + DISTRICTS - 1  # the districts without an end date stay
    assert "Xã Thử nghiệm 124" in names and "Huyện Trà Cú" not in names
    assert "Tỉnh Thử nghiệm" not in names  # the province's figure is the plan's own


def test_cli_load_dry_run_load_and_list(tmp_path: Path) -> None:
    db = tmp_path / "cli.db"
    csv_file = write_csv(tmp_path / "xa.csv", commune_rows())

    def kh65(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "kh65_desktop", "--db", str(db), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=120,
        )

    dry = kh65("localities", "load", str(csv_file), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "thêm mới 125, sửa 1" in dry.stdout and "[Sửa] dòng 3 TCU" in dry.stdout
    assert "Xem trước: chưa ghi gì" in dry.stdout
    assert len(json.loads(kh65("localities", "list", "--json").stdout)) == DISTRICTS
    done = kh65("localities", "load", str(csv_file))
    assert done.returncode == 0, done.stderr
    listed = json.loads(kh65("localities", "list", "--at", "01/01/2026", "--json").stdout)
    assert len(listed) == 133 and listed[-1]["name"] == "Xã Thử nghiệm 124"
    rows = commune_rows()
    rows[3][4] = "01/01/2020"
    refused = kh65("localities", "load", str(write_csv(tmp_path / "bad.csv", rows)))
    assert refused.returncode == 2
    assert "dòng 5, ô E5" in refused.stderr and refused.stdout == ""


def test_the_documented_sample_loads(engine: Engine) -> None:
    sample = Path(__file__).parent.parent / "docs" / "locality-list-sample.csv"
    result = load(engine, read_locality_file(sample), "t")
    assert (result.preview.count("add"), result.preview.successions) == (4, 2)


def test_a_locality_load_is_not_undone_as_a_reorganisation(
    engine: Engine, db_path: Path, tmp_path: Path
) -> None:
    """Both are logged in reorg_log; `kh65 reorg undo N` must not read a locality load's
    undo record as a reorganisation's."""
    from kh65_desktop.services.reorg import ReorgRefused, ReorgService

    result = load(engine, read_locality_file(write_csv(tmp_path / "xa.csv", commune_rows())), "t")
    assert result.log_id is not None
    before = dump(db_path)
    with pytest.raises(ReorgRefused, match="nạp danh sách địa bàn, không phải sắp xếp tổ chức"):
        ReorgService(engine).undo(result.log_id)
    assert dump(db_path) == before
