"""Fixtures: an app on a real database (SQLite file, or the PostgreSQL server
that scripts/test starts, via WSDIALOG_TEST_DATABASE_URL), clients logged in as
each role, and a two-tenant world for access tests."""

from __future__ import annotations

import os
import shutil
from types import SimpleNamespace

import pytest
import sqlalchemy as sa
from aiosmtpd.controller import Controller
from flask.testing import FlaskClient

from wsdialog import create_app
from wsdialog.extensions import db
from wsdialog.models import Role

from . import factories as f
from .servers import free_port, redis_url  # noqa: F401 (fixture: a redis-server of its own)

POSTGRES_URL = os.environ.get("WSDIALOG_TEST_DATABASE_URL")


@pytest.fixture(scope="session")
def empty_database(tmp_path_factory) -> str:
    """The schema, created once per run; gives the SQLite file holding it (or, on
    PostgreSQL, the server's URL, where it is created in place).

    Session-scoped because creating and dropping the fifty-odd tables took about
    0.3 s a test, longer than most tests themselves: each test's ``app`` now
    starts from an empty copy of this schema (see ``app``), which is what
    a fresh ``create_all`` gave it."""
    folder = tmp_path_factory.mktemp("schema")
    url = POSTGRES_URL or f"sqlite:///{folder / 'empty.sqlite'}"
    with pytest.MonkeyPatch.context() as env:
        env.setenv("WSDIALOG_INSTANCE_PATH", str(folder / "instance"))
        env.setenv("WSDIALOG_SECRET_KEY", "test-secret-key")
        env.delenv("WSDIALOG_DATABASE_URL", raising=False)
        app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": url, "MAIL_SERVER": ""})
    with app.app_context():
        db.drop_all()
        db.create_all()
        db.engine.dispose()  # SQLite: the file is whole, with nothing left in its WAL
    return POSTGRES_URL or str(folder / "empty.sqlite")


@pytest.fixture
def database_url(tmp_path):
    return POSTGRES_URL or f"sqlite:///{tmp_path / 'test.sqlite'}"


@pytest.fixture
def app_config(database_url):
    """Override to change settings for one test module."""
    return {
        "TESTING": True,
        "SQLALCHEMY_DATABASE_URI": database_url,
        "WTF_CSRF_ENABLED": False,
        "RATELIMIT_ENABLED": False,
        "SERVER_NAME": "wsdialog.test",
        "MAIL_SERVER": "",
    }


def _empty_tables() -> None:
    """Empty every table of the run's one PostgreSQL database, ids from 1 again: the
    state a fresh ``create_all`` gave. A test that changes the schema
    (test_migrations) puts it back with create_all; should one fail half-way,
    the tables are made anew here.

    Only the tables a test filled are emptied, with DELETE, children first:
    TRUNCATE ... CASCADE took 40-60 ms a test however few tables it named
    (nearly every table refers to the companies), longer than many tests. The
    query finding them names only the app's own tables, quoted."""
    quote = db.engine.dialect.identifier_preparer.quote
    tables = db.metadata.sorted_tables
    filled = " UNION ALL ".join(
        f"SELECT {index} WHERE EXISTS (SELECT 1 FROM {quote(table.name)})"  # noqa: S608
        for index, table in enumerate(tables))
    try:
        with db.engine.begin() as connection:
            for index in sorted(connection.execute(sa.text(filled)).scalars(), reverse=True):
                connection.execute(tables[index].delete())
            connection.execute(sa.text(
                "SELECT setval(format('%I.%I', schemaname, sequencename), 1, false) "
                "FROM pg_sequences WHERE last_value IS NOT NULL"))
    except sa.exc.IntegrityError:  # rows that refer to each other across tables
        with db.engine.begin() as connection:
            connection.execute(sa.text("TRUNCATE {} RESTART IDENTITY CASCADE".format(
                ", ".join(quote(table.name) for table in tables))))
    except sa.exc.ProgrammingError:
        db.drop_all()
        db.create_all()


class RequestLikeABrowser(FlaskClient):
    """Each request runs in an app context of its own, as in production, with its
    own database session and ``g`` (Flask-Login caches the user there). The
    test's session commits around each request, so the request sees the test's
    data and the test then sees the request's changes. A streamed answer (an
    export) is read to its end inside that context, as a browser reads it and as
    the WSGI server closes it."""

    def open(self, *args, **kwargs):
        kwargs.setdefault("buffered", True)
        db.session.commit()
        with self.application.app_context():
            response = super().open(*args, **kwargs)
        db.session.commit()
        return response


@pytest.fixture
def app(app_config, empty_database, tmp_path, monkeypatch):
    monkeypatch.setenv("WSDIALOG_INSTANCE_PATH", str(tmp_path / "instance"))
    monkeypatch.setenv("WSDIALOG_SECRET_KEY", "test-secret-key")
    monkeypatch.delenv("WSDIALOG_DATABASE_URL", raising=False)
    # An empty copy of the run's schema (see empty_database), not a create_all.
    url = app_config["SQLALCHEMY_DATABASE_URI"]
    if url.startswith("sqlite:///"):
        # A file of the test's own, in tmp_path: nothing has opened it yet.
        shutil.copyfile(empty_database, url.removeprefix("sqlite:///"))
    app = create_app(app_config)
    app.test_client_class = RequestLikeABrowser
    # Released figures are kept per process: each test's app starts empty.
    from wsdialog.results import kept

    kept.KEPT_FIGURES.clear()
    kept.KEPT_PAGE_PARTS.clear()
    if not url.startswith("sqlite:///"):
        with app.app_context():
            _empty_tables()
    # pytest-flask pushes a request context around each test, so tests can use
    # db.session and url_for directly.
    yield app
    from wsdialog import jobs

    jobs.wait_for_all()  # an upload's check or import may still run
    with app.app_context():
        # Nothing to drop: the next test's app empties the tables it starts with.
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def client(app):
    """A client that keeps no request context between requests (pytest-flask's
    own keeps one, which would share ``g`` with the test)."""
    return app.test_client()


def login(client, user):
    """Log ``client`` in as ``user`` (a session of its own) without paying for a
    password hash check (the login form itself is tested in test_auth)."""
    key = f.login_session(user).key
    db.session.commit()
    with client.session_transaction() as session:
        session["_user_id"] = key
        session["_fresh"] = True
        session.permanent = True
    return client


@pytest.fixture
def as_user(app):
    """``as_user(user)`` gives a new test client logged in as ``user``."""
    db.session.commit()
    return lambda user: login(app.test_client(), user)


@pytest.fixture
def world(app):
    """Two member companies, A and B, each with admin, staff, a supplier of its
    own with a site, contact, supplier user and open invitations; plus a supplier
    both share (each with its own contact and notes), whose site each company
    asks its own supplier to confirm is the same factory as its site; plus a
    coordinator.
    B's names all contain "SECRET-B" so leaks are easy to find."""
    a, b = f.company("Alpha Apparel"), f.company("SECRET-B Brand")
    w = SimpleNamespace(a=a, b=b)
    w.coordinator = f.user(Role.coordinator, name="Coco Ordinator")
    w.a_admin = f.user(company=a, admin=True, name="Alice Admin")
    w.a_staff = f.user(company=a, name="Arne Staff")
    w.b_admin = f.user(company=b, admin=True, name="SECRET-B admin")
    w.b_staff = f.user(company=b, name="SECRET-B staff")
    w.sa = f.supplier(a, name="Alpha Supplier", notes="alpha notes")
    w.sb = f.supplier(b, name="SECRET-B supplier", notes="SECRET-B notes")
    w.shared = f.supplier(name="Shared Supplier")
    f.relate(a, w.shared, notes="alpha view of shared")
    f.relate(b, w.shared, notes="SECRET-B view of shared")
    w.site_a = f.site(w.sa, name="Alpha Site")
    w.site_b = f.site(w.sb, name="SECRET-B site")
    w.site_shared = f.site(w.shared, name="Shared Site")
    w.contact_a = f.contact(a, w.sa, name="Alpha Contact")
    w.contact_b = f.contact(b, w.sb, name="SECRET-B contact")
    w.contact_b_shared = f.contact(b, w.shared, name="SECRET-B shared contact")
    w.sa_user = f.user(Role.supplier, supplier=w.sa, name="Sam Supplier")
    w.sb_user = f.user(Role.supplier, supplier=w.sb, name="SECRET-B supplier user")
    w.shared_user = f.user(Role.supplier, supplier=w.shared, name="Shira Shared")
    # Each company entered the shared factory twice (same OS ID): from the shared
    # record's site it asks its own supplier's people to confirm it is their site.
    from wsdialog.models import SiteLinkRequest

    w.site_shared.os_id = w.site_a.os_id = w.site_b.os_id = "CN2019303BQ3FZP"
    w.link_a = f._add(SiteLinkRequest(company=a, site=w.site_shared, target_site=w.site_a,
                                      asked_by=w.a_staff))
    w.link_b = f._add(SiteLinkRequest(company=b, site=w.site_shared, target_site=w.site_b,
                                      asked_by=w.b_staff))
    # Outside reviewers of each company's survey texts, in Vietnamese.
    w.a_reviewer = f.user(Role.reviewer, company=a, name="Rita Reviewer", review_languages=["vi"])
    w.b_reviewer = f.user(Role.reviewer, company=b, name="SECRET-B reviewer",
                          review_languages=["vi"])
    # Survey providers each company registered for itself, with a login.
    w.provider_a = f.provider(a, "Alpha Provider", agreed=(a,))
    w.provider_b = f.provider(b, "SECRET-B provider", agreed=(b,))
    w.a_provider = f.user(Role.provider, provider=w.provider_a, name="Pia Provider")
    w.b_provider = f.user(Role.provider, provider=w.provider_b, name="SECRET-B provider user")
    w.inv_a = f.invitation(a, w.a_admin, supplier=w.sa, email="inv-a@example.org")
    w.inv_b = f.invitation(b, w.b_admin, supplier=w.sb, email="secret-b-inv@example.org")
    w.inv_b_colleague = f.invitation(b, w.b_admin, role=Role.brand,
                                     email="secret-b-colleague@example.org")
    w.assessment_a = f.assessment(a, w.a_admin, w.site_a, {"union": "no"})
    w.assessment_b = f.assessment(b, w.b_admin, w.site_b, {"union": "yes"})
    w.engagement_a = f.engagement(a, w.sa, w.a_staff)
    w.engagement_b = f.engagement(b, w.sb, w.b_staff)
    w.milestone_a = f.milestone(a, w.site_a, "Alpha kick-off")
    w.milestone_b = f.milestone(b, w.site_b, "SECRET-B kick-off")
    w.questionnaire_a, w.draft_a = f.questionnaire(a, "Alpha survey")
    w.questionnaire_b, w.draft_b = f.questionnaire(b, "SECRET-B survey")
    w.question_a, w.question_b = w.draft_a.questions[0], w.draft_b.questions[0]
    from wsdialog.questionnaires.models import DraftShare, QuestionComment

    # Each company's draft is open to its own supplier for comments, with one
    # comment of that supplier's and one recorded from a consulted union.
    for key, draft, supplier, person, staff in (("a", w.draft_a, w.sa, w.sa_user, w.a_staff),
                                                ("b", w.draft_b, w.sb, w.sb_user, w.b_staff)):
        secret = "SECRET-B " if key == "b" else ""
        share = f._add(DraftShare(version=draft, supplier=supplier, shared_by=staff))
        draft.comments.append(QuestionComment(
            question_code="WAGE_RUNS_OUT", source="supplier", supplier=supplier,
            text=f"{secret}supplier comment", author=person))
        draft.comments.append(QuestionComment(
            question_code="", source="union", consulted=f"{secret}union", author=staff,
            text=f"{secret}union comment"))
        setattr(w, f"share_{key}", share)
    # The MSI's template: version 1 published (and adopted by B), version 2 a draft.
    w.template_v1 = f.template("MSI core questions")
    w.template = w.template_v1.questionnaire
    w.template_draft = w.template.start_next_version()
    db.session.flush()
    w.template_question = w.template_draft.questions[0]
    w.adopted_b = f.adopted(b, w.template_v1, "SECRET-B from the template")
    w.cycle_a = f.cycle(a, w.site_a, f.published(a, "Alpha published"))
    w.cycle_b = f.cycle(b, w.site_b, f.published(b, "SECRET-B published"))
    w.cycle_b.provider_id = w.provider_b.id  # B's provider runs it
    w.published_a, w.published_b = w.cycle_a.version, w.cycle_b.version
    db.session.flush()
    from wsdialog.surveys.models import ImportBatch, PendingImport

    w.batch_a = f._add(ImportBatch(cycle_id=w.cycle_a.id, imported_by=w.a_admin,
                                   filename="alpha.csv", fingerprint="a", respondents=0))
    w.batch_b = f._add(ImportBatch(cycle_id=w.cycle_b.id, imported_by=w.b_admin,
                                   filename="SECRET-B.csv", fingerprint="b", respondents=0))
    w.upload_a = f._add(PendingImport(cycle_id=w.cycle_a.id, uploaded_by_id=w.a_admin.id,
                                      filename="alpha.csv", data=b"date\n"))
    w.upload_b = f._add(PendingImport(cycle_id=w.cycle_b.id, uploaded_by_id=w.b_admin.id,
                                      filename="SECRET-B.csv", data=b"date\n"))
    from datetime import date, datetime

    from wsdialog.dialogues.models import (
        Action,
        AttentionPoint,
        DataDoubt,
        Dialogue,
        Participant,
    )

    for key, company, cycle, owner in (("a", a, w.cycle_a, w.a_admin),
                                       ("b", b, w.cycle_b, w.b_admin)):
        secret = "SECRET-B " if key == "b" else ""
        dialogue = f._add(Dialogue(
            company=company, cycle=cycle, starts_at=datetime(2030, 1, 10, 3, 0), minutes=90,
            timezone="Asia/Ho_Chi_Minh", language="en", created_by=owner,
            look_beforehand=f"{secret}look at this"))
        dialogue.participants.append(Participant(
            name=f"{secret}participant", organisation="supplier", language="vi",
            timezone="Asia/Ho_Chi_Minh"))
        dialogue.points.append(AttentionPoint(kind="own", text=f"{secret}point", company=company))
        dialogue.doubts.append(DataDoubt(doubt=f"{secret}doubt", task="check"))
        dialogue.actions.append(Action(title=f"{secret}action", owner="factory",
                                       due_on=date(2030, 3, 1)))
        db.session.flush()
        setattr(w, f"dialogue_{key}", dialogue)
        setattr(w, f"participant_{key}", dialogue.participants[0])
        setattr(w, f"point_{key}", dialogue.points[0])
        setattr(w, f"doubt_{key}", dialogue.doubts[0])
        setattr(w, f"action_{key}", dialogue.actions[0])
        setattr(w, f"evidence_{key}", f.evidence(dialogue.actions[0], owner,
                                                 name=f"{secret}photo.jpg"))
    from wsdialog.results.models import ProviderDoubt

    for key, cycle, asker in (("a", w.cycle_a, w.sa_user), ("b", w.cycle_b, w.sb_user)):
        secret = "SECRET-B " if key == "b" else ""
        setattr(w, f"provider_doubt_{key}", f._add(ProviderDoubt(
            cycle_id=cycle.id, text=f"{secret}doubt for the provider", asked_by=asker)))
    w.login_a = f.login_session(w.a_staff)
    w.login_b = f.login_session(w.b_staff, device="SECRET-B browser")
    # Each company's API token for its tools (the secrets, for tests that use them).
    from wsdialog.api.models import COMPANY_SCOPES, PROVIDER_SCOPES, ApiToken
    from wsdialog.api.tokens import digest

    for key, company in (("a", a), ("b", b)):
        secret = f"wsd_test-token-{key}"
        setattr(w, f"token_{key}_secret", secret)
        setattr(w, f"token_{key}", f._add(ApiToken(
            company_id=company.id, name=f"{'SECRET-B ' if key == 'b' else ''}tool",
            scopes=list(COMPANY_SCOPES), digest=digest(secret))))
    # Each provider's token for its survey tool (made by its person).
    for key, provider, maker in (("a", w.provider_a, w.a_provider),
                                 ("b", w.provider_b, w.b_provider)):
        secret = f"wsd_test-provider-token-{key}"
        setattr(w, f"provider_token_{key}_secret", secret)
        setattr(w, f"provider_token_{key}", f._add(ApiToken(
            provider_id=provider.id, name=f"{'SECRET-B ' if key == 'b' else ''}survey tool",
            scopes=list(PROVIDER_SCOPES), digest=digest(secret), created_by_id=maker.id)))
    # Grievance figures of each company: at its own site, and at the shared
    # factory (where the other company must see nothing of them); and a check.
    from wsdialog.grievances.models import EffectivenessCheck, GrievanceSummary
    from wsdialog.grievances.rules import CRITERIA, Channel, Figures, PeriodKind

    for key, company, own_site, person in (("a", a, w.site_a, w.a_staff),
                                           ("b", b, w.site_b, w.b_staff)):
        for where, site in (("", own_site), ("_shared", w.site_shared)):
            for month, themes in ((1, {"wages": 6, "harassment": 2}), (2, {"wages": 7})):
                summary = GrievanceSummary(company=company, site=site,
                                           period_kind=PeriodKind.month,
                                           period_start=date(2027, month, 1),
                                           channel=Channel.helpline, entered_by=person)
                summary.set_figures(Figures(received=10, resolved=6, still_open=4,
                                            days_to_response=2, by_theme=themes, women=3))
                f._add(summary)
            setattr(w, f"grievance_{key}{where}", summary)
        check = EffectivenessCheck(company=company, site=own_site, channel=Channel.helpline,
                                   checked_on=date(2027, 2, 1), checked_by=person)
        check.record(dict.fromkeys(CRITERIA, "partly"),
                     {"legitimate": f"{'SECRET-B ' if key == 'b' else ''}check note"})
        setattr(w, f"grievance_check_{key}", f._add(check))
    db.session.commit()
    return w


# --- a real SMTP server for mail tests ------------------------------------------


class Sink:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd API)
        self.messages.append(envelope)
        return "250 OK"


@pytest.fixture
def smtp():
    sink = Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller, sink
    controller.stop()


def with_smtp(app_config: dict, smtp) -> dict:
    controller, _sink = smtp
    return {**app_config, "MAIL_SERVER": "127.0.0.1", "MAIL_PORT": controller.port,
            "MAIL_FROM": "wsdialog <no-reply@msi.example>"}
