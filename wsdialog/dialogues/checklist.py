"""The preparation checklist: what the app knows ticks itself. No Flask."""

from __future__ import annotations

from dataclasses import dataclass

from ..text import N_


@dataclass(frozen=True)
class Facts:
    """What is known about a dialogue, from the app and from the brand's notes."""

    released: bool
    supplier_opened: bool
    supplier_reviewed: bool
    #: Participants from the supplier's side (supplier or factory), and of them
    #: how many may decide on actions.
    supplier_side: int
    deciders: int
    #: Languages of participants other than the meeting's, and whether an
    #: interpreter takes part.
    other_languages: bool
    interpreter: bool
    audit_note: bool = False
    expert_context: bool = False
    grievance_note: bool = False
    attention_points: bool = False
    open_questions: bool = False
    solutions: bool = False
    must_discuss: bool = False
    #: The supplier recorded telling its workers about the results.
    shared_with_workers: bool = False


@dataclass(frozen=True)
class Item:
    code: str
    label: str
    done: bool
    #: Ticked by the app from what it knows, not by the user.
    automatic: bool


def checklist(facts: Facts) -> list[Item]:
    items = [
        Item("released", N_("The results are released to the supplier"), facts.released,
             True),
        Item("opened", N_("The supplier has opened the results"), facts.supplier_opened,
             True),
        Item("reviewed", N_("The supplier has marked the results as reviewed"),
             facts.supplier_reviewed, True),
        Item("participants", N_("Participants from the supplier's side are known, and "
                                "someone who can decide on actions takes part"),
             facts.supplier_side > 0 and facts.deciders > 0, True),
    ]
    if facts.other_languages:
        items.append(Item("interpreter", N_("An interpreter is arranged: not everyone "
                                            "speaks the meeting's language"),
                          facts.interpreter, True))
    items += [
        Item("audit", N_("Results compared with the latest audit"), facts.audit_note, False),
        Item("context", N_("Context from an expert or NGO"), facts.expert_context, False),
        Item("grievances", N_("Grievance figures reviewed"), facts.grievance_note, False),
        Item("points", N_("Attention points chosen"), facts.attention_points, False),
        Item("questions", N_("Open questions for the supplier"), facts.open_questions,
             False),
        Item("solutions", N_("Possible solutions"), facts.solutions, False),
        Item("must", N_("Topics that must be discussed"), facts.must_discuss, False),
        Item("workers", N_("The results are shared with the workers who were asked"),
             facts.shared_with_workers, True),
    ]
    return items


def progress(items: list[Item]) -> tuple[int, int]:
    return sum(item.done for item in items), len(items)
