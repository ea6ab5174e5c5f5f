"""Pages served from memory (web.page_memory): the same page for every visitor who would see the
same thing, with each visitor's own CSRF token, guidance and reference, and never a page meant for
someone else."""

import datetime
import pickle
import re

import pytest
from django.core.cache import caches
from django.http import HttpResponse
from django.test import Client
from django.test.signals import template_rendered

from intake.journey import WIZARD_KEY
from intake.models import Intake
from intake.views.wizard import QuestionWizard
from tests.journeys import VALID, Visitor, journey, step_data, step_url
from web import page_memory
from web.page_memory import page_key

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Renders:
    """Counts renderings of a template (by default the question page's)."""

    def __init__(self, name="questions/step.html"):
        self.name = name
        self.count = 0

    def __call__(self, sender, template, **kwargs):
        if template.name == self.name:
            self.count += 1

    def __enter__(self):
        template_rendered.connect(self)
        return self

    def __exit__(self, *exc):
        template_rendered.disconnect(self)


def answered(client, answers, steps):
    client.get("/questions/")
    for step in steps:
        assert client.post(step_url(step), step_data(step, answers)).status_code == 302
    return client


def without_tokens(html):
    return TOKEN.sub("", html)


def test_a_second_visitor_gets_the_same_page_from_memory_with_their_own_working_token():
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    with Renders() as renders:
        pages = []
        for client in (first, second):
            client.get("/questions/")
            pages.append(client.get(step_url("role")).content.decode())
    assert renders.count == 1
    assert without_tokens(pages[0]) == without_tokens(pages[1])
    tokens = [TOKEN.findall(page) for page in pages]
    assert tokens[0] and tokens[1] and set(tokens[0]).isdisjoint(tokens[1])
    assert "placeholder" not in pages[1]
    # Each page's token is accepted for its own visitor.
    for client, page_tokens in zip((first, second), tokens, strict=True):
        data = {**step_data("role", journey()), "csrfmiddlewaretoken": page_tokens[0]}
        assert client.post(step_url("role"), data).status_code == 302


def test_a_saved_answer_and_the_role_change_the_page():
    steps = ["role", "order", "order_stage", "order_exceptions"]
    restrained = answered(Client(), journey(), steps)
    helper = answered(Client(), journey(role="helping_restrained"), steps)
    ticked = re.compile(r'value="domestic_violence"[^>]*checked')
    assert ticked.search(restrained.get(step_url("order")).content.decode())
    fresh = answered(Client(), journey(), ["role"])
    assert not ticked.search(fresh.get(step_url("order")).content.decode())
    # The same question in other words for someone helping.
    assert "between you and the other person" in restrained.get(step_url("contact")).content.decode()
    assert "the person you’re helping" in helper.get(step_url("contact")).content.decode()


def test_a_page_with_a_message_is_rendered_for_that_visitor_only():
    client = Client()
    client.get("/questions/")
    client.get(step_url("role"))  # now in memory
    response = client.post(step_url("order"), step_data("order", journey()), follow=True)
    assert "Please answer this question first" in response.content.decode()
    assert "Please answer this question first" not in client.get(step_url("role")).content.decode()


def test_a_query_string_is_not_served_from_memory():
    client = Client()
    client.get("/questions/")
    with Renders() as renders:
        client.get(step_url("role"))
        client.get(step_url("role") + "?utm=x")
        client.get(step_url("role"))
    assert renders.count == 2


def test_ticks_that_differ_only_in_an_earlier_choice_are_different_pages():
    steps = ["role", "order", "order_stage", "order_exceptions", "contact"]
    both = answered(Client(), journey(contact_kinds=["text", "call"]), steps)
    one = answered(Client(), journey(contact_kinds=["call"]), steps)
    ticked_text = re.compile(r'value="text"[^>]*checked')
    assert ticked_text.search(both.get(step_url("contact")).content.decode())
    assert not ticked_text.search(one.get(step_url("contact")).content.decode())


def test_each_language_has_its_own_page():
    english, spanish = Client(), Client(HTTP_ACCEPT_LANGUAGE="es")
    for client in (english, spanish):
        client.get("/questions/")
    assert 'lang="en"' in english.get(step_url("role")).content.decode()
    assert 'lang="es"' in spanish.get(step_url("role")).content.decode()


def test_a_page_showing_a_saved_court_date_is_never_kept():
    steps = ["role", "order", "order_stage", "order_exceptions", "contact", "contact_details", "situation"]
    court_date = datetime.date.today() + datetime.timedelta(days=40)
    client = answered(Client(), journey(court_date=court_date), steps)
    client.get(step_url("role"))  # a page that is kept
    with Renders() as renders:
        for _ in range(2):
            page = client.get(step_url("situation")).content.decode()
            assert f'value="{court_date.year}"' in page
    assert renders.count == 2
    kept = kept_pages()
    assert kept and not any(f'value="{court_date.year}"' in page for page in kept)


def kept_pages():
    return [pickle.loads(value) for value in caches["pages"]._cache.values()]  # noqa: S301 - our own cache


def finished_visitor(answers):
    """A visitor who has answered and finished, from now on checked for CSRF tokens, and their intake."""
    client = Client()
    Visitor(client).walk(answers)
    client.handler.enforce_csrf_checks = True
    return client, Intake.objects.get(reference=client.session["finished_intake"])


def test_check_pages_share_the_page_around_each_visitors_own_answers():
    steps = ["role", "order", "order_stage", "order_exceptions", "contact", "contact_details", "situation"]
    court_date = datetime.date.today() + datetime.timedelta(days=40)
    texts = answered(Client(), journey(contact_kinds=["text"]), steps)
    calls = answered(Client(), journey(contact_kinds=["call"], court_date=court_date), steps)
    with Renders("questions/check.html") as renders:
        pages = [client.get(step_url("check")).content.decode() for client in (texts, calls)]
    assert renders.count == 1
    answer = re.compile(r'<dd class="summary-value">([^<]*)</dd>')
    assert "Text messages" in answer.findall(pages[0])
    assert "Phone calls or voicemails" not in answer.findall(pages[0])
    assert "Phone calls or voicemails" in answer.findall(pages[1])
    assert "Text messages" not in answer.findall(pages[1])
    assert str(court_date.year) in pages[1]
    assert "placeholder" not in pages[0] + pages[1]
    # Nothing a visitor answered is kept: only the page around the answers.
    assert not any("summary-value" in kept or str(court_date.year) in kept for kept in kept_pages())
    # Each visitor finishes with their own token.
    for client, page in zip((texts, calls), pages, strict=True):
        client.handler.enforce_csrf_checks = True
        data = {**step_data("check", journey()), "csrfmiddlewaretoken": TOKEN.search(page).group(1)}
        assert client.post(step_url("check"), data).status_code == 302
    assert {intake.answers["contact_kinds"][0] for intake in Intake.objects.all()} == {"text", "call"}


def test_guidance_pages_share_the_page_around_each_visitors_own_guidance_and_token():
    first, first_intake = finished_visitor(journey())
    second, second_intake = finished_visitor(journey(role="protected", contact_kinds=["call"]))
    assert first_intake.guidance_snapshot != second_intake.guidance_snapshot
    with Renders("guidance/page.html") as renders:
        pages = [client.get("/guidance/").content.decode() for client in (first, second)]
    assert renders.count == 1
    assert first_intake.guidance_snapshot in pages[0] and second_intake.guidance_snapshot not in pages[0]
    assert second_intake.guidance_snapshot in pages[1] and first_intake.guidance_snapshot not in pages[1]
    assert "placeholder" not in pages[0] + pages[1]
    for client, page in zip((first, second), pages, strict=True):
        token = TOKEN.search(page).group(1)
        response = client.post("/guidance/", {**VALID, "csrfmiddlewaretoken": token})
        assert response.status_code == 302


def test_confirmations_share_the_page_around_each_visitors_own_reference():
    visitors = [finished_visitor(journey()) for _ in range(2)]
    for client, _intake in visitors:
        client.handler.enforce_csrf_checks = False
        assert client.post("/guidance/", VALID).status_code == 302
    with Renders("guidance/confirmation.html") as renders:
        pages = [client.get("/guidance/request-sent/").content.decode() for client, _intake in visitors]
    assert renders.count == 1
    (_, first), (_, second) = visitors
    assert first.reference in pages[0] and second.reference not in pages[0]
    assert second.reference in pages[1] and first.reference not in pages[1]
    # Another contact choice is another page.
    other, _intake = finished_visitor(journey())
    other.handler.enforce_csrf_checks = False
    other.post("/guidance/", {**VALID, "preferred_method": "email", "email": "sam@example.com"})
    assert "your phone will show" not in other.get("/guidance/request-sent/").content.decode()
    assert "your phone will show" in pages[0]


def test_a_form_with_mistakes_is_shown_to_its_visitor_only():
    client, _intake = finished_visitor(journey())
    client.handler.enforce_csrf_checks = False
    page = client.post("/guidance/", {**VALID, "name": "Quentin Typed", "consent": ""}).content.decode()
    assert "Quentin Typed" in page
    assert client.get("/guidance/").status_code == 200  # the empty form, kept
    assert kept_pages() and not any("Quentin Typed" in kept for kept in kept_pages())


def test_the_wizard_keeps_its_answers_under_the_key_the_page_key_reads():
    assert QuestionWizard().get_prefix(None) == WIZARD_KEY.removeprefix("wizard_")


def test_whether_the_footer_offers_start_again_is_part_of_the_key(rf):
    def key(session):
        request = rf.get(step_url("role"))
        request.session = session
        return page_key(request, ["same facts"])

    answered = {WIZARD_KEY: {"step_data": {"role": {"role-role": ["restrained"]}}, "extra_data": {}}}
    assert key({}) != key(answered)
    assert key({}) != key({"finished_intake": "K7Q4-MZPA"})
    assert key(answered) == key({"finished_intake": "K7Q4-MZPA"})
    # An empty wizard (formtools makes one on any look at the questions) is nothing to start again from.
    assert key({}) == key({WIZARD_KEY: {"step": None, "step_data": {}, "step_files": {}, "extra_data": {}}})


def test_the_guidance_page_offers_the_form_until_the_visitor_has_asked():
    client, _intake = finished_visitor(journey())
    client.handler.enforce_csrf_checks = False
    assert 'class="consultation-form"' in client.get("/guidance/").content.decode()
    assert client.post("/guidance/", VALID).status_code == 302
    page = client.get("/guidance/").content.decode()
    assert 'class="consultation-form"' not in page
    assert "already asked for a call" in page


@pytest.mark.parametrize(
    ("choice", "line"),
    [
        ("voicemail_ok", "We will not leave a voicemail."),
        ("say_firm_name", "We will not say who is calling unless you are the one who answers."),
    ],
)
def test_each_contact_choice_has_its_own_confirmation(choice, line):
    pages = {}
    for value in ("no", "yes"):
        client, _intake = finished_visitor(journey())
        client.handler.enforce_csrf_checks = False
        assert client.post("/guidance/", {**VALID, choice: value}).status_code == 302
        pages[value] = client.get("/guidance/request-sent/").content.decode()
    assert line in pages["no"]
    assert line not in pages["yes"]


def test_a_text_request_is_told_about_texts_not_calls():
    client, _intake = finished_visitor(journey())
    client.handler.enforce_csrf_checks = False
    client.post("/guidance/", {**VALID, "preferred_method": "text", "say_firm_name": "no"})
    page = client.get("/guidance/request-sent/").content.decode()
    assert "Our text messages will not say who they are from." in page
    assert "When we call" not in page
    assert "We will not say who is calling" not in page


def test_a_fill_is_escaped_unless_marked_safe(rf):
    def render(csrf_token="", **fills):
        return HttpResponse(f"<p>{fills['name']}</p><i>{csrf_token}</i>")

    for _first_then_from_memory in range(2):
        request = rf.get("/guidance/")
        request.session = {}
        html = page_memory.respond(request, ["facts"], render, fills={"name": "<b>Sam</b>"}).content.decode()
        assert "<p>&lt;b&gt;Sam&lt;/b&gt;</p>" in html
        assert "placeholder" not in html


def test_start_again_is_offered_once_there_is_something_to_start_again_from():
    newcomer = Client()
    assert "Start again" not in newcomer.get("/").content.decode()
    newcomer.get("/questions/")
    assert "Start again" not in newcomer.get(step_url("role")).content.decode()  # a first look
    mistake = newcomer.post(step_url("role"), {"questions_wizard-current_step": "role"})
    assert "Choose" in mistake.content.decode() and "Start again" not in mistake.content.decode()
    assert "Start again" not in newcomer.get("/").content.decode()
    answered(newcomer, journey(), ["role"])
    assert "Start again" in newcomer.get(step_url("order")).content.decode()
    assert "Start again" in newcomer.get(step_url("role")).content.decode()
    finished, _intake = finished_visitor(journey())
    assert "Start again" in finished.get("/").content.decode()


@pytest.mark.parametrize(("method", "told"), [("text", True), ("phone", False), ("email", False)])
def test_a_text_request_is_told_the_number_texts_come_from_when_the_firm_set_one(
    client, visitor, settings, method, told
):
    settings.FIRM_TEXT_FROM = "(555) 555-0199"
    visitor.walk(journey())
    client.handler.enforce_csrf_checks = False
    client.post("/guidance/", {**VALID, "preferred_method": method, "email": "sam@example.com"})
    page = client.get("/guidance/request-sent/").content.decode()
    assert ("Our text messages will come from this number: (555) 555-0199." in page) is told


def test_no_texting_number_set_means_none_is_promised(client, visitor):
    visitor.walk(journey())
    client.handler.enforce_csrf_checks = False
    client.post("/guidance/", {**VALID, "preferred_method": "text"})
    page = client.get("/guidance/request-sent/").content.decode()
    assert "Your request has been sent" in page and "will come from this number" not in page


def test_with_no_order_yet_the_questions_check_and_guidance_pages_speak_of_no_order():
    """Pages kept in memory for a visitor with an order are not served to one without, nor back."""
    with_order, without = Client(), Client()
    for client, orders in ((with_order, ["domestic_violence"]), (without, ["none_yet"])):
        Visitor(client).walk(journey(order_types=orders, initiated_by="protected"), finish=False)
    assert "since the order was made" in with_order.get(step_url("contact")).content.decode()
    assert "Count any recent contact" in without.get(step_url("contact")).content.decode()
    check = without.get(step_url("check")).content.decode()
    assert "They did (the other person)" in check and "the protected person" not in check
    assert "They did (the protected person)" in with_order.get(step_url("check")).content.decode()
    for client in (with_order, without):
        client.post(step_url("check"), {})
    assert "The order itself is what counts" in with_order.get("/guidance/").content.decode()
    page = without.get("/guidance/").content.decode()
    assert "If there are court papers, they are what counts" in page and "The order itself" not in page


def test_the_danger_line_is_part_of_the_guidance_pages_look():
    restrained, _ = finished_visitor(journey())
    protected, _ = finished_visitor(journey(role="protected"))  # has the safety rule instead
    pages = [client.get("/guidance/").content.decode() for client in (restrained, protected, restrained)]
    shown = ["If anyone is in danger now, call 911." in page for page in pages]
    assert shown == [True, False, True]
