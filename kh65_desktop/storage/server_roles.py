"""Who may write what on a PostgreSQL server, enforced by the server itself (row-level
security), so no tool can bypass it.

- kh65_planning: the planning department; reads and writes everything, approves.
- kh65_clerk: an agency's clerk; reads everything, writes the figures, same-period figures,
  report texts and task progress only of what its agencies lead (kh65_clerk_agency maps each
  clerk's login role to agency codes).

Each clerk signs in with a login role of their own, a member of one of the two. The
database's owner (the administrator who ran `kh65 server init`) is not bound by the policies.
Everything here is idempotent: `init` may be run again after an upgrade (new tables get
their grants).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from .change_notices import install_change_notices
from .failures import StorageError

PLANNING = "kh65_planning"
CLERK = "kh65_clerk"
MAPPING = "kh65_clerk_agency"
# Tables of figures a clerk writes (by indicator and locality).
_BY_INDICATOR = ("reported_value", "value_change", "same_period_value")
_LOGS = ("import_log", "import_undo_value")  # a clerk's own imports are logged
REFUSED_STATE = "42501"  # insufficient_privilege: a policy or a grant refused the write

_ROLES = f"""
DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{PLANNING}') THEN
        CREATE ROLE {PLANNING} NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{CLERK}') THEN
        CREATE ROLE {CLERK} NOLOGIN;
    END IF;
END $$
"""
_MAPPING_TABLE = (
    f"CREATE TABLE IF NOT EXISTS {MAPPING} (role_name text NOT NULL, agency_code text NOT NULL, "
    "PRIMARY KEY (role_name, agency_code))"
)
# Whether the signed-in role may write an indicator's rows, a task, an agency's texts.
_MAY_WRITE = f"""
CREATE OR REPLACE FUNCTION kh65_leads_indicator(indicator_id integer) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT EXISTS (
        SELECT 1 FROM indicator i
        JOIN group_agency g ON g.group_id = i.group_id AND g.role = 'lead'
        JOIN agency a ON a.id = g.agency_id
        JOIN {MAPPING} m ON m.agency_code = a.code AND m.role_name = session_user
        WHERE i.id = indicator_id)
$$;
CREATE OR REPLACE FUNCTION kh65_may_write_figure(indicator_id integer, locality_id integer)
RETURNS boolean LANGUAGE sql STABLE AS $$
    -- as for exchange files (services/exchange_rights.py): what one's agencies lead, and a
    -- district's own locality's figures of any indicator
    SELECT kh65_leads_indicator(indicator_id) OR (locality_id IS NOT NULL AND EXISTS (
        SELECT 1 FROM agency a
        JOIN {MAPPING} m ON m.agency_code = a.code AND m.role_name = session_user
        WHERE a.locality_id = kh65_may_write_figure.locality_id))
$$;
CREATE OR REPLACE FUNCTION kh65_leads_task(task_id integer) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT EXISTS (
        SELECT 1 FROM task_agency t JOIN agency a ON a.id = t.agency_id
        JOIN {MAPPING} m ON m.agency_code = a.code AND m.role_name = session_user
        WHERE t.task_id = kh65_leads_task.task_id AND t.role = 'lead')
$$;
CREATE OR REPLACE FUNCTION kh65_is_own_agency(agency_id integer) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT EXISTS (
        SELECT 1 FROM agency a
        JOIN {MAPPING} m ON m.agency_code = a.code AND m.role_name = session_user
        WHERE a.id = agency_id)
$$
"""
_GRANTS = f"""
GRANT USAGE ON SCHEMA public TO {PLANNING}, {CLERK};
GRANT SELECT ON ALL TABLES IN SCHEMA public TO {PLANNING}, {CLERK};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {PLANNING}, {CLERK};
GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {PLANNING};
REVOKE INSERT, UPDATE, DELETE ON {MAPPING}, alembic_version FROM {PLANNING};
GRANT INSERT, UPDATE, DELETE ON {", ".join(_BY_INDICATOR + _LOGS)}, report_text TO {CLERK};
GRANT UPDATE (status, note, updated_by, updated_at, version) ON task TO {CLERK}
"""
_POLICY = "CREATE POLICY {0} ON {1} {2}"


def _policies(table: str, mine: str) -> list[str]:
    """Read for both; write all for planning; write one's own rows for a clerk (an update
    that is not the clerk's is refused with an error, not skipped in silence)."""
    return [
        f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
        *(f"DROP POLICY IF EXISTS {name} ON {table}" for name in _POLICY_NAMES),
        _POLICY.format("kh65_read", table, f"FOR SELECT TO {PLANNING}, {CLERK} USING (true)"),
        _POLICY.format(
            "kh65_planning_write", table, f"FOR ALL TO {PLANNING} USING (true) WITH CHECK (true)"
        ),
        _POLICY.format("kh65_clerk_insert", table, f"FOR INSERT TO {CLERK} WITH CHECK ({mine})"),
        _POLICY.format(
            "kh65_clerk_update", table, f"FOR UPDATE TO {CLERK} USING (true) WITH CHECK ({mine})"
        ),
        _POLICY.format("kh65_clerk_delete", table, f"FOR DELETE TO {CLERK} USING ({mine})"),
    ]


_POLICY_NAMES = (
    "kh65_read",
    "kh65_planning_write",
    "kh65_clerk_insert",
    "kh65_clerk_update",
    "kh65_clerk_delete",
)
_ROLE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


class ServerSetupError(StorageError):
    """A server command refused (a bad role name, an unknown agency); nothing changed."""


@dataclass(frozen=True)
class ClerkRole:
    """A login role and what it may write."""

    name: str
    planning: bool
    agencies: tuple[tuple[str, str], ...]  # (code, name)


def init_server(connection: Connection) -> None:
    """Roles, the mapping table, grants, row-level security and change notices, in the
    caller's transaction (run by the database's owner)."""
    for statement in (_ROLES, _MAPPING_TABLE, _MAY_WRITE, _GRANTS):
        connection.exec_driver_sql(statement)
    statements = [
        *(
            s
            for table in _BY_INDICATOR
            for s in _policies(table, "kh65_may_write_figure(indicator_id, locality_id)")
        ),
        *_policies("task", "kh65_leads_task(id)"),
        *_policies("report_text", "kh65_is_own_agency(agency_id)"),
    ]
    for statement in statements:
        connection.exec_driver_sql(statement)
    install_change_notices(connection)


def add_clerk(
    connection: Connection,
    role: str,
    agency_codes: list[str],
    password: str | None,
    planning: bool = False,
) -> None:
    """Create (or update) a login role: a clerk of these agencies, or (planning) one of the
    planning department. Refuses a role name PostgreSQL would quote and unknown agency
    codes, before changing anything."""
    if not _ROLE_NAME.match(role):
        raise ServerSetupError(
            f"Tên vai trò “{role}” không dùng được: chỉ gồm chữ thường không dấu, chữ số và "
            "dấu gạch dưới, bắt đầu bằng chữ, tối đa 63 ký tự (ví dụ nv_sotc_lan)."
        )
    if role in (PLANNING, CLERK):
        raise ServerSetupError(f"“{role}” là vai trò nhóm của KH65; hãy chọn tên khác.")
    if not planning and not agency_codes:
        raise ServerSetupError("Hãy ghi ít nhất một cơ quan (--agency MÃ) cho cán bộ này.")
    known = {r[0] for r in connection.execute(text("SELECT code FROM agency"))}
    unknown = [c for c in agency_codes if c not in known]
    if unknown:
        raise ServerSetupError(
            f"Không có cơ quan mã {', '.join(unknown)} trong cơ sở dữ liệu. "
            "Xem các mã bằng lệnh kh65 --db … indicators hoặc trong cửa sổ (tab Cơ quan)."
        )
    exists = connection.execute(
        text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}
    ).first()
    group = PLANNING if planning else CLERK
    other = CLERK if planning else PLANNING
    login = "LOGIN" + (f" PASSWORD {_literal(connection, password)}" if password else "")
    verb = "ALTER" if exists else "CREATE"
    connection.exec_driver_sql(f"{verb} ROLE {role} {login}")
    connection.exec_driver_sql(f"GRANT {group} TO {role}")
    if exists:
        connection.exec_driver_sql(f"REVOKE {other} FROM {role}")
    connection.execute(text(f"DELETE FROM {MAPPING} WHERE role_name = :r"), {"r": role})
    for code in dict.fromkeys(agency_codes):
        connection.execute(
            text(f"INSERT INTO {MAPPING} (role_name, agency_code) VALUES (:r, :c)"),
            {"r": role, "c": code},
        )


def clerk_roles(connection: Connection) -> list[ClerkRole]:
    """Every login role of the two groups, with its agencies."""
    rows = connection.execute(
        text(
            "SELECT r.rolname, g.rolname FROM pg_roles r "
            "JOIN pg_auth_members m ON m.member = r.oid JOIN pg_roles g ON g.oid = m.roleid "
            "WHERE g.rolname IN (:p, :c) ORDER BY r.rolname"
        ),
        {"p": PLANNING, "c": CLERK},
    ).all()
    agencies: dict[str, list[tuple[str, str]]] = {}
    for role, code, name in connection.execute(
        text(
            f"SELECT m.role_name, m.agency_code, coalesce(a.name, '') FROM {MAPPING} m "
            "LEFT JOIN agency a ON a.code = m.agency_code ORDER BY m.role_name, m.agency_code"
        )
    ):
        agencies.setdefault(role, []).append((code, name))
    return [
        ClerkRole(role, group == PLANNING, tuple(agencies.get(role, []))) for role, group in rows
    ]


def refused_by_server(error: BaseException) -> bool:
    """Whether a failed write was refused by a grant or a row-level policy."""
    original = error.orig if isinstance(error, DBAPIError) else error
    return getattr(original, "sqlstate", None) == REFUSED_STATE


def lead_agency_names(connection: Connection, indicator_ids: list[int]) -> list[str]:
    """The agencies leading these indicators (whose figures a refused clerk tried to write)."""
    if not indicator_ids:
        return []
    rows = connection.execute(
        text(
            "SELECT DISTINCT a.name FROM indicator i JOIN group_agency g ON g.group_id = "
            "i.group_id AND g.role = 'lead' JOIN agency a ON a.id = g.agency_id "
            "WHERE i.id = ANY(:ids) ORDER BY a.name"
        ),
        {"ids": list(indicator_ids)},
    )
    return [r[0] for r in rows]


def _literal(connection: Connection, value: str | None) -> str:
    """A string literal quoted by the server's own rules (a role's password cannot be a
    bound parameter)."""
    return str(connection.execute(text("SELECT quote_literal(:v)"), {"v": value}).scalar_one())


def lead_task_agency_names(connection: Connection, task_id: int) -> list[str]:
    """The agencies leading a task."""
    rows = connection.execute(
        text(
            "SELECT a.name FROM task_agency t JOIN agency a ON a.id = t.agency_id "
            "WHERE t.task_id = :t AND t.role = 'lead' ORDER BY a.name"
        ),
        {"t": task_id},
    )
    return [r[0] for r in rows]
