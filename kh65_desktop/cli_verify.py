"""`kh65 verify FILE.pdf [--trust CA.pem …] [--json]` checks a signed report offline;
`kh65 verify --add-trust CA.pem` keeps an authority's certificate for every later check.
Exit 0 only when every signature is intact, unchanged after signing and trusted; 1 when
the file was checked and is not; 2 when it cannot be checked (not a PDF, unreadable)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

COMMAND = "verify"


def add_parser(commands: Any) -> None:
    verify = commands.add_parser("verify", help="kiểm tra chữ ký số của báo cáo PDF")
    verify.add_argument("file", type=Path, nargs="?", help="tệp PDF đã ký")
    verify.add_argument(
        "--trust",
        type=Path,
        action="append",
        default=[],
        help="chứng thư gốc (.pem/.cer) tin cậy thêm cho lần kiểm tra này",
    )
    verify.add_argument(
        "--add-trust",
        type=Path,
        action="append",
        default=[],
        help="lưu chứng thư gốc này vào danh sách tin cậy của cơ quan",
    )
    verify.add_argument("--json", action="store_true", help="in dạng JSON")


def writes(args: argparse.Namespace) -> bool:
    return False  # the trust list lives in the user's data folder, not the database


def run(engine: Engine, args: argparse.Namespace) -> int:
    """Raises VerifyError (a ReportError: main prints it with exit code 2)."""
    from .reports.trusted_certificates import add_trusted, trusted_certificates
    from .reports.verification import VerifyError, load_certificates, verify_pdf

    for source in args.add_trust:
        for name in add_trusted(source):
            print(f"Đã thêm vào danh sách tin cậy: {name}")
    if args.file is None:
        if not args.add_trust:
            raise VerifyError("Hãy cho biết tệp PDF cần kiểm tra: kh65 verify TỆP.pdf")
        return 0
    verdict = verify_pdf(args.file, trusted_certificates() + load_certificates(args.trust))
    if args.json:
        print(json.dumps(_json(verdict), ensure_ascii=False, indent=2))
    else:
        print(verdict.text())
    if not verdict.ok:
        print(f"Lỗi: chữ ký của “{args.file.name}” không hợp lệ.", file=sys.stderr)
    return 0 if verdict.ok else 1


def _json(verdict: Any) -> dict[str, Any]:
    return {
        "file": str(verdict.path),
        "valid": verdict.ok,
        "signatures": [
            {
                "signer": s.signer,
                "signed_at": s.signed_at.isoformat() if s.signed_at else None,
                "intact": s.intact,
                "changed_after_signing": s.changed_after,
                "trusted": s.trusted,
                "problem": s.problem,
            }
            for s in verdict.signatures
        ],
    }
