"""The built-in anonymous worker survey: a public link per cycle.

Built to leave no trace of who answered: no login, no cookie (the page has no
session and no CSRF token), no JavaScript needed, no free text, and nothing
stored but the answers, coarse bands and the date. The app logs nothing about
these requests, and it never reads the client's address: the rate limit is per
cycle. Only open cycles accept answers.
"""

from __future__ import annotations

from flask import abort, request
from flask_babel import force_locale

from ..clock import today
from ..extensions import csrf, db, limiter
from ..questionnaires.answers import Answer
from ..web import render
from . import bp
from .importer import ALLOWED, Respondent
from .models import SurveyCycle
from .planning import CycleState
from .public_texts import NAMES, TEXTS, text_for
from .store import store

UI_LANGUAGES = {"en", "nl", "zh_Hans", "vi"}


def _cycle(token: str) -> SurveyCycle:
    # Deliberately not scoped: the token is the permission. Unknown tokens: 404.
    cycle = db.session.scalar(db.select(SurveyCycle).where(SurveyCycle.public_token == token))
    if cycle is None:
        abort(404)
    return cycle


def _language(cycle: SurveyCycle) -> str:
    offered = cycle.languages or ["en"]
    chosen = request.values.get("lang", "")
    return chosen if chosen in offered else offered[0]


@bp.route("/s/<token>", methods=["GET", "POST"])
@csrf.exempt  # no session, so no token; the honeypot and the rate limit guard it
@limiter.limit("60 per minute", key_func=lambda: request.view_args.get("token", ""),
               methods=["POST"])
def public_survey(token):
    """The survey form (GET) and its submission (POST). 404 for unknown links;
    a closed or not yet open cycle says so and stores nothing."""
    cycle = _cycle(token)
    lang = _language(cycle)
    questions = cycle.version.questions
    status = cycle.state(today())
    context = dict(cycle=cycle, lang=lang, questions=questions, t=lambda key: text_for(key, lang),
                   texts=TEXTS, names=NAMES, answers=Answer, allowed=ALLOWED)
    with force_locale(lang if lang in UI_LANGUAGES else "en"):
        if status is not CycleState.open:
            return _no_store(render("surveys/public_closed.html", **context,
                                    http_status=200))
        if request.method == "POST":
            if request.form.get("website"):  # the honeypot: people never fill it
                return _no_store(render("surveys/public_thanks.html", **context))
            answers = {}
            for question in questions:
                value = request.form.get(question.code, "")
                if value in {a.value for a in Answer}:
                    answers[question.code] = Answer(value)
            demographics = {name: (request.form.get(name) if request.form.get(name) in
                                   ALLOWED[name] else None)
                            for name in ("gender", "age_band", "contract", "role")}
            if not answers:
                return _no_store(render("surveys/public_survey.html", **context,
                                        error=True))
            store(cycle, [Respondent(answered_on=today(), channel="web", language=lang,
                                     demographics=demographics, answers=answers)])
            db.session.commit()
            return _no_store(render("surveys/public_thanks.html", **context))
        return _no_store(render("surveys/public_survey.html", **context, error=False))


def _no_store(response):
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response
