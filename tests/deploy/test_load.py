"""A bounded load run: many concurrent journeys against two app servers, with zero errors and no loss.

Loopback only; it stops by itself (a fixed number of journeys, each request with a timeout). The
rate limits are raised through settings, as a load test must.
"""

import os
import random
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.deploy.conftest import count_intakes
from tests.http import Session, walk
from tests.journeys import VALID, journey
from tests.servers import AppServer, prepare, production_env

pytestmark = pytest.mark.once

JOURNEYS = int(os.environ.get("LOAD_JOURNEYS", "120"))
CONCURRENCY = int(os.environ.get("LOAD_CONCURRENCY", "16"))
ROLES = ["protected", "restrained", "helping_protected", "helping_restrained", "unsure"]


def one_journey(n, urls):
    rng = random.Random(n)
    session = Session(urls, timeout=30)
    session.turn = n
    answers = journey(
        role=rng.choice(ROLES), contact_kinds=rng.choice([["none"], ["text"], ["call", "in_person"]])
    )
    finished = walk(session, answers, alternate=True)
    if finished.status != 302 or finished.location != "/guidance/":
        return f"finish: {finished.status}"
    if session.get("/guidance/").status != 200:
        return "guidance"
    if n % 2 == 0:
        session.next_server()
        if session.post("/guidance/", VALID).location != "/guidance/request-sent/":
            return "consultation"
    return None


def test_many_concurrent_journeys_on_two_servers_lose_nothing(tmp_path, postgres_database, redis_url):
    env = production_env(
        tmp_path,
        database_url=postgres_database,
        redis_url=redis_url,
        RATELIMIT_FINISH="100000/h",
        RATELIMIT_CONSULTATION="100000/h",
        RATELIMIT_CONSULTATION_ATTEMPTS="100000/h",
    )
    prepare(env)
    servers = [AppServer(env, workers=2).start(), AppServer(env, workers=2).start()]
    try:
        started = time.monotonic()
        with ThreadPoolExecutor(max_workers=CONCURRENCY) as pool:
            results = list(pool.map(lambda n: one_journey(n, [s.url for s in servers]), range(JOURNEYS)))
        elapsed = time.monotonic() - started
    finally:
        for server in servers:
            server.stop()
    errors = [r for r in results if r is not None]
    completed = len(results) - len(errors)
    stored = count_intakes(postgres_database)
    print(
        f"\nload: {JOURNEYS} journeys, {CONCURRENCY} at a time, 2 servers x 2 workers: "
        f"{completed} completed, {len(errors)} errors, {stored} intakes stored, {elapsed:.1f} s"
    )
    assert errors == []
    assert stored == completed == JOURNEYS
