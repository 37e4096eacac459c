"""A cache: figures of cycles whose respondents can never change, kept in memory.
No Flask.

A released cycle's respondents are final: no import, removal, extension or
survey answer changes them (``SurveyCycle.respondents_final``). So its counts, and
its cells under a given threshold ``k``, are computed once per server process and
kept. Nothing else is kept here: not a page, not who asked. Who may see a
cycle's figures is decided before, on every request, as for any other cycle.

The key is the cycle's identity: its id *and* its random public token (an id of a
deleted cycle may be given to a new one; a token never is) and its questionnaire
version. The threshold ``k`` is part of every key of cells, so a company that
raises its threshold is served figures under the new one at once.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

#: Entries kept per process (least recently used go first). A cycle takes about a
#: dozen (its counts, its cells per threshold, per dimension, per language): the
#: bench instance's 800 cycles fit; each entry is a few KB.
MAX_ENTRIES = 20_000


class KeptFigures:
    """A bounded, thread-safe least-recently-used map."""

    def __init__(self, max_entries: int = MAX_ENTRIES):
        self.max_entries = max_entries
        self._data: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get_or_compute(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        with self._lock:
            if key in self._data:
                self._data.move_to_end(key)
                return self._data[key]
        value = compute()  # outside the lock: two threads may both compute, same result
        with self._lock:
            self._data[key] = value
            while len(self._data) > self.max_entries:
                self._data.popitem(last=False)
        return value

    def get(self, key: Hashable) -> Any | None:
        with self._lock:
            if key in self._data:
                self._data.move_to_end(key)
                return self._data[key]
        return None

    def get_many(self, keys: list[Hashable]) -> list[Any | None]:
        """``get`` of each key, under one lock (a page that looks up thousands)."""
        found = []
        with self._lock:
            for key in keys:
                value = self._data.get(key)
                if value is not None:
                    self._data.move_to_end(key)
                found.append(value)
        return found

    def put(self, key: Hashable, value: Any) -> None:
        self.get_or_compute(key, lambda: value)

    def clear(self) -> None:
        with self._lock:
            self._data.clear()

    def __len__(self) -> int:
        return len(self._data)


#: Counts and cells of released cycles, computed once per process.
KEPT_FIGURES = KeptFigures()
#: Parts of pages showing them: larger (about 20 KB each), so fewer are kept.
KEPT_PAGE_PARTS = KeptFigures(max_entries=2_000)


def final_key(cycle) -> tuple | None:
    """The cycle's identity when its respondents can never change (released and
    closed), else None: then nothing about it is kept."""
    if not (cycle.is_released and cycle.has_ended):
        return None
    return (cycle.id, cycle.public_token, cycle.version_id)


def kept_for(cycle, what: tuple, compute: Callable[[], Any]) -> Any:
    """``compute()``, kept for a released cycle under its identity plus ``what``
    (which must name everything else the value depends on)."""
    key = final_key(cycle)
    return compute() if key is None else KEPT_FIGURES.get_or_compute(key + what, compute)


def kept_page_part(cycle, what: tuple, compute: Callable[[], Any]) -> Any:
    """Like ``kept_for``, in the smaller store for rendered HTML."""
    key = final_key(cycle)
    return compute() if key is None else KEPT_PAGE_PARTS.get_or_compute(key + what, compute)
