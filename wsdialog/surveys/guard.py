"""Guarding the built-in survey: one worker, one answer, and nobody locks workers
out. No Flask.

- Access codes: short, random, single-use, without look-alike characters, kept
  only as a digest.
- A per-cycle limit of answers per minute, sized from the site's headcount; never
  a limit per client address (workers at one factory often share one address,
  and the survey never reads it).
- Answers that come in a flood are held for brand staff to keep or discard,
  rather than counted; nobody is told the survey is full.
- Signs of stuffing for brand staff: bursts, the limit reached, wrong codes,
  answers held, many identical answer patterns. Never an individual answer.
"""

from __future__ import annotations

import hashlib
import math
import secrets
from collections import Counter
from collections.abc import Iterable

#: No 0/O, 1/I/L, 2/Z, 5/S, 8/B, G/6, Q: codes are read aloud and typed on phones.
ALPHABET = "ACDEFHJKMNPRTUVWXY34679"
CODE_LENGTH = 8
#: Codes printed at once, at the most.
MAX_CODES = 5000


def new_code() -> str:
    """A code like ``K7MX-3RTA`` (8 characters from 23: about 36 bits)."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    return f"{raw[:4]}-{raw[4:]}"


def normalise(typed: str) -> str:
    """What a worker typed, as it is checked: capitals, without spaces or dashes."""
    return "".join(ch for ch in (typed or "").upper() if ch.isalnum())[:32]


def digest(code: str) -> str:
    return hashlib.sha256(normalise(code).encode()).hexdigest()


def per_minute_limit(headcount: int) -> int:
    """Answers a cycle accepts per minute: a tenth of the workforce, at least 20
    (a whole line answering in its break must get through)."""
    return max(20, math.ceil(headcount / 10))


def wrong_code_limit(headcount: int) -> int:
    """Wrong access codes a cycle takes per minute, counted apart from the answers
    (a worker with a valid code is never held back by them): as many as answers."""
    return per_minute_limit(headcount)


def burst_threshold(headcount: int) -> int:
    """From this many answers in one minute, brand staff are told."""
    return max(10, per_minute_limit(headcount) // 2)


def holds(answers_this_minute: int, headcount: int, respondents: int) -> bool:
    """Whether a web answer is held for brand staff to review instead of counted:
    it comes in a burst (from the burst threshold on, in one minute), or the
    cycle already has as many respondents as workers. So a flood that would fill
    the cycle to its headcount is held, and no worker is told the survey is full.
    ``answers_this_minute`` is 0 where codes are asked (a code is the limit)."""
    return answers_this_minute >= burst_threshold(headcount) or respondents >= headcount


def largest_identical_group(patterns: Iterable[tuple]) -> int:
    """The number of answers in the largest group of exactly identical ones."""
    counts = Counter(patterns)
    return max(counts.values(), default=0)


def looks_stuffed(identical: int, total: int) -> bool:
    """Many identical answers: at least 10, and at least a fifth of all. Genuine
    answers to 15 or more questions rarely coincide that often."""
    return identical >= 10 and identical * 5 >= total


class Refused(Exception):
    """The answers cannot be stored now; ``key`` names the worker's message."""

    def __init__(self, key: str, status: int = 200):
        super().__init__(key)
        self.key, self.status = key, status
