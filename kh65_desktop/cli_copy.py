"""`kh65 copy --from SOURCE --to TARGET [--replace]`: a whole database copied between a
SQLite file and a PostgreSQL server (either way), checked figure by figure."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from .domain.numbers import format_number
from .storage.copy import copy_database
from .storage.database import database_target
from .storage.failures import StorageError

COMMAND = "copy"


def add_parser(commands: Any) -> None:
    copied = commands.add_parser(
        "copy",
        help="chép cả cơ sở dữ liệu giữa tệp SQLite và máy chủ PostgreSQL",
        description=(
            "Chép mọi bảng (giữ nguyên mã), trong một giao dịch ở đích, rồi so từng số liệu. "
            "Ví dụ: kh65 copy --from kh65.db --to postgresql://lan@may-chu/kh65"
        ),
    )
    copied.add_argument("--from", dest="source", required=True, help="tệp .db hoặc postgresql://…")
    copied.add_argument("--to", dest="target", required=True, help="tệp .db hoặc postgresql://…")
    copied.add_argument(
        "--replace", action="store_true", help="xoá dữ liệu đang có ở đích rồi chép đè"
    )


def writes(args: argparse.Namespace) -> bool:
    return False  # it writes the --to database, never --db's: main opens nothing for it


def run_alone(args: argparse.Namespace) -> int:
    """Run without --db's database. Refusals: message on stderr, exit code 2."""
    try:
        source, target = database_target(args.source), database_target(args.target)
        print(f"Chép {_name(source)} → {_name(target)}…")
        result = copy_database(source, target, args.replace, print)
    except StorageError as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 2
    tables = sum(1 for n in result.rows.values() if n)
    print(
        f"Đã chép {format_number(sum(result.rows.values()))} dòng ở {tables} bảng, trong đó "
        f"{format_number(result.figures)} số liệu; đã so khớp từng số liệu với nguồn."
    )
    return 0


def run(engine: Any, args: argparse.Namespace) -> int:  # main calls run_alone instead
    return run_alone(args)


def _name(where: Any) -> str:
    return where.describe() if hasattr(where, "describe") else str(where)
