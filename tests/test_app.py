"""The app factory, configuration, security headers, CSRF and error pages."""

from __future__ import annotations

import re

import pytest

from wsdialog import config, create_app
from wsdialog.extensions import db
from wsdialog.models import Role

from . import factories as f


def test_a_secret_key_is_generated_once_into_the_instance_folder(tmp_path):
    env: dict[str, str] = {}
    first = config.load(str(tmp_path), env)["SECRET_KEY"]
    assert len(first) > 40
    assert config.load(str(tmp_path), env)["SECRET_KEY"] == first
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


@pytest.mark.parametrize("env", [
    {"WSDIALOG_ENV": "production", "WSDIALOG_SECRET_KEY": config.DEFAULT_SECRET_KEY},
    {"WSDIALOG_ENV": "production"},
])
def test_production_refuses_a_missing_or_default_secret_key(tmp_path, env):
    with pytest.raises(config.ConfigError):
        config.load(str(tmp_path), env)
    assert not (tmp_path / "secret_key").exists()


def test_production_cookies_are_secure(tmp_path):
    settings = config.load(str(tmp_path), {"WSDIALOG_ENV": "production",
                                           "WSDIALOG_SECRET_KEY": "a real secret"})
    assert settings["SESSION_COOKIE_SECURE"] and settings["SESSION_COOKIE_HTTPONLY"]
    assert settings["SESSION_COOKIE_SAMESITE"] == "Lax"
    assert settings["SESSION_COOKIE_NAME"] == "__Host-wsdialog_session"
    assert settings["HSTS"] == "max-age=31536000"
    development = config.load(str(tmp_path), {})
    assert development["SESSION_COOKIE_NAME"] == "wsdialog_session"  # plain HTTP works
    assert development["HSTS"] == ""


def test_production_sends_hsts_and_a_host_only_cookie(app, as_user):
    from . import factories as f

    user = f.user(company=f.company(), email="eva@example.org")
    db.session.commit()
    assert "Strict-Transport-Security" not in as_user(user).get("/").headers
    app.config.update(HSTS="max-age=31536000", SESSION_COOKIE_SECURE=True,
                      SESSION_COOKIE_NAME="__Host-wsdialog_session")
    client = app.test_client()
    response = client.post("/login", data={"email": "eva@example.org", "password": f.PASSWORD},
                           base_url="https://wsdialog.test")
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000"
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith("__Host-wsdialog_session=") and "Secure" in cookie
    assert "Path=/" in cookie and "Domain" not in cookie


def test_database_url_defaults_to_sqlite_in_the_instance_folder(tmp_path):
    assert config.load(str(tmp_path), {})["SQLALCHEMY_DATABASE_URI"] == (
        f"sqlite:///{tmp_path}/wsdialog.sqlite")
    url = config.load(str(tmp_path), {"WSDIALOG_DATABASE_URL": "postgresql://u@h/db"})
    assert url["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://u@h/db"


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(tmp_path, monkeypatch):
    monkeypatch.setenv("WSDIALOG_INSTANCE_PATH", str(tmp_path))
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/x.sqlite"})
    with app.app_context():
        assert db.session.execute(db.text("PRAGMA journal_mode")).scalar() == "wal"
        assert db.session.execute(db.text("PRAGMA busy_timeout")).scalar() == 30000
        assert db.session.execute(db.text("PRAGMA foreign_keys")).scalar() == 1
        db.engine.dispose()


def test_pages_carry_a_strict_content_security_policy_and_are_not_cached(client):
    response = client.get("/login")
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert "HX-Request" in response.headers["Vary"]
    assert "<script>" not in response.get_data(as_text=True)  # no inline script
    assert " style=" not in response.get_data(as_text=True)  # no inline style


def test_htmx_is_served_from_our_own_static_folder(client):
    body = client.get("/login").get_data(as_text=True)
    src = re.search(r'<script src="(/static/vendor/htmx-2\.0\.11\.min\.[0-9a-f]{12}\.js)" '
                    r'defer>', body).group(1)
    response = client.get(src)
    assert response.status_code == 200
    assert b"htmx" in response.data


def test_unknown_pages_get_a_friendly_404(client):
    response = client.get("/no/such/page")
    assert response.status_code == 404
    assert "We could not find this page" in response.get_data(as_text=True)


class TestCsrf:
    @pytest.fixture
    def app_config(self, app_config):
        return {**app_config, "WTF_CSRF_ENABLED": True}

    def test_a_post_without_token_changes_nothing_and_explains(self, app, as_user):
        user = f.user(company=f.company(), name="Before")
        db.session.commit()
        client = as_user(user)
        response = client.post("/account", data={"name": "After", "locale": "en"},
                               headers={"Referer": "http://wsdialog.test/account"})
        assert response.status_code == 303
        assert "Your form expired" in client.get("/account").get_data(as_text=True)
        assert db.session.get(type(user), user.id).name == "Before"

    def test_htmx_requests_need_the_token_too(self, app, as_user):
        user = f.user(company=f.company())
        supplier = f.supplier(user.company)
        db.session.commit()
        client = as_user(user)
        response = client.post(f"/suppliers/{supplier.id}/contacts", data={"name": "X"},
                               headers={"HX-Request": "true"})
        assert response.status_code == 303  # refused, redirected with a message
        body = client.get(f"/suppliers/{supplier.id}").get_data(as_text=True)
        token = body.split('"X-CSRFToken": "')[1].split('"')[0]
        response = client.post(f"/suppliers/{supplier.id}/contacts", data={"name": "X"},
                               headers={"HX-Request": "true", "X-CSRFToken": token})
        assert response.status_code == 200 and "X" in response.get_data(as_text=True)


def test_flask_cli_creates_a_coordinator(app):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["create-coordinator", "--email", "Sanne@MSI.example",
                                 "--name", "Sanne", "--password", "a long password"])
    assert result.exit_code == 0, result.output
    common = runner.invoke(args=["create-coordinator", "--email", "jan@msi.example",
                                 "--name", "Jan", "--password", "qwertyuiop"])
    assert common.exit_code != 0 and "common" in common.output
    from wsdialog.invitations import existing_account

    assert existing_account("sanne@msi.example").role is Role.coordinator
    again = runner.invoke(args=["create-coordinator", "--email", "sanne@msi.example",
                                "--name", "S", "--password", "a long password"])
    assert again.exit_code != 0


def test_demo_data_loads_once_and_tells_how_to_log_in(app):
    runner = app.test_cli_runner()
    first = runner.invoke(args=["demo-data", "--if-empty"])
    assert "wsdialog-demo" in first.output and "eva@noordwind.example" in first.output
    second = runner.invoke(args=["demo-data", "--if-empty"])
    assert "not loaded" in second.output


def test_every_link_between_packages_is_wired_at_start_up(app):
    from dataclasses import fields

    from wsdialog.links import KEY, Links

    wired = app.extensions[KEY]
    assert all(callable(getattr(wired, field.name)) for field in fields(Links))
    with pytest.raises(TypeError):  # a link left out fails when the app starts
        Links(answer_history=len, open_tasks=len, cycle_languages=len)
    with pytest.raises(TypeError):
        Links(answer_history=len, open_tasks=len, cycle_languages=len, agreements_for=None)
