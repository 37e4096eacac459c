"""Reviewers from outside the company — a worker representative, the survey
provider, a translator — invited by brand staff to check the survey texts in
their languages. They log in and see those texts and nothing else: the drafts of
the company's questionnaires, English beside their language."""

from __future__ import annotations

from flask import abort, flash, request, url_for
from flask_babel import get_locale, ngettext
from flask_babel import gettext as _
from flask_login import current_user

from .. import invitations
from ..extensions import db
from ..forms import ConfirmForm
from ..models import Role, StateError
from ..tenancy import get_or_404, scoped
from ..web import redirect_to, render, require_confirmation, role_required
from . import bp, operations
from .forms import ReviewerInviteForm
from .models import Questionnaire, QuestionnaireVersion
from .starter import SURVEY_LANGUAGES


@bp.route("/questionnaires/reviewers/new", methods=["GET", "POST"])
@role_required("is_brand")
def reviewer_invite():
    """Invite someone outside the company to review the survey texts in some
    languages; they see those texts and nothing else."""
    form = ReviewerInviteForm(language=str(get_locale()))
    back = url_for("questionnaires.questionnaire_list")
    if form.validate_on_submit():
        invitation = invitations.create(
            email=form.email.data, name=form.name.data, role=Role.reviewer,
            company=current_user.company, invited_by=current_user, locale=form.locale.data,
            review_languages=sorted(form.review_languages.data),
            affiliation=form.affiliation.data)
        delivery = invitations.deliver(invitation)
        db.session.commit()
        return render("invitation_sent.html", invitation=invitation, delivery=delivery,
                      back=back)
    return invitations.render_form(
        form, title=_("Invite a reviewer of the survey texts"), cancel=back,
        intro=_("Workers only see texts a person fluent in their language has checked. Ask a "
                "worker representative, your survey provider or a translator: they log in, see "
                "the texts of your draft questionnaires in their languages, correct them and "
                "mark them as reviewed. They see nothing else."))


def _drafts() -> list[QuestionnaireVersion]:
    return list(db.session.scalars(scoped(QuestionnaireVersion).join(
        Questionnaire, QuestionnaireVersion.questionnaire_id == Questionnaire.id)
        .order_by(Questionnaire.name, QuestionnaireVersion.number)))


@bp.route("/reviews")
@role_required("is_reviewer")
def reviews():
    """The drafts whose texts the reviewer may check, per language, with what is
    still to review."""
    rows = []
    for version in _drafts():
        for lang in current_user.review_languages or []:
            texts = [t for q in version.questions for t in q.texts if t.locale == lang]
            rows.append((version, lang, len(version.questions) - len(texts),
                         sum(not t.reviewed for t in texts)))
    return render("questionnaires/reviews.html", rows=rows, survey_languages=SURVEY_LANGUAGES)


def _review(version_id: int, lang: str) -> QuestionnaireVersion:
    """A draft the reviewer sees, in one of the reviewer's languages (404 otherwise,
    also once it is published)."""
    if lang not in (current_user.review_languages or []):
        abort(404)
    return get_or_404(QuestionnaireVersion, version_id)


@bp.route("/reviews/versions/<int:version_id>/<lang>", methods=["GET", "POST"])
@role_required("is_reviewer")
def review_texts(version_id, lang):
    """English beside the reviewer's language, each text editable; a corrected
    text counts as reviewed by the reviewer. 404 for a language or draft not theirs."""
    version = _review(version_id, lang)
    if request.method == "POST":
        require_confirmation()
        texts = {q.id: request.form.get(f"text-{q.id}", "")[:500] for q in version.questions}
        try:
            changed = operations.revise_texts(version, lang, texts, current_user)
        except StateError:
            abort(404)
        flash(ngettext("Saved: %(num)s text changed.", "Saved: %(num)s texts changed.",
                       changed), "success")
        return redirect_to(url_for("questionnaires.review_texts", version_id=version.id,
                                   lang=lang))
    return render("questionnaires/review_texts.html", version=version, lang=lang,
                  language=SURVEY_LANGUAGES[lang], confirm_form=ConfirmForm())


@bp.route("/reviews/versions/<int:version_id>/<lang>/done", methods=["POST"])
@role_required("is_reviewer")
def review_done(version_id, lang):
    """The reviewer has read every text in the language: all are reviewed by them."""
    version = _review(version_id, lang)
    require_confirmation()
    try:
        operations.mark_reviewed(version, lang, current_user)
    except StateError:
        abort(404)
    flash(_("Thank you. The %(language)s texts are marked as reviewed by you.",
            language=SURVEY_LANGUAGES[lang]), "success")
    return redirect_to(url_for("questionnaires.reviews"))
