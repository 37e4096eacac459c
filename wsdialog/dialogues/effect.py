"""Whether an agreement worked: its indicators' negative share in the cycle the
dialogue was about and in the first released cycle whose window started after
the agreement was marked done (before that, it could not have acted), both
under the anonymity rule (a withheld figure stays withheld). Cycles that ran in
between are shown beside them, as context only. No Flask."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..results.anonymity import Cell, Shown

#: Where an agreement stands for the question "did it work?".
NOT_DONE = "not_done"    # not marked done yet: nothing to judge
TOO_EARLY = "too_early"  # done, but no released cycle has started since
JUDGED = "judged"        # done, and a cycle that started since is released


@dataclass(frozen=True)
class Effect:
    code: str
    before: float | None  # negative share; None when withheld or not asked
    after: float | None   # in the cycle judged on; None when withheld, not asked, or none
    stage: str = JUDGED   # NOT_DONE, TOO_EARLY or JUDGED
    #: The negative shares in the cycles in between, oldest first (context only).
    between: tuple[float | None, ...] = ()

    @property
    def change(self) -> float | None:
        if self.stage != JUDGED or self.before is None or self.after is None:
            return None
        return self.after - self.before

    @property
    def verdict(self) -> str:
        """not_done, too_early; or better, worse, same, or unknown (a figure is
        missing or withheld)."""
        if self.stage != JUDGED:
            return self.stage
        change = self.change
        if change is None:
            return "unknown"
        if change <= -0.05:
            return "better"
        if change >= 0.05:
            return "worse"
        return "same"


def _share(cell: Cell | None) -> float | None:
    return cell.negative_share if isinstance(cell, Shown) else None


def effect(code: str, before: Cell | None, after: Cell | None, stage: str = JUDGED,
           between: Sequence[Cell | None] = ()) -> Effect:
    """The effect on one indicator. ``after`` counts only once ``stage`` is
    JUDGED: a cycle before that is context (``between``), not a verdict."""
    return Effect(code, _share(before), _share(after) if stage == JUDGED else None, stage,
                  tuple(_share(cell) for cell in between))
