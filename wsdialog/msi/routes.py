"""The coordinator's progress console (every member, counts only, and a CSV for
the MSI's annual report), and each member's view of exactly what the coordinator
sees about it."""

from __future__ import annotations

from flask import abort, flash, url_for
from flask_babel import gettext
from flask_babel import gettext as _
from flask_login import current_user

from .. import audit
from ..clock import today
from ..dialogues.vocabulary import SECTOR_THEMES
from ..extensions import db
from ..models import Company
from ..onboarding.pipeline import DECLINE_REASONS, STRATEGIES
from ..results.export import encode
from ..tenancy import scoped
from ..web import attachment, redirect_to, render, role_required
from . import bp, learning, operations
from .forms import ResponseForm
from .models import SectorResponse
from .progress import COLUMNS
from .queries import lessons, member_progress, own_marks, sector_issues
from .sector import MIN_MEMBERS


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



# --- issues that need a sector-wide solution ---------------------------------------


def _responses() -> dict[tuple[str, str], SectorResponse]:
    return {(r.theme, r.country): r for r in db.session.scalars(scoped(SectorResponse))}


@bp.route("/msi/sector", methods=["GET", "POST"])
@role_required("is_coordinator")
def sector():
    """The themes members raised for a sector-wide solution, by country (where at
    least three members did), with the MSI's response to each."""
    found = sector_issues()
    form = ResponseForm()
    shown = {(issue.theme, issue.country) for issue in found}
    if form.validate_on_submit():
        if (form.theme.data, form.country.data) not in shown:
            abort(404)  # only an issue the page shows is answered
        operations.save_response(form.theme.data, form.country.data, form.text.data,
                                 current_user)
        flash(_("The MSI's response is saved: members see it on the sector agenda."),
              "success")
        return redirect_to(url_for("msi.sector"))
    return render("msi/sector.html", issues=found, responses=_responses(), answer_form=form,
                  themes=SECTOR_THEMES, min_members=MIN_MEMBERS,
                  http_status=422 if form.errors else 200)


@bp.route("/msi/sector-agenda")
@role_required("is_brand")
def sector_agenda():
    """What members raised for a sector-wide solution and what the MSI does about
    it; and which of the company's own points and agreements are marked."""
    found = sector_issues()
    mine = own_marks()
    return render("msi/sector_agenda.html", issues=found, responses=_responses(),
                  themes=SECTOR_THEMES, min_members=MIN_MEMBERS, mine=mine)


@bp.route("/msi/lessons")
@role_required("is_coordinator", "is_brand")
def lessons_page():
    """Why suppliers declined, and which approaches preceded "joined", across
    members (where at least three contribute): counts, never a supplier or company."""
    reasons, strategies = lessons()
    return render("msi/lessons.html", reasons=reasons, strategies=strategies,
                  reason_names=DECLINE_REASONS, strategy_names=STRATEGIES,
                  min_members=learning.MIN_MEMBERS)
