"""A printable poster for workers: what they said, and what was agreed."""

from __future__ import annotations

from datetime import date

from babel.dates import format_date as babel_format_date
from flask import request
from flask_login import current_user

from ..clock import today
from ..i18n import rate_in
from ..links import links
from ..surveys.models import SurveyCycle
from ..surveys.public_texts import NAMES, text_for
from ..surveys.queries import next_cycle
from ..tenancy import get_or_404
from ..web import render, role_required
from . import bp, operations
from .dashboard import page_data, page_facts
from .pages import not_yet
from .queries import may_see_figures


def _month_in(day: date, lang: str) -> str:
    """"June 2027" in the poster's language (Babel knows all eight)."""
    return babel_format_date(day, "MMMM y", locale=lang)


@bp.route("/cycles/<int:cycle_id>/poster")
@role_required("is_brand", "is_supplier")
def poster(cycle_id):
    """A printable poster for workers, in their language, A4 or A3."""
    cycle = get_or_404(SurveyCycle, cycle_id)
    if not may_see_figures(cycle, current_user):
        return not_yet(cycle, http_status=404)
    languages = cycle.version.offered(cycle.languages) or ["en"]  # reviewed texts only
    lang = request.args.get("lang") if request.args.get("lang") in languages else languages[0]
    size = "a3" if request.args.get("size") == "a3" else "a4"
    facts = page_facts(cycle, current_user, compare=False)  # no change since
    operations.record_figures_shown(facts.figures_from)
    data = page_data(facts)
    rows = [r for _theme, rs in data["groups"] for r in rs if not r.cell.suppressed]
    best = sorted(rows, key=lambda r: r.cell.negative_share)[:3]
    # The QR code leads to the same company's next round, if one is still to come
    # or open; to nothing when there is none (never to a closed survey).
    nxt = next_cycle(cycle, among=SurveyCycle.ends_on >= today())
    agreed = [a for a in links().agreements_for([cycle.id]) if not a.status.is_dropped]
    return render("results/poster.html", cycle=cycle, lang=lang, size=size, data=data,
                  agreed=agreed, format_month=_month_in,
                  format_day=lambda day: babel_format_date(day, "medium", locale=lang),
                  format_share=lambda share: rate_in(share, lang),
                  best=best, priorities=data["priorities"][:3], next_cycle=nxt,
                  t=lambda key: text_for(key, lang), names=NAMES, languages=languages)
