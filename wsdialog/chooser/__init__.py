"""The method chooser: which way of listening to workers fits a site."""

from flask import Blueprint

bp = Blueprint("chooser", __name__)

from . import models, routes  # noqa: E402,F401


@bp.app_context_processor
def _method_names():
    from .rules import METHOD_NAMES

    return {"method_names": {method.value: name for method, name in METHOD_NAMES.items()}}
