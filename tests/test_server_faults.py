"""A server's faults on the command line, each said in Vietnamese, nothing lost: a wrong or
missing password, a server down, a typo in the address, a newer schema, and the server
restarted in the middle of an import (it rolls back and says so)."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from kh65_desktop.cli import main
from kh65_desktop.services import exchange_apply
from kh65_desktop.storage.database import open_database
from kh65_desktop.storage.engines import parse_server_address

from .db_content import fingerprint
from .samples import office_package
from .server_roles import password_role


def english_free(text: str) -> bool:
    return not any(
        phrase in text
        for phrase in ("password authentication", "Connection refused", "Traceback", "psycopg")
    )


def test_a_wrong_or_missing_password_is_said_and_the_right_one_works(
    pg_server, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    pg_server.create_database("faults_login")
    password_role(pg_server, "lan", "đúng-mật-khẩu", "faults_login")
    monkeypatch.delenv("PGPASSWORD", raising=False)
    wrong = pg_server.url("faults_login", user="lan", password="sai")
    assert main(["--db", wrong, "indicators"]) == 2
    said = capsys.readouterr().err
    assert "sai mật khẩu" in said and "“lan”" in said and english_free(said)
    assert "sai@" not in said  # never the password
    missing = pg_server.url("faults_login", user="lan")
    assert main(["--db", missing, "indicators"]) == 2
    said = capsys.readouterr().err
    assert "cần mật khẩu" in said and "PGPASSWORD" in said and english_free(said)
    monkeypatch.setenv("PGPASSWORD", "đúng-mật-khẩu")  # as docs/server.md tells scripts
    assert main(["--db", missing, "indicators"]) == 0
    assert "Tốc độ tăng giá trị GRDP" in capsys.readouterr().out


def test_a_server_that_is_down_is_said(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    assert main(["--db", f"postgresql://lan@127.0.0.1:{port}/kh65", "indicators"]) == 2
    said = capsys.readouterr().err
    assert "từ chối kết nối" in said and "PostgreSQL chưa chạy" in said and english_free(said)


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("postgresql://lan@may-chu:70000/kh65", "Cổng"),
        ("postgresql://lan@may-chu/", "thiếu tên cơ sở dữ liệu"),
        ("postgress://lan@may-chu/kh65", "postgresql://"),
    ],
)
def test_a_typo_in_the_address_is_said(
    typed: str, said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", typed, "indicators"]) == 2
    assert said in capsys.readouterr().err


def test_a_newer_schema_on_the_server_is_refused_naming_both(
    pg_server, capsys: pytest.CaptureFixture[str]
) -> None:
    url = pg_server.create_database("faults_newer")
    open_database(parse_server_address(url), seed=False).dispose()
    pg_server.psql("UPDATE alembic_version SET version_num = '0099'", "faults_newer")
    assert main(["--db", url, "indicators"]) == 2
    said = capsys.readouterr().err
    assert "0099" in said and "mới hơn" in said and "Hãy cài phiên bản" in said


def test_a_server_restarted_mid_import_rolls_it_back_and_says_so(
    pg_server, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    url = pg_server.create_database("faults_restart")
    server = open_database(parse_server_address(url))
    before = fingerprint(server)
    package = office_package(tmp_path, "UBND-TCU", "II.3.2", 23.0, "TCU")
    write = exchange_apply.write_imported_figures

    def restarted_midway(*args, **kwargs):  # type: ignore[no-untyped-def]
        pg_server.restart()  # the import's log row is written; its figures are not yet
        return write(*args, **kwargs)

    monkeypatch.setattr(exchange_apply, "write_imported_figures", restarted_midway)
    assert main(["--db", url, "import", str(package)]) == 2
    said = capsys.readouterr().err
    assert "Mất kết nối với máy chủ" in said and "không có gì được ghi dở" in said
    assert english_free(said)
    assert fingerprint(server) == before  # no log row, no figure: all rolled back
    monkeypatch.setattr(exchange_apply, "write_imported_figures", write)
    assert main(["--db", url, "import", str(package)]) == 0  # and it works once back
    assert fingerprint(server) != before
    server.dispose()
