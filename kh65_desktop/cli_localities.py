"""`kh65 localities load FILE [--dry-run]` and `kh65 localities list [--at DATE] [--json]`."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from .domain.numbers import VietnameseFormatError, format_date, parse_date
from .services.localities import LoadPreview, LocalityInfo, load, localities_on, preview_load
from .storage.locality_file import read_locality_file

COMMAND = "localities"
ACTIONS = {"add": "Thêm", "change": "Sửa", "same": "Giữ nguyên"}


def add_parser(commands: Any) -> None:
    """The `localities` command and its two sub-commands."""
    localities = commands.add_parser("localities", help="danh sách địa bàn (xã, phường, huyện…)")
    which = localities.add_subparsers(dest="localities_command", required=True)
    loaded = which.add_parser("load", help="nạp danh sách địa bàn từ tệp .csv hoặc .xlsx")
    loaded.add_argument("file", type=Path)
    loaded.add_argument("--dry-run", action="store_true", help="chỉ xem trước, không ghi")
    listed = which.add_parser("list", help="liệt kê địa bàn")
    listed.add_argument("--at", help="chỉ các địa bàn còn hiệu lực vào ngày này (dd/mm/yyyy)")
    listed.add_argument("--json", action="store_true", help="in dạng JSON")


def writes(args: argparse.Namespace) -> bool:
    return args.command == "localities" and args.localities_command == "load" and not args.dry_run


def run(engine: Engine, args: argparse.Namespace) -> int:
    """Raises ExchangeError (a refused file) or LookupError (a bad date) for main to print
    on stderr with exit code 2."""
    if args.localities_command == "list":
        try:
            day = parse_date(args.at) if args.at else None
        except VietnameseFormatError as exc:
            raise LookupError(f"--at: {exc}") from None
        rows = localities_on(engine, day)
        if args.json:
            print(json.dumps([_json(r) for r in rows], ensure_ascii=False, indent=2))
        else:
            for r in rows:
                print(f"{r.code}\t{r.name}\t{r.kind}\t{_span(r)}" + _more(r))
            print(f"{len(rows)} địa bàn.")
        return 0
    listing = read_locality_file(args.file)
    preview = preview_load(engine, listing) if args.dry_run else None
    if preview is None:
        preview = load(engine, listing, "Dòng lệnh").preview
    _print_preview(preview)
    if args.dry_run:
        print("Xem trước: chưa ghi gì vào cơ sở dữ liệu.")
    elif preview.changes_nothing:
        print("Danh sách không làm thay đổi gì: mọi địa bàn trong tệp đã có ở đây như vậy.")
    else:
        print("Đã nạp danh sách địa bàn; có thể hoàn tác trong cửa sổ (Sửa → Hoàn tác).")
    return 0


def _print_preview(preview: LoadPreview) -> None:
    print(f"Tệp {preview.listing.file.name}: {preview.summary()}")
    for e in preview.entries:
        if e.action == "same" and not e.new_predecessors:
            continue
        changes = "; ".join(f"{label}: {old} → {new}" for label, old, new in e.changes)
        before = f" (tiền thân: {', '.join(e.new_predecessors)})" if e.new_predecessors else ""
        print(f"  [{ACTIONS[e.action]}] dòng {e.row} {e.code} {e.name}{before}", end="")
        print(f": {changes}" if changes else "")


def _span(r: LocalityInfo) -> str:
    start = format_date(r.valid_from) if r.valid_from else "…"
    end = format_date(r.valid_to) if r.valid_to else "…"
    return f"{start} – {end}"


def _more(r: LocalityInfo) -> str:
    parts = [f"thuộc {r.parent}"] if r.parent else []
    if r.predecessors:
        parts.append("tiền thân " + ", ".join(r.predecessors))
    return f"\t{'; '.join(parts)}" if parts else ""


def _json(r: LocalityInfo) -> dict[str, Any]:
    return {
        "code": r.code,
        "name": r.name,
        "kind": r.kind,
        "valid_from": r.valid_from.isoformat() if r.valid_from else None,
        "valid_to": r.valid_to.isoformat() if r.valid_to else None,
        "parent": r.parent or None,
        "predecessors": list(r.predecessors),
    }
