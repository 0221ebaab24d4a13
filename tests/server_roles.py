"""A role that must give its password on the test server (which trusts everyone else)."""

from __future__ import annotations

from typing import Any


def password_role(server: Any, role: str, password: str, database: str) -> None:
    """`role` logs in with `password` only (scram) and owns `database`."""
    exists = server.psql(f"SELECT 1 FROM pg_roles WHERE rolname = '{role}'").strip()
    if not exists:
        server.psql(f"CREATE ROLE {role} LOGIN PASSWORD '{password}'")
    server.psql(f'ALTER DATABASE "{database}" OWNER TO {role}')
    server.psql(f"GRANT ALL ON SCHEMA public TO {role}", database)
    hba = server.folder / "data" / "pg_hba.conf"
    line = f"host all {role} 127.0.0.1/32 scram-sha-256\n"
    text = hba.read_text()
    if line not in text:
        with open(hba, "r+") as file:  # in place: the server's user keeps owning it
            file.write(line + text)
        server.psql("SELECT pg_reload_conf()")
