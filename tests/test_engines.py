"""--db as a file or a PostgreSQL server: the address, the engine, the schema check, the
migrations and the built-in plan, on a real server (tests/pg_server.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from kh65_desktop.storage.database import (
    DatabaseOpenError,
    RefusedDatabaseError,
    database_target,
    db_file,
    open_database,
)
from kh65_desktop.storage.engines import (
    ServerAddress,
    ServerAddressError,
    database_label,
    parse_server_address,
)
from kh65_desktop.storage.kh65_file import FileKind, revisions

HEAD = revisions()[1]
PLAN_TABLES = (
    "plan",
    "indicator_group",
    "indicator",
    "period",
    "task",
    "task_agency",
    "group_agency",
    "agency",
    "locality",
    "locality_target",
    "reported_value",
    "stated_figure",
)


def counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as connection:
        return {
            t: connection.execute(text(f"SELECT count(*) FROM {t}")).scalar_one()
            for t in PLAN_TABLES
        }


def test_db_names_a_file_or_a_server() -> None:
    assert database_target("postgresql://lan@10.0.0.5/kh65") == ServerAddress(
        "10.0.0.5", 5432, "kh65", "lan"
    )
    address = database_target("postgres://lan:bí%20mật@may-chu:6543/kh65")
    assert address == ServerAddress("may-chu", 6543, "kh65", "lan", "bí mật")
    assert address.url().drivername == "postgresql+psycopg"  # psycopg 3, whatever was typed
    assert address.text() == "postgresql://lan@may-chu:6543/kh65"  # never the password
    assert isinstance(database_target("postgresql+psycopg://u@h/d"), ServerAddress)
    assert isinstance(database_target("kh65.db"), Path)


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("postgresql://lan@may-chu:5432/", "thiếu tên cơ sở dữ liệu"),
        ("postgresql://lan@may-chu:5432", "thiếu tên cơ sở dữ liệu"),
        ("postgresql://lan@may-chu:99999/kh65", "Cổng"),
        ("postgresql://lan@may-chu:54x2/kh65", "Cổng"),
        ("postgresql:///kh65", "thiếu tên máy chủ"),
    ],
)
def test_a_typo_in_a_server_address_is_named(typed: str, said: str) -> None:
    with pytest.raises(ServerAddressError) as refused:
        parse_server_address(typed)
    assert said in str(refused.value)
    assert "postgresql://ten_dang_nhap@may-chu:5432/kh65" in str(refused.value)  # the form


def test_an_unknown_scheme_says_what_db_accepts() -> None:
    with pytest.raises(DatabaseOpenError) as refused:
        database_target("mysql://lan@may-chu/kh65")
    assert "postgresql://" in str(refused.value) and "mysql://" in str(refused.value)


def test_a_password_never_shows_in_a_refusal() -> None:
    with pytest.raises(ServerAddressError) as refused:
        parse_server_address("postgresql://lan:secret@may-chu:0/kh65")
    assert "secret" not in str(refused.value) and ":***@" in str(refused.value)


def test_an_empty_server_database_gets_the_schema_and_the_same_plan_as_a_file(
    pg_server, engine: Engine
) -> None:
    address = parse_server_address(pg_server.create_database("engines_new"))
    server = open_database(address)
    try:
        with server.connect() as connection:
            version = connection.execute(text("SELECT version_num FROM alembic_version"))
            assert version.scalar_one() == HEAD
        assert counts(server) == counts(engine)  # the built-in plan loads the same on both
        assert counts(server)["indicator"] > 0
        assert db_file(server) is None  # no file, so no file backups on a server
        assert database_label(server) == f"engines_new trên máy chủ 127.0.0.1:{pg_server.port}"
    finally:
        server.dispose()
    again = open_database(address)  # a second start neither migrates nor seeds again
    try:
        assert counts(again) == counts(engine)
    finally:
        again.dispose()


def test_a_server_database_of_an_older_schema_is_migrated_with_its_rows(pg_server) -> None:
    address = parse_server_address(pg_server.create_database("engines_old"))
    from kh65_desktop.storage.database import upgrade
    from kh65_desktop.storage.engines import server_engine

    early = server_engine(address)
    upgrade(early, "0004")
    with early.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO plan (id, code, number, document_type, issued_on, place, "
                "issuing_body, title, year, starts_on, ends_on, signer_authority, signer_title, "
                "signer_name) VALUES (1, 'P', '1/KH', 'Kế hoạch', '2024-01-02', 'Nơi', 'UBND', "
                "'Tên', 2024, '2024-01-01', '2024-12-31', 'TM', 'CT', 'A')"
            )
        )
        connection.execute(text("INSERT INTO app_meta VALUES ('builtin_plan_loaded', '1')"))
    early.dispose()
    server = open_database(address)
    try:
        with server.connect() as connection:
            assert (
                connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
                == HEAD
            )
            row = connection.execute(text("SELECT number, owner_code FROM plan")).one()
        assert tuple(row) == ("1/KH", "")  # kept, and 0005's new column filled
    finally:
        server.dispose()


def test_a_server_database_of_a_newer_schema_is_refused_naming_both(pg_server) -> None:
    address = parse_server_address(pg_server.create_database("engines_newer"))
    open_database(address, seed=False).dispose()
    pg_server.psql("UPDATE alembic_version SET version_num = '0042'", "engines_newer")
    with pytest.raises(RefusedDatabaseError) as refused:
        open_database(address)
    assert refused.value.kind is FileKind.NEWER
    assert "0042" in str(refused.value) and HEAD in str(refused.value)
    assert (
        pg_server.psql("SELECT version_num FROM alembic_version", "engines_newer").strip() == "0042"
    )


def test_another_programs_server_database_is_refused_unchanged(pg_server) -> None:
    pg_server.create_database("engines_foreign")
    pg_server.psql("CREATE TABLE customer (id integer primary key)", "engines_foreign")
    address = parse_server_address(pg_server.url("engines_foreign"))
    with pytest.raises(RefusedDatabaseError) as refused:
        open_database(address)
    assert refused.value.kind is FileKind.FOREIGN
    assert "chương trình khác" in str(refused.value)
    tables = pg_server.psql(
        "SELECT string_agg(tablename, ',') FROM pg_tables WHERE schemaname = 'public'",
        "engines_foreign",
    )
    assert tables.strip() == "customer"


def test_a_missing_server_database_is_said_in_vietnamese(pg_server) -> None:
    address = parse_server_address(pg_server.url("khong_co"))
    with pytest.raises(DatabaseOpenError) as refused:
        open_database(address)
    assert "không có cơ sở dữ liệu “khong_co”" in str(refused.value)


def test_a_server_that_is_not_running_is_said_in_vietnamese(pg_server) -> None:
    import socket

    with socket.socket() as probe:  # a free port: nobody listens there
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    address = ServerAddress("127.0.0.1", port, "kh65", "postgres")
    with pytest.raises(DatabaseOpenError) as refused:
        open_database(address)
    message = str(refused.value)
    assert "từ chối kết nối" in message and f"127.0.0.1:{port}" in message
    assert "Connection refused" not in message
