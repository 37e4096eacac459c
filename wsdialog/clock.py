"""Today's date, which tests (and demos) may fix with the ``FIXED_TODAY`` setting
so that "re-asks due this month" can be checked on a known day."""

from __future__ import annotations

from datetime import date, datetime, time

from flask import current_app

from .models import utcnow


def today() -> date:
    fixed = current_app.config.get("FIXED_TODAY")
    return date.fromisoformat(fixed) if isinstance(fixed, str) else (fixed or date.today())


def now() -> datetime:
    """Naive UTC now; noon of the fixed day when ``FIXED_TODAY`` is set."""
    if current_app.config.get("FIXED_TODAY"):
        return datetime.combine(today(), time(12))
    return utcnow()
