"""Passwords nobody should choose. No Flask, no network.

``common-passwords.txt`` beside this module holds the 30,000 most common
passwords of ten million leaked ones (from zxcvbn, MIT licence; see its header).
A password is refused when, ignoring case and surrounding spaces, it is one of
them; when it is one of them with digits or signs added at the end
("Password2024!" is tried as early as "password"); or when it repeats three
characters or fewer ("aaaaaaaaaa", "ababababab").
"""

from __future__ import annotations

import string
from functools import cache
from pathlib import Path

LIST = Path(__file__).with_name("common-passwords.txt")
_TRAILING = string.digits + string.punctuation + " "


@cache
def common_passwords() -> frozenset[str]:
    lines = LIST.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def is_common(password: str) -> bool:
    """True for a password that attackers try early (see the module's doc)."""
    candidate = password.strip().lower()
    if len(set(candidate)) <= 3:
        return True
    common = common_passwords()
    if candidate in common:
        return True
    core = candidate.rstrip(_TRAILING)
    return bool(core) and core in common
