"""The invitation poster: before a survey, in the workers' language, what it is
about, when it is open, how to answer, that taking part is voluntary and
anonymous, who runs it, who sees the grouped results, and when workers hear
back. Printed on A4 or A3 by brand staff or the supplier."""

from __future__ import annotations

from flask import request, url_for

from ..i18n import date_in
from ..tenancy import get_or_404
from ..web import render, role_required
from . import bp
from .models import SurveyCycle
from .public_texts import NAMES, text_for


@bp.route("/cycles/<int:cycle_id>/invitation")
@role_required("is_brand", "is_supplier", "is_provider")
def invitation(cycle_id):
    """The invitation poster of a planned or open cycle, in one of its worker
    languages (``?lang=``, one per poster) and on A4 or A3 (``?size=``). Aborts
    with 404 for a cycle the user may not reach; a closed cycle answers 404 with
    a page that says its survey takes no more answers."""
    cycle = get_or_404(SurveyCycle, cycle_id)
    if cycle.has_ended:
        return render("surveys/invitation_over.html", cycle=cycle, http_status=404)
    languages = cycle.worker_languages
    lang = request.args.get("lang") if request.args.get("lang") in languages else languages[0]
    size = "a3" if request.args.get("size") == "a3" else "a4"
    # A provider's own channels (its number, its link) are not known here: the
    # poster leaves a line to write each on. The built-in survey has its QR code.
    built_in = not cycle.provider
    write_in = [c for c in cycle.channels or [] if c != "web" or not built_in]
    return render("surveys/invitation.html", cycle=cycle, lang=lang, size=size,
                  languages=languages, names=NAMES, built_in=built_in, write_in=write_in,
                  t=lambda key: text_for(key, lang), day=lambda d: date_in(d, lang),
                  survey_url=url_for("surveys.public_survey", token=cycle.public_token,
                                     _external=True))
