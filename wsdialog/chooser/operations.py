"""Writes of the method chooser: each one changes, then commits. No Flask: the
caller says who acts, and has parsed the form."""

from __future__ import annotations

from ..extensions import db
from ..models import Site, User
from ..suppliers.history import facts_of
from ..suppliers.operations import save_site_facts
from .models import Assessment


def start(by: User, site: Site | None, country: str | None, sector: str) -> Assessment:
    """A new assessment for a site, or for a country (and sector) in general."""
    assessment = Assessment(company_id=by.company_id, site=site, created_by=by,
                            country=None if site else country,
                            sector="" if site else sector, answers={})
    db.session.add(assessment)
    db.session.commit()
    return assessment


def save_answers(assessment: Assessment, answers: dict | None, conclude: bool = False) -> None:
    """A step's answers (None: unchanged, nothing to store); after the last step
    the assessment is concluded: the first time, or again when answers changed (a
    completed assessment saved unchanged keeps the method it advised, even if the
    site's record or grievance figures have moved since: its page reads them live)."""
    if answers is not None:
        assessment.answers = answers
    if conclude and (answers is not None or assessment.completed_at is None):
        assessment.conclude()
    db.session.commit()


def revise(old: Assessment, by: User) -> Assessment:
    """A new assessment from an older one's answers; the old one stays in the history."""
    new = Assessment(company_id=old.company_id, site_id=old.site_id, country=old.country,
                     sector=old.sector, answers=dict(old.answers or {}), revision_of=old,
                     created_by=by)
    db.session.add(new)
    db.session.commit()
    return new


def put_answers_in_site_record(assessment: Assessment, by: User) -> list[str]:
    """Put the answers the site record does not know yet into it (each change
    kept in the site's history); returns the facts changed."""
    site, new = assessment.site, assessment.new_site_facts()
    before = facts_of(site)
    for fact, value in new.items():
        setattr(site, fact, value)
    save_site_facts(site, before, by)
    return list(new)
