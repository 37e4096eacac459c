"""The anonymity rule, property-tested: whatever the data and the filter, no
figure about fewer than k workers can be seen or derived."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from wsdialog.results.anonymity import (
    MIN_GROUP,
    Counts,
    Shown,
    Withheld,
    cell,
    effective_min,
    table,
)

counts = st.builds(Counts, st.integers(0, 40), st.integers(0, 10), st.integers(0, 40))


def test_the_threshold_can_be_raised_never_lowered():
    assert effective_min(None) == 5 and effective_min(3) == 5 and effective_min(8) == 8


@given(counts, counts, st.integers(MIN_GROUP, 12))
def test_a_shown_group_and_its_complement_both_reach_k(group, rest, k):
    total = Counts(group.positive + rest.positive, group.dont_know + rest.dont_know,
                   group.negative + rest.negative)
    result = cell(group, total, k)
    if isinstance(result, Shown):
        assert group.total >= k and rest.total >= k
        # Then the complement, derivable by subtraction, is itself a shown-size group.
        assert cell(rest, total, k).suppressed is False
    else:
        assert isinstance(result, Withheld)
        assert not hasattr(result, "counts")  # counts go with the percentages
        assert group.total < k or rest.total < k


@given(counts, st.integers(MIN_GROUP, 12))
def test_the_whole_cycle_shows_a_question_only_with_k_answers(group, k):
    result = cell(group, None, k)
    assert result.suppressed == (group.total < k)


@given(st.dictionaries(st.sampled_from(["A", "B", "C"]), counts, min_size=1),
       st.integers(0, 30), st.integers(MIN_GROUP, 10))
def test_a_small_cycle_shows_no_answers_at_all(groups, respondents, k):
    cells = table(groups, None, respondents, k)
    if respondents < k:
        assert all(c.suppressed and c.reason == "small_cycle" for c in cells.values())
    else:
        assert all(c.suppressed == (groups[code].total < k) for code, c in cells.items())


def test_shares_add_up_and_say_which_part_is_negative():
    shown = cell(Counts(6, 2, 12), None, 5)
    assert sum(shown.shares) == 1 and shown.negative_share == 0.6
