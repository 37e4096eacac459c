"""The grievance pages of a site: a company's figures per channel and period
(with the reading beside the site's latest survey), entering and correcting a
period's figures, importing a file (and its template), and the effectiveness
check of each mechanism. For a company's staff and the site's supplier; 404 for
anyone else."""

from __future__ import annotations

import csv
import io

from flask import abort, flash, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from .. import clock
from ..forms import ConfirmForm
from ..models import Site, StateError
from ..tenancy import get_or_404
from ..web import (
    XLSX,
    attachment,
    redirect_to,
    render,
    require_confirmation,
    role_required,
    template_workbook,
)
from . import bp, importer, operations, queries, rules
from .forms import CheckForm, ImportForm, SummaryForm
from .models import GrievanceSummary
from .rules import Channel

ROLES = ("is_brand", "is_supplier")


def _company_id(site: Site, wanted) -> tuple[list, int]:
    """The companies the user sees figures of at ``site``, and the one asked for
    (by id; the first when none is asked): 404 for any other."""
    companies = queries.companies_for(site, current_user)
    if not companies:
        abort(404)
    if wanted in (None, ""):
        return companies, companies[0].id
    try:
        wanted = int(wanted)
    except (TypeError, ValueError):
        abort(404)
    if wanted not in {c.id for c in companies}:
        abort(404)
    return companies, wanted


def _year() -> int:
    try:
        year = int(request.args.get("year", ""))
    except ValueError:
        return clock.today().year
    return year if year in rules.YEARS else clock.today().year


def _forms(companies, company_id, summary_form=None, import_form=None):
    summary_form = summary_form or SummaryForm(formdata=None)
    import_form = import_form or ImportForm(formdata=None, prefix="import")
    for form in (summary_form, import_form):
        if current_user.is_supplier:
            form.offer_companies(companies, company_id)
        else:
            del form.company
    return summary_form, import_form


def _page(site: Site, companies, company_id: int, year: int, summary_form=None,
          import_form=None, parsed=None, http_status: int = 200):
    summary_form, import_form = _forms(companies, company_id, summary_form, import_form)
    entered = queries.years(site, company_id, current_user)
    return render("grievances/site.html", site=site, year=year,
                  figures=queries.site_figures(site, current_user, year, company_id),
                  companies=companies, company_id=company_id,
                  years=sorted({*entered, year, clock.today().year}, reverse=True),
                  form=summary_form, import_form=import_form, parsed=parsed,
                  channel_names=rules.CHANNEL_NAMES, themes=rules.THEMES,
                  criteria=rules.CRITERIA, trend_names=rules.TREND_NAMES,
                  http_status=http_status)


def _chosen_company(site: Site, form) -> tuple[list, int]:
    """The companies, and the one a form's figures are for: for a supplier's
    people, the one chosen (an unknown choice fails the form's check); else the
    user's own."""
    companies, company_id = _company_id(site, None)
    if current_user.is_supplier:
        form.offer_companies(companies, None)
        ids = {str(c.id): c.id for c in companies}
        company_id = ids.get(str(form.company.data), company_id)
    return companies, company_id


@bp.route("/sites/<int:site_id>/grievances", methods=["GET", "POST"])
@role_required(*ROLES)
def site_grievances(site_id):
    """A company's grievance figures at the site for a year, and the form to
    enter a period's figures (POST). 404 for a site the user does not reach, or a
    company the user sees no figures of."""
    site = get_or_404(Site, site_id)
    if request.method == "GET":
        companies, company_id = _company_id(site, request.args.get("company"))
        return _page(site, companies, company_id, _year())
    form = SummaryForm()
    companies, company_id = _chosen_company(site, form)
    if not current_user.is_supplier:
        del form.company
    if not form.validate():
        return _page(site, companies, company_id, _year(), summary_form=form, http_status=422)
    period = rules.parse_period(form.period.data)
    found = rules.problems(form.figures)
    if found:
        form.refuse(found)
        return _page(site, companies, company_id, period.start.year, summary_form=form,
                     http_status=422)
    try:
        _summary, new = operations.enter(site, company_id, current_user, period,
                                         Channel(form.channel.data), form.figures)
    except StateError:
        form.period.errors = [_("This period overlaps another entered for this channel (a "
                                "month within a quarter): its complaints would be counted "
                                "twice.")]
        return _page(site, companies, company_id, period.start.year, summary_form=form,
                     http_status=422)
    flash(_("The figures are saved.") if new else _("The figures are replaced."), "success")
    return redirect_to(url_for("grievances.site_grievances", site_id=site.id,
                               company=company_id, year=period.start.year))


def _summary(summary_id) -> tuple[GrievanceSummary, Site]:
    summary = get_or_404(GrievanceSummary, summary_id)
    return summary, get_or_404(Site, summary.site_id)


@bp.route("/grievances/<int:summary_id>", methods=["GET", "POST"])
@role_required(*ROLES)
def summary_edit(summary_id):
    """Correct one period's figures (its period and channel stay)."""
    summary, site = _summary(summary_id)
    form = SummaryForm.of(summary) if request.method == "GET" else SummaryForm()
    del form.company
    form.period.data, form.channel.data = summary.period.code, summary.channel.value
    back = url_for("grievances.site_grievances", site_id=site.id, company=summary.company_id,
                   year=summary.period_start.year)
    if request.method == "POST" and form.validate():
        found = rules.problems(form.figures)
        if not found:
            operations.correct(summary, current_user, form.figures)
            flash(_("The figures are saved."), "success")
            return redirect_to(back)
        form.refuse(found)
    return render("grievances/edit.html", summary=summary, site=site, form=form, back=back,
                  channel_names=rules.CHANNEL_NAMES, confirm_form=ConfirmForm(),
                  http_status=422 if form.errors else 200)


@bp.route("/grievances/<int:summary_id>/delete", methods=["POST"])
@role_required(*ROLES)
def summary_delete(summary_id):
    """Delete one period's figures (entered by mistake)."""
    summary, site = _summary(summary_id)
    require_confirmation()
    company_id, year = summary.company_id, summary.period_start.year
    operations.delete(summary)
    flash(_("The figures are deleted."), "success")
    return redirect_to(url_for("grievances.site_grievances", site_id=site.id,
                               company=company_id, year=year))


@bp.route("/sites/<int:site_id>/grievances/import", methods=["POST"])
@role_required(*ROLES)
def site_import(site_id):
    """Import a file of figures: every problem by row and column, or all rows
    stored (a period and channel entered before gets the file's figures)."""
    site = get_or_404(Site, site_id)
    form = ImportForm(prefix="import")
    companies, company_id = _chosen_company(site, form)
    if not current_user.is_supplier:
        del form.company
    if not form.validate():
        return _page(site, companies, company_id, _year(), import_form=form, http_status=422)
    upload = form.file.data
    try:
        rows = importer.read_table(upload.read(), upload.filename or "")
    except importer.Unreadable as error:
        parsed = importer.unreadable(error)
    else:
        parsed = importer.parse_rows(rows, queries.entered(site, company_id, current_user))
    if not parsed.ok:
        return _page(site, companies, company_id, _year(), import_form=form, parsed=parsed,
                     http_status=422)
    added, replaced = operations.import_rows(site, company_id, current_user, parsed.rows,
                                             upload.filename or "")
    flash(ngettext("%(num)s period's figures imported.", "%(num)s periods' figures imported.",
                   added + replaced) + (" " + ngettext(
                       "%(num)s of them replaced figures entered before.",
                       "%(num)s of them replaced figures entered before.", replaced)
                       if replaced else ""), "success")
    year = max(row.period.start.year for row in parsed.rows)
    return redirect_to(url_for("grievances.site_grievances", site_id=site.id,
                               company=company_id, year=year))


@bp.route("/sites/<int:site_id>/grievances/template.csv")
@role_required(*ROLES)
def template_csv(site_id):
    """A CSV with the columns a file of figures has, and two example rows."""
    site = get_or_404(Site, site_id)
    _company_id(site, None)
    out = io.StringIO()
    csv.writer(out).writerows(importer.template_rows(clock.today().year))
    return attachment(out.getvalue().encode(), f"site-{site.id}-grievances.csv", "text/csv")


@bp.route("/sites/<int:site_id>/grievances/template.xlsx")
@role_required(*ROLES)
def template_xlsx(site_id):
    """The same template as a workbook, with a sheet saying what each column holds."""
    site = get_or_404(Site, site_id)
    _company_id(site, None)
    legend = []
    for column, key, allowed in importer.legend_rows():
        what = _(importer.LEGEND[key])
        if key == "theme":
            what = f"{_(rules.THEMES[column])} — {what}"
        legend.append((column, what, allowed))
    data = template_workbook(_("Figures"), importer.template_rows(clock.today().year), legend)
    return attachment(data, f"site-{site.id}-grievances.xlsx", XLSX)


@bp.route("/sites/<int:site_id>/grievances/check", methods=["GET", "POST"])
@role_required(*ROLES)
def site_check(site_id):
    """Check a mechanism against UN Guiding Principle 31's criteria; every check
    kept, newest first."""
    site = get_or_404(Site, site_id)
    form = CheckForm()
    if request.method == "GET":
        companies, company_id = _company_id(site, request.args.get("company"))
        if request.args.get("channel") in {c.value for c in Channel}:
            form.channel.data = request.args["channel"]
        if current_user.is_supplier:
            form.offer_companies(companies, company_id)
    else:
        companies, company_id = _chosen_company(site, form)
    if not current_user.is_supplier:
        del form.company
    if request.method == "POST" and form.validate():
        operations.record_check(site, company_id, current_user, Channel(form.channel.data),
                                form.checked_on.data, form.answers, form.notes)
        flash(_("The check is saved."), "success")
        return redirect_to(url_for("grievances.site_grievances", site_id=site.id,
                                   company=company_id))
    return render("grievances/check.html", site=site, form=form, company_id=company_id,
                  checks=queries.checks(site, company_id, current_user),
                  channel_names=rules.CHANNEL_NAMES, criteria=rules.CRITERIA,
                  answers=rules.CRITERION_ANSWERS, http_status=422 if form.errors else 200)
