"""Finds bundled files (plans, fonts, translations, migrations) from source or a bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def app_root() -> Path:
    """The folder holding `resources/` and `db/`: the repository, or PyInstaller's bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    return Path(bundle) if bundle else Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    """A file under `resources/`."""
    return app_root().joinpath("resources", *parts)


def migrations_path() -> Path:
    """The Alembic script folder."""
    return app_root() / "db"


BUILTIN_PLAN = ("plans", "kh65-2024.toml")
