"""Reads of survey cycles shared by the packages above: never a commit, never an
add. Every query is scoped."""

from __future__ import annotations

import sqlalchemy as sa

from ..extensions import db
from ..tenancy import scoped
from .models import SurveyCycle


def _same_series(cycle: SurveyCycle, user) -> sa.Select:
    """The cycles of the same company at the same site, as ``user`` (default: the
    current user) may reach them."""
    return scoped(SurveyCycle, user).where(SurveyCycle.site_id == cycle.site_id,
                                           SurveyCycle.company_id == cycle.company_id)


def next_cycle(cycle: SurveyCycle, user=None,
               among: sa.ColumnElement[bool] | None = None) -> SurveyCycle | None:
    """The next cycle of the same company at the cycle's site: the first to start
    after it ended, of those that meet ``among`` (figures the viewer may see, a
    round still to come or open) when given."""
    query = _same_series(cycle, user).where(SurveyCycle.starts_on > cycle.ends_on)
    if among is not None:
        query = query.where(among)
    return db.session.scalar(query.order_by(SurveyCycle.starts_on, SurveyCycle.id).limit(1))


def previous_cycle(cycle: SurveyCycle, user=None,
                   among: sa.ColumnElement[bool] | None = None) -> SurveyCycle | None:
    """The cycle before, of the same company at the cycle's site: the last to end
    before it started, of those that meet ``among`` when given."""
    query = _same_series(cycle, user).where(SurveyCycle.ends_on < cycle.starts_on)
    if among is not None:
        query = query.where(among)
    return db.session.scalar(query.order_by(SurveyCycle.ends_on.desc(), SurveyCycle.id.desc())
                             .limit(1))


def first_start(cycle: SurveyCycle, user=None):
    """The day the first cycle of the same company at the cycle's site began."""
    return db.session.scalar(_same_series(cycle, user).with_only_columns(
        sa.func.min(SurveyCycle.starts_on)))
