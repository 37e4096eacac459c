"""The shipped settings file and nginx site agree with the app, and `flask
static-files` writes what the site serves."""

from __future__ import annotations

import gzip
import re
import shlex
from pathlib import Path

import brotli
from flask import url_for

from wsdialog import config

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"


def _settings() -> dict[str, str]:
    """/etc/wsdialog/env as systemd and the shell read it."""
    lines = (DEPLOY / "env.example").read_text().splitlines()
    return dict(shlex.split(line)[0].split("=", 1) for line in lines
                if line.strip() and not line.startswith("#"))


def test_the_settings_file_starts_a_production_app_behind_one_proxy(tmp_path):
    settings = config.load(str(tmp_path), _settings())
    assert settings["WSDIALOG_ENV"] == "production" and settings["PROXIES"] == 1
    assert settings["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg:///wsdialog"
    assert settings["RATELIMIT_STORAGE_URI"].startswith("redis://")
    assert settings["MAIL_FROM"] == "wsdialog <no-reply@wsdialog.example.org>"


def test_nginx_lets_a_little_more_through_than_the_app():
    """The app's refusal (in the user's language) comes first; nginx's own after."""
    site = (DEPLOY / "nginx" / "wsdialog.conf").read_text()
    nginx_mb = int(re.search(r"client_max_body_size (\d+)m;", site).group(1))
    app_mb = int(_settings()["WSDIALOG_MAX_UPLOAD_MB"])
    assert app_mb < nginx_mb <= app_mb + 2


def test_static_files_are_written_under_the_names_pages_link(app, tmp_path):
    result = app.test_cli_runner().invoke(args=["static-files", str(tmp_path)])
    assert result.exit_code == 0, result.output
    linked = url_for("static", filename="css/app.css").removeprefix("/static/")
    assert re.fullmatch(r"css/app\.[0-9a-f]{12}\.css", linked)
    plain = (tmp_path / linked).read_bytes()
    assert plain == (Path(app.static_folder) / "css" / "app.css").read_bytes()
    assert gzip.decompress((tmp_path / f"{linked}.gz").read_bytes()) == plain
    assert brotli.decompress((tmp_path / f"{linked}.br").read_bytes()) == plain
    assert not (tmp_path / "css" / "app.css").exists()  # plain names stay the app's
    # Run again (the next release): nothing breaks, nothing half-written is left.
    assert app.test_cli_runner().invoke(args=["static-files", str(tmp_path)]).exit_code == 0
    assert not list(tmp_path.rglob(".*.tmp"))
