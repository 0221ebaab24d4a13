"""Trusting an office's package key is a clerk's edit: one step on the undo stack, whose
undo takes the key off the trust list (and makes the key it replaced active again)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..services.package_keys import Trusted, TrustOffer, trust_key, untrust_key
from .commands import ServiceCommand
from .context import AppContext


class TrustKeyCommand(ServiceCommand):
    def __init__(self, context: AppContext, offer: TrustOffer) -> None:
        text = QCoreApplication.translate("Commands", "tin cậy khóa của {0}")
        super().__init__(context, text.format(offer.key.office_name))
        self.offer = offer
        self.trusted: Trusted | None = None

    def do(self) -> None:
        self.trusted = trust_key(self.context.engine, self.offer, self.context.clerk)

    def undo_(self) -> None:
        assert self.trusted is not None
        untrust_key(self.context.engine, self.trusted)
