"""The .kh65 package: a zip holding manifest.json and content.json (docs/exchange-format.md).

Reading trusts nothing: size, members, compression ratio, checksum, version and every field
are checked before the content reaches the database.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import tempfile
import zipfile
import zlib
from dataclasses import asdict
from datetime import date, datetime
from pathlib import Path
from typing import Any

from .. import __version__
from .archive import check_archive
from .data import (
    FORMAT,
    FORMAT_VERSION,
    MAX_CONTENT_BYTES,
    MAX_RATIO,
    MAX_VALUES,
    ExchangeData,
    ExchangeError,
    PeriodData,
    TargetData,
    TaskData,
    ValueData,
)

MANIFEST, CONTENT = "manifest.json", "content.json"
SUFFIX = ".kh65"


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _value(v: ValueData) -> dict[str, Any]:
    """One figure as JSON; written field by field (asdict is slow for 100.000 of them)."""
    return {
        "indicator": v.indicator,
        "period": v.period,
        "locality": v.locality,
        "value": v.value,
        "text": v.text,
        "achieved": v.achieved,
        "estimate": v.estimate,
        "as_of": _plain(v.as_of),
        "note": v.note,
        "entered_by": v.entered_by,
        "entered_at": _plain(v.entered_at),
    }


def content_bytes(data: ExchangeData) -> bytes:
    """The content as canonical JSON (sorted keys), so equal content has equal checksums."""
    body = {
        "plan": data.plan_code,
        "sender": {"code": data.sender_code, "name": data.sender_name},
        "periods": [{k: _plain(v) for k, v in asdict(p).items()} for p in data.periods],
        "values": [_value(v) for v in data.values],
        "tasks": [{k: _plain(v) for k, v in asdict(t).items()} for t in data.tasks],
        "definitions": [asdict(d) for d in data.definitions],
    }
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def write_package(data: ExchangeData, path: Path) -> Path:
    """Write atomically: a half-written package never replaces a good one."""
    content = content_bytes(data)
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "app_version": __version__,
        "created_at": data.created_at.isoformat(),
        "content_sha256": hashlib.sha256(content).hexdigest(),
    }
    handle, temporary = tempfile.mkstemp(prefix=".kh65-", dir=path.parent)
    os.close(handle)
    try:
        with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
            archive.writestr(CONTENT, content)
        os.replace(temporary, path)
    finally:
        Path(temporary).unlink(missing_ok=True)
    return path


def _member(archive: zipfile.ZipFile, name: str, path: Path) -> bytes:
    info = archive.getinfo(name)
    if info.file_size > MAX_CONTENT_BYTES or info.file_size > MAX_RATIO * max(
        info.compress_size, 1024
    ):
        raise ExchangeError(
            path,
            f"phần “{name}” giải nén ra quá lớn "
            f"({info.file_size:,} byte); tệp có thể là “bom nén”.".replace(",", "."),
        )
    try:
        with archive.open(info) as stream:
            data = stream.read(MAX_CONTENT_BYTES + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise ExchangeError(path, f"tệp bị hỏng hoặc không đầy đủ ({exc}).") from None
    if len(data) > MAX_CONTENT_BYTES:
        raise ExchangeError(path, "nội dung giải nén vượt quá giới hạn 200 MB.")
    return data


def read_package(path: Path) -> ExchangeData:
    """Read and check a package; raises ExchangeError saying what is wrong."""
    check_archive(path, "gói dữ liệu KH65 (.kh65)")
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            bad = [n for n in names if n not in (MANIFEST, CONTENT)]
            if bad:
                raise ExchangeError(
                    path,
                    f"gói chứa tên tệp không hợp lệ “{bad[0]}” (chỉ được "
                    f"có {MANIFEST} và {CONTENT}).",
                )
            if CONTENT not in names or MANIFEST not in names:
                raise ExchangeError(path, "gói thiếu phần nội dung hoặc phần mô tả.")
            manifest_bytes = _member(archive, MANIFEST, path)
            content = _member(archive, CONTENT, path)
    except zipfile.BadZipFile as exc:
        raise ExchangeError(path, f"tệp bị hỏng hoặc không đầy đủ ({exc}).") from None
    manifest = _json(manifest_bytes, path, MANIFEST)
    if manifest.get("format") != FORMAT:
        raise ExchangeError(path, "đây không phải là gói dữ liệu KH65.")
    version = manifest.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise ExchangeError(
            path,
            f"gói được tạo bởi phiên bản KH65 mới hơn (định dạng "
            f"{version}); hãy cập nhật KH65 Desktop rồi nhập lại.",
        )
    digest = hashlib.sha256(content).hexdigest()
    if digest != manifest.get("content_sha256"):
        raise ExchangeError(
            path,
            "nội dung đã bị thay đổi hoặc hỏng (mã kiểm tra SHA-256 "
            "không khớp). Hãy xin đơn vị gửi lại tệp.",
        )
    data = parse_content(_json(content, path, CONTENT), path)
    data.created_at = _datetime(manifest.get("created_at"), path, "created_at")
    data.content_sha256, data.source = digest, path.name
    return data


def _json(raw: bytes, path: Path, name: str) -> dict[str, Any]:
    try:
        value = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ExchangeError(path, f"phần “{name}” không đọc được ({exc}).") from None
    if not isinstance(value, dict):
        raise ExchangeError(path, f"phần “{name}” không đúng cấu trúc.")
    return value


def _datetime(value: Any, path: Path, what: str) -> datetime:
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        raise ExchangeError(path, f"thời điểm “{value}” ({what}) không hợp lệ.") from None


def _date(value: Any, path: Path, what: str) -> date | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ExchangeError(path, f"ngày “{value}” ({what}) không hợp lệ.") from None


def _number(value: Any, path: Path, where: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ExchangeError(path, f"{where}: “{value}” không phải là số.")
    if not math.isfinite(value):
        raise ExchangeError(path, f"{where}: giá trị {value} không hợp lệ.")
    return float(value)


def _values(values: list[dict[str, Any]], path: Path) -> list[ValueData]:
    """Every figure, each field checked; a package may hold 100.000, so the message saying
    where a bad one is is only put together when one is found."""
    items: list[ValueData] = []
    seen: set[tuple[str, str, str | None]] = set()
    for number, v in enumerate(values, start=1):
        value, at, as_of = v.get("value"), v.get("entered_at"), v.get("as_of")
        if value is not None and (type(value) is not float or not math.isfinite(value)):
            value = _number(value, path, _where(number, v))
        if at:
            try:
                at = datetime.fromisoformat(at)
            except (TypeError, ValueError):
                raise ExchangeError(
                    path, f"thời điểm “{at}” ({_where(number, v)}) không hợp lệ."
                ) from None
        item = ValueData(
            str(v["indicator"]),
            str(v["period"]),
            v.get("locality"),
            value,
            str(v.get("text") or ""),
            v.get("achieved"),
            v.get("estimate", False),  # a real boolean or refused: exchange/checks.py
            _date(as_of, path, _where(number, v)) if as_of else None,
            str(v.get("note") or ""),
            str(v.get("entered_by") or ""),
            at or None,
        )
        key = item.key
        if key in seen:
            raise ExchangeError(
                path,
                f"{_where(number, v)}: số liệu của chỉ tiêu {item.indicator}, kỳ "
                f"{item.period} xuất hiện hai lần.",
            )
        seen.add(key)
        items.append(item)
    return items


def _where(number: int, v: Any) -> str:
    indicator = v.get("indicator") if isinstance(v, dict) else None
    return f"số liệu thứ {number} (chỉ tiêu {indicator})"


def parse_content(body: dict[str, Any], path: Path) -> ExchangeData:
    """Turn the content JSON into ExchangeData, checking every field."""
    try:
        sender = body["sender"]
        data = ExchangeData(
            str(body["plan"]), str(sender["code"]), str(sender["name"]), datetime.now()
        )
        values = body.get("values", [])
        if len(values) > MAX_VALUES:
            raise ExchangeError(path, f"gói có {len(values)} số liệu, quá giới hạn {MAX_VALUES}.")
        data.periods = [
            PeriodData(
                str(p["code"]),
                str(p["name"]),
                str(p["kind"]),
                _date(p["starts_on"], path, "starts_on") or date.min,
                _date(p["ends_on"], path, "ends_on") or date.min,
                _date(p.get("cutoff_on"), path, "cutoff_on"),
            )
            for p in body.get("periods", [])
        ]
        data.values = _values(values, path)
        data.tasks = [
            TaskData(
                str(t["code"]),
                str(t["status"]),
                str(t.get("note") or ""),
                str(t.get("updated_by") or ""),
                _datetime(t["updated_at"], path, "nhiệm vụ") if t.get("updated_at") else None,
            )
            for t in body.get("tasks", [])
        ]
        data.definitions = [TargetData(**d) for d in body.get("definitions", [])]
        for d in data.definitions:
            _number(d.target_value, path, f"định nghĩa chỉ tiêu {d.code}")
    except (KeyError, TypeError, AttributeError) as exc:
        raise ExchangeError(path, f"nội dung thiếu hoặc sai trường {exc}.") from None
    return data
