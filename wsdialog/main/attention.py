"""What needs attention on each role's home page. Every query is scoped."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

import sqlalchemy as sa
from flask_login import current_user
from sqlalchemy.orm import joinedload

from ..clock import today
from ..dialogues import queries
from ..dialogues.models import ActionUpdate, Dialogue, DialogueStatus
from ..extensions import db
from ..listing import Few, Glance, count
from ..models import Company, Invitation, Role, Site, Supplier, User, utcnow
from ..onboarding import queries as onboarding_queries
from ..onboarding.models import Engagement, Milestone
from ..onboarding.pipeline import Stage
from ..results import overview
from ..results.models import ResultsAccess
from ..results.queries import has_results, sharing_overdue
from ..suppliers.queries import link_requests
from ..surveys.models import SurveyAlert, SurveyCycle
from ..surveys.queries import joint_invitations, newest_per_site
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
    #: (site's latest cycle with results, its priorities), most priorities first:
    #: the first few of ``priority_sites``.
    priorities: list = field(default_factory=list)
    priority_sites: int = 0
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
        company_count=count(scoped(Company)),
        user_count=count(scoped(User).where(User.active.is_(True))),
    )


def brand_home(glance: Glance) -> BrandHome:
    """What needs the brand's attention: each list's first few rows (or a page of
    the one shown whole) and how many it holds, counted in SQL. A company with
    1,500 sites costs about what one with 50 does."""
    has_login = scoped(User).with_only_columns(User.supplier_id).where(
        User.role == Role.supplier, User.active.is_(True), User.supplier_id.is_not(None))
    invited = scoped(Invitation).with_only_columns(Invitation.supplier_id).where(
        Invitation.role == Role.supplier, Invitation.accepted_at.is_(None),
        Invitation.revoked_at.is_(None), Invitation.expires_at > utcnow(),
        Invitation.supplier_id.is_not(None))
    # A supplier that declined is not nudged until its re-ask date.
    declined = scoped(Engagement).with_only_columns(Engagement.supplier_id).where(
        Engagement.stage == Stage.declined, Engagement.reask_on > today())
    with_sites = scoped(Site).with_only_columns(Site.supplier_id)
    without_sites = glance.few(scoped(Supplier).where(Supplier.id.not_in(with_sites))
                               .order_by(Supplier.name, Supplier.id), "without-sites")
    priorities, priority_sites = _priorities()
    return BrandHome(
        suppliers_without_sites=without_sites,
        sites_missing_facts=glance.few(scoped(Site).where(Site.lacks_facts())
                                       .options(joinedload(Site.supplier))
                                       .order_by(Site.name, Site.id), "missing-facts"),
        suppliers_without_login=glance.few(scoped(Supplier).where(
            Supplier.id.not_in(has_login), Supplier.id.not_in(invited),
            Supplier.id.not_in(declined)).order_by(Supplier.name, Supplier.id), "without-login"),
        priorities=priorities,
        priority_sites=priority_sites,
        unread_results=_unread_results(has_login, glance),
        not_shared_with_workers=glance.few(sharing_overdue(today()).options(
            joinedload(SurveyCycle.site).joinedload(Site.supplier)), "not-shared"),
        keep_own_sites=set(db.session.scalars(has_login.where(
            User.supplier_id.in_([s.id for s in without_sites])))),
        expired_invitations=_expired_invitations(),
        reasks_due=glance.few(onboarding_queries.reasks_due(today()), "reasks-due"),
        overdue_milestones=glance.few(scoped(Milestone).where(
            Milestone.done.is_(False), Milestone.due_on < today())
            .order_by(Milestone.due_on, Milestone.id), "overdue-milestones"),
        open_cycles=glance.few(scoped(SurveyCycle).where(SurveyCycle.is_open)
                               .order_by(SurveyCycle.ends_on, SurveyCycle.id), "open-surveys"),
        to_release=glance.few(scoped(SurveyCycle).where(
            SurveyCycle.has_ended, ~SurveyCycle.is_released, has_results())
            .order_by(SurveyCycle.ends_on, SurveyCycle.id), "to-release"),
        joint_invitations=joint_invitations(current_user.company_id),
        survey_alerts=list(db.session.scalars(scoped(SurveyAlert).where(
            SurveyAlert.day >= today() - timedelta(days=14)).order_by(SurveyAlert.day.desc())
            .limit(20))),
        without_dialogue=glance.few(queries.released_without_dialogue(
            current_user.company_id, today()), "without-dialogue"),
        overdue_actions=glance.few(queries.overdue_actions(today()), "overdue-actions"),
        action_news=list(db.session.scalars(scoped(ActionUpdate).where(
            ActionUpdate.seen_by_brand.is_(False)).order_by(ActionUpdate.at.desc()).limit(20))),
        supplier_points=queries.planned_with_supplier_points(),
        supplier_count=count(scoped(Supplier)),
        site_count=count(scoped(Site)),
    )


#: Sites listed under "Priorities per site"; the all-sites table lists them all.
TOP_PRIORITIES = 10


def _priorities() -> tuple[list, int]:
    """The sites whose latest released results have the most priority indicators
    (the threshold of each cycle's page, through the anonymity rule), each with
    those questions, and how many sites have one. Released ones only: a closed
    cycle still to check is listed to release, and showing its figures here
    would make its respondents final before anyone looked."""
    found = overview.priority_codes(
        [row for row in overview.latest_rows(current_user) if row.released], record=None)
    ranked = sorted(((cycle_id, codes) for cycle_id, codes in found.items() if codes),
                    key=lambda row: (-len(row[1]), row[0]))
    top = dict(ranked[:TOP_PRIORITIES])
    cycles = {c.id: c for c in overview.cycles_of(list(top))}
    return [(cycles[cycle_id], [q for q in cycles[cycle_id].version.questions
                                if q.code in codes])
            for cycle_id, codes in top.items()], len(ranked)


def _unread_results(has_login: sa.Select, glance: Glance) -> Few:
    """Each site's latest released results that a supplier with a login has not
    opened or not marked as reviewed, as (cycle, access or None), oldest first."""
    latest = newest_per_site(scoped(SurveyCycle).join(SurveyCycle.site).where(
        SurveyCycle.is_released, SurveyCycle.company_id == current_user.company_id,
        Site.supplier_id.in_(has_login)), newest=SurveyCycle.results_shared_on)
    reviewed = scoped(ResultsAccess).with_only_columns(ResultsAccess.cycle_id).where(
        ResultsAccess.reviewed_at.is_not(None))
    cycles = glance.few(scoped(SurveyCycle).where(
        SurveyCycle.id.in_(latest), SurveyCycle.id.not_in(reviewed))
        .options(joinedload(SurveyCycle.site).joinedload(Site.supplier))
        .order_by(SurveyCycle.results_shared_on, SurveyCycle.id), "unread-results")
    access = {a.cycle_id: a for a in db.session.scalars(scoped(ResultsAccess).where(
        ResultsAccess.cycle_id.in_([c.id for c in cycles])))}
    return cycles.holding([(c, access.get(c.id)) for c in cycles])


def supplier_home(glance: Glance) -> SupplierHome:
    """What needs the supplier's attention: each list's first few rows (or a page
    of the one shown whole) and how many it holds."""
    reviewed = scoped(ResultsAccess).with_only_columns(ResultsAccess.cycle_id).where(
        ResultsAccess.reviewed_at.is_not(None))
    dialogues = list(db.session.scalars(scoped(Dialogue).where(
        Dialogue.status == DialogueStatus.planned).order_by(Dialogue.starts_at)))
    return SupplierHome(
        results_to_review=glance.few(scoped(SurveyCycle).where(
            SurveyCycle.has_ended, SurveyCycle.is_released,
            SurveyCycle.id.not_in(reviewed)).order_by(SurveyCycle.ends_on.desc(), SurveyCycle.id),
            "to-review"),
        invitations=list(db.session.scalars(scoped(Engagement).where(
            Engagement.stage.in_((Stage.approached, Stage.in_discussion)))
            .order_by(Engagement.updated_at.desc()))),
        dialogues=dialogues, own_points=queries.supplier_points(d.id for d in dialogues),
        overdue_actions=glance.few(queries.overdue_actions(today()), "overdue-actions"),
        share_with_workers=glance.few(sharing_overdue(today()), "share-with-workers"),
        sites_missing_facts=glance.few(scoped(Site).where(Site.lacks_facts())
                                       .order_by(Site.name, Site.id), "missing-facts"),
        sites=glance.few(scoped(Site).order_by(Site.name, Site.id), "sites"),
        companies=list(db.session.scalars(scoped(Company).order_by(Company.name))),
        openness=openness_at(current_user.supplier_id),
        link_requests=link_requests(open_only=True),
    )
