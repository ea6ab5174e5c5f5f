"""What a session can hold is bounded: requests that are never followed (a script asking for pages
that do not exist, without reading the answers) grow neither the session nor the notices shown."""

import pytest
from django.contrib.sessions.models import Session

from tests.journeys import Visitor, journey, step_url

pytestmark = pytest.mark.django_db

NOTICE = "That question does not apply to your answers."


def test_unfollowed_requests_for_unknown_questions_grow_neither_the_session_nor_the_notices(client):
    Visitor(client).walk(journey(), finish=False)  # a visitor with answers, who is told about such pages
    key = client.cookies["sessionid"].value
    stored_before = len(Session.objects.get(session_key=key).session_data)
    notices_sizes = set()
    for n in range(1000):
        assert client.get(f"/questions/bogus{n}/").status_code == 302  # the redirect, never followed
        notices_sizes.add(len(client.cookies["messages"].value))
    stored_after = len(Session.objects.get(session_key=key).session_data)
    assert stored_after - stored_before < 100, (stored_before, stored_after)  # at most the idle clock
    assert len(notices_sizes) == 1 and max(notices_sizes) < 300, notices_sizes  # one notice, waiting once
    page = client.get(step_url("check")).content.decode()
    assert page.count(NOTICE) == 1
    assert NOTICE not in client.get(step_url("check")).content.decode()  # shown once, then gone
