"""The questions through the test client: every branch to a stored intake, Back, Change, replays."""

import datetime
import re
from unittest import mock

import pytest
from django.utils import timezone

from intake.models import Intake
from tests.journeys import QUESTIONS, STEP_FIELDS, Visitor, journey, step_data, step_url

pytestmark = pytest.mark.django_db


def rules_on(response):
    return re.findall(r'data-rule="([^"]+)"', response.content.decode())


@pytest.mark.parametrize(
    ("changes", "steps"),
    [
        ({}, ["role", "order", "order_stage", "order_exceptions", "contact", "contact_details", "situation"]),
        (
            {"role": "protected", "contact_kinds": ["none"]},
            ["role", "order", "order_stage", "order_exceptions", "contact", "situation"],
        ),
        (
            {"role": "helping_restrained", "order_types": ["criminal_protective"]},
            ["role", "order", "order_exceptions", "contact", "contact_details", "situation"],
        ),
        (
            {"role": "helping_protected", "order_types": ["gun_violence"], "contact_kinds": ["none"]},
            ["role", "order", "order_stage", "contact", "situation"],
        ),
        (
            {
                "role": "unsure",
                "order_types": ["emergency_protective"],
                "contact_kinds": ["call", "third_party"],
            },
            ["role", "order", "contact", "contact_details", "situation"],
        ),
        ({"order_types": ["none_yet"], "contact_kinds": ["none"]}, ["role", "order", "contact", "situation"]),
        ({"order_types": ["unsure"]}, ["role", "order", "contact", "contact_details", "situation"]),
        (
            {"role": "protected", "order_types": ["mutual", "criminal_protective"]},
            ["role", "order", "order_stage", "order_exceptions", "contact", "contact_details", "situation"],
        ),
        (
            {"order_types": ["elder_abuse", "workplace_violence", "civil_harassment"]},
            ["role", "order", "order_stage", "order_exceptions", "contact", "contact_details", "situation"],
        ),
    ],
)
def test_each_branch_asks_exactly_the_steps_the_contract_shows_and_stores_one_intake(visitor, changes, steps):
    visitor.walk(journey(**changes))
    assert visitor.steps_seen == steps
    intake = Intake.objects.get()
    skipped = {field for step, fields in STEP_FIELDS.items() if step not in steps for field in fields}
    for field, value in journey(**changes).items():
        if field in skipped:
            assert intake.answers[field] is None
        elif isinstance(value, list):
            assert intake.answers[field] == sorted(value)
        elif field != "court_date":
            assert intake.answers[field] == value
    assert len(steps) <= 7


def test_finishing_shows_the_guidance_and_stores_what_was_shown(visitor, client):
    visitor.walk(journey(court_date=timezone.localdate() + datetime.timedelta(days=3)))
    intake = Intake.objects.get()
    response = client.get("/guidance/")
    assert response.status_code == 200
    assert rules_on(response) == intake.rule_ids
    assert intake.priority == "urgent"  # court date within 7 days
    assert intake.language == "en"
    assert intake.ruleset_version
    assert "Your court date" in response.content.decode()
    assert response["Cache-Control"].startswith("max-age=0") or "no-store" in response["Cache-Control"]
    for rule_id in intake.rule_ids:
        assert f'data-rule="{rule_id}"' in intake.guidance_snapshot


def test_replaying_or_double_posting_the_last_step_stores_one_intake(visitor, client):
    visitor.walk(journey(), finish=False)
    first = client.post(step_url("check"), step_data("check", {}))
    second = client.post(step_url("check"), step_data("check", {}))
    assert first["Location"] == second["Location"] == "/guidance/"
    assert client.get("/questions/done/")["Location"] == "/guidance/"
    assert Intake.objects.count() == 1


def test_a_get_of_the_done_step_never_stores_an_intake(visitor, client):
    visitor.walk(journey(), finish=False)
    response = client.get("/questions/done/")
    assert response.status_code == 302
    assert Intake.objects.count() == 0


def test_back_across_a_skipped_step_keeps_its_saved_answer(visitor, client):
    visitor.walk(journey(), finish=False)
    # Switch to an order that skips order_stage; the stage question is no longer part of the journey.
    assert visitor.answer("order", {"order_types": ["emergency_protective"]}).status_code == 302
    assert client.get(step_url("order_stage"))["Location"] != step_url("order_stage")
    # Switch back: the earlier stage answer is still there, ticked.
    assert visitor.answer("order", {"order_types": ["domestic_violence"]}).status_code == 302
    page = client.get(step_url("order_stage")).content.decode()
    assert re.search(r'value="temporary" checked', page)


def test_an_answer_from_a_branch_the_visitor_left_never_reaches_the_intake(visitor, client):
    visitor.walk(journey(), finish=False)
    visitor.answer("order", {"order_types": ["emergency_protective"]})
    visitor.answer("contact", {"contact_kinds": ["none"]})
    check = client.get(step_url("check")).content.decode()
    assert "Who started the contact?" not in check
    client.post(step_url("check"), step_data("check", {}))
    intake = Intake.objects.get()
    assert intake.answers["order_stage"] is None
    assert intake.answers["order_exceptions"] is None
    assert intake.answers["initiated_by"] is None
    assert intake.answers["said_ok"] is None
    assert "invitation-does-not-change-order" not in intake.rule_ids


def test_check_lists_every_answer_with_a_change_link(visitor, client):
    visitor.walk(journey(), finish=False)
    page = client.get(step_url("check")).content.decode()
    for step in QUESTIONS:
        assert f'href="{step_url(step)}"' in page
    assert page.count(">Change<") == 10  # contact_details asks 3 questions, situation 2
    assert "The order is against me" in page
    assert "Domestic violence restraining order" in page


def test_a_change_goes_through_newly_needed_questions_then_back_to_check(visitor, client):
    visitor.walk(journey(order_types=["emergency_protective"], contact_kinds=["none"]), finish=False)
    client.get(step_url("check"))
    # Adding a civil order makes order_stage and order_exceptions necessary.
    response = visitor.answer("order", {"order_types": ["emergency_protective", "civil_harassment"]})
    assert response["Location"] == step_url("order_stage")
    assert visitor.answer("order_stage", {"order_stage": "after_hearing"})["Location"] == step_url(
        "order_exceptions"
    )
    assert visitor.answer("order_exceptions", {"order_exceptions": "yes"})["Location"] == step_url("check")
    # A change that needs nothing new goes straight back to check.
    assert visitor.answer("role", {"role": "helping_restrained"})["Location"] == step_url("check")
    client.post(step_url("check"), step_data("check", {}))
    intake = Intake.objects.get()
    assert intake.role == "helping_restrained"
    assert intake.answers["order_exceptions"] == "yes"
    assert "restrained-listed-exceptions" in intake.rule_ids


def test_a_change_that_revives_an_old_branch_asks_that_question_again(visitor, client):
    visitor.walk(journey(), finish=False)
    visitor.answer("contact", {"contact_kinds": ["none"]})
    client.get(step_url("check"))
    # Contact again: contact_details was answered before, but must be confirmed again.
    assert visitor.answer("contact", {"contact_kinds": ["call"]})["Location"] == step_url("contact_details")
    page = client.get(step_url("contact_details")).content.decode()
    assert re.search(r'value="protected" checked', page)


@pytest.mark.parametrize(
    ("step", "answers", "message"),
    [
        ("order", {"order_types": ["none_yet", "domestic_violence"]}, "must be chosen on their own"),
        ("order", {"order_types": ["unsure", "mutual"]}, "must be chosen on their own"),
        ("contact", {"contact_kinds": ["none", "text"]}, "must be chosen on its own"),
        ("order", {"order_types": []}, "Choose the kind of order"),
        ("order", {"order_types": ["not_a_value"]}, "Choose the kind of order"),
        ("role", {"role": "judge"}, "Choose which of these describes you"),
    ],
)
def test_invalid_answers_get_a_clear_error_and_are_not_saved(visitor, client, step, answers, message):
    visitor.walk(journey(), finish=False)
    before = client.session["wizard_questions"]["step_data"][step]
    response = visitor.answer(step, answers)
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert "<title>Error:" in page
    assert 'class="error-summary"' in page
    summary = re.search(r'<ul class="error-summary-list">(.*?)</ul>', page, re.S).group(1)
    anchors = re.findall(r'href="#([^"]+)"', summary)
    assert anchors and all(f'id="{anchor}"' in page for anchor in anchors)  # each leads to an input
    assert client.session["wizard_questions"]["step_data"][step] == before


@pytest.mark.parametrize(
    ("parts", "message"),
    [
        (("13", "1", "2027"), "Enter a real date"),
        (("2", "30", "2027"), "Enter a real date"),
        (("2", "", "2027"), "Enter the month, the day and the year"),
        (("1", "1", "2020"), "must be today or later"),
        (("1", "1", "2099"), "in the next two years"),
        (("1", "x", "2027"), "Enter a real date"),
        (("March", "1", "2027"), "Enter the month as a number from 1 to 12"),
        (("3", "1", "27"), "Enter the year with 4 digits, for example 2027"),
    ],
)
def test_court_date_errors(visitor, client, parts, message):
    visitor.walk(journey(), finish=False)
    data = step_data("situation", {"criminal_case": "no"})
    names = ["situation-court_date_month", "situation-court_date_day", "situation-court_date_year"]
    data.update(dict(zip(names, parts, strict=True)))
    response = client.post(step_url("situation"), data)
    assert response.status_code == 200
    assert message in response.content.decode()


def test_a_visitor_cannot_skip_ahead_of_an_unanswered_question(client):
    response = client.get(step_url("situation"))
    assert response["Location"] == step_url("role")
    response = client.get(step_url("check"))
    assert response["Location"] == step_url("role")


def test_unknown_and_skipped_steps_redirect_without_error(visitor, client):
    visitor.walk(journey(order_types=["emergency_protective"]), finish=False)
    for step in ["nonsense", "order_stage", "done", "..", "check%00"]:
        response = client.get(f"/questions/{step}/")
        assert response.status_code in (302, 404), step
    assert (
        client.post(
            "/questions/order_stage/", step_data("order_stage", {"order_stage": "temporary"})
        ).status_code
        == 302
    )
    assert client.session["wizard_questions"]["step_data"].get("order_stage") is None


def test_the_session_keeps_only_each_forms_own_fields(visitor, client):
    visitor.walk(journey(), finish=False)
    data = step_data("role", {"role": "protected"})
    data.update(
        {"role-extra": "x" * 1000, "order-order_types": "mutual", "csrfmiddlewaretoken": "abc", "junk": "1"}
    )
    client.post(step_url("role"), data)
    assert client.session["wizard_questions"]["step_data"]["role"] == {"role-role": ["protected"]}


def test_the_url_step_decides_what_is_saved_whatever_the_management_form_says(visitor, client):
    visitor.walk(journey(), finish=False)
    data = step_data("role", {"role": "protected"})
    data["questions-current_step"] = "situation"
    assert client.post(step_url("role"), data).status_code == 302
    del data["questions-current_step"]
    assert client.post(step_url("role"), data).status_code == 302
    assert client.session["wizard_questions"]["step_data"]["role"] == {"role-role": ["protected"]}


def test_a_post_after_the_session_ended_explains_and_offers_to_start_again(visitor, client):
    visitor.walk(journey(), finish=False)
    client.session.flush()
    client.cookies["sessionid"] = "expired0123456789expired0123456789"
    response = visitor.answer("contact", {"contact_kinds": ["text"]})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Your session ended" in page
    assert 'href="/questions/"' in page


def test_opening_a_later_question_after_the_session_ended_explains(visitor, client):
    visitor.walk(journey(), finish=False)
    client.session.flush()
    client.cookies["sessionid"] = "expired0123456789expired0123456789"
    response = client.get(step_url("situation"))
    assert response.status_code == 200
    assert "Your session ended" in response.content.decode()


def test_guidance_without_a_finished_journey_explains(client):
    response = client.get("/guidance/")
    assert response.status_code == 404
    assert "There is no guidance to show" in response.content.decode()


@pytest.mark.parametrize(
    "role", ["protected", "restrained", "helping_protected", "helping_restrained", "unsure"]
)
def test_every_role_reaches_guidance_written_for_them(visitor, client, role):
    visitor.walk(journey(role=role))
    page = client.get("/guidance/").content.decode()
    assert "Your guidance" in page
    if role.startswith("helping"):
        assert "the person you’re helping" in page
    intake = Intake.objects.get()
    assert intake.role == role


def test_an_idle_session_expires_and_the_visitor_is_told(visitor, client, settings):
    from importlib import import_module

    visitor.walk(journey(), finish=False)
    store = import_module(settings.SESSION_ENGINE).SessionStore(client.session.session_key)
    store.set_expiry(-1)  # as if SESSION_COOKIE_AGE had passed since the last request
    store.save()
    response = client.get(step_url("check"))
    assert "Your session ended" in response.content.decode()
    assert 15 * 60 <= settings.SESSION_COOKIE_AGE <= 2 * 60 * 60


def test_reading_keeps_the_session_alive_without_a_write_on_every_page(visitor, client, settings):
    import time
    from importlib import import_module

    visitor.walk(journey(), finish=False)
    key = client.session.session_key
    store = import_module(settings.SESSION_ENGINE).SessionStore
    client.get(step_url("check"))
    seen = store(key).load()["_seen"]
    client.get(step_url("role"))
    assert store(key).load()["_seen"] == seen  # a page view soon after saves nothing
    session = store(key)
    session.update({**session.load(), "_seen": int(time.time()) - 600})
    session.save()
    client.get(step_url("role"))
    assert store(key).load()["_seen"] > int(time.time()) - 5  # after a while, a page view restarts the clock


def test_the_first_answer_starts_the_idle_clock_so_the_next_page_writes_nothing(client, settings):
    from importlib import import_module

    client.get("/questions/")
    client.post(step_url("role"), step_data("role", journey()))
    store = import_module(settings.SESSION_ENGINE).SessionStore
    saves = []
    original = store.save
    with mock.patch.object(store, "save", lambda self, *a, **k: saves.append(1) or original(self, *a, **k)):
        assert client.get(step_url("order")).status_code == 200
    assert saves == []
    assert "_seen" in client.session


def test_who_started_the_contact_is_asked_again_when_its_words_change(visitor, client):
    """ "I did" is stored as the value for the protected person; under mutual orders the same value
    would mean the other person, so the question comes back instead of silently changing meaning."""
    visitor.walk(journey(role="protected", initiated_by="protected"), finish=False)
    client.get(step_url("check"))
    assert visitor.answer("order", {"order_types": ["domestic_violence", "mutual"]})["Location"] == step_url(
        "contact_details"
    )
    page = client.get(step_url("contact_details")).content.decode()
    assert "checked" not in page  # nothing pre-ticked: the old answer meant something else
    assert "so your earlier answers here were cleared" in page  # and the visitor is told why
    assert "earlier answers here were cleared" not in client.get(step_url("contact_details")).content.decode()
    assert client.post(step_url("check"), {})["Location"] == step_url("contact_details")
    visitor.answer("contact_details", {"initiated_by": "restrained", "responded": "yes", "said_ok": "no"})
    client.post(step_url("check"), {})
    intake = Intake.objects.get()
    assert intake.answers["initiated_by"] == "restrained"
    assert "already-replied" in intake.rule_ids


def test_a_first_look_stores_no_session_and_the_first_answer_does(client, settings):
    assert client.get("/questions/", follow=True).status_code == 200
    assert settings.SESSION_COOKIE_NAME not in client.cookies
    assert client.post(step_url("role"), step_data("role", journey())).status_code == 302
    assert client.cookies[settings.SESSION_COOKIE_NAME].value
    assert client.get(step_url("order")).status_code == 200


def test_an_answer_to_a_later_question_before_any_journey_goes_to_the_first(client):
    response = client.post(step_url("order"), step_data("order", journey()), follow=True)
    assert response.redirect_chain[-1][0] == step_url("role")
    assert "Please answer this question first" in response.content.decode()


def test_after_finishing_the_first_answer_begins_a_new_journey(visitor, client):
    visitor.walk(journey())
    assert client.post(step_url("check"), {})["Location"] == "/guidance/"  # a second press: nothing new
    response = client.post(step_url("role"), step_data("role", journey(role="protected")))
    assert response.status_code == 302 and response["Location"] == step_url("order")
    assert Visitor(client).walk(journey(role="protected"))["Location"] == "/guidance/"
    assert Intake.objects.count() == 2


def test_after_the_intake_is_gone_answering_again_does_not_loop(visitor, client):
    visitor.walk(journey())
    Intake.objects.all().delete()
    assert client.get("/guidance/").status_code == 404
    response = client.post(step_url("role"), step_data("role", journey()))
    assert response["Location"] == step_url("order")


def test_back_from_the_guidance_after_finishing_returns_to_it(visitor, client):
    visitor.walk(journey())
    for step in ("check", "situation", "order"):
        assert client.get(step_url(step))["Location"] == "/guidance/"
    # The first question still begins a new journey.
    assert client.get(step_url("role")).status_code == 200


def test_a_question_that_does_not_apply_says_so_to_someone_with_answers(visitor, client):
    visitor.walk(journey(contact_kinds=["none"]), finish=False)
    response = client.get(step_url("contact_details"), follow=True)
    assert "That question does not apply to your answers." in response.content.decode()


def test_without_answers_a_question_that_does_not_apply_leads_quietly_to_the_first(client, settings):
    # A newcomer, or Back after Quick exit: no answers, no session cookie.
    response = client.get(step_url("contact_details"))
    assert response["Location"] == step_url("role")
    assert settings.SESSION_COOKIE_NAME not in response.cookies
    page = client.get(response["Location"]).content.decode()
    assert "does not apply" not in page
