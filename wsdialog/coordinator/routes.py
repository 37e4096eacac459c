"""The coordinator's side: member companies, their admins, and every account.
Coordinators see companies and people, never a company's supplier data."""

from __future__ import annotations

import sqlalchemy as sa
from flask import flash, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user

from .. import invitations
from ..accounts import NOTICES, set_active
from ..extensions import db
from ..forms import ConfirmForm, InviteForm
from ..listing import listing
from ..models import Company, Invitation, Role, Supplier, User
from ..tenancy import get_or_404, scoped
from ..web import redirect_to, render, require_confirmation, role_required, safe_path
from . import bp, operations
from .forms import CompanyForm


@bp.route("/companies")
@role_required("is_coordinator")
def company_list():
    """Member companies with their number of active users: searched by name,
    sorted by a column, a page at a time."""
    active = (sa.select(sa.func.count(User.id)).where(
        User.company_id == Company.id, User.active.is_(True)).scalar_subquery())
    query = request.args.get("q", "").strip()
    stmt = scoped(Company).add_columns(active.label("accounts"))
    if query:
        stmt = stmt.where(Company.name.icontains(query, autoescape=True))
    companies = listing(stmt, {"name": sa.func.lower(Company.name), "accounts": active,
                               "since": Company.created_at}, "name", request.args, rows=True)
    return render("coordinator/company_list.html", companies=companies, query=query)


@bp.route("/companies/new", methods=["GET", "POST"])
@role_required("is_coordinator")
def company_new():
    """Add a member company and invite its first admin."""
    form = CompanyForm()
    if form.validate_on_submit():
        company = operations.add_company(form.company_name.data)
        return invitations.send_from_form(
            form, role=Role.brand, company=company, is_admin=True,
            back=url_for("coordinator.company_detail", company_id=company.id))
    return render("coordinator/company_form.html", form=form)


@bp.route("/companies/<int:company_id>")
@role_required("is_coordinator")
def company_detail(company_id):
    """A member company's people and open invitations."""
    company = get_or_404(Company, company_id)
    users = list(db.session.scalars(
        scoped(User).where(User.company_id == company.id).order_by(User.name)))
    pending = list(db.session.scalars(scoped(Invitation).where(
        Invitation.company_id == company.id, Invitation.accepted_at.is_(None),
        Invitation.revoked_at.is_(None)).order_by(Invitation.created_at.desc())))
    return render("coordinator/company_detail.html", company=company, users=users,
                  pending=pending, confirm_form=ConfirmForm(), now=invitations.utcnow())


@bp.route("/companies/<int:company_id>/invite", methods=["GET", "POST"])
@role_required("is_coordinator")
def company_invite(company_id):
    """Invite another admin for a member company."""
    company = get_or_404(Company, company_id)
    form = InviteForm(language=str(get_locale()))
    if form.validate_on_submit():
        return invitations.send_from_form(
            form, role=Role.brand, company=company, is_admin=True,
            back=url_for("coordinator.company_detail", company_id=company.id))
    return invitations.render_form(
        form, title=_("Invite an admin for %(company)s", company=company.name),
        cancel=url_for("coordinator.company_detail", company_id=company.id))


@bp.route("/users")
@role_required("is_coordinator")
def user_list():
    """Every account in the instance, searched by name or e-mail, filtered by
    role and status (GET form), sorted by a column, a page at a time."""
    stmt = scoped(User).outerjoin(User.company).outerjoin(User.supplier)
    query = request.args.get("q", "").strip()
    if query:
        stmt = stmt.where(User.name.icontains(query, autoescape=True)
                          | User.email.icontains(query, autoescape=True))
    role = request.args.get("role", "")
    if role in Role._value2member_map_:
        stmt = stmt.where(User.role == Role(role))
    status = request.args.get("status", "")
    if status == "active":
        stmt = stmt.where(User.active.is_(True))
    elif status == "inactive":
        stmt = stmt.where(User.active.is_(False))
    users = listing(stmt, {
        "name": sa.func.lower(User.name), "role": User.role,
        "organisation": sa.func.lower(sa.func.coalesce(Company.name, Supplier.name, "")),
        "login": User.last_login_at}, "name", request.args)
    return render("coordinator/user_list.html", "coordinator/_user_rows.html", users=users,
                  role=role, status=status, query=query, confirm_form=ConfirmForm())


@bp.route("/users/<int:user_id>/deactivate", methods=["POST"])
@role_required("is_coordinator")
def user_deactivate(user_id):
    """Deactivate any account but one's own (404 for one's own)."""
    user = get_or_404(User, user_id)
    require_confirmation()
    if user.id == current_user.id:
        return redirect_to(url_for("coordinator.user_list"))
    set_active(user, False)
    flash(_(NOTICES[False], name=user.name), "success")
    return redirect_to(safe_path(request.form.get("next"), url_for("coordinator.user_list")))


@bp.route("/users/<int:user_id>/reactivate", methods=["POST"])
@role_required("is_coordinator")
def user_reactivate(user_id):
    """Let a deactivated account log in again."""
    user = get_or_404(User, user_id)
    require_confirmation()
    set_active(user, True)
    flash(_(NOTICES[True], name=user.name), "success")
    return redirect_to(safe_path(request.form.get("next"), url_for("coordinator.user_list")))
