"""Writing a file all at once or not at all (reports, exchange packages).

The writer writes a temporary file in the target's folder; only when it is complete and on
disk does os.replace put it in the target's place (atomic on one volume). A failure, a full
disk or a kill midway leaves the previous file as it was, never a 0-byte or half file.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

TEMPORARY_PREFIX = ".kh65-"


class TargetInUse(PermissionError):
    """The finished file could not take the target's place: on Windows, the target is open
    in another program (Word, a PDF reader)."""


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """A temporary path beside `target` to write to; when the block ends without error it
    replaces `target`, otherwise it is removed and `target` is untouched."""
    temporary = _new_temporary(target.parent)
    try:
        yield temporary
        with temporary.open("rb+") as written:  # on disk before it replaces a good file
            os.fsync(written.fileno())
        try:
            os.replace(temporary, target)
        except PermissionError as exc:
            raise TargetInUse(exc.errno, exc.strerror, str(target)) from exc
    finally:
        temporary.unlink(missing_ok=True)


def _new_temporary(folder: Path) -> Path:
    """A new empty file in `folder`, with the permissions a plain new file gets there
    (tempfile.mkstemp's are owner-only, which the report would keep)."""
    while True:
        path = folder / f"{TEMPORARY_PREFIX}{secrets.token_hex(6)}.tmp"
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        except FileExistsError:
            continue
        return path
