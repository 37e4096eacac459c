"""Time zones per country, from the IANA database shipped by ``tzdata``.
No Flask here."""

from __future__ import annotations

from functools import cache
from importlib import resources
from zoneinfo import available_timezones


@cache
def _zone_table() -> dict[str, tuple[str, ...]]:
    table: dict[str, list[str]] = {}
    text = resources.files("tzdata").joinpath("zoneinfo", "zone.tab").read_text("utf-8")
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        code, _coords, zone, *_ = line.split("\t")
        table.setdefault(code, []).append(zone)
    return {code: tuple(sorted(zones)) for code, zones in table.items()}


@cache
def all_timezones() -> tuple[str, ...]:
    return tuple(sorted(z for z in available_timezones() if "/" in z and not
                        z.startswith(("Etc/", "SystemV/", "US/", "posix/", "right/"))))


def timezones_for(country: str | None) -> tuple[str, ...]:
    """The zones of ``country`` (ISO alpha-2), or every zone when unknown."""
    return _zone_table().get((country or "").upper()) or all_timezones()


def is_valid_timezone(zone: str) -> bool:
    return zone in all_timezones()
