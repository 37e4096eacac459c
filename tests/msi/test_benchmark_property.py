"""The sector benchmark against a member who attacks it, property-tested in the
spirit of tests/results/test_protection_property.py.

The attacker is a member company. It controls the answers at its own
contributing sites (it runs their surveys, and may import any file), so it can
set their shares to whatever helps it, extremes included; it adds up to four
answers of its own at the target site too (the survey link); and, strongest of
all, it knows the figure of every other contributing site but one: the target,
a single site of another member. From the benchmark it sees the number of sites
and three points. It must never be certain of the target's share: every share
the target's figure could have stays possible. Without the blur it would be
(see the last test): with five sites the quartiles are sites' own figures."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from wsdialog.msi import benchmark
from wsdialog.msi.benchmark import Contribution, spread, true_points
from wsdialog.results.anonymity import Counts, Shown, blurred_counts

WHERE = (7, "WAGE_RUNS_OUT", "CN")
TARGET, HONEST, ATTACKER = 1, 2, 3

#: True answers at a site: (positive, don't know, negative), at least 5 in all.
counts = st.builds(Counts, st.integers(0, 40), st.integers(0, 5), st.integers(0, 40)).filter(
    lambda c: c.total >= 5)
seed = st.text("0123456789abcdef", min_size=32, max_size=32)


def _shown(true: Counts, cycle_seed: str) -> Shown | None:
    """The cell the results pages show for these true counts (blurred), if any."""
    figures = blurred_counts(true, cycle_seed, ("all", "WAGE_RUNS_OUT"))
    return Shown(figures) if figures.total else None


@settings(max_examples=200, deadline=None)
@given(real=counts,
       added=st.builds(Counts, st.integers(0, 4), st.just(0), st.integers(0, 4)).filter(
           lambda c: c.total <= 4),
       honest=st.lists(counts, min_size=1, max_size=4),
       his=st.lists(st.sampled_from([Counts(20, 0, 0), Counts(0, 0, 20), Counts(10, 0, 10)])
                    | counts, min_size=1, max_size=6),
       seeds=st.lists(seed, min_size=11, max_size=11, unique=True))
def test_an_attacking_member_is_never_certain_of_another_members_site(real, added, honest,
                                                                       his, seeds):
    target_cell = _shown(real + added, seeds[0])
    if target_cell is None:
        return  # withheld: her site is not in the benchmark at all
    contributions = [Contribution(TARGET, 0, target_cell, seeds[0])]
    for number, true in enumerate(honest, 1):
        cell = _shown(true, seeds[number])
        if cell is not None:
            contributions.append(Contribution(HONEST, number, cell, seeds[number]))
    for number, true in enumerate(his, 5):
        contributions.append(Contribution(ATTACKER, number, Shown(true), seeds[number]))
    found = spread(contributions, WHERE)
    if found is None:
        return  # not shown: nothing to learn
    # What the page shows is the true points blurred under the group's key, nothing else.
    counted = [c for c in contributions if c.counts]
    parts = benchmark.blurred_parts(true_points(c.share for c in counted),
                                    benchmark.key_of(c.seed for c in counted), WHERE)
    assert (found.lower, found.median, found.upper) == (
        max(0, parts[0] - parts[1]), parts[0], min(100, parts[0] + parts[2]))
    assert found.sites == len(counted)
    # He knows every other figure; for each share her site's figure might have had,
    # the chance of what he saw (the blurred parts, more than the page shows).
    others = [c.share for c in counted[1:]]
    possible = {Fraction(n, d) for d in range(1, 21) for n in range(d + 1)} | {
        Fraction(target_cell.counts.negative, target_cell.counts.total)}
    chances = {share: benchmark.parts_likelihood(parts, true_points([*others, float(share)]))
               for share in possible}
    assert all(chance > 0 for chance in chances.values())
    assert max(chances.values()) / sum(chances.values()) < 1  # he can guess, never know


def test_without_the_blur_the_attacker_would_read_the_target_off_the_median():
    """Why the points are blurred: five sites of three members, the attacker's
    three set to 0 % and 100 %; the true median is then her site's figure."""
    target = Contribution(TARGET, 0, Shown(Counts(13, 0, 7)), "a" * 32)
    contributions = [
        target, Contribution(HONEST, 1, Shown(Counts(5, 0, 15)), "b" * 32),
        Contribution(ATTACKER, 2, Shown(Counts(20, 0, 0)), "c" * 32),
        Contribution(ATTACKER, 3, Shown(Counts(20, 0, 0)), "d" * 32),
        Contribution(ATTACKER, 4, Shown(Counts(0, 0, 20)), "e" * 32)]
    assert true_points(c.share for c in contributions)[1] == round(100 * target.share)
    found = spread(contributions, WHERE)
    parts = benchmark.blurred_parts(true_points(c.share for c in contributions),
                                    benchmark.key_of(c.seed for c in contributions), WHERE)
    assert parts[0] == found.median
    # Blurred, every share of hers stays possible.
    others = [c.share for c in contributions[1:]]
    assert all(benchmark.parts_likelihood(parts, true_points([*others, n / 20])) > 0
               for n in range(21))
