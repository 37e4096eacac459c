"""Growth: the pages a user opens often, at 105, 420 and 1,680 sites of one brand
(and, with ``--msi``, an MSI of 50 members with 5,000 sites), timed in-process.

For every page and size it prints the server time (median of several requests
after a first, warming one) and the HTML's size uncompressed, then each page's
growth from the smallest to the largest size. Exports are also measured for the
memory they hold at their peak (tracemalloc), which must stay flat: they stream.

Targets (issue #25): from the smallest to the largest size no HTML page grows
more than 1.5x in time, none exceeds 100 KB, exports' peak memory stays flat
(under 1.5x from the second largest size to the largest, the smallest fitting
in one chunk of cycles read).
Measure ratios in one run: these machines are noisy.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import tracemalloc
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

COUNTRIES = ("VN", "CN", "BD", "IN", "TR", "PK", "KH", "MM", "LK", "ID")
TIME_GROWTH = 1.5
#: Exports' peak memory from the second largest size to the largest (4x the sites).
MEMORY_GROWTH = 1.5
PAGE_LIMIT = 100 * 1024
BRAND = "brand@scale.example"
SUPPLIER = "supplier@scale.example"
COORDINATOR = "coordinator@scale.example"
SECRET = "bench-scale"  # noqa: S105 (signs the bench's own session cookies)


@dataclass(frozen=True)
class Size:
    members: int
    sites: int  # of the first member
    others: int = 0  # of each other member
    people: int = 10
    cycles: int = 2
    questions: int = 20


def build(size: Size, seed: int = 11) -> dict:
    """Fill the app's empty database: members, their suppliers and sites, two
    released cycles per site with answers, a held dialogue with two agreements
    on the latest, an onboarding engagement per supplier. Returns ids the pages
    need (and what ``add_sites`` needs to add more)."""
    from tests import factories as f
    from wsdialog.models import Role
    from wsdialog.questionnaires.starter import STARTER

    rng = random.Random(seed)
    codes = tuple(row[0] for row in STARTER)[:size.questions]
    f.user(Role.coordinator, email=COORDINATOR, name="Scale coordinator")
    info: dict = {"rng": rng, "codes": codes}
    per_member = [size.sites] + [size.others] * (size.members - 1)
    for m, n_sites in enumerate(per_member):
        company = f.company(f"Member {m:02d}")
        admin = f.user(company=company, admin=True,
                       email=BRAND if m == 0 else f"brand{m}@scale.example",
                       name=f"Admin {m}")
        version = f.published(company, f"Survey {m}", codes)
        if m == 0:
            info.update(company=company, admin=admin, version=version)
        add_sites(info, company, admin, version, 0, n_sites, size, member=m)
    return info


def add_sites(info: dict, company, admin, version, first: int, n: int, size: Size,
              member: int = 0) -> None:
    """Sites ``first`` to ``first + n`` of a member (two per supplier), each with
    its cycles, answers, dialogue and agreements."""
    from bench.instance import held_dialogue, respondents
    from tests import factories as f
    from wsdialog.clock import today
    from wsdialog.extensions import db
    from wsdialog.models import Role
    from wsdialog.surveys.operations import store

    rng, codes = info["rng"], info["codes"]
    supplier = None
    for s in range(first, first + n):
        if s % 2 == 0 or supplier is None:  # two sites per supplier
            supplier = f.supplier(company, name=f"Supplier {member:02d}-{s // 2:04d}",
                                  country=COUNTRIES[s // 2 % len(COUNTRIES)])
            f.engagement(company, supplier, admin, stage=("joined", "approached")[s % 4 // 2])
            if member == 0 and s == 0:
                f.user(Role.supplier, supplier=supplier, email=SUPPLIER, name="Supplier user")
        site = f.site(supplier, name=f"Site {member:02d}-{s:04d}", headcount=800)
        last = None
        for c in range(size.cycles):
            ends = today() - timedelta(days=40 + 180 * (size.cycles - 1 - c))
            cycle = f.cycle(company, site, version, starts_on=ends - timedelta(days=13),
                            ends_on=ends, headcount=800)
            cycle.results_shared_on = ends + timedelta(days=7)
            cycle.results_shared_by = admin
            store(cycle, respondents(rng, cycle, codes, size.people))
            last = cycle
        dialogue = held_dialogue(company, admin, last, codes)
        if member == 0 and s == 0:
            db.session.flush()
            info.update(cycle=last.id, site=site.id, dialogue=dialogue.id)
        if s % 50 == 49:
            db.session.commit()
    db.session.commit()


def pages(info: dict) -> list[tuple[str, str, str, bool]]:
    """(name, path, account, is an export)."""
    cycle, site, dialogue = info["cycle"], info["site"], info["dialogue"]
    return [
        ("brand: home", "/", BRAND, False),
        # One list shown whole, its first page of 50 (every size has more than 50).
        ("brand: home, one list whole", "/?all=without-login", BRAND, False),
        ("brand: all-sites table", "/results/sites", BRAND, False),
        # Filters that leave at least a page of sites at every size (a fair comparison).
        ("brand: all-sites, a search", "/results/sites?q=00-00", BRAND, False),
        ("brand: all-sites, one country", "/results/sites?country=VN", BRAND, False),
        ("brand: all-sites, priorities only", "/results/sites?priorities=1", BRAND, False),
        ("brand: all-sites, one theme", "/results/sites?theme=wages", BRAND, False),
        ("brand: all-sites, by site, page 2", "/results/sites?sort=site&page=2", BRAND, False),
        ("brand: cycle results", f"/cycles/{cycle}/results", BRAND, False),
        ("brand: site trends", f"/sites/{site}/trends", BRAND, False),
        ("brand: cycles", "/cycles", BRAND, False),
        ("brand: sites", "/sites", BRAND, False),
        ("brand: suppliers", "/suppliers", BRAND, False),
        ("brand: onboarding", "/onboarding", BRAND, False),
        ("brand: dialogues", "/dialogues", BRAND, False),
        ("brand: a dialogue", f"/dialogues/{dialogue}", BRAND, False),
        ("brand: agreements", "/actions", BRAND, False),
        ("brand: yearly summary", "/reports/due-diligence", BRAND, False),
        ("supplier: home", "/", SUPPLIER, False),
        ("supplier: cycle results", f"/cycles/{cycle}/results", SUPPLIER, False),
        ("coordinator: home", "/", COORDINATOR, False),
        ("coordinator: members' progress", "/msi/progress", COORDINATOR, False),
        ("export: all-sites CSV", "/results/sites.csv", BRAND, True),
        ("export: all-sites XLSX", "/results/sites.xlsx", BRAND, True),
        ("export: agreements CSV", "/actions.csv", BRAND, True),
        ("export: yearly summary XLSX", "/reports/due-diligence.xlsx", BRAND, True),
    ]


def measure(url: str, info: dict, repeat: int) -> dict[str, tuple[float, int, int | None]]:
    """{page: (median ms, bytes, peak KB of an export)} for one instance."""
    from bench.load import cookies
    from wsdialog import create_app

    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": SECRET,
                      "RATELIMIT_ENABLED": False})
    chosen = pages(info)
    jar = cookies(app, {user for *_, user, _export in chosen})
    found = {}
    for name, path, user, export in chosen:
        client = app.test_client()
        cookie_name, _sep, value = jar[user].partition("=")
        client.set_cookie(cookie_name, value)
        first = client.get(path, base_url="https://localhost")
        first.get_data()  # a streamed response keeps its request's context until read
        first.close()
        if first.status_code != 200:
            found[name] = (float("nan"), first.status_code, None)
            continue
        times = []
        size = 0
        for _ in range(repeat):
            started = time.perf_counter()
            response = client.get(path, base_url="https://localhost")
            size = len(response.get_data())  # a streamed export is read out here
            response.close()
            times.append((time.perf_counter() - started) * 1000)
        peak = None
        if export:  # read piece by piece: what the server holds, not the whole file
            tracemalloc.start()
            response = client.get(path, base_url="https://localhost", buffered=False)
            for _piece in response.response:
                pass
            response.close()
            peak = tracemalloc.get_traced_memory()[1] // 1024
            tracemalloc.stop()
        found[name] = (statistics.median(times), size, peak)
    return found


def instance(size: Size, url: str | None, workdir: Path) -> tuple[str, dict]:
    from wsdialog import create_app
    from wsdialog.extensions import db

    url = url or f"sqlite:///{workdir / f'scale-{size.members}-{size.sites}.sqlite'}"
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": SECRET})
    started = time.perf_counter()
    with app.app_context():
        db.drop_all()
        db.create_all()
        info = build(size)
        db.session.remove()
        db.engine.dispose()
    print(f"  built {size.members} member(s), {size.sites} sites of the first "
          f"({size.sites + size.others * (size.members - 1):,} in all) in "
          f"{time.perf_counter() - started:.0f} s", flush=True)
    return url, info


def report(sizes: list[Size], results: list[dict]) -> bool:
    names = list(results[0])
    head = "".join(f"{s.sites:>8} sites      " for s in sizes)
    print(f"\n{'page':<38}{head}  time x   bytes x")
    ok = True
    for name in names:
        cells = []
        for found in results:
            ms, size, peak = found[name]
            extra = f" {peak:>5}K" if peak is not None else ""
            cells.append(f"{ms:7.1f} ms {size / 1024:6.0f} KB{extra}")
        first, last = results[0][name], results[-1][name]
        grow_t = last[0] / first[0] if first[0] else float("nan")
        grow_b = last[1] / first[1] if first[1] else float("nan")
        export = name.startswith("export")
        misses = []
        if not export and grow_t > TIME_GROWTH:
            misses.append("time")
        if not export and last[1] > PAGE_LIMIT:
            misses.append(">100 KB")
        # Memory: between the two largest sizes. The smallest instance's export
        # fits in one chunk of 200 cycles (``overview.CHUNK``), so its memory
        # grows up to a chunk's first; "flat" is what happens beyond.
        before = results[-2][name] if len(results) > 1 else first
        if export and before[2] and last[2] and last[2] > MEMORY_GROWTH * before[2]:
            misses.append("memory")
        ok = ok and not misses
        flag = ("  MISS: " + ", ".join(misses)) if misses else ""
        print(f"{name:<38}{'  '.join(cells)}  {grow_t:5.2f}  {grow_b:6.2f}{flag}")
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="105,420,1680",
                        help="sites of the one brand (default 105,420,1680)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--msi", metavar="DATABASE_URL",
                        help="also an MSI of 50 members with 5,000 sites in this (PostgreSQL) "
                             "database, which is emptied first")
    parser.add_argument("--only", help="only pages whose name contains this")
    args = parser.parse_args()
    os.environ.setdefault("WSDIALOG_SECRET_KEY", SECRET)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ.setdefault("WSDIALOG_INSTANCE_PATH", tmp)
        sizes = [Size(1, int(n)) for n in args.sizes.split(",")]
        targets = [(size, None) for size in sizes]
        if args.msi:
            targets.append((Size(50, 1080, others=80), args.msi))  # 1,080 + 49 x 80 = 5,000
        results = []
        for size, url in targets:
            print(f"{size.members} member(s), {size.sites} sites of the first …", flush=True)
            where, info = instance(size, url, Path(tmp))
            found = measure(where, info, args.repeat)
            if args.only:
                found = {k: v for k, v in found.items() if args.only in k}
            results.append(found)
        ok = report([t[0] for t in targets], results)
    print("\nall targets met" if ok else "\nsome targets missed (MISS above)")


if __name__ == "__main__":
    main()
