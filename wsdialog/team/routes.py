"""An organisation's own people: a member company's (for its admins) and a
supplier's (for its users, who invite their colleagues once one of them can log
in); and the open invitations, which their senders may resend or withdraw."""

from __future__ import annotations

from flask import abort, flash, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from wtforms import BooleanField

from .. import invitations
from ..accounts import NOTICES, set_active
from ..extensions import db
from ..forms import ConfirmForm, InviteForm
from ..models import Invitation, Role, User, utcnow
from ..tenancy import get_or_404, scoped
from ..web import redirect_to, render, require_confirmation, role_required, safe_path
from . import bp


class ColleagueInviteForm(InviteForm):
    is_admin = BooleanField(_l("May manage colleagues (admin)"))


@bp.route("/team")
@role_required("is_brand_admin")
def team():
    """The company's colleagues and open invitations."""
    users = list(db.session.scalars(scoped(User).where(
        User.company_id == current_user.company_id).order_by(User.name)))
    pending = list(db.session.scalars(scoped(Invitation).where(
        Invitation.role.in_((Role.brand, Role.reviewer)), Invitation.accepted_at.is_(None),
        Invitation.revoked_at.is_(None)).order_by(Invitation.created_at.desc())))
    return render("team/team.html", users=users, pending=pending,
                  confirm_form=ConfirmForm(), now=utcnow())


@bp.route("/people")
@role_required("is_supplier")
def people():
    """The supplier's own people and who is invited to join them."""
    users = list(db.session.scalars(scoped(User).where(
        User.supplier_id == current_user.supplier_id).order_by(User.name)))
    pending = list(db.session.scalars(scoped(Invitation).where(
        Invitation.accepted_at.is_(None), Invitation.revoked_at.is_(None))
        .order_by(Invitation.created_at.desc())))
    return render("team/people.html", users=users, pending=pending,
                  confirm_form=ConfirmForm(), now=utcnow())


@bp.route("/people/invite", methods=["GET", "POST"])
@role_required("is_supplier")
def people_invite():
    """Invite a colleague at the same supplier."""
    supplier = current_user.supplier
    form = InviteForm(language=str(get_locale()))
    if form.validate_on_submit():
        return invitations.send_from_form(
            form, role=Role.supplier, company=None, supplier=supplier,
            back=url_for("team.people"))
    return invitations.render_form(
        form, title=_("Invite a colleague"), cancel=url_for("team.people"),
        intro=_("They will see the sites of %(supplier)s and, later, their survey results, "
                "for every company you work with. Choose the language they read best.",
                supplier=supplier.name))


@bp.route("/team/invite", methods=["GET", "POST"])
@role_required("is_brand_admin")
def invite():
    """Invite a colleague of the same company."""
    form = ColleagueInviteForm(language=str(get_locale()))
    if form.validate_on_submit():
        return invitations.send_from_form(
            form, role=Role.brand, company=current_user.company,
            is_admin=form.is_admin.data, back=url_for("team.team"))
    return invitations.render_form(form, title=_("Invite a colleague"),
                                   cancel=url_for("team.team"))


def _colleague(user_id) -> User:
    """A colleague of the current user in the same company (for its admins; with
    the outside reviewers it invited) or at
    the same supplier (404 for anyone else, oneself included)."""
    user = get_or_404(User, user_id)
    if current_user.is_supplier:
        same = user.role is Role.supplier and user.supplier_id == current_user.supplier_id
    else:
        # The company's staff, and the outside reviewers it invited.
        same = user.role in (Role.brand, Role.reviewer) \
            and user.company_id == current_user.company_id
    if not same or user.id == current_user.id:
        abort(404)
    return user


def _people_page() -> str:
    return url_for("team.people" if current_user.is_supplier else "team.team")


@bp.route("/team/<int:user_id>/deactivate", methods=["POST"])
@role_required("is_brand_admin", "is_supplier")
def deactivate(user_id):
    """Deactivate a colleague; their sessions end at once."""
    user = _colleague(user_id)
    require_confirmation()
    set_active(user, False)
    flash(_(NOTICES[False], name=user.name), "success")
    return redirect_to(_people_page())


@bp.route("/team/<int:user_id>/reactivate", methods=["POST"])
@role_required("is_brand_admin", "is_supplier")
def reactivate(user_id):
    """Let a deactivated colleague log in again."""
    user = _colleague(user_id)
    require_confirmation()
    set_active(user, True)
    flash(_(NOTICES[True], name=user.name), "success")
    return redirect_to(_people_page())


def _manageable_invitation(invitation_id) -> Invitation:
    """An open invitation the user may resend or revoke: coordinators for company
    admins, brand admins for colleagues, any brand staff for supplier users (those
    the company sent), supplier users for their colleagues (whoever sent them)."""
    invitation = get_or_404(Invitation, invitation_id)
    if not invitation.is_open:
        abort(404)
    if current_user.is_brand and invitation.role is Role.brand \
            and not current_user.is_brand_admin:
        abort(404)
    return invitation


@bp.route("/invitations/<int:invitation_id>/revoke", methods=["POST"])
@role_required("is_coordinator", "is_brand", "is_supplier")
def revoke_invitation(invitation_id):
    """Make an invitation's link stop working."""
    invitation = _manageable_invitation(invitation_id)
    require_confirmation()
    invitations.revoke(invitation)
    flash(_("The invitation for %(email)s is withdrawn.", email=invitation.email), "success")
    return redirect_to(safe_path(request.form.get("next"), url_for("main.home")))


@bp.route("/invitations/<int:invitation_id>/resend", methods=["POST"])
@role_required("is_coordinator", "is_brand", "is_supplier")
def resend_invitation(invitation_id):
    """Send a fresh link (another 14 days); the old link stops working. A company
    may no longer once someone of the supplier can log in (the supplier's own
    people invite their colleagues then)."""
    old = _manageable_invitation(invitation_id)
    require_confirmation()
    back = safe_path(request.form.get("next"), url_for("main.home"))
    if current_user.is_brand and old.supplier is not None and old.supplier.has_active_login:
        flash(_("People of %(supplier)s already log in to wsdialog, so they invite their own "
                "colleagues. Ask them if someone else at %(supplier)s should log in.",
                supplier=old.supplier.name), "info")
        return redirect_to(back)
    invitation, delivery = invitations.renew(old, by=current_user)
    return render("invitation_sent.html", invitation=invitation, delivery=delivery,
                  back=back)
