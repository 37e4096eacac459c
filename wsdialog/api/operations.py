"""Writes for API tokens: each commits, and audits what an admin did."""

from __future__ import annotations

import sqlalchemy as sa

from .. import audit
from ..clock import now, today
from ..extensions import db
from ..models import User
from . import tokens
from .models import ApiToken


def create_token(name: str, scopes: list[str], by: User) -> tuple[ApiToken, str]:
    """A new token of ``by``'s company, and its secret: shown once, never kept."""
    secret = tokens.new_secret()
    token = ApiToken(company_id=by.company_id, name=name, scopes=list(scopes),
                     digest=tokens.digest(secret), created_by_id=by.id)
    db.session.add(token)
    db.session.flush()
    audit.record("api_token_created", company_id=by.company_id, target=f"api token {token.id}",
                 note=", ".join(token.scopes), user=by)
    db.session.commit()
    return token, secret


def revoke_token(token: ApiToken, by: User) -> None:
    """From now on the token opens nothing (``StateError`` when it was already revoked)."""
    token.revoke(by, now())
    audit.record("api_token_revoked", company_id=token.company_id,
                 target=f"api token {token.id}", user=by)
    db.session.commit()


def note_used(token: ApiToken) -> None:
    """A read receipt: the token was used today. Written once a day at most, and
    committed at once, before the request reads anything (its own commit)."""
    day = today()
    if token.last_used_on != day:
        db.session.execute(sa.update(ApiToken).where(ApiToken.id == token.id)
                           .values(last_used_on=day))
        db.session.commit()
