"""The latest cycle of every site, as the all-sites table, its export and the
home page read it: chosen, filtered, sorted and paged in SQL, so that what a
page costs follows what it shows, not how many sites the company has. Reads
only (the routes record the figures they show).

Only "priorities only" must look at the figures of every site the other filters
leave: a priority is a shown cell above the company's threshold, decided by the
anonymity rule, which runs in Python. Those figures are kept in memory for a
released cycle (``kept``), so a look costs one light query and a lookup per site.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import contains_eager, joinedload, selectinload

from ..extensions import db
from ..models import Site, Supplier
from ..questionnaires.models import QuestionnaireVersion
from ..questionnaires.starter import THEMES
from ..surveys.models import SurveyCycle
from ..tenancy import scoped
from .dashboard import is_priority
from .kept import KEPT_FIGURES, kept_for
from .queries import cycle_cells, figures_to_show
from .settings import cycle_settings

#: The all-sites table's orders: the column a user picks, in SQL.
SORTS = {"supplier": sa.func.lower(Supplier.name), "site": sa.func.lower(Site.name),
         "country": Site.country, "date": SurveyCycle.starts_on}
#: After the chosen column, so that a page holds the same rows each time.
THEN = (sa.func.lower(Supplier.name), sa.func.lower(Site.name), SurveyCycle.id)
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
    ranked = (scoped(SurveyCycle, user).where(figures_to_show(user))
              .with_only_columns(SurveyCycle.id, sa.func.row_number().over(
                  partition_by=SurveyCycle.site_id,
                  order_by=(SurveyCycle.starts_on.desc(), SurveyCycle.id.desc())).label("n"))
              .subquery())
    return sa.select(ranked.c.id).where(ranked.c.n == 1)


def filtered(user, chosen: Chosen = Chosen()) -> sa.Select:
    """SQL: the latest cycle of each site the filters leave (all but "priorities
    only"), joined to its site and supplier."""
    stmt = (sa.select(SurveyCycle).join(SurveyCycle.site).join(Site.supplier)
            .where(SurveyCycle.id.in_(_latest_ids(user))))
    if chosen.country:
        stmt = stmt.where(Site.country == chosen.country)
    if chosen.search:
        stmt = stmt.where(sa.or_(Supplier.name.icontains(chosen.search, autoescape=True),
                                 Site.name.icontains(chosen.search, autoescape=True)))
    return stmt


#: What a page of the table shows of each cycle, loaded alongside (no query per row).
LOADED = (contains_eager(SurveyCycle.site).contains_eager(Site.supplier),
          joinedload(SurveyCycle.version).selectinload(QuestionnaireVersion.questions))


def latest(user, chosen: Chosen = Chosen()) -> sa.Select:
    """``filtered``, with each cycle's site, supplier and questions loaded alongside."""
    return filtered(user, chosen).options(*LOADED)


def latest_per_site(user) -> list[SurveyCycle]:
    """Every site's latest cycle with figures to show the user, by supplier and site."""
    return list(db.session.scalars(latest(user).order_by(*THEN)))


def countries(user) -> list[str]:
    """The countries of the sites with a latest cycle (the country filter's choices)."""
    return list(db.session.scalars(
        sa.select(Site.country).join(SurveyCycle, SurveyCycle.site_id == Site.id)
        .where(SurveyCycle.id.in_(_latest_ids(user))).distinct()))


def versions_of(stmt: sa.Select) -> list[QuestionnaireVersion]:
    """The questionnaire versions of the cycles ``stmt`` (``filtered``) selects,
    newest first: the table's columns, whichever page is shown."""
    ids = stmt.with_only_columns(SurveyCycle.version_id).distinct()
    return list(db.session.scalars(
        sa.select(QuestionnaireVersion).where(QuestionnaireVersion.id.in_(ids))
        .options(selectinload(QuestionnaireVersion.questions))
        .order_by(QuestionnaireVersion.id.desc())))


def columns(versions: list[QuestionnaireVersion], theme: str = "") -> list[tuple[str, str]]:
    """(code, theme) of the versions' questions, first seen first; one theme's only
    when one is chosen."""
    seen: dict[str, str] = {}
    for version in versions:
        for question in version.questions:
            seen.setdefault(question.code, question.theme)
    return [(code, found) for code, found in seen.items() if not theme or found == theme]


def texts(versions: list[QuestionnaireVersion], locale: str) -> dict[str, tuple[str, str]]:
    """Each question's (short label, full text) in ``locale``, from the newest
    version that has it."""
    found: dict[str, tuple[str, str]] = {}
    for version in versions:
        for question in version.questions:
            found.setdefault(question.code, (question.label(locale), question.text(locale)))
    return found


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


def priority_codes(stmt: sa.Select, record: Callable | None) -> dict[int, list[str]]:
    """The codes of the priority indicators of every cycle ``stmt`` (``filtered``)
    selects. A released cycle's are kept in memory under its identity and the
    threshold it is read under, so each cycle costs a row of one light query;
    the others are read a chunk at a time, each chunk given to ``record`` first
    (None: ``stmt`` selects released cycles only, whose figures are final)."""
    rows = db.session.execute(stmt.with_only_columns(
        SurveyCycle.id, SurveyCycle.public_token, SurveyCycle.version_id,
        SurveyCycle.company_id, SurveyCycle.is_released.label("released"),
        SurveyCycle.has_ended.label("ended"))).all()
    settings = cycle_settings(rows)
    found: dict[int, list[str]] = {}
    missing = []
    for row in rows:
        hit = KEPT_FIGURES.get((row.id, row.public_token, row.version_id, "priorities",
                                *settings[row.id])) if row.released and row.ended else None
        if hit is None:
            missing.append(row.id)
        else:
            found[row.id] = hit
    for start in range(0, len(missing), CHUNK):
        chunk = list(db.session.scalars(sa.select(SurveyCycle).where(
            SurveyCycle.id.in_(missing[start:start + CHUNK])).options(
            selectinload(SurveyCycle.version).selectinload(QuestionnaireVersion.questions))))
        if record is not None:
            record(chunk)
        for cycle_id, codes in priorities(chunk).items():
            found[cycle_id] = codes
        for cycle in chunk:
            kept_for(cycle, ("priorities", *settings[cycle.id]), lambda c=cycle: found[c.id])
    return found


def with_priorities(stmt: sa.Select, codes: set[str], record: Callable) -> list[int]:
    """Ids of the cycles among ``stmt``'s (``filtered``) with a priority among ``codes``."""
    return [cycle_id for cycle_id, found in priority_codes(stmt, record).items()
            if codes.intersection(found)]
