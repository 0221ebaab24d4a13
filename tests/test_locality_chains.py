"""A locality list's careless codes, dates kept as Excel's day numbers, and a predecessor
chain far longer than any real one (thousands of levels), which the reorganisation's cycle
check walked by recursion."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine

from kh65_desktop.domain.organisation import Succession, find_cycle
from kh65_desktop.exchange.data import ExchangeError
from kh65_desktop.services.localities import load
from kh65_desktop.services.reorg import ReorgService
from kh65_desktop.storage.locality_file import read_locality_file

from .conftest import REPO

HEADER = "Mã,Tên,Loại,Từ ngày,Đến ngày,Thuộc,Tiền thân\n"


def dump(db_path: Path) -> list[str]:
    with sqlite3.connect(db_path) as connection:
        return list(connection.iterdump())


@pytest.mark.parametrize(
    ("code", "says"),
    [
        ("TN 007", "dòng 2, ô A2: mã “TN 007”: mã không được có khoảng trắng"),
        ("TN\u200b007", "mã có ký tự ẩn (U+200B)"),
        ("TN\x07007", "mã có ký tự ẩn (U+0007)"),
        ("T" * 51, "tối đa 50"),
    ],
)
def test_a_code_that_cannot_be_one_is_refused_by_its_cell(
    engine: Engine, db_path: Path, tmp_path: Path, code: str, says: str
) -> None:
    path = tmp_path / "dia-ban.csv"
    path.write_text(HEADER + f'"{code}",Xã Một,xã,,,,\n', encoding="utf-8")
    before = dump(db_path)
    with pytest.raises(ExchangeError) as refused:
        load(engine, read_locality_file(path), "t")
    assert says in str(refused.value)
    assert dump(db_path) == before


def test_a_chain_of_1500_predecessors_loads_and_a_reorganisation_still_checks(
    engine: Engine, tmp_path: Path
) -> None:
    count = 1500
    starts = [date(1900, 1, 1) + timedelta(days=30 * i) for i in range(count + 1)]
    rows = [
        f"C{i},Xã C{i},xã,{starts[i]:%d/%m/%Y},"
        + (f"{starts[i + 1] - timedelta(days=1):%d/%m/%Y}" if i < count - 1 else "")
        + f",,{f'C{i - 1}' if i else ''}"
        for i in range(count)
    ]
    path = tmp_path / "chuoi.csv"
    path.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    assert load(engine, read_locality_file(path), "t").preview.summary()
    service = ReorgService(engine)  # its cycle check walks every stored succession
    reorg = service.read(REPO / "resources" / "reorg" / "tra-vinh-2025.toml")
    assert service.preview(reorg).text()


def test_a_cycle_at_the_end_of_a_long_chain_is_found() -> None:
    chain = [Succession(f"C{i}", f"C{i + 1}", date(2025, 1, 1)) for i in range(5000)]
    assert find_cycle(chain) is None
    cycle = find_cycle([*chain, Succession("C5000", "C4998", date(2025, 1, 1))])
    assert cycle == ["C4998", "C4999", "C5000", "C4998"]


def test_a_date_kept_as_excels_day_number_says_which_day_and_what_to_do(
    engine: Engine, db_path: Path, tmp_path: Path
) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(HEADER.strip().split(","))
    book.active.append(["TN001", "Xã Một", "xã", 45839, None, None, None])  # 01/7/2025
    path = tmp_path / "dia-ban.xlsx"
    book.save(path)
    before = dump(db_path)
    with pytest.raises(ExchangeError) as refused:
        load(engine, read_locality_file(path), "t")
    assert (
        "dòng 2, ô D2: “Từ ngày” là số 45839, không phải ngày (nếu là ngày 01/7/2025 thì ô "
        "đang được định dạng là Số). Hãy định dạng ô là Ngày"
    ) in str(refused.value)
    assert dump(db_path) == before
