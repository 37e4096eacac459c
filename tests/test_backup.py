"""flask backup / flask restore: a fresh database restored from a backup holds
every row, and a cycle's dashboard reads the same (SQLite and PostgreSQL)."""

from __future__ import annotations

import re
import threading
from datetime import datetime

import pytest
import sqlalchemy as sa

from wsdialog import create_app, demo
from wsdialog.audit import AuditEntry
from wsdialog.extensions import db
from wsdialog.models import User
from wsdialog.surveys.models import SurveyCycle

from .conftest import POSTGRES_URL, login


def _counts(url: str) -> dict[str, int]:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            return {table.name: connection.execute(
                sa.select(sa.func.count()).select_from(table)).scalar_one()
                for table in db.metadata.sorted_tables}
    finally:
        engine.dispose()


@pytest.fixture
def fresh_url(tmp_path):
    """An empty database on the same server (SQLite: a new file)."""
    if not POSTGRES_URL:
        yield f"sqlite:///{tmp_path / 'restored.sqlite'}"
        return
    name = f"restored_{tmp_path.name[-12:].lower().replace('-', '_')}"
    admin = sa.create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = sa.engine.make_url(POSTGRES_URL).set(database=name).render_as_string(
        hide_password=False)
    yield url
    sa.create_engine(url).dispose()
    with admin.connect() as connection:
        connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _dashboard(app, cycle_id: int) -> str:
    with app.app_context():
        eva = db.session.scalar(sa.select(User).filter_by(email="eva@noordwind.example"))
        client = login(app.test_client(), eva)
        page = client.get(f"/cycles/{cycle_id}/results").get_data(as_text=True)
    # The form token differs per request; everything else must be the same.
    return re.sub(r'("X-CSRFToken": "|csrf_token"[^>]*value=")[^"]+', "", page)


def test_a_restored_backup_holds_every_row_and_the_same_dashboard(app, app_config, tmp_path,
                                                                    fresh_url):
    demo.load()
    cycle_id = db.session.scalar(sa.select(SurveyCycle.id).where(
        SurveyCycle.results_shared_on.is_not(None)).order_by(SurveyCycle.id))
    db.session.commit()
    source_url = app.config["SQLALCHEMY_DATABASE_URI"]
    target = tmp_path / "backup.dump"
    result = app.test_cli_runner().invoke(args=["backup", str(target)])
    assert result.exit_code == 0, result.output
    assert "Backup written" in result.output

    restored = create_app({**app_config, "SQLALCHEMY_DATABASE_URI": fresh_url})
    result = restored.test_cli_runner().invoke(args=["restore", str(target), "--yes"])
    assert result.exit_code == 0, result.output
    counts = _counts(source_url)
    assert counts == _counts(fresh_url) and counts["response_answer"] > 1000
    assert _dashboard(restored, cycle_id) == _dashboard(app, cycle_id)
    with restored.app_context():
        db.engine.dispose()


def test_a_backup_taken_while_the_app_writes_is_consistent(app, tmp_path):
    if POSTGRES_URL:
        pytest.skip("pg_dump reads one snapshot by design; the SQLite path is the one to test")
    url = app.config["SQLALCHEMY_DATABASE_URI"]
    stop = threading.Event()

    def write():
        engine = sa.create_engine(url, connect_args={"timeout": 30})
        with engine.begin() as connection:
            connection.execute(sa.text("PRAGMA journal_mode=WAL"))
        while not stop.is_set():
            with engine.begin() as connection:
                connection.execute(AuditEntry.__table__.insert(), [
                    {"kind": "login", "at": datetime(2027, 1, 1), "target": "", "note": ""}] * 50)
        engine.dispose()

    writer = threading.Thread(target=write)
    writer.start()
    try:
        copies = []
        for n in range(3):
            target = tmp_path / f"copy{n}.sqlite"
            result = app.test_cli_runner().invoke(args=["backup", str(target)])
            assert result.exit_code == 0, result.output
            copies.append(target)
    finally:
        stop.set()
        writer.join()
    for target in copies:
        engine = sa.create_engine(f"sqlite:///{target}")
        with engine.connect() as connection:
            assert connection.execute(sa.text("PRAGMA integrity_check")).scalar_one() == "ok"
            # Whole transactions only: the writer adds 50 rows at a time.
            assert connection.execute(sa.select(sa.func.count()).select_from(
                AuditEntry.__table__)).scalar_one() % 50 == 0
        engine.dispose()


def test_restore_asks_first_and_refuses_a_missing_file(app, tmp_path):
    runner = app.test_cli_runner()
    asked = runner.invoke(args=["restore", str(tmp_path / "none.dump")], input="n\n")
    assert asked.exit_code != 0 and "Replace every table" in asked.output
    missing = runner.invoke(args=["restore", str(tmp_path / "none.dump"), "--yes"])
    assert missing.exit_code != 0 and "no backup at" in missing.output
