"""Who answered against who works there, through the partition rule."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from wsdialog.results.anonymity import MIN_GROUP, blurred_sizes
from wsdialog.results.reach import OVER, UNDER, reach

K = MIN_GROUP
SEED = "0123456789abcdef0123456789abcdef"


def _by_group(rows):
    return {r.group: r for r in rows}


def test_groups_that_answered_less_than_they_work_there_are_marked():
    rows = _by_group(reach(
        {"women": 70, "migrant": 30, "temporary": None},
        {"gender": {"woman": 20, "man": 60, None: 20},
         "contract": {"permanent": 80, "temporary": 10, "agency": 10}},
        respondents=100, k=K, seed=SEED))
    # Shares of those who said, from the counts blurred like every figure.
    gender = blurred_sizes({"woman": 20, "man": 60}, SEED, "gender")
    contract = blurred_sizes({"permanent": 80, "temporary": 10, "agency": 10}, SEED, "contract")
    assert rows["women"].share == gender["woman"] / sum(gender.values())  # about 25 %
    assert rows["women"].verdict == "under"  # far under 70 %, blurred or not
    assert rows["migrant"].share == 0 and rows["migrant"].verdict == "not_heard"
    assert rows["temporary"].share == ((contract["temporary"] + contract["agency"])
                                       / sum(contract.values()))
    assert rows["temporary"].verdict == "unknown"


def test_nothing_is_compared_when_nobody_said():
    rows = _by_group(reach({"women": 50}, {"gender": {None: 30}, "contract": {None: 30}},
                           respondents=30, k=K, seed=SEED))
    assert rows["women"].verdict == "not_stated" and rows["women"].share is None


def test_a_small_group_is_not_shown_nor_can_it_be_worked_out():
    rows = _by_group(reach(
        {"women": 50, "migrant": 20, "temporary": 20},
        {"gender": {"woman": 3, "man": 40},
         "contract": {"permanent": 40, "migrant_contract": 3}},
        respondents=43, k=K, seed=SEED))
    assert rows["women"].share is None and rows["women"].verdict == "withheld"
    assert rows["migrant"].share is None
    assert rows["temporary"].share == 0 and rows["temporary"].verdict == "not_heard"


COUNTS = st.dictionaries(st.sampled_from(["woman", "man", "other", None]),
                         st.integers(0, 30), max_size=4)
CONTRACTS = st.dictionaries(
    st.sampled_from(["permanent", "temporary", "agency", "migrant_contract", None]),
    st.integers(0, 30), max_size=5)


@given(COUNTS, CONTRACTS)
def test_every_shown_share_stands_for_zero_or_at_least_k_respondents_either_way(
        gender, contract):
    respondents = max(sum(gender.values()), sum(contract.values()), 1)
    gender = {**gender, None: gender.get(None, 0) + respondents - sum(gender.values())}
    contract = {**contract,
                None: contract.get(None, 0) + respondents - sum(contract.values())}
    members = {"women": {"woman"}, "migrant": {"migrant_contract"},
               "temporary": {"temporary", "agency"}}
    for row in reach({"women": 50, "migrant": 10, "temporary": 10},
                     {"gender": gender, "contract": contract}, respondents, K, SEED):
        if row.share is None:
            continue
        counts = gender if row.group == "women" else contract
        n = sum(counts.get(value, 0) for value in members[row.group])
        assert n == 0 or n >= K
        assert (row.share == 0) == (n == 0)  # nobody stays nobody; somebody, somebody
        # What the group is not is no small group either (by subtraction).
        others = respondents - n
        assert others == 0 or others >= K or n == 0


def test_a_group_that_answered_far_more_than_it_works_there_is_marked_too():
    # 25 % of the site on a temporary contract, 61 % of the respondents.
    rows = _by_group(reach(
        {"women": 50, "migrant": None, "temporary": 25},
        {"gender": {"woman": 50, "man": 50},
         "contract": {"permanent": 39, "temporary": 40, "agency": 21}},
        respondents=100, k=K, seed=SEED))
    assert rows["temporary"].share * 100 > 25 / UNDER  # blurred, still far over
    assert rows["temporary"].verdict == "over"
    assert rows["temporary"].over_above == 0.25 * OVER and OVER == 1 / UNDER
    assert rows["women"].verdict == "heard"


def test_a_group_the_survey_never_asked_about_is_not_asked_not_unheard():
    rows = _by_group(reach(
        {"women": 50, "migrant": 30, "temporary": 10},
        {"gender": {"woman": 50, "man": 50}, "contract": {"permanent": 90, "temporary": 10}},
        respondents=100, k=K, seed=SEED, not_asked=frozenset({"migrant"})))
    assert rows["migrant"].verdict == "not_asked" and rows["migrant"].share is None
    assert rows["temporary"].verdict != "not_asked"
