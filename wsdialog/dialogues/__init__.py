"""The dialogue log: from released results to agreed actions, and whether they
worked in the next cycle."""

from flask import Blueprint

bp = Blueprint("dialogues", __name__)

from . import actions_routes, models, routes  # noqa: E402,F401
