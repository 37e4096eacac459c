"""Survey cycles: planning per site, provider imports, storing respondents, and the
built-in anonymous worker survey."""

from flask import Blueprint

bp = Blueprint("surveys", __name__)

from . import (  # noqa: E402,F401
    import_routes,
    invitation_routes,
    joint_routes,
    kobo_routes,
    mapping_routes,
    models,
    public_routes,
    routes,
)
