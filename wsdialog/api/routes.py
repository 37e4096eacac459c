"""The API's endpoints: read-only JSON for a member company's tools.

Every request but the OpenAPI document's needs a token (``Authorization:
Bearer``; the session cookie is never read here: see ``create_app``'s user
loaders), acts as brand staff of the token's company (``principal.TokenClient``)
through the same tenancy rules and reads as the pages, and needs the scope of
the endpoint. Errors are problem details (``problems``). CSRF does not apply:
nothing here uses the cookie, and nothing here changes state but the token's
last-used day (a named read receipt)."""

from __future__ import annotations

from functools import wraps

from flask import abort, current_app, jsonify, request
from flask_limiter.util import get_remote_address
from flask_login import current_user

from ..clock import today
from ..extensions import csrf, limiter
from ..results.dashboard import page_data, page_facts
from ..results.operations import record_figures_shown
from ..results.pages import chosen_group
from ..surveys.models import SurveyCycle, respondent_counts
from ..tenancy import get_or_404
from . import bp, documents, operations, queries, tokens
from .openapi import document

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
    """Allow the endpoint only to a token carrying ``scope``; else 403 (the token
    is known, so saying what it lacks reveals nothing)."""

    def decorator(view):
        @wraps(view)
        def wrapper(*args, **kwargs):
            if not current_user.allows(scope):
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
