"""What the results pages write: read receipts, the release, the supplier's
review, the company's settings, the record of an export. Each commits."""

from __future__ import annotations

from collections.abc import Iterable

import sqlalchemy as sa

from ..clock import today
from ..extensions import db
from ..surveys.models import SurveyCycle


def record_figures_shown(cycles: Iterable[SurveyCycle | None]) -> None:
    """A read receipt: answer figures of these cycles are being shown to a person.
    The first time, their respondents become final (no import or removal could
    then be compared with what was seen). Called by the routes that show figures,
    never by a read: committed at once, as the page is a GET."""
    fresh = [c.id for c in cycles if c is not None and c.figures_shown_on is None]
    if fresh:
        db.session.execute(sa.update(SurveyCycle).where(
            SurveyCycle.id.in_(fresh), SurveyCycle.figures_shown_on.is_(None))
            .values(figures_shown_on=today()))
        db.session.commit()
