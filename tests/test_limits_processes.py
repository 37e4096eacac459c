"""Rate limits hold across server processes when they share Redis: a real
gunicorn with two workers and a real redis-server (started here; scripts/test
installs Debian's). With the default in-memory storage each process would
count alone and let twice as many attempts through."""

from __future__ import annotations

import http.cookiejar
import re
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from wsdialog.extensions import db

from . import factories as f
from .servers import app_env, start_gunicorn, stop

#: Each test starts real server processes.
pytestmark = pytest.mark.slow

LIMIT = 3


def _gunicorn(database_url: str, tmp_path: Path, storage: str):
    return start_gunicorn(app_env(database_url, tmp_path, RATELIMIT_STORAGE_URI=storage,
                                  LOGIN_RATE_LIMIT=f"{LIMIT} per minute"))


def _attempt(base: str) -> int:
    """One login attempt by a new browser (its own cookies and form token), on a
    new connection: the two workers share the attempts."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(f"{base}/login", timeout=10).read().decode()
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    data = urllib.parse.urlencode({"csrf_token": token, "email": "eva@noordwind.example",
                                   "password": "not the password"}).encode()
    try:
        return opener.open(f"{base}/login", data=data, timeout=10).status
    except urllib.error.HTTPError as error:
        return error.code


def test_login_attempts_are_counted_across_processes_in_redis(app, database_url,
                                                              tmp_path, redis_url):
    f.user(company=f.company("Noordwind"), email="eva@noordwind.example")
    db.session.commit()
    server, base = _gunicorn(database_url, tmp_path, redis_url)
    try:
        codes = [_attempt(base) for _ in range(3 * LIMIT)]
    finally:
        stop(server)
    assert codes.count(200) == LIMIT and codes.count(429) == 2 * LIMIT
