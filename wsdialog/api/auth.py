"""Who sends an API request: the company's tool holding a token (or nobody)."""

from __future__ import annotations

from . import queries, tokens
from .principal import TokenClient


def api_client(authorization: str | None) -> TokenClient | None:
    """The client for an ``Authorization: Bearer`` header with a valid, unrevoked
    token; None for anything else (the API then answers 401)."""
    secret = tokens.bearer(authorization)
    if secret is None:
        return None
    token = queries.token_for(secret)
    return TokenClient(token) if token is not None else None
