"""The dialogue log's plain modules: local times and holidays, the calendar file,
the checklist, the proposed points, before and after."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from icalendar import Calendar

from wsdialog.dialogues import checklist, effect, ics, proposals, scheduling
from wsdialog.results.anonymity import Counts, Shown, Withheld


def test_a_time_is_shown_in_each_zone_with_holidays_and_working_hours():
    # 10:00 in Ho Chi Minh City on 2 September 2027 (Vietnam's National Day).
    starts = scheduling.to_utc(datetime(2027, 9, 2, 10, 0), "Asia/Ho_Chi_Minh")
    assert starts == datetime(2027, 9, 2, 3, 0)
    saigon, amsterdam = scheduling.local_times(starts, 90, [
        scheduling.Attendee("lan", "Asia/Ho_Chi_Minh", "VN"),
        scheduling.Attendee("eva", "Europe/Amsterdam", "NL")])
    assert (saigon.starts.hour, amsterdam.starts.hour) == (10, 5)  # summer time: UTC+2
    assert saigon.holidays and not saigon.outside_hours
    assert amsterdam.outside_hours and not amsterdam.holidays
    assert saigon.warn and amsterdam.warn


def test_a_time_in_ramadan_or_the_weeks_after_tet_is_warned_about():
    # 10 February 2028, 10:00 in Dhaka: in working hours, no public holiday, but
    # Ramadan; in Ho Chi Minh City, two weeks after Tết.
    starts = scheduling.to_utc(datetime(2028, 2, 10, 10, 0), "Asia/Dhaka")
    dhaka, saigon, amsterdam = scheduling.local_times(starts, 90, [
        scheduling.Attendee("rina", "Asia/Dhaka", "BD"),
        scheduling.Attendee("lan", "Asia/Ho_Chi_Minh", "VN"),
        scheduling.Attendee("eva", "Europe/Amsterdam", "NL")], locale="vi")
    assert not (dhaka.holidays or dhaka.outside_hours or dhaka.weekend)
    assert [p.key for p in dhaka.periods] == ["ramadan"] and dhaka.warn
    assert [p.name for p in saigon.periods] == ["Tết Nguyên Đán"] and saigon.warn
    assert amsterdam.periods == []


@pytest.mark.parametrize(("local", "zone", "outside"), [
    (datetime(2027, 3, 3, 8, 0), "Asia/Shanghai", False),
    (datetime(2027, 3, 3, 16, 30), "Asia/Shanghai", False),  # ends 18:00 on the dot
    (datetime(2027, 3, 3, 17, 0), "Asia/Shanghai", True),
    (datetime(2027, 3, 3, 7, 30), "Asia/Shanghai", True),
    (datetime(2027, 3, 3, 23, 30), "Asia/Shanghai", True),  # runs past midnight
])
def test_working_hours_are_08_to_18_local(local, zone, outside):
    [found] = scheduling.local_times(scheduling.to_utc(local, zone), 90,
                                     [scheduling.Attendee(1, zone)])
    assert found.outside_hours is outside


def test_the_calendar_file_parses_back_with_the_right_utc_time():
    data = ics.invitation(
        uid="dialogue-7@wsdialog", starts_utc=datetime(2027, 9, 2, 3, 0), minutes=90,
        summary="Dialogue", description="About the results", location="Meeting room",
        organizer=("Eva", "eva@noordwind.example"),
        attendees=[("Lan", "lan@saigonstitch.example"), ("Interpreter", None)],
        sequence=2, stamp=datetime(2027, 8, 1, 12, 0))
    event = Calendar.from_ical(data).walk("VEVENT")[0]
    assert event.decoded("dtstart") == datetime(2027, 9, 2, 3, 0, tzinfo=UTC)
    assert event.decoded("dtend") == datetime(2027, 9, 2, 4, 30, tzinfo=UTC)
    assert str(event["uid"]) == "dialogue-7@wsdialog" and event["sequence"] == 2
    attendees = event.get("attendee")
    attendees = attendees if isinstance(attendees, list) else [attendees]
    assert [str(a) for a in attendees] == ["mailto:lan@saigonstitch.example"]


def _facts(**changes):
    base = dict(released=True, supplier_opened=False, supplier_reviewed=False,
                supplier_side=0, deciders=0, other_languages=False, interpreter=False)
    return checklist.Facts(**{**base, **changes})


@pytest.mark.parametrize(("facts", "code", "done"), [
    (_facts(), "released", True),
    (_facts(released=False), "released", False),
    (_facts(supplier_opened=True), "opened", True),
    (_facts(supplier_reviewed=True), "reviewed", True),
    (_facts(supplier_side=2, deciders=0), "participants", False),
    (_facts(supplier_side=2, deciders=1), "participants", True),
    (_facts(other_languages=True), "interpreter", False),
    (_facts(other_languages=True, interpreter=True), "interpreter", True),
    (_facts(audit_note=True), "audit", True),
    (_facts(), "grievances", False),
    (_facts(grievance_note=True), "grievances", True),
])
def test_the_checklist_ticks_what_the_app_knows(facts, code, done):
    items = {item.code: item for item in checklist.checklist(facts)}
    assert items[code].done is done


def test_no_interpreter_item_when_everyone_speaks_the_language():
    codes = {item.code for item in checklist.checklist(_facts())}
    assert "interpreter" not in codes and {"audit", "points", "must"} <= codes


def test_proposed_points_come_from_priorities_changes_and_strong_results():
    figures = [
        proposals.Figure("WAGE_RUNS_OUT", 0.62, 0.05, True),
        proposals.Figure("EXHAUSTED", 0.30, 0.18, False),     # a big change
        proposals.Figure("PAYSLIP_CLEAR", 0.20, -0.12, False),  # a big improvement
        proposals.Figure("CLEAN_WATER", 0.02, None, False),    # a compliment
        proposals.Figure("HARASSED", None, None, False),       # withheld: nothing
        proposals.Figure("SAFE_EXITS", 0.15, 0.01, False),     # nothing to say
    ]
    found = [(p.kind, p.code) for p in proposals.propose(figures)]
    assert found == [("priority", "WAGE_RUNS_OUT"), ("change", "EXHAUSTED"),
                     ("change", "PAYSLIP_CLEAR"), ("compliment", "CLEAN_WATER")]


@pytest.mark.parametrize(("before", "after", "verdict", "change"), [
    (Shown(Counts(40, 0, 60)), Shown(Counts(70, 0, 30)), "better", -0.3),
    (Shown(Counts(70, 0, 30)), Shown(Counts(40, 0, 60)), "worse", 0.3),
    (Shown(Counts(70, 0, 30)), Shown(Counts(71, 0, 29)), "same", -0.01),
    (Shown(Counts(70, 0, 30)), Withheld("small_group", 5), "unknown", None),
    (Shown(Counts(70, 0, 30)), None, "unknown", None),  # no next cycle yet
])
def test_before_and_after_keep_withheld_figures_withheld(before, after, verdict, change):
    found = effect.effect("WAGE_RUNS_OUT", before, after)
    assert found.verdict == verdict
    assert (found.change is None) if change is None else round(found.change, 2) == change
    if isinstance(after, Withheld):
        assert found.after is None




@pytest.mark.parametrize(("stage", "verdict"), [
    (effect.NOT_DONE, "not_done"), (effect.TOO_EARLY, "too_early"), (effect.JUDGED, "better")])
def test_an_agreement_is_judged_only_on_a_cycle_that_started_after_it_was_done(stage, verdict):
    # A cycle that ran before the agreement could act is context, never the verdict.
    found = effect.effect("WAGE_RUNS_OUT", Shown(Counts(40, 0, 60)),
                          Shown(Counts(70, 0, 30)) if stage == effect.JUDGED else None, stage,
                          between=[Shown(Counts(70, 0, 30)), Withheld("small_group", 5)])
    assert found.verdict == verdict
    assert found.between == (0.3, None)
    assert (found.change is None) == (stage != effect.JUDGED)


def test_grievance_themes_with_many_complaints_and_long_open_ones_are_proposed():
    found = proposals.propose_from_grievances(
        {"wages": 14, "harassment": 3, "safety": 11, "other": 0}, received=40, unresolved=5)
    assert [p.code for p in found] == ["grievance:wages", "grievance:safety",
                                       "grievance:unresolved"]
    assert found[0].count == 14 and found[-1].theme is None and found[-1].count == 5
    # A quarter at least; nothing when nothing came in, and no unresolved point at 0.
    assert proposals.propose_from_grievances({"wages": 9}, received=40, unresolved=0) == []
    assert proposals.propose_from_grievances({}, received=0, unresolved=0) == []
