"""What the dialogue pages read: the checklist's facts, the figures behind the
proposed points, and before/after per action. Every query is scoped."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import contains_eager, joinedload, selectinload

from ..extensions import db
from ..models import Site, Supplier
from ..results.dashboard import PageFacts, page_data
from ..results.queries import access_of, cycle_cells, figures_visible, sharings_of
from ..surveys.models import SurveyCycle
from ..surveys.queries import later_cycles_of, newest_per_site
from ..tenancy import scoped
from . import checklist, effect, proposals
from .models import (
    PREPARATION,
    Action,
    ActionStatus,
    AttentionPoint,
    DataDoubt,
    Dialogue,
    DialogueSettings,
    DialogueStatus,
    Preparation,
    PrivateNotes,
)

DEFAULT_NUDGE_DAYS = 14


def points_of(dialogue: Dialogue) -> list[AttentionPoint]:
    """The attention points the user sees, in order: the supplier's, the user's
    company's own, and those of another owner that shared its preparation."""
    return list(db.session.scalars(scoped(AttentionPoint).where(
        AttentionPoint.dialogue_id == dialogue.id).order_by(AttentionPoint.position,
                                                            AttentionPoint.id)))


def preparation_of(dialogue: Dialogue, company_id: int) -> Preparation:
    """The company's own preparation (an empty one, not stored, if none yet)."""
    return db.session.scalar(scoped(Preparation).where(
        Preparation.dialogue_id == dialogue.id, Preparation.company_id == company_id)) \
        or Preparation(dialogue_id=dialogue.id, company_id=company_id,
                       **{name: "" for name in PREPARATION}, shared=False)


def shared_by_others(dialogue: Dialogue, company_id: int) -> list[Preparation]:
    """The preparations the other owners of a joint dialogue shared."""
    return list(db.session.scalars(scoped(Preparation).where(
        Preparation.dialogue_id == dialogue.id, Preparation.company_id != company_id,
        Preparation.shared.is_(True))))


def private_notes_of(dialogue: Dialogue, company_id: int) -> str:
    return db.session.scalar(scoped(PrivateNotes).where(
        PrivateNotes.dialogue_id == dialogue.id, PrivateNotes.company_id == company_id)
        .with_only_columns(PrivateNotes.text)) or ""


def facts(dialogue: Dialogue, company_id: int) -> checklist.Facts:
    """The checklist of ``company_id``'s staff (its own preparation)."""
    cycle = dialogue.cycle
    mine = preparation_of(dialogue, company_id)
    access = access_of(cycle)
    supplier_side = [p for p in dialogue.participants
                     if p.organisation in ("supplier", "factory")]
    return checklist.Facts(
        released=cycle.is_released,
        supplier_opened=access is not None,
        supplier_reviewed=bool(access and access.reviewed_at),
        supplier_side=len(supplier_side),
        deciders=sum(p.decides for p in supplier_side),
        other_languages=any(p.language != dialogue.language for p in dialogue.participants
                            if p.organisation != "interpreter"),
        interpreter=any(p.organisation == "interpreter" for p in dialogue.participants),
        audit_note=bool(mine.audit_note), expert_context=bool(mine.expert_context),
        grievance_note=bool(mine.grievance_note),
        attention_points=any(p.company_id == company_id for p in dialogue.points),
        open_questions=bool(mine.open_questions), solutions=bool(mine.solutions),
        must_discuss=bool(mine.must_discuss),
        shared_with_workers=bool(sharings_of([cycle.id])[cycle.id]))


def figures_of(facts: PageFacts) -> list[proposals.Figure]:
    """The cycle's indicators as the dashboard shows them, already protected (the
    route has recorded ``facts.figures_from`` as shown first)."""
    data = page_data(facts)
    return [proposals.Figure(r.question.code,
                             None if r.cell.suppressed else r.cell.negative_share,
                             r.change, r.priority)
            for _theme, rows in data["groups"] for r in rows]


@dataclass(frozen=True)
class Judged:
    """The cycles an agreement is judged on: ``cycle``, the first released one
    whose window started after it was marked done (None while it is not done, or
    none yet); ``between``, the cycles after the dialogue's before that one (or
    all of them, when there is none), as context."""

    stage: str  # effect.NOT_DONE, TOO_EARLY or JUDGED
    cycle: SurveyCycle | None
    between: tuple[SurveyCycle, ...]


def judged_on(actions: list[Action], user) -> dict[int, Judged]:
    """Per action, the cycles whose figures the user may see that say whether it
    worked (``Judged``)."""
    later = later_cycles_of(list({a.dialogue.cycle.id: a.dialogue.cycle for a in actions}.values()),
                            user, among=figures_visible(user))
    found = {}
    for action in actions:
        before_cycle = action.dialogue.cycle
        done_on = action.done_on
        judging = None
        if done_on is not None:
            judging = next((c for c in later[before_cycle.id]
                            if c.is_released and c.starts_on > done_on), None)
        between = tuple(c for c in later[before_cycle.id]
                        if judging is None or c.starts_on < judging.starts_on)
        stage = (effect.NOT_DONE if done_on is None
                 else effect.TOO_EARLY if judging is None else effect.JUDGED)
        found[action.id] = Judged(stage, judging, between)
    return found


def effect_cycles(actions: list[Action], judged: dict[int, Judged]) -> list[SurveyCycle]:
    """The cycles whose figures ``effects`` reads (only for agreements aimed at
    indicators): the route records them as shown first."""
    found: dict[int, SurveyCycle] = {}
    for action in actions:
        if action.codes:
            on = judged[action.id]
            for cycle in (action.dialogue.cycle, on.cycle, *on.between):
                if cycle is not None:
                    found.setdefault(cycle.id, cycle)
    return list(found.values())


def effects(actions: list[Action], judged: dict[int, Judged]
            ) -> dict[int, tuple[Judged, list[effect.Effect]]]:
    """Per action: the cycles it is judged on (``judged_on``) and, per indicator,
    the negative share before, after and in between, each through the anonymity
    rule."""
    # Every cycle's cells in one batch (figures and settings once, not per cycle).
    cells = {item.cycle.id: item.cells for item in cycle_cells(effect_cycles(actions, judged))}
    found = {}
    for action in actions:
        before_cycle = action.dialogue.cycle
        on = judged[action.id]
        found[action.id] = (on, [
            effect.effect(code, cells[before_cycle.id].get(code),
                          cells[on.cycle.id].get(code) if on.cycle else None, on.stage,
                          [cells[c.id].get(code) for c in on.between])
            for code in action.codes or []])
    return found


#: The agreements list's filters: which agreements each shows.
ACTION_FILTERS = ("open", "overdue", "done")


def company_actions(shown: str = "", day: date | None = None) -> sa.Select:
    """SQL: the agreements the user may see (``shown``: one of ``ACTION_FILTERS``,
    or all), with their sites joined and loaded alongside and when each was
    marked done; for ``listing`` to sort and page."""
    stmt = (scoped(Action).join(Action.dialogue).join(Dialogue.cycle).join(SurveyCycle.site)
            .join(Site.supplier).options(
                selectinload(Action.updates),  # when each was marked done
                contains_eager(Action.dialogue).contains_eager(Dialogue.cycle)
                .contains_eager(SurveyCycle.site).contains_eager(Site.supplier)))
    going = Action.status.in_([ActionStatus.planned, ActionStatus.in_progress])
    if shown == "open":
        stmt = stmt.where(going)
    elif shown == "overdue" and day is not None:
        stmt = stmt.where(going, Action.due_on < day)
    elif shown == "done":
        stmt = stmt.where(Action.status == ActionStatus.done)
    return stmt


#: The agreements list's orders.
ACTION_SORTS = {"due": Action.due_on, "site": sa.func.lower(Site.name),
                "supplier": sa.func.lower(Supplier.name)}


def nudge_days(company_id: int) -> int:
    row = db.session.scalar(scoped(DialogueSettings).where(
        DialogueSettings.company_id == company_id))
    return row.nudge_days if row else DEFAULT_NUDGE_DAYS


def released_without_dialogue(company_id: int, today: date) -> sa.Select:
    """Released results with no dialogue planned or held, released at least the
    company's nudge days ago: per site, the latest of those (a cycle released
    since, still within its days, does not hide the one before); first released
    first."""
    days = nudge_days(company_id)
    talked = scoped(Dialogue).where(Dialogue.status != DialogueStatus.cancelled) \
        .with_only_columns(Dialogue.cycle_id)
    # Only a site's latest such results count: found in SQL, not by loading
    # every cycle the company ever ran.
    latest = newest_per_site(scoped(SurveyCycle).where(
        SurveyCycle.is_released, SurveyCycle.company_id == company_id,
        SurveyCycle.results_shared_on <= today - timedelta(days=days)))
    # The pages name each one's site and supplier: not a query per row.
    return scoped(SurveyCycle).where(SurveyCycle.id.in_(latest), SurveyCycle.id.not_in(talked)) \
        .options(joinedload(SurveyCycle.site).joinedload(Site.supplier)) \
        .order_by(SurveyCycle.results_shared_on, SurveyCycle.id)


def overdue_actions(today: date) -> sa.Select:
    """Agreements past their due date and not done, most overdue first (with
    each one's site, which the home pages name: not a query per row)."""
    return scoped(Action).where(Action.overdue_on(today)).order_by(Action.due_on, Action.id) \
        .options(joinedload(Action.dialogue).joinedload(Dialogue.cycle)
                 .joinedload(SurveyCycle.site))


#: Agreements overdue for longer are not reminded of by mail (the home pages go on
#: listing them): a first run on an instance with old agreements sends no flood.
OVERDUE_REMINDED_FOR = timedelta(days=365)


def overdue_everywhere(day: date) -> list[Action]:
    """Every company's agreements past their due date (by up to
    ``OVERDUE_REMINDED_FOR``) and not done: for the daily reminder mail (``flask
    reminders``), which writes to each agreement's own owner only. Not scoped."""
    return list(db.session.scalars(sa.select(Action).where(
        Action.overdue_on(day), Action.due_on >= day - OVERDUE_REMINDED_FOR)
        .order_by(Action.due_on, Action.id)
        .options(joinedload(Action.dialogue).joinedload(Dialogue.cycle)
                 .joinedload(SurveyCycle.site))))


def agreements_for(cycle_ids: list[int]) -> list[Action]:
    """The agreements of dialogues held about these cycles (for the poster and the
    yearly summary), as far as the current user may see them."""
    if not cycle_ids:
        return []
    return list(db.session.scalars(scoped(Action).join(Action.dialogue).where(
        Dialogue.cycle_id.in_(cycle_ids), Dialogue.status == DialogueStatus.held)
        .order_by(Action.due_on)))


@dataclass(frozen=True)
class AgreementFacts:
    """What the yearly summary counts of agreements alike, without loading them."""
    codes: tuple[str, ...]
    state: str  # their status, or "overdue"
    purchasing: bool
    version_id: int  # of the cycle they are about: their codes' themes
    count: int  # how many agreements are alike in all of the above


def agreement_facts(cycle_ids, day: date) -> list[AgreementFacts]:
    """The agreements of dialogues held about these cycles (ids, or SQL selecting
    them) that the user may see, counted in SQL by what the summary tells apart:
    a year of 1,500 sites is a few thousand agreements, a few dozen kinds."""
    overdue = Action.overdue_on(day).label("overdue")
    codes = sa.cast(Action.codes, sa.Text).label("codes")
    rows = db.session.execute(scoped(Action).join(Action.dialogue).join(Dialogue.cycle).where(
        Dialogue.cycle_id.in_(cycle_ids), Dialogue.status == DialogueStatus.held)
        .with_only_columns(codes, Action.status, overdue, Action.purchasing,
                           SurveyCycle.version_id, sa.func.count().label("n"))
        .group_by(codes, Action.status, overdue, Action.purchasing, SurveyCycle.version_id))
    return [AgreementFacts(tuple(json.loads(row.codes or "null") or ()),
                           "overdue" if row.overdue else row.status.value,
                           bool(row.purchasing), row.version_id, row.n) for row in rows]


def open_tasks(version) -> list[DataDoubt]:
    """Tasks from doubts about the data, not done yet, about this questionnaire's
    question codes (any version), from the company's dialogues."""
    codes = [q.code for q in version.questions]
    if not codes:
        return []
    return list(db.session.scalars(scoped(DataDoubt).join(DataDoubt.dialogue).join(
        Dialogue.cycle).where(DataDoubt.question_code.in_(codes), DataDoubt.task != "",
                              DataDoubt.task_done.is_(False))
        .order_by(DataDoubt.id)))


def supplier_points(dialogue_ids) -> dict[int, int]:
    """How many points the supplier's people added, per dialogue (of ``dialogue_ids``
    that have any)."""
    ids = list(dialogue_ids)
    if not ids:
        return {}
    return dict(db.session.execute(
        scoped(AttentionPoint).with_only_columns(
            AttentionPoint.dialogue_id, sa.func.count(AttentionPoint.id))
        .where(AttentionPoint.dialogue_id.in_(ids), AttentionPoint.by_supplier.is_(True))
        .group_by(AttentionPoint.dialogue_id)).all())


def planned_with_supplier_points() -> list[tuple[Dialogue, int]]:
    """Planned dialogues the supplier has added points to, soonest first, with
    how many: the brand reads them before the meeting."""
    planned = list(db.session.scalars(scoped(Dialogue).where(
        Dialogue.status == DialogueStatus.planned).order_by(Dialogue.starts_at)))
    counts = supplier_points(d.id for d in planned)
    return [(d, counts[d.id]) for d in planned if d.id in counts]
