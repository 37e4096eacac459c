"""Marking texts for translation in modules that must not import Flask.

``N_("…")`` returns its argument unchanged; ``flask translate extract`` collects
it, and the template that shows the text translates it with ``_()``.
"""


def N_(message: str) -> str:  # noqa: N802 (the gettext convention)
    return message
