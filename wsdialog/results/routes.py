"""The results of a cycle: the same page for the brand and the supplier."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from babel.dates import format_date as babel_format_date
from flask import (
    abort,
    flash,
    get_template_attribute,
    make_response,
    render_template,
    request,
    url_for,
)
from flask_babel import get_locale, gettext
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup
from sqlalchemy.orm import joinedload

from .. import audit
from ..clock import today
from ..extensions import db
from ..forms import ConfirmForm
from ..links import links
from ..models import Site, utcnow
from ..questionnaires.starter import THEMES
from ..surveys.models import SurveyCycle, respondent_counts
from ..surveys.public_texts import NAMES, text_for
from ..surveys.respondents import ALLOWED, DEMOGRAPHICS, GROUP_NAMES
from ..surveys.store import forget_keys
from ..tenancy import get_or_404, keep_own, scoped
from ..web import (
    attachment,
    is_partial_request,
    redirect_to,
    render,
    require_confirmation,
    role_required,
)
from . import bp, export, operations, queries, reach
from .anonymity import MIN_GROUP
from .dashboard import PageFacts, is_priority, page_data, page_facts
from .forms import ResultsSettingsForm
from .kept import final_key, kept_for, kept_page_part
from .models import DEFAULT_PRIORITY_PCT, ResultsAccess, ResultsSettings
from .settings import settings_for


@bp.route("/cycles/<int:cycle_id>/results")
@role_required("is_brand", "is_supplier")
def cycle_results(cycle_id):
    """Indicators as green / orange / red bars, by theme or by negative share,
    filterable by one group at a time; suppressed where a group is too small.
    While the survey is open nobody sees answers, and supplier users see them
    once brand staff have released them: until then the page says where it stands."""
    cycle = get_or_404(SurveyCycle, cycle_id, options=(
        joinedload(SurveyCycle.site).joinedload(Site.supplier), joinedload(SurveyCycle.company)))
    if not queries.may_see_figures(cycle, current_user):
        return _not_yet(cycle)
    dimension, value = _chosen_group()
    sort = "negative" if request.args.get("sort") == "negative" else "theme"
    access = queries.access_of(cycle)
    if current_user.is_supplier and not is_partial_request():
        changed = access is None
        if changed:
            # The supplier has seen its results: the brand need not ask before
            # the dialogue.
            access = ResultsAccess(cycle_id=cycle.id, supplier_id=current_user.supplier_id)
            db.session.add(access)
        if audit.record_daily("results_viewed", company_id=cycle.company_id,
                              target=f"cycle {cycle.id}") or changed:
            db.session.commit()
    operations.record_figures_shown([cycle])
    body = _results_body(cycle, page_facts(cycle, current_user), dimension, value, sort)
    if is_partial_request():
        response = make_response(body)
        response.vary.add("HX-Request")
        return response
    return render("results/results.html", cycle=cycle, body=body,
                  dimension=dimension, value=value, sort=sort, access=access,
                  dimensions=DEMOGRAPHICS, allowed=ALLOWED, themes=THEMES,
                  group_names=GROUP_NAMES, reach_names=reach.NAMES,
                  confirm_form=ConfirmForm())


def _chosen_group() -> tuple[str, str]:
    """The group chosen in ``?group=dimension:value``; ("", "") for everyone."""
    dimension, _sep, value = request.args.get("group", "").partition(":")
    if dimension not in DEMOGRAPHICS or value not in ALLOWED.get(dimension, ()):
        return "", ""
    return dimension, value


def _results_body(cycle: SurveyCycle, facts: PageFacts, dimension: str, value: str,
                  sort: str) -> Markup:
    """The figures part of the page (also the htmx partial). For a released cycle it
    is written once per process for each language, filter, order, threshold and
    previous cycle, and kept: its figures can never change, and it shows nothing
    about the viewer. Everything it depends on is in the key."""

    def write() -> Markup:
        data = page_data(cycle, dimension, value, current_user, sort, facts)
        # A rendered template: autoescaped.
        return Markup(render_template(  # noqa: S704  # nosec
            "results/_results_body.html", cycle=cycle, data=data, themes=THEMES,
            dimension=dimension, value=value, reach_names=reach.NAMES))

    before = facts.previous
    if before is not None and final_key(before) is None:
        return write()  # compared with a cycle that may still change
    return kept_page_part(cycle, (
        "results body", str(get_locale()), cycle.headcount, facts.k, facts.priority_pct,
        dimension, value, sort, final_key(before) if before else None,
        # Who answered is read against the site's facts, which may be updated.
        cycle.site.share_women_pct, cycle.site.share_migrant_pct,
        cycle.site.share_temporary_pct, facts.first_year), write)


def _not_yet(cycle: SurveyCycle, http_status: int = 200):
    """Where a cycle stands when its answers may not be shown to this user:
    brand staff see how many answered so far, supplier users until when it is open."""
    respondents = respondent_counts([cycle.id])[cycle.id] if current_user.is_brand else None
    return render("results/not_yet.html", cycle=cycle, respondents=respondents,
                  http_status=http_status)


@bp.route("/cycles/<int:cycle_id>/release", methods=["POST"])
@role_required("is_brand")
def release(cycle_id):
    """Release a closed cycle's results to the supplier: dated and attributed.
    From then on its respondents are final."""
    cycle = get_or_404(SurveyCycle, cycle_id)
    require_confirmation()
    if not cycle.has_ended or cycle.is_released:
        flash(_("Results can be released once the survey has closed, and only once."),
              "error")
        return redirect_to(url_for("results.cycle_results", cycle_id=cycle.id))
    cycle.results_shared_on = today()
    cycle.results_shared_by = current_user
    forget_keys(cycle)
    audit.record("released", company_id=cycle.company_id, target=f"cycle {cycle.id}")
    db.session.commit()
    flash(_("The results are released: %(supplier)s sees them now.",
            supplier=cycle.site.supplier.name), "success")
    return redirect_to(url_for("results.cycle_results", cycle_id=cycle.id))


@bp.route("/cycles/<int:cycle_id>/reviewed", methods=["POST"])
@role_required("is_supplier")
def results_reviewed(cycle_id):
    """The supplier says it has reviewed the (released) results."""
    cycle = get_or_404(SurveyCycle, cycle_id)
    access = queries.access_of(cycle)
    if access is None or not queries.may_see_figures(cycle, current_user):
        abort(404)
    require_confirmation()
    access.reviewed_at = access.reviewed_at or utcnow()
    db.session.commit()
    flash(_("Thank you. The company sees that you have reviewed the results."), "success")
    return redirect_to(url_for("results.cycle_results", cycle_id=cycle.id))


@bp.route("/settings/results", methods=["GET", "POST"])
@role_required("is_brand_admin")
def results_settings():
    """The company's priority threshold and smallest group size."""
    row = db.session.scalar(scoped(ResultsSettings))
    form = ResultsSettingsForm(obj=row, data=None if row else {
        "priority_pct": DEFAULT_PRIORITY_PCT, "min_group": MIN_GROUP})
    if form.validate_on_submit():
        keep_own(ResultsSettings, {
            "priority_pct": form.priority_pct.data or DEFAULT_PRIORITY_PCT,
            "min_group": form.min_group.data or MIN_GROUP},
            {"priority_pct": DEFAULT_PRIORITY_PCT, "min_group": MIN_GROUP})
        db.session.commit()
        flash(_("Saved."), "success")
        return redirect_to(url_for("results.results_settings"))
    return render("results/results_settings.html", form=form)


# --- across sites and cycles -------------------------------------------------------


@bp.route("/results/sites")
@role_required("is_brand")
def sites_table():
    """The latest cycle of every site side by side: indicators × sites."""
    cycles = queries.latest_per_site(current_user.company_id, current_user)
    _pct, k = settings_for(current_user.company_id)
    rows = queries.cycle_cells(cycles)
    operations.record_figures_shown(cycles)
    codes = tuple(code for code, _theme in queries.codes_in_order(cycles))
    locale = str(get_locale())

    def heat_cells(row: queries.CycleCells) -> Markup:
        # A row's cells, written once per language for a released cycle: a table
        # of 100 sites has 2,000 cells, too many for a template loop on each view.
        return kept_for(row.cycle, ("heat row", row.cells_k, locale, codes),
                        lambda: get_template_attribute("results/_heat.html", "heat_cells")(
                            row, codes))

    return render("results/sites_table.html", rows=rows,
                  codes=queries.codes_in_order(cycles), heat_cells=heat_cells, k=k,
                  themes=THEMES, texts=queries.question_texts(cycles, str(get_locale())))


@bp.route("/sites/<int:site_id>/trends")
@role_required("is_brand", "is_supplier")
def site_trends(site_id):
    """One site over its cycles: the negative share of each indicator."""
    site = get_or_404(Site, site_id)
    cycles = list(db.session.scalars(scoped(SurveyCycle).where(
        SurveyCycle.site_id == site.id, queries.figures_visible(current_user))
        .order_by(SurveyCycle.starts_on)))
    series = queries.cycle_cells(cycles)
    operations.record_figures_shown(cycles)
    return render("results/trends.html", site=site, series=series,
                  codes=queries.codes_in_order(cycles), themes=THEMES,
                  texts=queries.question_texts(cycles, str(get_locale())))


def _group(dimension: str, value: str) -> str:
    """The filter, as the page names it."""
    if not dimension:
        return gettext("All respondents")
    return f"{gettext(GROUP_NAMES[dimension])}: {gettext(GROUP_NAMES[value])}"


def _export_rows(series, codes, group: str):
    """One row per cycle and indicator: where (supplier, site), when, which
    respondents (the filter), which question (code and text), and the figures."""
    header = [gettext("Supplier"), gettext("Site"), gettext("Cycle"), gettext("Respondents"),
              gettext("Response rate"), gettext("Filter"), gettext("Code"),
              gettext("Question"), gettext("Theme"), gettext("Positive"),
              gettext("Don't know"), gettext("Negative"), gettext("Answers"), gettext("Note")]
    rows = [header]
    locale = str(get_locale())
    theme_names = {theme: gettext(THEMES.get(theme, theme)) for _code, theme in codes}
    for item in series:
        texts = item.cycle.version.texts(locale)
        for code, theme in codes:
            cell = item.cells.get(code)
            if cell is None:
                continue
            base = [item.cycle.site.supplier.name, item.cycle.site.name,
                    f"{item.cycle.starts_on.isoformat()}/{item.cycle.ends_on.isoformat()}",
                    item.respondents, round(item.rate, 4), group, code, texts[code],
                    theme_names[theme]]
            if cell.suppressed:
                rows.append(base + ["", "", "", "", gettext(cell.message) % {"k": cell.k}])
            else:
                p, d, n = cell.shares
                rows.append(base + [round(p, 4), round(d, 4), round(n, 4),
                                    cell.counts.total, ""])
    return rows


def _download(rows, name: str, kind: str, company_id: int):
    data, mimetype = export.encode(rows, kind, name)
    audit.record("export", company_id=company_id, target=name, note=kind)
    db.session.commit()
    return attachment(data, f"{name}.{kind}", mimetype)


@bp.route("/cycles/<int:cycle_id>/results.<any(csv, xlsx):kind>")
@role_required("is_brand", "is_supplier")
def cycle_export(cycle_id, kind):
    """A cycle's aggregated results, protected like the page."""
    cycle = get_or_404(SurveyCycle, cycle_id)
    if not queries.may_see_figures(cycle, current_user):
        return _not_yet(cycle, http_status=404)
    dimension, value = _chosen_group()
    data = page_data(cycle, dimension, value, current_user)
    operations.record_figures_shown([cycle])
    cells = {r.question.code: r.cell for _theme, rows in data["groups"] for r in rows}
    series = [queries.CycleCells(cycle, data["respondents"], cells, data["k"])]
    name = f"results-cycle-{cycle.id}" + (f"-{dimension}-{value}" if dimension else "")
    return _download(_export_rows(series, queries.codes_in_order([cycle]),
                                  _group(dimension, value)), name, kind, cycle.company_id)


@bp.route("/results/sites.<any(csv, xlsx):kind>")
@role_required("is_brand")
def sites_export(kind):
    """The latest results of every site, aggregated and protected."""
    cycles = queries.latest_per_site(current_user.company_id, current_user)
    operations.record_figures_shown(cycles)
    return _download(_export_rows(queries.cycle_cells(cycles),
                                  queries.codes_in_order(cycles), _group("", "")),
                     "results-all-sites", kind, current_user.company_id)


def _year() -> int:
    try:
        year = int(request.args.get("year", today().year))
    except ValueError:
        year = today().year
    return min(max(year, 2000), 2100)


@bp.route("/reports/due-diligence")
@role_required("is_brand")
def due_diligence():
    """A year's summary as input for ESRS S2 reporting (``?year=``), to print."""
    return render("results/due_diligence.html", **_year_summary(_year()))


@bp.route("/reports/due-diligence.<any(csv, xlsx):kind>")
@role_required("is_brand")
def due_diligence_export(kind):
    """The year's summary as a table: each cycle with results, then each theme."""
    summary = _year_summary(_year())
    rows = [[gettext("Supplier"), gettext("Site"), gettext("Cycle"), gettext("Respondents"),
             gettext("Response rate"), gettext("Priorities")]]
    for item in summary["series"]:
        rows.append([item.cycle.site.supplier.name, item.cycle.site.name,
                     f"{item.cycle.starts_on.isoformat()}/{item.cycle.ends_on.isoformat()}",
                     item.respondents, round(item.rate, 4),
                     summary["priorities_of"][item.cycle.id]])
    states = ("planned", "in_progress", "done", "overdue", "dropped")
    rows += [[], [gettext("Theme"), gettext("Priorities"), gettext("Planned"),
                  gettext("In progress"), gettext("Done"), gettext("Overdue"),
                  gettext("Dropped")]]
    for theme in sorted(summary["by_theme"].keys() | summary["by_action_theme"].keys()):
        counts = summary["by_action_theme"].get(theme, {})
        rows.append([gettext(THEMES[theme]) if theme in THEMES else gettext("Other"),
                     summary["by_theme"].get(theme, 0), *(counts.get(s, 0) for s in states)])
    return _download(rows, f"due-diligence-{summary['year']}", kind, current_user.company_id)


def _year_summary(year: int) -> dict:
    """What the year's summary shows: only cycles with results count."""
    in_year = scoped(SurveyCycle).where(SurveyCycle.starts_on >= date(year, 1, 1),
                                        SurveyCycle.starts_on <= date(year, 12, 31))
    cycles = list(db.session.scalars(in_year.where(queries.figures_visible(current_user),
                                                   queries.has_results())
                                     .order_by(SurveyCycle.starts_on)))
    still_open = db.session.scalar(in_year.where(~queries.figures_visible(current_user))
                                   .with_only_columns(sa.func.count(SurveyCycle.id)))
    priority_pct = settings_for(current_user.company_id)[0]
    series = queries.cycle_cells(cycles)
    operations.record_figures_shown(cycles)
    by_theme: dict[str, int] = {}
    priorities_of: dict[int, int] = {}
    for item in series:
        priorities_of[item.cycle.id] = 0
        for question in item.cycle.version.questions:
            cell = item.cells.get(question.code)
            if cell is not None and is_priority(cell, priority_pct):
                by_theme[question.theme] = by_theme.get(question.theme, 0) + 1
                priorities_of[item.cycle.id] += 1
    agreed = links().agreements_for([item.cycle.id for item in series])
    by_action_theme: dict[str, dict[str, int]] = {}
    for action in agreed:
        themes_of = {q.theme for q in action.dialogue.cycle.version.questions
                     if q.code in (action.codes or [])} or {"other"}
        state = "overdue" if action.overdue(today()) else action.status.value
        for theme in themes_of:
            counts = by_action_theme.setdefault(theme, {})
            counts[state] = counts.get(state, 0) + 1
    years = sorted({c.starts_on.year for c in db.session.scalars(scoped(SurveyCycle))},
                   reverse=True)
    return dict(year=year, years=years, series=series,
                sites={item.cycle.site_id for item in series}, by_theme=by_theme,
                priorities_of=priorities_of,
                still_open=still_open, agreed=agreed, by_action_theme=by_action_theme,
                overdue_count=sum(action.overdue(today()) for action in agreed),
                themes=THEMES, priority_pct=priority_pct)


def _month_in(day: date, lang: str) -> str:
    """"June 2027" in the poster's language (Babel knows all eight)."""
    return babel_format_date(day, "MMMM y", locale=lang)


@bp.route("/cycles/<int:cycle_id>/poster")
@role_required("is_brand", "is_supplier")
def poster(cycle_id):
    """A printable poster for workers, in their language, A4 or A3."""
    cycle = get_or_404(SurveyCycle, cycle_id)
    if not queries.may_see_figures(cycle, current_user):
        return _not_yet(cycle, http_status=404)
    languages = cycle.version.offered(cycle.languages) or ["en"]  # reviewed texts only
    lang = request.args.get("lang") if request.args.get("lang") in languages else languages[0]
    size = "a3" if request.args.get("size") == "a3" else "a4"
    data = page_data(cycle, None, None, current_user)
    operations.record_figures_shown([cycle])
    rows = [r for _theme, rs in data["groups"] for r in rs if not r.cell.suppressed]
    best = sorted(rows, key=lambda r: r.cell.negative_share)[:3]
    # The QR code leads to the same company's next round, if one is still to come
    # or open; to nothing when there is none (never to a closed survey).
    nxt = db.session.scalar(scoped(SurveyCycle).where(
        SurveyCycle.site_id == cycle.site_id, SurveyCycle.company_id == cycle.company_id,
        SurveyCycle.starts_on > cycle.ends_on, SurveyCycle.ends_on >= today())
        .order_by(SurveyCycle.starts_on).limit(1))
    questions = {q.code: q for q in cycle.version.questions}
    agreed = [(action, [questions[c] for c in action.codes or [] if c in questions])
              for action in links().agreements_for([cycle.id])]
    return render("results/poster.html", cycle=cycle, lang=lang, size=size, data=data,
                  agreed=agreed, format_month=_month_in,
                  format_day=lambda day: babel_format_date(day, "medium", locale=lang),
                  best=best, priorities=data["priorities"][:3], next_cycle=nxt,
                  t=lambda key: text_for(key, lang), names=NAMES, languages=languages)
