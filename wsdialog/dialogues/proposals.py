"""Attention points the app proposes from the results. No Flask.

From one cycle's protected figures: the priorities, the biggest changes since
the previous cycle, and strong green results worth a compliment. Only figures
that may be shown are used; a withheld figure proposes nothing. And from the
site's grievance figures: the themes many complaints are about, and complaints
left unresolved too long.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..text import N_

#: A change from this many points (of the negative share) is worth raising.
BIG_CHANGE = 0.10
#: At or below this negative share, a result is strong enough for a compliment.
COMPLIMENT = 0.05
MOST = 3

#: A theme holding at least this share of a year's complaints is worth raising.
MANY_COMPLAINTS_SHARE = 0.25
#: The code of a point about complaints still open long after their period.
UNRESOLVED = "grievance:unresolved"

KINDS = {"priority": N_("Priority"), "change": N_("Big change"),
         "compliment": N_("Compliment"),
         # Translators: an attention point that comes from grievance channels' figures.
         "grievance": N_("Complaints")}


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


@dataclass(frozen=True)
class GrievanceProposal:
    """A point from the grievance figures: a theme with many complaints (``theme``,
    ``count`` of the year's ``received``), or complaints left unresolved (``theme``
    None, ``count`` of them)."""

    code: str
    theme: str | None
    count: int
    received: int


def propose_from_grievances(theme_totals: Mapping[str, int], received: int,
                            unresolved: int) -> list[GrievanceProposal]:
    """The themes holding ``MANY_COMPLAINTS_SHARE`` of the year's complaints or more
    (``theme_totals``: only themes shown, none withheld), most first; and the
    complaints still open long after their period, if any."""
    many = sorted(((theme, count) for theme, count in theme_totals.items()
                   if received and count and count >= MANY_COMPLAINTS_SHARE * received),
                  key=lambda item: (-item[1], item[0]))
    proposals = [GrievanceProposal(f"grievance:{theme}", theme, count, received)
                 for theme, count in many]
    if unresolved:
        proposals.append(GrievanceProposal(UNRESOLVED, None, unresolved, received))
    return proposals
