"""`kh65 plan read FILE --out PLAN.toml [--json]`: a plan file written from a document, a
summary of what was found and what is unsure; bad input and a document without a plan
refused on stderr with exit code 2 and nothing written."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest
import tomli_w
from sqlalchemy import Engine
from sqlmodel import Session, select

from kh65_desktop import cli
from kh65_desktop.cli import main
from kh65_desktop.services.plan_load import load_plan_file
from kh65_desktop.storage.database import open_database
from kh65_desktop.storage.models import Indicator

from .plan_documents import plan65_text, write_docx, write_txt


@pytest.fixture(autouse=True)
def no_log_handlers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "configure_logging", lambda: None)  # no handlers per test


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("read") / "kh65.db"
    open_database(path).dispose()  # made once: plan 65 built in
    return path


@pytest.fixture(scope="module")
def plan65_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_docx(plan65_text(), tmp_path_factory.mktemp("doc") / "KH-65.docx")


def _run(db: Path, *args: str) -> int:
    return main(["--db", str(db), "plan", "read", *args])


def test_reads_plan65_docx_into_a_plan_file_that_loads(
    db: Path, plan65_docx: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "doc-duoc.toml"
    assert _run(db, str(plan65_docx), "--out", str(out)) == 0
    printed = capsys.readouterr().out
    found = re.search(r"Đã đọc KH-65\.docx: (\d+) nhóm, (\d+) chỉ tiêu, (\d+) nhiệm vụ", printed)
    assert found, printed
    data = tomllib.loads(out.read_text(encoding="utf-8"))
    indicators = [i for g in data["groups"] for i in g["indicators"]]
    assert int(found[1]) == len(data["groups"]) and int(found[2]) == len(indicators) >= 40
    assert f"kh65 plan load {out}" in printed
    unsure = [i for i in indicators if i["review"]["confidence"] < 0.8]
    assert f"Chưa chắc chắn: {len(unsure)} mục" in printed or not unsure
    # The file is the plan as read; loading it elsewhere gives those indicators.
    engine: Engine = open_database(tmp_path / "elsewhere.db")
    data["plan"]["code"] = "65/KH-UBND/2024-doc"  # the built-in plan 65 is there already
    out.write_text(tomli_w.dumps(data), encoding="utf-8")
    added = load_plan_file(engine, out)
    with Session(engine) as session:
        loaded = session.exec(select(Indicator).where(Indicator.plan_id == added.plan_id)).all()
    engine.dispose()
    assert len(loaded) == len(indicators)


def test_json_lists_items_with_quote_confidence_and_reasons(
    db: Path, plan65_docx: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(db, str(plan65_docx), "--out", str(tmp_path / "p.toml"), "--json") == 0
    listing = json.loads(capsys.readouterr().out)
    items = listing["items"]
    assert listing["indicators"] == sum(1 for i in items if i["kind"] == "indicator")
    text = " ".join(plan65_text().replace("*", "").split())
    for item in items:
        assert 0.0 <= item["confidence"] <= 1.0
        assert isinstance(item["reasons"], list)
        if item["kind"] == "indicator":
            assert " ".join(item["quote"].split()) in text, item["quote"]
            assert item["sure"] or item["reasons"], item["title"]


def test_a_document_that_is_not_a_plan_is_refused(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    letter = write_txt(
        "Kính gửi: Sở Y tế\n\nĐề nghị quý Sở cử cán bộ dự họp vào sáng thứ Hai tuần tới.\n",
        tmp_path / "cong-van.txt",
    )
    out = tmp_path / "khong.toml"
    assert _run(db, str(letter), "--out", str(out)) == 2
    error = capsys.readouterr().err
    assert "không tìm thấy chỉ tiêu nào trong cong-van.txt" in error
    assert "Không ghi tệp nào" in error
    assert not out.exists()


@pytest.mark.parametrize(
    "name, content, words",
    [
        ("trong.txt", b"", "trống"),
        ("cu.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "định dạng cũ (.doc)"),
        ("hong.pdf", b"%PDF-1.7 broken", "bị hỏng"),
    ],
)
def test_bad_documents_refused_with_their_message(
    db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    content: bytes,
    words: str,
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    out = tmp_path / "x.toml"
    assert _run(db, str(path), "--out", str(out)) == 2
    error = capsys.readouterr().err
    assert error.startswith("Lỗi: ") and words in error and "Traceback" not in error
    assert not out.exists()


def test_unwritable_output_refused(
    db: Path, plan65_docx: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "khong-co-thu-muc" / "p.toml"
    assert _run(db, str(plan65_docx), "--out", str(out)) == 2
    assert "thư mục không tồn tại" in capsys.readouterr().err
