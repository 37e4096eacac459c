"""The method chooser's questionnaire: steps, questions and their options.

No Flask here. Texts are marked with ``N_`` and translated where they are shown.
Answers are a plain dict ``{question code: option value}`` (a list of values for
the one multiple-choice question), so they can be stored as JSON and tested.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from ..text import N_

Answers = Mapping[str, object]

YES, NO, UNKNOWN = "yes", "no", "unknown"
#: Answer to "do workers fear consequences": yes, and recently workers were punished.
REPRISALS = "reprisals"
#: Answer to "will the supplier support a survey": only one that it runs itself.
OWN = "own"


@dataclass(frozen=True)
class Option:
    value: str
    label: str


@dataclass(frozen=True)
class Question:
    code: str
    text: str
    options: tuple[Option, ...]
    help: str = ""
    multiple: bool = False
    #: Asked only when this returns True for the answers so far.
    applies: Callable[[Answers], bool] = field(default=lambda answers: True)

    def allows(self, value: object) -> bool:
        values = {option.value for option in self.options}
        if self.multiple:
            return isinstance(value, list | tuple) and set(value) <= values
        return isinstance(value, str) and value in values


@dataclass(frozen=True)
class Step:
    code: str
    title: str
    intro: str
    questions: tuple[Question, ...]


def _yes_no_unknown() -> tuple[Option, ...]:
    return (Option(YES, N_("Yes")), Option(NO, N_("No")), Option(UNKNOWN, N_("I don't know")))


STEPS: tuple[Step, ...] = (
    Step("representation", N_("Worker representation"), N_(
        "A legitimate trade union or elected representation is the first way to hear "
        "workers: freedom of association is a fundamental right."), (
        Question("union", N_("Is there a trade union at the site?"), _yes_no_unknown()),
        Question(
            "union_independent",
            N_("Do workers see the union as their own, independent of management and the "
               "state?"), _yes_no_unknown(),
            help=N_("A union controlled by the employer or the state (a 'yellow' union) "
                    "does not speak freely for workers."),
            applies=lambda a: a.get("union") == YES),
        Question(
            "union_covers",
            N_("Does the union also speak for temporary, agency, migrant and women "
               "workers?"), _yes_no_unknown(),
            applies=lambda a: a.get("union") == YES),
        Question("committee",
                 N_("Is there a worker committee or works council at the site?"),
                 _yes_no_unknown(),
                 help=N_("Some countries require factory committees by law.")),
        Question(
            "union_region",
            N_("Is a trade union active in the region or the sector, even if not at this "
               "site?"), _yes_no_unknown(),
            help=N_("An international union federation, such as IndustriALL, can tell you "
                    "and may put you in touch."),
            applies=lambda a: a.get("union") != YES or a.get("union_independent") == NO),
        Question("association", N_("How free are workers to organise in this country?"), (
            Option("free", N_("Free: unions can organise and bargain")),
            Option("restricted", N_("Restricted: unions exist but are limited or "
                                    "controlled")),
            Option("banned", N_("Banned or dangerous: independent unions are not "
                                "allowed")),
            Option(UNKNOWN, N_("I don't know")),
        )),
    )),
    Step("context", N_("Culture and context"), N_(
        "Culture affects which way of listening workers accept and how safe it is."), (
        Question("fear",
                 N_("Do workers fear consequences, such as dismissal, violence or threats, "
                    "if they speak up?"), (
                     Option(REPRISALS, N_("Yes, and workers who spoke up have recently "
                                          "faced reprisals")),
                     Option(YES, N_("Yes, many do")),
                     Option(NO, N_("No, workers speak up openly")),
                     Option(UNKNOWN, N_("I don't know")),
                 ),
                 help=N_("Fear is often the biggest barrier to speaking up. Ask local "
                         "organisations or unions, not only the supplier's managers.")),
        Question("women_barriers",
                 N_("Do women face barriers to speaking up, at the site or in society?"),
                 _yes_no_unknown()),
        Question("language_gap",
                 N_("Do many workers speak a language that managers or auditors do not?"),
                 _yes_no_unknown(),
                 help=N_("For example migrant workers, or a local dialect.")),
        Question("ngo_space", N_("Can NGOs work freely in this country?"), (
            Option("free", N_("Yes, freely")),
            Option("restricted", N_("Only with restrictions")),
            Option(UNKNOWN, N_("I don't know")),
        )),
    )),
    Step("workforce", N_("Who works there"), N_(
        "Some workers are harder to reach or more vulnerable. The way you listen should "
        "reach them too."), (
        Question("vulnerable_groups",
                 N_("Are there sizeable groups of temporary, agency or migrant workers?"),
                 _yes_no_unknown()),
        Question("deeper_tiers",
                 N_("Does work go to deeper or informal tiers, such as homeworkers or "
                    "subcontracted units?"), _yes_no_unknown(),
                 help=N_("Workers there are often the least protected, and audits do not "
                         "reach them.")),
        Question("literacy",
                 N_("Can most workers read well enough to answer a written survey?"),
                 _yes_no_unknown()),
        Question("phones",
                 N_("How many workers have a mobile phone they can use in private?"), (
                     Option("most", N_("Most of them")),
                     Option("some", N_("Some of them")),
                     Option("few", N_("Few of them")),
                     Option(UNKNOWN, N_("I don't know")),
                 )),
    )),
    Step("partners", N_("Partners and trust"), N_(
        "Usually a third party talks with workers on your behalf. Trust in that party "
        "is crucial."), (
        Question("third_party",
                 N_("Is your company comfortable letting a third party (a union, NGO, "
                    "survey provider or auditor) lead the conversation with workers?"), (
                     Option(YES, N_("Yes")),
                     Option("partly", N_("Partly")),
                     Option(NO, N_("No")),
                 )),
        Question("trusted_ngo",
                 N_("Is there a trusted NGO or local network that works with these "
                    "workers?"), _yes_no_unknown()),
        Question("grievance", N_("Does the site have a grievance mechanism?"),
                 _yes_no_unknown()),
        Question("grievance_trusted",
                 N_("Do workers know the grievance mechanism and trust it?"),
                 _yes_no_unknown(),
                 applies=lambda a: a.get("grievance") == YES),
        Question("supplier_survey",
                 N_("Is the supplier willing to support an anonymous digital survey?"), (
                     Option(YES, N_("Yes")),
                     Option(OWN, N_("Only a survey it runs itself")),
                     Option(NO, N_("No")),
                     Option(UNKNOWN, N_("I don't know")),
                 )),
        Question("audit_planned",
                 N_("Is an audit with worker interviews planned at the site?"),
                 _yes_no_unknown()),
    )),
    Step("goals", N_("What you want to achieve"), N_(
        "Choose everything that applies."), (
        Question("goals", N_("What do you want from listening to these workers?"), (
            Option("dialogue", N_("A proactive, lasting dialogue with workers")),
            Option("risks", N_("Insight into risks and priorities per site")),
            Option("remedy", N_("Remedy for workers' grievances")),
        ), multiple=True),
    )),
)

QUESTIONS: dict[str, Question] = {q.code: q for step in STEPS for q in step.questions}
STEP_OF: dict[str, Step] = {q.code: step for step in STEPS for q in step.questions}


@dataclass(frozen=True)
class SiteFacts:
    """What a site record already tells (None: not recorded)."""

    trade_union: str | None = None  # "yes" / "no" / None
    worker_committee: str | None = None
    share_temporary_pct: int | None = None
    share_migrant_pct: int | None = None
    #: The company's grievance figures at the site over the last year: True when
    #: they show a mechanism in use, False when few or none come in; None: no figures.
    grievance_in_use: bool | None = None


#: The questions whose answer the site record holds as it is given, with the
#: record's fact (``Site.trade_union``...): an answer where the record says "not
#: known" can be put in the record.
SITE_RECORD_FACTS = {"union": "trade_union", "committee": "worker_committee"}


#: A group this large is "sizeable" for the workforce question.
SIZEABLE_SHARE_PCT = 15


def known_from_site(facts: SiteFacts | None) -> dict[str, str]:
    """Answers that the site record already gives; these are not asked again."""
    if facts is None:
        return {}
    known: dict[str, str] = {}
    if facts.trade_union in (YES, NO):
        known["union"] = facts.trade_union
    if facts.worker_committee in (YES, NO):
        known["committee"] = facts.worker_committee
    shares = [s for s in (facts.share_temporary_pct, facts.share_migrant_pct) if s is not None]
    if shares and max(shares) >= SIZEABLE_SHARE_PCT:
        known["vulnerable_groups"] = YES
    elif len(shares) == 2:
        known["vulnerable_groups"] = NO
    # Figures come from a mechanism: there is one. Used, workers know and trust it
    # enough to raise problems; few complaints say nothing sure either way.
    if facts.grievance_in_use is not None:
        known["grievance"] = YES
        if facts.grievance_in_use:
            known["grievance_trusted"] = YES
    return known


def questions_to_ask(step: Step, answers: Answers, known: Mapping[str, str]) -> list[Question]:
    """The questions of ``step`` that apply, minus those the site record answers."""
    merged = {**answers, **known}
    return [q for q in step.questions if q.code not in known and q.applies(merged)]


def clean(raw: Mapping[str, object]) -> dict[str, object]:
    """Keep only known questions with allowed values (anything else is dropped)."""
    return {code: value for code, value in raw.items()
            if code in QUESTIONS and QUESTIONS[code].allows(value)}


def same_answers(one: Mapping[str, object], other: Mapping[str, object]) -> bool:
    """Equal but for the order in which several choices were made."""
    def canonical(answers):
        return {code: sorted(value) if isinstance(value, list) else value
                for code, value in answers.items()}
    return canonical(one) == canonical(other)


def step_index(code: str) -> int | None:
    for index, step in enumerate(STEPS):
        if step.code == code:
            return index
    return None
