"""`kh65 server init [URL]`, `kh65 server add-clerk --role NAME --agency CODE…` and
`kh65 server clerks`: the office's IT person sets up who may write what on a PostgreSQL
server (storage/server_roles.py; docs/server.md, "Vai trò và quyền").

The server is the URL given, else --db; these commands connect as the administrator (the
database's owner), never as a clerk.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from .storage.database import open_database
from .storage.engines import (
    ServerAddress,
    explain_server,
    is_server_address,
    parse_server_address,
)
from .storage.failures import StorageError
from .storage.server_roles import add_clerk, clerk_roles, init_server

COMMAND = "server"


def add_parser(commands: Any) -> None:
    server = commands.add_parser("server", help="thiết lập máy chủ PostgreSQL: vai trò và quyền")
    which = server.add_subparsers(dest="server_command", required=True)
    init = which.add_parser(
        "init", help="tạo vai trò kh65_planning, kh65_clerk, phân quyền và bảo mật theo dòng"
    )
    init.add_argument("url", nargs="?", help="postgresql://quan_tri@may-chu/kh65 (mặc định: --db)")
    clerk = which.add_parser("add-clerk", help="thêm (hoặc sửa) tài khoản của một cán bộ")
    clerk.add_argument("url", nargs="?", help="địa chỉ máy chủ (mặc định: --db)")
    clerk.add_argument("--role", required=True, help="tên đăng nhập, ví dụ nv_sotc_lan")
    clerk.add_argument(
        "--agency", action="append", default=[], help="mã cơ quan cán bộ được ghi số liệu"
    )
    clerk.add_argument(
        "--planning", action="store_true", help="cán bộ phòng kế hoạch: ghi mọi số liệu, duyệt"
    )
    clerk.add_argument("--password", action="store_true", help="đặt mật khẩu (nhập khi được hỏi)")
    listed = which.add_parser("clerks", help="liệt kê các tài khoản và cơ quan của họ")
    listed.add_argument("url", nargs="?", help="địa chỉ máy chủ (mặc định: --db)")
    listed.add_argument("--json", action="store_true", help="in dạng JSON")


def writes(args: argparse.Namespace) -> bool:
    return False  # it writes the server named here, never --db's file: main opens nothing


def run(_engine: Engine | None, args: argparse.Namespace) -> int:  # main calls run_alone
    return run_alone(args)


def run_alone(args: argparse.Namespace) -> int:
    """Run on the server named here (or by --db). Refusals: message on stderr, exit code 2."""
    try:
        return _run(args)
    except (LookupError, StorageError) as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 2


def _run(args: argparse.Namespace) -> int:
    address = _address(args)
    password = _new_password(args.role) if getattr(args, "password", False) else None
    try:
        engine = open_database(address, reading=args.server_command != "init")
        try:
            with engine.begin() as connection:
                if args.server_command == "init":
                    init_server(connection)
                elif args.server_command == "add-clerk":
                    add_clerk(connection, args.role, args.agency, password, args.planning)
                else:
                    return _print_clerks(clerk_roles(connection), args.json)
        finally:
            engine.dispose()
    except DBAPIError as exc:
        raise LookupError(explain_server(exc, address)) from exc
    if args.server_command == "init":
        print(
            f"Đã thiết lập {address.describe()}: vai trò kh65_planning và kh65_clerk, quyền ghi "
            "theo cơ quan chủ trì, thông báo thay đổi. Thêm cán bộ: kh65 server add-clerk."
        )
    else:
        group = "phòng kế hoạch (ghi mọi số liệu)" if args.planning else "cán bộ cơ quan"
        codes = ", ".join(args.agency) or "mọi cơ quan"
        print(f"Đã tạo/sửa tài khoản {args.role}: {group}; cơ quan: {codes}.")
    return 0


def _address(args: argparse.Namespace) -> ServerAddress:
    text = args.url or args.db
    if not is_server_address(text):
        raise LookupError(
            "Lệnh kh65 server chỉ dùng với máy chủ PostgreSQL: hãy ghi địa chỉ, ví dụ "
            "kh65 server init postgresql://quan_tri@may-chu:5432/kh65 (hoặc --db địa chỉ đó)."
        )
    return parse_server_address(text)


def _new_password(role: str) -> str:
    first = getpass.getpass(f"Mật khẩu cho {role}: ")
    if not first:
        raise LookupError("Mật khẩu trống: không đặt. Hãy chạy lại và nhập mật khẩu.")
    if getpass.getpass("Nhập lại mật khẩu: ") != first:
        raise LookupError("Hai lần nhập mật khẩu không khớp; không có gì thay đổi.")
    return first


def _print_clerks(roles: list, as_json: bool) -> int:  # type: ignore[type-arg]
    if as_json:
        print(
            json.dumps(
                [
                    {
                        "role": r.name,
                        "planning": r.planning,
                        "agencies": [{"code": c, "name": n} for c, n in r.agencies],
                    }
                    for r in roles
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    for r in roles:
        what = "phòng kế hoạch: ghi mọi số liệu" if r.planning else "cán bộ"
        agencies = "; ".join(f"{c} {n}".strip() for c, n in r.agencies) or "—"
        print(f"{r.name}\t{what}\t{agencies}")
    print(f"{len(roles)} tài khoản.")
    return 0
