"""Wording a visitor acts on: each fix of the guidance's contradictions and mistakes, held in place.

Each test names the item it covers (the guidance issue's section 2). Pages are rendered by
intake.guidance_text as the visitor sees them; the public pages through the test client.
"""

import re

import pytest

from guidance import Answers, evaluate
from guidance.rules import RULES_BY_ID
from intake.guidance_text import render_guidance
from intake.sources import short_source_line, source_titles
from tests.guidance.scenarios import TODAY
from tests.journeys import journey, step_url

EVERY_CONTACT = ["text", "call", "email_social", "in_person", "third_party"]


def page(language="en", **changes):
    answers = Answers.from_dict(journey(**changes))
    return render_guidance(answers, evaluate(answers, TODAY), language)


def rule_html(html, rule_id):
    """One rule's markup on the page (None when the rule is not shown)."""
    match = re.search(rf'<(div|details) class="rule[^"]*" data-rule="{rule_id}">(.*?)</\1>', html, re.S)
    return match.group(2) if match else None


def text(html):
    return " ".join(re.sub(r"<[^>]+>", " ", html or "").split())


@pytest.mark.parametrize("exceptions", ["yes", "unsure"])
@pytest.mark.parametrize("orders", [["criminal_protective"], ["domestic_violence"]])
def test_1_an_order_that_allows_some_contact_is_never_also_called_no_contact_in_any_way(exceptions, orders):
    html = page(order_types=orders, order_exceptions=exceptions, contact_kinds=EVERY_CONTACT)
    assert "not contact the protected person in any way" not in text(html)
    for rule_id in ("restrained-no-contact", "restrained-cannot-reply", "reply-text", "reply-call"):
        wording = text(rule_html(html, rule_id))
        assert "unless your order clearly allows it" in wording, rule_id
        assert "Ask a lawyer first." in wording, rule_id
    peaceful = text(rule_html(html, "peaceful-contact"))
    assert "must still not harass, threaten, hit, follow or stalk" in peaceful
    assert "Any argument can be reported as breaking the order." in peaceful
    assert "If in doubt, have no contact." in peaceful
    # The short answer says the same.
    assert "unless your order clearly allows it" in text(html.split("</section>", 1)[0])


def test_1_an_order_that_allows_no_contact_still_says_so_plainly():
    html = page(order_types=["criminal_protective"], order_exceptions="no", contact_kinds=["text"])
    assert "Do not contact the protected person in any way" in text(html)
    assert "unless your order clearly allows it" not in text(html)
    assert rule_html(html, "peaceful-contact") is None


def test_1_the_protected_side_is_never_told_what_a_peaceful_contact_order_allows_the_restrained_person():
    assert rule_html(page(role="protected", order_exceptions="yes"), "peaceful-contact") is None


def test_2_mutual_orders_need_both_to_have_acted_as_a_primary_aggressor():
    wording = text(rule_html(page(order_types=["mutual"]), "mutual-orders-rare"))
    assert "both people acted as a main aggressor" in wording
    assert "neither acted mainly in self-defense" in wording
    assert "started the harm" not in wording
    spanish = text(rule_html(page("es", order_types=["mutual"]), "mutual-orders-rare"))
    assert "agresor principal" in spanish and "defensa propia" in spanish


@pytest.mark.parametrize("role", ["protected", "helping_protected"])
def test_3_under_mutual_orders_a_visitor_the_order_protects_is_told_of_their_protection(role):
    html = page(role=role, order_types=["mutual"], criminal_case="yes", initiated_by="protected")
    assert rule_html(html, "safety-resources") is not None
    assert "may break the order that protects" in text(rule_html(html, "mutual-your-protection"))
    assert "talk to a lawyer before" in text(rule_html(html, "mutual-your-protection"))
    # Not a defendant: no "do not ask to drop the charges", no criminal-defense warning.
    for rule_id in ("do-not-ask-to-drop-charges", "criminal-case-caution", "change-criminal-order"):
        assert rule_html(html, rule_id) is None, rule_id


def test_3_a_visitor_unsure_of_their_side_gets_the_safety_resources():
    assert rule_html(page(role="unsure", order_types=["unsure"]), "safety-resources") is not None


def test_3a_no_rule_speaks_of_an_order_limiting_contact_where_none_does():
    gun_only = page(role="protected", order_types=["gun_violence"], initiated_by="restrained")
    assert rule_html(gun_only, "protected-report-violation") is None
    protected_started = page(role="protected", order_types=["gun_violence"], initiated_by="protected")
    assert rule_html(protected_started, "protected-invitation-not-permission") is None
    assert rule_html(protected_started, "change-or-end-order") is None
    assert rule_html(page(role="unsure", order_types=["none_yet"]), "if-unsure-no-contact") is None


@pytest.mark.parametrize("criminal_case", ["yes", "unsure"])
def test_3a_after_an_arrest_nobody_is_told_that_nothing_binds_anyone(criminal_case):
    html = page(order_types=["none_yet"], criminal_case=criminal_case)
    assert rule_html(html, "no-order-yet") is None
    assert "binds no one" not in text(html)
    assert "After an arrest, an order may already exist" in text(rule_html(html, "arrested-no-order-yet"))
    assert 'data-answer="arrested-no-order"' in html


def test_4_firearms_deadlines_are_stated_plainly_and_cited():
    wording = text(rule_html(page(order_types=["criminal_protective"]), "restrained-firearms"))
    assert "If a police officer asks for them, you must hand them over right away." in wording
    assert "within 24 hours of being served" in wording
    assert "Within 48 hours of getting the order, file the receipt with the court." in wording
    assert "often" not in wording
    sources = " ".join(map(str, source_titles(RULES_BY_ID["restrained-firearms"].sources)))
    for statute in ("Family Code 6389", "Code of Civil Procedure 527.9", "Penal Code 18120"):
        assert statute in sources


@pytest.mark.django_db
def test_5_a_private_window_is_said_to_hide_history_on_this_device_only(client):
    safety = text(rule_html(page(role="protected"), "safety-resources"))
    assert "on this device only" in safety and "spying apps" in safety
    for url in ("/", "/online-safety/"):
        body = text(client.get(url).content.decode())
        assert "on this device only" in body and "spying apps" in body, url


def test_6_a_criminal_order_alone_is_not_told_of_an_answer_in_the_restraining_order_case():
    wording = text(rule_html(page(order_types=["criminal_protective"]), "criminal-case-caution"))
    assert "any court paper, including a request for an order of your own" in wording
    assert "restraining order case" not in wording


def test_7_a_protected_person_contacted_by_the_restrained_person_reads_how_to_report_it_first():
    html = page(role="protected", initiated_by="restrained", contact_kinds=["call"])
    assert html.index('data-rule="protected-report-violation"') < html.index(
        'data-rule="protected-not-restricted"'
    )


def test_8_each_source_supports_the_rule_it_is_under():
    def cited(rule_id):
        return " ".join(map(str, source_titles(RULES_BY_ID[rule_id].sources)))

    for rule_id in ("restrained-listed-exceptions", "protected-order-terms"):
        assert "CR-160" in cited(rule_id) and "DV-130" in cited(rule_id)
        assert "article" not in cited(rule_id)
    assert "CR-160 (peaceful contact)" in cited("peaceful-contact")
    assert "Family Code 6381" in cited("knowing-is-enough")
    assert "Penal Code 166(c)(1)" in cited("knowing-is-enough")
    assert "Family Code 6383" in cited("no-order-yet")
    # The page's own short line names the same sources.
    assert "Penal Code 166(c)(1)" in short_source_line(RULES_BY_ID["knowing-is-enough"].sources)


def test_9_an_emergency_order_shows_when_it_ends_and_a_gun_violence_one_lasts_21_days():
    wording = text(rule_html(page(order_types=["emergency_protective"]), "emergency-order"))
    assert "The order shows the date and time it ends." in wording
    assert "An emergency gun violence order is different: it lasts 21 days." in wording


@pytest.mark.django_db
def test_10_question_hints_name_unions_cr_161_and_fit_a_visitor_with_no_order(client, visitor):
    role_page = client.get(step_url("role")).content.decode()
    assert "or I want protection" in role_page and "the one accused" in role_page
    visitor.walk(journey(), finish=False)
    order_page = client.get(step_url("order")).content.decode()
    assert "An employer or a union asked for it." in order_page
    assert "Forms CR-160 or CR-161." in order_page


def test_11_spanish_names_who_can_be_arrested_and_uses_the_judicial_councils_terms():
    html = page("es", role="protected", initiated_by="protected")
    wording = text(rule_html(html, "protected-invitation-not-permission"))
    assert "la policía puede arrestar a la persona restringida" in wording
    assert wording.startswith("Aunque usted se comunique, la persona restringida no puede responder")
    assert "la pueden arrestar" not in wording
    identify = text(rule_html(page("es", order_types=["unsure"]), "identify-your-order"))
    assert "violencia armada" in identify and "maltrato de ancianos o adultos dependientes" in identify
    assert "ventana de incógnito" in text(rule_html(html, "safety-resources"))


@pytest.mark.parametrize("role", ["protected", "restrained", "helping_protected"])
def test_11_no_heading_is_repeated_on_the_spanish_guidance(role):
    html = page("es", role=role, contact_kinds=EVERY_CONTACT, initiated_by="both")
    headings = [text(h) for h in re.findall(r"<(?:h2|h3|summary)[^>]*>(.*?)</(?:h2|h3|summary)>", html, re.S)]
    assert len(headings) == len(set(headings)), headings


@pytest.mark.django_db
def test_11_the_deleted_page_does_not_repeat_a_link(client):
    body = client.post("/delete/", follow=True).content.decode()
    links = [text(link) for link in re.findall(r"<a [^>]*>(.*?)</a>", body, re.S)]
    assert len(links) == len(set(links)), links
    client.cookies.clear()
    spanish = client.post("/delete/", follow=True, HTTP_ACCEPT_LANGUAGE="es").content.decode()
    links = [text(link) for link in re.findall(r"<a [^>]*>(.*?)</a>", spanish, re.S)]
    assert len(links) == len(set(links)), links


@pytest.mark.parametrize(
    ("role", "language", "route"),
    [
        ("protected", "en", "you can tell the prosecutor or the victim advocate on the case what you want"),
        ("helping_protected", "en", "they can tell the prosecutor or the victim advocate on the case"),
        ("protected", "es", "usted puede decirle al fiscal o al defensor de víctimas del caso"),
        ("helping_protected", "es", "la persona a la que ayuda puede decirle al fiscal"),
    ],
)
def test_a_protected_person_who_wants_contact_learns_the_route_of_a_criminal_order(role, language, route):
    # The partner of the firm's typical client: not a party to the criminal case, so "ask the court"
    # alone would point them at a filing they usually cannot make.
    html = page(
        language,
        role=role,
        order_types=["criminal_protective"],
        initiated_by="protected",
        contact_kinds=["text"],
    )
    wording = text(rule_html(html, "change-or-end-order"))
    assert route in wording


def test_the_spanish_safety_sentences_name_who_they_speak_of():
    restrained = page(
        "es", order_types=["criminal_protective"], initiated_by="protected", contact_kinds=["text"]
    )
    assert "Usted no puede responder, aunque la otra persona se comunique primero" in text(
        rule_html(restrained, "restrained-cannot-reply")
    )
    helper = page("es", role="helping_protected", initiated_by="restrained", contact_kinds=["text"])
    assert "Si la persona a la que ayuda está en peligro ahora, llame al 911." in text(helper)


@pytest.mark.parametrize(
    ("role", "words"),
    [("protected", "Ask a lawyer first."), ("helping_protected", "They should ask a lawyer first.")],
)
def test_the_protected_short_answer_under_an_order_with_exceptions_says_ask_a_lawyer_first(role, words):
    # PRODUCT.md: where the order lists exceptions, the protected answer says "ask a lawyer first" too.
    html = page(role=role, order_types=["domestic_violence"], order_exceptions="yes", contact_kinds=["none"])
    short_answer = text(html.split("</section>", 1)[0])
    assert "unless the order clearly allows it" in short_answer and words in short_answer


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_restrained_person_who_already_replied_still_reads_that_wanting_him_back_changes_nothing(language):
    # The firm's typical client, who replied once to a partner who wants him home: the short answer
    # says to stop, and still answers his own question (can we get back together?).
    html = page(
        language,
        order_types=["criminal_protective"],
        contact_kinds=["text"],
        initiated_by="protected",
        responded="yes",
        said_ok="yes",
    )
    short_answer = text(html.split("</section>", 1)[0])
    expected = {
        "en": "Even if they want to get back together, only a judge can change the order.",
        "es": "Aunque esa persona quiera volver con usted, solo un juez puede cambiar la orden.",
    }
    assert 'data-answer="restrained-made-contact"' in html and expected[language] in short_answer


def test_the_protected_short_answer_says_the_restrained_person_is_not_allowed_to_reply():
    # "may not reply" reads as "might not reply".
    short_answer = text(page(role="protected", contact_kinds=["none"]).split("</section>", 1)[0])
    assert "is still not allowed to reply" in short_answer and "may not" not in short_answer


def test_the_court_date_box_gives_the_firms_phone(settings):
    html = page(court_date=TODAY.replace(year=TODAY.year + 1))
    box = html.split('class="court-date"', 1)[1].split("</div>", 1)[0]
    assert "To talk with a lawyer before that date, call us:" in text(box) and settings.FIRM_PHONE in box
