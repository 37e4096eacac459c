"""The API's endpoints: JSON for a member company's tools (reads) and for a
survey provider's tools (its assigned cycles; pushing respondents).

Every request but the OpenAPI document's needs a token (``Authorization:
Bearer``; the session cookie is never read here: see ``create_app``'s user
loaders), acts as the token's organisation (``principal.TokenClient``) through
the same tenancy rules and reads as the pages, and needs the scope of the
endpoint. Errors are problem details (``problems``). CSRF does not apply:
nothing here uses the cookie. Nothing here changes state but a push, and the
token's last-used day (a named read receipt)."""

from __future__ import annotations

from functools import wraps

from flask import abort, current_app, jsonify, request
from flask_limiter.util import get_remote_address
from flask_login import current_user

from ..clock import today
from ..extensions import csrf, db, limiter
from ..results.dashboard import page_data, page_facts
from ..results.operations import record_figures_shown
from ..results.pages import chosen_group
from ..results.summary import cycle_rows, not_recorded, summary_cycles, year_totals
from ..surveys import import_jobs
from ..surveys.importer import MESSAGES
from ..surveys.models import SurveyCycle, respondent_counts
from ..surveys.queries import questions_asked
from ..tenancy import get_or_404, scoped
from . import bp, documents, operations, push, queries, tokens
from .models import PROVIDER_SCOPES
from .openapi import document
from .problems import problem

#: Reached without a token.
PUBLIC = {"api.openapi"}


def rate_key() -> str:
    """The rate limit counts per token (its digest: the limiter's storage holds no
    secret), and per address for requests without one."""
    secret = tokens.bearer(request.headers.get("Authorization"))
    return f"api-token:{tokens.digest(secret)}" if secret else f"api-ip:{get_remote_address()}"


csrf.exempt(bp)
limiter.limit(lambda: current_app.config["API_RATE_LIMIT"], key_func=rate_key)(bp)


@bp.before_request
def authenticate():
    if request.endpoint in PUBLIC:
        return
    if not current_user.is_authenticated:
        abort(401)
    operations.note_used(current_user.token)


def scope_required(scope: str):
    """Allow the endpoint only to a token carrying ``scope``, of the kind of
    organisation the scope is for; else 403 (the token is known, so saying what
    it lacks reveals nothing)."""
    for_providers = scope in PROVIDER_SCOPES

    def decorator(view):
        @wraps(view)
        def wrapper(*args, **kwargs):
            if not current_user.allows(scope) or current_user.is_provider != for_providers:
                abort(403, f"The token does not carry the scope '{scope}'.")
            return view(*args, **kwargs)

        return wrapper

    return decorator


@bp.route("/openapi.json")
def openapi():
    """The OpenAPI 3.1 document describing this API."""
    return jsonify(document())


@bp.route("/cycles")
@scope_required("results:read")
def cycles():
    """The company's cycles whose results are released, joint cycles it co-owns
    included, latest first."""
    found = queries.released_cycles(current_user)
    counts = respondent_counts([c.id for c in found], current_user)
    return jsonify({"cycles": [documents.cycle(c, counts.get(c.id, 0), current_user.company_id)
                               for c in found]})


@bp.route("/cycles/<int:cycle_id>/results")
@scope_required("results:read")
def cycle_results(cycle_id):
    """A released cycle's results as its results page shows them: the same
    anonymity rule, the same blurred counts, the same withheld cells (with why),
    optionally for one group (``?group=gender:woman``). 404 for a cycle not
    released or not the company's; 400 for an unknown group."""
    cycle = get_or_404(SurveyCycle, cycle_id, user=current_user)
    if not cycle.is_released:
        abort(404)
    group = chosen_group()
    if request.args.get("group") and not group[0]:
        abort(400, "Unknown group: use 'dimension:value', e.g. 'gender:woman'.")
    facts = page_facts(cycle, current_user)
    record_figures_shown(facts.figures_from)  # the read receipt, as the page records it
    data = page_data(facts, *group)
    summary = documents.cycle(cycle, data["respondents"], current_user.company_id)
    return jsonify(documents.results(summary, data, group))


@bp.route("/agreements")
@scope_required("agreements:read")
def agreements():
    """The agreements of the company's dialogues (joint ones included), soonest
    due first, with their status."""
    day = today()
    return jsonify({"agreements": [documents.agreement(a, day)
                                   for a in queries.agreements(current_user)]})


@bp.route("/summary")
@scope_required("summary:read")
def summary():
    """A year's due-diligence summary (``?year=``, default this year), as the
    summary page shows it: cycles with results, priorities per theme, agreements."""
    raw = request.args.get("year")
    if raw is None:
        year = today().year
    elif raw.isdigit() and 2000 <= int(raw) <= 2100:
        year = int(raw)
    else:
        abort(400, "'year' must be a year between 2000 and 2100.")
    record_figures_shown(not_recorded(year, current_user))  # the read receipt, as the page's
    cycles = list(db.session.scalars(summary_cycles(year, current_user)))
    return jsonify(documents.summary({**year_totals(year, current_user), **cycle_rows(cycles)}))


@bp.route("/assigned-cycles")
@scope_required("cycles:read")
def assigned_cycles():
    """The cycles assigned to the provider, latest first, each with its
    questionnaire in every language and whether it accepts respondents now."""
    found = db.session.scalars(scoped(SurveyCycle, current_user).order_by(
        SurveyCycle.starts_on.desc(), SurveyCycle.id.desc()))
    return jsonify({"cycles": [
        documents.assigned_cycle(c, questions_asked(c), import_jobs.cycle_refusal(c) is None)
        for c in found]})


@bp.route("/cycles/<int:cycle_id>/respondents", methods=["POST"])
@scope_required("respondents:write")
def push_respondents(cycle_id):
    """Store respondents of an assigned cycle: all or none, through the checks of
    an uploaded file. A respondent (by the provider's key) sent before is not
    stored again, so a request may safely be sent again: 201 when it stored
    some, 200 when all were stored before."""
    cycle = get_or_404(SurveyCycle, cycle_id, user=current_user)
    rows, errors = push.table(request.get_json(silent=True))
    if errors:
        return _invalid("The request does not describe respondents as documented.",
                        [{"pointer": e.pointer, "detail": e.detail} for e in errors])
    try:
        pushed = operations.push_respondents(cycle, current_user, rows)
    except operations.Refused as refused:
        if refused.refusal is not None:
            code, params = refused.refusal
            return problem(409, import_jobs.REFUSALS[code] % params)
        codes = {q.code for q in cycle.version.questions}
        return _invalid("Nothing was stored: some respondents do not pass the checks.", [
            {"pointer": push.pointer(p, codes), "detail": MESSAGES[p.code] % p.params}
            for p in refused.problems])
    body = {"stored": pushed.stored, "already_stored": pushed.already_stored}
    return jsonify(body), 201 if pushed.stored else 200


def _invalid(detail: str, errors: list[dict]):
    """422: a problem with each error's place in the request (RFC 9457's extension
    member ``errors``, as its section 3 shows)."""
    return problem(422, detail, errors=errors[:200])
