"""The cycle's page, shared by the cycle routes and the import routes (which
show it again with the upload form's errors)."""

from __future__ import annotations

from flask import url_for
from flask_babel import get_locale
from flask_login import current_user

from ..clock import today
from ..forms import ConfirmForm
from ..questionnaires.starter import SURVEY_LANGUAGES
from ..web import render
from . import planning, queries
from .forms import CHANNEL_NAMES, CodesForm, ExtendForm, InviteOwnerForm
from .models import SurveyCycle, respondent_counts
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


def cycle_page(cycle, import_form, parsed, http_status=200, codes_form=None):
    """State, window, response rate, imports, and the survey link, with the
    given upload form (and its errors) and the problems of a parsed file."""
    # Supplier users see how many answered once the results are released: a
    # count that moves while they watch would tell them when someone answered.
    respondents = respondent_counts([cycle.id])[cycle.id] \
        if current_user.is_brand or cycle.is_released else None
    # The user's own uploads still being checked or imported (in the background).
    running = queries.running_uploads(cycle) if current_user.is_brand else []
    # Only the lead company plans, imports and releases; co-owners of a joint cycle read.
    leads = current_user.is_brand and cycle.company_id == current_user.company_id
    return render("surveys/cycle.html", cycle=cycle, state=cycle.state(today()), today=today(),
                  leads=leads, invite_form=invite_form(cycle) if leads else None,
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
                  parsed=parsed, running=running,
                  extend_form=ExtendForm(data={"ends_on": cycle.ends_on}),
                  holidays=_holidays(cycle), http_status=http_status,
                  survey_url=url_for("surveys.public_survey", token=cycle.public_token,
                                     _external=True))
