"""The certificates of signing authorities this office trusts, kept in the user's data
folder (one PEM file each) so `kh65 verify` and the window check against the same list."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import platformdirs

from .. import APP_NAME
from ..atomic_file import atomic_path
from ..file_errors import why_not_written
from .verification import VerifyError, load_certificates


def trust_folder() -> Path:
    return platformdirs.user_data_path(APP_NAME, appauthor=False) / "trusted-certificates"


def trusted_certificates(folder: Path | None = None) -> list[Any]:
    """Every certificate kept in the folder (none yet: an empty list)."""
    folder = folder or trust_folder()
    return load_certificates(sorted(folder.glob("*.pem"))) if folder.is_dir() else []


def add_trusted(source: Path, folder: Path | None = None) -> list[str]:
    """Keep the certificates of `source`; returns their subjects' names."""
    from asn1crypto import pem

    folder = folder or trust_folder()
    names = []
    for certificate in load_certificates([source]):
        der = certificate.dump()
        target = folder / f"{hashlib.sha256(der).hexdigest()[:16]}.pem"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with atomic_path(target) as temporary:
                temporary.write_bytes(pem.armor("CERTIFICATE", der))
        except OSError as exc:
            raise VerifyError(f"Không ghi được “{target}”: {why_not_written(exc)}.") from exc
        names.append(certificate.subject.human_friendly)
    return names
