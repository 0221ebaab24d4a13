"""What signing costs: a 10.000-figure package written and read with and without its
signature (exchange/signing.py), each the median of several runs in one process.

    python benchmarks/package_signing.py [--figures 10000] [--repeat 7]

Never part of the test suite; results go in BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.timing import median  # noqa: E402
from kh65_desktop.exchange.data import ExchangeData, ValueData  # noqa: E402
from kh65_desktop.exchange.package import content_bytes, read_package, write_package  # noqa: E402
from kh65_desktop.exchange.signing import check_signature, make_key, signature_block  # noqa: E402


def _package(figures: int) -> ExchangeData:
    at = datetime(2024, 7, 1, tzinfo=UTC)
    data = ExchangeData("65/KH-UBND/2024", "CTHUE", "Cục Thuế tỉnh", datetime.now(UTC))
    data.values = [
        ValueData(
            f"X.{i // 100}.{i % 100}",
            "2024-H1",
            f"L{i % 97}",
            1234.5 + i,
            note="ghi chú",
            as_of=date(2024, 6, 30),
            entered_by="Nguyễn Văn A",
            entered_at=at + timedelta(seconds=i),
        )
        for i in range(figures)
    ]
    return data


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--figures", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    data, key = _package(args.figures), make_key("CTHUE", "Cục Thuế tỉnh")
    with tempfile.TemporaryDirectory() as folder:
        plain, signed = Path(folder) / "plain.kh65", Path(folder) / "signed.kh65"
        rows = [
            (
                "write",
                median(lambda: write_package(data, plain), args.repeat),
                median(lambda: write_package(data, signed, key), args.repeat),
            ),
            (
                "read",
                median(lambda: read_package(plain), args.repeat),
                median(lambda: read_package(signed), args.repeat),
            ),
        ]
        size = signed.stat().st_size - plain.stat().st_size
    # the signature alone (hashing the content and Ed25519), without the zip and JSON around it
    content = content_bytes(data)
    manifest: dict = {"format": "kh65-exchange", "content_sha256": "-"}
    sign = median(lambda: signature_block(key, manifest, content), args.repeat * 3)
    manifest["signature"] = signature_block(key, manifest, content)
    verify = median(lambda: check_signature(manifest, content, "p"), args.repeat * 3)
    print(f"{args.figures} figures, median of {args.repeat}; signature adds {size} bytes")
    print(
        f"signing alone {sign * 1000:.2f} ms, verifying alone {verify * 1000:.2f} ms "
        f"({len(content):,} bytes of content hashed)"
    )
    print("| step | unsigned | signed | added |")
    print("|---|---|---|---|")
    for name, without, with_ in rows:
        print(
            f"| {name} | {without * 1000:.1f} ms | {with_ * 1000:.1f} ms | "
            f"{(with_ - without) * 1000:+.1f} ms |"
        )


if __name__ == "__main__":
    main()
