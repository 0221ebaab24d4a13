"""One writer per database, window or command line: an operating-system lock on a file beside
the database ("kh65.db.lock").

Why an OS file lock (flock on Linux/macOS, msvcrt.locking on Windows): the system releases it
when the holding process ends, however it ends (a crash or a kill leaves no stale lock to guess
about), it needs neither Qt nor a running event loop (the command line never loads Qt), and it
works for every user on the same PC. The holder writes who it is into the file, so a refused
start can say whether a window or a command has the database."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import IO

WINDOW, COMMAND = "window", "command"
_POLL = 0.1  # seconds between tries while waiting
_LOCK_OFFSET = 1 << 20  # Windows locks a byte range: one far from the holder's note


def lock_path(db_path: Path) -> Path:
    """Beside the real file: a database reached through a link or another spelling of its
    path gets the same lock."""
    real = db_path.resolve()
    return real.with_name(real.name + ".lock")


class DatabaseLock:
    """The lock on one database; held from acquire() until release() or the process ends."""

    def __init__(self, db_path: Path) -> None:
        self.path = lock_path(db_path)
        self._file: IO[bytes] | None = None

    @property
    def held(self) -> bool:
        return self._file is not None

    def acquire(self, holder: str, wait: float = 0.0) -> bool:
        """Take the lock, trying for up to `wait` seconds; False if someone else holds it.
        OSError when the lock file cannot be created (a read-only folder, say)."""
        if self._file is not None:
            return True
        handle = open(self.path, "a+b")  # noqa: SIM115 - kept open while the lock is held
        deadline = time.monotonic() + wait
        while not _try_lock(handle):
            if time.monotonic() >= deadline:
                handle.close()
                return False
            time.sleep(_POLL)
        handle.seek(0)
        handle.truncate()
        handle.write(f"{holder} {os.getpid()}\n".encode())
        handle.flush()
        self._file = handle
        return True

    def holder(self) -> str | None:
        """WINDOW or COMMAND as written by the current holder; None if unknown."""
        try:
            note = self.path.read_text(encoding="utf-8", errors="replace").split()
        except OSError:
            return None
        return note[0] if note and note[0] in (WINDOW, COMMAND) else None

    def release(self) -> None:
        if self._file is None:
            return
        _unlock(self._file)
        self._file.close()
        self._file = None


if sys.platform == "win32":
    import msvcrt

    def _try_lock(handle: IO[bytes]) -> bool:
        handle.seek(_LOCK_OFFSET)
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(handle: IO[bytes]) -> None:
        handle.seek(_LOCK_OFFSET)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(handle: IO[bytes]) -> bool:
        # flock, not lockf: it is held per open file, so two opens conflict even within one
        # process (a second window object, a test), and it is released when the file closes.
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


class ServerLock:
    """The lock for a database on a server: none is needed, the server keeps several clerks'
    writes apart (transactions); release() so callers treat both alike."""

    held = True

    def release(self) -> None:
        """Nothing to release."""
