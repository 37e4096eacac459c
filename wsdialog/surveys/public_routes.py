"""The built-in anonymous worker survey: a public link per cycle.

Built to leave no trace of who answered: no login, no cookie (the page has no
session and no CSRF token), no JavaScript needed, no free text, and nothing
stored but the answers, coarse bands and the date. The app logs nothing about
these requests, and it never reads the client's address.

One worker, one answer: each form carries a signed one-time token, so that three
taps on Send, a reload or Back-and-send store one answer; a cycle may ask for
single-use access codes (a valid one is always accepted; wrong ones are counted
apart); a per-cycle limit of answers per minute, counted in the database, holds
across every server process without locking out a factory that shares one
network address; and answers of a flood are held for brand staff to review
rather than counted, so that nobody is told the survey is full. Every refusal
comes in the worker's language and gives the form back as it was filled in.
"""

from __future__ import annotations

import secrets
from datetime import timedelta

from flask import current_app, redirect, request, url_for
from flask_babel import force_locale
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from ..clock import today
from ..extensions import csrf, db
from ..i18n import date_in, languages
from ..questionnaires.answers import Answer
from ..web import render
from . import bp, guard, operations, queries
from .models import (
    SurveyCycle,
)
from .planning import CycleState
from .public_texts import NAMES, TEXTS, text_for
from .respondents import ALLOWED, DEMOGRAPHICS

#: A form may stay open this long on a slow phone before it must be sent again.
FORM_MAX_AGE = int(timedelta(hours=12).total_seconds())


def _language(offered: list[str]) -> str:
    chosen = request.values.get("lang", "")
    if chosen in offered:
        return chosen
    best = request.accept_languages.best_match([code.replace("_", "-") for code in offered])
    return best.replace("-", "_") if best else offered[0]


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.secret_key, salt="survey-form")


def _form_token(cycle: SurveyCycle) -> str:
    return _serializer().dumps({"c": cycle.id, "n": secrets.token_hex(16)})


def _nonce(cycle: SurveyCycle) -> str:
    """The random part of the form's token; ``guard.Refused("again")`` if it is not
    ours, not this cycle's, or too old."""
    try:
        data = _serializer().loads(request.form.get("form_token", ""), max_age=FORM_MAX_AGE)
    except (SignatureExpired, BadSignature):
        raise guard.Refused("again") from None
    if not isinstance(data, dict) or data.get("c") != cycle.id \
            or not isinstance(data.get("n"), str) or len(data["n"]) != 32:
        raise guard.Refused("again")
    return data["n"]


def _submitted() -> tuple[dict[str, Answer], dict[str, str | None], dict[str, str]]:
    answers = {}
    for name, value in request.form.items():
        if value in {a.value for a in Answer}:
            answers[name] = Answer(value)
    demographics = {name: (request.form.get(name) if request.form.get(name) in
                           ALLOWED[name] else None) for name in DEMOGRAPHICS}
    kept = {**{code: a.value for code, a in answers.items()},
            **{k: v for k, v in demographics.items() if v},
            "code": guard.normalise(request.form.get("code", ""))[:16]}
    return answers, demographics, kept


def _page(template: str, cycle: SurveyCycle | None, lang: str, http_status: int = 200,
          **context):
    with force_locale(lang if lang in languages() else "en"):
        response = render(template, cycle=cycle, lang=lang,
                          t=lambda key: text_for(key, lang), texts=TEXTS, names=NAMES,
                          day=lambda d: date_in(d, lang),
                          answers=Answer, allowed=ALLOWED, http_status=http_status,
                          **context)
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


@bp.route("/s/<token>", methods=["GET", "POST"])
@csrf.exempt  # no session, so no CSRF token: the signed form token guards the form
def public_survey(token):
    """The survey form (GET) and its submission (POST, then a redirect to the
    thank-you page). Unknown links, closed cycles and refusals answer in the
    worker's language and store nothing."""
    cycle = queries.cycle_by_token(token)
    if cycle is None:
        return _page("surveys/public_message.html", None, _language(list(NAMES)),
                     http_status=404, message="unknown_link")
    offered = cycle.version.offered(cycle.languages or ["en"])
    lang = _language(offered or cycle.languages or ["en"])
    if cycle.state(today()) is not CycleState.open or not offered:
        return _page("surveys/public_closed.html", cycle, lang)
    questions = queries.questions_asked(cycle)
    codes = {q.code for q in questions}
    if request.method == "GET":
        return _page("surveys/public_survey.html", cycle, lang, questions=questions,
                     form_token=_form_token(cycle), kept={}, error=None)
    answers, demographics, kept = _submitted()
    thanks = url_for("surveys.public_thanks", token=token, lang=lang)
    try:
        if request.form.get("website"):  # the honeypot: people never fill it
            return redirect(thanks, code=303)
        nonce = _nonce(cycle)
        sent = queries.sent_form(cycle, nonce)
        if sent is not None and sent.refused:
            raise guard.Refused("again")  # a form refused for its code is not tried again
        if sent is not None:
            return redirect(thanks, code=303)  # a second tap, or Back and Send
        if not any(code in answers for code in codes):
            raise guard.Refused("answer_one")
        answers = {code: answer for code, answer in answers.items() if code in codes}
        if not operations.record_web_answer(cycle, nonce, lang, demographics, answers,
                                            request.form.get("code", "")):
            return redirect(thanks, code=303)  # the same form, sent at the same moment
    except guard.Refused as refused:
        db.session.rollback()
        return _page("surveys/public_survey.html", cycle, lang, questions=questions,
                     form_token=_form_token(cycle), kept=kept, error=refused.key,
                     http_status=refused.status)
    return redirect(thanks, code=303)


@bp.route("/s/<token>/thanks")
def public_thanks(token):
    """After sending: reloading this page stores nothing."""
    cycle = queries.cycle_by_token(token)
    if cycle is None:
        return _page("surveys/public_message.html", None, _language(list(NAMES)),
                     http_status=404, message="unknown_link")
    return _page("surveys/public_thanks.html", cycle, _language(cycle.worker_languages))
