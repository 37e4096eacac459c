"""Token secrets and the Authorization header. No Flask."""

from __future__ import annotations

import hashlib
import secrets

#: Every secret starts with it, so that a leaked one is recognised (secret scanners).
PREFIX = "wsd_"


def new_secret() -> str:
    """A fresh secret: 256 random bits."""
    return PREFIX + secrets.token_urlsafe(32)


def digest(secret: str) -> str:
    """What is stored of a secret. A plain SHA-256 is enough: the secret is random
    and long, not a password someone chose, so it cannot be guessed from it."""
    return hashlib.sha256(secret.encode()).hexdigest()


def bearer(header: str | None) -> str | None:
    """The token of an ``Authorization: Bearer <token>`` header, else None."""
    scheme, _sep, token = (header or "").strip().partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token or len(token) > 200:
        return None
    return token
