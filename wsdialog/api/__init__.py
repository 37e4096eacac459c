"""The JSON API for member companies' tools (ESG reporting and the like), under
``/api/v1``: the company's released cycles, their results through the anonymity
rule, and its agreements, read with an organisation token (``Authorization:
Bearer``), never with a session cookie. Admins create and revoke the tokens on
``/settings/api``."""

from flask import Blueprint, request

PREFIX = "/api/v1"

bp = Blueprint("api", __name__, url_prefix=PREFIX)
#: The admins' page for tokens: a page like the others (session, CSRF), so it is
#: not part of ``bp``, which is exempt from both.
settings_bp = Blueprint("api_tokens", __name__)


def is_api_request() -> bool:
    """Whether the request is for the API (known route or not)."""
    return request.path == PREFIX or request.path.startswith(PREFIX + "/")


from . import models, routes, settings_routes  # noqa: E402,F401
