"""Shared fixtures: a fresh database file per test, Qt offscreen."""

from __future__ import annotations

import hashlib
import logging.handlers
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


@pytest.fixture(autouse=True)
def _support_log_left_behind():  # type: ignore[no-untyped-def]
    """A test calling `main()` configures the support log; its file handler is taken off
    the root logger afterwards (left on, the next configure() adds none: test_safety)."""
    root = logging.getLogger()
    before = set(root.handlers)
    yield
    for handler in list(root.handlers):
        if isinstance(handler, logging.handlers.RotatingFileHandler) and handler not in before:
            root.removeHandler(handler)
            handler.close()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "kh65.db"


ENGINES = ("sqlite", "postgresql")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "both_engines: the module's `engine` tests run on SQLite and on PostgreSQL",
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Tests of a module marked both_engines run once per engine (ids [sqlite]/[postgresql]);
    a test that reads the file itself (it asks for db_path) is SQLite's alone."""
    marked = metafunc.definition.get_closest_marker("both_engines") is not None
    reads_file = "db_path" in metafunc.definition._fixtureinfo.argnames
    if marked and not reads_file and "engine_kind" in metafunc.fixturenames:
        metafunc.parametrize("engine_kind", ENGINES, indirect=True)


@pytest.fixture
def engine_kind(request: pytest.FixtureRequest) -> str:
    return getattr(request, "param", "sqlite")


@pytest.fixture(scope="session")
def pg_template(pg_server) -> str:  # type: ignore[no-untyped-def]
    """A database migrated and seeded once per run; each test gets a copy of it (CREATE
    DATABASE … TEMPLATE copies files: far quicker than migrating and seeding again)."""
    from kh65_desktop.storage.engines import parse_server_address

    name = "kh65_template"
    open_database(parse_server_address(pg_server.create_database(name))).dispose()
    return name


@pytest.fixture
def engine(db_path: Path, engine_kind: str, request: pytest.FixtureRequest) -> Engine:
    if engine_kind == "postgresql":
        engine = _server_copy(request)
    else:
        engine = open_database(db_path)
    yield engine
    engine.dispose()


def _server_copy(request: pytest.FixtureRequest) -> Engine:
    from kh65_desktop.storage.engines import parse_server_address

    server = request.getfixturevalue("pg_server")
    template = request.getfixturevalue("pg_template")
    name = "t_" + hashlib.sha1(request.node.nodeid.encode()).hexdigest()[:20]
    server.psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    server.psql(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    request.addfinalizer(lambda: server.psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    return open_database(parse_server_address(server.url(name)))


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
