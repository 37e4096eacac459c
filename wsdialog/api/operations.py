"""Writes for API tokens (each commits, and audits who did it), and a provider's
push of respondents."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from .. import audit
from ..clock import now, today
from ..extensions import db
from ..models import User
from ..surveys import import_jobs, importer
from ..surveys.models import SurveyCycle
from ..surveys.operations import lock_cycle
from ..surveys.queries import known_keys
from . import tokens
from .models import ApiToken


def create_token(name: str, scopes: list[str], by: User) -> tuple[ApiToken, str]:
    """A new token of ``by``'s organisation (company or provider), and its secret:
    shown once, never kept."""
    secret = tokens.new_secret()
    token = ApiToken(company_id=by.company_id, provider_id=by.provider_id, name=name,
                     scopes=list(scopes), digest=tokens.digest(secret), created_by_id=by.id)
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


@dataclass(frozen=True)
class Pushed:
    """What a push did: respondents stored now, and those sent before (kept as they were)."""

    stored: int
    already_stored: int
    import_id: int | None


class Refused(Exception):
    """A push that stores nothing: the cycle's reason (``import_jobs.REFUSALS``)
    or the checks' problems (``surveys.importer.Problem``)."""

    def __init__(self, refusal: import_jobs.Refusal | None = None,
                 problems: list | None = None):
        super().__init__(refusal or "problems")
        self.refusal, self.problems = refusal, problems or []


def push_respondents(cycle: SurveyCycle, client, rows: list[list[str]]) -> Pushed:
    """Store the respondents of ``rows`` (``push.table``) in ``cycle`` through the
    same checks as an uploaded file, all or none; a respondent whose key was
    stored before is left as it is, so that a retried request stores nothing
    twice. Recorded as an import by the token's maker, named after the token."""
    if (refusal := import_jobs.cycle_refusal(cycle)) is not None:
        raise Refused(refusal)
    parsed = import_jobs.check_rows(cycle, rows)
    if not parsed.ok:
        raise Refused(problems=parsed.problems)
    # One writer of the cycle's respondents until the commit: two copies of one
    # request, sent at once, store its respondents once.
    lock_cycle(cycle)
    keys = import_jobs.digest(cycle)
    known = known_keys(cycle, client)
    new = importer.Parsed(respondents=[r for r in parsed.respondents
                                       if keys(r.key) not in known],
                          key_column=parsed.key_column)
    if not new.respondents and import_jobs.cycle_refusal(cycle) is None:
        db.session.rollback()
        return Pushed(0, len(parsed.respondents), None)
    token = client.token
    fingerprint = importer.fingerprint(
        "\n".join(sorted(keys(r.key) for r in new.respondents)).encode())
    refusal = import_jobs.check_against_cycle(cycle, client, b"", new, fingerprint)
    if refusal is not None:
        db.session.rollback()
        raise Refused(refusal)
    batch, count = import_jobs.store_batch(cycle, token.created_by, new,
                                           f"API: {token.name}"[:200], fingerprint,
                                           source="api")
    audit.record("import", company_id=cycle.company_id, target=f"cycle {cycle.id}",
                 note=f"{count} respondents, import {batch.id}, api token {token.id}",
                 user=token.created_by)
    db.session.commit()
    return Pushed(count, len(parsed.respondents) - count, batch.id)
