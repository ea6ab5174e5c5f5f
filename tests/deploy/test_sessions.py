"""Visitors' sessions with the production layout: rows in the database (Django's own engine), and
Redis for rate-limit counts only. A Redis flush or restart loses no answer, the database down at
the last step keeps the answers behind a 503 page, and a quick exit ends the session in every tab."""

from importlib import import_module

import pytest
import redis
from django.contrib.sessions.backends.base import UpdateError
from django.contrib.sessions.models import Session
from django.test import Client

from intake.models import Intake
from tests.journeys import Visitor, journey, step_data, step_url
from tests.security.test_faults import database_down

pytestmark = pytest.mark.django_db


@pytest.fixture
def production_caches(settings, redis_url):
    """The caches config.settings.base sets up when REDIS_URL is set, at this test's Redis."""
    settings.CACHES = {**settings.CACHES, "default": {**settings.REDIS_CACHE, "LOCATION": redis_url}}
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"
    return redis.Redis.from_url(redis_url)


def session_store(key=None):
    from django.conf import settings

    return import_module(settings.SESSION_ENGINE).SessionStore(key)


def test_a_redis_flush_mid_journey_loses_no_answer(production_caches, client):
    Visitor(client).walk(journey(), finish=False)
    production_caches.flushdb()  # what a restart of Redis without its data leaves
    assert client.post(step_url("check"), {})["Location"] == "/guidance/"
    assert Intake.objects.count() == 1


def test_the_database_down_at_the_last_step_keeps_the_answers_behind_a_503_page(production_caches, client):
    client.raise_request_exception = False
    Visitor(client).walk(journey(), finish=False)
    with database_down():
        response = client.post(step_url("check"), {})
        assert response.status_code == 503 and "Your answers are still here" in response.content.decode()
        assert client.get(step_url("check")).status_code == 503  # the same page, not an empty session
    assert client.post(step_url("check"), {})["Location"] == "/guidance/"
    assert Intake.objects.count() == 1


def test_quick_exit_in_one_tab_ends_the_session_in_the_others(production_caches, client):
    Visitor(client).walk(journey(), finish=False)
    other_tab = Client()
    other_tab.cookies = client.cookies  # one browser: the tabs share their cookies
    key = client.cookies["sessionid"].value
    loaded_before_the_exit = session_store(key)
    assert "wizard_questions" in loaded_before_the_exit  # a request of the other tab under way

    assert client.get("/exit/").status_code == 302
    assert not Session.objects.filter(session_key=key).exists()
    # That request, saving after the exit, is refused (Django answers it 400): nothing comes back.
    loaded_before_the_exit["x"] = 1
    with pytest.raises(UpdateError):
        loaded_before_the_exit.save()
    assert not Session.objects.filter(session_key=key).exists()
    # Had the other tab kept the old cookie, it is told the answers have gone, and none are shown.
    other_tab.cookies["sessionid"] = key
    page = other_tab.get(step_url("check")).content.decode()
    assert "Your session ended" in page and "Check your answers" not in page


def test_quick_exit_works_with_the_database_down(production_caches, client, settings):
    client.raise_request_exception = False
    Visitor(client).walk(journey(), finish=False)
    with database_down():
        response = client.get("/exit/")
    assert response.status_code == 302 and response["Location"] == settings.QUICK_EXIT_URL
    assert response.cookies[settings.SESSION_COOKIE_NAME].value == ""
    # The browser has forgotten the session: nothing of the answers comes back.
    assert client.get(step_url("check"))["Location"] == step_url("role")


def test_answers_saved_while_redis_is_unreachable_are_kept(settings, client):
    nowhere = "redis://127.0.0.1:1/0"  # nothing listens there
    settings.CACHES = {**settings.CACHES, "default": {**settings.REDIS_CACHE, "LOCATION": nowhere}}
    assert client.post(step_url("role"), step_data("role", journey())).status_code == 302
    Visitor(client).walk(journey())
    assert client.get("/guidance/").status_code == 200
    assert Intake.objects.count() == 1
