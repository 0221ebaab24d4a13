"""Sorting on real values and filtering by agency, status and text (diacritics optional)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from ..domain.terms import Status
from ..domain.text import Haystack, found, prepare_haystack, prepare_query
from ..services.rows import BreakdownRow, IndicatorRow, TaskRow
from .table_model import ROW_ROLE, SORT_ROLE, RowTableModel

_Index = QModelIndex | QPersistentModelIndex


class RowFilterProxy(QSortFilterProxyModel):
    """Sorts on SORT_ROLE; subclasses say which rows pass."""

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setSortLocaleAware(True)
        self.text = ""
        self.query = prepare_query("")
        self.agency_id: int | None = None
        self._haystacks: dict[tuple, Haystack] = {}

    def change_filter(self, **values: object) -> None:
        """Set filter attributes and re-filter once."""
        self.beginFilterChange()
        for name, value in values.items():
            setattr(self, name, value)
        self.endFilterChange()

    def set_text(self, text: str) -> None:
        self.change_filter(text=text.strip(), query=prepare_query(text))

    def haystack(self, key: tuple, *texts: str) -> Haystack:
        """A row's searchable text, prepared once (folding is the costly part of a search)."""
        prepared = self._haystacks.get(key)
        if prepared is None:
            prepared = self._haystacks[key] = prepare_haystack(*texts)
        return prepared

    def set_agency(self, agency_id: int | None) -> None:
        self.change_filter(agency_id=agency_id)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        if isinstance(model, RowTableModel):  # the row itself, without a trip through Qt
            return self.accepts(model.rows[source_row])
        row = model.data(model.index(source_row, 0, source_parent), ROW_ROLE)
        return row is not None and self.accepts(row)

    def accepts(self, row: object) -> bool:
        raise NotImplementedError

    def lessThan(self, left: _Index, right: _Index) -> bool:
        model = self.sourceModel()
        if isinstance(model, RowTableModel):
            keys = model.sort_keys(left.column())
            a, b = keys[left.row()], keys[right.row()]
        else:
            a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        try:
            return a < b
        except TypeError:  # mixed kinds: compare as text
            return str(a) < str(b)


class IndicatorFilter(RowFilterProxy):
    """Indicators of an agency (leading or coordinating), of a status, matching a text."""

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)
        self.status: Status | None = None
        self.lead_only = False

    def set_status(self, status: Status | None) -> None:
        self.change_filter(status=status)

    def accepts(self, row: object) -> bool:
        assert isinstance(row, IndicatorRow)
        if self.status is not None and row.progress.status is not self.status:
            return False
        if self.agency_id is not None:
            ids = row.lead_ids if self.lead_only else row.lead_ids + row.coordinating_ids
            if self.agency_id not in ids:
                return False
        if not self.query.needles:
            return True
        texts = (row.code, row.name, row.group_heading, *row.lead)
        return found(self.query, self.haystack(texts, *texts))


class TaskFilter(RowFilterProxy):
    """Tasks an agency leads or coordinates, matching a text."""

    def accepts(self, row: object) -> bool:
        assert isinstance(row, TaskRow)
        if self.agency_id is not None and self.agency_id not in row.lead_ids + row.coordinating_ids:
            return False
        if not self.query.needles:
            return True
        texts = (row.code, row.text, row.lead_in, *row.lead)
        return found(self.query, self.haystack(texts, *texts))


class BreakdownFilter(RowFilterProxy):
    """Localities whose name matches a text (124 communes: "xa thu nghiem 07" finds them)."""

    def accepts(self, row: object) -> bool:
        assert isinstance(row, BreakdownRow)
        if not self.query.needles:
            return True
        return found(self.query, self.haystack((row.locality_id, row.locality), row.locality))
