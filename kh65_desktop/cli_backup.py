"""`kh65 backup [--to FOLDER]`: a backup now. A file is copied as the window's backups are
(checked, beside the database in "backups"); a server database is dumped with pg_dump when
this computer has it, else the command to run on the server is printed."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from .storage.backup import backup_folder, make_backup
from .storage.database import db_file
from .storage.engines import ServerAddress, is_server
from .storage.server_backup import backup_note, dump_server, find_pg_dump

COMMAND = "backup"


def add_parser(commands: Any) -> None:
    made = commands.add_parser(
        "backup", help="sao lưu ngay (tệp: bản sao đã kiểm tra; máy chủ: pg_dump)"
    )
    made.add_argument("--to", type=Path, default=None, help="thư mục chứa bản sao lưu")


def writes(args: argparse.Namespace) -> bool:
    return False  # it reads the database; the backup is another file


def run(engine: Engine, args: argparse.Namespace) -> int:
    if is_server(engine):
        url = engine.url
        address = ServerAddress(
            url.host or "", url.port or 5432, url.database or "", url.username or "", url.password
        )
        if find_pg_dump() is None:
            print(f"Lỗi: máy này không có pg_dump. {backup_note(address)}", file=sys.stderr)
            return 2
        target = dump_server(address, args.to or Path.cwd())
        print(f"Đã sao lưu {address.describe()} bằng pg_dump vào {target}.")
        print("Khôi phục: pg_restore -d <cơ sở dữ liệu trống> " + str(target))
        return 0
    path = db_file(engine)
    assert path is not None
    made = make_backup(path, "thu-cong")
    if made is None:
        print("Cơ sở dữ liệu chưa có kế hoạch nào: chưa có gì để sao lưu.")
        return 0
    if args.to is not None:
        args.to.mkdir(parents=True, exist_ok=True)
        made = Path(made.replace(args.to / made.name))
    print(f"Đã sao lưu vào {made} (thư mục sao lưu: {args.to or backup_folder(path)}).")
    return 0
