"""Work that runs apart from the request that asked for it: an upload's check
and import, and (when a queue is configured) mail to other people.

One way in, ``enqueue("wsdialog.surveys.import_jobs:run", *args)``, names the
job's function by its import path, so nothing is registered as a side effect of
importing a module. Where it runs depends on one setting:

- ``WSDIALOG_QUEUE_URL`` unset (a single machine, the default): in a thread of
  this process, as before. A restart of the process ends the job.
- set to a ``redis://`` URL: on an RQ queue in Redis, run by ``flask worker``
  (one or more processes, on this machine or others). The web process may be
  restarted or killed meanwhile: the job is not in its memory.

Either way the function runs inside an app context of its own (the worker
builds the app once with ``create_app()``), with its own database session, and
gets only plain arguments (ids, strings): a job reads what it needs from the
database, whose state machines make a second run of the same job do nothing
(``import_jobs``). A job's arguments stay in Redis only briefly (``KEPT``).
"""

from __future__ import annotations

import importlib
import logging
import threading
import time
from collections.abc import Callable
from typing import Protocol

from flask import Flask, current_app
from redis import Redis, RedisError
from rq import Queue, Retry, SimpleWorker
from rq.job import Job, JobStatus

log = logging.getLogger("wsdialog.jobs")

#: The one queue the app puts its jobs on (and ``flask worker`` takes them from).
QUEUE_NAME = "wsdialog"
#: Where ``create_app`` keeps the queue (``app.extensions``) when one is configured.
EXTENSION = "wsdialog.queue"
#: How long Redis keeps a job (its arguments: an e-mail address and a mail's text
#: for a mail) after it ended: long enough for the request that waits for it.
KEPT = {"result_ttl": 300, "failure_ttl": 24 * 3600}
#: A job running longer than this is stopped (and fails like any other error).
DEFAULT_TIMEOUT = 600
_DONE = {JobStatus.FINISHED, JobStatus.FAILED, JobStatus.STOPPED, JobStatus.CANCELED}


def init_app(app: Flask) -> None:
    """Connect to the configured queue (nothing is sent until a job is)."""
    url = app.config.get("QUEUE_URL")
    if url:
        app.extensions[EXTENSION] = Queue(QUEUE_NAME, connection=Redis.from_url(url))


def queue(app: Flask | None = None) -> Queue | None:
    """The app's queue, or None when jobs run in threads."""
    return (app or current_app).extensions.get(EXTENSION)


def queued() -> bool:
    """True when jobs go to a queue (run by ``flask worker``), not to threads."""
    return queue() is not None


def resolve(path: str) -> Callable:
    """The function named ``"package.module:function"``."""
    module, _sep, name = path.partition(":")
    if not name:
        raise ValueError(f"A job is named 'module:function', not {path!r}.")
    return getattr(importlib.import_module(module), name)


class Unavailable(Exception):
    """The queue (Redis) cannot be reached: the job was not enqueued."""


class Handle(Protocol):
    def wait(self, seconds: float) -> bool:
        """Wait up to ``seconds`` for the job: True when it has ended."""


def enqueue(path: str, *args, retries: int = 0, retry_after: list[int] | None = None,
            timeout: int = DEFAULT_TIMEOUT) -> Handle:
    """Run the function at ``path`` (``"module:function"``) with ``args`` in the
    background. On a queue, a job that fails is tried again ``retries`` times,
    after ``retry_after`` seconds (the worker's scheduler waits them); in a
    thread it runs once. Unavailable when the queue cannot be reached."""
    function = resolve(path)  # a wrong name fails here, not in the worker
    rq_queue = queue()
    if rq_queue is None:
        return _start_thread(current_app._get_current_object(), path, function, args)
    try:
        job = rq_queue.enqueue(
            f"{function.__module__}.{function.__name__}", *args, job_timeout=timeout,
            retry=Retry(max=retries, interval=retry_after or 0) if retries else None,
            description=path, **KEPT)
    except RedisError as error:
        log.error("The job %s could not be queued (%s).", path, type(error).__name__)
        raise Unavailable(path) from None
    return _Queued(job)


class Ended:
    """A job that has already ended (or never started)."""

    def wait(self, seconds: float) -> bool:
        return True


class _Queued:
    def __init__(self, job: Job):
        self.job = job

    def wait(self, seconds: float) -> bool:
        until = time.monotonic() + seconds
        while True:
            try:
                if self.job.get_status(refresh=True) in _DONE:
                    return True
            except RedisError:
                return False  # the page of what the job does follows it
            if time.monotonic() >= until:
                return False
            time.sleep(0.05)


# --- threads (no queue configured) ----------------------------------------------

_running: set[threading.Thread] = set()
_running_lock = threading.Lock()


class _Thread:
    def __init__(self, thread: threading.Thread):
        self.thread = thread

    def wait(self, seconds: float) -> bool:
        self.thread.join(seconds)
        return not self.thread.is_alive()


def _start_thread(app: Flask, path: str, function: Callable, args: tuple) -> _Thread:
    thread = threading.Thread(target=_run_in_thread, args=(app, path, function, args),
                              name=f"job {path}", daemon=True)
    with _running_lock:
        _running.add(thread)
    thread.start()
    return _Thread(thread)


def _run_in_thread(app: Flask, path: str, function: Callable, args: tuple) -> None:
    try:
        with app.app_context():
            function(*args)
    except Exception as error:  # noqa: BLE001 - a thread has nobody to raise to
        # The kind of error only: its text may quote what the job was handling.
        log.error("The job %s failed (%s).", path, type(error).__name__)
    finally:
        with _running_lock:
            _running.discard(threading.current_thread())


def running() -> int:
    """How many jobs run in threads of this process now."""
    with _running_lock:
        return len(_running)


def wait_for_all(timeout: float = 60) -> None:
    """Wait for every job running in a thread of this process (for tests and
    the benchmark)."""
    with _running_lock:
        threads = list(_running)
    for thread in threads:
        thread.join(timeout)


# --- the worker (``flask worker``) ------------------------------------------------


class AppWorker(SimpleWorker):
    """Runs each job in this process (no fork: the app and its database pool
    are built once), inside an app context of its own."""

    def __init__(self, *args, app: Flask, **kwargs):
        super().__init__(*args, **kwargs)
        self.app = app

    def execute_job(self, job, queue):
        with self.app.app_context():
            return super().execute_job(job, queue)


def work(app: Flask, burst: bool = False) -> bool:
    """Take jobs from the app's queue until stopped (``burst``: until it is
    empty). The scheduler runs too, for jobs retried after a delay."""
    rq_queue = queue(app)
    if rq_queue is None:
        raise RuntimeError("No queue is configured (WSDIALOG_QUEUE_URL).")
    worker = AppWorker([rq_queue], connection=rq_queue.connection, app=app)
    return worker.work(burst=burst, with_scheduler=True)
