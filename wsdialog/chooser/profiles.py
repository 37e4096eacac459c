"""Six realistic site profiles for the method chooser.

No Flask here. They are the demo brand's assessments (``wsdialog/demo.py``) and
the rule tests' cases (``tests/test_chooser_rules.py``), so what a newcomer sees
in the demo is what the tests hold the rules to. Each profile's answers include
what its demo site record says (union, committee, sizeable vulnerable groups), so
the advice is the same with or without the record. Sites and facts are invented,
modelled on situations the SER knowledge document on listening to workers
describes.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Profile:
    code: str
    #: The demo site it belongs to.
    site: str
    #: For developers only (test ids, docs); not shown in the app.
    summary: str
    answers: dict[str, object]


PROFILES: tuple[Profile, ...] = (
    Profile(
        "bangladesh_union", "Narayanganj knit composite",
        "Bangladesh: an independent union with a collective agreement, mostly of "
        "permanent male workers; freedom of association restricted; workers fear "
        "dismissal after wage protests.",
        {"union": "yes", "union_independent": "yes", "union_covers": "no",
         "committee": "yes", "association": "restricted",
         "fear": "yes", "women_barriers": "yes", "language_gap": "no",
         "ngo_space": "restricted",
         "vulnerable_groups": "no", "deeper_tiers": "no", "literacy": "no",
         "phones": "some",
         "third_party": "yes", "trusted_ngo": "unknown", "grievance": "yes",
         "grievance_trusted": "unknown", "supplier_survey": "unknown",
         "audit_planned": "yes",
         "goals": ["dialogue", "remedy"]}),
    Profile(
        "china_committee", "Dongguan factory",
        "China: the union branch is tied to management and the state, independent "
        "unions are not allowed, but an elected worker committee meets; the supplier "
        "supports a survey by phone.",
        {"union": "yes", "union_independent": "no", "committee": "yes",
         "union_region": "no", "association": "banned",
         "fear": "yes", "women_barriers": "no", "language_gap": "no",
         "ngo_space": "restricted",
         "vulnerable_groups": "yes", "deeper_tiers": "no", "literacy": "yes",
         "phones": "most",
         "third_party": "partly", "trusted_ngo": "no", "grievance": "yes",
         "grievance_trusted": "unknown", "supplier_survey": "yes", "audit_planned": "yes",
         "goals": ["risks"]}),
    Profile(
        "low_trust_migrants", "Çorlu denim plant",
        "Turkey: many refugee and migrant workers who speak Arabic, not Turkish; no "
        "union or committee; workers who complained were dismissed; a grievance box "
        "nobody trusts; the supplier refuses a survey and the brand wants to keep "
        "control.",
        {"union": "no", "committee": "no", "union_region": "unknown",
         "association": "restricted",
         "fear": "reprisals", "women_barriers": "yes", "language_gap": "yes",
         "ngo_space": "restricted",
         "vulnerable_groups": "yes", "deeper_tiers": "unknown", "literacy": "unknown",
         "phones": "most",
         "third_party": "no", "trusted_ngo": "unknown", "grievance": "yes",
         "grievance_trusted": "no", "supplier_survey": "no", "audit_planned": "yes",
         "goals": ["risks"]}),
    Profile(
        "homeworkers", "Tiruppur unit 2",
        "India: embroidery and trimming go to homeworkers and small subcontracted "
        "units; young migrant women fear losing their jobs; a local organisation has "
        "worked with them for years.",
        {"union": "no", "committee": "yes", "union_region": "yes", "association": "free",
         "fear": "yes", "women_barriers": "yes", "language_gap": "yes",
         "ngo_space": "free",
         "vulnerable_groups": "yes", "deeper_tiers": "yes", "literacy": "no",
         "phones": "some",
         "third_party": "yes", "trusted_ngo": "yes", "grievance": "no",
         "supplier_survey": "unknown", "audit_planned": "no",
         "goals": ["dialogue", "remedy"]}),
    Profile(
        "unknown_site", "Gazipur factory",
        "Bangladesh: a new supplier; the brand does not know yet who works there or "
        "how they are represented.",
        {"union": "unknown", "committee": "unknown", "union_region": "unknown",
         "association": "unknown",
         "fear": "unknown", "women_barriers": "unknown", "language_gap": "unknown",
         "ngo_space": "unknown",
         "vulnerable_groups": "unknown", "deeper_tiers": "unknown", "literacy": "unknown",
         "phones": "unknown",
         "trusted_ngo": "unknown", "grievance": "unknown", "supplier_survey": "unknown",
         "audit_planned": "unknown"}),
    Profile(
        "high_trust_works_council", "Barcelos knitting",
        "Portugal: a sector union with members at the site and an elected works "
        "council; workers speak up openly and trust the grievance procedure; the "
        "supplier welcomes a survey.",
        {"union": "yes", "union_independent": "yes", "union_covers": "yes",
         "committee": "yes", "association": "free",
         "fear": "no", "women_barriers": "no", "language_gap": "no", "ngo_space": "free",
         "vulnerable_groups": "no", "deeper_tiers": "no", "literacy": "yes",
         "phones": "most",
         "third_party": "yes", "trusted_ngo": "unknown", "grievance": "yes",
         "grievance_trusted": "yes", "supplier_survey": "yes", "audit_planned": "no",
         "goals": ["dialogue", "risks"]}),
)

BY_CODE: dict[str, Profile] = {profile.code: profile for profile in PROFILES}
