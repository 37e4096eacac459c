"""Writes about suppliers, the company's relationship with them, contacts and
sites, and the linking of two records of one factory: each commits."""

from __future__ import annotations

import sqlalchemy as sa

from .. import audit
from ..extensions import db
from ..models import (
    LINKED,
    ContactPerson,
    Invitation,
    LinkState,
    Site,
    SiteChange,
    SiteLinkRequest,
    StateError,
    Supplier,
    SupplierRelationship,
    User,
    utcnow,
)
from . import linking, queries
from .history import record_changes


def _fill(relationship: SupplierRelationship, years: int | None, share_pct: int | None,
          notes: str) -> None:
    relationship.years_of_relationship = years
    relationship.purchase_share_pct = share_pct
    relationship.notes = notes


def add_supplier(company_id: int, name: str, country: str, *, years: int | None,
                 share_pct: int | None, notes: str) -> Supplier:
    """A new supplier and the company's relationship with it."""
    supplier = Supplier(name=name, country=country)
    relationship = SupplierRelationship(company_id=company_id, supplier=supplier)
    _fill(relationship, years, share_pct, notes)
    db.session.add_all([supplier, relationship])
    db.session.commit()
    return supplier


def connect(company_id: int, supplier: Supplier) -> SupplierRelationship:
    """The company starts working with a supplier already on wsdialog."""
    relationship = SupplierRelationship(company_id=company_id, supplier=supplier)
    db.session.add(relationship)
    db.session.commit()
    return relationship


def save_relationship(relationship: SupplierRelationship, *, years: int | None,
                      share_pct: int | None, notes: str,
                      name_and_country: tuple[str, str] | None = None) -> None:
    """The company's facts of its relationship, and the supplier's name and country
    when given (only while no other company works with the supplier)."""
    _fill(relationship, years, share_pct, notes)
    if name_and_country is not None:
        relationship.supplier.name, relationship.supplier.country = name_and_country
    db.session.commit()


def set_member_visibility(relationship: SupplierRelationship, visible: bool,
                          contact: str) -> None:
    """Whether the other members at this supplier may see the company (where they
    chose so too), naming whom they may contact; in the audit trail when it
    changed (saving the same choice again changes nothing)."""
    if (visible, contact.strip() if visible else "") == (
            relationship.visible_to_members, relationship.member_contact):
        return
    if visible:
        relationship.open_to_members(contact)
    else:
        relationship.close_to_members()
    audit.record("member_visibility", company_id=relationship.company_id,
                 target=f"supplier {relationship.supplier_id}", note="on" if visible else "off")
    db.session.commit()


def add_contact(contact: ContactPerson) -> None:
    db.session.add(contact)
    db.session.commit()


def remove_contact(contact: ContactPerson) -> None:
    db.session.delete(contact)
    db.session.commit()


def add_site(site: Site) -> None:
    db.session.add(site)
    db.session.commit()


def save_site_facts(site: Site, before: dict[str, str | None], by: User) -> None:
    """The site's changed facts, each kept in its history (``history.py``)."""
    record_changes(site, before, by)
    db.session.commit()


# --- linking two records of one factory ----------------------------------------------


def ask_link(site: Site, by: User) -> SiteLinkRequest:
    """``by``'s company asks the supplier to confirm that its ``site`` and the site
    of another record with the same OS ID are one factory. Refused while the
    company has a request from this site open (``StateError("open")``), or where
    no such site is left to ask about (``StateError("no_twin")``)."""
    if db.session.scalar(sa.select(sa.exists().where(
            SiteLinkRequest.site_id == site.id, SiteLinkRequest.company_id == by.company_id,
            SiteLinkRequest.state == LinkState.open))):
        raise StateError("open")
    twin = queries.os_id_twin(site)
    if twin is None:
        raise StateError("no_twin")
    request = SiteLinkRequest(company_id=by.company_id, site=site, target_site=twin,
                              asked_by=by, asked_at=utcnow())
    db.session.add(request)
    db.session.flush()
    audit.record("site_link_asked", company_id=by.company_id, target=f"site {site.id}",
                 note=f"request {request.id}", user=by)
    db.session.commit()
    return request


def withdraw_link(request: SiteLinkRequest, by: User) -> None:
    """The asking company takes its open request back (``StateError`` otherwise)."""
    request.withdraw(by, utcnow())
    audit.record("site_link_withdrawn", company_id=request.company_id,
                 target=f"request {request.id}", user=by)
    db.session.commit()


def decline_link(request: SiteLinkRequest, by: User) -> None:
    """The supplier says these are not the same factory; the asking company is
    told that it declined, nothing more."""
    request.decline(by, utcnow())
    audit.record("site_link_declined", company_id=request.company_id,
                 target=f"request {request.id}", user=by)
    db.session.commit()


def confirm_link(request: SiteLinkRequest, by: User) -> None:
    """The supplier confirms: one factory. In one transaction, the asking company
    works on the confirmed site's record (its relationship moved or merged,
    ``linking``), everything it holds about its own site is re-pointed to the
    confirmed site, the confirmed site's history notes the link, and its own
    site and record are removed once nobody uses them any more. ``StateError``
    (nothing changes) for a request that is not open."""
    now = utcnow()
    own_site, target = request.site, request.target_site
    request.confirm(by, now)
    own_record, target_record = own_site.supplier, target.supplier
    company_id = request.company_id
    _move_site_data(company_id, own_site, target, own_record.id, target_record.id)
    leaves = linking.leaves_record(sum(1 for s in own_record.sites if s.id != own_site.id))
    _join_relationship(company_id, own_record, target_record, moves=leaves)
    if leaves:
        _move_supplier_data(company_id, own_record.id, target_record.id)
    db.session.add(SiteChange(site=target, field=LINKED, changed_by=by, changed_at=now))
    audit.record("site_link_confirmed", company_id=company_id, target=f"request {request.id}",
                 note=f"site {own_site.id} → site {target.id}", user=by)
    db.session.flush()
    _remove_if_unused(own_site, own_record, company_id)
    db.session.commit()


def _move_site_data(company_id: int, own_site: Site, target: Site, own_record_id: int,
                    target_record_id: int) -> None:
    """Re-point what the company holds about its own site to the confirmed one:
    its survey cycles (with their imports, responses, dialogues, agreements…,
    which hang on the cycle), the supplier's receipts and files on them,
    assessments, milestones, priority criteria, grievance figures and checks."""
    # Imported here, not at the top: chooser imports this module while its package
    # loads (its pages keep site facts), so a top-level import would go round.
    from ..chooser.models import Assessment
    from ..dialogues.models import Action, ActionUpdate, Dialogue, EvidenceFile
    from ..onboarding.models import Milestone
    from ..results.models import ResultsAccess
    from ..surveys.models import SurveyCycle

    cycle_ids = list(db.session.scalars(sa.select(SurveyCycle.id).where(
        SurveyCycle.company_id == company_id, SurveyCycle.site_id == own_site.id)))
    db.session.execute(sa.update(SurveyCycle).where(SurveyCycle.id.in_(cycle_ids))
                       .values(site_id=target.id))
    # When the supplier opened the results, and the files its people attached to
    # agreements: the same supplier, now on the confirmed record.
    db.session.execute(sa.update(ResultsAccess).where(
        ResultsAccess.cycle_id.in_(cycle_ids), ResultsAccess.supplier_id == own_record_id)
        .values(supplier_id=target_record_id))
    updates = (sa.select(ActionUpdate.id).join(Action, Action.id == ActionUpdate.action_id)
               .join(Dialogue, Dialogue.id == Action.dialogue_id)
               .where(Dialogue.cycle_id.in_(cycle_ids)))
    db.session.execute(sa.update(EvidenceFile).where(
        EvidenceFile.update_id.in_(updates), EvidenceFile.supplier_id == own_record_id)
        .values(supplier_id=target_record_id), execution_options={"synchronize_session": False})
    from ..grievances.models import EffectivenessCheck

    for model in (Assessment, Milestone, EffectivenessCheck):
        db.session.execute(sa.update(model).where(
            model.company_id == company_id, model.site_id == own_site.id)
            .values(site_id=target.id))
    _move_priority(company_id, own_site, target)
    _move_grievances(company_id, own_site, target)


def _move_grievances(company_id: int, own_site: Site, target: Site) -> None:
    """The company's grievance figures of its own site, onto the confirmed site;
    where it has figures there for the same channel and a period that meets the
    moved one's, those stay and the moved ones go (the same factory entered twice:
    counted twice otherwise)."""
    from ..grievances.models import GrievanceSummary
    from ..grievances.rules import overlapping

    kept = db.session.scalars(sa.select(GrievanceSummary).filter_by(
        company_id=company_id, site_id=target.id)).all()
    for summary in db.session.scalars(sa.select(GrievanceSummary).filter_by(
            company_id=company_id, site_id=own_site.id)).all():
        there = [k.period for k in kept if k.channel is summary.channel]
        if overlapping(summary.period, there) is not None or any(
                p.same(summary.period) for p in there):
            db.session.delete(summary)
        else:
            summary.site_id = target.id


def _move_priority(company_id: int, own_site: Site, target: Site) -> None:
    """The company's priority criteria of its own site, onto the confirmed site;
    where it rated that one too, merged (``linking.merged_ratings``)."""
    from ..onboarding.models import SitePriority

    own = db.session.scalar(sa.select(SitePriority).filter_by(company_id=company_id,
                                                                site_id=own_site.id))
    if own is not None:
        kept = db.session.scalar(sa.select(SitePriority).filter_by(company_id=company_id,
                                                                     site_id=target.id))
        if kept is None:
            own.site_id = target.id
        else:
            ratings = linking.merged_ratings(_ratings(kept), _ratings(own))
            for name, value in ratings.items():
                setattr(kept, name, value)
            db.session.delete(own)


_RATINGS = ("country_risk", "labour_relations_risk", "severity", "irreversibility", "trust",
            "order_stability", "over_asked", "shortlisted")


def _ratings(priority) -> dict:
    return {name: getattr(priority, name) for name in _RATINGS}


def _facts(relationship: SupplierRelationship) -> linking.RelationshipFacts:
    return linking.RelationshipFacts(
        years=relationship.years_of_relationship, share_pct=relationship.purchase_share_pct,
        notes=relationship.notes or "", visible=relationship.visible_to_members,
        contact=relationship.member_contact or "")


def _join_relationship(company_id: int, own_record: Supplier, target_record: Supplier, *,
                       moves: bool) -> None:
    """The company's relationship with the confirmed record: made where it had
    none, with the facts of its own (``linking.merged_facts``). When the company
    leaves its own record (``moves``), its contact people move too and its
    relationship there ends; otherwise that one stays as it is."""
    own = db.session.scalar(sa.select(SupplierRelationship).filter_by(
        company_id=company_id, supplier_id=own_record.id))
    kept = db.session.scalar(sa.select(SupplierRelationship).filter_by(
        company_id=company_id, supplier_id=target_record.id))
    facts = linking.merged_facts(None if kept is None else _facts(kept), _facts(own))
    if kept is None:
        kept = SupplierRelationship(company_id=company_id, supplier=target_record)
        db.session.add(kept)
    kept.years_of_relationship, kept.purchase_share_pct = facts.years, facts.share_pct
    kept.notes, kept.visible_to_members, kept.member_contact = (
        facts.notes, facts.visible, facts.contact)
    if moves:
        for contact in list(own.contacts):
            contact.supplier_relationship = kept
        db.session.delete(own)


def _move_supplier_data(company_id: int, own_record_id: int, target_record_id: int) -> None:
    """What the company holds about its own record as a whole, once it leaves it:
    its onboarding (the engagement with the latest news stays, with the other's
    moves and messages), the other engagements naming it as ambassador, the
    drafts it opened to the supplier and the supplier's comments on them, and its
    invitations of the supplier's people (open ones revoked: the supplier, who
    confirmed, invites its own colleagues)."""
    from ..onboarding.models import Engagement
    from ..questionnaires.models import (
        DraftShare,
        QuestionComment,
        Questionnaire,
        QuestionnaireVersion,
    )

    own = db.session.scalar(sa.select(Engagement).filter_by(company_id=company_id,
                                                             supplier_id=own_record_id))
    kept = db.session.scalar(sa.select(Engagement).filter_by(company_id=company_id,
                                                              supplier_id=target_record_id))
    if own is not None and kept is None:
        own.supplier_id = target_record_id
    elif own is not None:
        newer, older = (own, kept) if own.updated_at > kept.updated_at else (kept, own)
        for change in list(older.changes):
            change.engagement = newer
        for message in list(older.messages):
            message.engagement = newer
        newer.strategies = list(dict.fromkeys([*newer.strategies, *older.strategies]))
        db.session.delete(older)
        db.session.flush()  # the unique (company, supplier) is free only now
        newer.supplier_id = target_record_id
    db.session.execute(sa.update(Engagement).where(
        Engagement.company_id == company_id, Engagement.ambassador_id == own_record_id)
        .values(ambassador_id=target_record_id))
    versions = (sa.select(QuestionnaireVersion.id)
                .join(Questionnaire, Questionnaire.id == QuestionnaireVersion.questionnaire_id)
                .where(Questionnaire.company_id == company_id))
    shared = set(db.session.scalars(sa.select(DraftShare.version_id).where(
        DraftShare.supplier_id == target_record_id)))
    for share in db.session.scalars(sa.select(DraftShare).where(
            DraftShare.supplier_id == own_record_id, DraftShare.version_id.in_(versions))):
        if share.version_id in shared:
            db.session.delete(share)
        else:
            share.supplier_id = target_record_id
    db.session.execute(sa.update(QuestionComment).where(
        QuestionComment.supplier_id == own_record_id, QuestionComment.version_id.in_(versions))
        .values(supplier_id=target_record_id), execution_options={"synchronize_session": False})
    now = utcnow()
    for invitation in db.session.scalars(sa.select(Invitation).filter_by(
            company_id=company_id, supplier_id=own_record_id)):
        invitation.supplier_id = target_record_id
        if invitation.is_open:
            invitation.revoke(now)


def _remove_if_unused(site: Site, record: Supplier, company_id: int) -> None:
    """The asking company's own site, and then its record, where no other company
    works with the record and nothing else points at them (the site's own history
    goes with it; requests from it keep no site)."""
    if db.session.scalar(sa.select(sa.exists().where(
            SupplierRelationship.supplier_id == record.id,
            SupplierRelationship.company_id != company_id))):
        return
    if queries.is_referenced(Site.__table__, site.id):
        return
    db.session.delete(site)
    db.session.flush()
    if not queries.is_referenced(Supplier.__table__, record.id):
        db.session.delete(record)
