"""Bytes on the wire and first contentful paint of the main pages, in Debian's
Chromium over an emulated slow link (400 ms latency, 50 KB/s down, 20 KB/s up),
cold (empty cache) and warm (a second visit), and the size of the htmx partials.

Runs against the instance bench/generate made last, served by a real gunicorn
on 127.0.0.1 (as bench/load does).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.instance import BRAND, COORDINATOR, SUPPLIER  # noqa: E402
from bench.load import DATA, app_for, cookies, free_port, start_gunicorn  # noqa: E402

SLOW_3G = {"offline": False, "latency": 400, "downloadThroughput": 50 * 1024,
           "uploadThroughput": 20 * 1024}
LIMITS = {"cold": 30 * 1024, "warm": 10 * 1024, "partial": 5 * 1024, "fcp": 3000}
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


def pages(info: dict) -> list[tuple[str, str, str | None, bool]]:
    """(name, path, account, held to the supplier/worker targets)."""
    big = info["companies"][0]
    token = info["open_cycle"]["token"]
    brand, supplier = BRAND.format(0), SUPPLIER.format(0)
    return [
        ("worker: survey form", f"/s/{token}", None, True),
        ("supplier: home", "/", supplier, True),
        ("supplier: cycle results", f"/cycles/{info['supplier_cycle']}/results", supplier, True),
        ("supplier: poster", f"/cycles/{info['supplier_cycle']}/poster", supplier, True),
        ("brand: home", "/", brand, False),
        ("brand: cycle results", f"/cycles/{big['last_cycle']}/results", brand, False),
        ("brand: all-sites table", "/results/sites", brand, False),
        ("brand: suppliers", "/suppliers", brand, False),
        ("coordinator: home", "/", COORDINATOR, False),
        ("login page", "/login", None, True),
    ]


def partials(info: dict) -> list[tuple[str, str, str]]:
    big = info["companies"][0]
    brand, supplier = BRAND.format(0), SUPPLIER.format(0)
    return [
        ("brand: results filter", f"/cycles/{big['last_cycle']}/results?group=gender:woman",
         brand),
        ("supplier: results filter",
         f"/cycles/{info['supplier_cycle']}/results?group=age_band:25_34", supplier),
        ("brand: results order", f"/cycles/{big['last_cycle']}/results?sort=negative", brand),
    ]


def visit(context, url: str, cold: bool) -> dict:
    """Load ``url`` in a new tab of ``context``: requests, bytes received
    (headers included, as Chromium counts them) and first contentful paint."""
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", SLOW_3G)
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": cold})
    received: dict[str, int] = {}
    cdp.on("Network.loadingFinished",
           lambda e: received.__setitem__(e["requestId"], int(e["encodedDataLength"])))
    page.goto(url, wait_until="load")
    page.wait_for_timeout(300)  # late loadingFinished events
    fcp = page.evaluate("""() => {
        const [e] = performance.getEntriesByName('first-contentful-paint');
        return e ? e.startTime : null; }""")
    page.close()
    return {"requests": len(received), "bytes": sum(received.values()), "fcp": fcp}


def partial_size(url: str, cookie: str | None) -> int:
    """An htmx partial's body as sent, Brotli or gzip as Chromium accepts here."""
    headers = {"HX-Request": "true", "Accept-Encoding": "gzip, deflate, br"}
    if cookie:
        headers["Cookie"] = cookie
    request = urllib.request.Request(url, headers=headers)
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        body = response.read()
        header_bytes = sum(len(k) + len(v) + 4 for k, v in response.headers.items())
    return len(body) + header_bytes


def main() -> None:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    saved = json.loads((DATA / "instance.json").read_text())
    url, info = saved["url"], saved["info"]
    app = app_for(url)
    sessions = cookies(app, {BRAND.format(0), SUPPLIER.format(0), COORDINATOR})
    failed = []
    with tempfile.TemporaryDirectory() as tmp:
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server, log = start_gunicorn(url, port, 2, tmp)
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
                print(f"Chromium {browser.version}, 400 ms latency, 50 KB/s down; "
                      "bytes include headers")
                print(f"{'page':<28}{'requests':>9}{'cold KB':>9}{'warm KB':>9}"
                      f"{'FCP cold ms':>13}{'FCP warm ms':>13}")
                for name, path, account, held in pages(info):
                    context = browser.new_context()
                    if account:
                        value = sessions[account].split("=", 1)[1]
                        context.add_cookies([{"name": app.config["SESSION_COOKIE_NAME"],
                                              "value": value, "url": base}])
                    cold = visit(context, base + path, cold=True)
                    warm = visit(context, base + path, cold=False)
                    context.close()
                    mark = ""
                    if held and (cold["bytes"] > LIMITS["cold"] or warm["bytes"] > LIMITS["warm"]):
                        mark += "  over the byte target"
                    if (cold["fcp"] or 1e9) > LIMITS["fcp"]:
                        mark += "  FCP over 3 s"
                    if mark:
                        failed.append(name)
                    print(f"{name:<28}{cold['requests']:>9}{cold['bytes'] / 1024:>9.1f}"
                          f"{warm['bytes'] / 1024:>9.1f}{cold['fcp'] or 0:>13.0f}"
                          f"{warm['fcp'] or 0:>13.0f}{mark}")
                browser.close()
            print(f"\n{'htmx partial':<28}{'KB':>9}")
            for name, path, account in partials(info):
                size = partial_size(base + path, sessions.get(account))
                mark = "  over 5 KB" if size > LIMITS["partial"] else ""
                if mark:
                    failed.append(name)
                print(f"{name:<28}{size / 1024:>9.1f}{mark}")
        finally:
            server.terminate()
            server.wait(timeout=30)
            log.close()
    print("\ntargets: supplier-facing pages and the worker survey at most 30 KB cold and "
          "10 KB warm; partials at most 5 KB; first contentful paint under 3 s")
    if failed:
        print("over a target: " + ", ".join(failed))


if __name__ == "__main__":
    main()
