"""Grievance channels as input: what workers raise between surveys (counts per
site, period and channel, never a case or a complainant), beside what they answer
in surveys, and the effectiveness check of each mechanism (issue 24)."""

from flask import Blueprint

bp = Blueprint("grievances", __name__)

from . import models, routes  # noqa: E402,F401
