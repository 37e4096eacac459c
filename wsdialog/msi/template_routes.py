"""The coordinator's questionnaire templates: written like a member's
questionnaire (the same question form, versions and publishing), published for
members to adopt as their own, with question codes fixed across members."""

from __future__ import annotations

from flask import abort, flash, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..extensions import db
from ..forms import ConfirmForm
from ..models import StateError
from ..questionnaires import operations
from ..questionnaires.editor import draft_version, question_page
from ..questionnaires.models import PUBLISH_REFUSALS, Question, Questionnaire, QuestionnaireVersion
from ..questionnaires.starter import SURVEY_LANGUAGES, THEMES
from ..tenancy import get_or_404, scoped
from ..web import redirect_to, render, require_confirmation, role_required
from . import bp
from .forms import TemplateForm
from .queries import adoptions


def _detail_url(version: QuestionnaireVersion) -> str:
    return url_for("msi.template_detail", questionnaire_id=version.questionnaire_id)


@bp.route("/msi/templates", methods=["GET", "POST"])
@role_required("is_coordinator")
def template_list():
    """The MSI's questionnaire templates; the form starts a new one."""
    form = TemplateForm()
    if form.validate_on_submit():
        template = operations.create_questionnaire(None, form.name.data, False,
                                                   from_starter=form.start.data == "starter")
        flash(_("The template is created as a draft."), "success")
        return redirect_to(url_for("msi.template_detail", questionnaire_id=template.id))
    templates = list(db.session.scalars(scoped(Questionnaire).order_by(Questionnaire.name)))
    return render("msi/templates.html", templates=templates, form=form,
                  adopted=adoptions(t.id for t in templates))


@bp.route("/msi/templates/<int:questionnaire_id>")
@role_required("is_coordinator")
def template_detail(questionnaire_id):
    """A template's latest version with its questions; publish a draft, or start
    the next version of a published one."""
    template = get_or_404(Questionnaire, questionnaire_id)
    version = template.latest
    return render("msi/template.html", questionnaire=template, version=version, themes=THEMES,
                  survey_languages=SURVEY_LANGUAGES, used_languages=version.text_languages(),
                  confirm_form=ConfirmForm(), adopted=adoptions([template.id]).get(template.id, 0))


@bp.route("/msi/templates/versions/<int:version_id>/questions/new", methods=["GET", "POST"])
@role_required("is_coordinator")
def template_question_new(version_id):
    """Add a question to a template's draft."""
    version = draft_version(version_id)
    return question_page(version, None, _detail_url(version))


@bp.route("/msi/templates/questions/<int:question_id>/edit", methods=["GET", "POST"])
@role_required("is_coordinator")
def template_question_edit(question_id):
    """Change a question of a template's draft (404 once published)."""
    question = get_or_404(Question, question_id)
    version = draft_version(question.version_id)
    return question_page(version, question, _detail_url(version))


@bp.route("/msi/templates/questions/<int:question_id>/delete", methods=["POST"])
@role_required("is_coordinator")
def template_question_delete(question_id):
    """Remove a question from a template's draft."""
    question = get_or_404(Question, question_id)
    version = draft_version(question.version_id)
    require_confirmation()
    operations.remove_question(question)
    return redirect_to(_detail_url(version))


@bp.route("/msi/templates/versions/<int:version_id>/review/<lang>", methods=["POST"])
@role_required("is_coordinator")
def template_review(version_id, lang):
    """Mark every text of one language in a template's draft as reviewed by the
    coordinator, who has read them (a fluent speaker, or with one)."""
    version = draft_version(version_id)
    if lang not in SURVEY_LANGUAGES:
        abort(404)
    require_confirmation()
    operations.mark_reviewed(version, lang, current_user)
    flash(_("The %(language)s texts are marked as reviewed by you.",
            language=SURVEY_LANGUAGES[lang]), "success")
    return redirect_to(_detail_url(version))


@bp.route("/msi/templates/versions/<int:version_id>/publish", methods=["POST"])
@role_required("is_coordinator")
def template_publish(version_id):
    """Publish a template's draft: members may then adopt it, and those who follow
    an earlier version see that a newer one is available."""
    version = draft_version(version_id)
    require_confirmation()
    try:
        operations.publish(version)
    except StateError as refused:
        if refused.args[0] not in PUBLISH_REFUSALS:
            abort(404)  # published meanwhile
        flash(_(PUBLISH_REFUSALS[refused.args[0]]), "error")
    else:
        flash(_("Version %(number)s of the template is published: members can start from it.",
                number=version.number), "success")
    return redirect_to(_detail_url(version))


@bp.route("/msi/templates/<int:questionnaire_id>/new-version", methods=["POST"])
@role_required("is_coordinator")
def template_new_version(questionnaire_id):
    """Start the template's next version as a copy of the latest published one."""
    template = get_or_404(Questionnaire, questionnaire_id)
    if not template.latest.is_published:
        abort(404)  # there is a draft to change
    require_confirmation()
    draft = operations.start_next_version(template)
    flash(_("Version %(number)s is a draft: change it, then publish it.", number=draft.number),
          "success")
    return redirect_to(url_for("msi.template_detail", questionnaire_id=template.id))
