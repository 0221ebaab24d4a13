"""The .kh65 package: a zip holding manifest.json and content.json (docs/exchange-format.md).

Reading trusts nothing: size, members, compression ratio, checksum, version and every field
are checked before the content reaches the database.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from dataclasses import asdict
from datetime import UTC, date, datetime
from functools import partial
from pathlib import Path
from typing import Any

from .. import __version__
from ..atomic_file import atomic_path
from ..domain.terms import (
    Direction,
    IndicatorKind,
    PeriodKind,
    SectionKind,
    TargetForm,
    TaskStatus,
)
from . import json_fields as fields
from .archive import DAMAGED, ZIP_ERRORS, check_archive
from .data import (
    FORMAT,
    FORMAT_VERSION,
    MAX_CONTENT_BYTES,
    MAX_PLAN_FILE,
    MAX_RATIO,
    MAX_VALUES,
    ExchangeData,
    ExchangeError,
    PeriodData,
    SamePeriodData,
    TargetData,
    TaskData,
    TextData,
    ValueData,
)
from .json_fields import RESEND, describe, load_object
from .reviews import read_reviews, reviews_json
from .signing import SIGNATURE, OfficeKey, check_signature, signature_block

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


def _text(t: TextData) -> dict[str, Any]:
    return {
        "period": t.period,
        "section": t.section,
        "task": t.task,
        "text": t.text,
        "updated_by": t.updated_by,
        "updated_at": _plain(t.updated_at),
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
    if data.same_period:  # only when there are: a package without them is as before
        body["same_period"] = [
            {k: _plain(v) for k, v in asdict(s).items()} for s in data.same_period
        ]
    if data.texts:  # a package without sections stays as older versions wrote it
        body["texts"] = [_text(t) for t in data.texts]
    if data.reviews:  # the planners' returns (docs/exchange-format.md); older readers ignore
        body["reviews"] = reviews_json(data.reviews)
    if data.plan_file:
        body["plan_file"] = data.plan_file
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def write_package(data: ExchangeData, path: Path, key: OfficeKey | None = None) -> Path:
    """Write atomically: a half-written package never replaces a good one. With `key`, the
    manifest carries the office's signature (exchange/signing.py)."""
    content = content_bytes(data)
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "app_version": __version__,
        "created_at": data.created_at.isoformat(),
        "content_sha256": hashlib.sha256(content).hexdigest(),
    }
    if key is not None:
        manifest[SIGNATURE] = signature_block(key, manifest, content)
    with (
        atomic_path(path) as temporary,
        zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive,
    ):
        archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
        archive.writestr(CONTENT, content)
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
    except ZIP_ERRORS:
        raise ExchangeError(path, DAMAGED) from None
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
    except zipfile.BadZipFile:
        raise ExchangeError(path, DAMAGED) from None
    manifest = load_object(manifest_bytes, path, MANIFEST)
    if manifest.get("format") != FORMAT:
        raise ExchangeError(path, "đây không phải là gói dữ liệu KH65.")
    version = manifest.get("format_version")
    if type(version) is not int or version < 1:
        raise ExchangeError(
            path, f"số phiên bản định dạng {describe(version)} không hợp lệ. {RESEND}"
        )
    if version > FORMAT_VERSION:
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
    signer = check_signature(manifest, content, path)  # before anything is believed
    created_at = fields.moment(manifest, "created_at", path, lambda: MANIFEST)
    if created_at is None:
        raise ExchangeError(path, f"{MANIFEST}: thiếu thời điểm tạo gói (created_at). {RESEND}")
    data = parse_content(load_object(content, path, CONTENT), path)
    data.created_at = created_at
    data.content_sha256, data.source = digest, path.name
    data.signer = signer
    return data


def _once(codes: list[str], path: Path, what: str) -> None:
    """A row keyed by its code appears once: twice, the import and its undo would each see
    a different one of them."""
    seen: dict[str, int] = {}
    for number, key in enumerate(codes, start=1):
        if key in seen:
            raise ExchangeError(
                path,
                f"{what} mã “{key}” xuất hiện hai lần (thứ {seen[key]} và thứ {number}). {RESEND}",
            )
        seen[key] = number


def _periods(body: dict[str, Any], path: Path) -> list[PeriodData]:
    periods = []
    for number, raw in enumerate(fields.rows(body, "periods", path), start=1):
        where = partial("kỳ báo cáo thứ {}".format, number)
        p = fields.record(raw, path, where)
        periods.append(
            PeriodData(
                fields.code(p, "code", path, where),
                fields.name(p, "name", path, where),
                fields.choice(p, "kind", PeriodKind, path, where),
                fields.required_day(p, "starts_on", path, where),
                fields.required_day(p, "ends_on", path, where),
                fields.day(p, "cutoff_on", path, where),
            )
        )
    _once([p.code for p in periods], path, "kỳ báo cáo")
    return periods


def _values(body: dict[str, Any], path: Path) -> list[ValueData]:
    """Every figure, each field checked; a package may hold 100.000, so the message saying
    where a bad one is is only put together when one is found."""
    values = fields.rows(body, "values", path)
    if len(values) > MAX_VALUES:
        raise ExchangeError(path, f"gói có {len(values)} số liệu, quá giới hạn {MAX_VALUES}.")
    items: list[ValueData] = []
    seen: set[tuple[str, str, str | None]] = set()
    for number, raw in enumerate(values, start=1):
        where = partial(_where, number, raw)
        v = fields.record(raw, path, where)
        item = ValueData(
            fields.code(v, "indicator", path, where),
            fields.code(v, "period", path, where),
            fields.optional_code(v, "locality", path, where),
            fields.number(v, "value", path, where),
            fields.text(v, "text", path, where),
            fields.flag(v, "achieved", path, where),
            bool(fields.flag(v, "estimate", path, where)),
            fields.day(v, "as_of", path, where),
            fields.text(v, "note", path, where),
            fields.text(v, "entered_by", path, where),
            fields.moment(v, "entered_at", path, where),
        )
        key = item.key
        if key in seen:
            raise ExchangeError(
                path,
                f"{where()}: số liệu của chỉ tiêu {item.indicator}, kỳ "
                f"{item.period} xuất hiện hai lần.",
            )
        seen.add(key)
        items.append(item)
    return items


def _where(number: int, v: Any) -> str:
    indicator = v.get("indicator") if isinstance(v, dict) else None
    if not isinstance(indicator, str):
        return f"số liệu thứ {number}"
    return f"số liệu thứ {number} (chỉ tiêu {fields.describe(indicator)})"


def _tasks(body: dict[str, Any], path: Path) -> list[TaskData]:
    tasks = []
    for number, raw in enumerate(fields.rows(body, "tasks", path), start=1):
        where = partial("nhiệm vụ thứ {}".format, number)
        t = fields.record(raw, path, where)
        tasks.append(
            TaskData(
                fields.code(t, "code", path, where),
                fields.choice(t, "status", TaskStatus, path, where),
                fields.text(t, "note", path, where),
                fields.text(t, "updated_by", path, where),
                fields.moment(t, "updated_at", path, where),
            )
        )
    _once([t.code for t in tasks], path, "nhiệm vụ")
    return tasks


def _definitions(body: dict[str, Any], path: Path) -> list[TargetData]:
    definitions = []
    for number, raw in enumerate(fields.rows(body, "definitions", path), start=1):
        where = partial("định nghĩa chỉ tiêu thứ {}".format, number)
        d = fields.record(raw, path, where)
        definitions.append(
            TargetData(
                fields.code(d, "code", path, where),
                fields.code(d, "group", path, where),
                fields.name(d, "name", path, where),
                fields.text(d, "unit", path, where),
                fields.choice(d, "kind", IndicatorKind, path, where),
                fields.choice(d, "direction", Direction, path, where),
                fields.choice(d, "target_form", TargetForm, path, where),
                fields.number(d, "target_value", path, where),
                bool(fields.flag(d, "target_strict", path, where)),
                fields.number(d, "target_share", path, where),
                fields.text(d, "target_text", path, where),
            )
        )
    _once([d.code for d in definitions], path, "định nghĩa chỉ tiêu")
    return definitions


def _texts(body: dict[str, Any], path: Path) -> list[TextData]:
    """The sender's report sections: each field typed, a task's result naming its task (and
    no other section naming one), each (period, section, task) once."""
    texts: list[TextData] = []
    seen: dict[tuple[str, str, str | None], int] = {}
    for number, raw in enumerate(fields.rows(body, "texts", path), start=1):
        where = partial("phần lời văn thứ {}".format, number)
        t = fields.record(raw, path, where)
        item = TextData(
            fields.code(t, "period", path, where),
            fields.choice(t, "section", SectionKind, path, where),
            fields.optional_code(t, "task", path, where),
            fields.text(t, "text", path, where),
            fields.text(t, "updated_by", path, where),
            fields.moment(t, "updated_at", path, where),
        )
        if (item.section == SectionKind.TASK_RESULT) != (item.task is not None):
            wanted = "phải ghi mã nhiệm vụ" if item.task is None else "không ghi mã nhiệm vụ"
            raise ExchangeError(
                path,
                f"{where()}: phần “{item.section}” {wanted} (trường “task”). {RESEND}",
            )
        if item.key in seen:
            raise ExchangeError(
                path,
                f"{where()}: phần “{item.section}”"
                + (f" của nhiệm vụ {item.task}" if item.task else "")
                + f", kỳ {item.period} xuất hiện hai lần (thứ {seen[item.key]} và thứ "
                f"{number}). {RESEND}",
            )
        seen[item.key] = number
        texts.append(item)
    return texts


def parse_content(body: dict[str, Any], path: Path) -> ExchangeData:
    """Turn the content JSON into ExchangeData, checking every field's presence and type
    (what the values mean is checked later, against the plan)."""
    where = lambda: CONTENT  # noqa: E731
    sender = fields.record(body.get("sender"), path, lambda: f"{CONTENT}: đơn vị gửi (sender)")
    data = ExchangeData(
        fields.code(body, "plan", path, where),
        fields.code(sender, "code", path, lambda: "đơn vị gửi"),
        fields.name(sender, "name", path, lambda: "đơn vị gửi"),
        datetime.now(UTC),
    )
    data.periods = _periods(body, path)
    data.values = _values(body, path)
    data.tasks = _tasks(body, path)
    data.definitions = _definitions(body, path)
    data.same_period = _same_period(body, path)
    data.texts = _texts(body, path)
    data.plan_file = _plan_file(body, path)
    data.reviews = read_reviews(body, path)
    return data


def _plan_file(body: dict[str, Any], path: Path) -> str:
    """The plan file carried by the plan's owner: a text within its limit; what it says is
    checked when it is loaded (storage/plan_file), never before the clerk asks for it."""
    carried = fields.text(body, "plan_file", path, lambda: CONTENT)
    if len(carried) > MAX_PLAN_FILE:
        raise ExchangeError(
            path,
            f"tệp kế hoạch kèm theo dài {len(carried):,} ký tự, quá giới hạn "
            f"{MAX_PLAN_FILE:,}. {RESEND}".replace(",", "."),
        )
    return carried


def _same_period(body: dict[str, Any], path: Path) -> list[SamePeriodData]:
    """Same-period figures ("cùng kỳ"); packages before them have none."""
    items: list[SamePeriodData] = []
    seen: set[tuple[str, str, str | None]] = set()
    for number, raw in enumerate(fields.rows(body, "same_period", path), start=1):
        where = partial("số cùng kỳ thứ {}".format, number)
        s = fields.record(raw, path, where)
        value = fields.number(s, "value", path, where)
        if value is None:
            raise ExchangeError(path, f"{where()}: thiếu số ở trường “value”. {RESEND}")
        item = SamePeriodData(
            fields.code(s, "indicator", path, where),
            fields.code(s, "period", path, where),
            fields.optional_code(s, "locality", path, where),
            value,
            fields.text(s, "entered_by", path, where),
            fields.moment(s, "entered_at", path, where),
        )
        if item.key in seen:
            raise ExchangeError(
                path,
                f"{where()}: số cùng kỳ của chỉ tiêu {item.indicator}, kỳ {item.period} "
                "xuất hiện hai lần.",
            )
        seen.add(item.key)
        items.append(item)
    return items
