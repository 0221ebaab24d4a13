"""The `reviews` list of a package: the consolidating office's returns (a unit's figures for a
period sent back with a comment), written only when there are some and read with every
field typed (docs/exchange-format.md)."""

from __future__ import annotations

from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import Any

from . import json_fields as fields
from .data import ExchangeError, ReviewData
from .json_fields import RESEND


class ReviewState(StrEnum):
    RETURNED = "returned"  # the only decision a package carries


def reviews_json(reviews: list[ReviewData]) -> list[dict[str, Any]]:
    return [
        {
            "period": r.period,
            "agency": r.agency,
            "locality": r.locality,
            "state": r.state,
            "comment": r.comment,
            "decided_by": r.decided_by,
            "decided_at": r.decided_at.isoformat() if r.decided_at else None,
        }
        for r in reviews
    ]


def read_reviews(body: dict[str, Any], path: Path) -> list[ReviewData]:
    """Each review names a period and exactly one unit (an agency or a locality code)."""
    reviews: list[ReviewData] = []
    for number, raw in enumerate(fields.rows(body, "reviews", path), start=1):
        where = partial("nhận xét trả lại thứ {}".format, number)
        r = fields.record(raw, path, where)
        review = ReviewData(
            fields.code(r, "period", path, where),
            fields.optional_code(r, "agency", path, where),
            fields.optional_code(r, "locality", path, where),
            fields.choice(r, "state", ReviewState, path, where),
            fields.text(r, "comment", path, where),
            fields.text(r, "decided_by", path, where),
            fields.moment(r, "decided_at", path, where),
        )
        if (review.agency is None) == (review.locality is None):
            raise ExchangeError(
                path,
                f"{where()}: phải ghi đúng một đơn vị (trường “agency” hoặc “locality”). {RESEND}",
            )
        reviews.append(review)
    return reviews
