"""`kh65 keys export|trust|list|new`: this office's package signing key and the offices whose
keys this office trusts (exchange/signing.py, services/package_keys.py)."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from .domain.numbers import format_moment
from .exchange.signing import (
    PASSPHRASE_ENV,
    SigningKeyError,
    key_is_protected,
    keys_folder,
    office_key,
    own_keys,
    read_key_file,
    replace_key,
    short_fingerprint,
    write_key_file,
)
from .services.package_keys import TrustRefused, trust_key, trust_offer, trusted_keys

COMMAND = "keys"
CLERK = "Dòng lệnh"


def add_parser(commands: Any) -> None:
    keys = commands.add_parser("keys", help="khóa ký gói số liệu: của đơn vị này và đơn vị tin cậy")
    which = keys.add_subparsers(dest="keys_command", required=True)
    exported = which.add_parser("export", help="ghi tệp khóa công khai của đơn vị để gửi đi")
    exported.add_argument("--out", type=Path, required=True, help="tệp khóa, ví dụ stc.kh65key")
    exported.add_argument("--agency", help="cơ quan (mã hoặc tên) nếu máy giữ khóa của nhiều")
    trusted = which.add_parser("trust", help="tin cậy khóa của một đơn vị từ tệp khóa")
    trusted.add_argument("file", type=Path)
    trusted.add_argument(
        "--yes", action="store_true", help="không hỏi lại (đã so mã khóa qua điện thoại)"
    )
    listed = which.add_parser("list", help="khóa của đơn vị này và các đơn vị được tin cậy")
    listed.add_argument("--json", action="store_true", help="in dạng JSON")
    new = which.add_parser("new", help="tạo khóa mới, được khóa cũ ký xác nhận")
    new.add_argument("--agency", help="cơ quan (mã hoặc tên) nếu máy giữ khóa của nhiều")


def writes(args: argparse.Namespace) -> bool:
    return args.command == COMMAND and args.keys_command == "trust"


def passphrase_for(office_code: str) -> str | None:
    """The key's passphrase: $KH65_KEY_PASSPHRASE, else asked on a terminal when the key is
    under one (a new key gets the variable's passphrase, or none)."""
    given = os.environ.get(PASSPHRASE_ENV)
    if given or not key_is_protected(keys_folder(), office_code):
        return given
    if not sys.stdin.isatty():
        raise SigningKeyError(
            f"Khóa ký của đơn vị được đặt mật khẩu: hãy đặt biến môi trường {PASSPHRASE_ENV} "
            "hoặc chạy lệnh ở cửa sổ dòng lệnh để nhập mật khẩu. Chưa xuất gì.",
            needs_passphrase=True,
        )
    try:
        return getpass.getpass("Mật khẩu khóa ký: ")
    except (EOFError, KeyboardInterrupt):  # Ctrl+C at the prompt: a refusal, no traceback
        print(file=sys.stderr)
        raise SigningKeyError(
            "Chưa nhập mật khẩu khóa ký: chưa xuất gì. Hãy chạy lại lệnh và nhập mật khẩu, "
            f"hoặc đặt biến môi trường {PASSPHRASE_ENV}.",
            needs_passphrase=True,
        ) from None


def run(engine: Engine, args: argparse.Namespace) -> int:
    try:
        if args.keys_command == "list":
            return _list(engine, args.json)
        if args.keys_command == "trust":
            return _trust(engine, args.file, args.yes)
        code, name = _office(engine, args)
        if args.keys_command == "export":
            key = office_key(keys_folder(), code, name, passphrase_for(code))
            write_key_file(key, args.out)
            print(f"Đã ghi tệp khóa của {key.office_name}: {args.out}")
        else:
            passphrase = passphrase_for(code)
            key = replace_key(keys_folder(), code, name, passphrase, passphrase)
            print(
                f"Đã tạo khóa mới cho {key.office_name}"
                + (", được khóa cũ ký xác nhận." if key.announcement else ".")
            )
        print(f"Mã khóa: {key.public.short}")
        return 0
    except (SigningKeyError, TrustRefused) as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 2


def _office(engine: Engine, args: argparse.Namespace) -> tuple[str, str]:
    """The office whose key is meant: --agency, else the only one with a key here."""
    if args.agency:
        from .cli import _find  # the CLI's one way to name an agency
        from .services.plan_service import PlanService
        from .services.plans import choose_plan
        from .storage.models import Agency

        service = PlanService(engine)
        plan = choose_plan(engine, args.plan)
        agency = _find(
            [service.get(Agency, a.id) for a in service.agencies(plan)], args.agency, "cơ quan"
        )
        return agency.code, agency.name
    mine = own_keys(keys_folder())
    if len(mine) == 1:
        return mine[0][0], mine[0][1]
    raise LookupError(
        "Máy này chưa có khóa ký nào: hãy ghi --agency (mã hoặc tên cơ quan của đơn vị)."
        if not mine
        else "Máy này giữ khóa của nhiều cơ quan: hãy ghi --agency (mã hoặc tên cơ quan)."
    )


def _trust(engine: Engine, file: Path, yes: bool) -> int:
    key = read_key_file(file)
    offer = trust_offer(engine, key)
    print(f"Tệp khóa của: {key.office_name} (mã {key.office_code})")
    print(f"Mã khóa: {key.short}")
    if offer.announced:
        assert offer.replaces is not None
        print(
            f"Khóa mới này được khóa đang tin cậy của đơn vị (mã khóa "
            f"{short_fingerprint(offer.replaces.fingerprint)}) ký xác nhận: tin cậy tự động, "
            "khóa cũ được đánh dấu là đã thay."
        )
    elif not yes:
        if not sys.stdin.isatty():
            raise TrustRefused(
                "Hãy gọi điện cho đơn vị, so mã khóa trên với mã đơn vị đọc, rồi chạy lại lệnh "
                "với --yes. Chưa tin cậy khóa nào."
            )
        answer = input("Mã khóa có khớp với mã đơn vị đọc qua điện thoại? Gõ c để tin cậy: ")
        if answer.strip().lower() not in ("c", "có", "co"):
            print("Chưa tin cậy khóa nào.")
            return 1
    if offer.replaces is not None and not offer.announced:
        print(
            f"Khóa này thay khóa đang tin cậy của đơn vị (mã khóa "
            f"{short_fingerprint(offer.replaces.fingerprint)})."
        )
    trust_key(engine, offer, CLERK)
    print(f"Đã tin cậy khóa của {key.office_name}.")
    return 0


def _list(engine: Engine, as_json: bool) -> int:
    mine = own_keys(keys_folder())
    trusted = trusted_keys(engine)
    if as_json:
        print(
            json.dumps(
                {
                    "own": [
                        {"code": c, "name": n, "short": f, "passphrase": p} for c, n, f, p in mine
                    ],
                    "trusted": [
                        {
                            "code": k.agency_code,
                            "name": k.office_name,
                            "fingerprint": k.fingerprint,
                            "short": short_fingerprint(k.fingerprint),
                            "added_at": k.added_at.isoformat(),
                            "added_by": k.added_by,
                            "replaced_at": k.replaced_at.isoformat() if k.replaced_at else None,
                        }
                        for k in trusted
                    ],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    print("Khóa của đơn vị này:" if mine else "Máy này chưa có khóa ký (tạo khi xuất gói lần đầu).")
    for code, name, short, protected in mine:
        print(f"  {name} ({code}): {short}" + (" — có mật khẩu" if protected else ""))
    print("Đơn vị được tin cậy:" if trusted else "Chưa tin cậy khóa của đơn vị nào.")
    for k in trusted:
        state = f" — đã thay {format_moment(k.replaced_at)}" if k.replaced_at else ""
        print(f"  {k.office_name} ({k.agency_code}): {short_fingerprint(k.fingerprint)}{state}")
    return 0
