"""Two app servers sharing one PostgreSQL and one Redis: a visitor can be served by either at any step."""

import redis

from tests.deploy.conftest import count_intakes
from tests.http import Session, walk
from tests.journeys import VALID, journey
from tests.servers import AppServer, prepare, production_env


def start_pair(tmp_path, database_url, redis_url, **extra):
    env = production_env(tmp_path, database_url=database_url, redis_url=redis_url, **extra)
    prepare(env)
    return AppServer(env).start(), AppServer(env).start()


def test_one_journey_alternating_between_two_servers_stores_one_intake(
    tmp_path, postgres_database, redis_url
):
    first, second = start_pair(tmp_path, postgres_database, redis_url)
    try:
        session = Session([first.url, second.url])
        response = walk(session, journey(), alternate=True)
        assert response.status == 302 and response.location == "/guidance/"
        guidance = session.get("/guidance/")
        session.next_server()
        assert guidance.status == 200 and 'data-rule="reply-text"' in guidance.text
        assert session.post("/guidance/", VALID).location == "/guidance/request-sent/"
        session.next_server()
        assert "Your request has been sent" in session.get("/guidance/request-sent/").text
        assert count_intakes(postgres_database) == 1
    finally:
        first.stop()
        second.stop()


def test_a_redis_restart_loses_no_answers(tmp_path, postgres_database, redis_url):
    first, second = start_pair(tmp_path, postgres_database, redis_url)
    try:
        session = Session([first.url, second.url])
        walk(session, journey(), finish=False, alternate=True)
        redis.Redis.from_url(redis_url).flushdb()  # what a restart of Redis without persistence leaves
        response = session.post("/questions/check/", {})
        assert response.status == 302 and response.location == "/guidance/"
        assert count_intakes(postgres_database) == 1
    finally:
        first.stop()
        second.stop()


def test_a_redis_back_from_an_older_snapshot_rolls_back_no_answer(tmp_path, postgres_database, redis_url):
    """Redis saved a snapshot mid-journey, the visitor finished, Redis restarted from that snapshot:
    the finished journey still shows its guidance, and finishing again stores nothing new."""
    first, second = start_pair(tmp_path, postgres_database, redis_url)
    try:
        session = Session([first.url, second.url])
        walk(session, journey(), finish=False, alternate=True)
        store = redis.Redis.from_url(redis_url)
        snapshot = {key: store.dump(key) for key in store.scan_iter()}  # what SAVE writes to its dump
        assert session.post("/questions/check/", {}).location == "/guidance/"
        store.flushdb()  # restarted, and read back from that dump
        for key, value in snapshot.items():
            store.restore(key, 0, value)
        guidance = session.get("/guidance/")
        assert guidance.status == 200 and 'data-rule="reply-text"' in guidance.text
        session.next_server()
        assert session.post("/questions/check/", {}).location == "/guidance/"
        assert count_intakes(postgres_database) == 1
    finally:
        first.stop()
        second.stop()


def test_rate_limits_hold_across_both_servers(tmp_path, postgres_database, redis_url):
    first, second = start_pair(tmp_path, postgres_database, redis_url, RATELIMIT_FINISH="2/h")
    try:
        outcomes = []
        for n in range(3):
            session = Session(first.url if n % 2 == 0 else second.url)
            outcomes.append(walk(session, journey()).status)
        assert outcomes == [302, 302, 429]
        assert count_intakes(postgres_database) == 2
    finally:
        first.stop()
        second.stop()
