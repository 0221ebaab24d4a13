"""Reading a plan from its document, as the window and `kh65 plan read` both do: the
document's text (documents/text.py), then the plan in it (documents/reader.py) with the
agencies this database knows, so that names in the document find their codes. Nothing is
written: the clerk reviews what was found, then loads it as any plan file."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import Session, select

from ..documents.items import ReadPlan, read_plan
from ..documents.text import read_document
from ..storage.models import Agency, AgencyName

Progress = Callable[[int, int], None]


def known_agencies(engine: Engine) -> list[tuple[str, str]]:
    """(code, name) of every agency in the database, with the names it bore before (a plan
    written before a rename uses the old one); each agency's current name comes last."""
    with Session(engine) as session:
        agencies = list(session.exec(select(Agency).order_by(Agency.position, Agency.code)))
        earlier: dict[int, list[str]] = {}
        for row in session.exec(select(AgencyName).order_by(AgencyName.valid_to)):
            earlier.setdefault(row.agency_id, []).append(row.name)
    pairs: list[tuple[str, str]] = []
    for agency in agencies:
        pairs += [(agency.code, name) for name in earlier.get(agency.id or 0, [])]
        pairs.append((agency.code, agency.name))
    return pairs


def ended_agencies(engine: Engine) -> dict[str, date]:
    """The last day of each agency that ceased (merged, split, districts ended in 2025)."""
    with Session(engine) as session:
        rows = session.exec(select(Agency.code, Agency.valid_to).where(Agency.valid_to != None))  # noqa: E711
        return {code: valid_to for code, valid_to in rows if valid_to is not None}


def read_plan_file(engine: Engine, path: Path, progress: Progress | None = None) -> ReadPlan:
    """The plan found in the document at `path`. DocumentError (Vietnamese) for a file that
    cannot be read. Progress goes 0..100: the text first (to 40), then the reading."""

    def text_step(done: int, total: int) -> None:
        if progress:
            progress(40 * done // max(total, 1), 100)

    def read_step(done: int, total: int) -> None:
        if progress:
            progress(40 + 60 * done // max(total, 1), 100)

    document = read_document(Path(path), text_step)
    return read_plan(document, known_agencies(engine), read_step, ended_agencies(engine))
