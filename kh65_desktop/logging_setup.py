"""A rotating log file in the user's log folder, for support."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

import platformdirs

from . import APP_NAME

MAX_BYTES, KEEP = 1_000_000, 5


def log_path() -> Path:
    return platformdirs.user_log_path(APP_NAME, appauthor=False) / "kh65.log"


def configure(level: int = logging.INFO) -> Path | None:
    """Send the app's log to kh65.log (1 MB, 5 old files kept); None if the folder is not
    writable (the app then runs without a log file rather than not at all)."""
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=KEEP, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    if not any(isinstance(h, logging.handlers.RotatingFileHandler) for h in root.handlers):
        root.addHandler(handler)
    root.setLevel(level)
    return path
