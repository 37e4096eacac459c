"""Prioritising sites: criteria per site, the company's weights, the score with
every criterion's contribution, and the sites selected for outreach."""

from __future__ import annotations

from flask import flash, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..clock import today
from ..extensions import db
from ..links import links
from ..models import Site, Supplier, SupplierRelationship
from ..tenancy import get_or_404, scoped
from ..web import redirect_to, render, role_required
from . import bp, operations, queries, scoring
from .forms import CriteriaForm, weights_form_class
from .models import Engagement, SitePriority
from .pipeline import Stage

RATINGS = ("country_risk", "labour_relations_risk", "severity", "irreversibility", "trust",
           "order_stability")


def _criteria(site: Site, record: SitePriority | None,
              relationship: SupplierRelationship | None, busy: set[int]) -> scoring.SiteCriteria:
    """The site's criteria; "already busy with similar projects" is what the
    company said, else yes where another member surveys the site (``busy``)."""
    ratings = {name: getattr(record, name) if record else None for name in RATINGS}
    return scoring.SiteCriteria(
        country_risk=ratings["country_risk"],
        labour_relations_risk=ratings["labour_relations_risk"],
        headcount=site.headcount, severity=ratings["severity"],
        irreversibility=ratings["irreversibility"],
        years=relationship.years_of_relationship if relationship else None,
        trust=ratings["trust"],
        purchase_share_pct=relationship.purchase_share_pct if relationship else None,
        order_stability=ratings["order_stability"],
        over_asked=record.over_asked if record and record.over_asked is not None
        else (True if site.id in busy else None))


@bp.route("/onboarding/priorities")
@role_required("is_brand")
def priorities():
    """Every site with its priority score, sortable and filterable (GET form)."""
    weights = queries.company_weights()
    records = {r.site_id: r for r in db.session.scalars(scoped(SitePriority))}
    relationships = {r.supplier_id: r for r in db.session.scalars(scoped(SupplierRelationship))}
    engagements = {e.supplier_id: e for e in db.session.scalars(scoped(Engagement))}
    busy = links().surveyed_by_others(current_user.company_id, today())
    rows, resting = [], []
    for site in db.session.scalars(scoped(Site).join(Site.supplier)
                                   .order_by(Supplier.name, Site.name)):
        record = records.get(site.id)
        criteria = _criteria(site, record, relationships.get(site.supplier_id), busy)
        engagement = engagements.get(site.supplier_id)
        row = {"site": site, "record": record,
               "priority": scoring.priority(criteria, weights),
               "outlook": scoring.expected_outlook(criteria),
               "shortlisted": bool(record and record.shortlisted),
               "joined": bool(engagement and engagement.stage is Stage.joined)}
        if engagement and engagement.stage is Stage.declined and engagement.reask_on \
                and engagement.reask_on > today():
            # A supplier that said no leaves the list until it may be asked again.
            resting.append((site, engagement.reask_on))
        else:
            rows.append(row)
    outlook = request.args.get("outlook", "")
    if outlook in ("higher_risk", "expected_good", "unknown"):
        rows = [r for r in rows if r["outlook"] == outlook]
    if request.args.get("selected") == "1":
        rows = [r for r in rows if r["shortlisted"]]
    sort = request.args.get("sort", "score")
    if sort == "name":
        rows.sort(key=lambda r: r["site"].name.casefold())
    else:
        rows.sort(key=lambda r: -r["priority"].score)
    selected = [r for r in rows if r["shortlisted"]]
    mix = {o: sum(1 for r in selected if r["outlook"] == o)
           for o in ("higher_risk", "expected_good")}
    return render("onboarding/priorities.html", "onboarding/_priority_rows.html", rows=rows,
                  criteria=scoring.CRITERIA, sort=sort, outlook=outlook,
                  only_selected=request.args.get("selected") == "1", mix=mix,
                  resting=resting)


@bp.route("/onboarding/sites/<int:site_id>/criteria", methods=["GET", "POST"])
@role_required("is_brand")
def criteria(site_id):
    """Record the selection criteria of one site."""
    site = get_or_404(Site, site_id)
    record = db.session.scalar(scoped(SitePriority).where(SitePriority.site_id == site.id))
    form = CriteriaForm(data=_form_data(record) if request.method == "GET" else None)
    if form.validate_on_submit():
        values = {name: int(value) if (value := getattr(form, name).data) else None
                  for name in RATINGS}
        values["over_asked"] = {"yes": True, "no": False}.get(form.over_asked.data)
        values["shortlisted"] = form.shortlisted.data
        operations.save_criteria(site, values, {**dict.fromkeys(RATINGS), "over_asked": None,
                                                "shortlisted": False})
        flash(_("Saved."), "success")
        return redirect_to(url_for("onboarding.priorities"))
    return render("onboarding/criteria.html", form=form, site=site)


def _form_data(record: SitePriority | None) -> dict:
    if record is None:
        return {}
    data = {name: str(getattr(record, name) or "") for name in RATINGS}
    data["over_asked"] = {True: "yes", False: "no"}.get(record.over_asked, "")
    data["shortlisted"] = record.shortlisted
    return data


@bp.route("/onboarding/weights", methods=["GET", "POST"])
@role_required("is_brand")
def weights():
    """The company's weights for the criteria (any whole numbers; shown as shares)."""
    form = weights_form_class()(data=queries.company_weights() if request.method == "GET" else None)
    if form.validate_on_submit():
        operations.save_weights(
            {code: getattr(form, code).data or 0 for code in scoring.CRITERIA},
            scoring.DEFAULT_WEIGHTS)
        flash(_("The weights are saved; scores are recalculated."), "success")
        return redirect_to(url_for("onboarding.priorities"))
    return render("onboarding/weights.html", form=form, criteria=scoring.CRITERIA,
                  shares=scoring.normalised(queries.company_weights()))
