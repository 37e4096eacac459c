"""The sector benchmark's rule, at its boundaries (no database): shown at 5 sites
of 3 members, not at 4 sites nor at 5 sites of 2 members; a withheld cell does
not count; three blurred points, in order, never the lowest or highest site."""

from __future__ import annotations

import pytest

from wsdialog.msi import benchmark
from wsdialog.msi.benchmark import Contribution, placement, quantile, spread, true_points
from wsdialog.results.anonymity import Counts, Shown, Withheld

WHERE = (1, "WAGE_RUNS_OUT", "CN")


def site(company: int, number: int, negative: int, answers: int = 20) -> Contribution:
    return Contribution(company, number, Shown(Counts(answers - negative, 0, negative)),
                        f"seed-{number}")


def withheld(company: int, number: int) -> Contribution:
    return Contribution(company, number, Withheld("small_group", 5), f"seed-{number}")


@pytest.mark.parametrize(("companies", "shown"), [
    ([1, 1, 2, 2, 3], True),  # 5 sites of 3 members: the least that is shown
    ([1, 2, 3, 4, 5], True),
    ([1, 2, 2, 3], False),  # 4 sites
    ([1, 1, 1, 2, 2], False),  # 5 sites of 2 members
    ([1, 1, 1, 1, 1, 1, 1, 1], False),
])
def test_a_group_is_shown_from_5_sites_of_3_members(companies, shown):
    sites = [site(c, n, negative=2 + 2 * n) for n, c in enumerate(companies)]
    found = spread(sites, WHERE)
    assert (found is not None) == shown
    if shown:
        assert found.sites == len(companies)


def test_a_site_whose_figure_was_withheld_does_not_count():
    five = [site(1, 0, 4), site(1, 1, 6), site(2, 2, 8), site(2, 3, 10), site(3, 4, 12)]
    assert spread(five, WHERE) is not None
    # One of them withheld under its company's k: four left.
    assert spread([*five[:4], withheld(3, 4)], WHERE) is None
    # The third member's only site withheld: five sites, but of two members.
    assert spread([*five[:4], site(1, 5, 3), withheld(3, 4)], WHERE) is None
    # A sixth shown site: five count, the withheld one not at all.
    assert spread([*five, withheld(2, 6)], WHERE).sites == 5


def test_quartiles_are_interpolated_and_never_the_lowest_or_highest():
    assert quantile([0.1, 0.2, 0.3, 0.4], 0.5) == pytest.approx(0.25)
    assert quantile([0.1, 0.2, 0.3, 0.4], 0.25) == pytest.approx(0.175)
    assert true_points([0.1, 0.2, 0.3, 0.4, 0.9]) == (20, 30, 40)
    assert true_points([0.0, 0.2, 0.3, 0.4, 1.0, 1.0]) == (22, 35, 85)


def test_the_points_are_blurred_in_order_and_the_same_for_the_same_contributions():
    sites = [site(c, n, negative=n) for n, c in enumerate([1, 1, 2, 2, 3, 3, 3])]
    found = spread(sites, WHERE)
    assert 0 <= found.lower <= found.median <= found.upper <= 100
    assert spread(list(reversed(sites)), WHERE) == found  # order does not matter
    median, below, above = benchmark.blurred_parts(
        true_points(s.share for s in sites), benchmark.key_of(s.seed for s in sites), WHERE)
    assert (found.lower, found.median, found.upper) == (
        max(0, median - below), median, min(100, median + above))
    # Other contributions (a new cycle's secret) draw the blur anew.
    keys = {benchmark.key_of([*(s.seed for s in sites[:-1]), f"other-{n}"]) for n in range(5)}
    assert len(keys) == 5


@pytest.mark.parametrize("true", [0, 1, 37, 99, 100])
def test_every_shown_point_is_possible_and_the_chances_add_up(true):
    chances = [benchmark.point_likelihood(shown, true) for shown in range(101)]
    assert all(chance > 0 for chance in chances)
    assert sum(chances) == pytest.approx(1)


@pytest.mark.parametrize(("share", "where"), [
    (0.05, "below"), (0.20, "lower_middle"), (0.30, "lower_middle"), (0.31, "upper_middle"),
    (0.40, "upper_middle"), (0.41, "above")])
def test_a_members_own_site_is_placed_in_the_spread(share, where):
    assert placement(share, benchmark.Spread(5, 20, 30, 40)) == where
