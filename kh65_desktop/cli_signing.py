"""`kh65 report … --sign FILE.p12 | --sign-pkcs11 MODULE`: the report's signing options.
The passphrase or PIN is asked for (never on the command line, where `ps` shows it) unless
KH65_SIGN_PASSPHRASE or KH65_TOKEN_PIN holds it, for scripts."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Any


def add_signing_arguments(report: Any) -> None:
    way = report.add_mutually_exclusive_group()
    way.add_argument("--sign", type=Path, metavar="FILE.p12", help="ký số bằng tệp khóa .p12/.pfx")
    way.add_argument(
        "--sign-pkcs11", metavar="MODULE", help="ký số bằng thiết bị (token): thư viện PKCS#11"
    )
    report.add_argument("--token-label", help="nhãn thiết bị ký số (mặc định: thiết bị đầu tiên)")
    report.add_argument("--key-label", help="nhãn khóa ký trên thiết bị (mặc định: khóa đầu tiên)")
    report.add_argument("--sign-image", type=Path, help="ảnh chữ ký (PNG nền trong suốt)")
    report.add_argument("--seal-image", type=Path, help="ảnh con dấu (PNG nền trong suốt)")
    report.add_argument(
        "--sign-copy", action="store_true", help="ký như bản sao: góc trên bên phải trang đầu"
    )


def signing_from_args(args: argparse.Namespace) -> Any:
    """The report's Signing, or None when no key was given."""
    if not args.sign and not args.sign_pkcs11:
        if args.sign_image or args.seal_image or args.sign_copy:
            raise LookupError(
                "Ảnh chữ ký, ảnh con dấu và --sign-copy cần --sign hoặc --sign-pkcs11."
            )
        return None
    if args.out.suffix.lower() != ".pdf":  # say so before asking for a secret
        raise LookupError("Chỉ ký số được báo cáo PDF: hãy lưu với đuôi .pdf (--out TỆP.pdf).")
    from .reports.produce import Signing
    from .reports.signing import Appearance, FileKey, TokenKey

    look = Appearance(args.sign_image, args.seal_image, args.sign_copy)
    if args.sign:
        if not args.sign.is_file():  # say so before asking for its passphrase
            raise LookupError(
                f"Không có tệp khóa ký số “{args.sign}”: hãy kiểm tra đường dẫn sau --sign. "
                "Chưa ký, chưa ghi tệp nào."
            )
        secret = os.environ.get("KH65_SIGN_PASSPHRASE")
        if secret is None:
            secret = _ask(
                f"Mật khẩu của tệp khóa {args.sign.name}: ", "mật khẩu", "KH65_SIGN_PASSPHRASE"
            )
        return Signing(FileKey(args.sign, secret), look)
    if not Path(args.sign_pkcs11).is_file():
        raise LookupError(
            f"Không có thư viện thiết bị ký số “{args.sign_pkcs11}”: hãy ghi đúng đường dẫn tệp "
            "PKCS#11 mà nơi cấp thiết bị hướng dẫn (.dll, .so). Chưa ký, chưa ghi tệp nào."
        )
    pin = os.environ.get("KH65_TOKEN_PIN")
    if pin is None:
        pin = _ask("Mã PIN của thiết bị ký số: ", "mã PIN", "KH65_TOKEN_PIN")
    return Signing(TokenKey(args.sign_pkcs11, pin, args.token_label, args.key_label), look)


def _ask(prompt: str, what: str, variable: str) -> str:
    """The secret typed at the prompt; Ctrl+C, or no terminal to type on (input ended), is
    a refusal, not a traceback."""
    try:
        return getpass.getpass(prompt)
    except (EOFError, KeyboardInterrupt):
        print(file=sys.stderr)  # the prompt's line left open
        raise LookupError(
            f"Chưa nhập {what}: chưa ký, chưa ghi tệp nào. Hãy chạy lại lệnh và nhập {what}, "
            f"hoặc đặt biến môi trường {variable} nếu chạy bằng kịch bản."
        ) from None
