"""Secrets the app must read back, stored encrypted: a cycle's KoboToolbox API
token is needed at every fetch, so it cannot be kept as a digest as a password
or an API token of ours is. No Flask.

Fernet (AES-128-CBC with an HMAC-SHA256, from ``cryptography``): a sealed value
cannot be read, nor changed unnoticed, without the key. The key is derived with
HKDF from ``ENCRYPTION_KEY``, or from ``SECRET_KEY`` when that setting is empty;
a value sealed under another key reads as None (the token must be entered again).
"""

from __future__ import annotations

import base64
from collections.abc import Mapping

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

#: Binds the derived key to this one use: the same secret signs sessions.
_PURPOSE = b"wsdialog: stored secrets"


def key_from(config: Mapping) -> str:
    """The instance's encryption secret: its own setting, else the secret key."""
    return config.get("ENCRYPTION_KEY") or config["SECRET_KEY"]


def _fernet(secret: str) -> Fernet:
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_PURPOSE).derive(
        secret.encode())
    return Fernet(base64.urlsafe_b64encode(key))


def seal(secret: str, text: str) -> bytes:
    """``text`` encrypted (and authenticated) under ``secret``."""
    return _fernet(secret).encrypt(text.encode())


def unseal(secret: str, sealed: bytes) -> str | None:
    """The text sealed under ``secret``; None when it was sealed under another key
    or has been changed."""
    try:
        return _fernet(secret).decrypt(bytes(sealed)).decode()
    except (InvalidToken, ValueError):
        return None
