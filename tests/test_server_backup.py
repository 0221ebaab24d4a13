"""Backups on a server are PostgreSQL's: `kh65 backup` runs pg_dump (a dump pg_restore reads),
or, without pg_dump on this computer, says the command to run; a file is still backed up as
the window does it."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from sqlalchemy import Engine

from kh65_desktop.cli import main
from kh65_desktop.storage.database import open_database
from kh65_desktop.storage.engines import parse_server_address


def test_a_server_is_dumped_with_pg_dump_and_pg_restore_reads_it(
    pg_server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    url = pg_server.create_database("backup_dump")
    open_database(parse_server_address(url)).dispose()
    monkeypatch.setenv("PATH", f"{pg_server.bin_dir}:/usr/bin:/bin")
    assert main(["--db", url, "backup", "--to", str(tmp_path / "dumps")]) == 0
    said = capsys.readouterr().out
    (dump,) = (tmp_path / "dumps").glob("kh65-backup_dump-*.dump")
    assert str(dump) in said and "pg_restore" in said
    listing = subprocess.run(
        [str(pg_server.bin_dir / "pg_restore"), "--list", str(dump)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "TABLE public reported_value" in listing and "TABLE DATA public plan" in listing


def test_without_pg_dump_the_command_to_run_is_said(
    pg_server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    url = pg_server.create_database("backup_none")
    open_database(parse_server_address(url)).dispose()
    monkeypatch.setenv("PATH", str(tmp_path))  # no pg_dump anywhere
    assert main(["--db", url, "backup"]) == 2
    said = capsys.readouterr().err
    assert "máy này không có pg_dump" in said
    assert f"pg_dump -h 127.0.0.1 -p {pg_server.port} -U postgres -F c -f" in said
    assert "KH65 không tạo bản sao lưu tệp" in said


def test_a_file_is_backed_up_as_the_window_does(
    engine: Engine, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    engine.dispose()
    assert main(["--db", str(db_path), "backup"]) == 0
    (made,) = (db_path.parent / "backups").glob("kh65-*-thu-cong.db")
    assert str(made) in capsys.readouterr().out
