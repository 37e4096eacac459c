"""Text helpers for modules that must not import Flask.

``N_("…")`` marks a text for translation: it returns its argument unchanged;
``flask translate extract`` collects it, and the template that shows the text
translates it with ``_()``. ``without_control_characters`` cleans what people type.
"""

from __future__ import annotations

import re

#: C0 controls but tab, line feed and carriage return; DEL and the C1 controls;
#: and the two code points XML 1.0 forbids. None is ever typed on purpose, and
#: each can break something downstream (XLSX and XML refuse them, terminals obey them).
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def N_(message: str) -> str:  # noqa: N802 (the gettext convention)
    return message


def without_control_characters(value: str) -> str:
    """``value`` with control characters removed (tabs and line breaks stay)."""
    return CONTROL_CHARACTERS.sub("", value)
