"""Questionnaires: versions, questions in every survey language, and the linter."""

from __future__ import annotations

from flask import abort, flash, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from ..extensions import db
from ..forms import ConfirmForm
from ..links import links
from ..models import Role, StateError, Supplier, User
from ..tenancy import get_or_404, scoped
from ..web import redirect_to, render, require_confirmation, role_required
from . import bp, linter, operations
from .editor import draft_version, question_page
from .forms import (
    WHOLE,
    ConsultedCommentForm,
    NewQuestionnaireForm,
    ShareForm,
    StandardsForm,
    SupplierCommentForm,
)
from .models import (
    COMMENT_SOURCES,
    PUBLISH_REFUSALS,
    DraftShare,
    Question,
    QuestionComment,
    Questionnaire,
    QuestionnaireVersion,
)
from .queries import published_template_version
from .starter import STARTER, SURVEY_LANGUAGES, THEMES


@bp.route("/questionnaires", methods=["GET", "POST"])
@role_required("is_brand")
def questionnaire_list():
    """The company's questionnaires; the form starts a new one."""
    form = NewQuestionnaireForm()
    if form.validate_on_submit():
        template = published_template_version(form.template_version_id) \
            if form.template_version_id else None
        if form.template_version_id and template is None:
            abort(404)  # withdrawn meanwhile: the choices were read a moment ago
        if template is not None:
            questionnaire = operations.adopt_template(
                template, current_user.company, form.name.data, form.cite_standards.data)
        else:
            questionnaire = operations.create_questionnaire(
                current_user.company_id, form.name.data, form.cite_standards.data,
                from_starter=form.start.data == "starter")
        flash(_("The questionnaire is created as a draft."), "success")
        return redirect_to(url_for("questionnaires.questionnaire_detail",
                                   questionnaire_id=questionnaire.id))
    questionnaires = list(db.session.scalars(scoped(Questionnaire).order_by(Questionnaire.name)))
    return render("questionnaires/questionnaires.html", questionnaires=questionnaires, form=form,
                  starter_count=len(STARTER), survey_language_count=len(SURVEY_LANGUAGES))


@bp.route("/questionnaires/<int:questionnaire_id>")
@role_required("is_brand")
def questionnaire_detail(questionnaire_id):
    """The latest version with its questions, the linter's warnings and the
    comments beside each question."""
    questionnaire = get_or_404(Questionnaire, questionnaire_id)
    return _version_page(questionnaire.latest)


@bp.route("/questionnaires/versions/<int:version_id>")
@role_required("is_brand")
def version_detail(version_id):
    """Any version, as it was published (or the draft), with the comments made on it."""
    return _version_page(get_or_404(QuestionnaireVersion, version_id))


def _lint(version: QuestionnaireVersion) -> tuple[list, list[str]]:
    drafts = [linter.Draft(q.code, q.theme, q.negative, {t.locale: t.text for t in q.texts},
                           q.standard_ref)
              for q in version.questions]
    languages = version.text_languages()
    return linter.lint(drafts, languages, links().answer_history(version),
                       cite_standards=version.questionnaire.cite_standards), languages


def _comments(version: QuestionnaireVersion) -> dict[str, list[QuestionComment]]:
    """The comments the current user may read, by question code ("" for the whole
    questionnaire and for questions no longer in the version)."""
    codes = set(version.codes)
    by_code: dict[str, list[QuestionComment]] = {}
    for comment in db.session.scalars(scoped(QuestionComment).where(
            QuestionComment.version_id == version.id).order_by(QuestionComment.created_at,
                                                               QuestionComment.id)):
        by_code.setdefault(comment.question_code if comment.question_code in codes else "",
                           []).append(comment)
    return by_code


def _version_page(version: QuestionnaireVersion, consulted_form=None, share_form=None):
    questionnaire = version.questionnaire
    warnings, languages = _lint(version)
    reviewed = version.reviewed_languages()
    suppliers = list(db.session.scalars(scoped(Supplier).order_by(Supplier.name)))
    if share_form is None:
        share_form = ShareForm(formdata=None, suppliers=[s.supplier_id for s in version.shares])
    share_form.suppliers.choices = [(s.id, s.name) for s in suppliers]
    if consulted_form is None:
        consulted_form = ConsultedCommentForm(version.codes, formdata=None,
                                              about=request.args.get("about", WHOLE))
    return render("questionnaires/questionnaire.html", questionnaire=questionnaire,
                  version=version, warnings=warnings, themes=THEMES,
                  reviewed_languages=[SURVEY_LANGUAGES[lang] for lang in reviewed],
                  languages_lost=[] if version.is_published else [
                      SURVEY_LANGUAGES[lang] for lang in sorted(
                          links().cycle_languages(questionnaire) - set(reviewed))],
                  survey_languages=SURVEY_LANGUAGES, used_languages=languages,
                  confirm_form=ConfirmForm(), tasks=links().open_tasks(version),
                  is_latest=version is questionnaire.latest, comments=_comments(version),
                  template_update=questionnaire.template_update,
                  sources=COMMENT_SOURCES, consulted_form=consulted_form,
                  share_form=share_form, has_suppliers=bool(suppliers),
                  reviewers=list(db.session.scalars(scoped(User).where(
                      User.role == Role.reviewer, User.active.is_(True)).order_by(User.name))),
                  standards_form=StandardsForm(formdata=None,
                                               cite_standards=questionnaire.cite_standards))


def _detail_url(version: QuestionnaireVersion) -> str:
    return url_for("questionnaires.questionnaire_detail", questionnaire_id=version.questionnaire_id)


@bp.route("/questionnaires/versions/<int:version_id>/questions/new", methods=["GET", "POST"])
@role_required("is_brand")
def question_new(version_id):
    """Add a question to a draft version."""
    version = draft_version(version_id)
    return question_page(version, None, _detail_url(version))


@bp.route("/questions/<int:question_id>/edit", methods=["GET", "POST"])
@role_required("is_brand")
def question_edit(question_id):
    """Change a question of a draft version (404 once published)."""
    question = get_or_404(Question, question_id)
    version = draft_version(question.version_id)
    return question_page(version, question, _detail_url(version))


@bp.route("/questions/<int:question_id>/delete", methods=["POST"])
@role_required("is_brand")
def question_delete(question_id):
    """Remove a question from a draft version."""
    question = get_or_404(Question, question_id)
    version = draft_version(question.version_id)
    require_confirmation()
    operations.remove_question(question)
    return redirect_to(url_for("questionnaires.questionnaire_detail",
                               questionnaire_id=version.questionnaire_id))


@bp.route("/questionnaires/versions/<int:version_id>/review/<lang>", methods=["POST"])
@role_required("is_brand")
def review_language(version_id, lang):
    """Mark every text of one language in a draft as reviewed by the current user,
    who has read them (a fluent speaker, or with one)."""
    version = draft_version(version_id)
    if lang not in SURVEY_LANGUAGES:
        abort(404)
    require_confirmation()
    operations.mark_reviewed(version, lang, current_user)
    flash(_("The %(language)s texts are marked as reviewed by you.",
            language=SURVEY_LANGUAGES[lang]), "success")
    return redirect_to(url_for("questionnaires.questionnaire_detail",
                               questionnaire_id=version.questionnaire_id))


@bp.route("/questionnaires/versions/<int:version_id>/publish", methods=["POST"])
@role_required("is_brand")
def publish(version_id):
    """Publish a draft; from then on it cannot change."""
    version = draft_version(version_id)
    require_confirmation()
    try:
        languages = operations.publish(version)
    except StateError as refused:
        if refused.args[0] not in PUBLISH_REFUSALS:
            abort(404)  # published meanwhile (another tab): no draft to publish any more
        flash(_(PUBLISH_REFUSALS[refused.args[0]]), "error")
    else:
        flash(_("Version %(number)s is published and can be used in cycles, in: "
                "%(languages)s.", number=version.number,
                languages=", ".join(SURVEY_LANGUAGES[lang] for lang in languages)), "success")
    return redirect_to(url_for("questionnaires.questionnaire_detail",
                               questionnaire_id=version.questionnaire_id))


@bp.route("/questionnaires/<int:questionnaire_id>/new-version", methods=["POST"])
@role_required("is_brand")
def new_version(questionnaire_id):
    """Start the next version as a copy of the latest published one."""
    questionnaire = get_or_404(Questionnaire, questionnaire_id)
    if not questionnaire.latest.is_published:
        abort(404)  # there is a draft to change: no route makes a second one
    require_confirmation()
    draft = operations.start_next_version(questionnaire)
    flash(_("Version %(number)s is a draft: change it, then publish it.",
            number=draft.number), "success")
    return redirect_to(url_for("questionnaires.questionnaire_detail",
                               questionnaire_id=questionnaire.id))


@bp.route("/questionnaires/<int:questionnaire_id>/new-version-from-template", methods=["POST"])
@role_required("is_brand")
def new_version_from_template(questionnaire_id):
    """Start the next version from the newer MSI template version: the template's
    questions, then the company's own (404 without a newer one, or while the
    latest version is a draft)."""
    questionnaire = get_or_404(Questionnaire, questionnaire_id)
    update = questionnaire.template_update
    if update is None or not questionnaire.latest.is_published:
        abort(404)
    require_confirmation()
    draft = operations.start_next_version(questionnaire, update)
    flash(_("Version %(number)s is a draft from the MSI template's version %(template)s: "
            "check it, then publish it.", number=draft.number, template=update.number),
          "success")
    return redirect_to(url_for("questionnaires.questionnaire_detail",
                               questionnaire_id=questionnaire.id))


@bp.route("/questionnaires/<int:questionnaire_id>/standards", methods=["POST"])
@role_required("is_brand")
def standards(questionnaire_id):
    """Whether the company wants a standard cited for each question."""
    questionnaire = get_or_404(Questionnaire, questionnaire_id)
    form = StandardsForm()
    if form.validate_on_submit():
        operations.cite_standards(questionnaire, form.cite_standards.data)
        flash(_("Saved."), "success")
    return redirect_to(url_for("questionnaires.questionnaire_detail",
                               questionnaire_id=questionnaire.id))


@bp.route("/questionnaires/versions/<int:version_id>/sharing", methods=["POST"])
@role_required("is_brand")
def sharing(version_id):
    """Open a draft to some of the company's suppliers for comments (404 once
    published); a supplier left out no longer sees it, its comments stay."""
    version = draft_version(version_id)
    form = ShareForm()
    form.suppliers.choices = [(s.id, s.name) for s in db.session.scalars(scoped(Supplier))]
    if not form.validate_on_submit():
        return _version_page(version, share_form=form)
    chosen = set(form.suppliers.data or [])
    operations.share(version, chosen, current_user)
    flash(ngettext("%(num)s supplier may comment on this draft.",
                   "%(num)s suppliers may comment on this draft.", len(chosen)), "success")
    return redirect_to(url_for("questionnaires.version_detail", version_id=version.id))


@bp.route("/questionnaires/versions/<int:version_id>/comments", methods=["POST"])
@role_required("is_brand")
def consulted_comment(version_id):
    """Record what a worker representative or union the brand consulted said
    about a draft (404 once published)."""
    version = draft_version(version_id)
    form = ConsultedCommentForm(version.codes)
    if not form.validate_on_submit():
        return _version_page(version, consulted_form=form)
    operations.comment(version, question_code=form.question_code, source=form.source.data,
                       consulted=form.consulted.data, text=form.text.data, author=current_user)
    flash(_("The comment is recorded."), "success")
    return redirect_to(url_for("questionnaires.version_detail", version_id=version.id))


# --- the supplier's side: drafts opened to it ------------------------------------


@bp.route("/questionnaires/shared")
@role_required("is_supplier")
def shared_list():
    """The questionnaires the brands have opened to the user's organisation."""
    shares = db.session.scalars(scoped(DraftShare).order_by(DraftShare.shared_at.desc()))
    return render("questionnaires/shared_list.html", shares=list(shares))


@bp.route("/questionnaires/shared/<int:share_id>")
@role_required("is_supplier")
def shared_draft(share_id):
    """A questionnaire opened to the user's organisation, with its own comments;
    404 for anyone else's."""
    return _shared_page(get_or_404(DraftShare, share_id))


def _shared_page(share: DraftShare, form=None):
    version = share.version
    if form is None:
        form = SupplierCommentForm(version.codes, formdata=None,
                                   about=request.args.get("about", WHOLE))
    return render("questionnaires/shared.html", share=share, version=version,
                  questionnaire=version.questionnaire, themes=THEMES,
                  survey_languages=SURVEY_LANGUAGES, comments=_comments(version),
                  sources=COMMENT_SOURCES, form=form)


@bp.route("/questionnaires/shared/<int:share_id>/comments", methods=["POST"])
@role_required("is_supplier")
def supplier_comment(share_id):
    """Comment on a question of a draft opened to the user's organisation."""
    share = get_or_404(DraftShare, share_id)
    version = share.version
    form = SupplierCommentForm(version.codes)
    if not form.validate_on_submit():
        return _shared_page(share, form)
    try:
        operations.comment(version, question_code=form.question_code, source="supplier",
                           supplier_id=current_user.supplier_id, text=form.text.data,
                           author=current_user)
    except StateError:
        flash(_("This version is published: comments on it are closed."), "error")
        return redirect_to(url_for("questionnaires.shared_draft", share_id=share.id))
    flash(_("Thank you: %(company)s receives the comment.",
            company=version.questionnaire.company.name), "success")
    return redirect_to(url_for("questionnaires.shared_draft", share_id=share.id))
