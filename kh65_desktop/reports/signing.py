"""Signing a saved report PDF (PAdES baseline B, pyHanko) with a .p12/.pfx file or a
PKCS#11 token, visibly as Decree 30 Appendix I shows an electronic document: the signature
image and the agency's seal over the signature block of the last page, with the signer and
the signing time; a copy is signed top-right of its first page. No timestamp authority is
asked (the app works offline): the signing time is the PC's clock, as the CMS states it."""

from __future__ import annotations

import asyncio
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from io import BytesIO
from pathlib import Path
from typing import Any

from ..atomic_file import atomic_path
from ..file_errors import why_not_written
from .certificate_purpose import purpose_problem
from .document import ReportError
from .pdf import SignatureBlock

VIETNAM = timezone(timedelta(hours=7), "+07:00")  # Appendix I: Vietnam's time zone, ISO 8601
COPY_BOX = (373.0, 788.0, 553.0, 836.0)  # A4 page 1, top right, above the letterhead (points)


class SigningError(ReportError):
    """A refused signing (wrong PIN, no token, expired certificate…): nothing was written."""


@dataclass(frozen=True)
class FileKey:
    """A .p12/.pfx file and its passphrase."""

    path: Path
    passphrase: str


@dataclass(frozen=True)
class TokenKey:
    """A PKCS#11 token: the module (a .so/.dll), which token (label, else the first one
    present), its user PIN and which key (label, else the first signing key)."""

    module: str
    pin: str
    token_label: str | None = None
    key_label: str | None = None


@dataclass(frozen=True)
class Appearance:
    """What the signature shows. Images are PNGs (transparency kept); without them a text
    stamp marks the block. `copy` signs top-right of page 1 instead of the block."""

    signature_image: Path | None = None
    seal_image: Path | None = None
    copy: bool = False


def signing_time_text(moment: datetime) -> str:
    """Appendix I's "Thời gian ký": date, hours, minutes, seconds, Vietnam's time zone."""
    local = moment.astimezone(VIETNAM)
    return local.strftime("%d.%m.%Y %H:%M:%S +07:00")


def sign_pdf(
    source: Path,
    out: Path,
    key: FileKey | TokenKey,
    block: SignatureBlock | None,
    appearance: Appearance = Appearance(),
    now: datetime | None = None,
) -> Path:
    """Sign the PDF `source` into `out` (may be the same file). `out` is written whole or
    not at all: any refusal raises SigningError and leaves it as it was."""
    moment = now or datetime.now(VIETNAM)
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise SigningError(f"Không đọc được “{source}”: {why_not_written(exc)}.") from exc
    from pkcs11.exceptions import PKCS11Error
    from pyhanko.sign.general import SigningError as HankoError

    try:
        with _signer(key) as signer:
            _check_validity(signer.signing_cert, moment)
            wrong_purpose = purpose_problem(signer.signing_cert)
            if wrong_purpose:
                raise SigningError(
                    f"Không ký được: {wrong_purpose}. Chưa ghi tệp nào. Hãy dùng chứng thư ký "
                    "số mà nơi cấp cấp cho việc ký văn bản (thiết bị ký số của cơ quan)."
                )
            signed = _signed_bytes(data, signer, block, appearance, moment)
    except (PKCS11Error, HankoError) as exc:  # the token failed midway, a key it cannot use
        raise SigningError(
            "Thiết bị hoặc khóa ký số báo lỗi khi ký: chưa ký, chưa ghi tệp nào. Hãy kiểm tra "
            f"thiết bị rồi thử lại ({type(exc).__name__})."
        ) from exc
    try:
        with atomic_path(out) as temporary:
            temporary.write_bytes(signed)
    except OSError as exc:
        raise SigningError(f"Không ghi được “{out}”: {why_not_written(exc)}.") from exc
    return out


@contextmanager
def _signer(key: FileKey | TokenKey) -> Iterator[Any]:
    if isinstance(key, FileKey):
        yield _file_signer(key)
        return
    session = _token_session(key)
    try:
        from pyhanko.sign.pkcs11 import PKCS11Signer

        key_id = _key_id(session, key.key_label)
        yield PKCS11Signer(session, key_id=key_id, cert_id=key_id)
    finally:
        session.close()


def _file_signer(key: FileKey) -> Any:
    from asn1crypto.pkcs12 import Pfx
    from cryptography.hazmat.primitives.serialization import pkcs12
    from pyhanko.sign import signers

    try:
        raw = key.path.read_bytes()
    except OSError as exc:
        raise SigningError(
            f"Không đọc được tệp khóa “{key.path}”: {why_not_written(exc)}."
        ) from exc
    try:
        Pfx.load(raw)["auth_safe"].native  # noqa: B018 - parses it: is this a .p12 at all?
    except (ValueError, TypeError) as exc:
        raise SigningError(f"“{key.path.name}” không phải tệp khóa ký số .p12/.pfx.") from exc
    try:  # pyHanko logs and returns None on a wrong passphrase; cryptography says why
        pkcs12.load_key_and_certificates(raw, key.passphrase.encode())
    except ValueError as exc:
        raise SigningError(
            f"Mật khẩu của tệp khóa “{key.path.name}” không đúng: chưa ký, chưa ghi tệp nào. "
            "Hãy nhập lại mật khẩu."
        ) from exc
    signer = signers.SimpleSigner.load_pkcs12_data(raw, (), key.passphrase.encode())
    if signer is None or signer.signing_cert is None:
        raise SigningError(f"Tệp “{key.path.name}” không chứa khóa và chứng thư để ký.")
    return signer


def _token_session(key: TokenKey) -> Any:
    import pkcs11
    from pkcs11 import exceptions as p11

    try:
        library = pkcs11.lib(key.module)
    except (RuntimeError, OSError) as exc:  # python-pkcs11 wraps dlopen's failure
        raise SigningError(
            f"Không nạp được thư viện của thiết bị ký số “{key.module}”: hãy kiểm tra đường "
            "dẫn tới tệp thư viện (.so/.dll) mà nhà cung cấp thiết bị cài đặt."
        ) from exc
    try:
        tokens = list(library.get_tokens(token_label=key.token_label))
    except p11.PKCS11Error:
        tokens = []
    if not tokens:
        which = f" có nhãn “{key.token_label}”" if key.token_label else ""
        raise SigningError(
            f"Không thấy thiết bị ký số (token){which}: hãy cắm thiết bị vào máy rồi thử lại."
        )
    try:
        return tokens[0].open(user_pin=key.pin)
    except (p11.PinIncorrect, p11.PinLenRange, p11.ArgumentsBad) as exc:
        raise SigningError(
            "Mã PIN của thiết bị ký số không đúng: chưa ký, chưa ghi tệp nào. Hãy nhập lại "
            "mã PIN (nhập sai nhiều lần, thiết bị sẽ bị khóa)."
        ) from exc
    except p11.PinLocked as exc:
        raise SigningError(
            "Thiết bị ký số đã bị khóa mã PIN: hãy liên hệ nơi cấp thiết bị để mở khóa."
        ) from exc
    except (p11.TokenNotPresent, p11.DeviceRemoved) as exc:
        raise SigningError("Thiết bị ký số vừa bị rút ra: hãy cắm lại rồi thử lại.") from exc


def _key_id(session: Any, label: str | None) -> bytes:
    """The chosen private key's CKA_ID (its certificate carries the same): by label, else
    the first key that can sign."""
    from pkcs11 import Attribute, ObjectClass

    query: dict[Any, Any] = {Attribute.CLASS: ObjectClass.PRIVATE_KEY, Attribute.SIGN: True}
    if label:
        query[Attribute.LABEL] = label
    for found in session.get_objects(query):
        return bytes(found[Attribute.ID])
    which = f" có nhãn “{label}”" if label else ""
    raise SigningError(f"Thiết bị ký số không có khóa ký{which}.")


def _check_validity(certificate: Any, moment: datetime) -> None:
    """A certificate outside its validity makes a signature no verifier accepts: refuse."""
    if certificate is None:
        raise SigningError("Không tìm thấy chứng thư số đi kèm khóa ký.")
    valid = certificate["tbs_certificate"]["validity"]
    start, end = valid["not_before"].native, valid["not_after"].native
    if moment < start:
        raise SigningError(
            f"Chứng thư số chỉ có hiệu lực từ {signing_time_text(start)}: chưa ký được. "
            "Hãy kiểm tra đồng hồ của máy hoặc dùng chứng thư khác."
        )
    if moment > end:
        raise SigningError(
            f"Chứng thư số đã hết hạn từ {signing_time_text(end)}: chưa ký. "
            "Hãy gia hạn chứng thư với nơi cấp rồi ký lại."
        )


def signer_organisation(certificate: Any) -> str:
    return str(certificate.subject.native.get("organization_name") or "")


def signer_name(certificate: Any) -> str:
    """The certificate's common name (else its organisation) to show on the stamp."""
    subject = certificate.subject.native
    return str(subject.get("common_name") or subject.get("organization_name") or "")


def _signed_bytes(
    data: bytes,
    signer: Any,
    block: SignatureBlock | None,
    appearance: Appearance,
    moment: datetime,
) -> bytes:
    from pyhanko.pdf_utils import layout
    from pyhanko.pdf_utils.content import ImportedPdfPage
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.sign import fields, signers
    from pyhanko.stamp import StaticStampStyle

    try:
        writer = IncrementalPdfFileWriter(BytesIO(data), strict=False)
        pages = int(writer.root["/Pages"]["/Count"])
    except (PdfError, KeyError, ValueError) as exc:
        raise SigningError("Tệp cần ký không phải PDF đọc được.") from exc
    if appearance.copy or block is None:
        page, box = 0, COPY_BOX
    else:
        page, box = min(block.page, pages - 1), block.box
    name = signer_name(signer.signing_cert)
    organisation = signer_organisation(signer.signing_cert) if appearance.copy else ""
    with tempfile.TemporaryDirectory(prefix="kh65-stamp-") as folder:
        stamp_pdf = Path(folder) / "stamp.pdf"
        _draw_stamp(stamp_pdf, box, name, organisation, moment, appearance)
        style = StaticStampStyle(
            background=ImportedPdfPage(str(stamp_pdf)),
            border_width=0,
            background_layout=layout.SimpleBoxLayoutRule(
                x_align=layout.AxisAlignment.ALIGN_MID,
                y_align=layout.AxisAlignment.ALIGN_MID,
                margins=layout.Margins.uniform(0),
            ),
        )
        meta = signers.PdfSignatureMetadata(
            field_name="KH65Signature",
            subfilter=fields.SigSeedSubFilter.PADES,  # PAdES baseline B
            md_algorithm="sha256",
            name=name,
            location=None,
        )
        spec = fields.SigFieldSpec("KH65Signature", on_page=page, box=box)
        pdf_signer = signers.PdfSigner(meta, signer, stamp_style=style, new_field_spec=spec)
        output = asyncio.run(_sign_at(pdf_signer, writer, moment))
    return bytes(output.getbuffer())


async def _sign_at(pdf_signer: Any, writer: Any, moment: datetime) -> BytesIO:
    """pyHanko's async_sign_pdf, with the signing time fixed to the one the stamp shows."""
    from pyhanko.sign.signers.pdf_cms import PdfCMSSignedAttributes

    session = pdf_signer.init_signing_session(writer)
    session.system_time = moment
    info = await session.perform_presign_validation(writer)
    reserved = await session.estimate_signature_container_size(info, tight=False)
    tbs = session.prepare_tbs_document(validation_info=info, bytes_reserved=reserved)
    digest, output = tbs.digest_tbs_document(output=BytesIO())
    done = await tbs.perform_signature(
        document_digest=digest.document_digest,
        pdf_cms_signed_attrs=PdfCMSSignedAttributes(signing_time=moment),
    )
    await done.post_signature_processing(output)
    return output


def _image(path: Path | None, what: str) -> Any:
    from reportlab.lib.utils import ImageReader

    if path is None:
        return None
    try:
        return ImageReader(str(path))
    except OSError as exc:  # missing, unreadable, or not an image (PIL says so as OSError)
        raise SigningError(
            f"Không đọc được ảnh {what} “{path.name}”: hãy chọn tệp ảnh PNG có thật."
        ) from exc


def _draw_stamp(
    path: Path,
    box: tuple[float, float, float, float],
    name: str,
    organisation: str,
    moment: datetime,
    appearance: Appearance,
) -> None:
    """The stamp as a one-page PDF of the box's size, in the report's font: the seal on
    the left, the signature image across, the signer and time in small type."""
    from reportlab.pdfgen.canvas import Canvas

    from . import fonts

    fonts.register()
    width, height = box[2] - box[0], box[3] - box[1]
    canvas = Canvas(str(path), pagesize=(width, height))
    lines = [f"Ký bởi: {name}", f"Thời gian ký: {signing_time_text(moment)}"]
    if organisation:  # a copy names the office that copied it (Appendix I)
        lines.insert(1, f"Cơ quan: {organisation}")
    images = [appearance.seal_image, appearance.signature_image]
    if appearance.copy or not any(images):
        canvas.setStrokeColorRGB(0.75, 0.1, 0.1)
        canvas.setFillColorRGB(0.75, 0.1, 0.1)
        canvas.setLineWidth(1)
        canvas.roundRect(1, 1, width - 2, height - 2, 4)
        size = 8.5
        shown = lines if appearance.copy else ["Đã ký số", *lines]
        top = height / 2 + (len(shown) - 2) * (size + 2) / 2 + 2
        for i, line in enumerate(shown):
            canvas.setFont(fonts.FAMILY, size)
            canvas.drawCentredString(width / 2, top - i * (size + 2), line)
        canvas.save()
        return
    seal, mark = (
        _image(p, n)
        for p, n in ((appearance.seal_image, "con dấu"), (appearance.signature_image, "chữ ký"))
    )
    if seal is not None:  # the seal over the left of the block, as a stamped seal sits
        canvas.drawImage(
            seal, 4, 0, width=height, height=height, mask="auto", preserveAspectRatio=True
        )
    if mark is not None:
        canvas.drawImage(
            mark,
            width * 0.25,
            height * 0.22,
            width=width * 0.5,
            height=height * 0.78,
            mask="auto",
            preserveAspectRatio=True,
        )
    canvas.setFillColorRGB(0.1, 0.1, 0.55)
    canvas.setFont(fonts.FAMILY, 7)
    for i, line in enumerate(lines):
        canvas.drawRightString(width - 4, 10 - i * 8 + 0.5, line)
    canvas.save()
