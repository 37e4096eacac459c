"""What needs attention on each role's home page. Every query is scoped."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

import sqlalchemy as sa
from flask_login import current_user
from sqlalchemy.orm import contains_eager

from ..clock import today
from ..dialogues import queries
from ..dialogues.models import ActionUpdate, Dialogue, DialogueStatus
from ..extensions import db
from ..models import Company, Invitation, Role, Site, Supplier, User, utcnow
from ..onboarding.models import Engagement, Milestone
from ..onboarding.pipeline import Stage
from ..results.dashboard import is_priority
from ..results.models import ResultsAccess
from ..results.queries import cycle_cells, has_results, latest_per_site, sharing_overdue
from ..results.settings import settings_for
from ..suppliers.queries import link_requests
from ..surveys.models import SurveyAlert, SurveyCycle
from ..surveys.queries import joint_invitations
from ..tenancy import openness_at, scoped


@dataclass
class CoordinatorHome:
    companies_without_admin: list[Company] = field(default_factory=list)
    expired_invitations: list[Invitation] = field(default_factory=list)
    company_count: int = 0
    user_count: int = 0


@dataclass
class BrandHome:
    suppliers_without_sites: list[Supplier] = field(default_factory=list)
    sites_missing_facts: list[Site] = field(default_factory=list)
    suppliers_without_login: list[Supplier] = field(default_factory=list)
    expired_invitations: list[Invitation] = field(default_factory=list)
    reasks_due: list = field(default_factory=list)
    overdue_milestones: list = field(default_factory=list)
    open_cycles: list = field(default_factory=list)
    to_release: list = field(default_factory=list)
    #: Invitations from another member to own a joint cycle, waiting for an answer.
    joint_invitations: list = field(default_factory=list)
    survey_alerts: list = field(default_factory=list)
    without_dialogue: list = field(default_factory=list)
    overdue_actions: list = field(default_factory=list)
    action_news: list = field(default_factory=list)
    #: (planned dialogue, how many points its supplier added), soonest first.
    supplier_points: list = field(default_factory=list)
    #: (site's latest cycle with results, its priorities), most priorities first.
    priorities: list = field(default_factory=list)
    #: Released results the supplier has not opened, or not marked as reviewed.
    unread_results: list = field(default_factory=list)
    #: Released results nobody recorded sharing with workers, past the reminder.
    not_shared_with_workers: list = field(default_factory=list)
    #: Suppliers whose own people log in: they add and keep their sites themselves.
    keep_own_sites: set[int] = field(default_factory=set)
    supplier_count: int = 0
    site_count: int = 0


@dataclass
class SupplierHome:
    results_to_review: list = field(default_factory=list)
    invitations: list = field(default_factory=list)
    dialogues: list = field(default_factory=list)
    #: How many points of its own the supplier added, per planned dialogue.
    own_points: dict[int, int] = field(default_factory=dict)
    overdue_actions: list = field(default_factory=list)
    #: Released results nobody recorded sharing with workers, past the reminder.
    share_with_workers: list = field(default_factory=list)
    sites_missing_facts: list[Site] = field(default_factory=list)
    sites: list[Site] = field(default_factory=list)
    companies: list[Company] = field(default_factory=list)
    #: Which of them chose to be visible to the other companies working with it.
    openness: dict[int, bool] = field(default_factory=dict)
    #: Companies asking to confirm that their record of a site is one of ours.
    link_requests: list = field(default_factory=list)


def _expired_invitations() -> list[Invitation]:
    return list(db.session.scalars(
        scoped(Invitation).where(
            Invitation.accepted_at.is_(None), Invitation.revoked_at.is_(None),
            Invitation.expires_at <= utcnow(),
        ).order_by(Invitation.expires_at.desc()).limit(20)
    ))


def coordinator_home() -> CoordinatorHome:
    active_admin = sa.select(User.id).where(
        User.company_id == Company.id, User.is_admin.is_(True), User.active.is_(True)
    ).exists()
    return CoordinatorHome(
        companies_without_admin=list(db.session.scalars(
            scoped(Company).where(~active_admin).order_by(Company.name))),
        expired_invitations=_expired_invitations(),
        company_count=db.session.scalar(
            sa.select(sa.func.count()).select_from(scoped(Company).subquery())),
        user_count=db.session.scalar(
            sa.select(sa.func.count()).select_from(
                scoped(User).where(User.active.is_(True)).subquery())),
    )


def brand_home() -> BrandHome:
    suppliers = list(db.session.scalars(scoped(Supplier).order_by(Supplier.name)))
    sites = list(db.session.scalars(scoped(Site).order_by(Site.name)))
    with_sites = {site.supplier_id for site in sites}
    has_login = set(db.session.scalars(
        scoped(User).with_only_columns(User.supplier_id).where(
            User.role == Role.supplier, User.active.is_(True))))
    invited = set(db.session.scalars(
        scoped(Invitation).with_only_columns(Invitation.supplier_id).where(
            Invitation.role == Role.supplier, Invitation.accepted_at.is_(None),
            Invitation.revoked_at.is_(None), Invitation.expires_at > utcnow())))
    # A supplier that declined is not nudged until its re-ask date.
    declined = set(db.session.scalars(scoped(Engagement).with_only_columns(
        Engagement.supplier_id).where(Engagement.stage == Stage.declined,
                                      Engagement.reask_on > today())))
    return BrandHome(
        suppliers_without_sites=[s for s in suppliers if s.id not in with_sites],
        sites_missing_facts=[s for s in sites if s.missing_facts],
        suppliers_without_login=[s for s in suppliers if s.id not in has_login
                                 and s.id not in invited and s.id not in declined],
        priorities=_priorities(),
        unread_results=_unread_results(has_login),
        not_shared_with_workers=sharing_overdue(today()),
        keep_own_sites=has_login,
        expired_invitations=_expired_invitations(),
        reasks_due=list(db.session.scalars(scoped(Engagement).where(
            Engagement.stage == Stage.declined, Engagement.reask_on <= today())
            .order_by(Engagement.reask_on))),
        overdue_milestones=list(db.session.scalars(scoped(Milestone).where(
            Milestone.done.is_(False), Milestone.due_on < today())
            .order_by(Milestone.due_on))),
        open_cycles=list(db.session.scalars(scoped(SurveyCycle).where(SurveyCycle.is_open)
                                            .order_by(SurveyCycle.ends_on))),
        to_release=list(db.session.scalars(scoped(SurveyCycle).where(
            SurveyCycle.has_ended, ~SurveyCycle.is_released, has_results())
            .order_by(SurveyCycle.ends_on))),
        joint_invitations=joint_invitations(current_user.company_id),
        survey_alerts=list(db.session.scalars(scoped(SurveyAlert).where(
            SurveyAlert.day >= today() - timedelta(days=14)).order_by(SurveyAlert.day.desc())
            .limit(20))),
        without_dialogue=queries.released_without_dialogue(current_user.company_id, today()),
        overdue_actions=queries.overdue_actions(today()),
        action_news=list(db.session.scalars(scoped(ActionUpdate).where(
            ActionUpdate.seen_by_brand.is_(False)).order_by(ActionUpdate.at.desc()).limit(20))),
        supplier_points=queries.planned_with_supplier_points(),
        supplier_count=len(suppliers),
        site_count=len(sites),
    )


def _priorities() -> list:
    """Each site's latest cycle with results and its priority indicators (the
    company's threshold, through the anonymity rule), most first. Released ones
    only: a closed cycle still to check is listed to release, and showing its
    figures here would make its respondents final before anyone looked."""
    cycles = [c for c in latest_per_site(current_user)
              if c.is_released]
    priority_pct, _k = settings_for(current_user.company_id)
    rows = []
    for item in cycle_cells(cycles):
        codes = [q for q in item.cycle.version.questions
                 if is_priority(item.cells[q.code], priority_pct)]
        if codes:
            rows.append((item.cycle, codes))
    return sorted(rows, key=lambda row: -len(row[1]))


def _unread_results(has_login: set[int]) -> list:
    """(cycle, access or None) for each site's latest released results that a
    supplier with a login has not opened or not marked as reviewed."""
    latest: dict[int, SurveyCycle] = {}
    # The supplier filter in SQL, with the sites loaded alongside (no query per cycle).
    for cycle in db.session.scalars(scoped(SurveyCycle).join(SurveyCycle.site).where(
            SurveyCycle.is_released, SurveyCycle.company_id == current_user.company_id,
            Site.supplier_id.in_(has_login))
            .options(contains_eager(SurveyCycle.site))
            .order_by(SurveyCycle.results_shared_on, SurveyCycle.id)):
        latest[cycle.site_id] = cycle
    cycles = sorted(latest.values(), key=lambda c: c.results_shared_on)
    access = {a.cycle_id: a for a in db.session.scalars(scoped(ResultsAccess).where(
        ResultsAccess.cycle_id.in_([c.id for c in cycles])))} if cycles else {}
    return [(c, access.get(c.id)) for c in cycles
            if c.id not in access or access[c.id].reviewed_at is None]


def supplier_home() -> SupplierHome:
    sites = list(db.session.scalars(scoped(Site).order_by(Site.name)))
    reviewed = scoped(ResultsAccess).with_only_columns(ResultsAccess.cycle_id).where(
        ResultsAccess.reviewed_at.is_not(None))
    dialogues = list(db.session.scalars(scoped(Dialogue).where(
        Dialogue.status == DialogueStatus.planned).order_by(Dialogue.starts_at)))
    return SupplierHome(
        results_to_review=list(db.session.scalars(scoped(SurveyCycle).where(
            SurveyCycle.has_ended, SurveyCycle.is_released,
            SurveyCycle.id.not_in(reviewed)).order_by(SurveyCycle.ends_on.desc()))),
        invitations=list(db.session.scalars(scoped(Engagement).where(
            Engagement.stage.in_((Stage.approached, Stage.in_discussion)))
            .order_by(Engagement.updated_at.desc()))),
        dialogues=dialogues, own_points=queries.supplier_points(d.id for d in dialogues),
        overdue_actions=queries.overdue_actions(today()),
        share_with_workers=sharing_overdue(today()),
        sites_missing_facts=[s for s in sites if s.missing_facts],
        sites=sites,
        companies=list(db.session.scalars(scoped(Company).order_by(Company.name))),
        openness=openness_at(current_user.supplier_id),
        link_requests=link_requests(open_only=True),
    )
