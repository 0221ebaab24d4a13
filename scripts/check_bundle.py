"""Build-and-prove for the PyInstaller bundle: size, the bundle's self-test offscreen, and
start-up times (self-test and window shown) of the bundle beside the source.

    pyinstaller build_installer.spec && python scripts/check_bundle.py dist/KH65Desktop
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 5


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def _timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, env=env, capture_output=True)
    return time.perf_counter() - start


def main() -> int:
    bundle = Path(sys.argv[1] if len(sys.argv) > 1 else "dist/KH65Desktop")
    console = bundle / ("kh65-console.exe" if os.name == "nt" else "kh65-console")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("DISPLAY", None)
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bundle.db"
        result = subprocess.run(
            [str(console), "--db", str(db), "--self-test"],
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
        )
        print(result.stdout.strip())
        if result.returncode != 0:
            print(f"Tự kiểm tra KHÔNG đạt (mã {result.returncode})", result.stderr[-2000:])
            return 1
        source = [sys.executable, "-m", "kh65_desktop"]
        shown = {
            **env,
            "KH65_QUIT_WHEN_SHOWN": "1",
            "HOME": folder,
            "XDG_CONFIG_HOME": f"{folder}/config",
        }
        settings = Path(folder) / "config" / "KH65" / "KH65 Desktop.conf"
        settings.parent.mkdir(parents=True)
        settings.write_text("[clerk]\nname=Đo thời gian\n", encoding="utf-8")  # no first-run dialog
        rows = []
        for label, argv, environment in (
            ("tự kiểm tra", ["--db", str(db), "--self-test"], env),
            ("mở cửa sổ", ["--db", str(db)], shown),
        ):
            built = [_timed([str(console), *argv], environment) for _ in range(RUNS)]
            plain = [_timed([*source, *argv], environment) for _ in range(RUNS)]
            rows.append((label, statistics.median(built), statistics.median(plain)))
    print(f"Kích thước bộ cài đặt (thư mục): {_size(bundle) / 1048576:.0f} MB")
    for label, built, plain in rows:
        print(f"{label}: bản đóng gói {built:.2f} s, mã nguồn {plain:.2f} s (trung vị {RUNS} lần)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
