"""Suppliers, the company's relationship with them, their sites, and the
supplier users a company invites. Brand staff manage; supplier users see and
update the facts of their own sites.

A supplier is shared by every company that works with it, so once someone of
the supplier itself can log in, the supplier speaks for itself: its own people
invite their colleagues (on the team blueprint's people page) and keep its
sites' facts. Until then, any company that works with it may do both. Every
change to a site's facts is kept and shown on the site's page.

Where two records of one factory exist (the same Open Supply Hub ID), a company
asks the supplier to confirm that they are the same factory; the people of the
other record confirm or decline (``linking``)."""

from __future__ import annotations

import sqlalchemy as sa
from flask import flash, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from .. import invitations
from ..extensions import db, limiter
from ..forms import ConfirmForm, InviteForm
from ..i18n import country_name
from ..listing import listing
from ..models import (
    ContactPerson,
    Invitation,
    Role,
    Site,
    SiteChange,
    SiteLinkRequest,
    StateError,
    Supplier,
    SupplierRelationship,
    User,
    utcnow,
)
from ..tenancy import fellow_members, get_or_404, scoped
from ..web import is_partial_request, redirect_to, render, require_confirmation, role_required
from . import bp, operations, queries
from .forms import ConnectForm, ContactForm, MembersForm, SiteForm, SupplierForm
from .history import facts_of


def _relationship_facts(form: SupplierForm) -> dict:
    """What the supplier form says of the company's relationship."""
    return {"years": form.years_of_relationship.data,
            "share_pct": form.purchase_share_pct.data, "notes": (form.notes.data or "").strip()}


# --- suppliers -----------------------------------------------------------------


@bp.route("/suppliers")
@role_required("is_brand")
def supplier_list():
    """The company's suppliers, filtered by name and country (GET form)."""
    query = request.args.get("q", "").strip()
    country = request.args.get("country", "").strip().upper()
    stmt = (scoped(Supplier).join(Supplier.relationships)
            .where(SupplierRelationship.company_id == current_user.company_id)
            .add_columns(SupplierRelationship))
    if query:
        stmt = stmt.where(Supplier.name.icontains(query, autoescape=True))
    if country:
        stmt = stmt.where(Supplier.country == country)
    rows = listing(stmt, {
        "name": sa.func.lower(Supplier.name), "country": Supplier.country,
        "years": SupplierRelationship.years_of_relationship,
        "share": SupplierRelationship.purchase_share_pct}, "name", request.args, rows=True)
    site_counts = dict(db.session.execute(
        scoped(Site).with_only_columns(Site.supplier_id, sa.func.count())
        .group_by(Site.supplier_id)).all())
    countries = sorted(
        {c for c in db.session.scalars(scoped(Supplier).with_only_columns(Supplier.country))},
        key=country_name)
    return render("suppliers/list.html", "suppliers/_list_results.html", rows=rows,
                  site_counts=site_counts, query=query, country=country, countries=countries)


@bp.route("/suppliers/new", methods=["GET", "POST"])
@role_required("is_brand")
def supplier_new():
    """Add a supplier and the company's relationship with it."""
    form = SupplierForm()
    if form.validate_on_submit():
        supplier = operations.add_supplier(
            current_user.company_id, form.name.data.strip(), form.country.data,
            **_relationship_facts(form))
        flash(_("Supplier %(name)s is added. Now add its sites.", name=supplier.name),
              "success")
        return redirect_to(url_for("suppliers.supplier_detail", supplier_id=supplier.id))
    return render("suppliers/form.html", form=form, supplier=None,
                  connect_form=ConnectForm(formdata=None))


@bp.route("/suppliers/connect", methods=["POST"])
@role_required("is_brand")
@limiter.limit("20 per hour")
def supplier_connect():
    """Connect to a supplier already on wsdialog with the code it gave you, so
    both companies work with one supplier record and its sites. Each company's
    relationship (years, share, contacts, notes) stays its own."""
    connect_form = ConnectForm()
    if connect_form.validate_on_submit():
        supplier = connect_form.supplier
        if queries.relationship_with(supplier) is not None:
            flash(_("You already work with %(name)s here.", name=supplier.name), "info")
            return redirect_to(url_for("suppliers.supplier_detail", supplier_id=supplier.id))
        else:
            operations.connect(current_user.company_id, supplier)
            flash(_("You are connected to %(name)s: add what your company knows about the "
                    "relationship.", name=supplier.name), "success")
            return redirect_to(url_for("suppliers.supplier_edit", supplier_id=supplier.id))
    return render("suppliers/form.html", form=SupplierForm(formdata=None), supplier=None,
                  connect_form=connect_form)


@bp.route("/suppliers/<int:supplier_id>")
@role_required("is_brand")
def supplier_detail(supplier_id):
    """A supplier with the company's relationship, contacts, sites and logins (404
    if the company has no relationship with it)."""
    return _detail_page(get_or_404(Supplier, supplier_id))


def _detail_page(supplier: Supplier, members_form: MembersForm | None = None,
                 http_status: int = 200):
    users = list(db.session.scalars(scoped(User).where(
        User.supplier_id == supplier.id).order_by(User.name)))
    pending = list(db.session.scalars(scoped(Invitation).where(
        Invitation.supplier_id == supplier.id, Invitation.accepted_at.is_(None),
        Invitation.revoked_at.is_(None)).order_by(Invitation.created_at.desc())))
    relationship = queries.relationship_with(supplier)
    # Other members here: named (with a contact) where both chose so, else counted.
    fellows, unnamed = fellow_members(current_user.company_id, supplier.id)
    members_form = members_form or MembersForm(formdata=None, data={
        "visible": relationship.visible_to_members, "contact": relationship.member_contact})
    return render("suppliers/detail.html", supplier=supplier,
                  relationship=relationship, users=users, pending=pending,
                  contact_form=ContactForm(), now=utcnow(), confirm_form=ConfirmForm(),
                  members_form=members_form, fellow_members=fellows, unnamed_members=unnamed,
                  http_status=http_status)


@bp.route("/suppliers/<int:supplier_id>/members", methods=["POST"])
@role_required("is_brand")
def member_visibility(supplier_id):
    """Opt in (or out) of being visible to the other members at this supplier."""
    supplier = get_or_404(Supplier, supplier_id)
    form = MembersForm()
    if not form.validate_on_submit():
        return _detail_page(supplier, form, http_status=422)
    operations.set_member_visibility(queries.relationship_with(supplier), form.visible.data,
                                     form.contact.data or "")
    flash(_("Saved."), "success")
    return redirect_to(url_for("suppliers.supplier_detail", supplier_id=supplier.id) + "#members")


@bp.route("/suppliers/<int:supplier_id>/edit", methods=["GET", "POST"])
@role_required("is_brand")
def supplier_edit(supplier_id):
    """Edit the relationship; the name and country too unless the supplier is
    shared with another company (then they are not ours alone to change)."""
    supplier = get_or_404(Supplier, supplier_id)
    relationship = queries.relationship_with(supplier)
    shared = queries.is_shared(supplier)
    form = SupplierForm(obj=relationship)
    if request.method == "GET":
        form.name.data, form.country.data = supplier.name, supplier.country
    if shared:
        form.name.data, form.country.data = supplier.name, supplier.country
        form.name.render_kw = form.country.render_kw = {"disabled": True}
    if form.validate_on_submit():
        operations.save_relationship(
            relationship, **_relationship_facts(form),
            name_and_country=None if shared else (form.name.data.strip(), form.country.data))
        flash(_("Saved."), "success")
        return redirect_to(url_for("suppliers.supplier_detail", supplier_id=supplier.id))
    return render("suppliers/form.html", form=form, supplier=supplier, shared=shared)


@bp.route("/suppliers/<int:supplier_id>/contacts", methods=["POST"])
@role_required("is_brand")
def contact_add(supplier_id):
    """Add a contact person to the company's relationship with the supplier."""
    supplier = get_or_404(Supplier, supplier_id)
    relationship = queries.relationship_with(supplier)
    form = ContactForm()
    if form.validate_on_submit():
        contact = ContactPerson(supplier_relationship=relationship)
        form.populate_obj(contact)
        operations.add_contact(contact)
        form = ContactForm(formdata=None)
        if not is_partial_request():
            flash(_("Contact person added."), "success")
            return redirect_to(url_for("suppliers.supplier_detail", supplier_id=supplier.id))
    return render("suppliers/contacts_page.html", "suppliers/_contacts.html",
                  supplier=supplier, relationship=relationship, contact_form=form,
                  confirm_form=ConfirmForm())


@bp.route("/contacts/<int:contact_id>/delete", methods=["POST"])
@role_required("is_brand")
def contact_delete(contact_id):
    """Remove a contact person (404 for another company's)."""
    contact = get_or_404(ContactPerson, contact_id)
    relationship = contact.supplier_relationship
    require_confirmation()
    operations.remove_contact(contact)
    if is_partial_request():
        return render("suppliers/contacts_page.html", "suppliers/_contacts.html",
                      supplier=relationship.supplier, relationship=relationship,
                      contact_form=ContactForm(formdata=None), confirm_form=ConfirmForm())
    flash(_("Contact person removed."), "success")
    return redirect_to(url_for("suppliers.supplier_detail",
                               supplier_id=relationship.supplier_id))


@bp.route("/suppliers/<int:supplier_id>/invite", methods=["GET", "POST"])
@role_required("is_brand")
def supplier_invite(supplier_id):
    """Invite the first person of the supplier to log in and see its sites. Once
    someone there can log in, the supplier's own people invite their colleagues:
    the page says so (a POST is refused with 403, and nothing is sent)."""
    supplier = get_or_404(Supplier, supplier_id)
    if supplier.has_active_login:
        return render("suppliers/invite_closed.html", supplier=supplier,
                      http_status=403 if request.method == "POST" else 200)
    form = InviteForm()
    if form.validate_on_submit():
        return invitations.send_from_form(
            form, role=Role.supplier, company=current_user.company, supplier=supplier,
            back=url_for("suppliers.supplier_detail", supplier_id=supplier.id))
    return invitations.render_form(
        form, title=_("Invite someone at %(supplier)s", supplier=supplier.name),
        intro=_("They will see the sites of %(supplier)s and, later, the same survey results "
                "as you. Choose the language they read best.", supplier=supplier.name),
        cancel=url_for("suppliers.supplier_detail", supplier_id=supplier.id))


# --- sites ---------------------------------------------------------------------


@bp.route("/sites")
@role_required("is_brand", "is_supplier")
def site_list():
    """The sites the user may reach, with what is still unknown about them."""
    sites = listing(scoped(Site).join(Site.supplier), {
        "name": sa.func.lower(Site.name), "supplier": sa.func.lower(Supplier.name),
        "country": Site.country, "workers": Site.headcount}, "name", request.args)
    return render("suppliers/site_list.html", sites=sites)


@bp.route("/suppliers/<int:supplier_id>/sites/new", methods=["GET", "POST"])
@role_required("is_brand", "is_supplier")
def site_new(supplier_id):
    """Add a production site to a supplier. Its own people add their sites; a
    company may only while nobody of the supplier can log in (otherwise the page
    says who keeps them; a POST is refused with 403 and stores nothing)."""
    supplier = get_or_404(Supplier, supplier_id)
    if not queries.may_keep_sites(supplier, current_user):
        return render("suppliers/site_locked.html", supplier=supplier, site=None,
                      http_status=403 if request.method == "POST" else 200)
    form = SiteForm()
    if request.method == "GET":
        form.country.data = supplier.country
        form.set_timezone_choices(supplier.country)
    if form.validate_on_submit():
        site = Site(supplier=supplier)
        form.populate_site(site)
        operations.add_site(site)
        flash(_("Site %(name)s is added.", name=site.name), "success")
        return redirect_to(url_for("suppliers.site_detail", site_id=site.id))
    return render("suppliers/site_form.html", form=form, supplier=supplier, site=None)


@bp.route("/sites/<int:site_id>")
@role_required("is_brand", "is_supplier")
def site_detail(site_id):
    """One site: location, workforce and worker representation."""
    site = get_or_404(Site, site_id)
    assessments = []
    if current_user.is_brand:
        from ..chooser.models import Assessment

        assessments = list(db.session.scalars(scoped(Assessment).where(
            Assessment.site_id == site.id).order_by(Assessment.updated_at.desc(),
                                                    Assessment.id.desc())))
    from ..clock import today
    from ..surveys.models import SurveyCycle

    cycles = list(db.session.scalars(scoped(SurveyCycle).where(
        SurveyCycle.site_id == site.id).order_by(SurveyCycle.starts_on.desc())))
    changes = list(db.session.scalars(scoped(SiteChange).where(
        SiteChange.site_id == site.id).order_by(SiteChange.changed_at.desc(), SiteChange.id)))
    link_status, link = queries.link_status(site) if current_user.is_brand else (None, None)
    return render("suppliers/site_detail.html", site=site, assessments=assessments,
                  cycles=cycles, today=today(), changes=changes,
                  may_edit=queries.may_keep_sites(site.supplier, current_user),
                  os_id_elsewhere=queries.os_id_elsewhere(site), link_status=link_status,
                  link=link, confirm_form=ConfirmForm())


@bp.route("/sites/<int:site_id>/edit", methods=["GET", "POST"])
@role_required("is_brand", "is_supplier")
def site_edit(site_id):
    """Update a site's facts, keeping each change in the site's history. Supplier
    users keep their own sites current; a company may only while nobody of the
    supplier can log in (otherwise the page says who keeps them; a POST is
    refused with 403 and changes nothing)."""
    site = get_or_404(Site, site_id)
    if not queries.may_keep_sites(site.supplier, current_user):
        return render("suppliers/site_locked.html", supplier=site.supplier, site=site,
                      http_status=403 if request.method == "POST" else 200)
    form = SiteForm(obj=site)
    if form.validate_on_submit():
        before = facts_of(site)
        form.populate_site(site)
        operations.save_site_facts(site, before, current_user)
        flash(_("Saved."), "success")
        return redirect_to(url_for("suppliers.site_detail", site_id=site.id))
    return render("suppliers/site_form.html", form=form, supplier=site.supplier, site=site)


@bp.route("/sites/timezones")
@role_required("is_brand", "is_supplier")
def timezone_options():
    """The time-zone select for a country, swapped in by htmx when the country
    changes (without JavaScript the form lists every zone)."""
    form = SiteForm(formdata=None)
    country = request.args.get("country", "")
    form.set_timezone_choices(country)
    return render("suppliers/_timezone_field.html", form=form)


# --- linking two records of one factory ------------------------------------------


@bp.route("/sites/<int:site_id>/link", methods=["POST"])
@role_required("is_brand")
def site_link_ask(site_id):
    """Ask the supplier to confirm that this site and the site of another supplier
    record with the same OS ID are one factory (404 for a site the company does
    not reach). Nothing of the other record is shown; a request already open, or
    no such site, is refused with a message and changes nothing."""
    site = get_or_404(Site, site_id)
    require_confirmation()
    try:
        operations.ask_link(site, current_user)
    except StateError as refused:
        flash(_("You have already asked the supplier about this site.") if refused.args[0] == "open"
              else _("No other record has a site with this Open Supply Hub ID to ask about."),
              "error")
    else:
        flash(_("Asked. Until the supplier confirms, nothing changes."), "success")
    return redirect_to(url_for("suppliers.site_detail", site_id=site.id) + "#link")


@bp.route("/site-links")
@role_required("is_brand", "is_supplier")
def link_requests():
    """Requests to confirm that two records of a site are one factory: for brand
    staff, their company's; for supplier users, those about their own sites, to
    confirm or decline."""
    return render("suppliers/links.html", links=queries.link_requests(),
                  confirm_form=ConfirmForm())


def _answer(link_id: int, answer) -> SiteLinkRequest | None:
    """Give a request the supplier's (or, withdrawing, the company's) answer; the
    request, or None with a message when it is no longer open."""
    link = get_or_404(SiteLinkRequest, link_id)
    require_confirmation()
    try:
        answer(link, current_user)
    except StateError:
        flash(_("This request is no longer open."), "error")
        return None
    return link


@bp.route("/site-links/<int:link_id>/confirm", methods=["POST"])
@role_required("is_supplier")
def link_confirm(link_id):
    """The supplier confirms that the two records are one factory: the asking
    company then works on its record (404 for a request about another
    supplier's site)."""
    link = _answer(link_id, operations.confirm_link)
    if link is not None:
        flash(_("Confirmed. %(company)s now works with %(site)s on your record.",
                company=link.company.name, site=link.target_site.name), "success")
    return redirect_to(url_for("suppliers.link_requests"))


@bp.route("/site-links/<int:link_id>/decline", methods=["POST"])
@role_required("is_supplier")
def link_decline(link_id):
    """The supplier says they are not the same factory; the asking company hears
    only that (404 for a request about another supplier's site)."""
    if _answer(link_id, operations.decline_link) is not None:
        flash(_("Declined. The company is told, with nothing more."), "success")
    return redirect_to(url_for("suppliers.link_requests"))


@bp.route("/site-links/<int:link_id>/withdraw", methods=["POST"])
@role_required("is_brand")
def link_withdraw(link_id):
    """The asking company takes its open request back (404 for another
    company's request)."""
    link = _answer(link_id, operations.withdraw_link)
    if link is None:
        return redirect_to(url_for("suppliers.link_requests"))
    flash(_("Your request is withdrawn."), "success")
    return redirect_to(url_for("suppliers.site_detail", site_id=link.site_id) + "#link")
