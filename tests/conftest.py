"""Shared fixtures: a fresh database file per test, Qt offscreen."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from sqlalchemy import Engine

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kh65_desktop.services.editing import EditService  # noqa: E402
from kh65_desktop.services.plan_service import PlanService  # noqa: E402
from kh65_desktop.storage.database import open_database  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
SOURCE_TEXT = REPO / "resources" / "source" / "KH-65-UBND-2024.txt"


@pytest.fixture(autouse=True)
def keys_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Package signing keys made by a test stay in its own folder, never the user's."""
    folder = tmp_path / "keys"
    monkeypatch.setenv("KH65_KEYS_DIR", str(folder))
    monkeypatch.delenv("KH65_KEY_PASSPHRASE", raising=False)
    return folder


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


@pytest.fixture
def vietnam_time(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """The computer's clock set to Vietnam (UTC+7, a POSIX zone: no tz database needed)."""
    monkeypatch.setenv("TZ", "ICT-7")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture(scope="session")
def pg_server():  # type: ignore[no-untyped-def]
    """A private PostgreSQL server for the whole run (tests/pg_server.py); a test that needs
    it fails, with the reason, when it cannot be started."""
    from tests.pg_server import ServerUnavailable, start_server

    try:
        server = start_server()
    except ServerUnavailable as error:
        pytest.fail(str(error), pytrace=False)
    yield server
    server.stop()
