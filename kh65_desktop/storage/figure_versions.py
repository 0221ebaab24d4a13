"""The optimistic check on figures: a save states the version of each figure it read, and
one whose figure was written since (by another clerk, window or import) is refused, naming
who wrote it, when, and both values, rather than silently overwriting it.

reported_value.version is bumped on every write (storage/figures.py); a figure that did not
exist when read has version 0. The check runs after storage/write_lock.py's lock, inside the writing
transaction, so nothing can slip in between the check and the write.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import NamedTuple

import sqlalchemy as sa
from sqlalchemy import Connection

from .figure_keys import at_locality
from .figures import ValueKey, ValueState
from .models import ReportedValue, ValueChange

# The version each figure had when the clerk read it; 0: there was no figure.
ReadVersions = Mapping[ValueKey, int]


class FigureConflict(NamedTuple):
    """A figure written since it was read: who wrote it last, when, what it is now (None:
    removed) and what this save would have written."""

    key: ValueKey
    changed_by: str
    changed_at: datetime | None
    theirs: ValueState | None
    yours: ValueState | None
    version: int  # the version now: a save that keeps the clerk's figure states it


class StaleFigures(Exception):
    """A save refused because figures were written since they were read (nothing written)."""

    def __init__(self, conflicts: list[FigureConflict]) -> None:
        super().__init__(f"{len(conflicts)} số liệu vừa được người khác sửa.")
        self.conflicts = conflicts


def figure_versions(connection: Connection, keys: list[ValueKey]) -> dict[ValueKey, int]:
    """The current version of each figure (0: none stored)."""
    table = ReportedValue.__table__  # type: ignore[attr-defined]
    versions: dict[ValueKey, int] = {}
    for key in keys:
        found = connection.execute(
            sa.select(table.c.version).where(
                table.c.indicator_id == key.indicator_id,
                table.c.period_id == key.period_id,
                at_locality(table.c.locality_id, key.locality_id),
            )
        ).scalar()
        versions[key] = found or 0
    return versions


def stale_figures(
    connection: Connection, read: ReadVersions, yours: Mapping[ValueKey, ValueState | None]
) -> list[FigureConflict]:
    """The figures whose version is no longer the one read, with who wrote them last."""
    now = figure_versions(connection, list(read))
    return [
        _conflict(connection, key, now[key], yours.get(key))
        for key, version in read.items()
        if now[key] != version
    ]


def _conflict(
    connection: Connection, key: ValueKey, version: int, yours: ValueState | None
) -> FigureConflict:
    figure = ReportedValue.__table__  # type: ignore[attr-defined]
    history = ValueChange.__table__  # type: ignore[attr-defined]
    stored = connection.execute(
        sa.select(figure).where(
            figure.c.indicator_id == key.indicator_id,
            figure.c.period_id == key.period_id,
            at_locality(figure.c.locality_id, key.locality_id),
        )
    ).first()
    newest = connection.execute(
        sa.select(history.c.changed_by, history.c.changed_at)
        .where(
            history.c.indicator_id == key.indicator_id,
            history.c.period_id == key.period_id,
            at_locality(history.c.locality_id, key.locality_id),
        )
        .order_by(history.c.id.desc())
        .limit(1)
    ).first()
    theirs = (
        None
        if stored is None
        else ValueState(
            stored.value,
            stored.text,
            stored.achieved,
            stored.is_estimate,
            stored.as_of,
            stored.note,
            stored.entered_by,
            stored.entered_at,
        )
    )
    by, at = (newest.changed_by, newest.changed_at) if newest else ("", None)
    if stored is not None and not by:
        by, at = stored.entered_by, stored.entered_at
    return FigureConflict(key, by, at, theirs, yours, version)
