"""Run with `make bench` (or `python -m bench.run`). Prints server CPU per request, latency and queries.

Each configuration runs gunicorn with the production settings (the benchmark adds the reference
views and a query-count header), behind a pretend TLS proxy (X-Forwarded-Proto: https), on SQLite
and on PostgreSQL with Redis. Server CPU is the time the gunicorn processes spent on a CPU
(/proc/*/schedstat, in nanoseconds), read before and after a batch of requests and divided by the
number of requests; each figure is the median of three batches after a warm-up batch.

The references run in the same run: a bare view under the same production settings, and a bare
view and a minimal three-step formtools wizard under the settings `django-admin startproject`
writes (DEBUG on, sessions in the database), i.e. Django and formtools "on default settings".
"""

import argparse
import os
import statistics
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tests.http import Session, walk
from tests.journeys import STEP_FIELDS, VALID, journey
from tests.servers import AppServer, prepare, production_env

BARE = "bare Django view (production settings)"
BARE_DEFAULT = "bare Django view (Django defaults)"
MINIMAL = "minimal 3-step formtools wizard, per request"
QUESTION_PAGES = [f"/questions/{step}/" for step in STEP_FIELDS] + ["/questions/check/"]


def cpu_seconds(server: AppServer) -> float:
    """CPU time of the gunicorn master and its workers so far, in nanoseconds from /proc/*/schedstat."""
    pids = [server.process.pid]
    children = Path(f"/proc/{server.process.pid}/task/{server.process.pid}/children")
    pids += [int(p) for p in children.read_text().split()]
    total = 0
    for pid in pids:
        for task in Path(f"/proc/{pid}/task").iterdir():
            total += int((task / "schedstat").read_text().split()[0])  # time on a CPU, ns
    return total / 1e9


def cpu_per_request(server, batch, trials=3) -> tuple[float, int]:
    """Run batch() (which returns how many requests it made) a few times; the median CPU ms per request."""
    batch()  # warm up: imports, template caches, connections
    results, total = [], 0
    for _ in range(trials):
        before = cpu_seconds(server)
        requests = batch()
        results.append((cpu_seconds(server) - before) * 1000 / requests)
        total += requests
    return statistics.median(results), total


def question_pages(url, rounds):
    session = Session(url)
    walk(session, journey(), finish=False)

    def batch():
        for _ in range(rounds):
            for page in QUESTION_PAGES:
                assert session.get(page).status == 200
        return rounds * len(QUESTION_PAGES)

    return batch


def bare(url, rounds, https=True):
    session = Session(url, https=https)

    def batch():
        for _ in range(rounds * len(QUESTION_PAGES)):
            assert session.get("/bench/bare/").status == 200
        return rounds * len(QUESTION_PAGES)

    return batch


class Counting(Session):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.count = 0

    def request(self, *args, **kwargs):
        self.count += 1
        return super().request(*args, **kwargs)


def journeys(url, rounds):
    def batch():
        made = 0
        for n in range(rounds):
            session = Counting(url)
            walk(session, journey(contact_kinds=["text"] if n % 2 else ["none"]))
            assert session.get("/guidance/").status == 200
            assert session.post("/guidance/", VALID).status == 302
            assert session.get("/guidance/request-sent/").status == 200
            made += session.count
        return made

    return batch


def minimal_wizard(url, rounds):
    answers = {"one": {"one-first": "x"}, "two": {"two-second": "a"}, "three": {"three-third": "y"}}

    def batch():
        made = 0
        for _ in range(rounds):
            session = Counting(url, https=False)  # Django's defaults trust no proxy header
            location = session.get("/bench/minimal/").location
            while "finished" not in location:
                step = location.strip("/").split("/")[-1]
                assert session.get(location).status == 200
                response = session.post(location, {**answers[step], "minimal_wizard-current_step": step})
                assert response.status == 302, response.text[:300]
                location = response.location
            assert session.get(location).status == 200
            made += session.count
        return made

    return batch


def kind_of(method, path):
    if path.startswith("/questions/") and path not in ("/questions/", "/questions/check/"):
        path = "/questions/<step>/"
    return f"{method} {path}"


class Timed(Session):
    """Adds up X-Bench-CPU-us (CPU spent inside Django, measured by bench.queries) per kind of request."""

    def __init__(self, *args, spent, **kwargs):
        super().__init__(*args, **kwargs)
        self.spent = spent

    def request(self, method, path, *args, **kwargs):
        response = super().request(method, path, *args, **kwargs)
        self.spent.setdefault(kind_of(method, path), []).append(int(response.header("X-Bench-CPU-us")) / 1000)
        return response


def where_the_time_goes(server, rounds):
    """CPU inside Django per kind of request of a journey, and what the server spends outside Django."""
    spent = {}

    def batch():
        for n in range(rounds):
            session = Timed(server.url, spent=spent)
            walk(session, journey(contact_kinds=["text"] if n % 2 else ["none"]))
            session.get("/guidance/")
            session.post("/guidance/", VALID)
            session.get("/guidance/request-sent/")
        return sum(len(times) for times in spent.values())

    batch()  # warm up
    spent.clear()
    before = cpu_seconds(server)
    requests = batch()
    total_ms = (cpu_seconds(server) - before) * 1000
    inside_ms = sum(sum(times) for times in spent.values())
    return spent, total_ms / requests, inside_ms / requests


def queries_per_page(url):
    session = Session(url)
    counts = {}
    session.get("/questions/")
    walk(session, journey(), finish=False)
    for page in QUESTION_PAGES:
        counts[page] = session.get(page).header("X-Bench-Queries")
    session.post("/questions/check/", {})
    counts["/guidance/"] = session.get("/guidance/").header("X-Bench-Queries")
    counts["POST /guidance/ (consultation)"] = session.post("/guidance/", VALID).header("X-Bench-Queries")
    counts["/bench/bare/"] = session.get("/bench/bare/").header("X-Bench-Queries")
    return counts


def latency(url, concurrency, per_client):
    def client(_):
        session = Session(url)
        walk(session, journey(), finish=False)
        times = []
        for n in range(per_client):
            started = time.perf_counter()
            assert session.get(QUESTION_PAGES[n % len(QUESTION_PAGES)]).status == 200
            times.append((time.perf_counter() - started) * 1000)
        return times

    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        samples = sorted(t for times in pool.map(client, range(concurrency)) for t in times)
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def run(label, database_url, redis_url, rounds):
    with tempfile.TemporaryDirectory() as workdir:
        base = production_env(
            Path(workdir),
            database_url=database_url,
            redis_url=redis_url,
            RATELIMIT_FINISH="1000000/h",
            RATELIMIT_CONSULTATION="1000000/h",
            GUNICORN_MAX_REQUESTS=0,  # no worker recycling in the middle of a measurement
        )
        app_env = {**base, "DJANGO_SETTINGS_MODULE": "bench.settings"}
        reference_env = {**base, "DJANGO_SETTINGS_MODULE": "bench.reference_settings"}
        prepare(app_env)
        print(f"\n== {label}")
        with AppServer(app_env) as app, AppServer(reference_env, health_path="/bench/bare/") as reference:
            rows = {
                "bare Django view (production settings)": cpu_per_request(app, bare(app.url, rounds)),
                "bare Django view (Django defaults)": cpu_per_request(
                    reference, bare(reference.url, rounds, https=False)
                ),
                "question page (each question + check)": cpu_per_request(
                    app, question_pages(app.url, rounds)
                ),
                "complete journey, per request": cpu_per_request(app, journeys(app.url, max(4, rounds // 4))),
                "minimal 3-step formtools wizard, per request": cpu_per_request(
                    reference, minimal_wizard(reference.url, max(4, rounds // 2))
                ),
            }
            for name, (ms, requests) in rows.items():
                print(f"  server CPU {ms:7.2f} ms/request   {name}  ({requests} requests)")
            cost = {name: ms for name, (ms, _) in rows.items()}
            question = cost["question page (each question + check)"]
            journey_ms = cost["complete journey, per request"]
            ratios = [
                ("question page / bare view, production settings", question / cost[BARE], "target <= 5"),
                ("question page / bare view, Django defaults", question / cost[BARE_DEFAULT], ""),
                ("journey / minimal wizard, per request", journey_ms / cost[MINIMAL], "target <= 0.5"),
            ]
            print("  ratios:")
            for name, value, target in ratios:
                print(f"    {name:<48} {value:5.2f}  {target}")
            journeys_walked = max(4, rounds // 4)
            spent, total, inside = where_the_time_goes(app, journeys_walked)
            print(
                f"  where a journey's server CPU goes: {inside:.2f} ms/request inside Django, "
                f"{total - inside:.2f} ms/request in gunicorn around it; inside Django, by request:"
            )
            for kind, times in sorted(spent.items(), key=lambda item: -sum(item[1])):
                each, per_journey = statistics.mean(times), len(times) / journeys_walked
                print(f"    {kind:<28} {each:6.2f} ms  x{per_journey:4.1f} per journey")
            print(
                "  database queries per page:",
                ", ".join(f"{k} {v}" for k, v in queries_per_page(app.url).items()),
            )
        with AppServer(app_env, workers=2) as app:
            for concurrency in (1, 4, 16):
                p50, p95 = latency(app.url, concurrency, max(20, rounds))
                clients = f"{concurrency:2d} clients, 2 workers"
                print(f"  latency, question pages, {clients}: p50 {p50:5.1f} ms, p95 {p95:5.1f} ms")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=40, help="batch size (more is steadier, slower)")
    parser.add_argument("--skip-postgres", action="store_true")
    options = parser.parse_args()
    run("SQLite (sessions in files)", None, None, options.rounds)
    if not options.skip_postgres:
        import psycopg

        admin = os.environ.get("BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
        name = f"intake_bench_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        try:
            database_url = admin.rsplit("/", 1)[0].replace("postgresql://", "postgres://") + "/" + name
            redis_url = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/13")
            import redis

            redis.Redis.from_url(redis_url).flushdb()
            run(
                "PostgreSQL + Redis (sessions in Redis, copied to PostgreSQL)",
                database_url,
                redis_url,
                options.rounds,
            )
        finally:
            with psycopg.connect(admin, autocommit=True) as connection:
                connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    main()
