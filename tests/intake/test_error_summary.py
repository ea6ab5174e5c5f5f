"""Where the error summary is: on a question page at the top of the page, as before; for the guidance
page's consultation form at the top of that form (which is far down a long page), where it takes
focus without JavaScript too (autofocus), with the reason a form without mistakes was not sent."""

import re
from unittest import mock

import pytest
from django.db import OperationalError

from tests.journeys import VALID, journey, step_url

pytestmark = pytest.mark.django_db

SUMMARY = re.compile(r"<div class=\"error-summary\"[^>]*>")


def consultation_form(page):
    start = page.index('class="consultation-form"')
    return page[start : page.index("</form>", start)]


def test_the_consultation_forms_summary_is_at_the_top_of_the_form_and_takes_focus(visitor, client):
    visitor.walk(journey())
    page = client.post("/guidance/", {"name": "Sam"}).content.decode()
    assert len(SUMMARY.findall(page)) == 1  # none at the top of the page
    form = consultation_form(page)
    summary = SUMMARY.search(form)
    assert summary is not None
    assert 'id="consultation-errors"' in summary.group() and " autofocus" in summary.group()
    assert 'tabindex="-1"' in summary.group() and 'role="alert"' in summary.group()
    assert 'aria-labelledby="consultation-errors-title"' in summary.group()
    assert 'id="consultation-errors-title"' in form
    # Before the first field, and every mistake links to its field.
    assert form.index("consultation-errors") < form.index('id="id_name"')
    assert '<a href="#id_preferred_method_0">Choose how we should contact you</a>' in form
    assert '<a href="#id_consent">' in form
    assert '<details class="consultation-details" open>' in page
    assert "<title>Error:" in page
    # The form is sent to the page's address without a fragment, which would stop autofocus.
    assert '<form method="post" action="/guidance/" novalidate class="consultation-form"' in page


@pytest.mark.parametrize("cause", ["database", "rate limit"])
def test_why_a_form_without_mistakes_was_not_sent_is_at_the_top_of_the_form(visitor, client, settings, cause):
    visitor.walk(journey())
    if cause == "rate limit":
        settings.RATELIMIT_CONSULTATION = "0/h"
        response = client.post("/guidance/", VALID)
    else:
        with mock.patch("intake.views.guidance.consultation_request", side_effect=OperationalError("down")):
            response = client.post("/guidance/", VALID)
    assert response.status_code == (503 if cause == "database" else 429)
    page = response.content.decode()
    assert len(SUMMARY.findall(page)) == 1
    form = consultation_form(page)
    assert " autofocus" in SUMMARY.search(form).group()
    summary = form[form.index("consultation-errors") : form.index('id="id_name"')]
    assert "Nothing you typed is lost" in summary
    assert "error-summary-list" not in summary  # no mistakes to list
    assert page.count("Nothing you typed is lost") == 1


def test_the_empty_form_has_no_summary(visitor, client):
    visitor.walk(journey())
    page = client.get("/guidance/").content.decode()
    assert "error-summary" not in page and "autofocus" not in page


def test_a_question_pages_summary_stays_at_the_top_of_the_page(visitor, client):
    visitor.walk(journey(), finish=False)
    page = client.post(step_url("order"), {}).content.decode()
    summary = SUMMARY.search(page)
    assert summary is not None and len(SUMMARY.findall(page)) == 1
    assert page.index("error-summary") < page.index('id="progress"') < page.index("<form method")
    assert "autofocus" not in page  # JavaScript moves focus there, as before
    assert 'aria-labelledby="error-summary-title"' in summary.group()
