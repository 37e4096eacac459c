"""The latest cycle of every site, as the all-sites table, its export and the
home page read it. Reads only (the routes record the figures they show).

Each site's latest cycle is chosen in one query that returns light rows (ids,
names, country); filters, counts and orders work on those, and only the cycles
a page shows (or a chunk of an export) are loaded with their figures: what a
page costs follows what it shows, not how many sites the company has.

Only "priorities only" must look at the figures of every site the other filters
leave: a priority is a shown cell above the company's threshold, decided by the
anonymity rule, which runs in Python. Those are kept in memory for a released
cycle (``kept``), so a look costs a lookup per site.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import joinedload, selectinload

from ..extensions import db
from ..models import Site, Supplier
from ..questionnaires.models import QuestionnaireVersion
from ..questionnaires.starter import THEMES
from ..surveys.models import SurveyCycle
from ..surveys.queries import newest_per_site
from ..tenancy import scoped
from .dashboard import is_priority
from .kept import KEPT_FIGURES, kept_for
from .queries import cycle_cells, figures_to_show, version_codes
from .settings import cycle_settings

#: Cycles read at a time when every site must be looked at.
CHUNK = 200


@dataclass(frozen=True)
class Chosen:
    """The table's filters, as the query string gives them (unknown values are
    ignored rather than refused: it is a link someone may have kept)."""
    country: str = ""
    search: str = ""
    theme: str = ""
    priorities: bool = False

    @classmethod
    def from_args(cls, args: Mapping[str, str]) -> Chosen:
        country = args.get("country", "").strip().upper()
        theme = args.get("theme", "")
        return cls(country=country if len(country) == 2 and country.isalpha() else "",
                   search=args.get("q", "").strip()[:100],
                   theme=theme if theme in THEMES else "",
                   priorities=args.get("priorities") == "1")

    def args(self) -> dict[str, str]:
        """The filters as query arguments (for the export's link)."""
        found = {"country": self.country, "q": self.search, "theme": self.theme,
                 "priorities": "1" if self.priorities else ""}
        return {key: value for key, value in found.items() if value}


def _latest_ids(user) -> sa.Select:
    """SQL: per site, the id of its most recent cycle whose figures the user may
    see (two starting the same day: the newer)."""
    return newest_per_site(scoped(SurveyCycle, user).where(figures_to_show(user)))


def identity() -> tuple:
    """The columns ``priority_codes`` needs of a cycle: its identity, owner, and
    whether it is final (as of today: a function, not a constant)."""
    return (SurveyCycle.id, SurveyCycle.public_token, SurveyCycle.version_id,
            SurveyCycle.company_id, SurveyCycle.is_released.label("released"),
            SurveyCycle.has_ended.label("ended"))


def latest_rows(user) -> list[sa.Row]:
    """Each site's latest cycle with figures to show the user, as a light row
    (``identity()``, when it started, its site's name and country, its supplier's
    name): one query, whatever the page then shows of them. Filtering, counting
    and ordering a few thousand of these in memory costs less than asking the
    database to choose each site's latest cycle again for each."""
    return db.session.execute(
        sa.select(*identity(), SurveyCycle.starts_on, Site.name.label("site"), Site.country,
                  Supplier.name.label("supplier"))
        .join(SurveyCycle.site).join(Site.supplier)
        .where(SurveyCycle.id.in_(_latest_ids(user)))).all()


def chosen_rows(rows: list[sa.Row], chosen: Chosen) -> list[sa.Row]:
    """The rows the filters leave (all but "priorities only")."""
    search = chosen.search.casefold()
    return [row for row in rows
            if (not chosen.country or row.country == chosen.country)
            and (not search or search in row.supplier.casefold()
                 or search in row.site.casefold())]


#: The all-sites table's orders, each a total one (so a page holds the same rows
#: each time).
SORTS = {
    "supplier": lambda row: (row.supplier.casefold(), row.site.casefold(), row.id),
    "site": lambda row: (row.site.casefold(), row.supplier.casefold(), row.id),
    "country": lambda row: (row.country, row.supplier.casefold(), row.site.casefold(), row.id),
    "date": lambda row: (row.starts_on, row.id),
}


def cycles_of(ids: list[int]) -> list[SurveyCycle]:
    """These cycles, in this order (those the user may reach), with their sites,
    suppliers and questions."""
    found = {cycle.id: cycle for cycle in db.session.scalars(
        scoped(SurveyCycle).where(SurveyCycle.id.in_(ids)).options(
            joinedload(SurveyCycle.site).joinedload(Site.supplier),
            joinedload(SurveyCycle.version).selectinload(QuestionnaireVersion.questions)))}
    return [found[cycle_id] for cycle_id in ids if cycle_id in found]


def versions_of(rows: list[sa.Row]) -> list[QuestionnaireVersion]:
    """The questionnaire versions of these cycles, newest first: the table's
    columns, whichever page is shown."""
    ids = {row.version_id for row in rows}
    return list(db.session.scalars(
        sa.select(QuestionnaireVersion).where(QuestionnaireVersion.id.in_(ids))
        .options(selectinload(QuestionnaireVersion.questions))
        .order_by(QuestionnaireVersion.id.desc()))) if ids else []


def columns(versions: list[QuestionnaireVersion], theme: str = "") -> list[tuple[str, str]]:
    """(code, theme) of the versions' questions, first seen first; one theme's only
    when one is chosen."""
    return [(code, found) for code, found in version_codes(versions)
            if not theme or found == theme]


def priorities(cycles: list[SurveyCycle], codes: set[str] | None = None
               ) -> dict[int, list[str]]:
    """The codes of each cycle's priority indicators (of ``codes`` only, when
    given): shown cells above the threshold its page is read under. The cycles'
    figures must have been recorded as shown."""
    settings = cycle_settings(cycles)
    return {item.cycle.id: [code for code, cell in item.cells.items()
                            if (codes is None or code in codes)
                            and is_priority(cell, settings[item.cycle.id][0])]
            for item in cycle_cells(cycles)}


def priority_codes(rows: list[sa.Row], record: Callable | None) -> dict[int, list[str]]:
    """The codes of the priority indicators of each of these cycles (light rows
    with ``identity()``). A released cycle's are kept in memory under its identity
    and the threshold it is read under, so each costs a lookup; the others are
    read a chunk at a time, each chunk given to ``record`` first (None: the rows
    are released cycles only, whose figures are final)."""
    settings = cycle_settings(rows)
    found: dict[int, list[str]] = {}
    final = [row for row in rows if row.released and row.ended]
    hits = KEPT_FIGURES.get_many([(row.id, row.public_token, row.version_id, "priorities",
                                   *settings[row.id]) for row in final])
    found.update((row.id, hit) for row, hit in zip(final, hits, strict=True) if hit is not None)
    missing = [row.id for row in rows if row.id not in found]
    for start in range(0, len(missing), CHUNK):
        chunk = list(db.session.scalars(scoped(SurveyCycle).where(
            SurveyCycle.id.in_(missing[start:start + CHUNK])).options(
            selectinload(SurveyCycle.version).selectinload(QuestionnaireVersion.questions))))
        if record is not None:
            record(chunk)
        for cycle_id, codes in priorities(chunk).items():
            found[cycle_id] = codes
        for cycle in chunk:
            kept_for(cycle, ("priorities", *settings[cycle.id]), lambda c=cycle: found[c.id])
    return found


def with_priorities(rows: list[sa.Row], codes: set[str], record: Callable) -> list[sa.Row]:
    """The rows whose cycle has a priority among ``codes``."""
    found = priority_codes(rows, record)
    return [row for row in rows if codes.intersection(found[row.id])]
