"""Plain language: every scenario's guidance page and every question page at US grade 8 or below.

`make readability` runs this module with output shown, printing the figures.
"""

import pytest
from django.conf import settings

from guidance.rules import RULES
from intake.audiences import reachable_flags
from intake.guidance_text import answer_wording, rule_wording
from tests.guidance.scenarios import SCENARIOS
from tests.journeys import QUESTIONS, Visitor, step_url
from tests.readability import fernandez_huerta, us_grade, visible_text

pytestmark = pytest.mark.django_db

PAGE_LIMIT = 8
FIRM = (settings.FIRM_NAME, settings.FIRM_PHONE)


def print_table(title, rows):
    print(f"\n{title}")
    for grade, name in rows:
        print(f"  {grade:5.1f}  {name}")
    scores = [score for score, _ in rows]
    mean = sum(scores) / len(scores)
    print(f"  min {min(scores):.1f}, max {max(scores):.1f}, mean {mean:.1f}, over {len(scores)}")


# Rules added or reworded in rule-set 2026.12.1: every wording a visitor can reach is held to the page limit.
NEW_RULES = {
    "do-not-ask-to-drop-charges",
    "change-criminal-order",
    "peaceful-contact",
    "mutual-your-protection",
    "get-protection",
    "arrested-no-order-yet",
    "immigration-caution",
    "temporary-order-hearing",
    "criminal-order-one-way",
    "violation-consequences",
}


def reachable_wordings() -> frozenset[tuple[str, str, tuple[bool, ...]]]:
    """("rule" or "answer", id, wording flags) for every wording a visitor can read (intake.audiences)."""
    rules, answers = reachable_flags()
    return frozenset(
        [("rule", item_id, flags) for item_id, reached in rules.items() for flags in reached]
        + [("answer", item_id, flags) for item_id, reached in answers.items() for flags in reached]
    )


def wording_text(kind, item_id, flags, language) -> str:
    """The text of one rule's (title and body) or short answer's wording, as the page renders it."""
    if kind == "answer":
        return visible_text(answer_wording(item_id, flags, language, FIRM))
    title, body = rule_wording(item_id, flags, language, FIRM)
    return visible_text(f"<h3>{title}</h3>{body}")


def score_guidance_pages(client, score) -> list[tuple[float, str]]:
    """(score, scenario name) for the guidance page of every scenario in the rule tests."""
    rows = []
    for name, answers, _, _ in SCENARIOS:
        client.cookies.clear()
        Visitor(client).walk(answers)
        rows.append((score(visible_text(client.get("/guidance/").content.decode())), name))
    return rows


@pytest.fixture
def many_journeys(settings):
    """Every scenario is walked from one address: more than the per-address limit on finishing."""
    settings.RATELIMIT_FINISH = "1000/h"


@pytest.mark.usefixtures("many_journeys")
def test_every_scenarios_guidance_page_reads_at_grade_8_or_below(client):
    rows = score_guidance_pages(client, us_grade)
    print_table("Guidance pages (US grade, Flesch-Kincaid)", rows)
    assert len(rows) == len(SCENARIOS)
    assert all(grade <= PAGE_LIMIT for grade, _ in rows), rows


def test_every_question_page_reads_at_grade_8_or_below(client):
    Visitor(client).walk(SCENARIOS[2][1], finish=False)
    rows = []
    for step in [*QUESTIONS, "check"]:
        rows.append((us_grade(visible_text(client.get(step_url(step)).content.decode())), step))
    for url in ["/", "/online-safety/", "/privacy/"]:
        rows.append((us_grade(visible_text(client.get(url).content.decode())), url))
    print_table("Question and information pages (US grade)", rows)
    assert all(grade <= PAGE_LIMIT for grade, _ in rows), rows


def test_every_rules_wording_reads_at_grade_8_or_below():
    rows = sorted(
        {
            (us_grade(wording_text(kind, item_id, flags, "en")), item_id)
            for kind, item_id, flags in reachable_wordings()
            if kind == "rule"
        },
        reverse=True,
    )
    print_table("Rules, every reachable wording, hardest first (US grade)", rows[:10])
    assert {name for _, name in rows} == {rule.id for rule in RULES}
    assert all(grade <= PAGE_LIMIT for grade, _ in rows), [row for row in rows if row[0] > PAGE_LIMIT]


def test_every_short_answer_and_every_new_rule_reads_at_grade_8_or_below():
    rows = sorted(
        {
            (us_grade(wording_text(kind, item_id, flags, "en")), f"{kind} {item_id}")
            for kind, item_id, flags in reachable_wordings()
            if kind == "answer" or item_id in NEW_RULES
        },
        reverse=True,
    )
    print_table("Short answers and new rules, every reachable wording (US grade)", rows)
    assert {name.split(" ")[1] for _, name in rows} >= NEW_RULES
    assert all(grade <= PAGE_LIMIT for grade, _ in rows), rows


SPANISH_LIMIT = 70  # Fernandez-Huerta: higher is easier; 70 reads as fairly easy


@pytest.mark.usefixtures("many_journeys")
def test_every_scenarios_spanish_guidance_page_scores_70_or_more(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "es"
    rows = score_guidance_pages(client, fernandez_huerta)
    print_table("Spanish guidance pages (Fernandez-Huerta, higher is easier)", rows)
    assert len(rows) == len(SCENARIOS)
    assert all(score >= SPANISH_LIMIT for score, _ in rows), rows
