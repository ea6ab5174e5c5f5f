"""The short answer that opens every guidance page (PRODUCT.md, "The short answer"): its wording in
both languages, its length, and its place in the page and in the stored snapshot."""

import re
import uuid

import pytest

from guidance import Answers, evaluate
from guidance.short_answers import SHORT_ANSWERS
from intake.guidance_text import WORDING_TERMS, answer_html, render_guidance
from intake.services import intake_create
from tests.guidance.scenarios import SCENARIOS, SHORT_ANSWER, TODAY
from tests.intake.test_readability import reachable_wordings, wording_text
from tests.readability import visible_text

MAX_WORDS = 60
FIRM = ("The firm", "555")


def words(html):
    return len(visible_text(html).split())


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_short_answer_a_visitor_can_reach_is_at_most_60_words(language):
    reached = [(item_id, flags) for kind, item_id, flags in reachable_wordings() if kind == "answer"]
    assert {item_id for item_id, _ in reached} == {a.id for a in SHORT_ANSWERS} - {"general"}
    counts = {
        (item_id, flags): words(answer_html(item_id, flags, language, FIRM)) for item_id, flags in reached
    }
    assert max(counts.values()) <= MAX_WORDS, max(counts.items(), key=lambda item: item[1])


def test_every_short_answer_a_visitor_can_reach_is_worded_in_english_and_in_spanish():
    for kind, item_id, flags in reachable_wordings():
        if kind != "answer":
            continue
        english = wording_text(kind, item_id, flags, "en")
        spanish = wording_text(kind, item_id, flags, "es")
        assert len(english.split()) >= 10 and len(spanish.split()) >= 10, (item_id, flags)
        assert english != spanish, (item_id, flags)


# Where a helper's wording may say "you": to the helper themselves (how they may help, or carry no
# message), never for what the person they help must do.
TO_THE_HELPER = re.compile(
    r"\byou’re helping\b|\byou included\b|\bcall you\b|\bYou or the person\b|"
    r"\bIf you pass on a message\b|\bDo not pass messages\b"
)


@pytest.mark.parametrize("language", ["en"])
def test_a_helper_reads_about_the_person_they_help_never_what_you_must_do(language):
    checked = 0
    for kind, item_id, flags in reachable_wordings():
        if not flags[WORDING_TERMS.index("helper")]:
            continue
        text = TO_THE_HELPER.sub("", wording_text(kind, item_id, flags, language))
        bare = re.findall(r"\b(?:you|your|yours)\b", text, flags=re.IGNORECASE)
        allowed = item_id in {"how-the-firm-helps", "helper-no-messages"}
        assert allowed or not bare, (kind, item_id, text)
        checked += 1
    assert checked > 100


@pytest.mark.parametrize(("name", "data"), [s[:2] for s in SCENARIOS], ids=[s[0] for s in SCENARIOS])
@pytest.mark.parametrize("language", ["en", "es"])
def test_the_guidance_opens_with_the_short_answer_before_any_rule(name, data, language):
    answers = Answers.from_dict(data)
    html = render_guidance(answers, evaluate(answers, TODAY), language)
    marker = f'data-answer="{SHORT_ANSWER[name]}"'
    assert html.count("data-answer=") == 1 and marker in html
    assert html.index(marker) < html.index("data-rule=")


@pytest.mark.parametrize(
    ("data", "unless"),
    [
        ({"role": "restrained", "order_types": ["criminal_protective"], "order_exceptions": "yes"}, True),
        ({"role": "restrained", "order_types": ["criminal_protective"], "order_exceptions": "no"}, False),
        (
            {
                "role": "helping_restrained",
                "order_types": ["domestic_violence"],
                "order_exceptions": "unsure",
            },
            True,
        ),
        ({"role": "protected", "order_types": ["mutual"], "order_exceptions": "yes"}, True),
        ({"role": "protected", "order_types": ["domestic_violence"], "order_exceptions": "yes"}, True),
        ({"role": "protected", "order_types": ["domestic_violence"], "order_exceptions": "no"}, False),
    ],
)
def test_where_the_order_allows_some_contact_the_answer_is_not_an_absolute_no_contact(data, unless):
    answers = Answers.from_dict(
        {"contact_kinds": ["none"], "criminal_case": "no", "order_stage": None, **data}
    )
    text = visible_text(render_guidance(answers, evaluate(answers, TODAY), "en").split("</section>")[0])
    assert ("unless" in text and "clearly allows it" in text) is unless, text


def test_helpers_read_the_answer_about_the_person_they_help():
    answers = Answers.from_dict(
        {
            "role": "helping_restrained",
            "order_types": ["criminal_protective"],
            "order_exceptions": "no",
            "contact_kinds": ["text"],
            "initiated_by": "protected",
            "responded": "no",
            "said_ok": "yes",
            "criminal_case": "yes",
        }
    )
    html = render_guidance(answers, evaluate(answers, TODAY), "en")
    text = visible_text(html.split("</section>")[0])
    assert "the person you’re helping must not reply" in text
    assert "you must not" not in text


@pytest.mark.django_db
def test_the_stored_snapshot_opens_with_the_short_answer():
    data = SCENARIOS[-1][1]
    intake = intake_create(
        answers=Answers.from_dict(data), language="es", journey_id=uuid.uuid4(), today=TODAY
    )
    snapshot = intake.guidance_snapshot
    assert re.match(r'\s*<section class="short-answer" data-answer="gun-only"', snapshot)
    assert "La respuesta corta" in snapshot


@pytest.mark.django_db
def test_guidance_stored_under_an_earlier_rule_set_is_shown_as_the_page_now_shows_it(client, visitor):
    """A snapshot from before the short answer opened the page (still in a visitor's session at a
    release) is rendered again, so that the page never lacks its short answer or its disclaimer."""
    from intake.models import Intake

    visitor.walk(SCENARIOS[1][1])
    Intake.objects.update(
        ruleset_version="2026.11.2", guidance_snapshot='<div class="rule" data-rule="x">old</div>'
    )
    page = client.get("/guidance/").content.decode()
    assert f'data-answer="{SHORT_ANSWER[SCENARIOS[1][0]]}"' in page
    assert "not legal advice" in page and ">old<" not in page
