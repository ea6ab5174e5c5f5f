"""The wording of the guidance (intake.guidance_text): who "the other person" is, in both languages."""

import datetime
import re

import pytest

from guidance import Answers, evaluate
from intake.guidance_text import render_guidance
from tests.journeys import journey

TODAY = datetime.date(2026, 11, 25)
EVERY_CONTACT = ["text", "call", "email_social", "in_person", "third_party"]


def guidance_text(language, leave_out=(), **changes):
    """The guidance as text, without the rules `leave_out` names."""
    answers = Answers.from_dict(journey(contact_kinds=EVERY_CONTACT, **changes))
    html = render_guidance(answers, evaluate(answers, TODAY), language)
    for rule_id in leave_out:
        html = re.sub(
            rf'<(div|details) class="rule[^"]*" data-rule="{rule_id}">.*?</\1>', "", html, flags=re.S
        )
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.mark.parametrize(
    "role", ["protected", "restrained", "helping_protected", "helping_restrained", "unsure"]
)
@pytest.mark.parametrize("other_order", [None, "criminal_protective", "emergency_protective"])
@pytest.mark.parametrize(
    ("language", "protected", "other"),
    [("en", "protected person", "other person"), ("es", "persona protegida", "otra persona")],
)
def test_with_orders_on_both_sides_the_rules_speak_of_the_other_person(
    role, other_order, language, protected, other
):
    orders = ["domestic_violence", "mutual", *([other_order] if other_order else [])]
    # "Who is who" explains the words the order itself uses.
    text = guidance_text(language, ("who-is-who",), role=role, order_types=orders)
    assert other in text
    # Both people are protected, and both restrained: "the protected person" would name no one.
    assert protected not in text.replace(f"{protected}s", "")


def test_a_one_way_order_still_names_the_protected_person():
    text = guidance_text("en", role="restrained", order_types=["domestic_violence"])
    assert "Do not contact the protected person in any way" in text
    assert "Do not contact the other person" not in text


@pytest.mark.parametrize(
    ("role", "heading", "advice"),
    [
        (
            "restrained",
            "Your court date",
            "Check your papers for the time, the place and whether you must go",
        ),
        ("protected", "Your court date", "Missing a date you must attend can cause serious problems."),
        ("helping_restrained", "Their court date", "They should check their papers"),
        ("helping_protected", "Their court date", "Missing a date they must attend"),
    ],
)
def test_the_court_date_is_told_to_whoever_goes(role, heading, advice):
    def court_date_block(language):
        answers = Answers.from_dict(journey(role=role, court_date=TODAY + datetime.timedelta(days=20)))
        html = render_guidance(answers, evaluate(answers, TODAY), language)
        block = html.split('<div class="court-date">', 1)[1].split("</div>", 1)[0]
        return " ".join(re.sub(r"<[^>]+>", " ", block).split())

    court_date = court_date_block("en")
    assert heading in court_date and advice in court_date
    # Whether someone must attend depends on their part in the case: never told they must, or what
    # a judge would do if they did not come (a defendant risks far more; a witness may not be needed).
    assert "Go to court on this date" not in court_date and "judge" not in court_date
    spanish = court_date_block("es")
    assert "papeles" in spanish and "problemas graves" in spanish


def test_with_no_order_yet_the_guidance_does_not_speak_of_your_order():
    none_yet = guidance_text("en", role="restrained", order_types=["none_yet"])
    assert "About restraining orders" in none_yet and "About your order" not in none_yet
    assert "About your order" in guidance_text("en", role="restrained", order_types=["domestic_violence"])
    spanish = guidance_text("es", role="restrained", order_types=["none_yet"])
    assert "Sobre las órdenes de restricción" in spanish


@pytest.mark.parametrize("role", ["restrained", "helping_restrained", "unsure"])
def test_with_no_order_yet_how_a_lawyer_helps_offers_nothing_about_an_order_that_does_not_exist(role):
    none_yet = guidance_text("en", role=role, order_types=["none_yet"])
    assert "How a lawyer can help" in none_yet
    assert "answer a request for an order" in none_yet
    assert "change or end the order" not in none_yet and "the order was broken" not in none_yet
    with_order = guidance_text("en", role=role, order_types=["civil_harassment"])
    assert "ask the court to change or end the order" in with_order
    spanish = guidance_text("es", role=role, order_types=["none_yet"])
    assert "responder a una solicitud de orden" in spanish


@pytest.mark.parametrize("language", ["en", "es"])
def test_with_no_order_yet_unsure_visitors_are_not_told_they_could_break_an_order(language):
    none_yet = guidance_text(language, role="unsure", order_types=["none_yet"])
    with_order = guidance_text(language, role="unsure", order_types=["unsure"])
    could_break = {"en": "any contact could break it", "es": "cualquier contacto podría violarla"}[language]
    no_order = {
        "en": "No court order limits you or the other person yet",
        "es": "Todavía ninguna orden de la corte le limita a usted ni a la otra persona",
    }[language]
    first_page = {"en": "The first page of the order names", "es": "La primera página de la orden"}[language]
    assert could_break in with_order and could_break not in none_yet
    assert no_order in none_yet and no_order not in with_order
    assert first_page in with_order and first_page not in none_yet


@pytest.mark.parametrize(
    ("role", "papers"),
    [
        ("restrained", "If you were given court papers"),
        ("helping_restrained", "If the person you’re helping was given court papers"),
    ],
)
def test_with_no_order_yet_the_restrained_side_is_told_papers_may_hold_a_temporary_order(role, papers):
    none_yet = guidance_text("en", role=role, order_types=["none_yet"], order_stage=None)
    assert papers in none_yet and "include a temporary order" in none_yet
    assert "Protection for" in none_yet and "needs an order of" in none_yet
    assert "The order does not protect" not in none_yet
    with_order = guidance_text("en", role=role, order_types=["civil_harassment"])
    assert "The order does not protect" in with_order and "court papers" not in with_order
    assert "si incluyen una orden temporal" in guidance_text("es", role=role, order_types=["none_yet"])


def test_spanish_lists_speak_to_the_visitor_in_commands_and_of_the_person_helped_in_infinitives():
    own = guidance_text("es", role="restrained", order_types=["domestic_violence"], initiated_by="protected")
    assert "Anote quién lo vio." in own and "Guarde un registro de cualquier contacto" in own
    assert "Hable con un abogado" in own
    assert "Anotar quién lo vio." not in own and "Guardar un registro de cualquier contacto" not in own
    helper = guidance_text(
        "es", role="helping_restrained", order_types=["domestic_violence"], initiated_by="protected"
    )
    assert "Anotar quién lo vio." in helper and "Guardar un registro de cualquier contacto" in helper


@pytest.mark.parametrize(
    ("role", "english", "spanish"),
    [
        ("restrained", "If they come to your home, do not open the door", "no abra la puerta"),
        ("helping_restrained", "If that person comes to their home, they should not open", "no debe abrir"),
    ],
)
def test_someone_coming_to_the_door_is_not_answered_either(role, english, spanish):
    # "Walk away" cannot be done from one's own home: not opening the door is the same not answering.
    assert english in guidance_text("en", role=role)  # every kind of contact, in person included
    assert spanish in guidance_text("es", role=role)


def test_under_mutual_orders_a_helper_is_not_told_they_may_not_reply():
    # The order binds the person they help, not the helper: the sentence speaks of the two people.
    text = guidance_text("en", role="helping_restrained", order_types=["mutual"])
    assert "Contact from one of them does not let the other reply." in text
    assert "does not let you reply" not in text


def test_every_source_has_a_full_title_and_a_short_citation():
    from guidance.rules import RULES
    from guidance.short_answers import SHORT_ANSWERS
    from intake.sources import ARTICLE_SECTIONS, FACTS, SHORT_ARTICLE_SECTIONS, SHORT_FACTS

    assert set(FACTS) == set(SHORT_FACTS)
    assert set(ARTICLE_SECTIONS) == set(SHORT_ARTICLE_SECTIONS)
    used = {key for item in (*RULES, *SHORT_ANSWERS) for key in item.sources}
    assert used <= set(FACTS) | set(ARTICLE_SECTIONS)
