"""A plan's issuer and place named as on a later day: "Ủy ban nhân dân tỉnh Trà Vinh" of plan
65 becomes "Ủy ban nhân dân tỉnh Vĩnh Long" for a 2026 plan made from it, the province having
been merged on 1/7/2025 (the localities' successions say so; nothing here names a province)."""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy import Engine
from sqlmodel import Session, select

from ..storage.models import Locality, LocalitySuccession, Plan

PROVINCE = "tỉnh"  # the kind of a province in the locality list
_KIND_WORDS = re.compile(r"^(tỉnh|thành phố)\s+", re.IGNORECASE)


def _bare(name: str) -> str:
    """ "Tỉnh Trà Vinh" -> "Trà Vinh": the part that follows "tỉnh" in an issuer's name."""
    return _KIND_WORDS.sub("", name.strip())


def renamed_provinces(session: Session, day: date) -> list[tuple[str, str]]:
    """(old bare name, successor's bare name) for every province ended by `day`."""
    provinces = {p.id: p for p in session.exec(select(Locality)) if p.kind.lower() == PROVINCE}
    pairs = []
    for step in session.exec(select(LocalitySuccession)):
        old, new = provinces.get(step.predecessor_id), provinces.get(step.successor_id)
        if old is None or new is None or step.on_date > day:
            continue
        if _bare(old.name) != _bare(new.name):
            pairs.append((_bare(old.name), _bare(new.name)))
    return pairs


def as_on(session: Session, issuing_body: str, place: str, day: date) -> tuple[str, str]:
    """The issuer and the place of the date line with a merged province's name replaced by
    its successor's (whole words only; anything else stays as written)."""
    for old, new in renamed_provinces(session, day):
        issuing_body = re.sub(rf"(?<!\w){re.escape(old)}(?!\w)", new, issuing_body)
        if place.strip() == old:
            place = new
    return issuing_body, place


def issuer_for_year(engine: Engine, plan: Plan, year: int) -> tuple[str, str]:
    """`plan`'s issuer and place as a plan for `year` made from it names them."""
    with Session(engine) as session:
        return as_on(session, plan.issuing_body, plan.place, date(year, 1, 1))
