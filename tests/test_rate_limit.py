"""Login attempts are rate-limited (the other tests switch the limiter off)."""

import pytest

from wsdialog.extensions import limiter


@pytest.fixture
def app_config(app_config):
    return {**app_config, "RATELIMIT_ENABLED": True, "LOGIN_RATE_LIMIT": "3 per minute"}


def test_login_attempts_are_rate_limited(app, client):
    limiter.reset()
    codes = [client.post("/login", data={"email": "x@example.org", "password": "y"})
             .status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    assert "Too many attempts" in client.post("/login", data={}).get_data(as_text=True)
    assert client.get("/login").status_code == 200  # only attempts are limited
    limiter.reset()


def test_the_rate_limit_page_speaks_the_visitors_language(app, client):
    limiter.reset()
    for _ in range(4):
        response = client.post("/login", data={"email": "x@example.org", "password": "y"},
                               headers={"Accept-Language": "vi"})
    assert response.status_code == 429
    page = response.get_data(as_text=True)
    assert '<html lang="vi"' in page and "Too many attempts" not in page
    limiter.reset()
