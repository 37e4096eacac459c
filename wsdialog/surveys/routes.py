"""Survey cycles per site: plan, extend, import a provider's file, and the
built-in survey's link and QR code."""

from __future__ import annotations

import io

import segno
import sqlalchemy as sa
from flask import Response as HttpResponse
from flask import abort, flash, request, url_for
from flask_babel import get_locale, ngettext
from flask_babel import gettext as _
from flask_login import current_user

from ..clock import today
from ..i18n import official_languages
from ..listing import listing
from ..models import Site, StateError
from ..questionnaires.models import QuestionnaireVersion
from ..questionnaires.starter import SURVEY_LANGUAGES
from ..tenancy import get_or_404, members_visible_to_each_other, scoped
from ..web import redirect_to, render, require_confirmation, role_required
from . import bp, operations, planning, queries
from .forms import CodesForm, CycleForm, ExtendForm, ImportForm
from .models import (
    SurveyCycle,
    respondent_counts,
)
from .pages import cycle_page, provider_form
from .public_texts import text_for


@bp.route("/cycles")
@role_required("is_brand", "is_supplier", "is_provider")
def cycle_list():
    """Survey cycles of every site the user may reach, newest first."""
    cycles = listing(scoped(SurveyCycle).join(SurveyCycle.site), {
        "opens": SurveyCycle.starts_on, "site": sa.func.lower(Site.name)}, "-opens",
        request.args)
    counted = [c.id for c in cycles.items
               if current_user.is_brand or (current_user.is_supplier and c.is_released)]
    return render("surveys/cycles.html", cycles=cycles, counts=respondent_counts(counted),
                  today=today())


@bp.route("/sites/<int:site_id>/cycles/new", methods=["GET", "POST"])
@role_required("is_brand")
def cycle_new(site_id):
    """Plan a cycle, with the planning rules' suggestions and the holiday warnings
    for the dates in the form; its second button only shows those warnings."""
    site = get_or_404(Site, site_id)
    versions = queries.published_versions()
    earlier = queries.cycles_at(site)
    suggestion = planning.next_window(earlier[0].ends_on) if earlier else None
    start = max(suggestion[0], today()) if suggestion else today()
    form = CycleForm(versions, earlier, data=None if request.method == "POST" else {
        "starts_on": start, "ends_on": planning.default_window(start)[1],
        "headcount": site.headcount, "channels": ["web"],
        "languages": _languages_for(site, versions[0] if versions else None)})
    nearby = _others_nearby(site, form.starts_on.data or start,
                            form.ends_on.data or planning.default_window(start)[1])
    if not form.check.data and form.validate_on_submit():
        if nearby:
            flash(_("Another member company surveys the workers of this site within two "
                    "months: workers asked twice answer less. Consider one joint survey."),
                  "warning")
        cycle = operations.plan_cycle(
            company_id=current_user.company_id, site=site,
            version=get_or_404(QuestionnaireVersion, form.version.data),
            starts_on=form.starts_on.data, ends_on=form.ends_on.data,
            channels=form.channels.data or [], languages=form.languages.data or [],
            headcount=form.headcount.data, provider=form.provider.data or "")
        flash(_("The cycle is planned."), "success")
        return redirect_to(url_for("surveys.cycle_detail", cycle_id=cycle.id))
    return render("surveys/cycle_form.html", form=form, site=site, versions=versions,
                  earlier=earlier, suggestion=suggestion, today=today(),
                  rounds=planning.rounds_per_year(len(earlier)),
                  holidays=_form_holidays(site, form), unreviewed=_unreviewed(site, versions),
                  nearby=nearby)


def _others_nearby(site: Site, starts_on, ends_on) -> list[tuple[str | None, object, object]]:
    """(company name where both opted in to see each other, else None; first and
    last day) of other members' surveys at the site near these dates."""
    found = queries.others_nearby(site, current_user.company_id, starts_on, ends_on, today())
    if not found:
        return []
    names = members_visible_to_each_other(current_user.company_id, site.supplier_id)
    return [(names.get(company_id), first, last) for company_id, first, last in found]


def _unreviewed(site: Site, versions: list[QuestionnaireVersion]):
    """(questionnaire, language names) for each questionnaire whose newest published
    version is not reviewed in some language of the site's country: the page links
    to the questionnaire, where those texts are reviewed."""
    spoken = _spoken(site)
    newest: dict[int, QuestionnaireVersion] = {}
    for version in versions:  # newest first
        newest.setdefault(version.questionnaire_id, version)
    return [(v.questionnaire, [SURVEY_LANGUAGES[lang] for lang in missing])
            for v in newest.values()
            if (missing := [lang for lang in spoken if lang not in v.offered(spoken)])]


def _spoken(site: Site) -> list[str]:
    """The site country's official languages a questionnaire can be written in."""
    return [lang for lang in official_languages(site.country) if lang in SURVEY_LANGUAGES]


def _form_holidays(site: Site, form: CycleForm):
    """Warnings for the window typed into the form, when it is one."""
    starts_on, ends_on = form.starts_on.data, form.ends_on.data
    if not (starts_on and ends_on and starts_on <= ends_on):
        return None
    return planning.holidays_in_window(site.country, starts_on, ends_on, str(get_locale()))


def _languages_for(site: Site, version: QuestionnaireVersion | None) -> list[str]:
    """The survey languages of the site's country that the questionnaire offers,
    else English: what a new cycle starts with."""
    spoken = _spoken(site)
    if version is None:
        return spoken or ["en"]
    return version.offered(spoken) or version.offered(["en"]) or list(version.languages or [])


@bp.route("/cycles/<int:cycle_id>")
@role_required("is_brand", "is_supplier", "is_provider")
def cycle_detail(cycle_id):
    """State, window, response rate, imports, and the survey link."""
    cycle = get_or_404(SurveyCycle, cycle_id)
    return cycle_page(cycle, ImportForm(), None)


@bp.route("/cycles/<int:cycle_id>/extend", methods=["POST"])
@role_required("is_brand")
def cycle_extend(cycle_id):
    """Keep the survey open longer, saying why: only while it is open (or not yet
    open; ``SurveyCycle.extend``)."""
    cycle = get_or_404(SurveyCycle, cycle_id, manage=True)
    form = ExtendForm()
    ends_on = form.ends_on.data if form.validate_on_submit() else None
    try:
        operations.extend_cycle(cycle, ends_on, form.reason.data)
    except StateError as refused:
        if refused.args == ("overlap",):
            flash(_("The new last day would run into the next cycle at this site: workers "
                    "would be asked twice at the same time. Choose an earlier day."), "error")
        else:
            flash(_("This survey has closed: it cannot be reopened. Plan a new cycle "
                    "instead."), "error")
    except ValueError:
        flash(_("Choose a later day and say why."), "error")
    else:
        flash(_("The cycle stays open until %(date)s.", date=cycle.ends_on.isoformat()),
              "success")
    return redirect_to(url_for("surveys.cycle_detail", cycle_id=cycle.id))


@bp.route("/cycles/<int:cycle_id>/codes", methods=["POST"])
@role_required("is_brand")
def cycle_codes(cycle_id):
    """Make single-use access codes and show them once, as a sheet to print and
    cut: from then on the survey asks for a code. Only digests are kept."""
    cycle = get_or_404(SurveyCycle, cycle_id, manage=True)
    form = CodesForm()
    if not form.validate_on_submit():
        return cycle_page(cycle, ImportForm(formdata=None), None, codes_form=form)
    try:
        codes = operations.make_codes(cycle, form.count.data or cycle.headcount)  # one each
    except StateError:
        flash(_("This survey has closed: it needs no more codes."), "error")
        return redirect_to(url_for("surveys.cycle_detail", cycle_id=cycle.id))
    # Each slip says in the workers' languages that a code works once and links
    # to no answer, and that taking part is voluntary and anonymous; the sheet
    # itself is in the user's language.
    return render("surveys/code_sheet.html", cycle=cycle, codes=codes,
                  slip_texts=[(lang, text_for("code_help", lang), text_for("slip_voluntary", lang))
                              for lang in cycle.worker_languages],
                  survey_url=url_for("surveys.public_survey", token=cycle.public_token,
                                     _external=True))


@bp.route("/cycles/<int:cycle_id>/codes/off", methods=["POST"])
@role_required("is_brand")
def cycle_codes_off(cycle_id):
    """Go back to the open link: anyone with it may answer (within the limit)."""
    cycle = get_or_404(SurveyCycle, cycle_id, manage=True)
    require_confirmation()
    operations.open_link(cycle)
    flash(_("The survey no longer asks for a code."), "success")
    return redirect_to(url_for("surveys.cycle_detail", cycle_id=cycle.id))


@bp.route("/cycles/<int:cycle_id>/held/keep", methods=["POST"])
@role_required("is_brand_admin")
def held_keep(cycle_id):
    """Count the answers held for review with the respondents: only before anyone
    saw the figures, and up to the headcount (``SurveyCycle.admit_held``)."""
    cycle = get_or_404(SurveyCycle, cycle_id, manage=True)
    require_confirmation()
    try:
        kept = operations.keep_held(cycle)
    except StateError as refused:
        flash(_("The held answers cannot be kept: the results have been seen or released.")
              if str(refused) == "final" else
              _("The held answers cannot be kept: there would be more answers than workers. "
                "Discard them."), "error")
    else:
        flash(ngettext("%(num)s held answer now counts with the others.",
                       "%(num)s held answers now count with the others.", kept), "success")
    return redirect_to(url_for("surveys.cycle_detail", cycle_id=cycle.id))


@bp.route("/cycles/<int:cycle_id>/held/discard", methods=["POST"])
@role_required("is_brand_admin")
def held_discard(cycle_id):
    """Delete the answers held for review, unseen."""
    cycle = get_or_404(SurveyCycle, cycle_id, manage=True)
    require_confirmation()
    discarded = operations.discard_held(cycle)
    flash(ngettext("%(num)s held answer is deleted.", "%(num)s held answers are deleted.",
                   discarded), "success")
    return redirect_to(url_for("surveys.cycle_detail", cycle_id=cycle.id))


@bp.route("/cycles/<int:cycle_id>/qr.svg")
@role_required("is_brand", "is_supplier", "is_provider")
def cycle_qr(cycle_id):
    """The QR code of the built-in survey's link, for the factory poster."""
    cycle = get_or_404(SurveyCycle, cycle_id)
    out = io.BytesIO()
    segno.make(url_for("surveys.public_survey", token=cycle.public_token, _external=True),
               error="m").save(out, kind="svg", scale=6, border=2, xmldecl=False)
    return HttpResponse(out.getvalue(), mimetype="image/svg+xml")




@bp.route("/cycles/<int:cycle_id>/provider", methods=["POST"])
@role_required("is_brand")
def cycle_provider(cycle_id):
    """Have a registered provider run the cycle (or nobody registered here): one
    the company signed a data-processing agreement with, before the respondents
    are final (``SurveyCycle.assign``)."""
    cycle = get_or_404(SurveyCycle, cycle_id, manage=True)
    form = provider_form(cycle, from_request=True) or abort(404)
    try:
        if not form.validate_on_submit():
            raise ValueError
        chosen = form.provider.data
        operations.assign_provider(cycle, int(chosen) if chosen else None, current_user)
    except (StateError, ValueError):
        flash(_("This provider cannot run the cycle: your company has no data-processing "
                "agreement with it, or the respondents are final."), "error")
    else:
        flash(_("Saved."), "success")
    return redirect_to(url_for("surveys.cycle_detail", cycle_id=cycle.id) + "#provider")
