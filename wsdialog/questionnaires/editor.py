"""The question editor of a draft, for the routes that edit one: a member's own
questionnaire (``routes``) and the MSI's templates (``msi.template_routes``)."""

from __future__ import annotations

from flask import abort, request
from flask_login import current_user

from ..i18n import languages
from ..tenancy import get_or_404
from ..web import redirect_to, render
from . import operations
from .forms import question_data, question_form_class
from .models import Question, QuestionnaireVersion
from .starter import SURVEY_LANGUAGES


def draft_version(version_id) -> QuestionnaireVersion:
    """A draft the user may reach; 404 for a published version, which never changes."""
    version = get_or_404(QuestionnaireVersion, version_id)
    if version.is_published:
        abort(404)
    return version


def question_page(version: QuestionnaireVersion, question: Question | None, back: str):
    """The form of a new question (``question`` None) or of one of the draft: a
    valid POST saves it and returns to ``back``; else the form, with its errors."""
    form = question_form_class()(
        data=question_data(question) if question is not None and request.method == "GET"
        else None, version=version, question=question)
    if form.validate_on_submit():
        if question is None:
            operations.add_question(version, current_user, **form.fields())
        else:
            operations.change_question(question, current_user, **form.fields())
        return redirect_to(back)
    return render("questionnaires/question_form.html", form=form, version=version,
                  question=question, survey_languages=SURVEY_LANGUAGES,
                  label_languages=languages(), back_url=back,
                  fixed=question and version.template_question(question.code))
