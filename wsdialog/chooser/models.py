"""Assessments: a company's answers to the method chooser for one site (or a
country in general), kept with their history."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..clock import today
from ..extensions import db
from ..grievances.queries import mechanism_in_use
from ..models import Company, Presence, Role, Site, User, utcnow
from ..tenancy import rule
from . import rules
from .questions import NO, SITE_RECORD_FACTS, YES, SiteFacts, known_from_site


class Assessment(db.Model):
    """One pass through the questionnaire. Revising creates a new assessment
    (``revision_of`` the old one), so the history per site stays readable."""

    __table_args__ = (
        sa.CheckConstraint("site_id IS NOT NULL OR country IS NOT NULL",
                           name="site_or_country"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(sa.ForeignKey("company.id"), index=True)
    #: The site assessed; None for a general assessment of a country and sector.
    site_id: Mapped[int | None] = mapped_column(sa.ForeignKey("site.id"), index=True)
    #: ISO code, for a general assessment (a site has its own country).
    country: Mapped[str | None] = mapped_column(sa.String(2))
    #: Free text for a general assessment, e.g. "apparel".
    sector: Mapped[str] = mapped_column(sa.String(80), default="")
    #: {question code: answer}; see ``chooser.questions``.
    answers: Mapped[dict] = mapped_column(sa.JSON, default=dict)
    #: The method advised first when completed: a snapshot. Pages show the advice by
    #: the current rules and site record (``recommendation()``).
    top_method: Mapped[str | None] = mapped_column(sa.String(20))
    revision_of_id: Mapped[int | None] = mapped_column(sa.ForeignKey("assessment.id"))
    created_by_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    completed_at: Mapped[datetime | None]

    company: Mapped[Company] = relationship()
    site: Mapped[Site | None] = relationship()
    created_by: Mapped[User] = relationship()
    revision_of: Mapped[Assessment | None] = relationship(remote_side=[id])

    def known_answers(self) -> dict[str, str]:
        """What the site record and the company's grievance figures at the site
        answer now (not asked, always current)."""
        if self.site is None:
            return {}
        presence = {Presence.yes: "yes", Presence.no: "no"}
        return known_from_site(SiteFacts(
            trade_union=presence.get(self.site.trade_union),
            worker_committee=presence.get(self.site.worker_committee),
            share_temporary_pct=self.site.share_temporary_pct,
            share_migrant_pct=self.site.share_migrant_pct,
            grievance_in_use=mechanism_in_use(self.site, self.company_id, today())))

    def new_site_facts(self) -> dict[str, Presence]:
        """The site record's facts that this assessment's answers know and the
        record does not ("not known" there, "yes" or "no" here), by fact."""
        if self.site is None:
            return {}
        answers = self.answers or {}
        return {fact: Presence(answers[code]) for code, fact in SITE_RECORD_FACTS.items()
                if getattr(self.site, fact) is Presence.unknown
                and answers.get(code) in (YES, NO)}

    def all_answers(self) -> dict:
        return {**(self.answers or {}), **self.known_answers()}

    def recommendation(self) -> rules.Recommendation:
        return rules.recommend(self.all_answers())

    def conclude(self) -> None:
        """Mark as completed and remember the method advised first."""
        self.completed_at = self.completed_at or utcnow()
        best = self.recommendation().best
        self.top_method = best.method.value if best else None


@rule(Assessment)
def _assessment(user: User):
    # Brand-internal: neither suppliers nor coordinators see assessments.
    if user.role is Role.brand:
        return Assessment.company_id == user.company_id
    return sa.false()
