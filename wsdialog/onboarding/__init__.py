"""Supplier onboarding: prioritise sites, approach suppliers, respect a "no"."""

from flask import Blueprint

bp = Blueprint("onboarding", __name__)

from . import (  # noqa: E402,F401
    models,
    outreach_routes,
    pipeline_routes,
    priority_routes,
    timeline_routes,
)


@bp.app_context_processor
def _names():
    from .pipeline import DECLINE_REASONS, STAGE_NAMES, STRATEGIES

    return {"stage_names": {s.value: n for s, n in STAGE_NAMES.items()},
            "decline_reasons": DECLINE_REASONS, "strategy_names": STRATEGIES}
