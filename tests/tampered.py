"""Packages as a sender's hand-edited file would arrive: content changed, checksum right."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

from kh65_desktop.services.plan_service import PlanService
from kh65_desktop.storage.models import Agency


def stc(service: PlanService) -> Agency:
    return next(
        service.get(Agency, a.id)
        for a in service.agencies(service.current_plan())
        if a.code == "STC"
    )


def package_json(path: Path, change) -> Path:  # type: ignore[no-untyped-def]
    """The package at `path` with its content changed by `change(content)` and resealed,
    as a sender's hand-edited file would arrive (checksum right, content wrong)."""
    with zipfile.ZipFile(path) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        content = json.loads(archive.read("content.json"))
    change(content)
    manifest.pop("signature", None)  # a hand-edited package is unsigned
    raw = json.dumps(content, ensure_ascii=True).encode()  # lone surrogates as \\udXXX
    manifest["content_sha256"] = hashlib.sha256(raw).hexdigest()
    bad = path.with_name("bad.kh65")
    with zipfile.ZipFile(bad, "w") as archive:
        archive.writestr("manifest.json", json.dumps(manifest))
        archive.writestr("content.json", raw)
    return bad


def first_value(field: str, value: object):  # type: ignore[no-untyped-def]
    def change(content: dict) -> None:
        content["values"][0][field] = value

    return change
