"""Every page is valid HTML, as the W3C Nu HTML Checker reads it.

A label points at its field by id, and a screen reader names a region from its
attributes: a repeated id or a misplaced attribute sends them to the wrong place
without anyone seeing it. The walk of test_reads (every GET route, as each role,
on company B's world with released, closed and open cycles) is saved to files,
and the checker (vnu.jar, Java; scripts/setup-venv test installs it, Java comes
from scripts/system-packages) reads them all in one run.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from wsdialog.extensions import db

from . import factories as f
from .test_reads import ROLES, _get_urls
from .test_reads import read_world as read_world  # a fixture, reused
from .test_tenancy import ROUTES

VNU = Path(__file__).resolve().parent.parent / "node_modules/vnu-jar/build/dist/vnu.jar"


@pytest.fixture
def app_config(app_config):
    # With the CSRF tokens in the forms, as they are served.
    return {**app_config, "FIXED_TODAY": "2027-09-01", "WTF_CSRF_ENABLED": True}


def _checker() -> list[str]:
    java = shutil.which("java")
    if not java or not VNU.exists():
        pytest.fail(f"The HTML checker needs Java and {VNU}: run scripts/system-packages and "
                    "scripts/setup-venv test (scripts/test runs both).")
    return [java, "-jar", str(VNU)]


def _pages(app, world, as_user) -> dict[str, str]:
    """{name: HTML} for every page the roles open."""
    # An open cycle, so that the survey shows its questions.
    open_cycle = f.cycle(world.b, world.site_b, world.cycle_b.version,
                         starts_on=date(2027, 8, 25), ends_on=date(2027, 9, 14),
                         languages=("en", "vi"))
    db.session.commit()
    endpoints = sorted({rule.endpoint for rule in app.url_map.iter_rules()
                        if "GET" in rule.methods} - {"static"})
    pages, seen = {}, set()
    for role in ROLES:
        client = app.test_client() if role == "anonymous" else as_user(getattr(world, role))
        urls = [url for endpoint in endpoints
                for url in _get_urls(app, world, endpoint, ROUTES[endpoint][1])]
        if role == "anonymous":
            urls += [f"/s/{open_cycle.public_token}", f"/s/{open_cycle.public_token}?lang=vi"]
        for url in urls:
            response = client.get(url)
            # Pages, and one error page of each kind (the others differ in the
            # address only); not redirects.
            kind = response.status_code if response.status_code >= 400 else url
            if response.mimetype != "text/html" or 300 <= response.status_code < 400 \
                    or (role, kind) in seen:
                continue
            seen.add((role, kind))
            body = response.get_data(as_text=True)
            if not body.lstrip().lower().startswith("<!doctype"):
                # A part that htmx puts into a page: checked as the page's body.
                body = f"<!doctype html><html lang=en><title>{url}</title>{body}</html>"
            pages[f"{role} {url} ({response.status_code})"] = body
    return pages


def _one_line(text: str) -> str:
    return " ".join(text.split())


def test_every_page_is_valid_html(app, read_world, as_user, tmp_path):
    checker = _checker()
    pages = _pages(app, read_world, as_user)
    assert len(pages) > 100
    names = {}
    for number, (name, body) in enumerate(pages.items()):
        path = tmp_path / f"page{number}.html"
        path.write_text(body)
        names[path.name] = name
    run = subprocess.run([*checker, "--format", "json", "--errors-only", "--skip-non-html",
                          str(tmp_path)], capture_output=True, text=True, timeout=120)
    messages = json.loads(run.stderr)["messages"]
    errors = sorted(f"{names.get(Path(m.get('url', '')).name, m.get('url'))} line "
                    f"{m.get('lastLine')}: {m['message']}  [{_one_line(m.get('extract', ''))}]"
                    for m in messages if m["type"] != "info")
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(errors)
