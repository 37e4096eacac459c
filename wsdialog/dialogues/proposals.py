"""Attention points the app proposes from the results. No Flask.

From one cycle's protected figures: the priorities, the biggest changes since
the previous cycle, and strong green results worth a compliment. Only figures
that may be shown are used; a withheld figure proposes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..text import N_

#: A change from this many points (of the negative share) is worth raising.
BIG_CHANGE = 0.10
#: At or below this negative share, a result is strong enough for a compliment.
COMPLIMENT = 0.05
MOST = 3

KINDS = {"priority": N_("Priority"), "change": N_("Big change"),
         "compliment": N_("Compliment")}


@dataclass(frozen=True)
class Figure:
    """One indicator of the cycle: its negative share when shown (else None),
    the change since the previous cycle, and whether it is a priority."""

    code: str
    negative: float | None
    change: float | None
    priority: bool


@dataclass(frozen=True)
class Proposal:
    kind: str
    code: str
    negative: float
    change: float | None


def propose(figures: Iterable[Figure]) -> list[Proposal]:
    shown = [f for f in figures if f.negative is not None]
    priorities = [Proposal("priority", f.code, f.negative, f.change)
                  for f in sorted(shown, key=lambda f: -f.negative) if f.priority]
    taken = {p.code for p in priorities}
    changes = sorted((f for f in shown if f.change is not None
                      and abs(f.change) >= BIG_CHANGE and f.code not in taken),
                     key=lambda f: -abs(f.change))[:MOST]
    taken |= {f.code for f in changes}
    compliments = sorted((f for f in shown if f.negative <= COMPLIMENT
                          and f.code not in taken), key=lambda f: f.negative)[:MOST]
    return priorities + [Proposal("change", f.code, f.negative, f.change) for f in changes] \
        + [Proposal("compliment", f.code, f.negative, f.change) for f in compliments]
