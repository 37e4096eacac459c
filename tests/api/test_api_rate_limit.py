"""The API is rate-limited per token (the other tests switch the limiter off)."""

import pytest

from wsdialog.extensions import limiter

from .test_api import _get, _is_problem


@pytest.fixture
def app_config(app_config):
    return {**app_config, "RATELIMIT_ENABLED": True, "API_RATE_LIMIT": "2 per minute"}


def test_the_rate_limit_is_per_token_and_a_problem(app, world, client):
    limiter.reset()
    codes = [_get(client, "/api/v1/agreements", world.token_b_secret).status_code
             for _ in range(3)]
    assert codes == [200, 200, 429]
    _is_problem(_get(client, "/api/v1/agreements", world.token_b_secret), 429)
    assert _get(client, "/api/v1/agreements", world.token_a_secret).status_code == 200
    limiter.reset()
