"""wsdialog: listen to workers in supply chains, and talk with suppliers about it."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import sqlalchemy as sa
from flask import Flask, abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from werkzeug.middleware.proxy_fix import ProxyFix

from . import config as config_module
from . import jobs
from .extensions import babel, compress, csrf, db, htmx, limiter, login_manager, migrate
from .web import IdConverter, drain_refused_body, text_cleaning_request

ROOT = Path(__file__).resolve().parent.parent

#: A strict policy: no inline script or style anywhere, nothing from elsewhere.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'; object-src 'none'"
)


def create_app(test_config: dict | None = None) -> Flask:
    """Create and configure the app. ``test_config`` overrides the environment."""
    app = Flask(
        __name__,
        instance_path=os.environ.get("WSDIALOG_INSTANCE_PATH") or str(ROOT / "instance"),
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
    )
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    app.config.from_mapping(config_module.load(app.instance_path))
    if test_config:
        app.config.from_mapping(test_config)

    if app.config.get("PROXIES"):
        # The client's address (for the login limits) and scheme as the proxies
        # saw them; the last PROXIES hops of X-Forwarded-For are theirs.
        count = app.config["PROXIES"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=count, x_proto=count)

    _init_database(app)
    jobs.init_app(app)
    migrate.init_app(app, db, directory=str(ROOT / "migrations"))
    csrf.init_app(app)
    htmx.init_app(app)
    app.request_class = text_cleaning_request(app.request_class)
    limiter.init_app(app)
    compress.init_app(app)
    _init_static(app)
    _init_login(app)
    _init_i18n(app)
    _init_security_headers(app)
    _init_errors(app)
    app.url_map.converters["int"] = IdConverter
    _register_blueprints(app)
    _wire_links(app)

    from .cli import register as register_cli

    register_cli(app)
    logging.getLogger("wsdialog").setLevel(logging.INFO)
    return app


def _init_database(app: Flask) -> None:
    db.init_app(app)
    if not app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        return
    with app.app_context():

        @sa.event.listens_for(db.engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record):
            cursor = dbapi_connection.cursor()
            # WAL lets readers work while one writer writes; the busy timeout makes
            # a second writer wait instead of failing: long enough for the largest
            # import's single transaction (36,000 respondents: about 9 s), so a
            # worker answering the survey meanwhile waits, and is not refused.
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.close()


def _init_static(app: Flask) -> None:
    """Static files under content-hashed names (``url_for('static', ...)`` links
    them), precompressed, and cached by browsers for a year: see ``assets.py``."""
    from .assets import IMMUTABLE, REVALIDATE, StaticFiles

    files = StaticFiles(app.static_folder, cache=not app.debug)

    @app.url_defaults
    def hashed_static_name(endpoint, values):
        if endpoint == "static" and "filename" in values:
            values["filename"] = files.url_name(values["filename"])

    def static(filename):
        asset, current = files.resolve(filename)
        if asset is None:
            abort(404)
        body, encoding = asset.body_for(request.headers.get("Accept-Encoding", ""))
        response = app.response_class(body, mimetype=asset.mimetype)
        if encoding:
            # flask-compress leaves a response alone that is already encoded.
            response.headers["Content-Encoding"] = encoding
        response.vary.add("Accept-Encoding")
        response.set_etag(f"{asset.digest}-{encoding or 'identity'}")
        response.headers["Cache-Control"] = IMMUTABLE if current else REVALIDATE
        return response.make_conditional(request)

    app.view_functions["static"] = static


def _init_login(app: Flask) -> None:
    from flask_login import current_user

    from .api import is_api_request
    from .api.auth import api_client
    from .auth import sessions

    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = _l("Please log in to see this page.")
    login_manager.login_message_category = "info"
    login_manager.session_protection = "basic"

    @login_manager.user_loader
    def load_user(key: str):
        # The cookie holds a login session's key, not the user's id: ending the
        # session on the server (logout, the account page, deactivation) ends it
        # wherever the cookie is, and so do its idle and absolute time limits.
        if is_api_request():
            return None  # the API never reads the session cookie: tokens only
        return sessions.user_for(key)

    @login_manager.request_loader
    def load_api_client(request):
        # Only for the API, and only from its bearer token: a company's tool,
        # acting as the company's staff within the token's scopes.
        if not is_api_request():
            return None
        return api_client(request.headers.get("Authorization"))

    @app.before_request
    def note_session_in_use():
        # Here, before the view has changed anything, so the commit is its own.
        if request.endpoint != "static" and not is_api_request() \
                and current_user.is_authenticated:
            sessions.touch(current_user.login_session)


def _init_i18n(app: Flask) -> None:
    from . import i18n

    babel.init_app(app, locale_selector=i18n.select_locale,
                   default_translation_directories=str(ROOT / "wsdialog" / "translations"))
    i18n.install(app)


def _init_security_headers(app: Flask) -> None:
    @app.after_request
    def headers(response):
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("X-Frame-Options", "DENY")
        if app.config["HSTS"] and request.is_secure:
            # Over HTTPS only (RFC 6797, 7.2): behind a proxy, the scheme is the
            # one it received, when WSDIALOG_PROXIES says it is there.
            response.headers.setdefault("Strict-Transport-Security", app.config["HSTS"])
        if request.endpoint != "static":
            # Pages carry tenant data: never keep them in shared or disk caches.
            response.headers.setdefault("Cache-Control", "no-store")
        return response


def _init_errors(app: Flask) -> None:
    from .api import is_api_request, problems
    from .web import render

    messages = {
        400: _l("The request could not be understood. Please go back and try again."),
        403: _l("You are not allowed to do this."),
        404: _l("We could not find this page. It may have moved, or you may not have access."),
        405: _l("This page cannot be used that way."),
        429: _l("Too many attempts. Please wait a minute and try again."),
        500: _l("Something went wrong on our side. Please try again later."),
    }

    def handle(error):
        if getattr(error, "code", None) == 413:  # nginx lets a little more through
            drain_refused_body(request.environ, 2 * app.config["MAX_CONTENT_LENGTH"])
        if is_api_request():
            return problems.for_error(error)
        code = getattr(error, "code", 500) or 500
        if code == 413:
            message = _("The file is too large: files of up to %(size)s MB can be uploaded.",
                        size=app.config["MAX_CONTENT_LENGTH"] // 2**20)
        else:
            code = code if code in messages else 500
            message = messages[code]
        return render("errors/error.html", http_status=code, code=code, message=message)

    for code in (*messages, 413):
        app.register_error_handler(code, handle)

    @app.errorhandler(401)
    def unauthorized(error):
        # Only the API answers 401 (pages send people to the login form).
        return problems.for_error(error) if is_api_request() else error

    @app.errorhandler(CSRFError)
    def csrf_error(_error):
        if is_api_request():
            # The API is exempt; a POST to it meets CSRF only where no route
            # matched: answer as that route would (405, 404).
            return problems.for_error(request.routing_exception or _error)
        # Most often an expired or missing form token: say so, and let the user
        # send the form again rather than show a bare error page.
        flash(_("Your form expired. Please try again."), "error")
        target = request.referrer or url_for("main.home")
        if not target.startswith(request.host_url):
            target = url_for("main.home")
        return redirect(target, code=303)


def _wire_links(app: Flask) -> None:
    """The higher packages' data that lower packages' pages show: see ``links.py``."""
    from .dialogues.queries import agreement_facts, agreements_for, open_tasks
    from .grievances.queries import figures_near, year_overview
    from .links import KEY, Links
    from .results.history import positive_history
    from .surveys.models import languages_offered
    from .surveys.queries import surveyed_by_others

    app.extensions[KEY] = Links(answer_history=positive_history, open_tasks=open_tasks,
                                cycle_languages=languages_offered,
                                agreements_for=agreements_for, agreement_facts=agreement_facts,
                                surveyed_by_others=surveyed_by_others,
                                grievance_figures=figures_near, grievance_year=year_overview)


def _register_blueprints(app: Flask) -> None:
    from .api import bp as api_bp
    from .api import settings_bp as api_settings_bp
    from .auth import bp as auth_bp
    from .chooser import bp as chooser_bp
    from .coordinator import bp as coordinator_bp
    from .dialogues import bp as dialogues_bp
    from .grievances import bp as grievances_bp
    from .main import bp as main_bp
    from .msi import bp as msi_bp
    from .onboarding import bp as onboarding_bp
    from .providers import bp as providers_bp
    from .questionnaires import bp as questionnaires_bp
    from .results import bp as results_bp
    from .suppliers import bp as suppliers_bp
    from .surveys import bp as surveys_bp
    from .team import bp as team_bp

    for bp in (main_bp, auth_bp, coordinator_bp, team_bp, suppliers_bp, chooser_bp,
               onboarding_bp, questionnaires_bp, surveys_bp, results_bp, dialogues_bp, msi_bp,
               providers_bp, grievances_bp, api_bp, api_settings_bp):
        app.register_blueprint(bp)
