"""Survey cycles: questionnaires, cycles per site, and getting anonymous answers in."""

from flask import Blueprint

bp = Blueprint("surveys", __name__)

from . import (  # noqa: E402,F401
    cycle_routes,
    models,
    public_routes,
    questionnaire_routes,
    results_routes,
)
