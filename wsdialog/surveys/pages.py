"""The cycle's page, shared by the cycle routes and the import routes (which
show it again with the upload form's errors); the KoboToolbox link's page,
shared by the link's routes and the import routes (which show a fetch's
outcome on it)."""

from __future__ import annotations

from datetime import date

from flask import abort, flash, url_for
from flask_babel import format_date, get_locale, ngettext
from flask_babel import gettext as _
from flask_login import current_user

from ..clock import today
from ..forms import ConfirmForm
from ..providers import queries as provider_queries
from ..questionnaires.starter import SURVEY_LANGUAGES
from ..web import redirect_to, render
from . import import_jobs, kobo, operations, planning, queries
from .forms import (
    CHANNEL_NAMES,
    CodesForm,
    ExtendForm,
    InviteOwnerForm,
    KoboLinkForm,
    ProviderChoiceForm,
)
from .models import PendingImport, SurveyCycle, respondent_counts
from .public_texts import NAMES


def _holidays(cycle: SurveyCycle):
    return planning.holidays_in_window(cycle.site.country, cycle.starts_on, cycle.ends_on,
                                       str(get_locale()))


def invite_form(cycle: SurveyCycle, from_request: bool = False) -> InviteOwnerForm | None:
    """The lead's form to invite a member, while there is one to invite and the
    survey has not ended; else None."""
    choices = queries.invitable(cycle)
    if not choices or cycle.has_ended:
        return None
    form = InviteOwnerForm() if from_request else InviteOwnerForm(formdata=None)
    form.company.choices = [("", "—")] + [(str(cid), name) for cid, name in choices.items()]
    return form


def staff_may_upload(cycle: SurveyCycle) -> bool:
    """Whether the lead company's staff may upload into the cycle: always, unless
    a registered provider runs it and the company keeps its files to the
    provider (``providers`` setting, off by default)."""
    return cycle.provider_id is None or provider_queries.staff_may_upload(cycle.company_id)


def refuse_staff_upload(cycle: SurveyCycle) -> None:
    """Stop brand staff uploading into a provider's cycle unless their company
    allows it: back to the cycle's page, saying why."""
    if current_user.is_brand and not staff_may_upload(cycle):
        flash(_("%(provider)s runs this survey: its people upload the files. Your company's "
                "admins can allow your staff to upload too, on the providers page.",
                provider=cycle.provider_name), "error")
        abort(redirect_to(url_for("surveys.cycle_detail", cycle_id=cycle.id)))


def provider_form(cycle: SurveyCycle, from_request: bool = False) -> ProviderChoiceForm | None:
    """The lead's form to assign a registered provider (among those the company
    signed an agreement with), while the respondents are not final; None when
    there is none to choose and none assigned."""
    if cycle.respondents_final:
        return None
    choices = provider_queries.assignable(cycle.company_id)
    if not choices and cycle.provider_id is None:
        return None
    form = ProviderChoiceForm() if from_request else ProviderChoiceForm(
        formdata=None, data={"provider": str(cycle.provider_id or "")})
    form.provider.choices = [("", _("Nobody registered here"))] + [
        (str(p.id), p.name) for p in choices]
    return form


def refusal_text(refusal: import_jobs.Refusal) -> str:
    """Why nothing can be imported, in the reader's language."""
    code, params = refusal
    if code == "not_open":
        params = {**params, "date": format_date(date.fromisoformat(params["date"]))}
    return _(import_jobs.REFUSALS[code], **params)


def cycle_page(cycle, import_form, parsed, http_status=200, codes_form=None):
    """State, window, response rate, imports, and the survey link, with the
    given upload form (and its errors) and the problems of a parsed file."""
    # Supplier users see how many answered once the results are released: a
    # count that moves while they watch would tell them when someone answered.
    # A provider's people see no figure they did not bring (the web survey's).
    respondents = respondent_counts([cycle.id])[cycle.id] \
        if current_user.is_brand or (current_user.is_supplier and cycle.is_released) else None
    # The user's own uploads still being checked or imported (in the background).
    running = queries.running_uploads(cycle) \
        if current_user.is_brand or current_user.is_provider else []
    # Only the lead company plans, imports and releases; co-owners of a joint cycle read.
    leads = current_user.is_brand and cycle.company_id == current_user.company_id
    kobo_link = queries.kobo_link(cycle) if current_user.is_brand or current_user.is_provider \
        else None
    return render("surveys/cycle.html", cycle=cycle, state=cycle.state(today()), today=today(),
                  leads=leads, invite_form=invite_form(cycle) if leads else None,
                  may_upload=(leads and staff_may_upload(cycle)) or current_user.is_provider,
                  provider_form=provider_form(cycle) if leads else None,
                  survey_languages=SURVEY_LANGUAGES, channel_names=CHANNEL_NAMES,
                  worker_language_names=NAMES,
                  respondents=respondents, confirm_form=ConfirmForm(),
                  alerts=queries.alerts(cycle),
                  held=queries.held_per_day(cycle) if current_user.is_brand else [],
                  # Computed from answers, so only once figures may be seen (closed):
                  # between two looks at an open cycle it would tell how one answered.
                  identical=queries.identical_web_answers(cycle) if current_user.is_brand
                  and cycle.has_ended else None,
                  codes_form=codes_form or CodesForm(data={"count": cycle.headcount}),
                  batches=queries.import_batches(cycle), import_form=import_form,
                  kobo_link=kobo_link, kobo_fetches=kobo_link is not None
                  and import_jobs.cycle_refusal(cycle) is None,
                  parsed=parsed, running=running,
                  extend_form=ExtendForm(data={"ends_on": cycle.ends_on}),
                  holidays=_holidays(cycle), http_status=http_status,
                  survey_url=url_for("surveys.public_survey", token=cycle.public_token,
                                     _external=True))


# --- the KoboToolbox link's page, and a fetch's outcome (shown at the fetch's address) ---


def kobo_page(cycle, link, form, errors=(), problems=(), http_status=200):
    return render("surveys/kobo.html", cycle=cycle, link=link, form=form, errors=errors,
                  problems=problems, confirm_form=ConfirmForm(), http_status=http_status,
                  accepts=import_jobs.cycle_refusal(cycle) is None)


def kobo_form(link) -> KoboLinkForm:
    return KoboLinkForm(token_stored=True, formdata=None, data={
        "server": link.server_url, "asset_uid": link.asset_uid})


def fetch_outcome(cycle: SurveyCycle, upload: PendingImport):
    """The page of a fetch whose job has ended (the import routes show it at
    the fetch's address): how many came in, or why nothing did."""
    pulled = import_jobs.Pulled.from_data(upload.checked or {})
    operations.consume_upload(upload)
    if pulled.ok:
        if pulled.count:
            flash(ngettext("%(num)s new submission imported from KoboToolbox.",
                           "%(num)s new submissions imported from KoboToolbox.",
                           pulled.count), "success")
        else:
            flash(_("KoboToolbox has no new submissions: nothing was imported."), "info")
        return redirect_to(url_for("surveys.cycle_detail", cycle_id=cycle.id) + "#import")
    if pulled.error is not None:
        errors = [_(kobo.MESSAGES[pulled.error.code], **pulled.error.params)]
    elif pulled.refusal is not None:
        errors = [refusal_text(pulled.refusal)]
    else:
        errors = [_("Nothing was imported. Please correct these submissions in "
                    "KoboToolbox (or the mapping of your answers) and fetch again:")]
    link = queries.kobo_link(cycle)
    return kobo_page(cycle, link, kobo_form(link) if link else KoboLinkForm(token_stored=False),
                 errors=errors, problems=_fetch_problems(pulled) if pulled.parsed else (),
                 http_status=422)


def _fetch_problems(pulled: import_jobs.Pulled) -> list[str]:
    """Each problem of the new submissions, named by submission number and field."""
    shown = []
    for problem in pulled.parsed.problems[:200]:
        text = _(problem.message, **problem.params)
        if problem.row in pulled.numbers and problem.column:
            text = _("Submission %(number)s, field %(field)s: %(problem)s",
                     number=pulled.numbers[problem.row], field=problem.column, problem=text)
        elif problem.row in pulled.numbers:
            text = _("Submission %(number)s: %(problem)s",
                     number=pulled.numbers[problem.row], problem=text)
        shown.append(text)
    return shown
