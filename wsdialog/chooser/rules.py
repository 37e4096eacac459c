"""From answers to advice: how to listen to workers at one site.

No Flask here. ``recommend(answers)`` weighs the answers for each of the five
methods and explains itself: every reason names the questions that caused it
(``because``), so the page can link each statement back to the answer. Texts are
marked with ``N_`` and translated where they are shown.

The weights are deliberately simple and visible: each reason adds or subtracts
a few points; the total decides the fit. A reason that makes a method unsafe
(independent unions banned, a supplier refusing a survey) caps its fit.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum

from ..text import N_
from .questions import NO, QUESTIONS, UNKNOWN, YES, Answers


class Method(Enum):
    union = "union"
    ngo = "ngo"
    grievance = "grievance"
    digital = "digital"
    audit = "audit"


METHOD_NAMES = {
    Method.union: N_("Through a trade union or other worker representation"),
    Method.ngo: N_("Through an NGO, local network or other third party"),
    Method.grievance: N_("Through a grievance mechanism"),
    Method.digital: N_("Through a digital tool, such as an anonymous survey"),
    Method.audit: N_("Through worker interviews in an audit"),
}


class Fit(Enum):
    recommended = "recommended"
    possible = "possible"
    not_advised = "not_advised"


FIT_ORDER = {Fit.recommended: 0, Fit.possible: 1, Fit.not_advised: 2}
#: Points from which a method is recommended, or possible (nothing against it).
RECOMMENDED_FROM, POSSIBLE_FROM = 3, 0


@dataclass(frozen=True)
class Statement:
    """A sentence of advice and the questions whose answers led to it."""

    text: str
    because: tuple[str, ...] = ()


@dataclass
class MethodAdvice:
    method: Method
    score: int = 0
    cap: Fit | None = None
    reasons: list[tuple[int, Statement]] = field(default_factory=list)
    caveats: list[Statement] = field(default_factory=list)
    next_steps: list[Statement] = field(default_factory=list)

    @property
    def name(self) -> str:
        return METHOD_NAMES[self.method]

    @property
    def advantages(self) -> tuple[str, ...]:
        return ADVANTAGES[self.method]

    @property
    def factors(self) -> tuple[str, ...]:
        return FACTORS[self.method]

    @property
    def fit(self) -> Fit:
        if self.score >= RECOMMENDED_FROM:
            fit = Fit.recommended
        elif self.score >= POSSIBLE_FROM:
            fit = Fit.possible
        else:
            fit = Fit.not_advised
        if self.cap and FIT_ORDER[self.cap] > FIT_ORDER[fit]:
            return self.cap
        return fit

    def add(self, points: int, text: str, *because: str) -> None:
        self.score += points
        self.reasons.append((points, Statement(text, because)))


@dataclass
class Recommendation:
    methods: list[MethodAdvice]
    combinations: list[Statement]
    gaps: list[Statement]
    notices: list[Statement]
    unanswered: list[str]

    @property
    def best(self) -> MethodAdvice | None:
        top = self.methods[0] if self.methods else None
        return top if top and top.fit is not Fit.not_advised else None

    def advice(self, method: Method) -> MethodAdvice:
        return next(m for m in self.methods if m.method is method)


ADVANTAGES: dict[Method, tuple[str, ...]] = {
    Method.union: (
        N_("Direct, reliable insight: representatives are in touch with workers every day."),
        N_("Bottom-up: issues come up that audits and suppliers do not report."),
        N_("It strengthens workers' rights, and agreements in a collective agreement can "
           "be followed up."),
    ),
    Method.ngo: (
        N_("Trusted and safe: workers speak more freely to an organisation they know."),
        N_("Bottom-up insight, in workers' own language and context."),
        N_("The organisation can also inform workers about their rights."),
    ),
    Method.grievance: (
        N_("Anonymous, and it brings urgent problems to light."),
        N_("It can grow to many sites and suppliers."),
        N_("It leads to remedy for individual workers when it works well."),
    ),
    Method.digital: (
        N_("Anonymous and scalable: many workers answer the same questions."),
        N_("Comparable figures per site and over time, to set priorities."),
        N_("A cross-check on audits, and results you can share with the supplier."),
    ),
    Method.audit: (
        N_("A cross-check of what documents and managers say."),
        N_("Standardised, and often already part of your programme."),
    ),
}

FACTORS: dict[Method, tuple[str, ...]] = {
    Method.union: (
        N_("Unions are banned or restricted in many countries."),
        N_("Unions tied to the employer or the state are not representative."),
        N_("Unions mostly represent permanent, often male, workers."),
        N_("Taking part in a union can be unsafe for workers."),
    ),
    Method.ngo: (
        N_("It needs a long-term commitment; you cannot ask for information at short "
           "notice."),
        N_("Reach and topics are limited to what the organisation works on."),
    ),
    Method.grievance: (
        N_("No complaints arrive if workers do not know or trust the mechanism."),
        N_("Access: technology, language, and workers deeper in the chain."),
        N_("Complaints need a timely answer, and it is not a proactive dialogue."),
    ),
    Method.digital: (
        N_("Workers need a phone, and voice or text in their own language."),
        N_("The supplier must cooperate; response is low where trust is low."),
        N_("Figures need context: a dialogue with the supplier gives it."),
        N_("Reading the results well takes some data literacy."),
    ),
    Method.audit: (
        N_("Only at direct suppliers, and workers are often coached beforehand."),
        N_("Interviews are rushed and on site, so workers fear reprisals."),
        N_("There is no follow-up with the workers who spoke."),
    ),
}


def _score_union(a: Answers, m: MethodAdvice) -> None:
    union, independent = a.get("union"), a.get("union_independent")
    association = a.get("association")
    if union == YES and independent == YES:
        m.add(4, N_("A union that workers see as their own is present: it is the first "
                    "way in."), "union", "union_independent")
    elif union == YES and independent == NO:
        m.add(-3, N_("The union is tied to management or the state, so it does not speak "
                     "freely for workers."), "union_independent")
        m.cap = Fit.not_advised
    elif union == YES:
        m.add(2, N_("A union is present, but whether workers trust it is not known: check "
                    "its independence first."), "union", "union_independent")
    elif union == NO:
        m.add(-2, N_("There is no trade union at the site."), "union")
    if union != YES or independent == NO:
        if a.get("committee") == YES:
            m.add(2, N_("There is a worker committee or works council: talk with its "
                        "members and strengthen its role."), "committee")
        elif a.get("committee") == NO:
            m.add(-1, N_("There is no worker committee either."), "committee")
    if association == "banned":
        m.add(-3, N_("Independent unions are banned or dangerous in this country: joining "
                     "one can put workers at risk."), "association")
        m.cap = Fit.not_advised
    elif association == "restricted":
        m.add(-1, N_("Freedom of association is restricted in this country."), "association")
    elif association == "free":
        m.add(1, N_("Workers are free to organise in this country."), "association")
    if "dialogue" in _goals(a) and m.score > 0:
        m.add(1, N_("You want a lasting dialogue: a representation is a partner for it "
                    "over time."), "goals")
    if union != YES or independent == NO:
        m.next_steps.append(Statement(N_(
            "Ask an international union federation, such as IndustriALL, about unions "
            "active in the region."), ("union",)))
    else:
        m.next_steps.append(Statement(N_(
            "Meet the union's representatives, without managers present, and agree how "
            "you will use what they tell you."), ("union",)))
    m.next_steps.append(Statement(N_(
        "Keep promoting social dialogue at the supplier, whatever method you choose.")))


def _score_ngo(a: Answers, m: MethodAdvice) -> None:
    trusted, third = a.get("trusted_ngo"), a.get("third_party")
    if trusted == YES:
        m.add(3, N_("A trusted NGO or local network already works with these workers."),
              "trusted_ngo")
    elif trusted == NO:
        m.add(-2, N_("No trusted NGO or local network is known near the site."),
              "trusted_ngo")
    else:
        m.next_steps.append(Statement(N_(
            "Ask your MSI, union federations or other buyers which local organisations "
            "workers trust."), ("trusted_ngo",)))
    if a.get("ngo_space") == "restricted":
        m.add(-1, N_("NGOs can only work with restrictions in this country."), "ngo_space")
    if third == NO:
        m.add(-2, N_("Your company prefers to keep control; this method hands it to the "
                     "organisation."), "third_party")
    elif third == YES:
        m.add(1, N_("Your company is ready to let a trusted party lead."), "third_party")
    if YES in (a.get("women_barriers"), a.get("language_gap")):
        m.add(1, N_("A local organisation knows the language and culture and can create a "
                    "safe space, for women too."), "women_barriers", "language_gap")
    if a.get("association") in ("restricted", "banned"):
        m.add(1, N_("Where organising is risky, a trusted organisation offers a safer way "
                    "to speak."), "association")
    if trusted == YES:
        m.next_steps.append(Statement(N_(
            "Agree on a long-term partnership. Pay for workers' time, travel and meals, "
            "arrange translation, and keep employers out of the meetings.")))


def _score_grievance(a: Answers, m: MethodAdvice) -> None:
    exists, trusted = a.get("grievance"), a.get("grievance_trusted")
    goals = _goals(a)
    if exists == YES and trusted == YES:
        m.add(3, N_("Workers know the grievance mechanism and trust it."),
              "grievance", "grievance_trusted")
    elif exists == YES and trusted == NO:
        m.add(-1, N_("Workers do not know or trust the mechanism, so few complaints will "
                     "come in until it is improved."), "grievance_trusted")
        m.next_steps.append(Statement(N_(
            "Check the mechanism against the effectiveness criteria of the UN Guiding "
            "Principles, and make it known to workers."), ("grievance_trusted",)))
    elif exists == YES:
        m.add(1, N_("There is a grievance mechanism; whether workers trust it is not "
                    "known."), "grievance", "grievance_trusted")
    elif exists == NO:
        m.add(-1, N_("There is no grievance mechanism yet; building a good one takes "
                     "time."), "grievance")
        m.next_steps.append(Statement(N_(
            "Set one up with the supplier, or join an industry-wide mechanism."),
            ("grievance",)))
    if "remedy" in goals:
        m.add(2, N_("You want remedy for grievances: this is what a grievance mechanism "
                    "is for."), "goals")
    elif goals and "dialogue" in goals:
        m.caveats.append(Statement(N_(
            "A grievance mechanism answers complaints; it is not the proactive dialogue "
            "you want."), ("goals",)))
    if a.get("literacy") == NO or a.get("phones") == "few":
        m.caveats.append(Statement(N_(
            "Make sure workers who cannot read or have no phone can also reach it, for "
            "example by voice or through a person they trust."), ("literacy", "phones")))


def _score_digital(a: Answers, m: MethodAdvice) -> None:
    supplier, phones = a.get("supplier_survey"), a.get("phones")
    if supplier == YES:
        m.add(2, N_("The supplier is willing to support an anonymous survey."),
              "supplier_survey")
    elif supplier == NO:
        m.add(-3, N_("The supplier is not willing to support a survey, and a survey needs "
                     "its cooperation."), "supplier_survey")
        m.cap = Fit.not_advised
    else:
        m.next_steps.append(Statement(N_(
            "Ask the supplier whether it will support a survey: stress that it is not an "
            "audit and has no effect on orders."), ("supplier_survey",)))
    if phones == "most":
        m.add(1, N_("Most workers have a phone of their own."), "phones")
    elif phones == "few":
        m.add(-2, N_("Few workers have a phone of their own, so a phone survey would miss "
                     "many."), "phones")
    if a.get("literacy") == NO:
        m.add(-1, N_("Many workers cannot read well: use recorded voice questions in "
                     "their language rather than text."), "literacy")
    if a.get("third_party") == NO:
        m.add(-1, N_("A survey is run by an independent provider, a third party you "
                     "prefer not to rely on."), "third_party")
    if "risks" in _goals(a):
        m.add(2, N_("You want insight into risks and priorities: a standard survey, "
                    "repeated, gives comparable figures."), "goals")
    if a.get("association") in ("restricted", "banned"):
        m.add(1, N_("Where organising is risky, an anonymous survey lets workers speak "
                    "without being seen."), "association")
    m.next_steps.append(Statement(N_(
        "Choose a neutral provider, keep the questionnaire short, and plan the dialogue "
        "with the supplier about the results.")))


def _score_audit(a: Answers, m: MethodAdvice) -> None:
    planned = a.get("audit_planned")
    if planned == YES:
        m.add(2, N_("An audit with worker interviews is already planned: use it as a "
                    "cross-check."), "audit_planned")
    elif planned == NO:
        m.add(-1, N_("No audit with worker interviews is planned."), "audit_planned")
    if a.get("association") == "banned":
        m.add(-1, N_("Where speaking up is dangerous, interviews on the premises are not "
                     "safe for workers."), "association")
    # Never the only way to listen: interviews are too short and too watched.
    m.cap = Fit.possible if m.score > 0 else Fit.not_advised
    m.next_steps.append(Statement(N_(
        "Ask the auditor to interview workers off site, in their language, and without "
        "managers choosing who is interviewed.")))


SCORERS = {
    Method.union: _score_union,
    Method.ngo: _score_ngo,
    Method.grievance: _score_grievance,
    Method.digital: _score_digital,
    Method.audit: _score_audit,
}


def _goals(a: Answers) -> list[str]:
    goals = a.get("goals")
    return list(goals) if isinstance(goals, list | tuple) else []


def _combinations(a: Answers, fits: Mapping[Method, Fit]) -> list[Statement]:
    usable = {m for m, fit in fits.items() if fit is not Fit.not_advised}
    out: list[Statement] = []
    if {Method.union, Method.digital} <= usable and a.get("union_independent") == YES:
        out.append(Statement(N_(
            "Run the survey together with the union: workers trust it more, and the union "
            "can follow up on the results."), ("union_independent", "supplier_survey")))
    if Method.digital in usable and ("remedy" in _goals(a) or a.get("grievance") == YES):
        out.append(Statement(N_(
            "Combine the survey with a grievance mechanism: the survey shows patterns, the "
            "mechanism handles individual cases."), ("goals", "grievance")))
    if Method.ngo in usable and Method.digital in usable:
        out.append(Statement(N_(
            "Let a local organisation explain the survey to workers and discuss the "
            "results with them: figures then get context."), ("trusted_ngo",)))
    if Method.audit in usable and len(usable) > 1:
        out.append(Statement(N_(
            "Use the audit interviews only as a cross-check of what workers say through "
            "the other channels."), ("audit_planned",)))
    return out


def _gaps(a: Answers) -> list[Statement]:
    out: list[Statement] = []
    if a.get("union") == YES and (a.get("union_covers") == NO or (
            a.get("union_covers") != YES and a.get("vulnerable_groups") == YES)):
        out.append(Statement(N_(
            "Unions mostly represent permanent, often male, workers: temporary, agency "
            "and migrant workers may not be heard through them."),
            ("union_covers", "vulnerable_groups")))
    if a.get("phones") in ("some", "few"):
        out.append(Statement(N_(
            "A survey by phone misses workers without a phone of their own: add another "
            "channel, such as a web form on a shared device in a private place."),
            ("phones",)))
    if a.get("literacy") == NO:
        out.append(Statement(N_(
            "Written questions exclude workers who cannot read: use recorded voice "
            "questions or conversations."), ("literacy",)))
    if a.get("women_barriers") == YES:
        out.append(Statement(N_(
            "Women may not speak freely in mixed groups or to male interviewers: offer a "
            "channel they trust, led by women."), ("women_barriers",)))
    if a.get("language_gap") == YES:
        out.append(Statement(N_(
            "Use workers' own languages, with interpreters who do not work for the "
            "employer."), ("language_gap",)))
    if a.get("vulnerable_groups") == YES:
        out.append(Statement(N_(
            "Check that temporary, agency and migrant workers are reached: they are often "
            "the most vulnerable."), ("vulnerable_groups",)))
    return out


def _notices(a: Answers) -> list[Statement]:
    """Answers that contradict each other: said plainly, and the dependent answer
    is ignored."""
    out: list[Statement] = []
    if a.get("union") != YES and ("union_independent" in a or "union_covers" in a):
        out.append(Statement(N_(
            "You answered questions about a union but not that there is one; those "
            "answers were left out."), ("union", "union_independent")))
    if a.get("grievance") != YES and "grievance_trusted" in a:
        out.append(Statement(N_(
            "You answered whether workers trust the grievance mechanism but not that "
            "there is one; that answer was left out."), ("grievance", "grievance_trusted")))
    if a.get("association") == "banned" and a.get("union") == YES \
            and a.get("union_independent") == YES:
        out.append(Statement(N_(
            "You said independent unions are banned, but also that an independent union "
            "is present. If it works unofficially, its members may be at risk: protect "
            "them as sources."), ("association", "union_independent")))
    if a.get("supplier_survey") == NO and "risks" in _goals(a):
        out.append(Statement(N_(
            "You want figures on risks, but the supplier will not support a survey. Talk "
            "with the supplier about its concerns first; do not push."),
            ("supplier_survey", "goals")))
    return out


def _consistent(a: Answers) -> dict[str, object]:
    """Drop answers that only apply when another answer says so."""
    answers = dict(a)
    for code, question in QUESTIONS.items():
        if code in answers and not question.applies(answers):
            del answers[code]
    return answers


def recommend(answers: Answers) -> Recommendation:
    """Advice for all five methods, best first, with combinations, gaps in
    whom each reaches, and notices about contradictory answers. Missing answers
    are allowed: they make the advice less certain, never an error."""
    notices = _notices(answers)
    a = _consistent(answers)
    methods = []
    for method, scorer in SCORERS.items():
        advice = MethodAdvice(method)
        scorer(a, advice)
        methods.append(advice)
    methods.sort(key=lambda m: (FIT_ORDER[m.fit], -m.score, list(Method).index(m.method)))
    fits = {m.method: m.fit for m in methods}
    unanswered = [code for code, q in QUESTIONS.items()
                  if q.applies(a) and a.get(code) in (None, UNKNOWN, [], ())]
    return Recommendation(methods=methods, combinations=_combinations(a, fits),
                          gaps=_gaps(a), notices=notices, unanswered=unanswered)


#: How to bring what workers said back to the supplier; shown with every result.
GUIDANCE: tuple[str, ...] = (
    N_("Never reveal a source when that could endanger workers. Ask about the issue in "
       "general terms instead, and agree this beforehand with the workers or the union or "
       "NGO involved."),
    N_("Understand the cultural, regional and sector context first."),
    N_("Explain why listening helps both of you: satisfied workers stay longer and work "
       "better."),
    N_("Base the conversation on concrete data, not on general impressions."),
    N_("Ask open questions, give time, and listen actively before you steer."),
)
