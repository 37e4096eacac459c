"""Cycle planning, without Flask."""

from __future__ import annotations

from datetime import date

from wsdialog.surveys import planning
from wsdialog.surveys.planning import CycleFacts, CycleState


def test_the_cycle_state_follows_the_dates():
    cycle = CycleFacts(date(2027, 3, 1), date(2027, 3, 14))
    assert planning.state(cycle, date(2027, 2, 1)) is CycleState.planned
    assert planning.state(cycle, date(2027, 3, 14)) is CycleState.open
    assert planning.state(cycle, date(2027, 3, 15)) is CycleState.closed
    shared = CycleFacts(date(2027, 3, 1), date(2027, 3, 14), date(2027, 3, 20),
                        date(2027, 4, 2))
    assert planning.state(shared, date(2027, 3, 25)) is CycleState.results_shared
    assert planning.state(shared, date(2027, 4, 2)) is CycleState.dialogue_held


def test_windows_next_rounds_and_holidays():
    assert planning.default_window(date(2027, 3, 1)) == (date(2027, 3, 1), date(2027, 3, 14))
    assert planning.next_window(date(2027, 3, 14)) == (date(2027, 5, 9), date(2027, 6, 6))
    assert planning.rounds_per_year(0) == 4 and planning.rounds_per_year(5) == 2
    found = planning.holidays_in_window("CN", date(2027, 2, 1), date(2027, 2, 14))
    assert any("Chinese New Year" in s.name for s in found.holidays)
    assert not planning.holidays_in_window("CN", date(2027, 3, 1), date(2027, 3, 14))


def test_a_window_in_the_weeks_after_tet_is_warned_about():
    found = planning.holidays_in_window("VN", date(2027, 2, 15), date(2027, 2, 28), "vi")
    assert found.holidays == []
    assert [(p.key, p.name) for p in found.periods] == [("lunar_new_year", "Tết Nguyên Đán")]
    ramadan = planning.holidays_in_window("ID", date(2027, 2, 15), date(2027, 2, 28))
    assert [p.key for p in ramadan.periods] == ["ramadan"]
