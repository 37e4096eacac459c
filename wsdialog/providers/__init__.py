"""Survey providers as organisations: registered by the coordinator (for every
member) or a member company (for itself), with their own logins, the members'
data-processing agreements, and the cycles assigned to them."""

from flask import Blueprint

bp = Blueprint("providers", __name__)

from . import models, routes  # noqa: E402,F401
