"""Real server processes for the tests that need them: gunicorn serving the app,
redis-server, and the queue's ``flask worker``, each on 127.0.0.1 and a free
port, each stopped by its test (or killed, when that is what it tests). The
``redis_url`` fixture is offered to every test by conftest.py."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int) -> None:
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing listens on {port}")


def app_env(database_url: str, tmp_path: Path, **settings: str) -> dict[str, str]:
    """The environment of an app process on the test's database; ``settings``
    are more ``WSDIALOG_`` variables (without the prefix)."""
    return {**os.environ, "WSDIALOG_DATABASE_URL": database_url,
            "WSDIALOG_SECRET_KEY": "test-secret-key",
            "WSDIALOG_INSTANCE_PATH": str(tmp_path / "instance"),
            **{f"WSDIALOG_{name}": value for name, value in settings.items()}}


def start_gunicorn(env: dict[str, str], log: Path | None = None,
                   workers: int = 2, options=()) -> tuple[subprocess.Popen, str]:
    """gunicorn in a process group of its own (so that a test can kill it with
    its workers), answering /health; the process and its base URL. ``options``
    are more of gunicorn's arguments."""
    port = free_port()
    server = _start([str(BIN / "gunicorn"), "--workers", str(workers),
                     "--bind", f"127.0.0.1:{port}", *options, "wsgi:app"], env, log)
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            urllib.request.urlopen(f"{base}/health", timeout=1)  # noqa: S310
            break
        except OSError:
            time.sleep(0.1)
    return server, base


@contextlib.contextmanager
def serve(database_url: str, folder: Path, env: dict | None = None, options=()):
    """A real gunicorn (two processes) on the test's database, with its instance
    folder and its log in ``folder``, and more settings in ``env``; gives its
    address once /health answers, and prints its errors when it stops."""
    log = folder / "gunicorn.log"
    server, base = start_gunicorn({**app_env(database_url, folder), **(env or {})}, log,
                                  options=options)
    try:
        yield base
    finally:
        stop(server)
        errors = [line for line in log.read_text().splitlines() if "Error" in line]
        print("\n".join(errors[-20:]))


def start_worker(env: dict[str, str], log: Path | None = None,
                 module: str | None = None) -> subprocess.Popen:
    """``flask worker`` on the queue of ``env`` (WSDIALOG_QUEUE_URL), or the
    ``module`` that runs one (a worker changed for a test)."""
    command = [sys.executable, "-m", module] if module else [
        str(BIN / "flask"), "--app", "wsgi", "worker"]
    return _start(command, env, log)


def _start(command: list[str], env: dict[str, str], log: Path | None) -> subprocess.Popen:
    """In a process group of its own; its errors to ``log`` (the child keeps the
    file open, this process closes it at once)."""
    with (log.open("w") if log else open(os.devnull, "w")) as errors:  # noqa: SIM115
        return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                                stderr=errors, start_new_session=True)


def kill(process: subprocess.Popen) -> None:
    """SIGKILL the process and its group (gunicorn's workers): no clean-up runs."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=10)


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            kill(process)


@pytest.fixture
def redis_url(tmp_path):
    """A redis-server of the test's own (scripts/test installs Debian's)."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server is not installed (scripts/test installs it)")
    port = free_port()
    server = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1",
                               "--save", "", "--appendonly", "no", "--dir", str(tmp_path)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_port(port)
        yield f"redis://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)
