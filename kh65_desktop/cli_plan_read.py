"""`kh65 plan read FILE --out PLAN.toml [--json]`: a plan read from its Word, PDF or text
document, written as a plan file to review (and then `kh65 plan load`). The database is only
read, for the agencies it knows."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from .atomic_file import atomic_path
from .documents.items import FoundItem, ItemKind, ReadPlan
from .documents.text import DocumentError
from .file_errors import why_not_written
from .services.plan_reading import read_plan_file

COMMAND = "read"  # a sub-command of `plan`
KIND_NAMES = {
    ItemKind.DETAILS: "văn bản",
    ItemKind.AGENCY: "cơ quan",
    ItemKind.GROUP: "nhóm",
    ItemKind.INDICATOR: "chỉ tiêu",
    ItemKind.TASK: "nhiệm vụ",
}


def add_parser(actions: Any) -> None:
    """`read` under `kh65 plan`."""
    read = actions.add_parser(
        "read", help="đọc kế hoạch từ văn bản .docx, .pdf hoặc .txt, ghi ra tệp .toml để xem lại"
    )
    read.add_argument("file", type=Path, help="văn bản kế hoạch (.docx, .pdf, .txt)")
    read.add_argument("--out", type=Path, required=True, help="tệp kế hoạch .toml sẽ ghi")
    read.add_argument(
        "--json", action="store_true", help="in các mục đọc được (câu trích, độ tin cậy, lý do)"
    )


def writes(args: argparse.Namespace) -> bool:
    return False  # a file beside the database, never the database


def run(engine: Engine, args: argparse.Namespace) -> int:
    """0 with the file written; 2 with a message on stderr and nothing written for a document
    that cannot be read or holds no plan."""
    try:
        read = read_plan_file(engine, args.file)
    except DocumentError as error:
        print(f"Lỗi: {error}", file=sys.stderr)
        return 2
    if read.indicator_count == 0:
        print(
            f"Lỗi: không tìm thấy chỉ tiêu nào trong {args.file.name}: có vẻ đây không phải văn "
            "bản kế hoạch (hoặc chỉ tiêu nằm trong phần không đọc được, như ảnh chụp). Hãy "
            "kiểm tra đúng tệp chưa. Không ghi tệp nào.",
            file=sys.stderr,
        )
        return 2
    try:
        with atomic_path(args.out) as temporary:
            temporary.write_text(read.plan_text(), encoding="utf-8")
    except OSError as error:
        print(f"Lỗi: không ghi được {args.out}: {why_not_written(error)}.", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(_json(read), ensure_ascii=False, indent=2, default=str))
    else:
        print(summary(read, args.out))
    return 0


def summary(read: ReadPlan, out: Path) -> str:
    """What was found, then each unsure item with why, then what to do next."""
    count = {kind: 0 for kind in ItemKind}
    for item in read.items:
        count[item.kind] += 1
    unsure = [i for i in read.items if not i.sure]
    lines = [
        f"Đã đọc {read.document.name}: {count[ItemKind.GROUP]} nhóm, "
        f"{count[ItemKind.INDICATOR]} chỉ tiêu, {count[ItemKind.TASK]} nhiệm vụ, "
        f"{count[ItemKind.AGENCY]} cơ quan.",
    ]
    if unsure:
        lines.append(f"Chưa chắc chắn: {len(unsure)} mục, cần xem lại:")
        lines += [
            f"  [{KIND_NAMES[i.kind]}] {i.title.strip(' —:')} (lý do: {'; '.join(i.reasons)})"
            for i in unsure
        ]
    else:
        lines.append("Mọi mục đều đọc được chắc chắn.")
    lines.append(
        f"Đã ghi {out}. Hãy xem lại tệp (mỗi chỉ tiêu kèm câu trích trong văn bản), "
        f"rồi nạp: kh65 plan load {out}"
    )
    return "\n".join(lines)


def _json(read: ReadPlan) -> dict[str, Any]:
    return {
        "document": read.document.name,
        "indicators": read.indicator_count,
        "items": [_item(i) for i in read.items],
    }


def _item(item: FoundItem) -> dict[str, Any]:
    return {
        "key": item.key,
        "kind": str(item.kind),
        "group": item.group_key,
        "title": item.title,
        "quote": item.quote,
        "span": list(item.span),
        "confidence": round(item.confidence, 2),
        "sure": item.sure,
        "reasons": item.reasons,
        "fields": item.fields,
    }
