"""Whether an action worked: its indicator's negative share in the cycle the
dialogue was about and in the next cycle of the same company at the site, both
under the anonymity rule (a withheld figure stays withheld). No Flask."""

from __future__ import annotations

from dataclasses import dataclass

from ..results.anonymity import Cell, Shown


@dataclass(frozen=True)
class Effect:
    code: str
    before: float | None  # negative share; None when withheld or not asked
    after: float | None   # None when withheld, not asked, or no next cycle yet

    @property
    def change(self) -> float | None:
        if self.before is None or self.after is None:
            return None
        return self.after - self.before

    @property
    def verdict(self) -> str:
        """better, worse, same, or unknown (a figure is missing or withheld)."""
        change = self.change
        if change is None:
            return "unknown"
        if change <= -0.05:
            return "better"
        if change >= 0.05:
            return "worse"
        return "same"


def effect(code: str, before: Cell | None, after: Cell | None) -> Effect:
    def share(cell):
        return cell.negative_share if isinstance(cell, Shown) else None

    return Effect(code, share(before), share(after))
