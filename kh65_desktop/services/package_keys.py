"""Which offices' package keys this office trusts (trusted_key, revision 0008), and what a
received package's signature means against that list (exchange/signing.py checks the
signature itself).

A package is
- verified: signed by a key trusted for the office it names;
- untrusted: signed correctly, by a key not (yet) trusted, of an office with no trusted key;
- unsigned: no signature (older versions, templates);
and refused when the office it names has a trusted key but another key signed it (or a key
since replaced) or, for a package (not a template), none did (its signature stripped),
when the signer's office is not the package's sender, or when a signed package carries
figures or tasks its signer's office does not send (exchange_rights.py).
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from ..exchange.data import ExchangeData, ExchangeError
from ..exchange.signing import PublicKeyInfo, short_fingerprint
from ..storage.models import TrustedKey
from .exchange_rights import SenderRights


class SignatureState(StrEnum):
    VERIFIED = "verified"
    UNSIGNED = "unsigned"
    UNTRUSTED = "untrusted"


@dataclass(frozen=True)
class SignatureVerdict:
    """What the preview says about who signed a received file."""

    state: SignatureState
    signer: str = ""  # the office's name (as trusted here, when verified)
    fingerprint: str = ""  # full hex; "" when unsigned
    sender_has_key: bool = False  # unsigned, though the office named has a trusted key

    @property
    def short(self) -> str:
        return short_fingerprint(self.fingerprint) if self.fingerprint else ""

    @property
    def label(self) -> str:
        """The preview's signature line (CLI; the dialog translates the same words)."""
        if self.state is SignatureState.VERIFIED:
            return f"Đã ký: {self.signer} (đã xác thực)"
        if self.state is SignatureState.UNTRUSTED:
            return f"Khóa chưa được tin cậy (mã khóa {self.short})"
        if self.sender_has_key:
            return "Chưa ký (đơn vị gửi đã có khóa được tin cậy: hãy hỏi lại đơn vị gửi)"
        return "Chưa ký"


def _active(session: Session, office_code: str) -> TrustedKey | None:
    return session.exec(
        select(TrustedKey).where(
            TrustedKey.agency_code == office_code, col(TrustedKey.replaced_at).is_(None)
        )
    ).first()


def judge_signature(session: Session, data: ExchangeData) -> SignatureVerdict:
    """The package's signature against the trust list; ExchangeError for a refused one."""
    signer = data.signer
    if signer is None:
        known = _active(session, data.sender_code)
        if known is not None and data.content_sha256:  # a package (templates carry no hash)
            # its office signs every package it exports: one without a signature had it
            # stripped, the way to pass off an edited package as the office's own
            raise ExchangeError(
                data.source,
                f"gói không có chữ ký, nhưng “{known.office_name}” đã có khóa được tin cậy "
                f"(mã khóa {short_fingerprint(known.fingerprint)}) và mọi gói đơn vị này xuất "
                "ra đều được ký: gói có thể đã bị sửa rồi bỏ chữ ký. Hãy xin đơn vị gửi lại "
                "gói (và gọi điện hỏi nếu nghi gói bị giả mạo).",
            )
        return SignatureVerdict(SignatureState.UNSIGNED, sender_has_key=known is not None)
    if signer.office_code != data.sender_code:
        raise ExchangeError(
            data.source,
            f"gói ghi đơn vị gửi là “{data.sender_name}” (mã {data.sender_code}) nhưng được ký "
            f"bằng khóa của “{signer.office_name}” (mã {signer.office_code}): một đơn vị không "
            "được gửi số liệu thay đơn vị khác. Hãy gọi điện hỏi đơn vị gửi.",
        )
    trusted = session.exec(
        select(TrustedKey).where(TrustedKey.fingerprint == signer.fingerprint)
    ).first()
    if trusted is not None and trusted.replaced_at is not None:
        raise ExchangeError(
            data.source,
            f"gói được ký bằng khóa cũ của “{trusted.office_name}” (mã khóa "
            f"{signer.short}), khóa này đã được thay bằng khóa mới. Hãy xin đơn vị gửi lại "
            "gói ký bằng khóa mới.",
        )
    if trusted is not None and trusted.agency_code != signer.office_code:
        raise ExchangeError(
            data.source,
            f"khóa ký (mã khóa {signer.short}) được tin cậy là của “{trusted.office_name}”, "
            f"nhưng gói ghi là của “{signer.office_name}”. Hãy gọi điện hỏi đơn vị gửi.",
        )
    if trusted is not None:
        return SignatureVerdict(SignatureState.VERIFIED, trusted.office_name, signer.fingerprint)
    known = _active(session, signer.office_code)
    if known is not None:
        raise ExchangeError(
            data.source,
            f"“{known.office_name}” đã có khóa được tin cậy (mã khóa "
            f"{short_fingerprint(known.fingerprint)}) nhưng gói được ký bằng khóa khác (mã khóa "
            f"{signer.short}): gói có thể bị giả mạo. Hãy gọi điện hỏi đơn vị gửi; nếu đơn vị "
            "đã đổi khóa, hãy tin cậy tệp khóa mới của đơn vị trước.",
        )
    return SignatureVerdict(SignatureState.UNTRUSTED, signer.office_name, signer.fingerprint)


def foreign_rows(data: ExchangeData, rights: SenderRights) -> None:
    """A signed package carries only what its signer's office sends: a figure or task of
    another office's makes the whole package refused (an unsigned one has such rows refused
    one by one, as before)."""
    if data.signer is None:
        return
    for number, value in enumerate(data.values, start=1):
        reason = rights.value_refusal(value.indicator, value.locality)
        if reason is not None:
            raise ExchangeError(
                data.source,
                f"gói được ký bởi “{data.signer.office_name}” nhưng chứa số liệu không thuộc "
                f"trách nhiệm của đơn vị này (số liệu thứ {number}, chỉ tiêu {value.indicator}: "
                f"{reason}). Hãy gọi điện hỏi đơn vị gửi.",
            )
    for task in data.tasks:
        reason = rights.task_refusal(task.code)
        if reason is not None:
            raise ExchangeError(
                data.source,
                f"gói được ký bởi “{data.signer.office_name}” nhưng chứa tình trạng nhiệm vụ "
                f"{task.code} không thuộc trách nhiệm của đơn vị này ({reason}).",
            )


# -- the trust list -----------------------------------------------------------------------


class TrustRefused(ValueError):
    """A key that cannot be trusted as asked (already trusted, replaced): a Vietnamese
    message."""


@dataclass(frozen=True)
class TrustOffer:
    """What trusting a key file would do, shown before the clerk confirms."""

    key: PublicKeyInfo
    replaces: TrustedKey | None  # the office's trusted key it would replace
    announced: bool  # signed by that trusted key: no phone call needed


@dataclass(frozen=True)
class Trusted:
    """A key trusted: what undoing it needs."""

    key_id: int
    replaced_id: int | None


def trusted_keys(engine: Engine) -> list[TrustedKey]:
    """Every trusted key, the active ones first, by office."""
    with Session(engine) as session:
        rows = list(session.exec(select(TrustedKey)))
    return sorted(rows, key=lambda k: (k.replaced_at is not None, k.office_name, k.id or 0))


def trust_offer(engine: Engine, key: PublicKeyInfo) -> TrustOffer:
    """What trusting `key` would do; TrustRefused when it is already in the list."""
    with Session(engine) as session:
        here = session.exec(
            select(TrustedKey).where(TrustedKey.fingerprint == key.fingerprint)
        ).first()
        if here is not None and here.replaced_at is None:
            raise TrustRefused(
                f"Khóa của “{here.office_name}” (mã khóa {key.short}) đã được tin cậy từ trước."
            )
        if here is not None:
            raise TrustRefused(
                f"Khóa {key.short} của “{here.office_name}” đã được thay bằng khóa mới; không "
                "tin cậy lại khóa cũ. Hãy xin đơn vị gửi tệp khóa hiện dùng."
            )
        current = _active(session, key.office_code)
    announced = (
        current is not None
        and key.announcement is not None
        and key.announcement.previous_fingerprint == current.fingerprint
        and key.announced_by_previous()
    )
    return TrustOffer(key, current, announced)


def trust_key(engine: Engine, offer: TrustOffer, added_by: str) -> Trusted:
    """Add the key to the trust list in one transaction; the office's previous trusted key
    (if any) is marked replaced by it."""
    now = datetime.now(UTC)
    key = offer.key
    with Session(engine) as session, session.begin():
        if session.exec(
            select(TrustedKey).where(TrustedKey.fingerprint == key.fingerprint)
        ).first():
            raise TrustRefused(f"Khóa {key.short} đã có trong danh sách tin cậy.")
        replaced = _active(session, key.office_code)
        if replaced is not None:
            replaced.replaced_at, replaced.replaced_by = now, key.fingerprint
            session.add(replaced)
        row = TrustedKey(
            fingerprint=key.fingerprint,
            public_key=base64.b64encode(key.public_key).decode("ascii"),
            agency_code=key.office_code,
            office_name=key.office_name,
            added_at=now,
            added_by=added_by,
        )
        session.add(row)
        session.flush()
        assert row.id is not None
        return Trusted(row.id, replaced.id if replaced is not None else None)


def untrust_key(engine: Engine, trusted: Trusted) -> None:
    """Undo `trust_key`: the key leaves the list and the key it replaced is active again."""
    with Session(engine) as session, session.begin():
        row = session.get(TrustedKey, trusted.key_id)
        if row is not None:
            session.delete(row)
        if trusted.replaced_id is not None:
            old = session.get(TrustedKey, trusted.replaced_id)
            if old is not None:
                old.replaced_at, old.replaced_by = None, ""
                session.add(old)
