"""Abuse of the public forms: rate limits (from settings) and honeypots, each with a polite page."""

from pathlib import Path
from unittest import mock

import pytest
from django.db import OperationalError

from intake.models import Intake
from tests.journeys import VALID, Visitor, journey, step_url

pytestmark = pytest.mark.django_db


def finish_from(client, address):
    visitor = Visitor(client)
    client.defaults["REMOTE_ADDR"] = address
    visitor.walk(journey(), finish=False)
    return client.post(step_url("check"), {})


def test_finishing_is_rate_limited_per_address(client_factory, settings):
    settings.RATELIMIT_FINISH = "2/h"
    for _ in range(2):
        assert finish_from(client_factory(), "203.0.113.5").status_code == 302
    limited = finish_from(client_factory(), "203.0.113.5")
    assert limited.status_code == 429
    assert "Please wait a little" in limited.content.decode()
    assert "Your answers are still here" in limited.content.decode()
    assert Intake.objects.count() == 2
    assert finish_from(client_factory(), "203.0.113.6").status_code == 302  # another address is not limited


def test_consultation_requests_are_rate_limited_per_address(client_factory, settings):
    settings.RATELIMIT_CONSULTATION = "1/h"
    first, second = client_factory(), client_factory()
    for client in (first, second):
        finish_from(client, "203.0.113.7")
    assert first.post("/guidance/", VALID).status_code == 302
    response = second.post("/guidance/", VALID)
    assert response.status_code == 429
    assert Intake.objects.filter(consultation_requested_at__isnull=False).count() == 1
    # Refused, but what they typed is still in the form, to send later.
    page = response.content.decode()
    assert "Nothing you typed is lost" in page
    assert 'value="Sam"' in page and 'value="Alex Doe"' in page


def test_a_request_the_database_refused_does_not_count_towards_the_limit(client_factory, settings):
    settings.RATELIMIT_CONSULTATION = "1/h"
    client = client_factory()
    finish_from(client, "203.0.113.10")
    with mock.patch("intake.views.guidance.consultation_request", side_effect=OperationalError("down")):
        assert client.post("/guidance/", VALID).status_code == 503
    assert client.post("/guidance/", VALID).status_code == 302  # the retry the 503 page asks for
    assert Intake.objects.get().consultation_requested


def test_a_form_sent_back_with_a_mistake_does_not_count_towards_the_request_limit(client_factory, settings):
    settings.RATELIMIT_CONSULTATION = "1/h"
    client = client_factory()
    finish_from(client, "203.0.113.8")
    mistake = client.post("/guidance/", {**VALID, "consent": ""})
    assert mistake.status_code == 200 and "Tick the box to agree" in mistake.content.decode()
    assert client.post("/guidance/", VALID).status_code == 302
    assert Intake.objects.get().consultation_requested


def test_sending_the_form_over_and_over_is_limited_too(client_factory, settings):
    settings.RATELIMIT_CONSULTATION_ATTEMPTS = "2/h"
    client = client_factory()
    finish_from(client, "203.0.113.9")
    for _ in range(2):
        assert client.post("/guidance/", {**VALID, "consent": ""}).status_code == 200
    assert client.post("/guidance/", VALID).status_code == 429
    assert not Intake.objects.get().consultation_requested


def test_rate_limits_let_visitors_through_when_redis_is_down(settings, client):
    # The production layout: rate-limit counts in Redis, which nothing answers here.
    settings.CACHES = {
        **settings.CACHES,
        "default": {**settings.REDIS_CACHE, "LOCATION": "redis://127.0.0.1:1/0"},
    }
    Visitor(client).walk(journey(), finish=False)
    assert client.post(step_url("check"), {})["Location"] == "/guidance/"
    assert client.post("/guidance/", VALID)["Location"] == "/guidance/request-sent/"
    assert Intake.objects.get().consultation_requested


def test_a_filled_honeypot_on_the_last_step_stores_nothing(client):
    Visitor(client).walk(journey(), finish=False)
    response = client.post(step_url("check"), {"check-website": "http://spam.example"})
    assert response.status_code == 400
    assert "We could not accept this form" in response.content.decode()
    assert not Intake.objects.exists()


def test_a_filled_honeypot_on_the_consultation_form_stores_nothing(client):
    Visitor(client).walk(journey())
    response = client.post("/guidance/", {**VALID, "website": "buy now"})
    assert response.status_code == 400
    assert not Intake.objects.get().consultation_requested


def test_people_never_see_the_honeypot(client):
    Visitor(client).walk(journey(), finish=False)
    page = client.get(step_url("check")).content.decode()
    assert '<div class="hp">' in page
    from django.contrib.staticfiles import finders

    css = Path(finders.find("css/site.css")).read_text()
    assert ".hp { display: none !important; }" in css


@pytest.fixture
def client_factory():
    from django.test import Client

    return Client
