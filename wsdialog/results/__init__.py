"""Survey results: the anonymity rule, the shared dashboard, exports, posters,
trends, the company's settings and the supplier's access."""

from flask import Blueprint

from .. import questionnaires

bp = Blueprint("results", __name__)

from . import figures, models, routes  # noqa: E402,F401

questionnaires.provide_history(figures.positive_history)
