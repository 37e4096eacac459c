"""The coordinator's progress console (every member, counts only, and a CSV for
the MSI's annual report), and each member's view of exactly what the coordinator
sees about it."""

from __future__ import annotations

from flask_babel import gettext
from flask_login import current_user

from .. import audit
from ..clock import today
from ..extensions import db
from ..models import Company
from ..results.export import encode
from ..tenancy import scoped
from ..web import attachment, render, role_required
from . import bp
from .progress import COLUMNS
from .queries import member_progress


def _members() -> list[Company]:
    return list(db.session.scalars(scoped(Company).order_by(Company.name)))


@bp.route("/msi/progress")
@role_required("is_coordinator")
def progress():
    """Every member's progress through the loop, in counts: no supplier, site,
    figure or name of anyone outside the member companies."""
    members = _members()
    found = member_progress([m.id for m in members], today())
    return render("msi/progress.html", rows=[(m, found[m.id]) for m in members],
                  columns=COLUMNS)


@bp.route("/msi/progress.csv")
@role_required("is_coordinator")
def progress_csv():
    """The console as a CSV, for the MSI's annual report (recorded in the audit trail)."""
    members = _members()
    found = member_progress([m.id for m in members], today())
    rows = [[gettext("Member company"), *(gettext(label) for label in COLUMNS.values())]]
    rows += [[m.name, *found[m.id].values()] for m in members]
    data, mimetype = encode(rows, "csv", "progress")
    audit.record("export", target="member progress", note="csv")
    db.session.commit()
    return attachment(data, f"member-progress-{today().isoformat()}.csv", mimetype)


@bp.route("/msi/what-the-coordinator-sees")
@role_required("is_brand")
def our_progress():
    """Exactly the row the coordinator's console shows about the user's company."""
    company = current_user.company
    return render("msi/our_progress.html", company=company, columns=COLUMNS,
                  progress=member_progress([company.id], today())[company.id])

