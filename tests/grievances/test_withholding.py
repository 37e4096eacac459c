"""Grievance counts that could point at a person are withheld (the rule lives in
results/anonymity.py): a theme × period cell under k shows as "fewer than k", the
period's total stays, and no withheld cell can be worked out from the total and
the cells shown; the same for the counts of women and of anonymous complaints.

The property test plays the attacker: he sees the total, every shown cell, and
for each withheld cell whether it shows as "fewer than k" (so 0 to k−1) or only
"withheld" (he assumes the worst: k or more). He must never be left with one
possible value for a withheld cell."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from wsdialog.grievances import rules
from wsdialog.results.anonymity import (
    PERIOD_TOTAL,
    grievance_part_withheld,
    grievance_withheld,
)

CELLS = [*rules.THEMES, rules.UNCLASSIFIED]


def _cells(**counts) -> dict[str, int]:
    return {code: counts.get(code, 0) for code in CELLS}


def test_a_small_cell_is_withheld_with_a_second_so_the_total_gives_nothing_away():
    cells = _cells(wages=9, harassment=1)
    withheld = grievance_withheld(cells, 10, 5)
    assert withheld["harassment"] == "small_group"
    assert withheld["wages"] == "protects_others"
    # Every empty cell shows as "fewer than k" too: else harassment is known to be 1+.
    assert all(withheld[code] == "small_group" for code in CELLS if cells[code] == 0)


def test_nothing_is_withheld_when_every_cell_is_empty_or_k_or_more():
    assert grievance_withheld(_cells(wages=7, hours=5), 12, 5) == {}
    assert grievance_withheld(_cells(), 0, 5) == {}


def test_cells_that_add_up_to_k_hide_each_other():
    withheld = grievance_withheld(_cells(wages=3, hours=2, safety=8), 13, 5)
    assert withheld["wages"] == withheld["hours"] == "small_group"
    assert "safety" not in withheld


def test_when_every_cell_would_be_k_minus_1_the_total_goes_too():
    cells = {"a": 4, "b": 4}
    assert PERIOD_TOTAL in grievance_withheld(cells, 8, 5)


@pytest.mark.parametrize(("part", "received", "withheld"), [
    (None, 10, None), (0, 0, None),
    (1, 1, "small_group"),       # "1 complaint, from a woman": never
    (0, 3, "small_group"),       # under k in all: withheld whatever it is
    (3, 3, "small_group"),
    (2, 20, "protects_others"),
    (18, 20, "protects_others"),  # the rest (2) would be given away
    (0, 20, None), (20, 20, None), (8, 20, None),
])
def test_the_counts_of_women_and_anonymous_complaints(part, received, withheld):
    assert grievance_part_withheld(part, received, 5) == withheld


def _possible(cell: str, shown: dict, fewer: set, other: set, total: int, k: int) -> set[int]:
    """The values ``cell`` may hold, to someone who knows the total, the shown cells,
    which cells show as fewer than k (0..k−1) and which as withheld (k or more)."""
    hidden = total - sum(shown.values())
    low = {c: (0 if c in fewer else k) for c in (*fewer, *other)}
    high = {c: (k - 1 if c in fewer else hidden) for c in (*fewer, *other)}
    rest_low = sum(low[c] for c in low if c != cell)
    rest_high = sum(high[c] for c in high if c != cell)
    return {v for v in range(low[cell], high[cell] + 1)
            if rest_low <= hidden - v <= rest_high}


themes = st.lists(st.integers(0, 12) | st.just(0), min_size=len(CELLS), max_size=len(CELLS))


@settings(max_examples=300, deadline=None)
@given(counts=themes, k=st.integers(5, 8))
@example(counts=[9, 1] + [0] * (len(CELLS) - 2), k=5)
@example(counts=[4, 4] + [0] * (len(CELLS) - 2), k=5)
@example(counts=[1] * len(CELLS), k=5)
@example(counts=[4] * len(CELLS), k=5)
def test_no_withheld_cell_can_be_worked_out(counts, k):
    cells = dict(zip(CELLS, counts, strict=True))
    total = sum(counts)
    withheld = grievance_withheld(cells, total, k)
    if PERIOD_TOTAL in withheld:
        return  # nothing of the period is shown but the cells ≥ k: nothing to subtract
    shown = {c: n for c, n in cells.items() if c not in withheld}
    fewer = {c for c, reason in withheld.items() if reason == "small_group"}
    other = {c for c, reason in withheld.items() if reason == "protects_others"}
    # Every cell from 1 to k−1 is withheld, and "fewer than k" is true where shown.
    assert all(c in withheld for c, n in cells.items() if 0 < n < k)
    assert all(cells[c] < k for c in fewer)
    for cell in withheld:
        possible = _possible(cell, shown, fewer, other, total, k)
        assert cells[cell] in possible
        assert len(possible) > 1, (cell, cells, withheld)
    # What all withheld cells hold together is 0 or at least k (or the period had
    # fewer than k complaints in all, and every cell is withheld).
    hidden = total - sum(shown.values())
    assert hidden == 0 or hidden >= k or len(withheld) == len(cells)


@settings(max_examples=200, deadline=None)
@given(received=st.integers(0, 40), data=st.data(), k=st.integers(5, 8))
def test_no_withheld_part_can_be_worked_out(received, data, k):
    part = data.draw(st.integers(0, received))
    reason = grievance_part_withheld(part, received, k)
    if reason is None:
        # Shown: then the rest, received − part, is 0 or k or more, and so is the part.
        assert part in (0, received) or (part >= k and received - part >= k)
        return
    # Withheld: the values it could hold, to someone who knows the total and the
    # rule (and "fewer than k" where it says so), are more than one.
    possible = [v for v in range(received + 1)
                if grievance_part_withheld(v, received, k) == reason]
    assert part in possible and len(possible) > 1
