"""Whether a certificate was issued for signing: when it states its key's usage, that usage
must include digital signature or non-repudiation. A certificate for encryption only (or a
web server's) makes a signature no verifier should take as the signer's, so it neither signs
a report here nor passes `verify`."""

from __future__ import annotations

from typing import Any

SIGNING_USAGES = frozenset({"digital_signature", "non_repudiation"})


def purpose_problem(certificate: Any) -> str:
    """ "" when the certificate may sign; else why not, in Vietnamese (no final stop)."""
    usage = certificate.key_usage_value
    if usage is None or SIGNING_USAGES & set(usage.native):
        return ""  # no stated usage: any purpose (older certificates)
    return (
        "chứng thư số này không được cấp để ký văn bản (khóa chỉ dùng để mã hóa hoặc cho máy "
        "chủ, không có mục đích “chữ ký số”)"
    )
