"""What members learn from each other about getting suppliers on board: why
suppliers declined, and which ways of approaching them preceded "joined" —
across members, counted, never naming a supplier or a company. No Flask.

Each part is shown only where at least ``MIN_MEMBERS`` member companies
contribute to it: with fewer, a member could read another's figures."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

MIN_MEMBERS = 3


@dataclass(frozen=True)
class Lesson:
    code: str
    members: int  # member companies it came up at
    count: int  # declines citing it, or joins it preceded
    of: int  # all declines, or all joins, it is counted among


def decline_reasons(declines: Iterable[tuple[int, list[str]]]) -> list[Lesson]:
    """From (company id, reason codes) per decline: each reason with how many
    declines cited it, once ``MIN_MEMBERS`` companies recorded declines; most
    cited first."""
    return _lessons([(company, codes) for company, codes in declines])


def strategies_before_joining(joins: Iterable[tuple[int, list[str]]]) -> list[Lesson]:
    """From (company id, strategy codes) per supplier that joined: each strategy
    with how many joins it preceded, once ``MIN_MEMBERS`` companies had joins."""
    return _lessons([(company, codes) for company, codes in joins])


def _lessons(items: list[tuple[int, list[str]]]) -> list[Lesson]:
    if len({company for company, _codes in items}) < MIN_MEMBERS:
        return []
    by_code: dict[str, list[int]] = {}
    for company, codes in items:
        for code in set(codes or []):
            by_code.setdefault(code, []).append(company)
    return sorted((Lesson(code, len(set(companies)), len(companies), len(items))
                   for code, companies in by_code.items()),
                  key=lambda lesson: (-lesson.count, lesson.code))
