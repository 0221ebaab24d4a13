"""Who may write what on a PostgreSQL server, enforced by the server (row-level security):
a clerk writes only what its agencies lead, through the app or raw SQL; the planning
department writes all; `kh65 server init / add-clerk / clerks` set it up."""

from __future__ import annotations

import json

import psycopg
import pytest
from sqlalchemy import Engine, create_engine, text

from kh65_desktop.cli import main
from kh65_desktop.domain.terms import TaskStatus
from kh65_desktop.services.editing import EditService, ValueKey, ValueState
from kh65_desktop.services.plan_service import PlanService
from kh65_desktop.services.write_rights import NotPermitted
from kh65_desktop.storage.database import open_database
from kh65_desktop.storage.engines import parse_server_address
from kh65_desktop.storage.server_roles import add_clerk, clerk_roles, init_server
from kh65_desktop.ui.context import AppContext
from kh65_desktop.ui.main_window import MainWindow

from .samples import office_package
from .ui_helpers import TODAY, column, find_row, settings_in, type_into_cell

_LEAD = (
    "SELECT a.code, a.name FROM indicator i JOIN group_agency g ON g.group_id = i.group_id "
    "AND g.role = 'lead' JOIN agency a ON a.id = g.agency_id WHERE i.code = '{0}'"
)
_SET = (
    "UPDATE reported_value SET value = {1} WHERE locality_id IS NULL AND indicator_id = "
    "(SELECT id FROM indicator WHERE code = '{0}')"
)
_VALUE = (
    "SELECT value FROM reported_value WHERE locality_id IS NULL AND indicator_id = "
    "(SELECT id FROM indicator WHERE code = '{0}')"
)
MINE, THEIRS = "II.3.2", "II.2.1"  # led by two different agencies in plan 65


@pytest.fixture
def server_db(pg_server):  # type: ignore[no-untyped-def]
    """A KH65 database on the test server, set up by `kh65 server init` as its owner."""
    url = pg_server.create_database("rights")
    assert main(["server", "init", url]) == 0
    return url


def _lead(pg_server, code: str) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    agency_code, name = (
        pg_server.psql(_LEAD.format(code), database="rights").split("\n")[0].split("|")
    )
    return agency_code, name


def _as(pg_server, role: str) -> Engine:  # type: ignore[no-untyped-def]
    return create_engine(pg_server.url("rights", user=role))


def test_a_clerk_writes_only_what_its_agency_leads_even_in_raw_sql(pg_server, server_db) -> None:  # type: ignore[no-untyped-def]
    mine, theirs = _lead(pg_server, MINE), _lead(pg_server, THEIRS)
    assert mine[0] != theirs[0]
    assert main(["server", "add-clerk", server_db, "--role", "nv_lan", "--agency", mine[0]]) == 0
    before = pg_server.psql(_VALUE.format(THEIRS), database="rights")
    clerk = _as(pg_server, "nv_lan")
    try:
        with clerk.begin() as connection:
            connection.execute(text(_SET.format(MINE, 300)))
        with pytest.raises(Exception, match="row-level security") as refused:
            with clerk.begin() as connection:
                connection.execute(text(_SET.format(THEIRS, 1)))
        assert isinstance(refused.value.orig, psycopg.errors.InsufficientPrivilege)  # type: ignore[attr-defined]
        with pytest.raises(Exception, match="row-level security"):
            with clerk.begin() as connection:
                connection.execute(
                    text(
                        "INSERT INTO reported_value (indicator_id, period_id, locality_id, "
                        "value, text, is_estimate, note, entered_by, entered_at) SELECT i.id, "
                        "(SELECT min(id) FROM period), (SELECT min(id) FROM locality), 5, '', "
                        "false, '', 'x', now() FROM indicator i WHERE i.code = :c"
                    ),
                    {"c": THEIRS},
                )
        with pytest.raises(Exception, match="permission denied"):  # no tool can widen it
            with clerk.begin() as connection:
                connection.execute(text("DELETE FROM kh65_clerk_agency"))
        with clerk.connect() as connection:  # reads everything
            assert connection.execute(text("SELECT count(*) FROM reported_value")).scalar()
    finally:
        clerk.dispose()
    assert pg_server.psql(_VALUE.format(MINE), database="rights").strip() == "300"
    assert pg_server.psql(_VALUE.format(THEIRS), database="rights") == before


def test_the_apps_service_as_a_clerk_says_whose_task_it_is(pg_server, server_db) -> None:  # type: ignore[no-untyped-def]
    mine = _lead(pg_server, MINE)
    assert main(["server", "add-clerk", server_db, "--role", "nv_lan", "--agency", mine[0]]) == 0
    clerk = open_database(parse_server_address(pg_server.url("rights", user="nv_lan")))
    try:
        tasks = [
            line.split("|")
            for line in pg_server.psql(
                "SELECT t.task_id, a.code, a.name FROM task_agency t JOIN agency a "
                "ON a.id = t.agency_id WHERE t.role = 'lead' ORDER BY t.task_id",
                database="rights",
            ).splitlines()
        ]
        own = next(int(t) for t, code, _ in tasks if code == mine[0])
        other, other_name = next((int(t), n) for t, code, n in tasks if code != mine[0])
        edits = EditService(clerk)
        edits.set_task_status(own, TaskStatus.IN_PROGRESS, "Lan")
        with pytest.raises(NotPermitted, match=f"Bạn không có quyền sửa nhiệm vụ của {other_name}"):
            edits.set_task_status(other, TaskStatus.DONE, "Lan")
        status = pg_server.psql(f"SELECT status FROM task WHERE id = {other}", database="rights")
        assert status.strip() != TaskStatus.DONE.value
    finally:
        clerk.dispose()


def test_the_planning_role_writes_everything(pg_server, server_db) -> None:  # type: ignore[no-untyped-def]
    assert main(["server", "add-clerk", server_db, "--role", "kh_hoa", "--planning"]) == 0
    planning = _as(pg_server, "kh_hoa")
    try:
        with planning.begin() as connection:
            connection.execute(text(_SET.format(MINE, 301)))
            connection.execute(text(_SET.format(THEIRS, 302)))
    finally:
        planning.dispose()
    assert pg_server.psql(_VALUE.format(THEIRS), database="rights").strip() == "302"


def test_server_commands_refuse_clearly_and_list_the_clerks(
    pg_server, server_db, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    mine = _lead(pg_server, MINE)
    capsys.readouterr()
    assert main(["server", "add-clerk", server_db, "--role", "nv_x", "--agency", "KHONGCO"]) == 2
    assert "Không có cơ quan mã KHONGCO" in capsys.readouterr().err
    assert main(["server", "add-clerk", server_db, "--role", "Nv Lan", "--agency", mine[0]]) == 2
    assert "Tên vai trò “Nv Lan” không dùng được" in capsys.readouterr().err
    assert main(["server", "init", "/tmp/kh65.db"]) == 2
    assert "chỉ dùng với máy chủ PostgreSQL" in capsys.readouterr().err
    assert main(["server", "add-clerk", server_db, "--role", "nv_cuc", "--agency", mine[0]]) == 0
    capsys.readouterr()
    assert main(["server", "clerks", server_db, "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)  # roles are the server's: other tests' too
    assert {
        "role": "nv_cuc",
        "planning": False,
        "agencies": [{"code": mine[0], "name": mine[1]}],
    } in listed
    assert not any(r["role"] == "nv_x" for r in listed)  # the refused one was not made
    assert main(["server", "init", server_db]) == 0  # again after an upgrade: still fine
    engine = open_database(parse_server_address(server_db))
    try:
        with engine.begin() as connection:
            init_server(connection)
            add_clerk(connection, "nv_cuc", [mine[0]], "mật khẩu", planning=True)  # now planning
            [role] = [r for r in clerk_roles(connection) if r.name == "nv_cuc"]
        assert role.planning
    finally:
        engine.dispose()


def test_a_clerks_figure_of_another_agency_is_refused_by_service_cli_and_window(
    qtbot, pg_server, server_db, tmp_path, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    mine, theirs = _lead(pg_server, MINE), _lead(pg_server, THEIRS)
    assert main(["server", "add-clerk", server_db, "--role", "nv_lan", "--agency", mine[0]]) == 0
    clerk_url = pg_server.url("rights", user="nv_lan")
    clerk = open_database(parse_server_address(clerk_url))
    before = pg_server.psql(_VALUE.format(THEIRS), database="rights")
    try:
        plans = PlanService(clerk)
        rows = {r.code: r for r in plans.indicator_rows()}
        period = rows[MINE].latest.period_id  # type: ignore[union-attr]
        edits = EditService(clerk)
        edits.set_values([(ValueKey(rows[MINE].id, period), ValueState(310.0))], "Lan")
        with pytest.raises(NotPermitted, match=f"Bạn không có quyền ghi số liệu của {theirs[1]}"):
            edits.set_values([(ValueKey(rows[THEIRS].id, period), ValueState(1.0))], "Lan")

        # the window says so, and writes nothing
        context = AppContext(clerk, settings_in(tmp_path), today=lambda: TODAY)
        window = MainWindow(context)
        qtbot.addWidget(window)
        window.show()
        proxy = window.indicators.proxy
        index = proxy.index(find_row(proxy, THEIRS), column(proxy, "value"))
        type_into_cell(qtbot, window.indicators.table, index, "15.000")
        assert f"Bạn không có quyền ghi số liệu của {theirs[1]}" in window.indicators.error.text()
        window.close()
    finally:
        clerk.dispose()

    # the command line: a package from the agency leading it, imported by this clerk
    package = office_package(tmp_path, theirs[0], THEIRS, 15500.0)
    capsys.readouterr()
    assert main(["--db", clerk_url, "import", str(package)]) == 2
    error = capsys.readouterr().err
    assert f"Bạn không có quyền ghi số liệu của {theirs[1]}" in error
    assert "Traceback" not in error
    assert pg_server.psql(_VALUE.format(THEIRS), database="rights") == before
    assert pg_server.psql(_VALUE.format(MINE), database="rights").strip() == "310"
