"""Run with `make bench` (or `python -m bench.run`). Prints server CPU per request, latency and queries.

Each configuration runs gunicorn with the production settings (the benchmark adds only the
reference views), behind a pretend TLS proxy (X-Forwarded-Proto: https), on SQLite and on
PostgreSQL with Redis. The split of the CPU by part and the query counts come from servers started
again with the benchmark's own measuring (bench.queries, bench.timed_sessions), which costs CPU of
its own and so is left out of the servers whose CPU is compared.

Server CPU is the time the gunicorn processes spent on a CPU (/proc/*/schedstat, in nanoseconds),
read before and after a batch of requests and divided by the number of requests. Each ratio
compares two workloads measured in pairs, back to back, PAIRS times (after a warm-up of each):
the machine's speed drifts from minute to minute, and a pair sees the same conditions. Each figure
is the median of its batches; each ratio, the median of its pairs, printed with the lowest and
highest pair.

The references run in the same run: a bare view under the same production settings, and a bare
view and a minimal three-step formtools wizard under the settings `django-admin startproject`
writes (DEBUG on, sessions in the database), i.e. Django and formtools "on default settings".
"""

import argparse
import functools
import os
import statistics
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from tests.http import Session, walk
from tests.journeys import STEP_FIELDS, VALID, journey
from tests.servers import AppServer, prepare, production_env

BARE = "bare Django view (production settings)"
BARE_DEFAULT = "bare Django view (Django defaults)"
QUESTION = "question page (each question + check)"
JOURNEY = "complete journey, per request"
MINIMAL = "minimal 3-step formtools wizard, per request"
QUESTION_PAGES = [f"/questions/{step}/" for step in STEP_FIELDS] + ["/questions/check/"]


def _pids(server: AppServer) -> list[int]:
    children = Path(f"/proc/{server.process.pid}/task/{server.process.pid}/children")
    return [server.process.pid, *(int(p) for p in children.read_text().split())]


def cpu_seconds(server: AppServer) -> float:
    """CPU time of the gunicorn master and its workers so far, in seconds (/proc/*/schedstat, in ns)."""
    total = 0
    for pid in _pids(server):
        for task in Path(f"/proc/{pid}/task").iterdir():
            total += int((task / "schedstat").read_text().split()[0])  # time on a CPU, ns
    return total / 1e9


def kernel_seconds(server: AppServer) -> float:
    """CPU time the gunicorn processes spent in the kernel so far (/proc/*/stat, in clock ticks)."""
    ticks = 0
    for pid in _pids(server):
        ticks += int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[12])  # stime
    return ticks / os.sysconf("SC_CLK_TCK")


@dataclass
class Trial:
    ms: float  # server CPU per request
    kernel_ms: float  # of which in the kernel (system calls: sockets, files, database syncs)
    requests: int


def measure(server, batch) -> Trial:
    cpu, kernel = cpu_seconds(server), kernel_seconds(server)
    requests = batch()  # returns how many requests it made
    cpu, kernel = cpu_seconds(server) - cpu, kernel_seconds(server) - kernel
    return Trial(cpu * 1000 / requests, kernel * 1000 / requests, requests)


# Pairs per ratio: the median of nine still moved by about 0.03 from run to run on the benchmark
# machine; the median of fifteen moves about a quarter less.
PAIRS = 15


def paired_trials(first, second, trials=PAIRS):
    """Measure two workloads ((server, batch) each) back to back, `trials` times, alternating which goes
    first, after a warm-up of each. The speed of a shared machine drifts from minute to minute; a
    ratio taken from one pair compares the two under the same conditions."""
    for _server, batch in (first, second):
        batch()  # warm up: imports, template caches, connections
    results = ([], [])
    for trial in range(trials):
        order = (0, 1) if trial % 2 == 0 else (1, 0)
        for which in order:
            server, batch = (first, second)[which]
            results[which].append(measure(server, batch))
    return results


def summary(trials: list[Trial]) -> tuple[float, float, int]:
    """The median CPU ms per request, the kernel's share over all trials (its clock ticks are too
    coarse for one trial), and how many requests were made."""
    requests = sum(t.requests for t in trials)
    kernel = sum(t.kernel_ms * t.requests for t in trials) / sum(t.ms * t.requests for t in trials)
    return statistics.median(t.ms for t in trials), kernel, requests


def ratio(numerators: list[Trial], denominators: list[Trial]) -> tuple[float, float, float]:
    """The median of the per-trial ratios, with the lowest and highest."""
    ratios = [a.ms / b.ms for a, b in zip(numerators, denominators, strict=True)]
    return statistics.median(ratios), min(ratios), max(ratios)


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


def journeys(url, rounds, session=None):
    def batch():
        made = 0
        for n in range(rounds):
            session_ = (session or Counting)(url)
            walk(session_, journey(contact_kinds=["text"] if n % 2 else ["none"]))
            assert session_.get("/guidance/").status == 200
            assert session_.post("/guidance/", VALID).status == 302
            assert session_.get("/guidance/request-sent/").status == 200
            made += session_.count
        return made

    return batch


def minimal_wizard(url, rounds, session=None):
    answers = {"one": {"one-first": "x"}, "two": {"two-second": "a"}, "three": {"three-third": "y"}}

    def batch():
        made = 0
        for _ in range(rounds):
            session_ = (session or Counting)(url, https=False)  # Django's defaults trust no proxy header
            location = session_.get("/bench/minimal/").location
            while "finished" not in location:
                step = location.strip("/").split("/")[-1]
                assert session_.get(location).status == 200
                response = session_.post(location, {**answers[step], "minimal_wizard-current_step": step})
                assert response.status == 302, response.text[:300]
                location = response.location
            assert session_.get(location).status == 200
            made += session_.count
        return made

    return batch


def kind_of(method, path):
    if path.startswith("/questions/") and path not in ("/questions/", "/questions/check/"):
        path = "/questions/<step>/"
    return f"{method} {path}"


# Parts of the CPU inside Django: sessions (loading and saving them, their queries included), and
# other queries while in the database driver (building a query in the ORM counts as the rest).
PARTS = {"sessions": "X-Bench-Session-us", "other queries in the driver": "X-Bench-DB-us"}


class Timed(Counting):
    """Adds up X-Bench-CPU-us (CPU spent inside Django, measured by bench.queries) per kind of request,
    and the part of it each of PARTS took."""

    def __init__(self, *args, spent, parts, **kwargs):
        super().__init__(*args, **kwargs)
        self.spent, self.parts = spent, parts

    def request(self, method, path, *args, **kwargs):
        response = super().request(method, path, *args, **kwargs)
        self.spent.setdefault(kind_of(method, path), []).append(int(response.header("X-Bench-CPU-us")) / 1000)
        for part, header in PARTS.items():
            self.parts[part] = self.parts.get(part, 0) + int(response.header(header)) / 1000
        return response


@dataclass
class Split:
    total: float  # server CPU per request, ms
    inside: float  # of which inside Django
    parts: dict  # of which, per request, each of PARTS


def where_the_time_goes(server, workload, rounds):
    """CPU inside Django per kind of request of a workload (journeys or minimal_wizard), and per
    request: in all (so also in gunicorn around Django), inside Django, and in each of PARTS."""
    spent, parts = {}, {}
    batch = workload(server.url, rounds, session=functools.partial(Timed, spent=spent, parts=parts))
    batch()  # warm up
    spent.clear()
    parts.clear()
    before = cpu_seconds(server)
    requests = batch()
    total_ms = (cpu_seconds(server) - before) * 1000
    inside_ms = sum(sum(times) for times in spent.values())
    per_request = {name: ms / requests for name, ms in parts.items()}
    return spent, Split(total_ms / requests, inside_ms / requests, per_request)


def split_text(split: Split) -> str:
    rest = split.inside - sum(split.parts.values())
    parts = ", ".join(f"{name} {ms:.2f}" for name, ms in split.parts.items())
    return (
        f"{split.total:.2f} ms/request: {split.total - split.inside:.2f} in gunicorn around Django, "
        f"{split.inside:.2f} inside ({parts}, the rest {rest:.2f})"
    )


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


def compare(app, reference, rounds):
    """Server CPU per request of each workload, and the ratios (servers without the measuring)."""
    question, bare_view = paired_trials((app, question_pages(app.url, rounds)), (app, bare(app.url, rounds)))
    defaults_question, bare_default = paired_trials(
        (app, question_pages(app.url, rounds)), (reference, bare(reference.url, rounds, https=False))
    )
    journey_trials, minimal = paired_trials(
        (app, journeys(app.url, max(4, rounds // 4))),
        (reference, minimal_wizard(reference.url, max(4, rounds // 2))),
    )
    rows = {
        BARE: bare_view,
        BARE_DEFAULT: bare_default,
        QUESTION: question,
        JOURNEY: journey_trials,
        MINIMAL: minimal,
    }
    for name, trials in rows.items():
        ms, kernel, requests = summary(trials)
        print(
            f"  server CPU {ms:7.2f} ms/request   {name}  ({kernel:.0%} in the kernel; {requests} requests)"
        )
    ratios = [
        ("question page / bare view, production settings", ratio(question, bare_view), "target <= 3"),
        ("question page / bare view, Django defaults", ratio(defaults_question, bare_default), ""),
        ("journey / minimal wizard, per request", ratio(journey_trials, minimal), "target <= 0.5"),
    ]
    print(f"  ratios (median of {PAIRS} pairs measured back to back; lowest and highest pair):")
    for name, (median, low, high), target in ratios:
        print(f"    {name:<48} {median:5.2f}  [{low:.2f}-{high:.2f}]  {target}".rstrip())


def split(app, reference, rounds):
    """Where the server CPU goes, and the queries per page (servers with the measuring)."""
    journeys_walked = max(4, rounds // 4)
    spent, ours = where_the_time_goes(app, journeys, journeys_walked)
    _, reference_split = where_the_time_goes(reference, minimal_wizard, max(4, rounds // 2))
    print("  where the server CPU goes, the measuring included (sessions: loading and saving them,")
    print("  their queries included):")
    print(f"    a journey:          {split_text(ours)}")
    print(f"    the minimal wizard: {split_text(reference_split)}")
    inside = ours.inside / reference_split.inside
    print(f"    inside Django alone, the journey costs {inside:.2f} of the minimal wizard")
    print("  inside Django, by request:")
    for kind, times in sorted(spent.items(), key=lambda item: -sum(item[1])):
        each, per_journey = statistics.mean(times), len(times) / journeys_walked
        print(f"    {kind:<28} {each:6.2f} ms  x{per_journey:4.1f} per journey")
    print("  database queries per page:", ", ".join(f"{k} {v}" for k, v in queries_per_page(app.url).items()))


def run(label, database_url, redis_url, rounds, session_engine=None):
    with tempfile.TemporaryDirectory() as workdir:
        base = production_env(
            Path(workdir),
            database_url=database_url,
            redis_url=redis_url,
            RATELIMIT_FINISH="1000000/h",
            RATELIMIT_CONSULTATION="1000000/h",
            RATELIMIT_CONSULTATION_ATTEMPTS="1000000/h",
            GUNICORN_MAX_REQUESTS=0,  # no worker recycling in the middle of a measurement
            BENCH_SESSION_ENGINE_INSTEAD=session_engine or "",
        )
        app_env = {**base, "DJANGO_SETTINGS_MODULE": "bench.settings"}
        reference_env = {**base, "DJANGO_SETTINGS_MODULE": "bench.reference_settings"}
        prepare(app_env)
        print(f"\n== {label}")
        with AppServer(app_env) as app, AppServer(reference_env, health_path="/bench/bare/") as reference:
            compare(app, reference, rounds)
        # The split by part, and the query counts, come from the benchmark's own measuring, which
        # costs CPU of its own: servers with it are started for these only.
        instrumented = {"BENCH_INSTRUMENTED": "1"}
        with (
            AppServer({**app_env, **instrumented}) as app,
            AppServer({**reference_env, **instrumented}, health_path="/bench/bare/") as reference,
        ):
            split(app, reference, rounds)
        if session_engine:
            return  # on SQLite a cache-backed engine has only each worker's own memory: no latency with 2
        with AppServer(app_env, workers=2) as app:
            for concurrency in (1, 4, 16):
                p50, p95 = latency(app.url, concurrency, max(20, rounds))
                clients = f"{concurrency:2d} clients, 2 workers"
                print(f"  latency, question pages, {clients}: p50 {p50:5.1f} ms, p95 {p95:5.1f} ms")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=40, help="batch size (more is steadier, slower)")
    parser.add_argument("--skip-postgres", action="store_true")
    parser.add_argument(
        "--session-engine",
        help="measure with this session engine instead of the settings' (e.g. "
        "django.contrib.sessions.backends.cached_db), leaving out the latency part",
    )
    options = parser.parse_args()
    engine = options.session_engine
    if engine:
        print(f"Session engine: {engine} (not the settings' own)")
    run("SQLite", None, None, options.rounds, engine)
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
                "PostgreSQL + Redis (rate-limit counts in Redis)",
                database_url,
                redis_url,
                options.rounds,
                engine,
            )
        finally:
            with psycopg.connect(admin, autocommit=True) as connection:
                connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    main()
