"""Rate limits hold across server processes when they share Redis: a real
gunicorn with two workers and a real redis-server (started here; scripts/test
installs Debian's). With the default in-memory storage each process would
count alone and let twice as many attempts through."""

from __future__ import annotations

import http.cookiejar
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from wsdialog.extensions import db

from . import factories as f

#: Each test starts real server processes.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
LIMIT = 3


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(port: int) -> None:
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing listens on {port}")


@pytest.fixture
def redis_url(tmp_path):
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server is not installed (scripts/test installs it)")
    port = _free_port()
    server = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1",
                               "--save", "", "--appendonly", "no", "--dir", str(tmp_path)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for(port)
        yield f"redis://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def _gunicorn(database_url: str, tmp_path: Path, storage: str):
    port = _free_port()
    env = {**os.environ, "WSDIALOG_DATABASE_URL": database_url,
           "WSDIALOG_SECRET_KEY": "test-secret-key",
           "WSDIALOG_INSTANCE_PATH": str(tmp_path / "instance"),
           "WSDIALOG_RATELIMIT_STORAGE_URI": storage,
           "WSDIALOG_LOGIN_RATE_LIMIT": f"{LIMIT} per minute"}
    server = subprocess.Popen(
        [str(Path(sys.executable).with_name("gunicorn")), "--workers", "2",
         "--bind", f"127.0.0.1:{port}", "wsgi:app"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _wait_for(port)
    return server, f"http://127.0.0.1:{port}"


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
        server.terminate()
        server.wait(timeout=10)
    assert codes.count(200) == LIMIT and codes.count(429) == 2 * LIMIT
