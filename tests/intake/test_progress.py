"""Progress on a question page: "Question N of M" once the answers so far fix how many questions
there are, "Question N of up to M" (the most there can still be) while they do not."""

import re

import pytest
from django.test import Client

from guidance.vocabulary import Step
from intake.steps import question_count
from tests.intake.test_page_memory import Renders, answered
from tests.journeys import Visitor, journey, step_url

pytestmark = pytest.mark.django_db

PROGRESS = re.compile(r'<p class="progress" id="progress">([^<]*)</p>')
TITLE = re.compile(r"<title>([^<]*?) –")


def answers_for(answers):
    """The answers_for of a wizard holding `answers` ({step: {field: value}}); other steps unanswered."""
    return answers.get


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ({}, (7, False)),  # nothing answered: every question may come
        ({Step.ROLE: {"role": "restrained"}}, (7, False)),
        # Orders known: both order questions decided; whether contact details come is not.
        ({Step.ORDER: {"order_types": ["domestic_violence"]}}, (7, False)),
        ({Step.ORDER: {"order_types": ["criminal_protective"]}}, (6, False)),
        ({Step.ORDER: {"order_types": ["gun_violence"]}}, (6, False)),
        ({Step.ORDER: {"order_types": ["emergency_protective"]}}, (5, False)),
        ({Step.ORDER: {"order_types": ["none_yet"]}}, (5, False)),
        # Contact known too: every condition is decided.
        (
            {Step.ORDER: {"order_types": ["criminal_protective"]}, Step.CONTACT: {"contact_kinds": ["none"]}},
            (5, True),
        ),
        (
            {Step.ORDER: {"order_types": ["domestic_violence"]}, Step.CONTACT: {"contact_kinds": ["text"]}},
            (7, True),
        ),
        ({Step.ORDER: {"order_types": ["none_yet"]}, Step.CONTACT: {"contact_kinds": ["call"]}}, (5, True)),
        # Contact known, orders not: still open.
        ({Step.CONTACT: {"contact_kinds": ["none"]}}, (6, False)),
    ],
)
def test_the_count_and_whether_it_is_final(answers, expected):
    assert question_count(answers_for(answers)) == expected


def page_progress(client, step):
    page = client.get(step_url(step)).content.decode()
    return PROGRESS.search(page).group(1), TITLE.search(page).group(1)


def test_a_journey_says_up_to_until_the_path_is_known_then_the_real_count():
    client = Client()
    answers = journey(order_types=["criminal_protective"], contact_kinds=["none"])
    seen = []
    client.get("/questions/")
    for step in ["role", "order", "order_exceptions", "contact", "situation"]:
        progress, title = page_progress(client, step)
        assert title == progress  # the page title says the same
        seen.append(progress)
        Visitor(client).answer(step, answers)
    assert seen == [
        "Question 1 of up to 7",
        "Question 2 of up to 7",
        "Question 3 of up to 6",  # no stage question for a criminal order alone
        "Question 4 of up to 6",  # contact details depend on this answer
        "Question 5 of 5",  # no contact: no contact details; the path is fixed
    ]


def test_with_contact_the_count_is_final_from_the_contact_details():
    client = answered(Client(), journey(), ["role", "order", "order_stage", "order_exceptions", "contact"])
    assert page_progress(client, "contact_details")[0] == "Question 6 of 7"
    Visitor(client).answer("contact_details", journey())
    assert page_progress(client, "situation")[0] == "Question 7 of 7"


def test_going_back_after_answering_everything_gives_the_real_count():
    client = Client()
    Visitor(client).walk(journey(order_types=["emergency_protective"], contact_kinds=["none"]), finish=False)
    assert page_progress(client, "role")[0] == "Question 1 of 4"
    assert page_progress(client, "contact")[0] == "Question 3 of 4"


def test_the_count_is_part_of_the_page_in_memory():
    """Same step, same tick, same Back link: only the count differs, and each visitor sees their own."""
    early = answered(Client(), journey(), ["role"])
    done = answered(
        Client(),
        journey(order_types=["emergency_protective"], contact_kinds=["none"]),
        ["role", "order", "contact", "situation"],
    )
    with Renders() as renders:
        assert page_progress(early, "role")[0] == "Question 1 of up to 7"
        assert page_progress(done, "role")[0] == "Question 1 of 4"
        assert page_progress(early, "role")[0] == "Question 1 of up to 7"
    assert renders.count == 2


def test_spanish_says_the_count_too():
    client = Client(HTTP_ACCEPT_LANGUAGE="es")
    client.get("/questions/")
    assert page_progress(client, "role")[0] == "Pregunta 1 de 7 como máximo"
    Visitor(client).walk(journey(order_types=["emergency_protective"], contact_kinds=["none"]), finish=False)
    assert page_progress(client, "situation")[0] == "Pregunta 4 de 4"
