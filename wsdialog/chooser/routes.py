"""Assessments, step by step, and the advice that follows. Brand staff only:
suppliers and coordinators never see them."""

from __future__ import annotations

from flask import abort, flash, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..clock import today
from ..extensions import db
from ..forms import ConfirmForm
from ..models import Site, Supplier
from ..onboarding.pipeline import STAGE_NAMES, Stage, may_approach
from ..onboarding.queries import existing_engagement
from ..suppliers.queries import may_keep_sites
from ..tenancy import get_or_404, scoped
from ..web import is_partial_request, redirect_to, render, require_confirmation, role_required
from . import bp, operations, rules
from .forms import StartForm, step_form_class
from .models import Assessment
from .questions import (
    QUESTIONS,
    STEP_OF,
    STEPS,
    clean,
    questions_to_ask,
    same_answers,
    step_index,
)


def _label(code: str, value) -> str:
    """The chosen option's label, translated; several joined by commas."""
    question = QUESTIONS[code]
    labels = {o.value: o.label for o in question.options}
    values = value if isinstance(value, list) else [value]
    return ", ".join(_(labels[v]) for v in values if v in labels)


@bp.route("/assessments")
@role_required("is_brand")
def assessment_list():
    """The company's assessments, newest first."""
    assessments = list(db.session.scalars(
        scoped(Assessment).order_by(Assessment.created_at.desc(), Assessment.id.desc())))
    return render("chooser/list.html", assessments=assessments)


@bp.route("/assessments/new", methods=["GET", "POST"])
@role_required("is_brand")
def assessment_new():
    """Start an assessment for a site (``?site_id=``) or a country in general."""
    sites = list(db.session.scalars(
        scoped(Site).join(Site.supplier).order_by(Supplier.name, Site.name)))
    form = StartForm(sites)
    if request.method == "GET" and request.args.get("site_id"):
        form.site.data = request.args["site_id"]
    if form.validate_on_submit():
        site = get_or_404(Site, form.site.data) if form.site.data else None
        assessment = operations.start(current_user, site, form.country.data,
                                      form.sector.data or "")
        return redirect_to(url_for("chooser.step", assessment_id=assessment.id,
                                   step_code=STEPS[0].code))
    return render("chooser/start.html", form=form)


@bp.route("/assessments/<int:assessment_id>/steps/<step_code>", methods=["GET", "POST"])
@role_required("is_brand")
def step(assessment_id, step_code):
    """One step of the questionnaire. Posting saves its answers and moves on;
    htmx swaps the next step in, without JavaScript it is a normal page."""
    assessment = get_or_404(Assessment, assessment_id)
    index = step_index(step_code)
    if index is None:
        abort(404)
    current = STEPS[index]
    known = assessment.known_answers()
    answers = dict(assessment.answers or {})
    questions = questions_to_ask(current, answers, known)
    form = step_form_class(questions)(data={q.code: answers.get(q.code) for q in questions})
    if form.validate_on_submit():
        for question in current.questions:
            answers.pop(question.code, None)
        for question in questions:
            value = getattr(form, question.code).data
            if value not in (None, "", []):
                answers[question.code] = value
        # Drop answers that no longer apply (e.g. about a union after "no union").
        answers = {c: v for c, v in clean(answers).items()
                   if QUESTIONS[c].applies({**answers, **known})}
        # What the site record answers is not kept (it is read from the site), so
        # an older copy of it in the stored answers is no change either.
        def own(given):
            return {c: v for c, v in given.items() if c not in known}

        changed = None if same_answers(own(answers), own(assessment.answers or {})) \
            else answers
        # An answer can open a follow-up question in this same step (a grievance
        # mechanism: do workers trust it?). Without JavaScript it could not be shown
        # beforehand, so the step comes back with it instead of moving on.
        asked = {q.code for q in questions}
        follow_ups = [q.code for q in questions_to_ask(current, answers, known)
                      if q.code not in asked]
        if follow_ups:
            operations.save_answers(assessment, changed)
            return _show_step(assessment, index, known, answers, follow_ups)
        if index + 1 < len(STEPS):
            operations.save_answers(assessment, changed)
            return _show_step(assessment, index + 1, known, answers)
        operations.save_answers(assessment, changed, conclude=True)
        return redirect_to(url_for("chooser.result", assessment_id=assessment.id))
    return render("chooser/step.html", "chooser/_step.html", **_step_context(
        assessment, index, known, form, questions))


def _show_step(assessment, index, known, answers, follow_ups=()):
    """After a saved step: the next one, or the same one with its new follow-up
    questions (for htmx, as a fragment with its URL pushed; otherwise a redirect,
    so reloading does not post again)."""
    next_code = STEPS[index].code
    url = url_for("chooser.step", assessment_id=assessment.id, step_code=next_code)
    if not is_partial_request():
        if follow_ups:
            url = url_for("chooser.step", assessment_id=assessment.id, step_code=next_code,
                          follow_up=list(follow_ups), _anchor=f"q-{follow_ups[0]}")
        return redirect_to(url)
    questions = questions_to_ask(STEPS[index], answers, known)
    form = step_form_class(questions)(
        formdata=None, data={q.code: answers.get(q.code) for q in questions})
    response = render("chooser/step.html", "chooser/_step.html", **_step_context(
        assessment, index, known, form, questions, follow_ups))
    response.headers["HX-Push-Url"] = url
    return response


def _step_context(assessment, index, known, form, questions, follow_ups=None):
    if follow_ups is None:  # after a redirect: named in the query string
        follow_ups = request.args.getlist("follow_up")
    return dict(assessment=assessment, steps=STEPS, index=index, current=STEPS[index],
                form=form, questions=questions, follow_ups=set(follow_ups),
                known=[(QUESTIONS[c], _label(c, v)) for c, v in known.items()
                       if STEP_OF[c] is STEPS[index]],
                previous=STEPS[index - 1] if index else None)


@bp.route("/assessments/<int:assessment_id>")
@role_required("is_brand")
def result(assessment_id):
    """The advice: every method's fit with reasons linked to the answers."""
    assessment = get_or_404(Assessment, assessment_id)
    answers = assessment.all_answers()
    history = []
    if assessment.site_id:
        history = list(db.session.scalars(scoped(Assessment).where(
            Assessment.site_id == assessment.site_id, Assessment.id != assessment.id)
            .order_by(Assessment.created_at.desc())))
    return render("chooser/result.html", assessment=assessment,
                  recommendation=assessment.recommendation(), answers=answers,
                  label=_label, questions=QUESTIONS, step_of=STEP_OF,
                  guidance=rules.GUIDANCE, history=history, confirm_form=ConfirmForm(),
                  next_step=_next_step(assessment), new_facts=assessment.new_site_facts(),
                  may_keep_site=assessment.site is not None and may_keep_sites(
                      assessment.site.supplier, current_user))


def _next_step(assessment: Assessment) -> dict | None:
    """Where the advice leads for a site: planning a cycle there once its supplier
    has joined, else approaching the supplier (when a decline does not forbid it)."""
    if assessment.site is None:
        return None
    engagement = existing_engagement(assessment.site.supplier, current_user)
    stage = engagement.stage if engagement else Stage.candidate
    return {"joined": stage is Stage.joined, "stage": STAGE_NAMES[stage],
            "may_approach": may_approach(stage, engagement and engagement.reask_on, today())}


@bp.route("/assessments/<int:assessment_id>/site-record", methods=["POST"])
@role_required("is_brand")
def site_record(assessment_id):
    """Put the answers the site record does not know yet (a trade union, a worker
    committee) into it. Refused (403, nothing changes) when the supplier's own
    people keep its sites' facts, as on the site's edit page."""
    assessment = get_or_404(Assessment, assessment_id)
    site = assessment.site
    if site is None:
        abort(404)
    require_confirmation()
    if not may_keep_sites(site.supplier, current_user):
        return render("suppliers/site_locked.html", supplier=site.supplier, site=site,
                      http_status=403)
    if operations.put_answers_in_site_record(assessment, current_user):
        flash(_("The site record of %(site)s now holds your answers; the change shows in "
                "its history.", site=site.name), "success")
    else:
        flash(_("The site record already holds these facts."), "info")
    return redirect_to(url_for("chooser.result", assessment_id=assessment.id))


@bp.route("/assessments/<int:assessment_id>/summary")
@role_required("is_brand")
def summary(assessment_id):
    """A printable summary to share internally (print stylesheet, no JavaScript)."""
    assessment = get_or_404(Assessment, assessment_id)
    answers = assessment.all_answers()
    return render("chooser/summary.html", assessment=assessment,
                  recommendation=assessment.recommendation(), answers=answers,
                  label=_label, steps=STEPS, guidance=rules.GUIDANCE)


@bp.route("/assessments/<int:assessment_id>/revise", methods=["POST"])
@role_required("is_brand")
def revise(assessment_id):
    """Start a new assessment from this one's answers; the old one stays in the
    history."""
    old = get_or_404(Assessment, assessment_id)
    require_confirmation()
    new = operations.revise(old, current_user)
    flash(_("A new version is started from your earlier answers. Change what is "
            "different now."), "info")
    return redirect_to(url_for("chooser.step", assessment_id=new.id,
                               step_code=STEPS[0].code))
