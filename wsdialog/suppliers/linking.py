"""Two records of one factory: the rules of linking them. No Flask.

Two member companies may have entered the same factory separately, each on a
supplier record of its own. Where both sites carry the same Open Supply Hub ID,
the company on one of them may ask the supplier to confirm that it is the same
factory (a ``SiteLinkRequest``); the people of the other record answer. Until
they confirm, the asking company learns nothing of the other record. On
confirmation the asking company works on the other record, and what it holds
about its own site moves to the confirmed one (``operations.confirm_link``).

The decisions made there are here, as plain functions:

- what the asking company's site page offers (``link_status``);
- whether the company leaves its own record (``leaves_record``): only when the
  linked site was its last site there; otherwise it keeps the record for the
  others;
- how its relationship facts join a relationship it may already have with the
  other record (``merged_facts``), and its priority ratings of the site
  (``merged_ratings``).
"""

from __future__ import annotations

from dataclasses import dataclass

#: What the asking company's site page shows about linking (see ``link_status``).
OFFER, WAITING, LINKED, DECLINED = "offer", "waiting", "linked", "declined"


def link_status(*, open_request: bool, confirmed: bool, declined: bool,
                twin: bool) -> str | None:
    """What the site page of the asking company shows: its open request waiting
    for the supplier (``WAITING``); else that the supplier confirmed (``LINKED``:
    the company's data is at the confirmed site, this one stayed for others);
    else the offer to ask, where another record has a site with the same OS ID
    that has not declined (``OFFER``); else that the supplier declined
    (``DECLINED``), with nothing more; else nothing."""
    if open_request:
        return WAITING
    if confirmed:
        return LINKED
    if twin:
        return OFFER
    return DECLINED if declined else None


def leaves_record(other_sites: int) -> bool:
    """Whether the asking company leaves its own supplier record with the link:
    when the linked site was the record's only one. Otherwise it still works
    there (its other sites stay), and keeps its relationship and onboarding."""
    return other_sites == 0


@dataclass(frozen=True)
class RelationshipFacts:
    """What a company keeps about a supplier (``SupplierRelationship``)."""

    years: int | None
    share_pct: int | None
    notes: str
    visible: bool
    contact: str


def merged_facts(kept: RelationshipFacts | None,
                 moved: RelationshipFacts) -> RelationshipFacts:
    """The company's relationship with the confirmed record after the link.

    Without one yet (``kept`` None), it is the relationship it had with its own
    record, member visibility included: the same supplier. With one, what it says
    stays, and only what it does not know is taken (years, share); the other
    notes are added below its notes unless already there. Its member visibility
    stays as chosen for that record: a consent is not widened by a link."""
    if kept is None:
        return moved
    notes = kept.notes
    extra = moved.notes.strip()
    if extra and extra not in notes:
        notes = f"{notes.rstrip()}\n\n{extra}" if notes.strip() else extra
    return RelationshipFacts(
        years=kept.years if kept.years is not None else moved.years,
        share_pct=kept.share_pct if kept.share_pct is not None else moved.share_pct,
        notes=notes, visible=kept.visible, contact=kept.contact)


def merged_ratings(kept: dict, moved: dict) -> dict:
    """The company's priority criteria of the confirmed site, where it rated both
    sites: its ratings of the confirmed site, each unknown one (None) taken from
    the other; selected for outreach when either was."""
    merged = {name: value if value is not None else moved.get(name)
              for name, value in kept.items()}
    if "shortlisted" in kept:
        merged["shortlisted"] = bool(kept["shortlisted"] or moved.get("shortlisted"))
    return merged
