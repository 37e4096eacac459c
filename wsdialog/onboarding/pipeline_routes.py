"""The pipeline with each supplier (brand staff), and the supplier's own answer
to an invitation to take part (supplier users)."""

from __future__ import annotations

import sqlalchemy as sa
from flask import abort, flash, request, url_for
from flask_babel import format_date
from flask_babel import gettext as _
from flask_login import current_user

from ..clock import now, today
from ..extensions import db
from ..listing import few, listing
from ..models import StateError, Supplier
from ..tenancy import get_or_404, scoped
from ..web import redirect_to, render, role_required
from . import bp, operations, pipeline, queries
from .forms import AnswerForm, MoveForm, StrategiesForm
from .models import Engagement
from .pipeline import Stage

#: Suppliers shown per stage on the board; a stage's own page lists them all.
BOARD_ROWS = 12


@bp.route("/onboarding")
@role_required("is_brand")
def board():
    """The company's suppliers by stage (the first few of each, and how many),
    with re-asks that are due; ``?stage=`` lists one stage a page at a time."""
    chosen = next((s for s in Stage if s.value == request.args.get("stage")), None)
    day = today()
    if chosen is not None:
        page = listing(queries.in_stage(chosen), {"name": sa.func.lower(Supplier.name)},
                       "name", request.args, then=(Supplier.id,))
        return render("onboarding/stage.html", stage=chosen, page=page,
                      engagements=queries.engagements_of(page.items))
    columns = {stage: few(queries.in_stage(stage).order_by(sa.func.lower(Supplier.name),
                                                           Supplier.id), BOARD_ROWS)
               for stage in Stage}
    engagements = queries.engagements_of([s for column in columns.values() for s in column])
    due = few(queries.reasks_due(day), BOARD_ROWS)
    return render("onboarding/board.html", columns=columns, engagements=engagements,
                  due=due, today=day)


def _detail(supplier: Supplier, engagement: Engagement | None, move_form=None,
            http_status: int = 200):
    stage = engagement.stage if engagement else Stage.candidate
    respected = engagement is not None and engagement.is_respecting_decline(today())
    decline = engagement.last_decline if respected else None
    return render("onboarding/engagement.html", supplier=supplier, engagement=engagement,
                  stage=stage, move_form=move_form or MoveForm(stage),
                  strategies_form=_strategies_form(engagement, supplier),
                  may_approach=pipeline.may_approach(
                      stage, engagement.reask_on if engagement else None, today()),
                  respected=respected, decline=decline, today=today(),
                  http_status=http_status)


@bp.route("/onboarding/suppliers/<int:supplier_id>")
@role_required("is_brand")
def engagement_detail(supplier_id):
    """One supplier's journey: stage, history, strategies, messages."""
    supplier = get_or_404(Supplier, supplier_id)
    return _detail(supplier, queries.existing_engagement(supplier, current_user))


def _refused_while_declined(engagement: Engagement) -> str:
    """Why a declined supplier is not moved before its re-ask date."""
    decline = engagement.last_decline
    if decline is not None and decline.by.is_supplier:
        return _("%(supplier)s itself declined on %(day)s. Its answer is respected: it is not "
                 "moved back or asked again before %(date)s.",
                 supplier=engagement.supplier.name, day=format_date(decline.at.date()),
                 date=format_date(engagement.reask_on))
    return _("This supplier declined. Please wait until %(date)s before asking again.",
             date=format_date(engagement.reask_on))


def _ambassadors(supplier: Supplier) -> list[Supplier]:
    return list(db.session.scalars(
        scoped(Supplier).join(Engagement, Engagement.supplier_id == Supplier.id)
        .where(Engagement.company_id == current_user.company_id,
               Engagement.stage == Stage.joined, Supplier.id != supplier.id)
        .order_by(Supplier.name)))


def _strategies_form(engagement, supplier, formdata=None):
    form = StrategiesForm(_ambassadors(supplier), formdata=formdata)
    if formdata is None and engagement is not None:
        form.strategies.data = list(engagement.strategies or [])
        form.ambassador.data = str(engagement.ambassador_id or "")
    return form


@bp.route("/onboarding/suppliers/<int:supplier_id>/move", methods=["POST"])
@role_required("is_brand")
def move(supplier_id):
    """Move the supplier to another stage. A decline needs a reason; a declined
    supplier cannot be approached before its re-ask date."""
    supplier = get_or_404(Supplier, supplier_id)
    existing = queries.existing_engagement(supplier, current_user)
    current = existing.stage if existing else Stage.candidate
    form = MoveForm(current)
    if form.validate_on_submit():
        target = Stage(form.stage.data)
        try:
            operations.move(supplier, target, current_user, at=now(), today=today(),
                            reasons=form.reasons.data or [], note=form.note.data or "",
                            reask_on=form.reask_on.data)
        except StateError as refused:
            if refused.args[0] != "declined":
                abort(400)  # the stage changed meanwhile (another tab): reload and choose again
            form.stage.errors.append(_refused_while_declined(existing))
            return _detail(supplier, existing, form, http_status=422)
        else:
            flash(_("%(supplier)s is now: %(stage)s.", supplier=supplier.name,
                    stage=_(pipeline.STAGE_NAMES[target])), "success")
            return redirect_to(url_for("onboarding.engagement_detail",
                                       supplier_id=supplier.id))
    return _detail(supplier, existing, form)


@bp.route("/onboarding/suppliers/<int:supplier_id>/strategies", methods=["POST"])
@role_required("is_brand")
def strategies(supplier_id):
    """Record which engagement strategies were used."""
    supplier = get_or_404(Supplier, supplier_id)
    form = _strategies_form(None, supplier, formdata=request.form)
    if form.validate_on_submit():
        operations.save_strategies(
            supplier, current_user, list(form.strategies.data or []),
            int(form.ambassador.data) if form.ambassador.data else None)
        flash(_("Saved."), "success")
    else:
        flash(_("Please choose from the lists."), "error")
    return redirect_to(url_for("onboarding.engagement_detail", supplier_id=supplier.id))


# --- the supplier's side ---------------------------------------------------------


@bp.route("/participation")
@role_required("is_supplier")
def participation():
    """Invitations to take part, from every company that approached the supplier."""
    engagements = list(db.session.scalars(
        scoped(Engagement).order_by(Engagement.updated_at.desc())))
    return render("onboarding/participation.html", engagements=engagements,
                  forms={e.id: AnswerForm(prefix=f"e{e.id}") for e in engagements})


@bp.route("/participation/<int:engagement_id>", methods=["POST"])
@role_required("is_supplier")
def answer(engagement_id):
    """The supplier confirms or declines itself (with reasons if it wishes)."""
    engagement = get_or_404(Engagement, engagement_id)
    form = AnswerForm(prefix=f"e{engagement.id}")
    if form.validate_on_submit():
        try:  # only while approached or in discussion: the pipeline's moves
            operations.answer(engagement, bool(form.join.data), current_user, at=now(),
                              today=today(), reasons=form.reasons.data or ["other"],
                              note=form.note.data or "")
        except StateError:
            pass
        else:
            if form.join.data:
                flash(_("Thank you! %(company)s will contact you about the next steps.",
                        company=engagement.company.name), "success")
            else:
                flash(_("Thank you for letting us know. Nobody will ask you again for six "
                        "months."), "success")
            return redirect_to(url_for("onboarding.participation"))
    flash(_("This invitation cannot be answered any more."), "error")
    return redirect_to(url_for("onboarding.participation"))


@bp.route("/onboarding/figures")
@role_required("is_brand")
def funnel():
    """Approached, joined and declined, reasons, time to join, what helped, and
    re-asks due this month, for a year (``?year=``) or all years."""
    day = today()
    try:
        year = int(request.args.get("year", "")) or None
    except ValueError:
        year = None
    moves = queries.all_moves()
    years = sorted({m.at.year for m in moves if m.to_stage is Stage.approached}, reverse=True)
    figures = pipeline.funnel(moves, year)
    month_end = pipeline.add_months(day.replace(day=1), 1)
    due = [e for e in db.session.scalars(scoped(Engagement).where(
        Engagement.stage == Stage.declined, Engagement.reask_on < month_end)
        .order_by(Engagement.reask_on))]
    return render("onboarding/funnel.html", figures=figures, year=year, years=years, due=due)
