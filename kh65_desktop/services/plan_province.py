"""The province a plan's place belongs to on a day: after a merge (Trà Vinh into Vĩnh Long
on 1/7/2025) a plan made for a later year is issued by the merged province's committee."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, col, select

from ..domain.organisation import valid_on
from ..domain.text import fold
from ..storage.models import Locality, LocalitySuccession

PROVINCE_KIND = "tỉnh"


def province_place_on(session: Session, place: str, day: date) -> str | None:
    """The place name ("Vĩnh Long") of the province that continues province `place`
    ("Trà Vinh") on `day`; None when `place` is no ended province (nothing to change)."""
    wanted = fold(f"{PROVINCE_KIND} {place}")
    provinces = session.exec(select(Locality).where(Locality.kind == PROVINCE_KIND)).all()
    for start in (p for p in provinces if fold(p.name) == wanted):
        current, seen = start, {start.id}
        while not valid_on(current.valid_from, current.valid_to, day):
            link = session.exec(
                select(LocalitySuccession)
                .where(
                    LocalitySuccession.predecessor_id == current.id,
                    LocalitySuccession.on_date <= day,
                )
                .order_by(col(LocalitySuccession.on_date).desc())
            ).first()
            following = session.get(Locality, link.successor_id) if link else None
            if following is None or following.id in seen:
                break
            current = following
            seen.add(current.id)
        if current is not start and valid_on(current.valid_from, current.valid_to, day):
            name = current.name.strip()
            prefix = len(PROVINCE_KIND) + 1
            return (
                name[prefix:].strip()
                if fold(name[:prefix]).strip() == fold(PROVINCE_KIND)
                else name
            )
    return None
