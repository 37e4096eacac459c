"""Questionnaires: versions, questions in every survey language, the starter
questionnaire and the linter that warns while writing."""

from flask import Blueprint

bp = Blueprint("questionnaires", __name__)

from . import models, review_routes, routes  # noqa: E402,F401
