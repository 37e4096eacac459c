"""The dialogue log: from released results to agreed actions, and whether they
worked in the next cycle."""

from flask import Blueprint

bp = Blueprint("dialogues", __name__)

from .. import questionnaires, results  # noqa: E402
from . import actions_routes, models, queries, routes  # noqa: E402,F401

results.provide_agreements(queries.agreements_for)
questionnaires.provide("tasks", queries.open_tasks)
