"""From answers to advice: how to listen to workers at one site.

No Flask here. ``recommend(answers)`` weighs the answers for each of the five
methods and explains itself: every reason names the questions that caused it
(``because``), so the page can link each statement back to the answer. Texts are
marked with ``N_`` and translated where they are shown.

The weights are deliberately simple and visible: each reason adds or subtracts
a few points; the total decides the fit. A reason that makes a method unsafe
(independent unions banned, a supplier refusing a survey, reprisals against
workers who spoke up) caps its fit.

A method is only offered as the place to start when something speaks for it and
its reasons are not mostly against it; otherwise the advice says that no method
fits well yet and what to do first (``first_steps``), as the SER knowledge
document on listening to workers does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from ..text import N_
from .questions import NO, OWN, QUESTIONS, REPRISALS, UNKNOWN, YES, Answers


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

    # For templates, which cannot name the members.
    @property
    def is_recommended(self) -> bool:
        return self is Fit.recommended

    @property
    def is_possible(self) -> bool:
        return self is Fit.possible

    @property
    def is_advised(self) -> bool:
        return self is not Fit.not_advised


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
    #: What to do when this method is blocked; shown even when it is not advised.
    alternatives: list[Statement] = field(default_factory=list)
    #: A legitimate representation is present: the knowledge document's first way in,
    #: ahead of any other method that is also recommended.
    first_way_in: bool = False
    #: Only ever a cross-check of other channels, never the place to start.
    cross_check_only: bool = False

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

    @property
    def mostly_against(self) -> bool:
        """More reasons against than in favour, or at least as many points against."""
        favour = [p for p, _ in self.reasons if p > 0]
        against = [-p for p, _ in self.reasons if p < 0]
        return len(against) > len(favour) or (bool(against) and sum(against) >= sum(favour))

    @property
    def can_start_here(self) -> bool:
        """Fit to be offered first: recommended, or possible with reasons mostly in
        its favour (a method nothing speaks for is not a place to start)."""
        if self.cross_check_only:
            return False
        if self.fit is Fit.recommended:
            return True
        return (self.fit is Fit.possible and any(p > 0 for p, _ in self.reasons)
                and not self.mostly_against)

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
    #: When no method can be offered first: what to find out or change first.
    first_steps: list[Statement] = field(default_factory=list)

    @property
    def best(self) -> MethodAdvice | None:
        """The method to start with; None when none fits well enough yet."""
        top = self.methods[0] if self.methods else None
        return top if top and top.can_start_here else None

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
        N_("For workers a survey is not a dialogue: they cannot raise topics of their "
           "own, and follow-up is not assured."),
    ),
    Method.audit: (
        N_("Only at direct suppliers, and workers are often coached beforehand."),
        N_("Interviews are rushed and on site, so workers fear reprisals."),
        N_("There is no follow-up with the workers who spoke."),
    ),
}


def _fear(a: Answers) -> str | None:
    """"reprisals", "yes" or "no"; None when not known."""
    value = a.get("fear")
    return value if value in (REPRISALS, YES, NO) else None


def _low_trust(a: Answers) -> tuple[str, ...]:
    """The questions whose answers show that workers do not trust speaking up
    (empty: no sign of it)."""
    signs = []
    if _fear(a) in (REPRISALS, YES):
        signs.append("fear")
    if a.get("grievance_trusted") == NO:
        signs.append("grievance_trusted")
    return tuple(signs)


def _score_union(a: Answers, m: MethodAdvice) -> None:
    union, independent = a.get("union"), a.get("union_independent")
    association, region = a.get("association"), a.get("union_region")
    if union == YES and independent == YES:
        m.add(4, N_("A union that workers see as their own is present: it is the first "
                    "way in."), "union", "union_independent")
        m.first_way_in = True
    elif union == YES and independent == NO:
        m.add(-3, N_("The union is tied to management or the state, so it does not speak "
                     "freely for workers."), "union_independent")
        m.cap = Fit.not_advised
    elif union == YES:
        m.add(2, N_("A union is present, but whether workers trust it is not known: check "
                    "its independence first."), "union", "union_independent")
    elif union == NO:
        m.add(-2, N_("There is no trade union at the site."), "union")
    no_trusted_union = union != YES or independent == NO
    if no_trusted_union:
        if a.get("committee") == YES:
            m.add(2, N_("There is a worker committee or works council: talk with its "
                        "members and strengthen its role."), "committee")
        elif a.get("committee") == NO:
            m.add(-1, N_("There is no worker committee either."), "committee")
        if region == YES:
            m.add(2, N_("A union is active in the region or sector: it may be in touch with "
                        "workers at this supplier."), "union_region")
        elif region == NO:
            m.add(-1, N_("No union is active in the region either."), "union_region")
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
    if not no_trusted_union:
        m.next_steps.append(Statement(N_(
            "Meet the union's representatives, without managers present, and agree how "
            "you will use what they tell you."), ("union",)))
        if a.get("committee") == YES:
            m.next_steps.append(Statement(N_(
                "Involve the works council or committee too: it speaks for all employees, "
                "also those the union does not organise."), ("committee",)))
    # The knowledge document's alternatives where no trustworthy union is at the
    # site: they stay on the page even when this route is not advised.
    if no_trusted_union or association in ("restricted", "banned"):
        m.alternatives.append(Statement(N_(
            "Contact an international union federation, such as IndustriALL: it may put "
            "you in touch with a union active in the region. Expect the supplier to be "
            "wary when you discuss what you learn that way."),
            ("union", "union_region", "association")))
        m.alternatives.append(Statement(N_(
            "Support parallel means of worker representation: talk with members of a "
            "(legally required) factory committee or elected worker representatives, and "
            "strengthen their role."), ("committee",)))
    if association in ("restricted", "banned"):
        m.alternatives.append(Statement(N_(
            "Where organising is risky, never name union members or other contacts to "
            "the supplier."), ("association",)))
    m.alternatives.append(Statement(N_(
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
    if trusted == YES and _fear(a) in (REPRISALS, YES):
        m.add(1, N_("Workers who fear consequences can speak safely to an organisation "
                    "they trust, away from the factory."), "fear")
    if trusted != NO and a.get("deeper_tiers") == YES:
        m.add(1, N_("A local organisation can reach homeworkers and informal workers whom "
                    "methods at the factory miss."), "deeper_tiers")
    if trusted == YES:
        m.next_steps.append(Statement(N_(
            "Agree on a long-term partnership. Pay for workers' time, travel and meals, "
            "arrange translation, and keep employers out of the meetings.")))


_IMPROVE_MECHANISM = Statement(N_(
    "Check the mechanism against the effectiveness criteria of the UN Guiding Principles, "
    "and make it known to workers."), ("grievance_trusted",))


def _score_grievance(a: Answers, m: MethodAdvice) -> None:
    exists, trusted = a.get("grievance"), a.get("grievance_trusted")
    goals = _goals(a)
    if exists == YES and trusted == YES:
        m.add(3, N_("Workers know the grievance mechanism and trust it."),
              "grievance", "grievance_trusted")
    elif exists == YES and trusted == NO:
        m.add(-1, N_("Workers do not know or trust the mechanism, so few complaints will "
                     "come in until it is improved."), "grievance_trusted")
        m.next_steps.append(_IMPROVE_MECHANISM)
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
    if a.get("deeper_tiers") == YES:
        m.caveats.append(Statement(N_(
            "Make it known and reachable for homeworkers and workers in subcontracted "
            "units too."), ("deeper_tiers",)))


def _score_digital(a: Answers, m: MethodAdvice) -> None:
    supplier, phones = a.get("supplier_survey"), a.get("phones")
    if supplier == YES:
        m.add(2, N_("The supplier is willing to support an anonymous survey."),
              "supplier_survey")
    elif supplier == OWN:
        m.add(-1, N_("The supplier only wants a survey it runs itself, so workers may "
                     "doubt that their answers stay anonymous."), "supplier_survey")
        if _low_trust(a):
            m.add(-3, N_("Workers fear consequences or distrust the site's own channels: "
                         "they will not answer a survey run by their employer freely, and "
                         "it could expose them."), "supplier_survey", *_low_trust(a))
            m.cap = Fit.not_advised
        m.next_steps.append(Statement(N_(
            "Propose a neutral provider that keeps the answers: the supplier sees the same "
            "results, never who answered."), ("supplier_survey",)))
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
    if _fear(a) in (REPRISALS, YES):
        m.add(-1, N_("Where workers fear consequences, few answer a survey, even an "
                     "anonymous one; trust grows only over repeated rounds."), "fear")
    elif _fear(a) == NO:
        m.add(1, N_("Workers speak up without fear, so many are likely to answer."),
              "fear")
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
    planned, fear = a.get("audit_planned"), _fear(a)
    if planned == YES:
        m.add(2, N_("An audit with worker interviews is already planned: use it as a "
                    "cross-check."), "audit_planned")
    elif planned == NO:
        m.add(-1, N_("No audit with worker interviews is planned."), "audit_planned")
    if fear == REPRISALS:
        m.add(-3, N_("Workers who spoke up have recently faced reprisals: interviews the "
                     "employer knows about can put them in danger."), "fear")
    elif fear == YES:
        m.add(-2, N_("Workers fear consequences of speaking up: in audit interviews they "
                     "are often coached beforehand and hold back, so what they say is of "
                     "low reliability."), "fear")
    if a.get("grievance_trusted") == NO:
        m.add(-1, N_("Workers do not trust the site's own grievance channel; interviews "
                     "arranged with management will not feel safer to them."),
              "grievance_trusted")
    if a.get("language_gap") == YES:
        m.add(-1, N_("Many workers speak a language that auditors may not: interviews "
                     "through an interpreter the employer provides are not reliable."),
              "language_gap")
    if a.get("deeper_tiers") == YES:
        m.add(-1, N_("Audits only cover the direct supplier's site: homeworkers and "
                     "subcontracted units are not interviewed."), "deeper_tiers")
    if a.get("association") == "banned":
        m.add(-1, N_("Where speaking up is dangerous, interviews on the premises are not "
                     "safe for workers."), "association")
    # Never the only way to listen, nor the first: interviews are too short and too
    # watched (a cross-check only); and never at all where speaking up was recently
    # punished.
    m.cap = Fit.possible if m.score > 0 and fear != REPRISALS else Fit.not_advised
    m.cross_check_only = True
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


def _combinations(a: Answers, methods: list[MethodAdvice]) -> list[Statement]:
    # A method nothing speaks for (nothing known about it) is no partner in a
    # combination either.
    usable = {m.method for m in methods
              if m.fit is not Fit.not_advised and any(p > 0 for p, _ in m.reasons)}
    out: list[Statement] = []
    if {Method.union, Method.digital} <= usable and a.get("union_independent") == YES:
        out.append(Statement(N_(
            "Run the survey together with the union: workers trust it more, and the union "
            "can follow up on the results."), ("union_independent", "supplier_survey")))
    # A mechanism workers distrust handles no cases: it is improved first (see its
    # next steps), not leaned on.
    if Method.digital in usable and a.get("grievance_trusted") != NO and (
            "remedy" in _goals(a) or a.get("grievance") == YES):
        out.append(Statement(N_(
            "Combine the survey with a grievance mechanism: the survey shows patterns, the "
            "mechanism handles individual cases."), ("goals", "grievance")))
    if {Method.ngo, Method.digital} <= usable and a.get("trusted_ngo") == YES:
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
    # (A union tied to management speaks for nobody; that is said with its advice.)
    if a.get("union") == YES and a.get("union_independent") != NO and (
            a.get("union_covers") == NO or (
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
    if a.get("deeper_tiers") == YES:
        out.append(Statement(N_(
            "Homeworkers and workers in subcontracted units are not reached at the "
            "factory: find out where work goes, and ask a union or local organisation that "
            "knows these workers."), ("deeper_tiers",)))
    if _fear(a) in (REPRISALS, YES):
        out.append(Statement(N_(
            "Workers who fear consequences stay silent in any channel they do not trust: "
            "say who will see what they tell, and never let managers choose who speaks."),
            ("fear",)))
    return out


def _first_steps(a: Answers) -> list[Statement]:
    """What to find out or change first when no method fits well yet."""
    out: list[Statement] = []
    no_trusted_union = a.get("union") != YES or a.get("union_independent") == NO
    if a.get("union") in (None, UNKNOWN) or (
            no_trusted_union and a.get("union_region") in (None, UNKNOWN)):
        out.append(Statement(N_(
            "Find out whether a trade union or elected worker representation is active at "
            "the site or in the region: an international union federation such as "
            "IndustriALL can tell you."), ("union", "union_region")))
    if _fear(a) is None:
        out.append(Statement(N_(
            "Find out whether workers fear consequences of speaking up: ask local "
            "organisations or unions, not only the supplier's managers."), ("fear",)))
    if a.get("trusted_ngo") != YES:
        out.append(Statement(N_(
            "Find an organisation that workers already trust, such as a local NGO or "
            "network: ask your MSI, union federations or other buyers. Build the "
            "relationship before asking workers anything."), ("trusted_ngo",)))
    if a.get("third_party") == NO:
        out.append(Statement(N_(
            "Discuss within your company whether you can hand the conversation to a party "
            "workers trust: where trust is low, workers will not speak openly to you or "
            "the supplier."), ("third_party",)))
    if a.get("grievance_trusted") == NO:
        out.append(_IMPROVE_MECHANISM)
    if a.get("supplier_survey") == NO and "risks" not in _goals(a):  # else a notice says it
        out.append(Statement(N_(
            "Talk with the supplier about its concerns about a survey; do not push, and "
            "ask again in about six months."), ("supplier_survey",)))
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
    (also questions added after an assessment was stored) are allowed: they make
    the advice less certain, never an error."""
    notices = _notices(answers)
    a = _consistent(answers)
    methods = []
    for method, scorer in SCORERS.items():
        advice = MethodAdvice(method)
        scorer(a, advice)
        methods.append(advice)
    methods.sort(key=lambda m: (FIT_ORDER[m.fit], not m.can_start_here,
                                not (m.first_way_in and m.fit is Fit.recommended),
                                -m.score, list(Method).index(m.method)))
    unanswered = [code for code, q in QUESTIONS.items()
                  if q.applies(a) and a.get(code) in (None, UNKNOWN, [], ())]
    result = Recommendation(methods=methods, combinations=_combinations(a, methods),
                            gaps=_gaps(a), notices=notices, unanswered=unanswered)
    if result.best is None:
        result.first_steps = _first_steps(a)
    return result


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
