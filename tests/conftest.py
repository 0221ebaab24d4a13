"""Shared fixtures: a fresh database file per test, Qt offscreen."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import Engine

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kh65_desktop.services.editing import EditService  # noqa: E402
from kh65_desktop.services.plan_service import PlanService  # noqa: E402
from kh65_desktop.storage.database import open_database  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
SOURCE_TEXT = REPO / "resources" / "source" / "KH-65-UBND-2024.txt"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "kh65.db"


@pytest.fixture
def engine(db_path: Path) -> Engine:
    engine = open_database(db_path)
    yield engine
    engine.dispose()


@pytest.fixture
def service(engine: Engine) -> PlanService:
    return PlanService(engine)


@pytest.fixture
def edits(engine: Engine) -> EditService:
    return EditService(engine)
