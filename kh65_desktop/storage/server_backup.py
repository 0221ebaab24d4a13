"""Backups of a server database: PostgreSQL's own pg_dump, not KH65's file copies.

On a server KH65 makes no file backups and runs no SQLite check (there is no file on this
computer); the server is backed up by its administrator (docs/server-setup.md). This module
says so in Vietnamese, gives the exact command, and runs pg_dump when this computer has it."""

from __future__ import annotations

import logging
import os
import shlex
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

from .backup import BackupError
from .engines import ServerAddress

log = logging.getLogger(__name__)
# Where PostgreSQL's Windows installer puts its tools; elsewhere pg_dump is on the PATH.
_WINDOWS_GLOB = "C:/Program Files/PostgreSQL/*/bin/pg_dump.exe"


def find_pg_dump() -> Path | None:
    """pg_dump on this computer (the PATH, then PostgreSQL's Windows folders), or None."""
    found = shutil.which("pg_dump")
    if found:
        return Path(found)
    candidates = (
        sorted(Path("C:/").glob(_WINDOWS_GLOB.removeprefix("C:/"))) if os.name == "nt" else []
    )
    return candidates[-1] if candidates else None


def dump_command(address: ServerAddress, target: Path, program: str = "pg_dump") -> list[str]:
    """pg_dump in its custom format (pg_restore reads it back, table by table if need be)."""
    command = [program, "-h", address.host, "-p", str(address.port)]
    if address.user:
        command += ["-U", address.user]
    return [*command, "-F", "c", "-f", str(target), address.database]


def backup_note(address: ServerAddress) -> str:
    """What backups and checks are on a server, for the window and the command line."""
    example = shlex.join(dump_command(address, Path(f"kh65-{datetime.now():%Y%m%d}.dump")))
    return (
        f"Cơ sở dữ liệu ở trên máy chủ ({address.describe()}): KH65 không tạo bản sao lưu tệp "
        "và không kiểm tra toàn vẹn tệp trên máy này; máy chủ PostgreSQL tự bảo đảm toàn vẹn. "
        f"Sao lưu trên máy chủ bằng pg_dump, ví dụ: {example} "
        "(khôi phục bằng pg_restore; lịch sao lưu hằng ngày: docs/server-setup.md)."
    )


def dump_server(address: ServerAddress, folder: Path, program: Path | None = None) -> Path:
    """Run pg_dump into `folder` (written under a temporary name, renamed once pg_dump has
    finished); BackupError in Vietnamese if pg_dump is missing or fails."""
    program = program or find_pg_dump()
    if program is None:
        raise BackupError(
            "Máy này không có pg_dump (công cụ của PostgreSQL). Hãy nhờ người quản trị sao lưu "
            "trên máy chủ, hoặc cài công cụ dòng lệnh PostgreSQL rồi thử lại "
            "(docs/server-setup.md)."
        )
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"kh65-{address.database}-{datetime.now():%Y%m%d-%H%M%S}.dump"
    part = target.with_name(target.name + ".part")
    environment = dict(os.environ)
    if address.password:
        environment["PGPASSWORD"] = address.password  # never on the command line
    try:
        done = subprocess.run(
            dump_command(address, part, str(program)),
            capture_output=True,
            text=True,
            env=environment,
            timeout=3600,
        )
        if done.returncode != 0:
            log.warning("pg_dump: %s", done.stderr.strip())  # its own words, for support
            raise BackupError(
                f"pg_dump không sao lưu được {address.describe()} (mã lỗi {done.returncode}). "
                "Hãy kiểm tra kết nối và quyền của tên đăng nhập; chi tiết trong tệp nhật ký "
                "kh65.log. Dữ liệu không bị thay đổi."
            )
        part.replace(target)
    finally:
        part.unlink(missing_ok=True)
    return target
