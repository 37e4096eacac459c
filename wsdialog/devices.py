"""A few words naming a browser and its system, from its User-Agent header, so
that people recognise their own sessions ("Firefox on Windows"). No Flask.

Only the family names are kept: no versions and no IP address, nothing that
tells more about a person than they need to see.
"""

from __future__ import annotations

#: Checked in order: Edge and Opera say "Chrome" too, Chrome says "Safari".
BROWSERS = (("Edg", "Edge"), ("OPR/", "Opera"), ("Opera", "Opera"),
            ("SamsungBrowser", "Samsung Internet"), ("Firefox", "Firefox"),
            ("FxiOS", "Firefox"), ("CriOS", "Chrome"), ("Chromium", "Chromium"),
            ("Chrome", "Chrome"), ("Safari", "Safari"))
SYSTEMS = (("Windows", "Windows"), ("iPhone", "iPhone"), ("iPad", "iPad"),
           ("Android", "Android"), ("CrOS", "ChromeOS"), ("Mac OS X", "macOS"),
           ("Macintosh", "macOS"), ("Linux", "Linux"))


def _first(user_agent: str, names) -> str:
    return next((name for marker, name in names if marker in user_agent), "")


def summary(user_agent: str | None) -> str:
    """Like "Firefox on Windows", "Chrome", "Android", or "" when unknown."""
    user_agent = user_agent or ""
    browser, system = _first(user_agent, BROWSERS), _first(user_agent, SYSTEMS)
    if browser and system:
        return f"{browser} on {system}"
    return browser or system
