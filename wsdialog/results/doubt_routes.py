"""Doubts about the data, addressed to the provider that ran the survey: the
supplier asks, the provider answers, the cycle's owners read both."""

from __future__ import annotations

from flask import abort, flash, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user

from ..surveys.models import SurveyCycle
from ..tenancy import get_or_404
from ..web import redirect_to, render, role_required
from . import bp, operations
from .forms import DoubtToProviderForm, ProviderAnswerForm
from .models import ProviderDoubt
from .queries import doubts_of


def _ask_form(cycle: SurveyCycle, from_request: bool = False) -> DoubtToProviderForm:
    form = DoubtToProviderForm() if from_request else DoubtToProviderForm(formdata=None)
    locale = str(get_locale())
    form.question_code.choices = [("", "—")] + [
        (q.code, q.label(locale)) for q in cycle.version.questions]
    return form


@bp.route("/cycles/<int:cycle_id>/provider-doubts", methods=["GET", "POST"])
@role_required("is_brand", "is_supplier", "is_provider")
def provider_doubts(cycle_id):
    """The doubts about a released cycle's data and the provider's answers; the
    supplier's form to ask one. 404 unless a registered provider ran it."""
    cycle = get_or_404(SurveyCycle, cycle_id)
    if not cycle.is_released or cycle.provider_id is None:
        abort(404)
    form = _ask_form(cycle, from_request=current_user.is_supplier)
    if current_user.is_supplier and form.validate_on_submit():
        operations.ask_provider(cycle, form.question_code.data or None, form.text.data,
                                current_user)
        flash(_("%(provider)s has your question; its answer shows here.",
                provider=cycle.provider_name), "success")
        return redirect_to(url_for("results.provider_doubts", cycle_id=cycle.id))
    return render("results/provider_doubts.html", cycle=cycle, doubts=doubts_of(cycle),
                  form=form if current_user.is_supplier else None,
                  answer_form=ProviderAnswerForm(formdata=None),
                  http_status=422 if form.errors else 200)


@bp.route("/provider-doubts/<int:doubt_id>/answer", methods=["POST"])
@role_required("is_provider")
def provider_answer(doubt_id):
    """The provider answers a doubt (or corrects its answer)."""
    doubt = get_or_404(ProviderDoubt, doubt_id)
    form = ProviderAnswerForm()
    if form.validate_on_submit():
        operations.answer_doubt(doubt, form.answer.data, current_user)
        flash(_("Your answer is sent: the supplier and the company see it."), "success")
    else:
        flash(_("Please write an answer, at most 2,000 characters."), "error")
    return redirect_to(url_for("results.provider_doubts", cycle_id=doubt.cycle_id))
