"""Jobs (``jobs.py``) run in a thread of the web process by default and on the
Redis queue of ``flask worker`` when WSDIALOG_QUEUE_URL is set; mail to others
then goes through the queue too. ``flask periodic`` does the daily work, and a
second run the same day changes nothing."""

from __future__ import annotations

import email.policy
import subprocess
import threading
from datetime import date, datetime, timedelta
from email import message_from_bytes

import pytest
import sqlalchemy as sa
from flask import current_app
from redis import Redis
from rq import Queue

from wsdialog import config, jobs, mail
from wsdialog.dialogues.models import Action, ActionStatus, Dialogue, DialogueStatus
from wsdialog.extensions import db
from wsdialog.models import Role, utcnow
from wsdialog.surveys.models import PendingImport, Response, SurveyCycle, UploadState

from . import factories as f
from .conftest import with_smtp
from .servers import BIN, ROOT, app_env, free_port

TODAY = date(2027, 5, 20)
#: What a job run in a thread saw (``record``).
seen: list[tuple[str, str, threading.Thread]] = []


def record(word: str) -> None:
    """A job: notes the app it runs in, and its thread."""
    seen.append((word, current_app.name, threading.current_thread()))


def test_without_a_queue_a_job_runs_in_a_thread_with_an_app_context(app):
    assert not jobs.queued()
    seen.clear()
    assert jobs.enqueue("tests.test_jobs:record", "hello").wait(10)
    [(word, app_name, thread)] = seen
    assert word == "hello" and app_name == app.name
    assert thread is not threading.current_thread()


@pytest.mark.parametrize("path", ["tests.test_jobs.record", "tests.test_jobs:nothing_here"])
def test_a_job_is_named_module_colon_function(app, path):
    with pytest.raises((ValueError, AttributeError)):
        jobs.enqueue(path)


@pytest.mark.parametrize("url", ["http://localhost:6379", "localhost", "memory://"])
def test_the_queue_setting_must_be_a_redis_url(tmp_path, url):
    with pytest.raises(config.ConfigError, match="WSDIALOG_QUEUE_URL"):
        config.load(str(tmp_path), {"WSDIALOG_QUEUE_URL": url})
    assert config.load(str(tmp_path), {"WSDIALOG_QUEUE_URL": "redis://r:6379/1"})[
        "QUEUE_URL"] == "redis://r:6379/1"
    assert config.load(str(tmp_path), {})["QUEUE_URL"] == ""


def test_the_worker_refuses_to_start_without_a_queue(app):
    result = app.test_cli_runner().invoke(args=["worker"])
    assert result.exit_code == 1
    assert "No queue is configured: set WSDIALOG_QUEUE_URL" in result.output


class TestWithAQueue:
    @pytest.fixture
    def app_config(self, app_config, redis_url, smtp):
        return {**with_smtp(app_config, smtp), "QUEUE_URL": redis_url}

    def test_mail_waits_on_the_queue_until_a_worker_sends_it(self, app, redis_url, smtp,
                                                            database_url, tmp_path):
        _controller, sink = smtp
        assert jobs.queued()
        assert mail.send("lan@saigonstitch.example", "Hello", "A body",
                         ("a.ics", "text/calendar", b"BEGIN:VCALENDAR"))
        assert sink.messages == []  # queued, not sent by this process
        assert Queue(jobs.QUEUE_NAME, connection=Redis.from_url(redis_url)).count == 1
        env = app_env(database_url, tmp_path, QUEUE_URL=redis_url,
                      SMTP_HOST="127.0.0.1", SMTP_PORT=str(app.config["MAIL_PORT"]))
        log = tmp_path / "worker.log"
        with log.open("w") as errors:
            burst = subprocess.run(
                [str(BIN / "flask"), "--app", "wsgi", "worker", "--burst"], env=env, cwd=ROOT,
                timeout=120, stdout=subprocess.DEVNULL, stderr=errors)
        assert burst.returncode == 0, log.read_text()[-2000:]
        [envelope] = sink.messages
        assert envelope.rcpt_tos == ["lan@saigonstitch.example"]
        message = message_from_bytes(envelope.content, policy=email.policy.default)
        assert message["Subject"] == "Hello"
        assert [part.get_filename() for part in message.iter_attachments()] == ["a.ics"]

    def test_without_smtp_nothing_is_queued_and_the_caller_offers_the_text(
            self, app, redis_url):
        app.config["MAIL_SERVER"] = ""
        assert not mail.send("lan@saigonstitch.example", "Hello", "A body")
        assert Queue(jobs.QUEUE_NAME, connection=Redis.from_url(redis_url)).count == 0


class TestWithTheQueueDown:
    """Redis does not answer: nothing is lost silently."""

    @pytest.fixture
    def app_config(self, app_config, smtp):
        return {**with_smtp(app_config, smtp), "QUEUE_URL": f"redis://127.0.0.1:{free_port()}",
                "FIXED_TODAY": TODAY.isoformat()}

    def test_mail_is_not_sent_and_the_caller_offers_the_text(self, app):
        assert not mail.send("lan@saigonstitch.example", "Hello", "A body")

    def test_an_upload_says_its_check_stopped_and_keeps_nothing(self, app, as_user):
        company = f.company("Noordwind")
        eva = f.user(company=company, admin=True)
        site = f.site(f.supplier(company), headcount=40)
        cycle = f.cycle(company, site, f.published(company, "Survey"), headcount=40,
                        starts_on=TODAY - timedelta(days=5), ends_on=TODAY + timedelta(days=5))
        db.session.commit()
        client = as_user(eva)
        response = f.upload_results(client, cycle, f"date,WAGE_RUNS_OUT\n{TODAY},yes\n".encode())
        assert response.status_code == 303
        page = client.get(response.headers["Location"]).get_data(as_text=True)
        assert "The check of results.csv stopped before it ended. Nothing was imported" in page
        assert db.session.scalar(sa.select(sa.func.count()).select_from(PendingImport)) == 0


# --- flask periodic ----------------------------------------------------------------


@pytest.fixture
def daily(app, as_user, smtp):
    """A released cycle nobody shared with workers (a reminder is due), with a
    dialogue whose agreements are past their due date (the factory's and the
    brand's: reminders are due; one done and one not yet due), a cycle released
    four years ago (retention is due), and an upload never confirmed."""
    app.config.update(with_smtp({}, smtp), FIXED_TODAY=TODAY.isoformat())
    company = f.company("Noordwind")
    eva = f.user(company=company, name="Eva", admin=True)
    supplier = f.supplier(company, name="Saigon Stitch")
    lan = f.user(Role.supplier, supplier=supplier, name="Lan")
    version = f.published(company, "Survey")
    cycles = []
    for site_name, start in (("Thu Duc", date(2027, 3, 1)), ("Binh Duong", date(2023, 3, 1))):
        site = f.site(supplier, name=site_name, headcount=40)
        cycle = f.cycle(company, site, version, starts_on=start,
                        ends_on=start + timedelta(days=13), headcount=40)
        db.session.commit()
        rows = "date,WAGE_RUNS_OUT,CLEAN_WATER\n" + f"{start + timedelta(days=1)},yes,no\n" * 8
        assert f.import_results(as_user(eva), cycle, rows.encode()).status_code in (200, 303)
        cycle.release(eva, start + timedelta(days=31))
        cycles.append(cycle)
    dialogue = Dialogue(company=company, cycle=cycles[0], starts_at=datetime(2027, 4, 20, 2),
                        minutes=60, timezone="Asia/Ho_Chi_Minh", language="en",
                        created_by=eva, status=DialogueStatus.held, held_on=date(2027, 4, 20))
    for title, owner, status, due in (
            ("Pay slips in Vietnamese", "factory", ActionStatus.planned, date(2027, 5, 1)),
            ("Order earlier", "brand", ActionStatus.in_progress, date(2027, 5, 10)),
            ("Water filters", "factory", ActionStatus.done, date(2027, 5, 1)),
            ("Rest breaks", "factory", ActionStatus.planned, date(2027, 6, 1))):
        dialogue.actions.append(Action(title=title, owner=owner, due_on=due, status=status,
                                       company=company if owner == "brand" else None))
    db.session.add(dialogue)
    f._add(PendingImport(cycle_id=cycles[0].id, uploaded_by_id=eva.id, filename="old.csv",
                         data=b"date\n", state=UploadState.ready,
                         uploaded_at=utcnow() - timedelta(hours=2)))
    db.session.commit()
    return eva, lan, cycles


def _rows_of_every_table() -> dict[str, int]:
    db.session.rollback()
    return {table.name: db.session.scalar(sa.select(sa.func.count()).select_from(table))
            for table in db.metadata.sorted_tables}


def test_the_daily_work_runs_once_and_a_second_run_changes_nothing(app, daily, smtp):
    _controller, sink = smtp
    eva, lan, (recent, old) = daily
    runner = app.test_cli_runner()
    first = runner.invoke(args=["periodic"])
    assert first.exit_code == 0, first.output
    assert first.output.splitlines() == [
        "Reminders sent: 1 to share results with workers, 2 of agreements past their "
        "due date.",
        "Uploads never confirmed, deleted: 1.",
        "Retention (3 years), deleted: 8 respondents, 16 answers, 0 codes and keys, "
        "of 1 cycles."]
    assert sorted(envelope.rcpt_tos[0] for envelope in sink.messages) == sorted(
        [lan.email, lan.email, eva.email])
    bodies = {message_from_bytes(envelope.content, policy=email.policy.default)
              .get_body().get_content() for envelope in sink.messages}
    assert any('The agreement "Pay slips in Vietnamese" from the dialogue between '
               "Noordwind and Saigon Stitch about Thu Duc was due on" in body
               for body in bodies)
    assert any('"Order earlier"' in body for body in bodies)
    assert not any("Water filters" in body or "Rest breaks" in body for body in bodies)
    assert db.session.scalar(sa.select(sa.func.count(Response.id)).where(
        Response.cycle_id == old.id)) == 0
    assert db.session.get(SurveyCycle, old.id).respondents_deleted_on == TODAY
    after_first = _rows_of_every_table()
    second = runner.invoke(args=["periodic"])
    assert second.output.splitlines() == [
        "Reminders sent: 0 to share results with workers, 0 of agreements past their "
        "due date.",
        "Uploads never confirmed, deleted: 0.",
        "Retention (3 years), deleted: 0 respondents, 0 answers, 0 codes and keys, "
        "of 0 cycles."]
    assert len(sink.messages) == 3
    assert _rows_of_every_table() == after_first
    # The commands it gathers still work on their own.
    assert "Reminders sent: 0 to" in runner.invoke(args=["reminders"]).output
    assert "of 0 cycles." in runner.invoke(args=["retention"]).output
