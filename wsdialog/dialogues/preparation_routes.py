"""The brand's preparation: fields, attention points (proposed, the brand's own
and the supplier's) and the printable script."""

from __future__ import annotations

from flask import abort, flash, request, url_for
from flask_babel import get_locale, ngettext
from flask_babel import gettext as _
from flask_login import current_user

from ..forms import ConfirmForm
from ..grievances.queries import figures_near, theme_totals
from ..grievances.rules import THEMES as GRIEVANCE_THEMES
from ..grievances.rules import UNCLASSIFIED
from ..results.dashboard import page_facts
from ..results.operations import record_figures_shown
from ..tenancy import get_or_404
from ..web import redirect_to, render, require_confirmation, role_required
from . import bp, operations, proposals, queries
from .forms import PointForm, PrepareForm
from .models import PREPARATION, AttentionPoint, Dialogue
from .pages import detail_context, point_form_for, refused_as_404, sector_form
from .vocabulary import SECTOR_THEMES, TIPS


@bp.route("/dialogues/<int:dialogue_id>/points", methods=["POST"])
@role_required("is_brand", "is_supplier")
def point_add(dialogue_id):
    """Add a point to raise: the brand's own, or the supplier's before the meeting."""
    dialogue = get_or_404(Dialogue, dialogue_id)
    form = point_form_for(dialogue, request.form)
    if not form.validate_on_submit():
        if current_user.is_brand:  # the brand's point form is on the preparation page
            return _prepare_page(dialogue, _prepare_form(dialogue, formdata=None), form,
                                 http_status=422)
        return render("dialogues/detail.html", http_status=422,
                      **detail_context(dialogue, point_form=form))
    with refused_as_404():  # the supplier's, after the meeting
        operations.add_points(dialogue, [AttentionPoint(
            kind="supplier" if current_user.is_supplier else "own", text=form.text.data,
            question_code=form.question_code.data or None,
            by_supplier=current_user.is_supplier, company_id=current_user.company_id)])
    flash(_("The point is added."), "success")
    target = "dialogues.dialogue_detail" if current_user.is_supplier else "dialogues.prepare"
    return redirect_to(url_for(target, dialogue_id=dialogue.id) + "#points")


@bp.route("/points/<int:point_id>/edit", methods=["POST"])
@role_required("is_brand")
def point_edit(point_id):
    """Change a point's words (a proposed one, or the brand's own; never the
    supplier's, which are its own words)."""
    point = get_or_404(AttentionPoint, point_id)
    if point.by_supplier or point.company_id != current_user.company_id:
        abort(404)  # the supplier's words, or another owner's shared preparation
    text = (request.form.get("text") or "").strip()
    require_confirmation()
    if not text or len(text) > 500:
        flash(_("A point needs words, at most 500 characters."), "error")
    else:
        operations.edit_point(point, text)
    return redirect_to(url_for("dialogues.prepare", dialogue_id=point.dialogue_id)
                       + "#points")


@bp.route("/points/<int:point_id>/remove", methods=["POST"])
@role_required("is_brand", "is_supplier")
def point_remove(point_id):
    """Remove a point (supplier users: their own, before the meeting)."""
    point = get_or_404(AttentionPoint, point_id)
    if current_user.is_brand and point.company_id != current_user.company_id:
        abort(404)  # another owner's shared point is read, not removed
    require_confirmation()
    dialogue_id = point.dialogue_id
    with refused_as_404():  # after the meeting, the supplier's points are in the record
        operations.remove_point(point, current_user)
    target = "dialogues.dialogue_detail" if current_user.is_supplier else "dialogues.prepare"
    return redirect_to(url_for(target, dialogue_id=dialogue_id) + "#points")


@bp.route("/dialogues/<int:dialogue_id>/prepare", methods=["GET", "POST"])
@role_required("is_brand")
def prepare(dialogue_id):
    """The brand's preparation: fields, and attention points proposed from the
    results (priorities, big changes, strong results) to keep, edit or add."""
    dialogue = get_or_404(Dialogue, dialogue_id)
    form = _prepare_form(dialogue)
    if form.validate_on_submit():
        operations.save_preparation(
            dialogue, current_user.company_id,
            {name: getattr(form, name).data or "" for name in PREPARATION},
            form.look_beforehand.data or "", bool(form.shared.data) and dialogue.is_joint)
        flash(_("The preparation is saved."), "success")
        return redirect_to(url_for("dialogues.prepare", dialogue_id=dialogue.id))
    return _prepare_page(dialogue, form)


def _prepare_form(dialogue: Dialogue, formdata=False) -> PrepareForm:
    """The form with the company's own preparation, and the note to the supplier."""
    mine = queries.preparation_of(dialogue, current_user.company_id)
    data = {name: getattr(mine, name) for name in PREPARATION}
    data.update(look_beforehand=dialogue.look_beforehand, shared=mine.shared)
    if formdata is None:
        return PrepareForm(formdata=None, data=data)
    return PrepareForm(data=data)


def _shown_figures(dialogue: Dialogue) -> list[proposals.Figure]:
    """The figures the proposals come from, with the receipt for them (the
    dialogue's cycle and the one before) recorded first."""
    facts = page_facts(dialogue.cycle, current_user)
    record_figures_shown(facts.figures_from)
    return queries.figures_of(facts)


def _kept_codes(dialogue: Dialogue) -> set[str | None]:
    """The indicators the company's own points are about."""
    return {p.question_code for p in dialogue.points if p.company_id == current_user.company_id}


def _grievance_proposals(dialogue: Dialogue) -> list[tuple[proposals.GrievanceProposal, str]]:
    """Points proposed from the site's grievance figures (the company's, through
    the anonymity rule: a withheld theme proposes nothing), with their text."""
    figures = figures_near(dialogue.cycle.site, current_user, dialogue.cycle.ends_on)
    totals = {theme: count for theme, count in theme_totals(figures).items()
              if theme != UNCLASSIFIED}
    found = proposals.propose_from_grievances(totals, figures.received, figures.open_long)
    return [(proposal, _grievance_text(proposal, figures.year)) for proposal in found]


def _grievance_text(proposal: proposals.GrievanceProposal, year: int) -> str:
    if proposal.theme is None:
        return ngettext("%(num)s complaint still open more than 90 days after its period",
                        "%(num)s complaints still open more than 90 days after their period",
                        proposal.count)[:500]
    return _("Many complaints about %(theme)s: %(count)s of %(received)s in %(year)s",
             theme=_(GRIEVANCE_THEMES[proposal.theme]), count=proposal.count,
             received=proposal.received, year=year)[:500]


def _prepare_page(dialogue: Dialogue, form: PrepareForm, point_form: PointForm | None = None,
                  http_status: int = 200):
    kept = _kept_codes(dialogue)
    proposed = proposals.propose(_shown_figures(dialogue))
    # Ticked at first; once points were chosen (or the ticked ones kept), what is
    # still proposed was left out on purpose and comes back unticked.
    chosen = bool(kept) or request.args.get("kept") == "1"
    points = queries.points_of(dialogue)
    return render("dialogues/prepare.html", dialogue=dialogue, form=form, points=points,
                  shared_by_others=queries.shared_by_others(dialogue, current_user.company_id),
                  proposed=[p for p in proposed if p.code not in kept], chosen=chosen,
                  grievance_proposed=[(p, text) for p, text in _grievance_proposals(dialogue)
                                      if p.code not in kept],
                  questions={q.code: q for q in dialogue.cycle.version.questions},
                  kinds=proposals.KINDS, point_form=point_form or point_form_for(dialogue),
                  confirm_form=ConfirmForm(), tips=TIPS, http_status=http_status,
                  sector_forms={p.id: sector_form(p) for p in points
                                if p.company_id == current_user.company_id},
                  sector_themes=SECTOR_THEMES)


@bp.route("/dialogues/<int:dialogue_id>/proposals", methods=["POST"])
@role_required("is_brand")
def keep_proposals(dialogue_id):
    """Keep the proposed points that were ticked, as editable points."""
    dialogue = get_or_404(Dialogue, dialogue_id)
    require_confirmation()
    chosen = set(request.form.getlist("code")) - _kept_codes(dialogue)  # not twice
    locale = str(get_locale())
    questions = {q.code: q for q in dialogue.cycle.version.questions}
    points = [AttentionPoint(kind=proposal.kind, question_code=proposal.code,
                             company_id=current_user.company_id,
                             text=_point_text(proposal, questions[proposal.code].text(locale)))
              for proposal in proposals.propose(_shown_figures(dialogue))
              if proposal.code in chosen and proposal.code in questions]
    points += [AttentionPoint(kind="grievance", question_code=proposal.code, text=text,
                              company_id=current_user.company_id)
               for proposal, text in _grievance_proposals(dialogue) if proposal.code in chosen]
    operations.add_points(dialogue, points)
    flash(ngettext("%(num)s point is kept.", "%(num)s points are kept.", len(points)),
          "success")
    return redirect_to(url_for("dialogues.prepare", dialogue_id=dialogue.id, kept=1)
                       + "#points")


def _point_text(proposal: proposals.Proposal, question: str) -> str:
    share = f"{proposal.negative * 100:.0f}%"
    if proposal.kind == "priority":
        return _("Priority: %(share)s negative answers to “%(question)s”", share=share,
                 question=question)[:500]
    if proposal.kind == "change":
        points = f"{proposal.change * 100:+.0f}"
        return ngettext("Changed by %(points)s point since the previous cycle (now %(share)s "
                        "negative): “%(question)s”",
                        "Changed by %(points)s points since the previous cycle (now %(share)s "
                        "negative): “%(question)s”", abs(int(points)), points=points,
                        share=share, question=question)[:500]
    return _("A strong result worth a compliment (%(share)s negative): “%(question)s”",
             share=share, question=question)[:500]


@bp.route("/dialogues/<int:dialogue_id>/script")
@role_required("is_brand")
def script(dialogue_id):
    """The adapted openness script and the points, printable to take along."""
    dialogue = get_or_404(Dialogue, dialogue_id)
    return render("dialogues/script.html", dialogue=dialogue,
                  preparation=queries.preparation_of(dialogue, current_user.company_id),
                  points=queries.points_of(dialogue))
