"""Signed packages: an office's key, the trust list, and what the import preview says and
refuses (exchange/signing.py, services/package_keys.py, `kh65 keys`)."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import stat
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kh65_desktop.exchange.data import ExchangeData, ExchangeError, ValueData
from kh65_desktop.exchange.package import write_package
from kh65_desktop.exchange.signing import (
    key_path,
    load_key,
    office_key,
    write_key_file,
)
from kh65_desktop.services.exchange import Action, ExchangeService
from kh65_desktop.services.exchange_files import read_file
from kh65_desktop.services.plan_service import PlanService

from .samples import office_package
from .test_exchange_rights import figures, kh65

PLAN, H1 = "65/KH-UBND/2024", "2024-H1"
TAX = ("CTHUE", "Cục Thuế tỉnh")  # leads II.6; II.1.1 is led by BHXH


def tax_package(
    path: Path, key_folder: Path | None, *values: tuple[str, float], sender=TAX, at=None
) -> Path:
    """A package naming `sender`, signed with the key kept in `key_folder` for the office
    of that folder's key (None: unsigned)."""
    at = at or datetime.now(UTC) - timedelta(minutes=1)
    data = ExchangeData(PLAN, *sender, datetime.now(UTC))
    data.values = [ValueData(c, H1, None, v, entered_by="x", entered_at=at) for c, v in values]
    key = None
    if key_folder is not None:
        code, name = json.loads(next(key_folder.glob("office-*.key")).read_text())[
            "office"
        ].values()
        key = load_key(key_folder, code, None)
    return write_package(data, path, key)


def make_key(folder: Path, office: tuple[str, str] = TAX) -> Path:
    office_key(folder, *office, None)
    return folder


def key_file(folder: Path, out: Path, code: str = TAX[0]) -> Path:
    key = load_key(folder, code, None)
    assert key is not None
    return write_key_file(key, out)


def trust(monkeypatch, db_path: Path, file: Path, capsys) -> str:  # type: ignore[no-untyped-def]
    assert kh65(monkeypatch, "--db", str(db_path), "keys", "trust", str(file), "--yes") == 0
    return capsys.readouterr().out


def dry_run(monkeypatch, db_path: Path, path: Path, capsys) -> dict:  # type: ignore[no-untyped-def]
    code = kh65(monkeypatch, "--db", str(db_path), "import", str(path), "--dry-run", "--json")
    out = capsys.readouterr()
    assert code == 0, out.err
    return json.loads(out.out)


def refused(monkeypatch, db_path: Path, path: Path, capsys, *words: str) -> str:  # type: ignore[no-untyped-def]
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    assert kh65(monkeypatch, "--db", str(db_path), "import", str(path)) == 2
    err = capsys.readouterr().err
    for word in words:
        assert word in err
    assert "Traceback" not in err
    assert "Cơ sở dữ liệu không thay đổi" in err
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before
    return err


def test_a_package_from_a_trusted_office_is_verified_and_logged(
    service: PlanService,
    db_path: Path,
    tmp_path: Path,
    keys_folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    package = office_package(tmp_path, "CTHUE", "II.6.1", 4100.0)  # its first export: a key
    key = load_key(keys_folder, "CTHUE", None)
    assert key is not None
    if os.name == "posix":
        assert stat.S_IMODE(key_path(keys_folder, "CTHUE").stat().st_mode) == 0o600
    short = key.public.short
    assert len(short) == 19 and short.count("-") == 3
    # not yet trusted: the preview says so, with the short fingerprint
    before = dry_run(monkeypatch, db_path, package, capsys)["signature"]
    assert before["state"] == "untrusted"
    assert before["label"] == f"Khóa chưa được tin cậy (mã khóa {short})"
    said = trust(monkeypatch, db_path, key_file(keys_folder, tmp_path / "cthue.kh65key"), capsys)
    assert f"Mã khóa: {short}" in said and "Cục Thuế tỉnh" in said
    preview = dry_run(monkeypatch, db_path, package, capsys)
    assert preview["signature"]["label"] == "Đã ký: Cục Thuế tỉnh (đã xác thực)"
    assert kh65(monkeypatch, "--db", str(db_path), "import", str(package)) == 0
    assert "Chữ ký: Đã ký: Cục Thuế tỉnh (đã xác thực)" in capsys.readouterr().out
    assert figures(db_path, "II.6.1")[None] == 4100.0
    with sqlite3.connect(db_path) as db:
        logged = db.execute(
            "SELECT signer, signature_state, signer_fingerprint FROM import_log"
        ).fetchone()
    assert logged == ("Cục Thuế tỉnh", "verified", key.public.fingerprint)


def test_an_unsigned_package_imports_until_its_office_has_a_trusted_key(
    service: PlanService, db_path: Path, tmp_path: Path, monkeypatch, capsys
) -> None:
    package = tax_package(tmp_path / "old.kh65", None, ("II.6.1", 3500.0))
    assert dry_run(monkeypatch, db_path, package, capsys)["signature"]["label"] == "Chưa ký"
    assert kh65(monkeypatch, "--db", str(db_path), "import", str(package)) == 0
    assert figures(db_path, "II.6.1")[None] == 3500.0
    with sqlite3.connect(db_path) as db:
        assert db.execute("SELECT signature_state FROM import_log").fetchone() == ("unsigned",)
    # once the office's key is trusted, a package without a signature is one whose signature
    # was stripped (its content edited): refused, as one signed with another key is
    trust(monkeypatch, db_path, key_file(make_key(tmp_path / "k"), tmp_path / "c.key"), capsys)
    stripped = tax_package(tmp_path / "stripped.kh65", None, ("II.6.1", 9999.0))
    err = refused(monkeypatch, db_path, stripped, capsys, "gói không có chữ ký", "Cục Thuế tỉnh")
    assert "bỏ chữ ký" in err
    assert figures(db_path, "II.6.1")[None] == 3500.0


def _reseal(package: Path, change_content=None, change_manifest=None) -> Path:  # type: ignore[no-untyped-def]
    """The package edited after signing, its checksum made right, its signature kept."""
    with zipfile.ZipFile(package) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        content = json.loads(archive.read("content.json"))
    if change_content:
        change_content(content)
    if change_manifest:
        change_manifest(manifest)
    raw = json.dumps(content, ensure_ascii=False).encode()
    manifest["content_sha256"] = hashlib.sha256(raw).hexdigest()
    bad = package.with_name("edited.kh65")
    with zipfile.ZipFile(bad, "w") as archive:
        archive.writestr("manifest.json", json.dumps(manifest))
        archive.writestr("content.json", raw)
    return bad


def test_a_package_changed_after_signing_is_refused(
    service: PlanService, db_path: Path, tmp_path: Path, monkeypatch, capsys
) -> None:
    package = tax_package(tmp_path / "p.kh65", make_key(tmp_path / "k"), ("II.6.1", 3500.0))
    figure = _reseal(package, lambda c: c["values"][0].update(value=9000.0))
    refused(monkeypatch, db_path, figure, capsys, "gói đã bị sửa sau khi ký")
    stamp = _reseal(package, change_manifest=lambda m: m.update(created_at="2024-07-01T00:00:00"))
    refused(monkeypatch, db_path, stamp, capsys, "gói đã bị sửa sau khi ký")
    garbled = _reseal(package, change_manifest=lambda m: m["signature"].update(value="!!"))
    refused(monkeypatch, db_path, garbled, capsys, "phần chữ ký của gói không đọc được")
    assert figures(db_path, "II.6.1")[None] == 3300.0


def test_a_package_naming_one_office_signed_by_another_is_refused(
    service: PlanService, db_path: Path, tmp_path: Path, monkeypatch, capsys
) -> None:
    finance = make_key(tmp_path / "stc", ("STC", "Sở Tài chính"))
    package = tax_package(tmp_path / "p.kh65", finance, ("II.6.1", 3500.0))
    refused(
        monkeypatch,
        db_path,
        package,
        capsys,
        "gói ghi đơn vị gửi là “Cục Thuế tỉnh” (mã CTHUE)",
        "bằng khóa của “Sở Tài chính” (mã STC)",
    )


def test_a_trusted_office_signing_with_another_key_is_refused(
    service: PlanService, db_path: Path, tmp_path: Path, monkeypatch, capsys
) -> None:
    trust(monkeypatch, db_path, key_file(make_key(tmp_path / "real"), tmp_path / "c.key"), capsys)
    forged = tax_package(tmp_path / "p.kh65", make_key(tmp_path / "forger"), ("II.6.1", 1.0))
    err = refused(monkeypatch, db_path, forged, capsys, "đã có khóa được tin cậy")
    assert "gói có thể bị giả mạo" in err


def test_a_signed_package_carrying_another_offices_figures_is_refused_whole(
    service: PlanService, db_path: Path, tmp_path: Path, monkeypatch, capsys
) -> None:
    folder = make_key(tmp_path / "k")
    trust(monkeypatch, db_path, key_file(folder, tmp_path / "c.key"), capsys)
    package = tax_package(tmp_path / "p.kh65", folder, ("II.6.1", 3500.0), ("II.1.1", 99.0))
    refused(
        monkeypatch,
        db_path,
        package,
        capsys,
        "chứa số liệu không thuộc trách nhiệm của đơn vị này",
        "chỉ tiêu II.1.1",
    )
    assert figures(db_path, "II.6.1")[None] == 3300.0  # not even its own figure


def test_a_new_key_announced_by_the_old_one_is_trusted_and_the_old_one_refused(
    service: PlanService,
    db_path: Path,
    tmp_path: Path,
    keys_folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    old_package = office_package(tmp_path / "a", "CTHUE", "II.6.1", 4100.0)
    old_file, new_file = str(tmp_path / "old.key"), str(tmp_path / "new.key")
    assert kh65(monkeypatch, "--db", str(db_path), "keys", "export", "--out", old_file) == 0
    old_short = capsys.readouterr().out.split("Mã khóa: ")[1].strip()
    trust(monkeypatch, db_path, Path(old_file), capsys)
    assert kh65(monkeypatch, "--db", str(db_path), "keys", "new") == 0
    assert "được khóa cũ ký xác nhận" in capsys.readouterr().out
    assert kh65(monkeypatch, "--db", str(db_path), "keys", "export", "--out", new_file) == 0
    new_short = capsys.readouterr().out.split("Mã khóa: ")[1].strip()
    assert new_short != old_short
    # no --yes and no terminal: trusted all the same, because the old key signed it
    assert kh65(monkeypatch, "--db", str(db_path), "keys", "trust", new_file) == 0
    assert "tin cậy tự động" in capsys.readouterr().out
    assert kh65(monkeypatch, "--db", str(db_path), "keys", "list", "--json") == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(k["short"], k["replaced_at"] is None) for k in listed["trusted"]] == [
        (new_short, True),
        (old_short, False),
    ]
    refused(
        monkeypatch,
        db_path,
        old_package,
        capsys,
        f"khóa cũ của “Cục Thuế tỉnh” (mã khóa {old_short})",
    )
    new_package = office_package(tmp_path / "b", "CTHUE", "II.6.1", 4200.0)
    label = dry_run(monkeypatch, db_path, new_package, capsys)["signature"]["label"]
    assert label == "Đã ký: Cục Thuế tỉnh (đã xác thực)"


@pytest.mark.usefixtures("service")
def test_a_file_that_is_not_a_key_is_refused(
    db_path: Path, tmp_path: Path, keys_folder: Path, monkeypatch, capsys
) -> None:
    text = tmp_path / "ghi-chu.txt"
    text.write_text("không phải khóa", encoding="utf-8")
    good = key_file(make_key(tmp_path / "k"), tmp_path / "c.key")
    body = json.loads(good.read_text())
    body["fingerprint"] = "0" * 64  # a key file edited by hand
    altered = tmp_path / "sua.key"
    altered.write_text(json.dumps(body), encoding="utf-8")
    for file, words in (
        (text, "không phải tệp khóa KH65"),
        (tmp_path / "thieu.key", "Không tìm thấy tệp"),
        (altered, "ghi mã khóa không khớp với khóa bên trong"),
    ):
        assert kh65(monkeypatch, "--db", str(db_path), "keys", "trust", str(file), "--yes") == 2
        err = capsys.readouterr().err
        assert words in err and "Traceback" not in err
    # without --yes and no terminal to confirm on: nothing trusted
    assert kh65(monkeypatch, "--db", str(db_path), "keys", "trust", str(good)) == 2
    assert "so mã khóa" in capsys.readouterr().err
    assert kh65(monkeypatch, "--db", str(db_path), "keys", "list", "--json") == 0
    assert json.loads(capsys.readouterr().out)["trusted"] == []


@pytest.mark.usefixtures("service")
def test_a_wrong_passphrase_exports_nothing(
    db_path: Path, tmp_path: Path, keys_folder: Path, monkeypatch, capsys
) -> None:
    monkeypatch.setenv("KH65_KEY_PASSPHRASE", "mật khẩu đúng")
    first = tmp_path / "a.kh65"
    args = ["--db", str(db_path), "export", "--agency", "CTHUE"]
    assert kh65(monkeypatch, *args, "--out", str(first)) == 0
    assert b"ENCRYPTED" in key_path(keys_folder, "CTHUE").read_bytes()
    capsys.readouterr()
    monkeypatch.setenv("KH65_KEY_PASSPHRASE", "sai")
    second = tmp_path / "b.kh65"
    assert kh65(monkeypatch, *args, "--out", str(second)) == 2
    err = capsys.readouterr().err
    assert "Mật khẩu khóa ký không đúng" in err and "Chưa xuất gì" in err
    assert not second.exists()
    monkeypatch.delenv("KH65_KEY_PASSPHRASE")  # and none at all, with no terminal to ask on
    assert kh65(monkeypatch, *args, "--out", str(second)) == 2
    assert "được đặt mật khẩu" in capsys.readouterr().err
    assert not second.exists()
    assert kh65(monkeypatch, "--db", str(db_path), "keys", "list") == 0
    assert "Cục Thuế tỉnh (CTHUE)" in capsys.readouterr().out


def test_a_verified_package_with_a_future_stamp_is_refused_by_row(
    service: PlanService, db_path: Path, tmp_path: Path, monkeypatch, capsys
) -> None:
    folder = make_key(tmp_path / "k")
    trust(monkeypatch, db_path, key_file(folder, tmp_path / "c.key"), capsys)
    ahead = datetime.now(UTC) + timedelta(minutes=11)
    package = tax_package(tmp_path / "p.kh65", folder, ("II.6.1", 5000.0), at=ahead)
    preview = ExchangeService(service.engine).preview(
        service.current_plan(), read_file(package, "x")
    )
    assert preview.signature.label == "Đã ký: Cục Thuế tỉnh (đã xác thực)"
    (row,) = preview.rows
    assert row.action is Action.REFUSED
    assert row.reason.startswith("Số liệu thứ 1: Thời điểm nhập")
    assert "muộn hơn giờ của máy này" in row.reason


def test_a_replayed_older_signed_package_never_wins(
    service: PlanService, db_path: Path, tmp_path: Path, monkeypatch, capsys
) -> None:
    older = office_package(tmp_path / "a", "CTHUE", "II.6.1", 4100.0)
    newer = office_package(tmp_path / "b", "CTHUE", "II.6.1", 4200.0)
    assert kh65(monkeypatch, "--db", str(db_path), "import", str(newer)) == 0
    capsys.readouterr()
    before = datetime.now(UTC)
    replay = dry_run(monkeypatch, db_path, older, capsys)
    (row,) = [r for r in replay["rows"] if r["code"] == "II.6.1"]
    assert (row["action"], row["take_theirs"]) == ("conflict", False)
    assert kh65(monkeypatch, "--db", str(db_path), "import", str(older)) == 0
    assert figures(db_path, "II.6.1")[None] == 4200.0
    with sqlite3.connect(db_path) as db:  # the receipt time here, beside the sender's stamp
        entered, received = db.execute(
            "SELECT entered_at, received_at FROM reported_value rv JOIN indicator i "
            "ON i.id = rv.indicator_id WHERE i.code = 'II.6.1' AND rv.locality_id IS NULL"
        ).fetchone()
    assert entered < received
    assert datetime.fromisoformat(received).replace(tzinfo=UTC) < before


def test_the_signature_covers_the_manifest_and_the_content_bytes(tmp_path: Path) -> None:
    folder = make_key(tmp_path / "k")
    package = tax_package(tmp_path / "p.kh65", folder, ("II.6.1", 3500.0))
    from kh65_desktop.exchange.package import read_package

    data = read_package(package)
    assert data.signer is not None and data.signer.office_code == "CTHUE"
    unsigned = tax_package(tmp_path / "u.kh65", None, ("II.6.1", 3500.0))
    assert read_package(unsigned).signer is None
    with pytest.raises(ExchangeError, match="gói đã bị sửa sau khi ký"):
        read_package(_reseal(package, lambda c: c["sender"].update(name="Sở Tài chính")))


@pytest.mark.usefixtures("service")
def test_a_damaged_key_of_this_office_exports_nothing_and_says_what_to_do(
    db_path: Path, tmp_path: Path, keys_folder: Path, monkeypatch, capsys
) -> None:
    office_key(keys_folder, "CTHUE", "Cục Thuế tỉnh", None)
    key_path(keys_folder, "CTHUE").write_text('{"office": "hỏng"}', encoding="utf-8")
    out = tmp_path / "a.kh65"
    args = ["--db", str(db_path), "export", "--agency", "CTHUE", "--out", str(out)]
    assert kh65(monkeypatch, *args) == 2
    err = capsys.readouterr().err
    assert "bị hỏng" in err and "kh65 keys new" in err and "Traceback" not in err
    assert not out.exists()
    assert kh65(monkeypatch, "--db", str(db_path), "keys", "new", "--agency", "CTHUE") == 0
    assert "Đã tạo khóa mới cho Cục Thuế tỉnh." in capsys.readouterr().out  # not announced
    assert kh65(monkeypatch, *args) == 0
    assert out.exists()


@pytest.mark.usefixtures("service")
@pytest.mark.parametrize("stop", [KeyboardInterrupt, EOFError], ids=["ctrl-c", "input-ended"])
def test_stopping_at_the_key_passphrase_prompt_exports_nothing(
    db_path: Path,
    tmp_path: Path,
    keys_folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    stop: type[BaseException],
) -> None:
    office_key(keys_folder, "CTHUE", "Cục Thuế tỉnh", "mật khẩu")

    def prompt(text: str) -> str:  # what getpass does when the clerk presses Ctrl+C
        raise stop

    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("getpass.getpass", prompt)
    out = tmp_path / "a.kh65"
    args = ["--db", str(db_path), "export", "--agency", "CTHUE", "--out", str(out)]
    assert kh65(monkeypatch, *args) == 2
    err = capsys.readouterr().err
    assert "Chưa nhập mật khẩu khóa ký: chưa xuất gì" in err and "Traceback" not in err
    assert not out.exists()


def test_on_the_server_a_trusted_package_is_verified_logged_and_an_edited_one_refused(
    pg_server, tmp_path: Path, keys_folder: Path, monkeypatch, capsys
) -> None:
    """The same doors with `--db postgresql://…`: trust list, signer in the import log."""
    name = "signed_on_server"
    url = pg_server.create_database(name).replace("+psycopg", "")
    package = office_package(tmp_path, "CTHUE", "II.6.1", 4100.0)
    key = load_key(keys_folder, "CTHUE", None)
    assert key is not None
    trusted = key_file(keys_folder, tmp_path / "cthue.kh65key")
    assert kh65(monkeypatch, "--db", url, "keys", "trust", str(trusted), "--yes") == 0
    edited = _reseal(package, lambda c: c["values"][0].update(value=9000.0))
    capsys.readouterr()
    assert kh65(monkeypatch, "--db", url, "import", str(edited)) == 2
    assert "gói đã bị sửa sau khi ký" in capsys.readouterr().err
    assert pg_server.psql("SELECT count(*) FROM import_log", name).strip() == "0"
    assert kh65(monkeypatch, "--db", url, "import", str(package)) == 0
    assert "Chữ ký: Đã ký: Cục Thuế tỉnh (đã xác thực)" in capsys.readouterr().out
    logged = pg_server.psql(
        "SELECT signer, signature_state, signer_fingerprint FROM import_log", name
    ).strip()
    assert logged == f"Cục Thuế tỉnh|verified|{key.public.fingerprint}"
    stored = pg_server.psql(
        "SELECT rv.value FROM reported_value rv JOIN indicator i ON i.id = rv.indicator_id "
        "WHERE i.code = 'II.6.1' AND rv.locality_id IS NULL",
        name,
    ).split()
    assert stored == ["4100"]
