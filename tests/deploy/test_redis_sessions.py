"""The session engine used with Redis (intake.sessions): it survives a Redis restart and a database outage."""

import pytest
from django.core.cache import caches

from intake.models import Intake
from tests.journeys import Visitor, journey, step_url
from tests.security.test_faults import database_down

pytestmark = pytest.mark.django_db


def use_redis_sessions(settings, location):
    settings.CACHES = {
        **settings.CACHES,
        "sessions": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": location,
            "KEY_PREFIX": "session",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        },
    }
    settings.SESSION_ENGINE = "intake.sessions"
    settings.SESSION_CACHE_ALIAS = "sessions"


def test_a_database_outage_at_the_last_step_loses_nothing(settings, redis_url, client):
    use_redis_sessions(settings, redis_url)
    client.raise_request_exception = False
    Visitor(client).walk(journey(), finish=False)
    with database_down():
        response = client.post(step_url("check"), {})
        assert response.status_code == 503 and "Your answers are still here" in response.content.decode()
        assert client.get(step_url("check")).status_code == 200  # answers read from Redis
    assert client.post(step_url("check"), {})["Location"] == "/guidance/"
    assert Intake.objects.count() == 1


def test_a_redis_restart_mid_journey_loses_nothing(settings, redis_url, client):
    use_redis_sessions(settings, redis_url)
    Visitor(client).walk(journey(), finish=False)
    caches["sessions"].clear()
    assert client.post(step_url("check"), {})["Location"] == "/guidance/"
    assert Intake.objects.count() == 1


def test_with_redis_down_sessions_carry_on_in_the_database(settings, client):
    use_redis_sessions(settings, "redis://127.0.0.1:1/0")  # nothing listens there
    Visitor(client).walk(journey())
    assert client.get("/guidance/").status_code == 200
    assert Intake.objects.count() == 1


def test_a_session_first_saved_during_an_outage_is_copied_to_the_database_later(settings, redis_url, client):
    from django.contrib.sessions.models import Session

    use_redis_sessions(settings, redis_url)
    client.raise_request_exception = False
    with database_down():
        assert client.get("/questions/").status_code == 302  # a new session, in Redis only
    assert not Session.objects.exists()
    Visitor(client).walk(journey())
    assert Session.objects.count() == 1
    assert Intake.objects.count() == 1
