"""A member company's progress through the listening loop, as counts only: never
a supplier, a site, a figure or a name. The coordinator sees it for every member,
and each member sees exactly its own. No Flask."""

from __future__ import annotations

from dataclasses import dataclass, fields

from ..text import N_


@dataclass(frozen=True)
class Progress:
    sites_assessed: int = 0
    suppliers_approached: int = 0
    suppliers_joined: int = 0
    suppliers_declined: int = 0
    cycles_planned: int = 0
    cycles_run: int = 0
    cycles_released: int = 0
    dialogues_held: int = 0
    agreements_open: int = 0
    agreements_done: int = 0
    agreements_overdue: int = 0
    shared_with_workers: int = 0

    def values(self) -> list[int]:
        return [getattr(self, f.name) for f in fields(self)]


#: The columns, in order, as the console and its CSV name them (translate with _()).
COLUMNS: dict[str, str] = {
    "sites_assessed": N_("Sites assessed"),
    "suppliers_approached": N_("Suppliers approached"),
    "suppliers_joined": N_("Suppliers joined"),
    "suppliers_declined": N_("Suppliers declined"),
    # Translators: survey cycles not started yet.
    "cycles_planned": N_("Cycles planned"),
    # Translators: survey cycles whose window has closed.
    "cycles_run": N_("Cycles run"),
    "cycles_released": N_("Cycles released"),
    "dialogues_held": N_("Dialogues held"),
    "agreements_open": N_("Agreements open"),
    "agreements_done": N_("Agreements done"),
    "agreements_overdue": N_("Agreements overdue"),
    "shared_with_workers": N_("Results shared with workers"),
}
assert list(COLUMNS) == [f.name for f in fields(Progress)]  # noqa: S101 (kept in step)
