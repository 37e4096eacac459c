from flask import Blueprint

bp = Blueprint("coordinator", __name__)

from . import routes  # noqa: E402,F401
