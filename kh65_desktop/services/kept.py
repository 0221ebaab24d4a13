"""What an undo left alone because someone wrote it since, described for the clerk."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from sqlmodel import Session, col, select

from ..storage.changed_since import LaterChange
from ..storage.models import Indicator, Locality, Period


class KeptKind(Enum):
    FIGURE = "figure"  # written again since (or removed: `removed`)
    TASK = "task"  # its status or note changed since
    TARGET = "target"  # an indicator's target changed since
    INDICATOR = "indicator"  # added by the import, holds figures or history entered since
    PERIOD = "period"  # added by the import, holds figures or history entered since
    TEXT = "text"  # a report section written since (name: the section, code: its task)


@dataclass(frozen=True)
class KeptItem:
    """One thing an undo does not put back, and why (the kind says it)."""

    kind: KeptKind
    code: str  # indicator, task or period code
    name: str
    period: str = ""  # a figure's period
    locality: str = ""  # a figure's district ("" province-wide)
    value: float | None = None  # a figure's value now
    text: str = ""  # a figure's wording now, or a task's status now
    removed: bool = False  # the figure was removed since
    changed_by: str = ""
    changed_at: datetime | None = None


def figure_items(session: Session, later: Iterable[LaterChange]) -> list[KeptItem]:
    """Figures written again since, with their indicator, period and district names."""
    later = list(later)
    if not later:
        return []
    indicator_ids = {c.key.indicator_id for c in later}
    indicators = {
        i.id: i for i in session.exec(select(Indicator).where(col(Indicator.id).in_(indicator_ids)))
    }
    periods = {p.id: p.name for p in session.exec(select(Period))}
    localities = {loc.id: loc.name for loc in session.exec(select(Locality))}
    items = []
    for change in later:
        indicator = indicators.get(change.key.indicator_id)
        items.append(
            KeptItem(
                KeptKind.FIGURE,
                indicator.code if indicator else "",
                indicator.name if indicator else "",
                periods.get(change.key.period_id, ""),
                localities.get(change.key.locality_id, "") if change.key.locality_id else "",
                change.now.value if change.now else None,
                change.now.text if change.now else "",
                change.now is None,
                change.changed_by,
                change.changed_at,
            )
        )
    return sorted(items, key=lambda i: (i.code, i.period, i.locality))
