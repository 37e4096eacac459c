"""Reads across members, not scoped on purpose, and only here: counts of each
member's progress (``progress.Progress``), in a few grouped queries — the
coordinator may see how far each member has come, never what it holds; and the
sector benchmark, which shows only what ``benchmark.spread`` lets through.
Reads only."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import aliased, joinedload

from ..chooser.models import Assessment
from ..dialogues.models import Action, ActionStatus, AttentionPoint, Dialogue, DialogueStatus
from ..extensions import db
from ..models import Site
from ..onboarding.models import Engagement, StageChange
from ..onboarding.pipeline import Stage
from ..questionnaires.models import Question, Questionnaire, QuestionnaireVersion
from ..questionnaires.queries import published_templates
from ..results.models import WorkerSharing
from ..results.queries import cycle_cells
from ..surveys.models import SurveyCycle, released_respondent_counts
from ..tenancy import scoped
from . import benchmark, learning, sector
from .models import MemberSettings
from .progress import Progress

OPEN = (ActionStatus.planned, ActionStatus.in_progress)


def _counts(stmt) -> dict[int, int]:
    return dict(db.session.execute(stmt).all())


def member_progress(company_ids: Iterable[int], day: date) -> dict[int, Progress]:
    """Each company's progress on ``day``, by company id (counts only)."""
    ids = list(company_ids)
    if not ids:
        return {}

    def by_company(column, *where, count=None):
        counted = count if count is not None else sa.func.count()
        return _counts(sa.select(column, counted).where(column.in_(ids), *where)
                       .group_by(column))

    stage = Engagement.stage
    cycle = SurveyCycle.company_id
    action_company = sa.select(Dialogue.company_id).where(
        Dialogue.id == Action.dialogue_id).scalar_subquery()
    actions = {name: _counts(
        sa.select(action_company, sa.func.count(Action.id)).where(action_company.in_(ids),
                                                                  *where)
        .group_by(action_company)) for name, where in (
            ("open", (Action.status.in_(OPEN), Action.due_on >= day)),
            ("done", (Action.status == ActionStatus.done,)),
            ("overdue", (Action.status.in_(OPEN), Action.due_on < day)))}
    counts = {
        "sites_assessed": by_company(Assessment.company_id, Assessment.site_id.is_not(None),
                                     count=sa.func.count(sa.distinct(Assessment.site_id))),
        "suppliers_approached": by_company(Engagement.company_id, stage.in_(
            (Stage.approached, Stage.in_discussion, Stage.joined, Stage.declined,
             Stage.paused))),
        "suppliers_joined": by_company(Engagement.company_id, stage == Stage.joined),
        "suppliers_declined": by_company(Engagement.company_id, stage == Stage.declined),
        "cycles_planned": by_company(cycle, SurveyCycle.starts_on > day),
        "cycles_run": by_company(cycle, SurveyCycle.ends_on < day),
        "cycles_released": by_company(cycle, SurveyCycle.is_released),
        "dialogues_held": by_company(Dialogue.company_id,
                                     Dialogue.status == DialogueStatus.held),
        "agreements_open": actions["open"],
        "agreements_done": actions["done"],
        "agreements_overdue": actions["overdue"],
        "shared_with_workers": by_company(cycle, sa.exists().where(
            WorkerSharing.cycle_id == SurveyCycle.id)),
    }
    return {cid: Progress(**{name: found.get(cid, 0) for name, found in counts.items()})
            for cid in ids}


def sector_marks() -> list[tuple[int, str, str]]:
    """(company id, theme, country) of every point and agreement marked as needing
    a sector-wide solution. Not scoped: ``sector.issues`` turns them into counts
    before anything is shown."""
    marks = []
    for model in (Action, AttentionPoint):
        marks += db.session.execute(sa.select(
            # The point's own company (an owner of a joint dialogue), else the lead's.
            sa.func.coalesce(model.company_id, Dialogue.company_id), model.sector_theme,
            model.sector_country).join(
            Dialogue, Dialogue.id == model.dialogue_id).where(
            model.sector_theme.is_not(None))).all()
    return [tuple(mark) for mark in marks]


def sector_issues() -> list[sector.Issue]:
    """The issues enough members raised (``sector.MIN_MEMBERS``), counts only."""
    return sector.issues(sector_marks())


def own_marks() -> list:
    """The current company's own points and agreements marked as sector-wide."""
    found = []
    for model in (Action, AttentionPoint):
        found += db.session.scalars(scoped(model).where(model.sector_theme.is_not(None)))
    return found


def lessons() -> tuple[list[learning.Lesson], list[learning.Lesson]]:
    """(decline reasons, strategies before joining) across members. Not scoped:
    ``learning`` counts them, and shows nothing under its member threshold."""
    declines = db.session.execute(sa.select(Engagement.company_id, StageChange.reasons).join(
        Engagement, Engagement.id == StageChange.engagement_id).where(
        StageChange.to_stage == Stage.declined)).all()
    joins = db.session.execute(sa.select(Engagement.company_id, Engagement.strategies).where(
        Engagement.stage == Stage.joined)).all()
    return (learning.decline_reasons([tuple(row) for row in declines]),
            learning.strategies_before_joining([tuple(row) for row in joins]))
# --- the sector benchmark ------------------------------------------------------------


def contributors() -> set[int]:
    """The member companies that contribute to the benchmark. Read by key, not
    scoped: whose figures count is decided for everyone alike."""
    return set(db.session.scalars(sa.select(MemberSettings.company_id).where(
        MemberSettings.contributes_to_benchmark.is_(True))))


def contributing_cycles(day: date) -> list[SurveyCycle]:
    """Per site and MSI template, the latest released cycle of a contributing
    member that closed within ``benchmark.WITHIN_DAYS`` before ``day`` and whose
    questionnaire version came from the template. Not scoped on purpose: the
    benchmark only ever shows what ``benchmark.spread`` lets through."""
    template_version = aliased(QuestionnaireVersion)
    rows = db.session.execute(
        sa.select(SurveyCycle, template_version.questionnaire_id)
        .join(QuestionnaireVersion, QuestionnaireVersion.id == SurveyCycle.version_id)
        .join(template_version, template_version.id == QuestionnaireVersion.template_version_id)
        .where(SurveyCycle.is_released, SurveyCycle.ends_on < day,
               SurveyCycle.ends_on >= day - timedelta(days=benchmark.WITHIN_DAYS),
               SurveyCycle.company_id.in_(sa.select(MemberSettings.company_id).where(
                   MemberSettings.contributes_to_benchmark.is_(True))))
        .options(joinedload(SurveyCycle.site),
                 joinedload(SurveyCycle.version).selectinload(QuestionnaireVersion.questions),
                 joinedload(SurveyCycle.version).joinedload(QuestionnaireVersion.template_version)
                 .selectinload(QuestionnaireVersion.questions))).unique().all()
    latest: dict[tuple[int, int], SurveyCycle] = {}
    for cycle, template_id in rows:
        key = (cycle.site_id, template_id)
        if key not in latest or (cycle.starts_on, cycle.id) > (latest[key].starts_on,
                                                               latest[key].id):
            latest[key] = cycle
    return sorted(latest.values(), key=lambda c: c.id)


@dataclass
class OwnSite:
    """A member's own site in a group shown: its share and where it falls."""

    site: Site
    share: float
    placement: str


@dataclass
class BenchmarkRow:
    """One template question in one country, shown."""

    code: str
    theme: str
    country: str
    spread: benchmark.Spread
    own: list[OwnSite] = field(default_factory=list)


@dataclass
class TemplateBenchmark:
    template: Questionnaire
    #: The template's questions as its newest published version asks them.
    questions: list[Question]
    rows: list[BenchmarkRow]
    #: Groups (question × country) with figures that do not pass the thresholds.
    hidden: int

    def question(self, code: str) -> Question:
        return next(q for q in self.questions if q.code == code)


def sector_benchmark(day: date, company_id: int | None = None) -> list[TemplateBenchmark]:
    """Every published template's groups that may be shown, with ``company_id``'s
    own sites placed in them (none for the coordinator)."""
    cycles = contributing_cycles(day)
    cells = {item.cycle.id: item.cells
             for item in cycle_cells(cycles, count=released_respondent_counts)}
    found = []
    for version in published_templates():
        template = version.questionnaire
        groups: dict[tuple[str, str], list[tuple[benchmark.Contribution, SurveyCycle]]] = {}
        for cycle in cycles:
            if cycle.version.template_version.questionnaire_id != template.id:
                continue
            for question in version.questions:
                code = question.code
                if cycle.version.template_question(code) is None or code not in cells[cycle.id]:
                    continue
                groups.setdefault((code, cycle.site.country), []).append((benchmark.Contribution(
                    cycle.company_id, cycle.site_id, cells[cycle.id][code], cycle.figure_seed),
                    cycle))
        rows, hidden = [], 0
        for question in version.questions:
            for (code, country), members in groups.items():
                if code != question.code:
                    continue
                shown = benchmark.spread([c for c, _cycle in members],
                                         (template.id, code, country))
                if shown is None:
                    hidden += 1
                    continue
                rows.append(BenchmarkRow(code, question.theme, country, shown, [
                    OwnSite(cycle.site, c.share, benchmark.placement(c.share, shown))
                    for c, cycle in members if c.counts and c.company_id == company_id]))
        found.append(TemplateBenchmark(template, list(version.questions), rows, hidden))
    return found


def adoptions(template_ids: Iterable[int]) -> dict[int, int]:
    """How many member companies have a questionnaire from each template (by id):
    a count, never which."""
    ids = list(template_ids)
    if not ids:
        return {}
    template_version = aliased(QuestionnaireVersion)
    return _counts(
        sa.select(template_version.questionnaire_id,
                  sa.func.count(sa.distinct(Questionnaire.company_id)))
        .select_from(QuestionnaireVersion)
        .join(Questionnaire, Questionnaire.id == QuestionnaireVersion.questionnaire_id)
        .join(template_version, template_version.id == QuestionnaireVersion.template_version_id)
        .where(template_version.questionnaire_id.in_(ids))
        .group_by(template_version.questionnaire_id))
