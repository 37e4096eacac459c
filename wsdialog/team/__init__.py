from flask import Blueprint

bp = Blueprint("team", __name__)

from . import routes  # noqa: E402,F401
