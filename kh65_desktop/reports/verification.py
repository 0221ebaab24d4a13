"""Checking a signed report PDF offline: is each signature intact, does its certificate
chain to one the office trusts, was anything changed after signing. No revocation lists or
OCSP are fetched (the app works offline): a revoked certificate is not caught here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from ..file_errors import why_not_written
from .certificate_purpose import purpose_problem
from .document import ReportError
from .signing import signer_name, signing_time_text


class VerifyError(ReportError):
    """The file cannot be checked at all (missing, not a PDF)."""


@dataclass(frozen=True)
class SignatureCheck:
    """One signature of the file, as the clerk needs to know it."""

    signer: str
    signed_at: datetime | None
    intact: bool  # the signed bytes are as they were signed
    changed_after: bool  # something was added to the file after this signature
    trusted: bool  # the certificate chains to a trusted one and was valid
    problem: str  # why not trusted, in Vietnamese ("" when trusted)

    @property
    def ok(self) -> bool:
        return self.intact and not self.changed_after and self.trusted

    def text(self) -> str:
        when = signing_time_text(self.signed_at) if self.signed_at else "không rõ"
        lines = [f"Người ký: {self.signer or 'không rõ'}", f"Thời gian ký: {when}"]
        if not self.intact:
            lines.append("Nội dung: ĐÃ BỊ SỬA sau khi ký (chữ ký không còn khớp).")
        elif self.changed_after:
            lines.append("Nội dung: có phần được thêm vào tệp SAU khi ký.")
        else:
            lines.append("Nội dung: nguyên vẹn từ khi ký.")
        if not self.intact:
            lines.append("Chứng thư: không xét được, vì chữ ký đã hỏng.")
        elif self.trusted:
            lines.append("Chứng thư: hợp lệ, do nơi cấp được tin cậy cấp.")
        else:
            lines.append(f"Chứng thư: KHÔNG được tin cậy — {self.problem}")
        return "\n".join(lines)


@dataclass(frozen=True)
class Verdict:
    """Every signature of the file; valid only when there is one and all are good."""

    path: Path
    signatures: list[SignatureCheck]

    @property
    def ok(self) -> bool:
        return bool(self.signatures) and all(s.ok for s in self.signatures)

    def text(self) -> str:
        if not self.signatures:
            return f"“{self.path.name}” không có chữ ký số nào."
        parts = [s.text() for s in self.signatures]
        head = (
            "Chữ ký hợp lệ: văn bản nguyên vẹn, người ký được tin cậy."
            if self.ok
            else "Chữ ký KHÔNG hợp lệ: không nên tin văn bản này như bản đã ký."
        )
        return "\n\n".join([head, *parts])


def load_certificates(paths: list[Path]) -> list[Any]:
    """Certificates from PEM or DER files (a PEM file may hold several)."""
    from asn1crypto import pem, x509

    found = []
    for path in paths:
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise _unreadable(path, exc) from exc
        try:
            if pem.detect(raw):
                found += [x509.Certificate.load(der) for _, _, der in pem.unarmor(raw, True)]
            else:
                found.append(x509.Certificate.load(raw))
            for certificate in found:
                certificate.subject.native  # noqa: B018 - parses it now, not mid-check
        except (ValueError, TypeError) as exc:
            raise VerifyError(f"“{path.name}” không phải tệp chứng thư số (.pem/.cer).") from exc
    return found


def _unreadable(path: Path, error: OSError) -> VerifyError:
    """A file to read, not to write: a mistyped name is "not found", not a folder to change."""
    if isinstance(error, FileNotFoundError) and path.parent.is_dir():
        return VerifyError(f"Không tìm thấy tệp “{path}”: hãy kiểm tra tên tệp và thư mục.")
    return VerifyError(f"Không đọc được “{path}”: {why_not_written(error)}.")


def verify_pdf(path: Path, trusted: list[Any]) -> Verdict:
    """Check every signature of `path` against the `trusted` certificates."""
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise _unreadable(path, exc) from exc
    if not raw.lstrip()[:5] == b"%PDF-":
        raise VerifyError(f"“{path.name}” không phải tệp PDF: hãy chọn báo cáo PDF đã ký số.")
    from io import BytesIO

    try:
        reader = PdfFileReader(BytesIO(raw), strict=False)
        embedded = list(reader.embedded_signatures)
        return Verdict(path, [_check(s, trusted) for s in embedded])
    except (PdfError, KeyError, ValueError) as exc:
        raise VerifyError(
            f"“{path.name}” là tệp PDF hỏng hoặc không đọc được: không kiểm tra được chữ ký."
        ) from exc


def _check(embedded: Any, trusted: list[Any]) -> SignatureCheck:
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    context = ValidationContext(
        trust_roots=trusted, allow_fetching=False, revocation_mode="soft-fail"
    )
    status = validate_pdf_signature(embedded, context)
    certificate = status.signing_cert
    wrong_purpose = purpose_problem(certificate) if certificate is not None else ""
    trusted = bool(status.trusted) and not wrong_purpose
    return SignatureCheck(
        signer=signer_name(certificate) if certificate is not None else "",
        signed_at=status.signer_reported_dt,
        intact=bool(status.intact and status.valid),
        changed_after=status.coverage != SignatureCoverageLevel.ENTIRE_FILE,
        trusted=trusted,
        problem=""
        if trusted
        else (f"{wrong_purpose}." if wrong_purpose else _why_untrusted(status, certificate)),
    )


def _why_untrusted(status: Any, certificate: Any) -> str:
    if certificate is not None:
        valid = certificate["tbs_certificate"]["validity"]
        end = valid["not_after"].native
        if end < datetime.now(end.tzinfo):
            return f"chứng thư đã hết hạn từ {signing_time_text(end)}."
    return (
        "chứng thư không do nơi cấp nào mà cơ quan tin cậy cấp. Nếu đúng là chứng thư của "
        "nơi cấp hợp pháp, hãy thêm chứng thư gốc của nơi đó (kh65 verify --add-trust TỆP)."
    )
