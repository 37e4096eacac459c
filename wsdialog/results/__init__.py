"""Survey results: the anonymity rule, the shared dashboard, exports, posters,
trends, the company's settings and the supplier's access."""

from flask import Blueprint

bp = Blueprint("results", __name__)

from . import (  # noqa: E402,F401
    dashboard_routes,
    doubt_routes,
    export_routes,
    models,
    overview_routes,
    poster_routes,
    settings_routes,
    sharing_routes,
    summary_routes,
)
