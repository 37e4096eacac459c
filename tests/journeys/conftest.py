"""Real-browser journeys: Debian's Chromium driven by Playwright, against the
app served by a real HTTP server in a thread, with CSRF on, on a SQLite file.
Skipped on the PostgreSQL run (the browser adds nothing there)."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from werkzeug.serving import make_server

CHROMIUM = "/usr/bin/chromium"

pytestmark = pytest.mark.browser


def pytest_collection_modifyitems(items):
    for item in items:
        if "journeys" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            if os.environ.get("WSDIALOG_TEST_DATABASE_URL"):
                item.add_marker(pytest.mark.skip(reason="browser journeys run on SQLite"))


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    # `playwright install` cannot download browsers here: use Debian's Chromium.
    return {**browser_type_launch_args, "executable_path": CHROMIUM,
            "args": ["--headless", "--no-sandbox", "--disable-gpu",
                     "--disable-background-networking", "--disable-component-update",
                     "--disable-sync", "--no-first-run"]}


@pytest.fixture
def app_config(app_config):
    config = {**app_config, "WTF_CSRF_ENABLED": True}
    config.pop("SERVER_NAME")  # the browser uses 127.0.0.1
    return config


@contextmanager
def serving(app) -> Iterator[str]:
    """``app`` on a free port in a thread; gives its base URL."""
    httpd = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}"
    finally:
        httpd.shutdown()
        thread.join()


@pytest.fixture
def server(app):
    """The app on a free port; yields its base URL."""
    with serving(app) as url:
        yield url


@pytest.fixture
def problems(page):
    """Console errors and CSP violations seen by the page; must stay empty."""
    seen: list[str] = []
    page.on("console", lambda m: seen.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: seen.append(str(e)))
    return seen


@pytest.fixture
def no_js_page(browser):
    context = browser.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()


def log_in(page, server, email, password):
    page.goto(f"{server}/login")
    page.fill("#email", email)
    page.fill("#password", password)
    page.click("main input[type=submit]")
    page.wait_for_url(f"{server}/")
