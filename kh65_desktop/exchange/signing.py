"""Signed packages: each office's Ed25519 key, the signature a package carries, and the small
key file an office sends to be trusted (docs/exchange-format.md, "Signatures").

Qt-free and database-free: which keys this office trusts is services/package_keys.py.

- An office's private key lives in the user's data folder (`keys_folder`), one file per
  office code, written atomically with permissions 0600, optionally under a passphrase.
- A package's manifest carries `signature`: the signer's office, public key, fingerprint and
  an Ed25519 signature over `signed_bytes(manifest, content)`.
- A key file carries an office's public key; a key made by `new_key` also carries an
  announcement signed by the office's previous key, so a receiver trusting the old one can
  trust the new one without a phone call.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import platformdirs
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from .. import APP_NAME
from ..atomic_file import atomic_path
from .data import ExchangeError

SIGNATURE = "signature"  # the manifest's member holding the signature
ALGORITHM = "ed25519"
KEY_FORMAT = "kh65-key"  # a public key file sent between offices
PRIVATE_FORMAT = "kh65-office-key"  # this office's own key, never sent
SIGNED_PREFIX = b"kh65-exchange-signature-v1\n"
ANNOUNCED_PREFIX = b"kh65-key-announcement-v1\n"
KEYS_ENV, PASSPHRASE_ENV = "KH65_KEYS_DIR", "KH65_KEY_PASSPHRASE"
MAX_KEY_FILE = 64 * 1024


class SigningKeyError(ValueError):
    """This office's key cannot be used (wrong or missing passphrase, damaged file), or a
    key file is not a key: a Vietnamese message saying what to do."""

    def __init__(self, message: str, needs_passphrase: bool = False) -> None:
        super().__init__(message)
        self.needs_passphrase = needs_passphrase


def fingerprint(public_key: bytes) -> str:
    """The SHA-256 of the raw 32-byte public key, in hex: what the trust list stores."""
    return hashlib.sha256(public_key).hexdigest()


def short_fingerprint(full: str) -> str:
    """Four groups of four hex digits ("3F2A-91C0-…"), short enough to read out by phone."""
    head = full[:16].upper()
    return "-".join(head[i : i + 4] for i in range(0, 16, 4))


def _raw(public: Ed25519PublicKey) -> bytes:
    return public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _canonical(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


@dataclass(frozen=True)
class Announcement:
    """A new key's public part signed by the office's previous key."""

    previous_key: bytes  # raw 32 bytes
    signature: bytes

    @property
    def previous_fingerprint(self) -> str:
        return fingerprint(self.previous_key)

    def json(self) -> dict[str, str]:
        return {
            "previous_key": _b64(self.previous_key),
            "previous_fingerprint": self.previous_fingerprint,
            "signature": _b64(self.signature),
        }


@dataclass(frozen=True)
class PublicKeyInfo:
    """An office's public key as a key file or a package names it."""

    office_code: str
    office_name: str
    public_key: bytes  # raw 32 bytes
    made_at: datetime | None = None
    announcement: Announcement | None = None

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_key)

    @property
    def short(self) -> str:
        return short_fingerprint(self.fingerprint)

    def announced_bytes(self) -> bytes:
        """What the previous key signs when it announces this one."""
        return ANNOUNCED_PREFIX + _canonical(
            {
                "office": {"code": self.office_code, "name": self.office_name},
                "public_key": _b64(self.public_key),
            }
        )

    def announced_by_previous(self) -> bool:
        """The announcement (if any) really was signed by the previous key it names."""
        if self.announcement is None:
            return False
        try:
            Ed25519PublicKey.from_public_bytes(self.announcement.previous_key).verify(
                self.announcement.signature, self.announced_bytes()
            )
        except (InvalidSignature, ValueError):
            return False
        return True


@dataclass(frozen=True)
class OfficeKey:
    """This office's signing key (the private part never leaves the keys folder)."""

    office_code: str
    office_name: str
    private: Ed25519PrivateKey
    made_at: datetime
    announcement: Announcement | None = None

    @property
    def public(self) -> PublicKeyInfo:
        return PublicKeyInfo(
            self.office_code,
            self.office_name,
            _raw(self.private.public_key()),
            self.made_at,
            self.announcement,
        )


# -- the keys folder ----------------------------------------------------------------------


def keys_folder(override: Path | None = None) -> Path:
    """Where this office's keys are kept: `override`, else $KH65_KEYS_DIR, else the user's
    data folder (platformdirs)."""
    if override is not None:
        return override
    if os.environ.get(KEYS_ENV):
        return Path(os.environ[KEYS_ENV])
    return platformdirs.user_data_path(APP_NAME, appauthor=False) / "keys"


def key_path(folder: Path, office_code: str) -> Path:
    """One file per office code; a code is any text, so its file name is its hash."""
    return folder / f"office-{hashlib.sha256(office_code.encode()).hexdigest()[:16]}.key"


def load_key(folder: Path, office_code: str, passphrase: str | None) -> OfficeKey | None:
    """The office's key, or None when it has none yet."""
    path = key_path(folder, office_code)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    try:
        body = json.loads(raw)
        pem = body["private_key"].encode("ascii")
        made_at = datetime.fromisoformat(body["made_at"])
        code, name = body["office"]["code"], body["office"]["name"]
        announcement = _announcement(body.get("announcement"))
    except (ValueError, KeyError, TypeError, AttributeError):
        raise SigningKeyError(
            f"Tệp khóa ký của đơn vị ({path}) bị hỏng. Hãy tạo khóa mới (Cài đặt → Khóa ký "
            "gói số liệu…, hoặc kh65 keys new) và gửi tệp khóa mới cho nơi nhận."
        ) from None
    encrypted = b"ENCRYPTED" in pem
    if encrypted and not passphrase:
        raise SigningKeyError(
            "Khóa ký của đơn vị được đặt mật khẩu: hãy nhập mật khẩu khóa (dòng lệnh: biến "
            f"môi trường {PASSPHRASE_ENV}). Chưa xuất gì.",
            needs_passphrase=True,
        )
    try:
        private = serialization.load_pem_private_key(
            pem, passphrase.encode() if encrypted and passphrase else None
        )
    except (ValueError, TypeError):
        if encrypted:
            raise SigningKeyError(
                "Mật khẩu khóa ký không đúng. Hãy nhập lại mật khẩu đã đặt khi tạo khóa. "
                "Chưa xuất gì.",
                needs_passphrase=True,
            ) from None
        raise SigningKeyError(f"Tệp khóa ký của đơn vị ({path}) bị hỏng.") from None
    if not isinstance(private, Ed25519PrivateKey):
        raise SigningKeyError(f"Tệp khóa ký của đơn vị ({path}) không phải khóa Ed25519.")
    return OfficeKey(code, name, private, made_at, announcement)


def key_is_protected(folder: Path, office_code: str) -> bool:
    """The office's key exists and is under a passphrase (the window asks for it first)."""
    try:
        return b"ENCRYPTED" in key_path(folder, office_code).read_bytes()
    except OSError:
        return False


def save_key(folder: Path, key: OfficeKey, passphrase: str | None) -> Path:
    """Write the key atomically, readable by its owner only (0600)."""
    folder.mkdir(parents=True, exist_ok=True)
    encryption = (
        serialization.BestAvailableEncryption(passphrase.encode())
        if passphrase
        else serialization.NoEncryption()
    )
    pem = key.private.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption
    )
    body = {
        "format": PRIVATE_FORMAT,
        "office": {"code": key.office_code, "name": key.office_name},
        "made_at": key.made_at.isoformat(),
        "fingerprint": key.public.fingerprint,  # listed without the passphrase
        "private_key": pem.decode("ascii"),
        "announcement": key.announcement.json() if key.announcement else None,
    }
    path = key_path(folder, key.office_code)
    with atomic_path(path) as temporary:
        if hasattr(os, "fchmod"):  # POSIX: owner only before the key is written
            os.chmod(temporary, 0o600)
        temporary.write_text(json.dumps(body, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def make_key(office_code: str, office_name: str, previous: OfficeKey | None = None) -> OfficeKey:
    """A new key; with `previous`, announced by it (signed by the office's old key)."""
    private = Ed25519PrivateKey.generate()
    key = OfficeKey(office_code, office_name, private, datetime.now(UTC))
    if previous is None:
        return key
    signed = previous.private.sign(key.public.announced_bytes())
    announced = Announcement(_raw(previous.private.public_key()), signed)
    return OfficeKey(office_code, office_name, private, key.made_at, announced)


def office_key(
    folder: Path, office_code: str, office_name: str, passphrase: str | None
) -> OfficeKey:
    """The office's key, made (and saved, under `passphrase` if given) the first time."""
    key = load_key(folder, office_code, passphrase)
    if key is None:
        key = make_key(office_code, office_name)
        save_key(folder, key, passphrase)
    return key


def replace_key(
    folder: Path,
    office_code: str,
    office_name: str,
    passphrase: str | None,
    new_passphrase: str | None,
) -> OfficeKey:
    """A new key for the office, announced by its current one (whose passphrase is needed to
    sign the announcement); the old key file is kept beside it, renamed, never reused."""
    try:
        old = load_key(folder, office_code, passphrase)
    except SigningKeyError as exc:
        if exc.needs_passphrase:
            raise
        old = None  # damaged: a fresh key, announced by nothing (trusted again by phone)
    key = make_key(office_code, office_name or (old.office_name if old else ""), old)
    path = key_path(folder, office_code)
    if path.exists():
        kept = path.with_name(f"{path.stem}.replaced-{datetime.now(UTC):%Y%m%d%H%M%S}.old")
        shutil.copy2(path, kept)
    save_key(folder, key, new_passphrase)
    return key


def own_keys(folder: Path) -> list[tuple[str, str, str, bool]]:
    """(office code, office name, short fingerprint, under a passphrase) of each key kept
    here; the public part is read without the passphrase from the key file's record."""
    found = []
    for path in sorted(folder.glob("office-*.key")) if folder.is_dir() else []:
        try:
            body = json.loads(path.read_bytes())
            found.append(
                (
                    body["office"]["code"],
                    body["office"]["name"],
                    short_fingerprint(body["fingerprint"]),
                    "ENCRYPTED" in body["private_key"],
                )
            )
        except (OSError, ValueError, KeyError, TypeError):
            continue
    return found


# -- packages -----------------------------------------------------------------------------


def signed_bytes(manifest: dict[str, Any], content: bytes) -> bytes:
    """The bytes a package's signature covers: a fixed prefix, the manifest without its
    `signature` member as canonical JSON (sorted keys, no spaces, UTF-8), a newline, and the
    SHA-256 of content.json's bytes in hex. The manifest names the content's checksum too;
    hashing the content again here ties the signature to the bytes actually received."""
    unsigned = {k: v for k, v in manifest.items() if k != SIGNATURE}
    return (
        SIGNED_PREFIX
        + _canonical(unsigned)
        + b"\n"
        + hashlib.sha256(content).hexdigest().encode("ascii")
    )


def signature_block(key: OfficeKey, manifest: dict[str, Any], content: bytes) -> dict[str, Any]:
    """The manifest's `signature` member for a package the office sends."""
    public = key.public
    block: dict[str, Any] = {
        "algorithm": ALGORITHM,
        "office": {"code": key.office_code, "name": key.office_name},
        "public_key": _b64(public.public_key),
        "fingerprint": public.fingerprint,
        "value": _b64(key.private.sign(signed_bytes(manifest, content))),
    }
    return block


def check_signature(
    manifest: dict[str, Any], content: bytes, path: Path | str
) -> PublicKeyInfo | None:
    """The signer of a package (None: unsigned); raises ExchangeError when the signature
    is malformed or does not match what was received (changed after signing)."""
    block = manifest.get(SIGNATURE)
    if block is None:
        return None
    changed = (
        "chữ ký không khớp với nội dung: gói đã bị sửa sau khi ký, hoặc bị hỏng. Hãy xin "
        "đơn vị gửi lại gói (và gọi điện hỏi nếu nghi gói bị giả mạo)."
    )
    try:
        office = block["office"]
        code, name = office["code"], office["name"]
        if block.get("algorithm") != ALGORITHM or not (
            isinstance(code, str) and isinstance(name, str) and code and name
        ):
            raise ValueError
        public = base64.b64decode(block["public_key"], validate=True)
        value = base64.b64decode(block["value"], validate=True)
        verifier = Ed25519PublicKey.from_public_bytes(public)
    except (KeyError, TypeError, ValueError, binascii.Error):
        raise ExchangeError(path, "phần chữ ký của gói không đọc được. " + changed) from None
    if block.get("fingerprint") != fingerprint(public):
        raise ExchangeError(path, changed)
    try:
        verifier.verify(value, signed_bytes(manifest, content))
    except InvalidSignature:
        raise ExchangeError(path, changed) from None
    return PublicKeyInfo(code, name, public)


# -- key files ----------------------------------------------------------------------------


def key_file_bytes(key: OfficeKey) -> bytes:
    """The small file an office sends to be trusted: office, public key, fingerprint,
    when it was made, and (for a new key) the previous key's announcement."""
    public = key.public
    body: dict[str, Any] = {
        "format": KEY_FORMAT,
        "format_version": 1,
        "office": {"code": key.office_code, "name": key.office_name},
        "algorithm": ALGORITHM,
        "public_key": _b64(public.public_key),
        "fingerprint": public.fingerprint,
        "made_at": key.made_at.isoformat(),
    }
    if key.announcement is not None:
        body["announcement"] = key.announcement.json()
    return json.dumps(body, ensure_ascii=False, indent=1).encode()


def write_key_file(key: OfficeKey, out: Path) -> Path:
    with atomic_path(out) as temporary:
        temporary.write_bytes(key_file_bytes(key))
    return out


def read_key_file(path: Path) -> PublicKeyInfo:
    """A key file sent by another office; SigningKeyError saying what is wrong otherwise."""
    not_key = (
        f"Tệp “{path.name}” không phải tệp khóa KH65 (tệp do lệnh “kh65 keys export” hoặc "
        "Cài đặt → Khóa ký gói số liệu… tạo ra). Hãy xin đơn vị gửi lại đúng tệp khóa."
    )
    try:
        if path.stat().st_size > MAX_KEY_FILE:
            raise SigningKeyError(not_key)
        body = json.loads(path.read_bytes())
    except FileNotFoundError:
        raise SigningKeyError(f"Không tìm thấy tệp “{path}”.") from None
    except OSError:
        raise SigningKeyError(f"Không đọc được tệp “{path}”.") from None
    except (ValueError, RecursionError):
        raise SigningKeyError(not_key) from None
    try:
        if body.get("format") != KEY_FORMAT or body.get("algorithm") != ALGORITHM:
            raise ValueError
        code, name = body["office"]["code"], body["office"]["name"]
        if not (isinstance(code, str) and isinstance(name, str) and code.strip() and name.strip()):
            raise ValueError
        public = base64.b64decode(body["public_key"], validate=True)
        Ed25519PublicKey.from_public_bytes(public)
        made_at = datetime.fromisoformat(body["made_at"]) if body.get("made_at") else None
        announcement = _announcement(body.get("announcement"))
    except (AttributeError, KeyError, TypeError, ValueError, binascii.Error):
        raise SigningKeyError(not_key) from None
    if body.get("fingerprint") != fingerprint(public):
        raise SigningKeyError(
            f"Tệp khóa “{path.name}” ghi mã khóa không khớp với khóa bên trong: tệp đã bị sửa "
            "hoặc hỏng. Hãy xin đơn vị gửi lại tệp khóa."
        )
    return PublicKeyInfo(code.strip(), name.strip(), public, made_at, announcement)


def _announcement(raw: Any) -> Announcement | None:
    if raw is None:
        return None
    previous = base64.b64decode(raw["previous_key"], validate=True)
    Ed25519PublicKey.from_public_bytes(previous)
    return Announcement(previous, base64.b64decode(raw["signature"], validate=True))
