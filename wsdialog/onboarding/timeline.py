"""The project timeline's reasons for delay, and holiday warnings. No Flask."""

from __future__ import annotations

from datetime import date

from .. import calendar
from ..text import N_

DELAY_REASONS: dict[str, str] = {
    "slow_replies": N_("Slow replies"),
    "internal_approval": N_("Internal approval at the supplier"),
    "no_show": N_("A no-show"),
    "supplier_asked": N_("The supplier asked for another time"),
    "holidays": N_("Holidays"),
    "staff_turnover": N_("Staff turnover"),
    "chain_links": N_("Extra links in the chain, such as an agent"),
    "other": N_("Other"),
}

KIND_NAMES: dict[str, str] = {
    "kickoff": N_("Kick-off"),
    "confirmation": N_("Supplier confirmations"),
    "survey": N_("Survey window"),
    "dialogue": N_("Dialogue"),
    "other": N_("Other"),
}


def warnings_for(country: str | None, start: date, end: date | None,
                 locale: str | None) -> calendar.HolidayWarnings:
    """Public holidays on or within a few days of the milestone, in the site's
    country, a span per holiday, and the holiday periods it falls in; none when
    no country is known."""
    return calendar.holiday_warnings(country, start, end, locale, near=calendar.NEAR_DAYS)
