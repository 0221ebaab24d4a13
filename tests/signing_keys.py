"""A test certificate authority, a signer's .p12 and a SoftHSM2 token holding a signer's
key (generated inside the token) and its certificate: the real components the signed-report
tests sign with. A machine without SoftHSM2 fails these tests, saying what to install."""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

SOFTHSM_MODULE = "/usr/lib/softhsm/libsofthsm2.so"
TOKEN_LABEL, TOKEN_PIN, SO_PIN, KEY_LABEL = "kh65-test", "123456", "654321", "signer"


@dataclass(frozen=True)
class Authority:
    name: str
    key: rsa.RSAPrivateKey
    certificate: x509.Certificate
    pem: Path  # the certificate a verifier trusts


def _name(common: str, organisation: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
            x509.NameAttribute(NameOID.COMMON_NAME, common),
        ]
    )


def make_authority(folder: Path, name: str = "CA thử nghiệm KH65") -> Authority:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    now = datetime.now(UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(_name(name, "Tổ chức cấp thử"))
        .issuer_name(_name(name, "Tổ chức cấp thử"))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False),
            critical=True,
        )
        .sign(key, hashes.SHA256())
    )
    pem = folder / f"ca-{x509.random_serial_number() % 100000}.pem"
    pem.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    return Authority(name, key, certificate, pem)


def issue(
    authority: Authority,
    public_key: object,
    common_name: str,
    start: datetime | None = None,
    end: datetime | None = None,
    usage: x509.KeyUsage | None = None,
) -> x509.Certificate:
    now = datetime.now(UTC)
    return (
        x509.CertificateBuilder()
        .subject_name(_name(common_name, "Sở Tài chính"))
        .issuer_name(authority.certificate.subject)
        .public_key(public_key)  # type: ignore[arg-type]
        .serial_number(x509.random_serial_number())
        .not_valid_before(start or now - timedelta(days=1))
        .not_valid_after(end or now + timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            usage or x509.KeyUsage(True, True, False, False, False, False, False, False, False),
            critical=True,
        )
        .add_extension(
            x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False
        )
        .sign(authority.key, hashes.SHA256())
    )


def make_p12(
    folder: Path,
    authority: Authority,
    passphrase: str,
    common_name: str = "Nguyễn Văn A",
    start: datetime | None = None,
    end: datetime | None = None,
    usage: x509.KeyUsage | None = None,
) -> Path:
    key = ec.generate_private_key(ec.SECP256R1())
    certificate = issue(authority, key.public_key(), common_name, start, end, usage)
    path = folder / f"signer-{x509.random_serial_number() % 100000}.p12"
    path.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"signer",
            key,
            certificate,
            [authority.certificate],
            serialization.BestAvailableEncryption(passphrase.encode()),
        )
    )
    return path


def softhsm_token(folder: Path, authority: Authority, common_name: str) -> None:
    """A fresh SoftHSM2 token in `folder` (SOFTHSM2_CONF is set to it for this process):
    an RSA key generated inside the token and its certificate from `authority`."""
    if shutil.which("softhsm2-util") is None or not Path(SOFTHSM_MODULE).exists():
        raise AssertionError(
            "SoftHSM2 is not installed (softhsm2-util, /usr/lib/softhsm/libsofthsm2.so): "
            "apt-get install softhsm2 — the signed-report tests need it as the signer's token."
        )
    store = folder / "tokens"
    store.mkdir()
    conf = folder / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {store}\nobjectstore.backend = file\n")
    os.environ["SOFTHSM2_CONF"] = str(conf)
    subprocess.run(
        ["softhsm2-util", "--init-token", "--free", "--label", TOKEN_LABEL]
        + ["--pin", TOKEN_PIN, "--so-pin", SO_PIN],
        check=True,
        capture_output=True,
    )
    import pkcs11
    from pkcs11 import Attribute, KeyType
    from pkcs11.util.x509 import decode_x509_certificate

    token = pkcs11.lib(SOFTHSM_MODULE).get_token(token_label=TOKEN_LABEL)
    with token.open(rw=True, user_pin=TOKEN_PIN) as session:
        public, _private = session.generate_keypair(
            KeyType.RSA, 2048, id=b"\x01", label=KEY_LABEL, store=True
        )
        modulus = int.from_bytes(public[Attribute.MODULUS], "big")
        exponent = int.from_bytes(public[Attribute.PUBLIC_EXPONENT], "big")
        public_key = rsa.RSAPublicNumbers(exponent, modulus).public_key()
        certificate = issue(authority, public_key, common_name)
        stored = decode_x509_certificate(certificate.public_bytes(serialization.Encoding.DER))
        stored.update({Attribute.TOKEN: True, Attribute.LABEL: KEY_LABEL, Attribute.ID: b"\x01"})
        session.create_object(stored)
