"""Colours that carry meaning reach 3:1 against what they are drawn on (WCAG
1.4.11, non-text contrast): the focus ring on every page, and the green, orange
and red of the results bars and their legend. The colours are read from the
stylesheets themselves, where each is kept once as a custom property."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

CSS = Path(__file__).resolve().parent.parent / "static" / "css"

#: stylesheet -> colour -> the backgrounds it is drawn against there.
AGAINST = {
    "app.css": {
        "--focus": ("--card", "--bg", "--accent-soft", "--warn-soft", "--bad-soft", "--header"),
        "--bar-pos": ("--card", "--bg"),
        "--bar-dk": ("--card", "--bg"),
        "--bar-neg": ("--card", "--bg"),
        "--field-line": ("--card", "--bg"),
    },
    "survey.css": {"--focus": ("--card", "--bg", "--chosen"), "--field-line": ("--card", "--bg")},
    "poster.css": {"--focus": ("--card", "--bg", "--header")},
}


def luminance(colour: str) -> float:
    """Relative luminance of a #rgb or #rrggbb colour (WCAG 2.x)."""
    hex_ = colour.lstrip("#")
    if len(hex_) == 3:
        hex_ = "".join(c * 2 for c in hex_)
    channels = [int(hex_[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def css(name: str) -> str:
    return (CSS / name).read_text(encoding="utf-8")


def custom_properties(text: str) -> dict[str, str]:
    """The colours set in the stylesheet's :root rules."""
    found = {}
    for block in re.findall(r":root\s*\{([^}]*)\}", text):
        found |= dict(re.findall(r"(--[\w-]+)\s*:\s*(#[0-9a-fA-F]{3,6})\b", block))
    return found


def test_the_contrast_formula_matches_wcag_reference_values():
    assert contrast("#000", "#fff") == pytest.approx(21)
    assert contrast("#fff", "#fff") == pytest.approx(1)
    assert contrast("#767676", "#fff") == pytest.approx(4.54, abs=0.01)  # the known AA grey


COLOUR = st.from_regex(r"#[0-9a-f]{6}", fullmatch=True)


@given(COLOUR, COLOUR)
def test_contrast_is_symmetric_and_between_1_and_21(a, b):
    assert contrast(a, b) == pytest.approx(contrast(b, a))
    assert 1 <= contrast(a, b) <= 21 + 1e-9


@pytest.mark.parametrize("sheet", AGAINST)
def test_meaningful_colours_reach_3_to_1_against_their_backgrounds(sheet):
    colours = custom_properties(css(sheet))
    too_low = [f"{name} {colours[name]} on {bg} {colours[bg]}: "
               f"{contrast(colours[name], colours[bg]):.2f}"
               for name, backgrounds in AGAINST[sheet].items() for bg in backgrounds
               if contrast(colours[name], colours[bg]) < 3]
    assert too_low == []


@pytest.mark.parametrize("sheet", AGAINST)
def test_the_focus_ring_uses_the_checked_colour(sheet):
    rule = re.search(r"(?m)^:focus-visible\s*\{([^}]*)\}", css(sheet))
    assert rule and re.search(r"outline:\s*\d+px solid var\(--focus\)", rule.group(1))
    # No other rule draws a focus ring of another colour.
    assert not re.search(r"outline(-color)?:[^;}]*#[0-9a-fA-F]", css(sheet))


def test_the_bars_and_legend_use_the_checked_colours_with_a_gap_between_parts():
    text = css("app.css")
    for part in ("pos", "dk", "neg"):
        rule = re.search(rf"\.share-bar \.{part}, \.key\.{part} \{{([^}}]*)\}}", text)
        assert rule, part
        assert f"fill: var(--bar-{part})" in rule.group(1)
        assert f"background: var(--bar-{part})" in rule.group(1)
    # Side by side the three are too alike in lightness (under 3:1 to each
    # other): a stroke of the card's colour keeps the parts apart.
    gap = re.search(r"\.share-bar rect \{([^}]*)\}", text)
    assert gap and "stroke: var(--card)" in gap.group(1)
