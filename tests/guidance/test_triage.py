"""The triage table (PRODUCT.md, "Triage priority")."""

import datetime

import pytest

from guidance import Answers, evaluate
from tests.guidance.scenarios import TODAY, answers


def priority_of(**changes):
    return evaluate(Answers.from_dict(answers(**changes)), TODAY).priority


def days(n):
    return TODAY + datetime.timedelta(days=n)


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, "normal"),
        ({"court_date": days(0)}, "urgent"),
        ({"court_date": days(7)}, "urgent"),
        ({"court_date": days(8)}, "high"),
        ({"court_date": days(30)}, "high"),
        ({"court_date": days(31)}, "normal"),
        ({"court_date": days(-1)}, "normal"),
        ({"order_types": ["emergency_protective"], "order_stage": None, "order_exceptions": None}, "urgent"),
        ({"order_stage": "temporary"}, "high"),
        ({"criminal_case": "yes"}, "high"),
        ({"criminal_case": "unsure"}, "normal"),
        ({"order_types": ["criminal_protective"], "order_stage": None}, "high"),
        # A restrained person who made contact: high; with a criminal case: urgent.
        (
            {"contact_kinds": ["text"], "initiated_by": "protected", "responded": "yes", "said_ok": "no"},
            "high",
        ),
        (
            {
                "contact_kinds": ["text"],
                "initiated_by": "restrained",
                "responded": "no",
                "said_ok": "no",
                "criminal_case": "yes",
            },
            "urgent",
        ),
        (
            {
                "order_types": ["criminal_protective"],
                "order_stage": None,
                "contact_kinds": ["call"],
                "initiated_by": "both",
                "responded": "no",
                "said_ok": "no",
            },
            "urgent",
        ),
        # Contact only from the protected side does not raise a restrained person's priority.
        (
            {"contact_kinds": ["text"], "initiated_by": "protected", "responded": "no", "said_ok": "no"},
            "normal",
        ),
        # A protected person whose restrained person made contact: high (protected-report-violation).
        (
            {
                "role": "protected",
                "contact_kinds": ["text"],
                "initiated_by": "restrained",
                "responded": "yes",
                "said_ok": "no",
            },
            "high",
        ),
        # ...but a protected person's own reply with a criminal case is not
        # "a restrained person who made contact".
        (
            {
                "role": "protected",
                "contact_kinds": ["text"],
                "initiated_by": "protected",
                "responded": "yes",
                "said_ok": "yes",
                "criminal_case": "yes",
            },
            "high",
        ),
        ({"role": "protected"}, "normal"),
    ],
)
def test_priority(changes, expected):
    assert priority_of(**changes) == expected


def test_the_date_based_part_changes_with_today():
    data = Answers.from_dict(answers(court_date=days(20)))
    assert evaluate(data, TODAY).priority == "high"
    assert evaluate(data, days(14)).priority == "urgent"
    assert evaluate(data, days(21)).priority == "normal"
