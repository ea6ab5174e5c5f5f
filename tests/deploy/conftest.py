"""Fixtures for tests against the real services: PostgreSQL and Redis on this machine.

Without them these tests are skipped, loudly; with REQUIRE_SERVICES=1 (as in CI) that is a failure.
"""

import os
import uuid

import pytest

POSTGRES_ADMIN_URL = os.environ.get(
    "TEST_POSTGRES_ADMIN_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)
REDIS_BASE_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379")


def _missing(what):
    message = f"NO {what}: deployment tests SKIPPED"
    if os.environ.get("REQUIRE_SERVICES") == "1":
        pytest.fail(message + " — and REQUIRE_SERVICES=1 says they must run")
    pytest.skip(message)


@pytest.fixture(scope="session")
def postgres_server():
    import psycopg

    try:
        psycopg.connect(POSTGRES_ADMIN_URL, connect_timeout=3).close()
    except psycopg.OperationalError:
        _missing(f"PostgreSQL at {POSTGRES_ADMIN_URL}")
    return POSTGRES_ADMIN_URL


@pytest.fixture
def postgres_database(postgres_server):
    """A new, empty PostgreSQL database for one test; dropped afterwards. Yields its URL."""
    import psycopg

    name = f"intake_deploy_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(postgres_server, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    url = postgres_server.rsplit("/", 1)[0] + "/" + name
    yield url.replace("postgresql://", "postgres://", 1)
    with psycopg.connect(postgres_server, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def redis_url():
    """A Redis database of its own (number 14), emptied before and after."""
    import redis

    url = f"{REDIS_BASE_URL}/14"
    client = redis.Redis.from_url(url, socket_connect_timeout=2)
    try:
        client.flushdb()
    except redis.exceptions.ConnectionError:
        _missing(f"Redis at {REDIS_BASE_URL}")
    yield url
    client.flushdb()
    client.close()


def count_intakes(database_url: str) -> int:
    import psycopg

    with psycopg.connect(database_url.replace("postgres://", "postgresql://", 1)) as connection:
        return connection.execute("SELECT count(*) FROM intake_intake").fetchone()[0]
