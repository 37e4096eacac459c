"""The dialogue log: from released results to agreed actions, and whether they
worked in the next cycle."""

from flask import Blueprint

bp = Blueprint("dialogues", __name__)

from . import (  # noqa: E402,F401
    actions_routes,
    invitation_routes,
    models,
    planning_routes,
    preparation_routes,
    record_routes,
)
