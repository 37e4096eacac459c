"""The home page of each role, and the language switcher."""

from flask import abort, redirect, request, session, url_for
from flask_login import current_user, login_required

from .. import audit
from ..audit import AuditEntry
from ..auth import operations as auth_operations
from ..extensions import db
from ..i18n import languages
from ..listing import Glance, listing
from ..tenancy import scoped
from ..web import render, role_required, safe_path
from . import attention, bp

#: Rows of each list on a home page before "Show all".
HOME_LIST_ROWS = 8


@bp.route("/")
@login_required
def home():
    """What needs attention, for the logged-in user's role. Long lists show their
    first rows and a link to see one whole (``?all=missing-facts``), a page at a
    time: with 1,500 sites the page stays readable and light on a slow link."""
    glance = Glance.from_args(request.args, HOME_LIST_ROWS)
    if current_user.is_coordinator:
        return render("main/home_coordinator.html", home=attention.coordinator_home())
    if current_user.is_brand:
        return render("main/home_brand.html", home=attention.brand_home(glance))
    if current_user.is_reviewer:  # they see the texts to review, nothing else
        return redirect(url_for("questionnaires.reviews"))
    if current_user.is_provider:  # the cycles assigned to them
        return redirect(url_for("surveys.cycle_list"))
    return render("main/home_supplier.html", home=attention.supplier_home(glance))


@bp.route("/language", methods=["POST"])
def set_language():
    """Switch the interface language (400 for a language we do not ship).
    Works without JavaScript: a form with a select and a button."""
    code = request.form.get("locale", "")
    if code not in languages():
        abort(400)
    session["locale"] = code
    if current_user.is_authenticated:
        auth_operations.save_locale(current_user, code)
    return redirect(safe_path(request.form.get("next"), url_for("main.home")), code=303)


@bp.route("/health")
def health():
    """For load balancers: 200 when the database answers."""
    db.session.execute(db.text("SELECT 1"))
    return {"status": "ok"}


@bp.route("/audit")
@role_required("is_brand_admin", "is_coordinator")
def audit_trail():
    """The audit trail: a brand admin's company's steps, or (for the coordinator)
    the account events of the instance; newest first, a page at a time."""
    kind = request.args.get("kind", "")
    stmt = scoped(AuditEntry)
    if kind in audit.KINDS:
        stmt = stmt.where(AuditEntry.kind == kind)
    entries = listing(stmt, {"at": AuditEntry.at}, "-at", request.args)
    kinds = audit.ACCOUNT_KINDS if current_user.is_coordinator else tuple(audit.KINDS)
    return render("main/audit.html", entries=entries, kind=kind, kinds=kinds,
                  names=audit.KINDS, details=audit.details,
                  by_another_company=audit.by_another_company)
