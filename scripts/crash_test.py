"""The crash test at size: `python scripts/crash_test.py --runs 200`. Each run starts a child
that edits and imports, kills it with SIGKILL at a random moment, then checks the database."""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kh65_desktop.storage.database import open_database  # noqa: E402
from tests.crash import check, run_once  # noqa: E402
from tests.test_crash import make_package  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as folder:
        db_path, journal = Path(folder) / "kh65.db", Path(folder) / "journal.jsonl"
        open_database(db_path).dispose()
        package = make_package(Path(folder))
        start = time.perf_counter()
        for run in range(1, args.runs + 1):
            run_once(db_path, journal, package, rng)
            checked = check(db_path, journal)
            print(f"lần {run}: toàn vẹn, {checked} thao tác đã ghi vẫn còn", flush=True)
        print(
            f"{args.runs} lần giết tiến trình trong {time.perf_counter() - start:.0f} giây: "
            "không mất dữ liệu."
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
