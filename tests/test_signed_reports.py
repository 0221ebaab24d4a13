"""Signed PDF reports (issue 16 item 4): signed with a .p12 and through a real PKCS#11 token
(SoftHSM2), verified offline against trusted certificates, refused cleanly on bad input."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from io import BytesIO
from pathlib import Path

import pdfplumber
import pytest

from kh65_desktop import cli
from kh65_desktop.reports.builders import ReportKind
from kh65_desktop.reports.produce import Signing, write_report
from kh65_desktop.reports.signing import Appearance, FileKey, SigningError, TokenKey
from kh65_desktop.reports.verification import load_certificates, verify_pdf
from kh65_desktop.services.plan_service import PlanService

from . import signing_keys as keys
from .test_reports import options

PASSPHRASE = "mật khẩu ký"


@dataclass(frozen=True)
class Keys:
    authority: keys.Authority
    stranger: keys.Authority  # a CA nobody trusts
    p12: Path
    folder: Path


@pytest.fixture(scope="session")
def signing(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Keys]:
    """One token per test session: SoftHSM2 reads its configuration once per process."""
    folder = tmp_path_factory.mktemp("signing")
    authority = keys.make_authority(folder)
    before = os.environ.get("SOFTHSM2_CONF")
    keys.softhsm_token(folder, authority, "Trần Thị Bình")
    yield Keys(
        authority,
        keys.make_authority(folder, "CA lạ"),
        keys.make_p12(folder, authority, PASSPHRASE),
        folder,
    )
    if before is None:
        os.environ.pop("SOFTHSM2_CONF", None)
    else:
        os.environ["SOFTHSM2_CONF"] = before


def _images(folder: Path) -> Appearance:
    from PIL import Image, ImageDraw

    seal = Image.new("RGBA", (300, 300), (0, 0, 0, 0))
    ImageDraw.Draw(seal).ellipse((5, 5, 295, 295), outline=(200, 20, 20, 220), width=14)
    seal.save(folder / "seal.png")
    mark = Image.new("RGBA", (500, 200), (0, 0, 0, 0))
    ImageDraw.Draw(mark).line([(10, 150), (120, 30), (250, 170), (490, 60)], (20, 30, 140), 8)
    mark.save(folder / "signature.png")
    return Appearance(folder / "signature.png", folder / "seal.png")


def _sign(service: PlanService, out: Path, key: FileKey | TokenKey, look: Appearance) -> Path:
    report = options(service, ReportKind.PROVINCE)
    return write_report(service, report, out, signing=Signing(key, look))


_COLOURS = {
    "red": lambda r, g, b: r > 150 and g < 120 and b < 120,
    "blue": lambda r, g, b: b > 100 and r < 90 and g < 90,
}


def _drawn_in(pdf: Path, colour: str) -> tuple[float, float, float, float]:
    """Where the last page, as a viewer draws it (annotations included), shows `colour`:
    the box in points from the top left."""
    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf))
    document.init_forms()  # draw the signature widget as a viewer does
    image = document[len(document) - 1].render(scale=2, may_draw_forms=True).to_pil().convert("RGB")
    document.close()
    near = [
        (x, y)
        for y in range(image.height)
        for x in range(image.width)
        if _COLOURS[colour](*image.getpixel((x, y)))
    ]
    assert near, f"nothing drawn in {colour}"
    xs, ys = [x for x, _ in near], [y for _, y in near]
    return min(xs) / 2, min(ys) / 2, max(xs) / 2, max(ys) / 2


def _token(pin: str = keys.TOKEN_PIN) -> TokenKey:
    return TokenKey(keys.SOFTHSM_MODULE, pin, keys.TOKEN_LABEL)


def test_a_report_signed_on_the_token_verifies_and_fails_after_one_byte_changes(
    service: PlanService, signing: Keys, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    signed = _sign(service, tmp_path / "báo cáo.pdf", _token(), Appearance())
    verdict = verify_pdf(signed, load_certificates([signing.authority.pem]))
    assert verdict.ok
    (check,) = verdict.signatures
    assert check.intact and check.trusted and not check.changed_after
    assert check.signer == "Trần Thị Bình"
    assert abs(check.signed_at - datetime.now(UTC)) < timedelta(minutes=5)  # type: ignore[operator]
    argv = ["--db", str(tmp_path / "x.db"), "verify", str(signed)]
    assert cli.main([*argv, "--trust", str(signing.authority.pem)]) == 0
    shown = capsys.readouterr().out
    assert "Chữ ký hợp lệ" in shown and "Trần Thị Bình" in shown

    data = bytearray(signed.read_bytes())
    at = data.index(b"/Type /Page") + 1  # inside the signed bytes, not the signature itself
    data[at] = ord("X") if data[at] != ord("X") else ord("Y")
    changed = tmp_path / "sửa.pdf"
    changed.write_bytes(bytes(data))
    assert not verify_pdf(changed, load_certificates([signing.authority.pem])).signatures[0].intact
    assert cli.main([*argv[:-1], str(changed), "--trust", str(signing.authority.pem)]) == 1
    assert "ĐÃ BỊ SỬA" in capsys.readouterr().out


def test_pyhanko_itself_finds_the_token_signature_intact_and_trusted(
    service: PlanService, signing: Keys, tmp_path: Path
) -> None:
    from asn1crypto import pem, x509
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    signed = _sign(service, tmp_path / "r.pdf", _token(), Appearance())
    root = x509.Certificate.load(pem.unarmor(signing.authority.pem.read_bytes())[2])
    reader = PdfFileReader(BytesIO(signed.read_bytes()))
    status = validate_pdf_signature(
        reader.embedded_signatures[0], ValidationContext(trust_roots=[root])
    )
    assert status.intact and status.valid and status.trusted and status.bottom_line


def test_a_p12_signature_with_images_sits_over_the_signature_block_of_the_last_page(
    service: PlanService, signing: Keys, tmp_path: Path
) -> None:
    signed = _sign(service, tmp_path / "r.pdf", FileKey(signing.p12, PASSPHRASE), _images(tmp_path))
    assert verify_pdf(signed, load_certificates([signing.authority.pem])).ok
    with pdfplumber.open(signed) as pdf:
        last = pdf.pages[-1]
        words = last.extract_words()
        title = next(w for w in words if w["text"] == "ĐỐC")  # "... GIÁM ĐỐC" above the room
        name = next(w for w in words if w["text"] == "An")  # signer "Nguyễn Văn An" below it
        (widget,) = last.annots  # the signature's visible stamp
        assert title["bottom"] <= widget["top"] + 1 and widget["bottom"] <= name["top"] + 1
        box = (widget["x0"], widget["top"], widget["x1"], widget["bottom"])
    for colour in ("red", "blue"):  # the seal, the signature
        x0, top, x1, bottom = _drawn_in(signed, colour)
        assert box[0] - 1 <= x0 and x1 <= box[2] + 1 and box[1] - 1 <= top and bottom <= box[3] + 1
        assert widget["x0"] < name["x0"] and widget["x1"] > name["x1"]  # across the block
        assert all(not p.annots for p in pdf.pages[:-1])


def test_a_copy_is_signed_top_right_of_the_first_page(
    service: PlanService, signing: Keys, tmp_path: Path
) -> None:
    signed = _sign(
        service, tmp_path / "r.pdf", FileKey(signing.p12, PASSPHRASE), Appearance(copy=True)
    )
    with pdfplumber.open(signed) as pdf:
        (stamp,) = pdf.pages[0].annots
        assert stamp["x0"] > pdf.pages[0].width / 2 and stamp["bottom"] < 20 * 72 / 25.4
        assert all(not p.annots for p in pdf.pages[1:])


def test_a_wrong_pin_signs_nothing_and_writes_nothing(
    service: PlanService, signing: Keys, tmp_path: Path
) -> None:
    out = tmp_path / "out" / "r.pdf"
    out.parent.mkdir()
    with pytest.raises(SigningError, match="Mã PIN của thiết bị ký số không đúng"):
        _sign(service, out, _token("000000"), Appearance())
    assert list(out.parent.iterdir()) == []  # no report, no temporary left behind


def test_a_wrong_passphrase_keeps_the_previous_file(
    service: PlanService, signing: Keys, tmp_path: Path
) -> None:
    out = tmp_path / "r.pdf"
    out.write_bytes(b"previous")
    with pytest.raises(SigningError, match="Mật khẩu của tệp khóa"):
        _sign(service, out, FileKey(signing.p12, "sai"), Appearance())
    assert out.read_bytes() == b"previous"


def test_an_expired_or_not_yet_valid_certificate_is_refused(
    service: PlanService, signing: Keys, tmp_path: Path
) -> None:
    now = datetime.now(UTC)
    old = keys.make_p12(
        tmp_path,
        signing.authority,
        "x",
        end=now - timedelta(days=1),
        start=now - timedelta(days=400),
    )
    with pytest.raises(SigningError, match="đã hết hạn"):
        _sign(service, tmp_path / "a.pdf", FileKey(old, "x"), Appearance())
    future = keys.make_p12(tmp_path, signing.authority, "x", start=now + timedelta(days=3))
    with pytest.raises(SigningError, match="chỉ có hiệu lực từ"):
        _sign(service, tmp_path / "b.pdf", FileKey(future, "x"), Appearance())
    assert not list(tmp_path.glob("*.pdf"))


def test_a_certificate_not_issued_for_signing_signs_nothing_and_fails_verify(
    service: PlanService,
    signing: Keys,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from cryptography import x509

    encryption_only = x509.KeyUsage(False, False, True, False, False, False, False, False, False)
    p12 = keys.make_p12(tmp_path, signing.authority, "x", usage=encryption_only)
    with pytest.raises(SigningError, match="không được cấp để ký văn bản"):
        _sign(service, tmp_path / "a.pdf", FileKey(p12, "x"), Appearance())
    assert not (tmp_path / "a.pdf").exists()
    # signed by a tool that does not look: verify says the certificate is not for signing
    monkeypatch.setattr("kh65_desktop.reports.signing.purpose_problem", lambda _c: "")
    signed = _sign(service, tmp_path / "b.pdf", FileKey(p12, "x"), Appearance())
    (check,) = verify_pdf(signed, load_certificates([signing.authority.pem])).signatures
    assert check.intact and not check.trusted and not check.ok
    argv = ["--db", str(tmp_path / "x.db"), "verify", str(signed)]
    assert cli.main([*argv, "--trust", str(signing.authority.pem)]) == 1
    out = capsys.readouterr().out
    assert out.startswith("Chữ ký KHÔNG hợp lệ") and "không được cấp để ký văn bản" in out


def test_a_missing_module_or_token_or_a_file_that_is_no_key_is_said_plainly(
    service: PlanService, signing: Keys, tmp_path: Path
) -> None:
    with pytest.raises(SigningError, match="Không nạp được thư viện của thiết bị ký số"):
        _sign(
            service, tmp_path / "r.pdf", TokenKey(str(tmp_path / "không có.so"), "1"), Appearance()
        )
    note = tmp_path / "ghi chú.p12"
    note.write_text("không phải khóa", encoding="utf-8")
    with pytest.raises(SigningError, match="không phải tệp khóa ký số"):
        _sign(service, tmp_path / "r.pdf", FileKey(note, "x"), Appearance())
    with pytest.raises(SigningError, match="Không thấy thiết bị ký số"):
        _sign(
            service,
            tmp_path / "r.pdf",
            TokenKey(keys.SOFTHSM_MODULE, "1", "không có"),
            Appearance(),
        )
    assert not (tmp_path / "r.pdf").exists()


def test_an_image_that_is_not_one_is_said_and_nothing_written(
    service: PlanService, signing: Keys, tmp_path: Path
) -> None:
    note = tmp_path / "con dấu.png"
    note.write_text("không phải ảnh", encoding="utf-8")
    out = tmp_path / "out" / "r.pdf"
    out.parent.mkdir()
    with pytest.raises(SigningError, match="Không đọc được ảnh con dấu “con dấu.png”"):
        _sign(service, out, FileKey(signing.p12, PASSPHRASE), Appearance(seal_image=note))
    assert list(out.parent.iterdir()) == []


def test_something_added_after_signing_is_reported_as_a_change(
    service: PlanService, signing: Keys, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    signed = _sign(service, tmp_path / "r.pdf", FileKey(signing.p12, PASSPHRASE), Appearance())
    with signed.open("rb+") as file:  # an incremental update: the signed bytes stay as they were
        writer = IncrementalPdfFileWriter(file)
        writer.root["/Lang"] = generic.TextStringObject("en")
        writer.update_root()
        writer.write_in_place()
    (check,) = verify_pdf(signed, load_certificates([signing.authority.pem])).signatures
    assert check.intact and check.trusted and check.changed_after and not check.ok
    argv = ["--db", str(tmp_path / "x.db"), "verify", str(signed)]
    assert cli.main([*argv, "--trust", str(signing.authority.pem)]) == 1
    assert "SAU khi ký" in capsys.readouterr().out


def test_an_untrusted_authority_is_reported_not_trusted(
    service: PlanService, signing: Keys, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    signed = _sign(service, tmp_path / "r.pdf", FileKey(signing.p12, PASSPHRASE), Appearance())
    verdict = verify_pdf(signed, load_certificates([signing.stranger.pem]))
    assert not verdict.ok and verdict.signatures[0].intact and not verdict.signatures[0].trusted
    code = cli.main(
        [
            "--db",
            str(tmp_path / "x.db"),
            "verify",
            str(signed),
            "--trust",
            str(signing.stranger.pem),
        ]
    )
    assert code == 1 and "KHÔNG được tin cậy" in capsys.readouterr().out


def test_verify_refuses_a_file_that_is_not_a_pdf(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = tmp_path / "ghi chú.pdf"
    text.write_text("không phải PDF", encoding="utf-8")
    assert cli.main(["--db", str(tmp_path / "x.db"), "verify", str(text)]) == 2
    err = capsys.readouterr().err
    assert "không phải tệp PDF" in err and "Traceback" not in err
    typo, authority = tmp_path / "bao cao.pdf", tmp_path / "goc.pem"
    for argv in (["verify", str(typo)], ["verify", "--add-trust", str(authority)]):
        assert cli.main(["--db", str(tmp_path / "x.db"), *argv]) == 2
        err = capsys.readouterr().err
        assert "Không tìm thấy tệp" in err and "thư mục không tồn tại" not in err


@pytest.fixture(autouse=True)
def own_trust_list(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The office's trust list in the test's folder, not the user's."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


def test_the_report_command_signs_with_a_p12_and_a_kept_authority_verifies_it(
    db_path: Path,
    signing: Keys,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("KH65_SIGN_PASSPHRASE", PASSPHRASE)
    out = tmp_path / "ký.pdf"
    argv = ["--db", str(db_path), "report", "--kind", "province", "--signer", "Nguyễn Văn An"]
    assert cli.main([*argv, "--out", str(out), "--sign", str(signing.p12)]) == 0
    assert "đã ký số" in capsys.readouterr().out
    verify = ["--db", str(db_path), "verify", str(out)]
    assert cli.main(verify) == 1  # no authority trusted yet
    assert "KHÔNG được tin cậy" in capsys.readouterr().out
    assert (
        cli.main(["--db", str(db_path), "verify", "--add-trust", str(signing.authority.pem)]) == 0
    )
    assert cli.main([*verify, "--json"]) == 0
    assert '"valid": true' in capsys.readouterr().out


@pytest.mark.parametrize("stop", [KeyboardInterrupt, EOFError], ids=["ctrl-c", "no-input"])
def test_the_report_command_stopped_at_the_passphrase_or_pin_prompt_signs_nothing(
    db_path: Path,
    signing: Keys,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    stop: type[BaseException],
) -> None:
    monkeypatch.delenv("KH65_SIGN_PASSPHRASE", raising=False)
    monkeypatch.delenv("KH65_TOKEN_PIN", raising=False)
    asked: list[str] = []

    def prompt(text: str) -> str:  # what getpass does when the clerk presses Ctrl+C
        asked.append(text)
        raise stop

    monkeypatch.setattr("getpass.getpass", prompt)
    out = tmp_path / "r.pdf"
    argv = ["--db", str(db_path), "report", "--kind", "province", "--out", str(out)]
    assert cli.main([*argv, "--sign", str(signing.p12)]) == 2
    err = capsys.readouterr().err
    assert "Chưa nhập mật khẩu: chưa ký" in err and "KH65_SIGN_PASSPHRASE" in err
    assert cli.main([*argv, "--sign-pkcs11", keys.SOFTHSM_MODULE]) == 2
    assert "Chưa nhập mã PIN: chưa ký" in capsys.readouterr().err
    assert len(asked) == 2 and not out.exists()
    # a mistyped key file or token library is said before any secret is asked for
    assert cli.main([*argv, "--sign", str(tmp_path / "khoa.p12")]) == 2
    assert "Không có tệp khóa ký số" in capsys.readouterr().err
    assert cli.main([*argv, "--sign-pkcs11", str(tmp_path / "token.so")]) == 2
    assert "Không có thư viện thiết bị ký số" in capsys.readouterr().err
    assert len(asked) == 2 and not out.exists()


def test_the_report_command_refuses_a_wrong_pin_with_exit_code_2(
    db_path: Path,
    signing: Keys,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("KH65_TOKEN_PIN", "999999")
    out = tmp_path / "r.pdf"
    argv = ["--db", str(db_path), "report", "--kind", "province", "--out", str(out)]
    assert cli.main([*argv, "--sign-pkcs11", keys.SOFTHSM_MODULE]) == 2
    err = capsys.readouterr().err
    assert "Mã PIN" in err and "Traceback" not in err and not out.exists()
    word = [
        "--db",
        str(db_path),
        "report",
        "--kind",
        "province",
        "--out",
        str(out.with_suffix(".docx")),
    ]
    assert cli.main([*word, "--sign-pkcs11", keys.SOFTHSM_MODULE]) == 2
    assert "Chỉ ký số được báo cáo PDF" in capsys.readouterr().err
    assert cli.main([*argv, "--seal-image", str(out)]) == 2
    assert "cần --sign hoặc --sign-pkcs11" in capsys.readouterr().err and not out.exists()


def _signed_from_dialog(qtbot, window, out: Path, pin: str, monkeypatch) -> object:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QPushButton

    from kh65_desktop.ui import prompts
    from kh65_desktop.ui.dialogs.signing_choice import SigningChoice

    dialog = window.open_report()
    dialog.kind.setCurrentIndex(1)  # province
    dialog.signing.setChecked(True)
    dialog.signing.with_token.setChecked(True)
    dialog.signing.edits["module"].setText(keys.SOFTHSM_MODULE)
    dialog.signing.edits["token_label"].setText(keys.TOKEN_LABEL)
    monkeypatch.setattr(prompts, "save_file", lambda *args: out)
    monkeypatch.setattr(SigningChoice, "_ask", lambda self, label: pin)
    dialog.findChild(QPushButton, "savePdf").click()
    qtbot.waitUntil(lambda: dialog.status.text().startswith(("Đã lưu", "Không")), timeout=30000)
    return dialog


def test_the_report_dialog_signs_on_the_token_and_says_a_wrong_pin(
    qtbot,  # type: ignore[no-untyped-def]
    db_path: Path,
    signing: Keys,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from .ui_helpers import open_window

    window = open_window(qtbot, db_path, tmp_path)
    wrong = tmp_path / "out" / "sai.pdf"
    wrong.parent.mkdir()
    dialog = _signed_from_dialog(qtbot, window, wrong, "000000", monkeypatch)
    assert "Mã PIN của thiết bị ký số không đúng" in dialog.status.text()  # type: ignore[attr-defined]
    assert list(wrong.parent.iterdir()) == []
    out = tmp_path / "out" / "ký.pdf"
    dialog = _signed_from_dialog(qtbot, window, out, keys.TOKEN_PIN, monkeypatch)
    assert dialog.status.text().startswith("Đã lưu")  # type: ignore[attr-defined]
    verdict = verify_pdf(out, load_certificates([signing.authority.pem]))
    assert verdict.ok and verdict.signatures[0].signer == "Trần Thị Bình"
    stored = (tmp_path / "settings.ini").read_text(encoding="utf-8")
    assert keys.TOKEN_LABEL in stored and keys.TOKEN_PIN not in stored  # the choice, not the PIN


def test_check_signature_in_the_window_says_valid_or_changed(
    qtbot,  # type: ignore[no-untyped-def]
    db_path: Path,
    service: PlanService,
    signing: Keys,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from kh65_desktop.reports.trusted_certificates import add_trusted
    from kh65_desktop.ui import prompts
    from kh65_desktop.ui.dialogs.verify_dialog import SignatureResult

    from .ui_helpers import open_window

    signed = _sign(service, tmp_path / "r.pdf", FileKey(signing.p12, PASSPHRASE), Appearance())
    add_trusted(signing.authority.pem)  # the office's list (in this test's data folder)
    window = open_window(qtbot, db_path, tmp_path)
    action = next(
        a for a in window.menuBar().actions()[0].menu().actions() if a.text() == "Kiểm tra chữ ký…"
    )
    for path, valid, said in (
        (signed, True, "Chữ ký hợp lệ"),
        (db_path, False, "không phải tệp PDF"),
    ):
        monkeypatch.setattr(prompts, "open_file", lambda *args, p=path: p)
        action.trigger()
        qtbot.waitUntil(lambda: bool(window.findChildren(SignatureResult)), timeout=20000)
        (result,) = window.findChildren(SignatureResult)
        assert result.ok is valid and said in result.findChild(object, "details").toPlainText()
        result.setParent(None)
        result.deleteLater()


def test_the_window_trusts_an_authority_from_the_result_and_checks_again(
    qtbot,  # type: ignore[no-untyped-def]
    db_path: Path,
    service: PlanService,
    signing: Keys,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QPushButton

    from kh65_desktop.reports.trusted_certificates import trusted_certificates
    from kh65_desktop.ui import prompts
    from kh65_desktop.ui.dialogs.verify_dialog import SignatureResult, check_signature

    from .ui_helpers import open_window

    signed = _sign(service, tmp_path / "r.pdf", FileKey(signing.p12, PASSPHRASE), Appearance())
    window = open_window(qtbot, db_path, tmp_path)
    monkeypatch.setattr(prompts, "open_file", lambda *args: signed)
    check_signature(window)
    qtbot.waitUntil(lambda: bool(window.findChildren(SignatureResult)), timeout=20000)
    (first,) = window.findChildren(SignatureResult)
    assert not first.ok and "KHÔNG được tin cậy" in first.findChild(object, "details").toPlainText()
    monkeypatch.setattr(prompts, "open_file", lambda *args: signing.authority.pem)
    first.findChild(QPushButton, "addTrust").click()
    assert len(trusted_certificates()) == 1  # kept on the office's list
    qtbot.waitUntil(lambda: any(r.ok for r in window.findChildren(SignatureResult)), timeout=20000)
