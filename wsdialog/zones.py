"""Time zones per country, from the IANA database shipped by ``tzdata``, and
the places they are named after, in the reader's language (Babel). No Flask here."""

from __future__ import annotations

from functools import cache, lru_cache
from importlib import resources
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from babel.core import UnknownLocaleError
from babel.dates import get_timezone_location


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


def zones_of(country: str | None) -> tuple[str, ...]:
    """The zones of ``country`` (ISO alpha-2); none when unknown."""
    return _zone_table().get((country or "").upper(), ())


def is_valid_timezone(zone: str) -> bool:
    return zone in all_timezones()


def place_name(timezone: str | None, locale: str | None = None) -> str:
    """The place a zone is named after, as people say it ("Amsterdam" for
    Europe/Amsterdam), in ``locale`` when Babel knows it."""
    name = timezone or "UTC"
    if "/" not in name:
        return name  # UTC
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return "UTC"
    try:
        return get_timezone_location(name, locale=locale or "en", return_city=True)
    except (LookupError, ValueError, UnknownLocaleError):
        return name.rsplit("/", 1)[-1].replace("_", " ")


@lru_cache(maxsize=16)
def _labels(locale: str) -> dict[str, str]:
    return {z: f"{place_name(z, locale)} · {z.replace('_', ' ')}" for z in all_timezones()}


def zone_choices(country: str | None, locale: str | None = None) -> list[tuple[str, str]]:
    """(zone, "Amsterdam · Europe/Amsterdam") for a select, by place name: the
    zones of ``country``, or every zone when the country is not given or unknown."""
    labels = _labels(locale or "en")
    zones = timezones_for(country) if country else all_timezones()
    return sorted(((z, labels.get(z, z)) for z in zones), key=lambda choice: choice[1].casefold())
