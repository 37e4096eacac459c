"""Reads for the API and its tokens. They never commit."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import joinedload, selectinload

from ..dialogues.models import Action, Dialogue
from ..extensions import db
from ..models import Site
from ..surveys.models import SurveyCycle
from ..tenancy import scoped
from .models import ApiToken
from .tokens import digest


def own_tokens() -> list[ApiToken]:
    """The current organisation's tokens: those in use first, newest first."""
    return list(db.session.scalars(scoped(ApiToken).order_by(
        ApiToken.revoked_at.is_not(None), ApiToken.created_at.desc(), ApiToken.id.desc())))


def token_for(secret: str) -> ApiToken | None:
    """The token whose secret this is, unless revoked. Not scoped: whoever holds
    the secret is who the token says (as a session's key is for a login)."""
    return db.session.scalar(sa.select(ApiToken).where(
        ApiToken.digest == digest(secret), ApiToken.revoked_at.is_(None)))


def released_cycles(user) -> list[SurveyCycle]:
    """The cycles ``user`` reaches whose results are released (joint cycles its
    company co-owns included), latest first."""
    return list(db.session.scalars(scoped(SurveyCycle, user).where(SurveyCycle.is_released)
                                   .options(joinedload(SurveyCycle.site).joinedload(Site.supplier),
                                            joinedload(SurveyCycle.company))
                                   .order_by(SurveyCycle.ends_on.desc(), SurveyCycle.id.desc())))


def agreements(user) -> list[Action]:
    """The agreements ``user`` reaches (those of joint dialogues included), soonest
    due first."""
    return list(db.session.scalars(scoped(Action, user).order_by(Action.due_on, Action.id).options(
        selectinload(Action.updates),  # when each was marked done
        joinedload(Action.company),
        selectinload(Action.dialogue).selectinload(Dialogue.cycle)
        .selectinload(SurveyCycle.site).selectinload(Site.supplier))))
