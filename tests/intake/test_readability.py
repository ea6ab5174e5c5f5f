"""Plain language: every scenario's guidance page and every question page at US grade 8 or below.

`make readability` runs this module with output shown, printing the figures.
"""

import warnings

import pytest
from django.template.loader import render_to_string

from guidance.rules import RULES
from intake.guidance_text import rule_context, rule_template
from tests.guidance.scenarios import SCENARIOS
from tests.journeys import QUESTIONS, Visitor, step_url
from tests.readability import fernandez_huerta, us_grade, visible_text

pytestmark = pytest.mark.django_db

PAGE_LIMIT = 8
RULE_WARNING = 10


def print_table(title, rows):
    print(f"\n{title}")
    for grade, name in rows:
        print(f"  {grade:5.1f}  {name}")
    scores = [score for score, _ in rows]
    mean = sum(scores) / len(scores)
    print(f"  min {min(scores):.1f}, max {max(scores):.1f}, mean {mean:.1f}, over {len(scores)}")


def score_guidance_pages(client, score) -> list[tuple[float, str]]:
    """(score, scenario name) for the guidance page of every scenario in the rule tests."""
    rows = []
    for name, answers, _, _ in SCENARIOS:
        client.cookies.clear()
        Visitor(client).walk(answers)
        rows.append((score(visible_text(client.get("/guidance/").content.decode())), name))
    return rows


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


def test_each_rules_wording_is_measured_and_hard_ones_reported():
    rows = []
    for rule in RULES:
        for audience, helper in (("self", False), ("helper", True)):
            for side in (True, False):
                html = render_to_string(
                    rule_template(rule.id), rule_context(helper=helper, restrained_side=side)
                )
                rows.append((us_grade(visible_text(html)), f"{rule.id} ({audience})"))
    rows = sorted(set(rows), reverse=True)
    print_table("Rules, hardest first (US grade)", rows[:10])
    hard = [name for grade, name in rows if grade > RULE_WARNING]
    for name in hard:
        warnings.warn(f"rule wording above grade {RULE_WARNING}: {name}", stacklevel=1)
    assert {name.split(" ")[0] for _, name in rows} == {rule.id for rule in RULES}


SPANISH_LIMIT = 70  # Fernandez-Huerta: higher is easier; 70 reads as fairly easy


def test_every_scenarios_spanish_guidance_page_scores_70_or_more(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "es"
    rows = score_guidance_pages(client, fernandez_huerta)
    print_table("Spanish guidance pages (Fernandez-Huerta, higher is easier)", rows)
    assert len(rows) == len(SCENARIOS)
    assert all(score >= SPANISH_LIMIT for score, _ in rows), rows
