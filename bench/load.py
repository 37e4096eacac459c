"""Drive a real gunicorn on 127.0.0.1 with wrk against the instance bench/generate
made, and print requests/s, p50/p95/p99 and errors per page, each also as a
share of the trivial /health route's throughput measured in the same run.

Why wrk and not locust: wrk is a small C program that needs a fraction of a core
to send thousands of requests a second; locust is Python and would take a core
of its own on this 2-core machine, competing with the gunicorn workers it
measures and capping /health well below the stack's real ceiling. wrk's Lua
hooks give everything else needed: POST bodies (one fresh form token each) and
the p95 that its plain report lacks.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench" / "data"
SECRET = "bench-load-not-secret"  # noqa: S105 (a throw-away server on 127.0.0.1)

REPORT_LUA = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %d %d %d %d %.0f %.0f %.0f\\n",
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
"""

#: Each wrk thread takes every n-th token, so no form token is sent twice.
POST_LUA = """
local tokens = {%(tokens)s}
local threads = {}
setup = function(thread)
  thread:set("offset", #threads)
  table.insert(threads, thread)
end
init = function(args)
  sent = 0
  accepted = 0
end
response = function(status, headers, body)
  if status == 303 then accepted = accepted + 1 end
end
request = function()
  local i = (offset + sent * %(threads)d) %% #tokens + 1
  sent = sent + 1
  return wrk.format("POST", nil, {["Content-Type"] = "application/x-www-form-urlencoded"},
    "form_token=" .. tokens[i] .. "&%(answers)s")
end
local report = done
done = function(summary, latency, requests)
  local n = 0
  for _, thread in ipairs(threads) do n = n + thread:get("accepted") end
  io.write(string.format("ACCEPTED %%d\\n", n))
  report(summary, latency, requests)
end
"""


@dataclass
class Target:
    name: str
    path: str
    user: str | None = None  # e-mail of the account whose session is sent
    headers: dict[str, str] = field(default_factory=dict)
    shows: bytes | None = None  # a marker the warm-up checks: the measure is real
    post: bool = False


@dataclass
class Result:
    requests: int
    seconds: float
    errors: int
    p50: float
    p95: float
    p99: float
    accepted: int | None = None  # POST: answered 303 (stored)

    @property
    def rps(self) -> float:
        return self.requests / self.seconds


def targets(info: dict) -> list[Target]:
    from bench.instance import BRAND, COORDINATOR, SUPPLIER

    big = info["companies"][0]
    cycle = big["last_cycle"]
    brand, supplier = BRAND.format(0), SUPPLIER.format(0)
    token = info["open_cycle"]["token"]
    return [
        Target("/health (the ceiling)", "/health", shows=b"ok"),
        Target("coordinator home", "/", COORDINATOR, shows=b"Welcome, Bench coordinator"),
        Target("brand home", "/", brand, shows=b"Welcome, Brand admin 0"),
        Target("supplier home", "/", supplier, shows=b"Welcome, Supplier user 0"),
        Target("cycle dashboard (brand)", f"/cycles/{cycle}/results", brand,
               shows=b"share-bar"),
        Target("cycle dashboard (supplier)", f"/cycles/{info['supplier_cycle']}/results",
               supplier, shows=b"share-bar"),
        Target("filtered partial (htmx)", f"/cycles/{cycle}/results?group=gender:woman",
               brand, {"HX-Request": "true"}, shows=b"share-bar"),
        Target("all-sites table", "/results/sites", brand, shows=b"heat-"),
        Target("all-sites, priorities only", "/results/sites?priorities=1", brand,
               shows=b"sites-rows"),
        Target("dialogues", "/dialogues", brand, shows=b"Dialogues"),
        Target("agreements", "/actions", brand, shows=b"Pay wages"),
        Target("yearly summary", f"/reports/due-diligence?year={info['year']}", brand,
               shows=b"survey cycles"),
        Target("onboarding board", "/onboarding", brand, shows=b"stage-column"),
        Target("members' progress (coordinator)", "/msi/progress", COORDINATOR,
               shows=b"<table"),
        Target("export: all sites CSV", "/results/sites.csv", brand, shows=b"Site 00-000"),
        Target("survey form (worker)", f"/s/{token}", shows=b"form_token"),
        Target("survey submission", f"/s/{token}", post=True),
    ]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_gunicorn(url: str, port: int, workers: int, instance: str):
    env = {**os.environ, "WSDIALOG_DATABASE_URL": url, "WSDIALOG_SECRET_KEY": SECRET,
           "WSDIALOG_INSTANCE_PATH": instance}
    log = open(Path(instance) / "gunicorn.log", "w")  # noqa: SIM115 (closed in stop)
    server = subprocess.Popen(
        [str(Path(sys.executable).with_name("gunicorn")), "--workers", str(workers),
         "--bind", f"127.0.0.1:{port}", "--log-level", "warning", "wsgi:app"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=log)
    for _ in range(200):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1)  # noqa: S310
            return server, log
        except OSError:
            time.sleep(0.1)
    server.terminate()
    raise SystemExit("gunicorn did not start; see " + str(Path(instance) / "gunicorn.log"))


def app_for(url: str):
    from wsdialog import create_app

    return create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": SECRET})


def cookies(app, emails) -> dict[str, str]:
    """A signed session cookie per account, as a login would set it."""
    import sqlalchemy as sa

    from wsdialog.auth import sessions
    from wsdialog.extensions import db
    from wsdialog.models import User

    serializer = app.session_interface.get_signing_serializer(app)
    name = app.config["SESSION_COOKIE_NAME"]
    with app.app_context():
        users = db.session.scalars(sa.select(User).where(User.email.in_(list(emails)))).all()
        keys = {u.email: sessions.start(u, "wrk (bench/load)").key for u in users}
        db.session.commit()
        return {email: f"{name}={serializer.dumps({'_user_id': key, '_fresh': True})}"
                for email, key in keys.items()}


def form_tokens(app, cycle_id: int, n: int) -> list[str]:
    """Fresh one-time survey form tokens, signed as the form would sign them."""
    from itsdangerous import URLSafeTimedSerializer

    serializer = URLSafeTimedSerializer(SECRET, salt="survey-form")
    return [serializer.dumps({"c": cycle_id, "n": secrets.token_hex(16)}) for _ in range(n)]


def stored_answers(app, cycle_id: int) -> int:
    import sqlalchemy as sa

    from wsdialog.extensions import db
    from wsdialog.surveys.models import Response

    with app.app_context():
        n = db.session.scalar(sa.select(sa.func.count(Response.id))
                              .where(Response.cycle_id == cycle_id))
        db.session.remove()
        return n


def warm(base: str, target: Target, headers: dict[str, str]) -> None:
    """One request first: it must succeed and show what it should (and a first
    look's one-off writes are not measured)."""
    request = urllib.request.Request(base + target.path, headers=headers)
    with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
        body = response.read()
        assert response.status == 200, (target.name, response.status)
        encoding = response.headers.get("Content-Encoding")
    if encoding == "br":
        import brotli

        body = brotli.decompress(body)
    elif encoding == "gzip":
        import gzip

        body = gzip.decompress(body)
    if target.shows is not None and target.shows not in body:
        raise SystemExit(f"{target.name}: {target.path} does not show {target.shows!r}")


def run_wrk(base: str, target: Target, headers: dict[str, str], args, scripts: Path) -> Result:
    script = scripts / ("post.lua" if target.post else "report.lua")
    command = ["wrk", "-t", str(args.threads), "-c", str(args.connections),
               "-d", f"{args.duration}s", "--timeout", "10s", "-s", str(script)]
    for key, value in headers.items():
        command += ["-H", f"{key}: {value}"]
    done = subprocess.run(command + [base + target.path], capture_output=True, text=True,
                          check=True)
    output = done.stdout + done.stderr
    found = re.search(r"^RESULT (.*)$", output, re.M)
    if not found:
        raise SystemExit(f"wrk said:\n{output}")
    requests, micros, *errors, p50, p95, p99 = (float(x) for x in found.group(1).split())
    accepted = re.search(r"^ACCEPTED (\d+)$", output, re.M)
    return Result(int(requests), micros / 1e6, int(sum(errors)), p50 / 1000, p95 / 1000,
                  p99 / 1000, int(accepted.group(1)) if accepted else None)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", help="database URL (default: the one bench/generate "
                        "last filled, from bench/data/instance.json)")
    parser.add_argument("--duration", type=int, default=10, help="seconds per page")
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--runs", type=int, default=1,
                        help="repeat the whole set; medians are printed")
    parser.add_argument("--only", help="only pages whose name contains this")
    parser.add_argument("--no-compression", action="store_true",
                        help="send no Accept-Encoding (browsers always send one)")
    args = parser.parse_args()

    saved = json.loads((DATA / "instance.json").read_text())
    url = args.database or saved["url"]
    if url != saved["url"]:
        raise SystemExit(f"bench/data/instance.json describes {saved['url']}, not {url}: "
                         "run bench/generate for it first")
    info = saved["info"]
    app = app_for(url)
    chosen = [t for t in targets(info)
              if t.name.startswith("/health") or not args.only or args.only in t.name]
    sessions = cookies(app, {t.user for t in chosen if t.user})
    open_cycle = info["open_cycle"]["id"]
    with tempfile.TemporaryDirectory() as tmp:
        scripts = Path(tmp)
        (scripts / "report.lua").write_text(REPORT_LUA)
        answers = "&".join(f"{code}={('yes', 'no', 'dk')[i % 3]}"
                           for i, code in enumerate(info["codes"]))

        def post_script() -> None:
            # Fresh tokens for every run: a token sent again is thanked, not stored.
            tokens = form_tokens(app, open_cycle, 600 * args.duration)  # more than it takes
            (scripts / "post.lua").write_text(REPORT_LUA + POST_LUA % {
                "tokens": ",".join(f'"{t}"' for t in tokens), "threads": args.threads,
                "answers": answers + "&gender=woman"})
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server, log = start_gunicorn(url, port, args.workers, tmp)
        results: dict[str, list[Result]] = {t.name: [] for t in chosen}
        try:
            before = stored_answers(app, open_cycle)
            for run in range(args.runs):
                for target in chosen:
                    headers = dict(target.headers)
                    if not args.no_compression:
                        headers["Accept-Encoding"] = "br, gzip"
                    if target.user:
                        headers["Cookie"] = sessions[target.user]
                    if not target.post and run == 0:
                        warm(base, target, headers)
                    if target.post:
                        post_script()
                    results[target.name].append(run_wrk(base, target, headers, args, scripts))
                    print(f"  run {run + 1}/{args.runs}: {target.name}: "
                          f"{results[target.name][-1].rps:,.0f} req/s", file=sys.stderr)
            accepted = stored_answers(app, open_cycle) - before
        finally:
            server.terminate()
            server.wait(timeout=30)
            log.close()
            failures = [line for line in (scripts / "gunicorn.log").read_text().splitlines()
                        if "Error" in line or "Traceback" in line]
        report(url, args, results, accepted)
        if failures:
            print("server errors:\n" + "\n".join(failures[-20:]))


def report(url: str, args, results: dict[str, list[Result]], accepted: int) -> None:
    def med(values):
        return statistics.median(values)

    engine = url.split(":")[0].split("+")[0]
    print(f"\n{engine}, gunicorn {args.workers} workers, wrk {args.threads} threads "
          f"{args.connections} connections {args.duration} s per page, "
          f"median of {args.runs} run(s); compression "
          f"{'off' if args.no_compression else 'br/gzip'}")
    print(f"{'page':<30}{'req/s':>9}{'of /health':>12}{'p50 ms':>9}{'p95 ms':>9}"
          f"{'p99 ms':>9}{'errors':>8}{'worker ms':>11}")
    health = [r.rps for r in results["/health (the ceiling)"]]
    for name, runs in results.items():
        # Each run's page against the same run's /health, then the median.
        ratio = med([r.rps / h for r, h in zip(runs, health, strict=True)])
        print(f"{name:<30}{med([r.rps for r in runs]):>9,.0f}{ratio:>11.0%} "
              f"{med([r.p50 for r in runs]):>8.1f}{med([r.p95 for r in runs]):>9.1f}"
              f"{med([r.p99 for r in runs]):>9.1f}{sum(r.errors for r in runs):>8}"
              f"{1000 * args.workers / med([r.rps for r in runs]):>11.1f}")
    posts = results.get("survey submission", [])
    if posts:
        told = sum(r.accepted or 0 for r in posts)
        # wrk stops with up to one request per connection in flight: the server
        # may store those after wrk stopped counting.
        print(f"survey submission: {sum(r.requests for r in posts)} answers sent, "
              f"{told} told 'thank you' (303), {accepted} stored "
              f"({accepted - told} in flight when wrk stopped)")
    print("targets: zero errors; dashboard at least 50% of /health; p95 under 100 ms")
    # Little's law: wrk keeps every connection waiting, so a request queues
    # behind the others and p50 is about connections / (req/s). A p95 under
    # 100 ms at these connections needs this throughput, whatever the page.
    print(f"worker ms: a worker's time per request (workers / req/s). With "
          f"{args.connections} connections always waiting, p50 is about connections / req/s: "
          f"p95 under 100 ms needs about {args.connections * 10:,} req/s, a worker time "
          f"under {100 * args.workers / args.connections:.0f} ms")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
