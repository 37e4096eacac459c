"""Behind a reverse proxy (WSDIALOG_PROXIES=1) the app sees the client as the
proxy saw it: its address from X-Forwarded-For (the login limits key on it), its
scheme from X-Forwarded-Proto (secure cookies, HSTS, links built with https).
Without the setting, the same headers change nothing: a client cannot pass for
another address, nor make the app believe in HTTPS. Real headers through the
WSGI stack (werkzeug's ProxyFix); tests/deploy/ puts a real nginx in front."""

from __future__ import annotations

import io
import re

import pytest

from wsdialog.extensions import db, limiter

from . import factories as f

#: Where every request comes from, seen from the app: the proxy.
PROXY = "10.0.0.2"
CLIENT, OTHER = "203.0.113.5", "198.51.100.7"


@pytest.fixture
def proxies():
    return 1


@pytest.fixture
def app_config(app_config, proxies):
    # As in production: secure cookies, HSTS, the form token and its HTTPS
    # Referer check on.
    return {**app_config, "PROXIES": proxies, "WTF_CSRF_ENABLED": True,
            "RATELIMIT_ENABLED": True, "LOGIN_RATE_LIMIT": "2 per minute",
            "HSTS": "max-age=31536000", "SESSION_COOKIE_SECURE": True,
            "SESSION_COOKIE_NAME": "__Host-wsdialog_session"}


@pytest.fixture
def eva(app):
    """Eva, with no login attempt counted yet (the limiter's memory is the process's)."""
    limiter.reset()
    user = f.user(company=f.company("Noordwind"), email="eva@noordwind.example")
    db.session.commit()
    return user


def through_proxy(client, method, path, client_address=CLIENT, scheme="https", **kwargs):
    """A request as nginx passes it on: from the proxy's address, over plain
    HTTP, with the client's address and scheme in the forwarded headers."""
    headers = {"X-Forwarded-For": client_address, "X-Forwarded-Proto": scheme,
               **kwargs.pop("headers", {})}
    return client.open(path, method=method, environ_base={"REMOTE_ADDR": PROXY},
                       headers=headers, **kwargs)


def log_in(client, **kwargs):
    page = through_proxy(client, "GET", "/login", **kwargs).get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    return through_proxy(client, "POST", "/login", **kwargs,
                         data={"csrf_token": token, "email": "eva@noordwind.example",
                               "password": f.PASSWORD},
                         headers={"Referer": "https://wsdialog.test/login"})


def test_over_https_at_the_proxy_the_login_sets_a_secure_cookie_and_hsts(app, eva):
    response = log_in(app.test_client())
    # The form token's Referer check (HTTPS only) passed: the login went through.
    assert response.status_code == 303
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000"
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith("__Host-wsdialog_session=") and "Secure" in cookie


def test_links_the_app_builds_carry_the_clients_scheme(app, eva, as_user):
    cycle = _cycle(eva)
    page = through_proxy(as_user(eva), "GET", f"/cycles/{cycle.id}/invitation")
    assert page.status_code == 200
    assert f"https://wsdialog.test/s/{cycle.public_token}" in page.get_data(as_text=True)


def test_each_client_address_has_its_own_login_limit(app, eva):
    codes = [log_in(app.test_client()).status_code for _ in range(3)]
    assert codes == [303, 303, 429]  # 2 per minute
    assert log_in(app.test_client(), client_address=OTHER).status_code == 303


@pytest.mark.parametrize("proxies", [0])
class TestWithoutAProxy:
    """WSDIALOG_PROXIES=0: the forwarded headers are anyone's to send."""

    def test_a_forwarded_address_is_not_believed(self, app, eva):
        assert [log_in(app.test_client()).status_code for _ in range(2)] == [303, 303]
        # Another address in X-Forwarded-For: the same client to the app.
        assert log_in(app.test_client(), client_address=OTHER).status_code == 429

    def test_a_forwarded_scheme_is_not_believed(self, app, eva, as_user):
        response = log_in(app.test_client())
        assert "Strict-Transport-Security" not in response.headers
        cycle = _cycle(eva)
        page = through_proxy(as_user(eva), "GET", f"/cycles/{cycle.id}/invitation")
        assert f"http://wsdialog.test/s/{cycle.public_token}" in page.get_data(as_text=True)


def _cycle(eva):
    company = eva.company
    cycle = f.cycle(company, f.site(f.supplier(company)), f.published(company, "Survey"))
    db.session.commit()
    return cycle


def test_a_refused_large_body_is_read_out_so_the_connection_closes_cleanly():
    """A server closing a connection with unread data resets it: nginx, still
    sending, would answer 502 instead of the app's page saying the limit."""
    from wsdialog.web import drain_refused_body

    body = io.BytesIO(b"x" * 300_000)
    drain_refused_body({"wsgi.input": body, "CONTENT_LENGTH": "300000"}, up_to=400_000)
    assert body.tell() == 300_000
    # Far over the limit, or of no stated length: left alone (the reset is then fine).
    for length in ("900000", "", "junk"):
        body = io.BytesIO(b"x" * 300_000)
        drain_refused_body({"wsgi.input": body, "CONTENT_LENGTH": length}, up_to=400_000)
        assert body.tell() == 0
