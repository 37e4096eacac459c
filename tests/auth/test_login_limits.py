"""Login limits behind a reverse proxy: each client is counted by the address
the proxy saw (only when WSDIALOG_PROXIES says a proxy is there), and guessing
one account's password from one address is slowed without locking its owner
out elsewhere. Real X-Forwarded-For headers, the real limiter."""

from __future__ import annotations

import pytest

from wsdialog import config
from wsdialog.extensions import db, limiter

from .. import factories as f

ATTACKER, OWNER = "203.0.113.5", "198.51.100.7"
#: The proxy itself: every request reaches the app from this address.
PROXY = "10.0.0.2"


@pytest.fixture
def proxies():
    return 1


@pytest.fixture
def app_config(app_config, proxies):
    return {**app_config, "RATELIMIT_ENABLED": True, "LOGIN_RATE_LIMIT": "6 per minute",
            "LOGIN_ACCOUNT_RATE_LIMIT": "3 per minute", "PROXIES": proxies}


@pytest.fixture
def eva(app):
    limiter.reset()
    user = f.user(company=f.company("Noordwind"), email="eva@noordwind.example", name="Eva")
    db.session.commit()
    yield user
    limiter.reset()


#: What a guesser tries.
WRONG = "wrong password"


def _login(app, client_address, email="eva@noordwind.example", password=WRONG,
           forwarded=None):
    """A login through the proxy, from ``client_address`` (the proxy appends it)."""
    client = app.test_client()
    return client.post("/login", data={"email": email, "password": password},
                       environ_base={"REMOTE_ADDR": PROXY},
                       headers={"X-Forwarded-For": forwarded or client_address}).status_code


def test_behind_a_proxy_each_client_has_its_own_login_bucket(app, eva):
    codes = [_login(app, ATTACKER, email=f"guess{i}@example.org") for i in range(7)]
    assert codes == [200] * 6 + [429]
    assert _login(app, OWNER, password=f.PASSWORD) == 303


def test_a_forwarded_address_counts_only_the_hops_of_the_configured_proxies(app, eva):
    """The client may send an X-Forwarded-For of its own; the proxy appends the
    real address, and only that last hop is trusted."""
    codes = [_login(app, ATTACKER, email=f"guess{i}@example.org",
                     forwarded=f"192.0.2.{i}, {ATTACKER}") for i in range(7)]
    assert codes[-1] == 429


@pytest.mark.parametrize("proxies", [0])
def test_without_a_configured_proxy_a_forwarded_address_is_not_believed(app, eva):
    codes = [_login(app, ATTACKER, email=f"guess{i}@example.org",
                    forwarded=f"192.0.2.{i}") for i in range(7)]
    assert codes[-1] == 429


def test_guessing_one_accounts_password_is_slowed_but_its_owner_logs_in_elsewhere(app, eva):
    assert [_login(app, ATTACKER) for _ in range(3)] == [200, 200, 200]
    # Even the right password waits, from that address, for that account.
    assert _login(app, ATTACKER, password=f.PASSWORD) == 429
    assert _login(app, ATTACKER, email="other@example.org") == 200
    assert _login(app, OWNER, password=f.PASSWORD) == 303


def test_successful_logins_do_not_count_against_the_account(app, eva):
    assert [_login(app, OWNER, password=f.PASSWORD) for _ in range(4)] == [303] * 4
    assert [_login(app, OWNER) for _ in range(2)] == [200, 200]


@pytest.mark.parametrize(("value", "count"), [(None, 0), ("2", 2), ("-1", None), ("x", None)])
def test_the_proxies_setting(tmp_path, value, count):
    env = {} if value is None else {"WSDIALOG_PROXIES": value}
    if count is None:
        with pytest.raises(config.ConfigError):
            config.load(str(tmp_path), env)
    else:
        assert config.load(str(tmp_path), env)["PROXIES"] == count
