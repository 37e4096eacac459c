"""The company's reading of results, as the figures need it: the priority
threshold and the smallest group shown."""

from __future__ import annotations

import sqlalchemy as sa

from ..extensions import db
from ..surveys.queries import co_owners_of
from . import anonymity
from .models import DEFAULT_PRIORITY_PCT, ResultsSettings


def settings_of(company_ids) -> dict[int, tuple[int, int]]:
    """(priority threshold in percent, minimum group size) of each company, in one
    query. Read by key, not scoped: a supplier must see results under exactly the
    same protection as the brand that runs the cycle."""
    company_ids = set(company_ids)
    rows = {row.company_id: row for row in db.session.scalars(
        sa.select(ResultsSettings).where(ResultsSettings.company_id.in_(company_ids)))} \
        if company_ids else {}
    return {cid: (rows[cid].priority_pct, anonymity.effective_min(rows[cid].min_group))
            if cid in rows else (DEFAULT_PRIORITY_PCT, anonymity.MIN_GROUP)
            for cid in company_ids}


def settings_for(company_id: int) -> tuple[int, int]:
    """(priority threshold in percent, minimum group size) of the cycle's company."""
    return settings_of([company_id])[company_id]


def cycle_settings(cycles) -> dict[int, tuple[int, int]]:
    """(priority threshold, minimum group size) each cycle's page is read under:
    its lead company's threshold, and the highest minimum group size of its
    owners, so that a joint cycle shows every owner (and the supplier) one page
    under the strictest of their protections."""
    cycles = list(cycles)
    owners = co_owners_of(cycles)  # the joint ones: few
    settings = settings_of({c.company_id for c in cycles}.union(*owners.values()))
    return {c.id: (settings[c.company_id][0],
                   max(settings[company_id][1] for company_id in owners[c.id] | {c.company_id}))
            if c.id in owners else settings[c.company_id] for c in cycles}
