"""Issues members raised for a sector-wide solution, counted by theme and
country. No Flask.

A theme × country is shown (to the coordinator, and on the members' agenda) only
where at least ``MIN_MEMBERS`` member companies raised it: fewer could point at
one member's supplier. Only counts leave this module, never a point, an
agreement, a supplier or a company."""

from __future__ import annotations

from dataclasses import dataclass

#: Members that must have raised a theme in a country before anyone sees it.
MIN_MEMBERS = 3


@dataclass(frozen=True)
class Issue:
    theme: str
    country: str
    members: int  # member companies that raised it
    items: int  # points and agreements marked


def issues(marks: list[tuple[int, str, str]]) -> list[Issue]:
    """From (company id, theme, country) marks, the theme × country groups that
    ``MIN_MEMBERS`` or more companies raised, most members first."""
    groups: dict[tuple[str, str], list[int]] = {}
    for company_id, theme, country in marks:
        groups.setdefault((theme, country), []).append(company_id)
    found = [Issue(theme, country, len(set(companies)), len(companies))
             for (theme, country), companies in groups.items()
             if len(set(companies)) >= MIN_MEMBERS]
    return sorted(found, key=lambda i: (-i.members, i.theme, i.country))
