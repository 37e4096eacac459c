"""What a multi-stakeholder initiative's coordinator sees and shares across its
members: their progress through the due-diligence loop in counts only, the
questionnaire templates members adopt, and the anonymous sector benchmark."""

from flask import Blueprint

bp = Blueprint("msi", __name__)

from . import benchmark_routes, models, routes, template_routes  # noqa: E402,F401
