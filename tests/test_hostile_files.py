"""Hostile and damaged files given to `kh65 import`: each ends in a Vietnamese message saying
what is wrong and what to do, exit code 2, and the database unchanged; never a traceback.

Every file is made here from a good package or template (no binary fixtures)."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from kh65_desktop import cli
from kh65_desktop.exchange.excel import MAX_CELLS, MAX_WORKBOOK_BYTES, MAX_WORKBOOK_UNPACKED
from kh65_desktop.exchange.json_fields import MAX_CONTAINERS
from kh65_desktop.services.exchange_files import export_file
from kh65_desktop.services.plan_service import PlanService
from kh65_desktop.storage.database import open_database
from kh65_desktop.storage.models import Agency

from .test_exchange import fingerprint
from .ui_helpers import open_window

UNCHANGED = "Cơ sở dữ liệu không thay đổi."
RESEND = "Hãy đề nghị đơn vị gửi xuất lại tệp bằng KH65 Desktop"
DEFINITION = {
    "code": "II.6.1",
    "group": "II.6",
    "name": "Thu nội địa",
    "unit": "tỷ đồng",
    "kind": "accumulating",
    "direction": "higher",
    "target_form": "value",
    "target_value": 6220.0,
    "target_strict": False,
    "target_share": None,
    "target_text": "6.220 tỷ đồng",
}


@pytest.fixture(scope="module")
def sent(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A good package and a good template from the finance department (Sở Tài chính)."""
    folder = tmp_path_factory.mktemp("sender")
    engine = open_database(folder / "sender.db")
    plans = PlanService(engine)
    plan = plans.current_plan()
    stc = next(plans.get(Agency, a.id) for a in plans.agencies(plan) if a.code == "STC")
    files = {
        "package": export_file(plans, plan, stc, None, folder / "stc.kh65"),
        "template": export_file(plans, plan, stc, None, folder / "stc.xlsx"),
    }
    engine.dispose()
    return files


@pytest.fixture(scope="module")
def receiver(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The receiving office's database; no engine is kept open while the command runs."""
    path = tmp_path_factory.mktemp("receiver") / "kh65.db"
    open_database(path).dispose()
    return path


def run_import(db: Path, file: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """`kh65 --db DB import FILE` in this process (the subprocess test below proves the same
    from outside); returns the exit code and what was printed on stderr."""
    code = cli.main(["--db", str(db), "import", str(file)])
    return code, capsys.readouterr().err


@pytest.fixture(autouse=True)
def no_log_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "configure_logging", lambda: None)


def refused(db: Path, file: Path, capsys: pytest.CaptureFixture[str], *messages: str) -> str:
    before = fingerprint(db)
    code, err = run_import(db, file, capsys)
    assert code == 2, err
    assert err.startswith(f"Lỗi: Không nhập được tệp “{file.name}”")
    assert err.rstrip().endswith(UNCHANGED), err
    for message in messages:
        assert message in err, err
    assert "Traceback" not in err and "Error" not in err
    assert len(err) < 600  # what is hostile is shown cut short
    assert fingerprint(db) == before
    return err


# -- packages ---------------------------------------------------------------------------------


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {n: archive.read(n) for n in archive.namelist()}


def package_with(
    good: Path,
    folder: Path,
    content: bytes | None = None,
    manifest: dict[str, Any] | None = None,
) -> Path:
    """The package with its content replaced, signed again (the checksum matches: only the
    content itself is hostile); stored uncompressed, so no zip-bomb check gets in the way."""
    parts = _parts(good)
    raw = content if content is not None else parts["content.json"]
    signed = {
        **json.loads(parts["manifest.json"]),
        "content_sha256": hashlib.sha256(raw).hexdigest(),
        **(manifest or {}),
    }
    signed.pop("signature", None)  # hand-made: unsigned (tests/test_signed_packages.py)
    bad = folder / "bad.kh65"
    with zipfile.ZipFile(bad, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("manifest.json", json.dumps(signed))
        archive.writestr("content.json", raw)
    return bad


def changed(good: Path, change: Callable[[dict[str, Any]], object]) -> bytes:
    """The good package's content after `change` edits it."""
    content = json.loads(_parts(good)["content.json"])
    change(content)
    return json.dumps(content, ensure_ascii=False).encode()


def _set(*keys: str | int, to: Any) -> Callable[[dict[str, Any]], None]:
    def edit(content: dict[str, Any]) -> None:
        target: Any = content
        for key in keys[:-1]:
            target = target[key]
        target[keys[-1]] = to

    return edit


def _twice(section: str, row: dict[str, Any] | None = None) -> Callable[[dict[str, Any]], None]:
    def edit(content: dict[str, Any]) -> None:
        first = row or content[section][0]
        content[section] = [first, {**first}]

    return edit


def _value_raw(good: Path, raw: str) -> bytes:
    """The first figure's value written as raw JSON text (what json.dumps cannot write)."""
    text = json.dumps(json.loads(_parts(good)["content.json"]), ensure_ascii=False)
    return re.sub(r'"value": 3300\.0', f'"value": {raw}', text, count=1).encode()


def _nested(depth: int) -> bytes:
    return ('{"plan": "65/KH-UBND/2024", "values": ' + "[" * depth + "]" * depth + "}").encode()


def _many_objects(count: int) -> bytes:
    return ('{"plan": "65/KH-UBND/2024", "values": [' + "{}," * count + "{}]}").encode()


PACKAGES: dict[str, tuple[Callable[[Path], bytes], tuple[str, ...]]] = {
    "100.000 nested lists": (lambda g: _nested(100_000), ("lồng nhau quá nhiều tầng", RESEND)),
    "millions of empty objects": (
        lambda g: _many_objects(MAX_CONTAINERS + 1),
        ("chứa quá nhiều đối tượng", "tối đa 2.100.000"),
    ),
    "an integer of 500 digits": (
        lambda g: _value_raw(g, "1" * 500),
        ("số nguyên dài 500 chữ số (tối đa 20)",),
    ),
    "an integer beyond Python's 4300 digits": (
        lambda g: _value_raw(g, "9" * 5000),
        ("số nguyên dài 5000 chữ số",),
    ),
    "a float beyond the largest (1e400)": (
        lambda g: _value_raw(g, "1e400"),
        ("trường “value” có giá trị inf không hợp lệ (vô hạn)",),
    ),
    "a float of 500 digits": (
        lambda g: _value_raw(g, "1" * 500 + ".5"),
        ("trường “value” có giá trị inf không hợp lệ",),
    ),
    "Infinity": (lambda g: _value_raw(g, "-Infinity"), ("giá trị -inf không hợp lệ",)),
    "NaN": (  # said as what it is, not as "nan … (vô hạn)"
        lambda g: _value_raw(g, "NaN"),
        ("trường “value” có giá trị NaN không hợp lệ (không phải là số)",),
    ),
    "not UTF-8": (lambda g: '{"plan": "Hà Nội"}'.encode("utf-16"), ("không phải văn bản UTF-8",)),
    "not JSON": (lambda g: b'{"plan": ', ("không phải JSON hợp lệ (lỗi ở dòng 1, cột 10)",)),
    "a list, not an object": (lambda g: b"[1, 2]", ("phải là một đối tượng JSON {…}",)),
    "a time before year 1 in UTC": (
        lambda g: changed(g, _set("values", 0, "entered_at", to="0001-01-01T00:00:00+14:00")),
        ("số liệu thứ 1 (chỉ tiêu “II.6.1”): trường “entered_at” phải là một thời điểm",),
    ),
    "a time after year 9999 in UTC": (
        lambda g: changed(g, _set("tasks", 0, "updated_at", to="9999-12-31T23:59:59-12:00")),
        ("nhiệm vụ thứ 1: trường “updated_at” phải là một thời điểm dạng ISO 8601",),
    ),
    "a dict for an indicator code": (
        lambda g: changed(g, _set("values", 0, "indicator", to={"a": 1})),
        (
            "số liệu thứ 1: trường “indicator” phải là một chuỗi chữ không rỗng, không phải "
            "một đối tượng {…}",
        ),
    ),
    "a code of a million characters": (
        lambda g: changed(g, _set("values", 0, "indicator", to="II." * 350_000)),
        (
            "số liệu thứ 1 (chỉ tiêu “II.II.II.II.II.II.II.II.II.II.II.II.II.I…”): trường "
            "“indicator” dài 1050000 ký tự, không thể là một mã (tối đa 50)",
        ),
    ),
    "a dict for the values": (
        lambda g: changed(g, _set("values", to={"II.6.1": 3300})),
        ("trường “values” phải là một danh sách […]",),
    ),
    "a list for a value": (
        lambda g: changed(g, _set("values", 0, "value", to=[3300])),
        ("trường “value” phải là một số, không phải một danh sách […]",),
    ),
    "a text for a figure": (
        lambda g: changed(g, _set("values", 0, "value", to="3.300")),
        ("trường “value” phải là một số, không phải “3.300”",),
    ),
    "true for a figure": (
        lambda g: changed(g, _set("values", 0, "value", to=True)),
        ("trường “value” phải là một số",),
    ),
    "a number for a task code": (
        lambda g: changed(g, _set("tasks", 0, "code", to=5)),
        ("nhiệm vụ thứ 1: trường “code” phải là một chuỗi chữ không rỗng, không phải số 5",),
    ),
    "null for a period's name": (
        lambda g: changed(g, _set("periods", 0, "name", to=None)),
        ("kỳ báo cáo thứ 1: trường “name” phải là một chuỗi chữ không rỗng",),
    ),
    "a missing period code": (
        lambda g: changed(g, lambda c: c["periods"][0].pop("code")),
        ("kỳ báo cáo thứ 1: thiếu trường “code”",),
    ),
    "a missing start date": (
        lambda g: changed(g, _set("periods", 0, "starts_on", to=None)),
        ("kỳ báo cáo thứ 1: thiếu ngày ở trường “starts_on”",),
    ),
    "a text for a date": (
        lambda g: changed(g, _set("periods", 0, "ends_on", to="cuối tháng 6")),
        ("trường “ends_on” phải là một ngày dạng YYYY-MM-DD, không phải “cuối tháng 6”",),
    ),
    "a number for a date": (
        lambda g: changed(g, _set("values", 0, "as_of", to=20240614)),
        ("trường “as_of” phải là một ngày",),
    ),
    "the text “false” for estimate": (
        lambda g: changed(g, _set("values", 0, "estimate", to="false")),
        ("trường “estimate” phải là true, false hoặc null, không phải “false”",),
    ),
    "the text “không” for achieved": (
        lambda g: changed(g, _set("values", 0, "achieved", to="không")),
        ("trường “achieved” phải là true, false hoặc null",),
    ),
    "a dict for a note": (
        lambda g: changed(g, _set("values", 0, "note", to={"x": "y"})),
        ("trường “note” phải là một chuỗi chữ",),
    ),
    "a number for a locality": (
        lambda g: changed(g, _set("values", 0, "locality", to=7)),
        ("trường “locality” phải là một mã (chuỗi chữ, tối đa 50 ký tự) hoặc null",),
    ),
    "a string for a figure row": (
        lambda g: changed(g, _set("values", 0, to="II.6.1=3300")),
        ("số liệu thứ 1 phải là một đối tượng JSON {…}, không phải “II.6.1=3300”",),
    ),
    "a text for the sender": (
        lambda g: changed(g, _set("sender", to="STC")),
        ("đơn vị gửi (sender) phải là một đối tượng JSON",),
    ),
    "a list for the plan": (
        lambda g: changed(g, _set("plan", to=["65/KH-UBND/2024"])),
        ("content.json: trường “plan” phải là một chuỗi chữ không rỗng",),
    ),
    "an unknown task status": (
        lambda g: changed(g, _set("tasks", 0, "status", to="finished")),
        (
            "trường “status” phải là một trong “not_started”, “in_progress”, “done”, "
            "không phải “finished”",
        ),
    ),
    "an unknown period kind": (
        lambda g: changed(g, _set("periods", 0, "kind", to="week")),
        ("trường “kind” phải là một trong “month”, “quarter”",),
    ),
    "an unknown indicator kind": (
        lambda g: changed(g, _set("definitions", to=[{**DEFINITION, "kind": "weird"}])),
        ("định nghĩa chỉ tiêu thứ 1: trường “kind” phải là một trong “accumulating”",),
    ),
    "an unknown direction": (
        lambda g: changed(g, _set("definitions", to=[{**DEFINITION, "direction": "sideways"}])),
        ("trường “direction” phải là một trong “higher”, “lower”",),
    ),
    "an unknown target form": (
        lambda g: changed(g, _set("definitions", to=[{**DEFINITION, "target_form": 3}])),
        ("trường “target_form” phải là một trong “value”, “floor”",),
    ),
    "a text for a target": (
        lambda g: changed(g, _set("definitions", to=[{**DEFINITION, "target_value": "6220"}])),
        ("trường “target_value” phải là một số",),
    ),
    # item 2: a row keyed by its code appears once, or the package is refused
    "a task twice": (
        lambda g: changed(g, _twice("tasks")),
        ("nhiệm vụ mã “II.1.T5.1” xuất hiện hai lần (thứ 1 và thứ 2)",),
    ),
    "a definition twice": (
        lambda g: changed(g, _twice("definitions", DEFINITION)),
        ("định nghĩa chỉ tiêu mã “II.6.1” xuất hiện hai lần",),
    ),
    "a period twice": (
        lambda g: changed(g, _twice("periods")),
        ("kỳ báo cáo mã “2024-H1” xuất hiện hai lần",),
    ),
    "a figure twice (province as null and as an empty code)": (
        lambda g: changed(
            g,
            lambda c: c.update(values=[c["values"][0], {**c["values"][0], "locality": ""}]),
        ),
        (
            "số liệu thứ 2 (chỉ tiêu “II.6.1”): số liệu của chỉ tiêu II.6.1, kỳ 2024-H1 xuất hiện "
            "hai lần",
        ),
    ),
}


@pytest.mark.parametrize("case", list(PACKAGES))
def test_a_hostile_package_is_refused(
    case: str,
    sent: dict[str, Path],
    receiver: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    make, messages = PACKAGES[case]
    bad = package_with(sent["package"], tmp_path, make(sent["package"]))
    refused(receiver, bad, capsys, *messages)


MANIFESTS: dict[str, tuple[dict[str, Any], str]] = {
    "a time after year 9999 in UTC": (
        {"created_at": "9999-12-31T23:59:59-12:00"},
        "manifest.json: trường “created_at” phải là một thời điểm",
    ),
    "no time": ({"created_at": None}, "thiếu thời điểm tạo gói (created_at)"),
    "a text for the version": ({"format_version": "1"}, "số phiên bản định dạng “1” không hợp lệ"),
    "version 0": ({"format_version": 0}, "số phiên bản định dạng số 0 không hợp lệ"),
}


@pytest.mark.parametrize("case", list(MANIFESTS))
def test_a_hostile_manifest_is_refused(
    case: str,
    sent: dict[str, Path],
    receiver: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    manifest, message = MANIFESTS[case]
    refused(receiver, package_with(sent["package"], tmp_path, manifest=manifest), capsys, message)


def _flip_inside(path: Path, member: str, folder: Path, suffix: str) -> Path:
    """One byte changed in the middle of a member's compressed data; the zip's directory is
    intact, so only unpacking finds it (a CRC or zlib error)."""
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(member)
    raw = bytearray(path.read_bytes())
    header = info.header_offset
    start = header + 30 + int.from_bytes(raw[header + 26 : header + 28], "little")
    start += int.from_bytes(raw[header + 28 : header + 30], "little")
    raw[start + info.compress_size // 2] ^= 0xFF
    bad = folder / f"damaged{suffix}"
    bad.write_bytes(bytes(raw))
    return bad


def test_a_damaged_package_is_refused(
    sent: dict[str, Path], receiver: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = _flip_inside(sent["package"], "content.json", tmp_path, ".kh65")
    refused(receiver, bad, capsys, "tệp bị hỏng hoặc không đầy đủ", "hãy xin đơn vị gửi lại tệp")


def test_zip_tricks_are_refused(
    sent: dict[str, Path], receiver: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    parts = _parts(sent["package"])
    twice = tmp_path / "twice.kh65"
    with zipfile.ZipFile(twice, "w") as archive, pytest.warns(UserWarning, match="Duplicate"):
        for name in ("manifest.json", "content.json", "content.json"):
            archive.writestr(name, parts[name])
    refused(receiver, twice, capsys, "tệp chứa hai phần cùng tên “content.json”")
    locked = tmp_path / "locked.kh65"
    raw = bytearray(sent["package"].read_bytes())
    with zipfile.ZipFile(sent["package"]) as archive:
        at = archive.start_dir
    while raw[at : at + 4] == b"PK\x01\x02":  # each entry of the zip's directory
        raw[at + 8] |= 0x1  # "encrypted", as a zip with a password marks its members
        lengths = (int.from_bytes(raw[at + n : at + n + 2], "little") for n in (28, 30, 32))
        at += 46 + sum(lengths)
    locked.write_bytes(bytes(raw))
    refused(receiver, locked, capsys, "tệp nén có đặt mật khẩu")
    crowded = tmp_path / "crowded.kh65"
    with zipfile.ZipFile(crowded, "w") as archive:
        for number in range(1001):
            archive.writestr(f"{number}.json", b"")
    refused(receiver, crowded, capsys, "tệp chứa quá nhiều phần (1.001;", "tối đa 1.000")


@pytest.mark.parametrize("suffix", [".kh65", ".xlsx"])
def test_a_folder_given_as_the_file_is_refused(
    suffix: str, receiver: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / f"so-lieu{suffix}"
    folder.mkdir()
    refused(receiver, folder, capsys, "không mở được tệp để đọc (đó là một thư mục")


def test_unknown_fields_are_ignored(
    sent: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A field this version does not know (from a later one, say) is ignored, documented."""

    def extra(content: dict[str, Any]) -> None:
        content["colour"] = "xanh"
        content["values"][0]["value"] = 3400.0
        content["values"][0]["source"] = {"page": 3}
        content["tasks"][0]["priority"] = 1

    db = tmp_path / "kh65.db"
    open_database(db).dispose()
    code, err = run_import(
        db, package_with(sent["package"], tmp_path, changed(sent["package"], extra)), capsys
    )
    assert code == 0, err
    engine = open_database(db)
    rows = {r.code: r for r in PlanService(engine).indicator_rows()}
    engine.dispose()
    assert rows["II.6.1"].latest.value == 3400


# -- workbooks --------------------------------------------------------------------------------


def _rewrite(path: Path, folder: Path, name: str, edit: Callable[[str, bytes], bytes]) -> Path:
    bad = folder / name
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            out.writestr(info.filename, edit(info.filename, source.read(info)))
    return bad


def _strict(good: Path, folder: Path) -> Path:
    """What Excel writes under "Strict Open XML Spreadsheet": the same parts, ISO namespaces."""

    def edit(name: str, data: bytes) -> bytes:
        return data.replace(
            b"http://schemas.openxmlformats.org/spreadsheetml/2006/main",
            b"http://purl.oclc.org/ooxml/spreadsheetml/main",
        ).replace(
            b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
            b"http://purl.oclc.org/ooxml/officeDocument/relationships",
        )

    return _rewrite(good, folder, "strict.xlsx", edit)


def _compound_file(folder: Path, streams: tuple[str, ...]) -> Path:
    """An OLE compound file's signature and header, its directory naming the streams."""
    bad = folder / "ole.xlsx"
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    directory = b"".join(s.encode("utf-16-le").ljust(128, b"\0") for s in streams)
    bad.write_bytes(header + directory + os.urandom(4096))
    return bad


def _with_formula(good: Path, folder: Path, cached: str | None) -> Path:
    """ "Số kỳ này" of row 8 is =1+2, saved with `cached` as its value (None: no value, as a
    program that does not compute formulas saves it)."""
    book = openpyxl.load_workbook(good)
    book["Số liệu"]["G8"] = "=1+2"
    saved = folder / "saved.xlsx"
    book.save(saved)
    if cached is None:
        return saved

    def edit(name: str, data: bytes) -> bytes:
        if name != "xl/worksheets/sheet1.xml":
            return data
        return re.sub(rb"<f>1\+2</f><v\s*(/>|></v>)", f"<f>1+2</f><v>{cached}</v>".encode(), data)

    return _rewrite(saved, folder, "cached.xlsx", edit)


def _huge_workbook(folder: Path) -> Path:
    """43 MB on disk: a stored member of zeros (cheap to write, nothing to unpack)."""
    bad = folder / "huge.xlsx"
    with zipfile.ZipFile(bad, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", bytes(43 * 1024 * 1024))
    return bad


def _huge_xml(good: Path, folder: Path) -> Path:
    """A small file whose sheet XML unpacks beyond the limit, each member within the
    compression ratio a zip bomb would break (random bytes keep it from compressing)."""
    bad = folder / "huge-xml.xlsx"
    size = MAX_WORKBOOK_UNPACKED + 1024 * 1024
    with zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, data in _parts(good).items():
            if name != "xl/worksheets/sheet1.xml":
                archive.writestr(name, data)
        archive.writestr("xl/worksheets/sheet1.xml", os.urandom(size // 150) + bytes(size))
    return bad


def _many_cells(good: Path, folder: Path) -> Path:
    """More cells than a template of MAX_ROWS rows has, each a few bytes of XML, which
    openpyxl would turn into gigabytes of objects."""

    def edit(name: str, data: bytes) -> bytes:
        if name != "xl/worksheets/sheet1.xml":
            return data
        cells = "".join(f'<c r="K{r}"/>' for r in range(10, MAX_CELLS + 20))
        return data.replace(b"</sheetData>", f'<row r="9">{cells}</row></sheetData>'.encode())

    return _rewrite(good, folder, "cells.xlsx", edit)


def _same_row_twice(good: Path, folder: Path) -> Path:
    """Thu nội địa twice: once with a blank locality, once with spaces in its locality cell
    (both mean the province)."""
    book = openpyxl.load_workbook(good)
    sheet = book["Số liệu"]
    for column in range(1, 11):
        sheet.cell(9, column).value = sheet.cell(6, column).value
    sheet["J9"] = "   "
    sheet["G9"] = 3500
    bad = folder / "twice.xlsx"
    book.save(bad)
    return bad


def _typed(good: Path, folder: Path, typed: object) -> Path:
    book = openpyxl.load_workbook(good)
    book["Số liệu"]["G7"] = typed
    bad = folder / "typed.xlsx"
    book.save(bad)
    return bad


def _formula_elsewhere(good: Path, folder: Path) -> Path:
    """A formula in a workbook without the template's sheets: "not a template"."""
    book = openpyxl.load_workbook(good)
    book["Số liệu"].title = "Sheet1"
    book["Sheet1"]["G8"] = "=1+2"
    bad = folder / "other.xlsx"
    book.save(bad)
    return bad


def _broken_xml(good: Path, folder: Path) -> Path:
    def edit(name: str, data: bytes) -> bytes:
        return data[: len(data) // 2] if name == "xl/worksheets/sheet1.xml" else data

    return _rewrite(good, folder, "broken.xlsx", edit)


def _meta_set(good: Path, folder: Path, key: str, value: object) -> Path:
    """The hidden sheet's entry `key` changed (None: its row removed)."""
    book = openpyxl.load_workbook(good)
    meta = book["kh65"]
    for row in meta.iter_rows():
        if row[0].value == key:
            if value is None:
                meta.delete_rows(row[0].row)
            else:
                row[1].value = value
            break
    bad = folder / "meta.xlsx"
    book.save(bad)
    return bad


RESAVE = "hãy mở tệp trong Excel và lưu lại dạng Excel Workbook (.xlsx)"
WORKBOOKS: dict[str, tuple[Callable[[Path, Path], Path], tuple[str, ...]]] = {
    "a flipped byte in the sheet's compressed data": (
        lambda g, f: _flip_inside(g, "xl/worksheets/sheet1.xml", f, ".xlsx"),
        ("tệp Excel bị hỏng hoặc không đúng định dạng .xlsx", RESAVE),
    ),
    "broken XML": (lambda g, f: _broken_xml(g, f), ("tệp Excel bị hỏng", RESAVE)),
    "Strict Open XML": (
        lambda g, f: _strict(g, f),
        (
            "tệp lưu theo định dạng Strict Open XML; hãy mở trong Excel và lưu lại dạng Excel "
            "Workbook (.xlsx).",
        ),
    ),
    "a password": (
        lambda g, f: _compound_file(f, ("Root Entry", "EncryptionInfo", "EncryptedPackage")),
        ("bảng tính được đặt mật khẩu", "bỏ mật khẩu"),
    ),
    "an old .xls": (
        lambda g, f: _compound_file(f, ("Root Entry", "Workbook", "SummaryInformation")),
        ("bảng tính Excel kiểu cũ (.xls)", RESAVE),
    ),
    "a formula saved without its value": (
        lambda g, f: _with_formula(g, f, None),
        (
            "dòng 8, ô G8: ô có công thức nhưng tệp không lưu giá trị đã tính",
            "hoặc gõ thẳng con số",
        ),
    ),
    "43 MB": (
        lambda g, f: _huge_workbook(f),
        (f"tệp quá lớn (43 MB; tối đa {MAX_WORKBOOK_BYTES // 1048576} MB cho bảng tính Excel",),
    ),
    "sheet XML beyond the limit": (
        lambda g, f: _huge_xml(g, f),
        (f"nội dung giải nén vượt quá giới hạn {MAX_WORKBOOK_UNPACKED // 1048576} MB",),
    ),
    "more cells than a full template": (
        lambda g, f: _many_cells(g, f),
        ("bảng tính có quá nhiều ô (1.200.0", "mẫu nhập số liệu có tối đa 1.200.000"),
    ),
    "a workbook with a formula that is no template": (
        lambda g, f: _formula_elsewhere(g, f),
        ("đây không phải mẫu nhập số liệu do KH65 Desktop xuất ra",),
    ),
    "a figure of 5000 digits": (
        lambda g, f: _typed(g, f, "1" * 5000),
        ("dòng 7, ô G7: giá trị “" + "1" * 40 + "…” không thể đúng",),
    ),
    "a hidden sheet whose version is not a number": (
        lambda g, f: _meta_set(g, f, "version", "abc"),
        ("trang ẩn “kh65” của mẫu đã bị sửa hoặc hỏng (mục “version”)", "xuất mẫu mới"),
    ),
    "a hidden sheet whose start date is not a date": (
        lambda g, f: _meta_set(g, f, "starts_on", "xyz"),
        ("trang ẩn “kh65” của mẫu đã bị sửa hoặc hỏng (mục “starts_on”)",),
    ),
    "a hidden sheet without its period code": (
        lambda g, f: _meta_set(g, f, "period_code", None),
        ("trang ẩn “kh65” của mẫu đã bị sửa hoặc hỏng (mục “period_code”)",),
    ),
    "the same indicator twice for the province": (
        lambda g, f: _same_row_twice(g, f),
        ("dòng 9: chỉ tiêu II.6.1 được nhập hai lần (dòng 6 và dòng 9)",),
    ),
}


@pytest.mark.parametrize("case", list(WORKBOOKS))
def test_a_hostile_workbook_is_refused(
    case: str,
    sent: dict[str, Path],
    receiver: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    make, messages = WORKBOOKS[case]
    refused(receiver, make(sent["template"], tmp_path), capsys, *messages)


def test_a_formula_with_its_saved_value_imports_that_value(
    sent: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "kh65.db"
    open_database(db).dispose()
    code, err = run_import(db, _with_formula(sent["template"], tmp_path, "3"), capsys)
    assert code == 0, err
    engine = open_database(db)
    rows = {r.code: r for r in PlanService(engine).indicator_rows()}
    engine.dispose()
    assert rows["II.6.3"].latest.value == 3


def test_the_command_itself_exits_2_without_a_traceback(
    sent: dict[str, Path], receiver: Path, tmp_path: Path
) -> None:
    """From outside, as the clerk's support runs it: a damaged workbook and a deeply nested
    package."""
    before = fingerprint(receiver)
    for bad in (
        _flip_inside(sent["template"], "xl/worksheets/sheet1.xml", tmp_path, ".xlsx"),
        package_with(sent["package"], tmp_path, _nested(100_000)),
    ):
        result = subprocess.run(
            [sys.executable, "-m", "kh65_desktop", "--db", str(receiver), "import", str(bad)],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=120,
        )
        assert result.returncode == 2, result.stderr
        assert result.stderr.startswith(f"Lỗi: Không nhập được tệp “{bad.name}”")
        assert "Traceback" not in result.stderr
    assert fingerprint(receiver) == before


def test_the_window_shows_the_same_messages(
    qtbot, sent: dict[str, Path], db_path: Path, tmp_path: Path
) -> None:
    """Dropped on the window, a hostile file is refused in the import dialog with the same
    Vietnamese message, and nothing can be imported."""
    window = open_window(qtbot, db_path, tmp_path)
    before = fingerprint(db_path)
    for bad, message in (
        (
            _compound_file(tmp_path, ("Root Entry", "EncryptionInfo", "EncryptedPackage")),
            "bảng tính được đặt mật khẩu nên không đọc được",
        ),
        (_with_formula(sent["template"], tmp_path, None), "dòng 8, ô G8: ô có công thức"),
        (
            package_with(sent["package"], tmp_path, _nested(100_000)),
            "lồng nhau quá nhiều tầng",
        ),
    ):
        dialog = window.open_import(bad)
        qtbot.waitUntil(lambda d=dialog: "Không nhập được" in d.summary.text(), timeout=10000)
        assert message in dialog.summary.text() and UNCHANGED in dialog.summary.text()
        assert not dialog.apply_button.isEnabled()
        dialog.reject()
    assert fingerprint(db_path) == before


def test_every_row_of_a_template_checks_what_is_typed(tmp_path: Path) -> None:
    """Excel refuses a non-number in every "Số kỳ này" cell and offers Có/Không in every
    "Ước" cell, first row to last (the checks are written as one range per column)."""
    from datetime import date

    from kh65_desktop.exchange.data import PeriodData
    from kh65_desktop.exchange.excel import TemplateRow, write_template

    rows = [
        TemplateRow(f"X.{n}", f"Chỉ tiêu {n}", "tỷ đồng", "1.000", None, "") for n in range(3000)
    ]
    period = PeriodData(
        "2024-H1", "6 tháng đầu năm 2024", "half_year", date(2024, 1, 1), date(2024, 6, 30)
    )
    path = write_template(
        tmp_path / "t.xlsx", "P", "65/KH-UBND", "STC", "Sở Tài chính", period, rows
    )
    sheet = openpyxl.load_workbook(path)["Số liệu"]
    checks = {v.type: v for v in sheet.data_validations.dataValidation}
    assert str(checks["decimal"].sqref) == "G6:G3005"
    assert str(checks["list"].sqref) == "H6:H3005"
