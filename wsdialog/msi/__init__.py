"""What a multi-stakeholder initiative's coordinator sees across its members:
their progress through the due-diligence loop, in counts only."""

from flask import Blueprint

bp = Blueprint("msi", __name__)

from . import models, routes  # noqa: E402,F401
