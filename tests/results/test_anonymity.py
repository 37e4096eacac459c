"""The anonymity rule, property-tested: whatever the data and the filter, no
figure about fewer than k workers can be seen or derived by subtraction, and
every figure shown is blurred so that no shown value rules out any true count."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from hypothesis import given
from hypothesis import strategies as st

from wsdialog.results.anonymity import (
    BLUR,
    MIN_GROUP,
    Counts,
    Shown,
    Withheld,
    blurred,
    cell,
    effective_min,
    group_tables,
    likelihood,
    noise,
    partition_withheld,
    table,
)

SEED = "0123456789abcdef0123456789abcdef"

counts = st.builds(Counts, st.integers(0, 40), st.integers(0, 10), st.integers(0, 40))
thresholds = st.integers(MIN_GROUP, 12)
#: The groups of a dimension, "not stated" (None) included.
GROUPS = ["woman", "man", "other", None]
#: A random cycle, one dimension: counts per group and question.
partitions = st.dictionaries(
    st.sampled_from(GROUPS),
    st.dictionaries(st.sampled_from(["Q1", "Q2", "Q3"]), counts),
    min_size=1)


def test_the_threshold_can_be_raised_never_lowered():
    assert effective_min(None) == 5 and effective_min(3) == 5 and effective_min(8) == 8


@given(st.dictionaries(st.sampled_from(GROUPS), st.integers(0, 60), min_size=1), thresholds)
def test_withheld_groups_add_up_to_nothing_or_to_at_least_k(sizes, k):
    withheld = partition_withheld(sizes, k)
    hidden = sum(sizes[g] for g in withheld)
    assert hidden == 0 or hidden >= k or hidden == sum(sizes.values())
    # Every group under k is withheld; a group is only added to protect others.
    assert all(g in withheld for g, n in sizes.items() if 0 < n < k)
    assert all(reason == "protects_others" for g, reason in withheld.items()
               if sizes[g] >= k)


@given(partitions, st.integers(0, 200), thresholds)
def test_no_figure_of_fewer_than_k_answers_can_be_seen_or_subtracted(by_group, people, k):
    codes = ["Q1", "Q2", "Q3"]
    cells = group_tables(by_group, codes, people, k, SEED, "gender")
    totals = {code: sum((g.get(code, Counts()) for g in by_group.values()), Counts())
              for code in codes}
    whole = table(totals, people, k, SEED)
    for code in codes:
        shown = [g for g in by_group if not cells[g][code].suppressed]
        true = {g: by_group[g].get(code, Counts()).total for g in by_group}
        # Every published figure comes from at least k answers...
        assert all(true[g] >= k for g in shown)
        # ...and the total minus the shown groups is 0 or at least k answers.
        if isinstance(whole[code], Shown):
            rest = totals[code].total - sum(true[g] for g in shown)
            assert rest == 0 or rest >= k
        else:
            assert not shown or people < k or whole[code].reason == "blurred"
        for group in by_group:
            if cells[group][code].suppressed:
                assert not hasattr(cells[group][code], "counts")


def test_fifty_women_forty_eight_men_and_two_others():
    """The case that broke the complement rule: total − women − men = the two."""
    by_group = {"woman": {"Q": Counts(40, 0, 10)}, "man": {"Q": Counts(30, 0, 18)},
                "other": {"Q": Counts(0, 0, 2)}}
    cells = group_tables(by_group, ["Q"], 100, 5, SEED, "gender")
    assert cells["other"]["Q"].reason == "small_group"
    assert cells["man"]["Q"].reason == "protects_others"  # the smaller large group
    assert isinstance(cells["woman"]["Q"], Shown)
    # 2 + 48 answers are withheld together: no subtraction finds the two.


@pytest.mark.parametrize(("sizes", "withheld"), [
    ({"under_18": 2, "18_24": 40, "25_34": 30}, {"under_18", "25_34"}),
    ({"woman": 50, "man": 48, None: 2}, {None, "man"}),  # a band left empty
    ({"woman": 50, "man": 50}, set()),
    ({"woman": 3, "man": 4, None: 40}, {"woman", "man"}),  # 7 ≥ 5: enough together
])
def test_small_groups_and_not_stated_are_protected_together(sizes, withheld):
    assert set(partition_withheld(sizes, 5)) == withheld


@given(counts, thresholds)
def test_the_whole_cycle_shows_a_question_only_with_k_answers(group, k):
    shown = cell(group, k, SEED, "Q")
    if group.total < k:
        assert shown.suppressed and shown.reason == "small_group"
    else:  # shown, unless blurring left nothing (then said so)
        assert not shown.suppressed or shown.reason == "blurred"


@given(st.dictionaries(st.sampled_from(["A", "B", "C"]), counts, min_size=1),
       st.integers(0, 30), thresholds)
def test_a_small_cycle_shows_no_answers_at_all(totals, respondents, k):
    cells = table(totals, respondents, k, SEED)
    if respondents < k:
        assert all(c.suppressed and c.reason == "small_cycle" for c in cells.values())
    else:
        assert all(c.suppressed == (totals[code].total < k) or c.reason == "blurred"
                   for code, c in cells.items())


def test_shares_add_up_and_say_which_part_is_negative():
    shown = Shown(Counts(6, 2, 12))
    assert sum(shown.shares) == 1 and shown.negative_share == 0.6
    assert isinstance(cell(Counts(1, 1, 1), 5, SEED, "Q"), Withheld)


def test_a_shown_cell_carries_its_blurred_counts_the_same_every_time():
    true = Counts(30, 5, 15)
    first = cell(true, 5, SEED, "Q1")
    assert first == cell(true, 5, SEED, "Q1")  # a second look learns nothing new
    assert first.counts == Counts(blurred(30, SEED, ("all", "Q1", "positive")),
                                  blurred(5, SEED, ("all", "Q1", "dont_know")),
                                  blurred(15, SEED, ("all", "Q1", "negative")))
    # Another cycle's secret, another question or group: another change.
    changes = {(seed, where): noise(seed, where) for seed in (SEED, "another secret")
               for where in [("all", f"Q{i}", "positive") for i in range(40)]}
    assert len(set(changes.values())) > 3


def test_the_changes_follow_their_distribution():
    """Over many cells: no change one time in three, a change of d with a chance
    falling by half with every step, as often up as down."""
    changes = [noise(SEED, ("all", f"Q{i}", "negative")) for i in range(6000)]
    share = {d: changes.count(d) / len(changes) for d in range(-4, 5)}
    for d, observed in share.items():
        expected = (1 - BLUR) / (1 + BLUR) * BLUR ** abs(d)
        assert abs(observed - expected) < 0.02, (d, observed, expected)
    assert abs(sum(changes)) / len(changes) < 0.1


@given(st.integers(0, 60), st.integers(0, 60))
def test_no_shown_value_rules_out_any_true_count(shown, true):
    """What an attacker who sent answers himself is up against: whatever he
    subtracts, every true count could have produced what he sees."""
    assert likelihood(shown, true) > 0
    # One more answer changes the chance of what is shown at most 1/BLUR-fold.
    assert likelihood(shown, true + 1) / likelihood(shown, true) <= 1 / BLUR + 1e-9
    assert likelihood(shown, true) / likelihood(shown, true + 1) <= 1 / BLUR + 1e-9


@given(st.integers(0, 30))
def test_the_chances_of_every_shown_value_add_up_to_one(true):
    assert abs(sum(likelihood(shown, true) for shown in range(0, true + 80)) - 1) < 1e-9


def test_the_database_refuses_a_group_floor_below_the_rule():
    from wsdialog.results.models import ResultsSettings

    checks = [str(c.sqltext) for c in ResultsSettings.__table__.constraints
              if isinstance(c, sa.CheckConstraint) and "min_group" in str(c.sqltext)]
    assert checks == [f"min_group >= {MIN_GROUP}"]
