"""Survey results: the anonymity rule, the shared dashboard, exports, posters,
trends, the company's settings and the supplier's access."""

from flask import Blueprint

bp = Blueprint("results", __name__)

from . import models, routes  # noqa: E402,F401
