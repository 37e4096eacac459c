"""Which sites to ask first: a transparent priority score per site.

No Flask here. The criteria follow the pilot's selection: likelihood of risk,
potential impact, the strength of the relationship (leverage and trust), and not
over-asking a supplier already busy with other projects. Each criterion gives a
value from 0 to 1; the company's weights turn them into points that add up to a
score from 0 to 100, and the page shows every criterion's contribution.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ..text import N_

#: Criterion code -> label (translated where shown).
CRITERIA: dict[str, str] = {
    "country_risk": N_("Risk in the country and region"),
    "labour_relations": N_("Risk from prevalent labour relations"),
    "workers": N_("Number of workers"),
    "severity": N_("Severity of possible harm"),
    "irreversibility": N_("How hard harm is to undo"),
    "relationship": N_("Length of the relationship"),
    "trust": N_("Mutual trust"),
    "leverage": N_("Purchase share (leverage)"),
    "stability": N_("Stable orders"),
    "not_over_asked": N_("Not already busy with other projects"),
}

#: The OECD guidelines put the severity and likelihood of harm first: they weigh
#: three quarters of the default score. Leverage and the relationship shape how a
#: company responds rather than where the risk is, so they weigh a quarter.
DEFAULT_WEIGHTS: dict[str, int] = {
    "country_risk": 20, "labour_relations": 15, "workers": 10, "severity": 20,
    "irreversibility": 10, "relationship": 5, "trust": 5, "leverage": 5,
    "stability": 5, "not_over_asked": 5,
}
#: The criteria about risk (severity and likelihood of harm, and how many it reaches).
RISK_CRITERIA = ("country_risk", "labour_relations", "workers", "severity", "irreversibility")

#: Workers at which the "number of workers" criterion is full.
WORKERS_FULL = 2000
#: Years of relationship at which that criterion is full (the pilot asked
#: suppliers of three years and more).
YEARS_FULL = 6
#: Purchase share at which leverage is full; brands rarely reach 30 %.
SHARE_FULL = 30


@dataclass(frozen=True)
class SiteCriteria:
    """What a company recorded about one site; None where it is not known.
    Ratings are 1 (low) to 5 (high)."""

    country_risk: int | None = None
    labour_relations_risk: int | None = None
    headcount: int | None = None
    severity: int | None = None
    irreversibility: int | None = None
    years: int | None = None
    trust: int | None = None
    purchase_share_pct: int | None = None
    order_stability: int | None = None
    over_asked: bool | None = None


@dataclass
class Priority:
    score: float
    contributions: dict[str, float] = field(default_factory=dict)
    unknown: list[str] = field(default_factory=list)


def _rating(value: int | None) -> float | None:
    return None if value is None else (min(max(value, 1), 5) - 1) / 4


def _ratio(value: int | None, full: int) -> float | None:
    return None if value is None else min(max(value, 0), full) / full


def values(site: SiteCriteria) -> dict[str, float | None]:
    """Each criterion as a value from 0 to 1 (None: not known)."""
    return {
        "country_risk": _rating(site.country_risk),
        "labour_relations": _rating(site.labour_relations_risk),
        "workers": _ratio(site.headcount, WORKERS_FULL),
        "severity": _rating(site.severity),
        "irreversibility": _rating(site.irreversibility),
        "relationship": _ratio(site.years, YEARS_FULL),
        "trust": _rating(site.trust),
        "leverage": _ratio(site.purchase_share_pct, SHARE_FULL),
        "stability": _rating(site.order_stability),
        "not_over_asked": None if site.over_asked is None else float(not site.over_asked),
    }


def normalised(weights: Mapping[str, int] | None) -> dict[str, float]:
    """Weights as shares of 100; missing or negative weights count as 0, and
    all-zero weights fall back to the defaults."""
    raw = {code: max(int((weights or {}).get(code, 0)), 0) for code in CRITERIA}
    total = sum(raw.values())
    if total == 0:
        raw, total = dict(DEFAULT_WEIGHTS), sum(DEFAULT_WEIGHTS.values())
    return {code: 100 * weight / total for code, weight in raw.items()}


def priority(site: SiteCriteria, weights: Mapping[str, int] | None = None) -> Priority:
    """The score (0–100) and each criterion's points. An unknown criterion
    counts as halfway, so missing data neither hides nor promotes a site, and
    is listed so it can be filled in."""
    shares = normalised(weights)
    result = Priority(score=0.0)
    for code, value in values(site).items():
        if value is None:
            result.unknown.append(code)
            value = 0.5
        points = shares[code] * value
        result.contributions[code] = round(points, 1)
        result.score += points
    result.score = round(result.score, 1)
    return result


def expected_outlook(site: SiteCriteria) -> str:
    """"higher_risk" or "expected_good", to help mix the shortlist: the pilot
    chose sites expected to do well alongside sites with larger risks."""
    risk = [v for v in (_rating(site.country_risk), _rating(site.labour_relations_risk),
                        _rating(site.severity)) if v is not None]
    if not risk:
        return "unknown"
    return "higher_risk" if sum(risk) / len(risk) >= 0.5 else "expected_good"
