"""Grievance channels' figures: what workers raise between surveys, as counts per
site, period and channel, beside what they answer in surveys; and the check of
each mechanism against the UN Guiding Principles' effectiveness criteria. No
case text and no complainant, ever.

Ownership: each row belongs to one member company, for one site. Its staff enter
or import it; the site's supplier may enter figures too, always for one of the
companies it works with (it picks which), and the row is then that company's: a
second company sharing the supplier never sees it. The supplier's people see the
rows about their own sites, for each company they work with.
"""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from ..models import Company, Role, Site, StateError, SupplierRelationship, User, enum_type, utcnow
from ..tenancy import rule, supplier_ids_of_company
from . import rules
from .rules import Channel, Figures, PeriodKind


class GrievanceSummary(db.Model):
    """One channel's figures at a site for one month or quarter, as a company has
    them (from a helpline's report, a committee's minutes, the supplier)."""

    __tablename__ = "grievance_summary"
    __table_args__ = (
        # Per company: two companies sharing a factory may each have the same
        # helpline's figures, and neither may learn that the other has.
        sa.UniqueConstraint("company_id", "site_id", "period_kind", "period_start", "channel",
                            name="uq_grievance_summary_period_channel"),
        sa.CheckConstraint("received >= 0 AND resolved >= 0 AND still_open >= 0",
                           name="counts_not_negative"),
        sa.CheckConstraint("resolved + still_open <= received", name="resolved_open_within"),
        sa.CheckConstraint("anonymous IS NULL OR (anonymous >= 0 AND anonymous <= received)",
                           name="anonymous_within"),
        sa.CheckConstraint("women IS NULL OR (women >= 0 AND women <= received)",
                           name="women_within"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: The member company the figures belong to.
    company_id: Mapped[int] = mapped_column(sa.ForeignKey("company.id"), index=True)
    site_id: Mapped[int] = mapped_column(sa.ForeignKey("site.id"), index=True)
    #: A month or a quarter, starting on ``period_start`` (its first day).
    period_kind: Mapped[PeriodKind] = mapped_column(enum_type(PeriodKind, "period_kind"))
    period_start: Mapped[date]
    channel: Mapped[Channel] = mapped_column(enum_type(Channel, "grievance_channel"))
    received: Mapped[int] = mapped_column(default=0)
    resolved: Mapped[int] = mapped_column(default=0)
    still_open: Mapped[int] = mapped_column(default=0)
    #: Median days to a first response, and to resolution, where the channel says.
    days_to_response: Mapped[float | None]
    days_to_resolution: Mapped[float | None]
    #: Complaints per theme code (``rules.THEMES``); what no theme holds is unclassified.
    by_theme: Mapped[dict] = mapped_column(sa.JSON, default=dict)
    #: How many were raised anonymously, and how many by women, where known.
    anonymous: Mapped[int | None]
    women: Mapped[int | None]
    entered_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id"))
    entered_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    company: Mapped[Company] = relationship()
    site: Mapped[Site] = relationship()
    entered_by: Mapped[User | None] = relationship()

    @property
    def period(self) -> rules.Period:
        return rules.Period(self.period_start, self.period_kind)

    @property
    def figures(self) -> Figures:
        return Figures(received=self.received, resolved=self.resolved,
                       still_open=self.still_open, days_to_response=self.days_to_response,
                       days_to_resolution=self.days_to_resolution,
                       by_theme=dict(self.by_theme or {}), anonymous=self.anonymous,
                       women=self.women)

    def set_figures(self, figures: Figures) -> None:
        """Take ``figures``; StateError (the first problem's code) for figures that
        cannot be (``rules.problems``), and nothing changes."""
        found = rules.problems(figures)
        if found:
            raise StateError(found[0][1])
        self.received, self.resolved = figures.received, figures.resolved
        self.still_open = figures.still_open
        self.days_to_response = figures.days_to_response
        self.days_to_resolution = figures.days_to_resolution
        self.by_theme = {code: n for code, n in figures.by_theme.items() if n}
        self.anonymous, self.women = figures.anonymous, figures.women


class EffectivenessCheck(db.Model):
    """A check of one mechanism (a site's channel) against UN Guiding Principle 31's
    eight criteria, each answered yes, partly or no with an optional note. Every
    check is kept; the latest is shown beside the figures."""

    __tablename__ = "effectiveness_check"

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(sa.ForeignKey("company.id"), index=True)
    site_id: Mapped[int] = mapped_column(sa.ForeignKey("site.id"), index=True)
    channel: Mapped[Channel] = mapped_column(enum_type(Channel, "check_channel"))
    checked_on: Mapped[date]
    #: Criterion code (``rules.CRITERIA``) -> "yes", "partly" or "no".
    answers: Mapped[dict] = mapped_column(sa.JSON, default=dict)
    #: Criterion code -> a note, where one was written.
    notes: Mapped[dict] = mapped_column(sa.JSON, default=dict)
    checked_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    company: Mapped[Company] = relationship()
    site: Mapped[Site] = relationship()
    checked_by: Mapped[User | None] = relationship()

    def record(self, answers: dict[str, str], notes: dict[str, str]) -> None:
        """Take the answers: one of ``rules.CRITERION_ANSWERS`` for every
        criterion, else StateError("incomplete")."""
        if set(answers) != set(rules.CRITERIA) or any(
                value not in rules.CRITERION_ANSWERS for value in answers.values()):
            raise StateError("incomplete")
        self.answers = dict(answers)
        self.notes = {code: note for code, note in notes.items()
                      if note and code in rules.CRITERIA}

    @property
    def met(self) -> int:
        return sum(1 for value in self.answers.values() if value == "yes")


# --- tenancy ---------------------------------------------------------------------


def _company_or_its_supplier(model):
    def visible(user: User):
        if user.role is Role.brand:
            # The company's own rows, at the sites of suppliers it still works with.
            return sa.and_(model.company_id == user.company_id, model.site_id.in_(
                sa.select(Site.id).where(Site.supplier_id.in_(
                    supplier_ids_of_company(user.company_id)))))
        if user.role is Role.supplier:
            # Rows about its own sites, of the companies it works with.
            return sa.and_(
                model.site_id.in_(sa.select(Site.id).where(Site.supplier_id == user.supplier_id)),
                model.company_id.in_(sa.select(SupplierRelationship.company_id).where(
                    SupplierRelationship.supplier_id == user.supplier_id)))
        return sa.false()

    rule(model)(visible)


_company_or_its_supplier(GrievanceSummary)
_company_or_its_supplier(EffectivenessCheck)
