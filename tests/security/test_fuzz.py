"""Property-based fuzzing of every step: arbitrary POST data never causes a server error or stores an intake.

The profile is bounded for CI (HYPOTHESIS_PROFILE=ci, the default); HYPOTHESIS_PROFILE=deep runs longer.
"""

import os

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intake.models import Intake
from intake.steps import FORMS
from tests.journeys import STEP_FIELDS, journey, step_data, step_url
from tests.security.conftest import Probe

settings.register_profile(
    "ci",
    max_examples=120,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.register_profile(
    "deep",
    max_examples=3000,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

pytestmark = pytest.mark.once

STEPS = [step for step, _ in FORMS]
KNOWN_KEYS = [f"{step}-{field}" for step, fields in STEP_FIELDS.items() for field in fields] + [
    "situation-court_date_month",
    "situation-court_date_day",
    "situation-court_date_year",
    "questions-current_step",
    "wizard_goto_step",
    "check-website",
    "csrfmiddlewaretoken",
]
KNOWN_VALUES = [
    "protected",
    "restrained",
    "none",
    "unsure",
    "yes",
    "no",
    "text",
    "domestic_violence",
    "mutual",
    "none_yet",
    "temporary",
    "check",
    "12",
    "31",
    "2027",
    "0",
    "-1",
    "99999999999999999999",
]

values = st.one_of(st.sampled_from(KNOWN_VALUES), st.text(max_size=60), st.text(min_size=1000, max_size=3000))
post_data = st.dictionaries(
    keys=st.one_of(st.sampled_from(KNOWN_KEYS), st.text(min_size=1, max_size=30)),
    values=st.one_of(values, st.lists(values, max_size=5)),
    max_size=12,
)
step_names = st.one_of(
    st.sampled_from(STEPS + ["done", ""]), st.text(alphabet="abcdefghijklmnop_-.%", max_size=20)
)


def answered_client(prefix: int) -> Client:
    """A visitor who has answered the first `prefix` questions (never all of them, so nothing can finish)."""
    client = Client(raise_request_exception=False)
    client.get("/questions/")
    answers = journey()
    for step in STEPS[:prefix]:
        if step in STEP_FIELDS:
            client.post(step_url(step), step_data(step, answers))
    return client


@pytest.mark.django_db
@given(
    prefix=st.integers(min_value=0, max_value=6),
    posts=st.lists(st.tuples(step_names, post_data), min_size=1, max_size=4),
)
def test_arbitrary_posts_to_any_step_never_fail_or_store(prefix, posts):
    probe = Probe(answered_client(prefix), source="fuzz")
    for step, data in posts:
        path = f"/questions/{step}/" if step else "/questions/"
        if step == "check" or path.rstrip("/").endswith("check"):
            continue  # finishing is fuzzed below, on visitors who have not answered everything
        probe.post(path, data)
    probe.get("/questions/check/")
    assert not Intake.objects.exists()


@pytest.mark.django_db
@given(prefix=st.integers(min_value=0, max_value=5), data=post_data)
def test_arbitrary_posts_to_check_never_fail_or_store_an_incomplete_journey(prefix, data):
    probe = Probe(answered_client(prefix), source="fuzz")
    probe.post(step_url("check"), data)
    assert not Intake.objects.exists()


@pytest.mark.django_db
@given(data=post_data)
def test_arbitrary_consultation_posts_never_fail(data):
    client = Client(raise_request_exception=False)
    client.get("/questions/")
    answers = journey()
    for step in STEP_FIELDS:
        client.post(step_url(step), step_data(step, answers))
    client.post(step_url("check"), {})
    before = Intake.objects.count()
    Probe(client, source="fuzz").post("/guidance/", data)
    assert Intake.objects.count() == before
