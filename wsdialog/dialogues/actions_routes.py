"""What was agreed: actions, their updates by brand and supplier, whether they
worked in the next cycle, and one timeline per site."""

from __future__ import annotations

import io

from flask import abort, flash, request, send_file, url_for
from flask_babel import get_locale, gettext
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy.orm import undefer

from ..clock import now, today
from ..extensions import db
from ..listing import in_chunks, listing
from ..models import Site
from ..results import export
from ..results.operations import record_figures_shown
from ..surveys.models import SurveyCycle
from ..tenancy import get_or_404, scoped
from ..web import redirect_to, render, role_required, streamed_attachment
from . import bp, operations, queries
from .forms import ActionForm, NudgeForm, SectorForm, UpdateForm
from .models import (
    Action,
    ActionStatus,
    AttentionPoint,
    Dialogue,
    DialogueSettings,
    DialogueStatus,
    EvidenceFile,
)
from .pages import dialogue_in, sector_form
from .vocabulary import OWNERS, SECTOR_THEMES, STATUS_NAMES


def _held(dialogue_id) -> Dialogue:
    return dialogue_in(dialogue_id, DialogueStatus.held)  # agreements are made in the talk


def action_form(dialogue: Dialogue, formdata=None) -> ActionForm:
    form = ActionForm(formdata=formdata)
    locale = str(get_locale())
    form.codes.choices = [(q.code, q.label(locale))
                          for q in dialogue.cycle.version.questions]
    # In a joint dialogue: which owner acts, the writer's company first.
    owners = sorted({o.company_id: o.company.name for o in dialogue.cycle.co_owners}.items()
                    | {(dialogue.company_id, dialogue.company.name)},
                    key=lambda item: (item[0] != current_user.company_id, item[1]))
    form.acting_company.choices = [(str(cid), name) for cid, name in owners]
    return form


def _acting(dialogue: Dialogue, form: ActionForm) -> int | None:
    """The company that acts, when a brand does: the one chosen among the owners
    (a joint dialogue), else the dialogue's."""
    if form.owner.data != "brand":
        return None
    if dialogue.is_joint and form.acting_company.data:
        return int(form.acting_company.data)
    return dialogue.company_id


def _shown_effects(actions: list[Action]) -> dict[int, tuple[queries.Judged, list]]:
    """Before and after per action (``queries.effects``), with the receipt for the
    figures of the cycles read recorded first."""
    judged = queries.judged_on(actions, current_user)
    record_figures_shown(queries.effect_cycles(actions, judged))
    return queries.effects(actions, judged)


@bp.route("/dialogues/<int:dialogue_id>/actions", methods=["POST"])
@role_required("is_brand")
def action_add(dialogue_id):
    """Record an agreement: what, who, by when, for which indicators (once the
    dialogue is held)."""
    dialogue = _held(dialogue_id)
    form = action_form(dialogue, request.form)
    if not form.validate_on_submit():
        return render("dialogues/action_form.html", dialogue=dialogue, form=form,
                      http_status=422)
    operations.add_action(dialogue, Action(
        title=form.title.data, owner=form.owner.data, owner_name=form.owner_name.data or "",
        company_id=_acting(dialogue, form),
        due_on=form.due_on.data, codes=list(form.codes.data or []),
        purchasing=form.purchasing.data))
    flash(_("The agreement is recorded."), "success")
    return redirect_to(url_for("dialogues.dialogue_detail", dialogue_id=dialogue.id)
                       + "#actions")


@bp.route("/dialogues/<int:dialogue_id>/actions/new")
@role_required("is_brand")
def action_new(dialogue_id):
    """The form for an agreement."""
    dialogue = _held(dialogue_id)
    return render("dialogues/action_form.html", dialogue=dialogue, form=action_form(dialogue))


@bp.route("/actions/<int:action_id>", methods=["GET", "POST"])
@role_required("is_brand", "is_supplier")
def action_detail(action_id):
    """An agreement, its history, and whether it worked; both sides update its
    status with a comment and evidence (the brand is told of the supplier's)."""
    action = get_or_404(Action, action_id)
    form = UpdateForm(data={"status": action.status.value, "drop_reason": action.drop_reason}
                      if request.method == "GET" else None)
    if form.validate_on_submit():
        status = ActionStatus(form.status.data)
        drop_reason = form.drop_reason.data or "" if status is ActionStatus.dropped else ""
        if status is action.status and not (form.comment.data or form.evidence.data
                                            or form.checked) \
                and drop_reason == action.drop_reason:
            # Saved unchanged: nothing to record, and no news for the other side.
            flash(_("Saved."), "success")
            return redirect_to(url_for("dialogues.action_detail", action_id=action.id))
        operations.update_action(action, status, comment=form.comment.data or "",
                                 evidence=form.evidence.data or "", drop_reason=drop_reason,
                                 by=current_user, at=now(), file=form.checked)
        flash(_("Saved."), "success")
        return redirect_to(url_for("dialogues.action_detail", action_id=action.id))
    if current_user.is_brand and any(not u.seen_by_brand for u in action.updates):
        # A read receipt, like the supplier's first look at its results: opening
        # the agreement is what tells the app the brand has seen the news.
        operations.updates_seen(action)
    judged, effects = _shown_effects([action])[action.id]
    return render("dialogues/action.html", action=action, form=form, today=today(),
                  http_status=422 if form.errors else 200,
                  effects=effects, judged=judged, owners=OWNERS,
                  statuses=STATUS_NAMES, questions={
                      q.code: q for q in action.dialogue.cycle.version.questions},
                  sector_form=sector_form(action) if current_user.is_brand else None,
                  sector_themes=SECTOR_THEMES)


@bp.route("/evidence/<int:file_id>")
@role_required("is_brand", "is_supplier")
def evidence_file(file_id):
    """A file attached to an agreement's update, for the dialogue's brand and
    supplier (404 for anyone else): a photo shown in the browser (it was made
    anew, without metadata, when attached), a document downloaded."""
    file = get_or_404(EvidenceFile, file_id, options=[undefer(EvidenceFile.content)])
    return _file_response(file.content, file.content_type, file.filename,
                          inline=file.is_photo)


@bp.route("/evidence/<int:file_id>/small")
@role_required("is_brand", "is_supplier")
def evidence_thumbnail(file_id):
    """A photo's small picture, as shown in the agreement's history (404 for a
    document)."""
    file = get_or_404(EvidenceFile, file_id, options=[undefer(EvidenceFile.thumbnail)])
    if file.thumbnail is None:
        abort(404)
    return _file_response(file.thumbnail, "image/jpeg", file.filename, inline=True)


def _file_response(data: bytes, content_type: str, filename: str, inline: bool):
    """The stored bytes as they are, with a type the browser must not second-guess
    (``nosniff``) and a policy that runs nothing, should a file ever be opened as
    a page."""
    response = send_file(io.BytesIO(data), mimetype=content_type, as_attachment=not inline,
                         download_name=filename, conditional=False, etag=False)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@bp.route("/actions")
@role_required("is_brand", "is_supplier")
def action_list():
    """The agreements the user may see, with before/after per indicator: filtered
    (open, overdue, done), sorted and paged in SQL."""
    shown = request.args.get("shown", "")
    shown = shown if shown in queries.ACTION_FILTERS else ""
    actions = listing(queries.company_actions(shown, today()), queries.ACTION_SORTS, "due",
                      request.args, then=(Action.id,))
    effects = _shown_effects(actions.items)
    return render("dialogues/actions.html", actions=actions, shown=shown,
                  effects=effects, today=today(),
                  owners=OWNERS, statuses=STATUS_NAMES)


@bp.route("/actions.<any(csv, xlsx):kind>")
@role_required("is_brand")
def action_export(kind):
    """The company's agreements (the list's filter kept) with before/after:
    aggregated figures only, read and written a few hundred at a time."""
    shown = request.args.get("shown", "")
    stmt = queries.company_actions(shown if shown in queries.ACTION_FILTERS else "", today())

    def rows():
        yield [gettext("Supplier"), gettext("Site"), gettext("Agreement"), gettext("Who"),
               gettext("Due on"), gettext("Status"), gettext("Purchasing practice"),
               gettext("Code"), gettext("Negative before"), gettext("Negative after"),
               gettext("Judged on the cycle of")]
        for chunk in in_chunks(stmt.order_by(Action.due_on, Action.id)):
            found = _shown_effects(chunk)
            for action in chunk:
                yield from _export_rows(action, *found[action.id])

    return streamed_attachment(*export.streamed(rows(), kind, "agreements"),
                               f"agreements.{kind}")


def _export_rows(action: Action, judged: queries.Judged, effects: list):
    site = action.dialogue.site
    base = [site.supplier.name, site.name, action.title,
            action.owner_name or action.acting_company or gettext(OWNERS[action.owner]),
            action.due_on.isoformat(), gettext(STATUS_NAMES[action.status.value]),
            gettext("yes") if action.purchasing else ""]
    for item in effects or [None]:
        yield base + ([item.code, "" if item.before is None else round(item.before, 4),
                       "" if item.after is None else round(item.after, 4),
                       judged.cycle.starts_on.isoformat() if judged.cycle else ""]
                      if item else ["", "", "", ""])


@bp.route("/sites/<int:site_id>/history")
@role_required("is_brand", "is_supplier")
def site_history(site_id):
    """One timeline per site: survey cycles, dialogues and agreements."""
    site = get_or_404(Site, site_id)
    events = []
    for cycle in db.session.scalars(scoped(SurveyCycle).where(SurveyCycle.site_id == site.id)):
        events.append((cycle.starts_on, "cycle", cycle))
        if cycle.is_released:
            events.append((cycle.results_shared_on, "released", cycle))
    dialogues = list(db.session.scalars(scoped(Dialogue).join(Dialogue.cycle).where(
        SurveyCycle.site_id == site.id)))
    for dialogue in dialogues:
        events.append((dialogue.held_on or dialogue.starts_at.date(), "dialogue", dialogue))
        for action in dialogue.actions:
            events.append((action.due_on, "action", action))
    events.sort(key=lambda e: (e[0], ["cycle", "released", "dialogue", "action"].index(e[1])))
    return render("dialogues/site_history.html", site=site, events=events, today=today(),
                  statuses=STATUS_NAMES)


@bp.route("/settings/dialogues", methods=["GET", "POST"])
@role_required("is_brand_admin")
def dialogue_settings():
    """After how many days released results without a dialogue are flagged."""
    row = db.session.scalar(scoped(DialogueSettings))
    form = NudgeForm(obj=row, data=None if row else {"nudge_days": queries.DEFAULT_NUDGE_DAYS})
    if form.validate_on_submit():
        operations.save_settings(form.nudge_days.data, queries.DEFAULT_NUDGE_DAYS)
        flash(_("Saved."), "success")
        return redirect_to(url_for("dialogues.dialogue_settings"))
    return render("dialogues/settings.html", form=form)


@bp.route("/actions/<int:action_id>/sector", methods=["POST"])
@role_required("is_brand")
def action_sector(action_id):
    """Mark an agreement as needing a sector-wide solution (theme and country), or
    with ``remove`` unmark it. Brand staff only: it goes to the MSI, as counts."""
    action = get_or_404(Action, action_id)
    _mark(action)
    return redirect_to(url_for("dialogues.action_detail", action_id=action.id) + "#sector")


@bp.route("/points/<int:point_id>/sector", methods=["POST"])
@role_required("is_brand")
def point_sector(point_id):
    """The same for one of the brand's attention points."""
    point = get_or_404(AttentionPoint, point_id)
    if point.by_supplier or point.company_id != current_user.company_id:
        abort(404)  # the supplier's own point, or another owner's, is not ours to send on
    _mark(point)
    return redirect_to(url_for("dialogues.prepare", dialogue_id=point.dialogue_id) + "#points")


def _mark(item) -> None:
    if request.form.get("remove"):
        operations.mark_sector(item, None, None)
        flash(_("No longer marked as needing a sector-wide solution."), "success")
        return
    form = SectorForm()
    if not form.validate_on_submit():
        flash(_("Please choose a theme and a country."), "error")
        return
    operations.mark_sector(item, form.sector_theme.data, form.sector_country.data)
    flash(_("Marked: the MSI sees it among the issues that need a sector-wide solution."),
          "success")
