"""PostgreSQL beside SQLite (issue 17): the window's start on the built-in plan on a server
database against the same on a file, and `kh65 copy` of the built-in plan to a server against
a copy to a new file. A private server is started from the system's binaries for the run
(tests/pg_server.py). Never part of the test suite.

    python benchmarks/postgres.py --repeat 7
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.run import Result, _run, _settings_home  # noqa: E402
from tests.pg_server import start_server  # noqa: E402


def bench_postgres(repeat: int, folder: Path) -> list[Result]:
    env = _settings_home(folder)
    kh65 = [sys.executable, "-m", "kh65_desktop"]
    server = start_server()
    try:
        builtin = folder / "builtin.db"
        _run([*kh65, "--db", str(builtin)], env)  # created once, as a first start does
        url = server.create_database("bench_start")
        _run([*kh65, "--db", url], env)  # created and seeded once
        starts: dict[str, list[float]] = {"file": [], "server": []}
        copies: dict[str, list[float]] = {"file": [], "server": []}
        target = server.create_database("bench_copy")
        for n in range(repeat):  # interleaved: the shared machine's drift hits both alike
            for name, db in (("file", str(builtin)), ("server", url)):
                start = time.perf_counter()
                _run([*kh65, "--db", db], env)
                starts[name].append(time.perf_counter() - start)
            for name, to in (("file", str(folder / f"copy-{n}.db")), ("server", target)):
                start = time.perf_counter()
                _run([*kh65, "copy", "--from", str(builtin), "--to", to, "--replace"], env)
                copies[name].append(time.perf_counter() - start)
    finally:
        server.stop()
    return [
        Result(
            "Khởi động cửa sổ, kế hoạch có sẵn: PostgreSQL / SQLite",
            statistics.median(starts["server"]),
            statistics.median(starts["file"]),
            target="≤ 1,2×",
        ),
        Result(
            "kh65 copy kế hoạch có sẵn: tệp → máy chủ / tệp → tệp mới",
            statistics.median(copies["server"]),
            statistics.median(copies["file"]),
        ),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        results = bench_postgres(args.repeat, Path(folder))
    print("\n| Phép đo | KH65 | Mốc so sánh | Tỷ lệ | Mục tiêu |\n|---|---|---|---|---|")
    for r in results:
        print(
            f"| {r.name} | {r.ours * 1000:.0f} ms | {r.baseline * 1000:.0f} ms | "
            f"{r.ratio:.2f}× | {r.target} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
