"""A private PostgreSQL server for the tests, started from the system's binaries (Debian's
`postgresql` package, which the README's test command installs) in a fresh folder.

Tests that need it take the `pg_server` fixture (tests/conftest.py); if no server can be
started they fail with a message that says why, they never pass quietly."""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

SUPERUSER = "postgres"


class ServerUnavailable(RuntimeError):
    """No PostgreSQL server could be started for the tests; the message says why."""


@dataclass
class PgServer:
    """A running server: its port and folder; `url(db)` for a database on it."""

    port: int
    folder: Path
    bin_dir: Path
    run_as: str | None  # the system user the server runs as when the tests run as root

    def url(self, database: str = "postgres", user: str = SUPERUSER, password: str = "") -> str:
        secret = f":{password}" if password else ""
        return f"postgresql+psycopg://{user}{secret}@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        """A new empty database `name` (dropped first if a previous test left it); its URL."""
        self.psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self.psql(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def psql(self, sql: str, database: str = "postgres") -> str:
        psql = self.bin_dir / "psql"
        command = [str(psql), "-h", "127.0.0.1", "-p", str(self.port), "-U", SUPERUSER]
        command += ["-d", database, "-v", "ON_ERROR_STOP=1", "-At", "-c", sql]
        done = subprocess.run(command, capture_output=True, text=True, timeout=60)
        if done.returncode != 0:
            raise RuntimeError(f"psql failed: {done.stderr.strip()}")
        return done.stdout

    def stop(self) -> None:
        _run(self, ["pg_ctl", "-D", str(self.folder / "data"), "-m", "fast", "stop"])
        shutil.rmtree(self.folder, ignore_errors=True)

    def pause(self) -> None:
        """Stop the server, keeping its databases (a server gone under a running window)."""
        _run(self, ["pg_ctl", "-D", str(self.folder / "data"), "-m", "fast", "-w", "stop"])

    def psql_fails(self) -> bool:
        """Whether the server does not answer (paused)."""
        try:
            self.psql("SELECT 1")
        except RuntimeError:
            return True
        return False

    def resume(self) -> None:
        """Start it again after `pause`."""
        _start(self)

    def restart(self) -> None:
        """Stop and start again (a server restarted under a running client)."""
        data = str(self.folder / "data")
        _run(self, ["pg_ctl", "-D", data, "-m", "immediate", "stop"])
        _start(self)


def find_bin_dir() -> Path:
    """The folder of initdb/pg_ctl/psql: $KH65_PG_BIN, else Debian's newest
    /usr/lib/postgresql/N/bin."""
    if os.environ.get("KH65_PG_BIN"):
        return Path(os.environ["KH65_PG_BIN"])
    versions = sorted(
        Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name or 0)
    )
    for candidate in reversed(versions):
        if (candidate / "initdb").exists():
            return candidate
    raise ServerUnavailable(
        "Không tìm thấy PostgreSQL (initdb) trong /usr/lib/postgresql/*/bin: cài gói Debian "
        "`postgresql` (lệnh kiểm thử trong README làm việc này) hoặc đặt KH65_PG_BIN."
    )


def start_server() -> PgServer:
    """initdb a fresh cluster in a temporary folder and start it on a free local port."""
    bin_dir = find_bin_dir()
    run_as = None
    if os.geteuid() == 0:  # initdb refuses root: run the server as the package's user
        try:
            pwd.getpwnam("postgres")
        except KeyError as error:
            raise ServerUnavailable(
                "Tests run as root but there is no 'postgres' system user to run the server."
            ) from error
        run_as = "postgres"
    folder = Path(tempfile.mkdtemp(prefix="kh65-pg-"))
    os.chmod(folder, 0o755)
    if run_as:
        shutil.chown(folder, run_as)
    server = PgServer(port=_free_port(), folder=folder, bin_dir=bin_dir, run_as=run_as)
    data = str(folder / "data")
    _run(
        server,
        [
            "initdb",
            "-D",
            data,
            "-U",
            SUPERUSER,
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        ],
    )
    _start(server)
    return server


def _start(server: PgServer) -> None:
    data = str(server.folder / "data")
    options = f"-p {server.port} -k {server.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
    _run(
        server,
        [
            "pg_ctl",
            "-D",
            data,
            "-w",
            "-t",
            "60",
            "-l",
            str(server.folder / "log"),
            "-o",
            options,
            "start",
        ],
    )


def _run(server: PgServer, command: list[str]) -> None:
    command = [str(server.bin_dir / command[0]), *command[1:]]
    if server.run_as:
        command = ["runuser", "-u", server.run_as, "--", *command]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        log = server.folder / "log"
        tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
        raise ServerUnavailable(
            f"PostgreSQL could not start for the tests ({' '.join(command)}): "
            f"{done.stderr.strip() or done.stdout.strip()} {tail}"
        )


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
