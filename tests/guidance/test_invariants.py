"""Properties that must hold for every possible visitor, checked over many generated answer sets."""

import itertools
import random

import pytest

from guidance import Answers, evaluate
from guidance.vocabulary import (
    EXCLUSIVE_ORDER_TYPES,
    ContactKind,
    Initiator,
    OrderStage,
    OrderType,
    Role,
    YesNoUnsure,
)
from tests.guidance.scenarios import TODAY

# Rules written for the restrained side (or about its duty not to reply).
RESTRAINED_SIDE_RULES = {
    "knowing-is-enough",
    "restrained-no-contact",
    "restrained-stay-away",
    "restrained-cannot-reply",
    "reply-text",
    "reply-call",
    "reply-written",
    "reply-in-person",
    "reply-third-party",
    "helper-no-messages",
    "invitation-does-not-change-order",
    "restrained-firearms",
    "restrained-listed-exceptions",
    "already-replied",
    "criminal-case-caution",
    "restrained-next-steps",
    "document-contact",
    "mutual-needs-own-order",
    "violation-consequences",
    "how-the-firm-helps",
    "if-unsure-no-contact",
    "do-not-ask-to-drop-charges",
    "peaceful-contact",
    "change-criminal-order",
    "immigration-caution",
    "mutual-your-protection",
}
# What is told to a defendant only (PRODUCT.md, "defendant side").
DEFENDANT_RULES = {"do-not-ask-to-drop-charges", "criminal-case-caution", "change-criminal-order"}
PROTECTED_SIDE_RULES = {
    "protected-not-restricted",
    "protected-report-violation",
    "protected-order-terms",
    "protected-invitation-not-permission",
    "protected-where-to-get-help",
}

ORDER_SETS = [[t] for t in OrderType] + [
    list(pair) for pair in itertools.combinations(sorted(set(OrderType) - EXCLUSIVE_ORDER_TYPES), 2)
]
CONTACT_SETS = (
    [[ContactKind.NONE]]
    + [[k] for k in ContactKind if k != ContactKind.NONE]
    + [
        [ContactKind.TEXT, ContactKind.CALL],
        [ContactKind.IN_PERSON, ContactKind.THIRD_PARTY, ContactKind.EMAIL_SOCIAL],
    ]
)


def generated_answers(count=6000, seed=20261125):
    """Valid answer sets as the wizard produces them (skipped steps are None)."""
    rng = random.Random(seed)
    for _ in range(count):
        orders = rng.choice(ORDER_SETS)
        contact = rng.choice(CONTACT_SETS)
        civil = bool(
            set(orders)
            & {"domestic_violence", "civil_harassment", "elder_abuse", "workplace_violence", "mutual"}
        )
        happened = contact != [ContactKind.NONE]
        yield Answers.from_dict(
            {
                "role": rng.choice(list(Role)),
                "order_types": orders,
                "order_stage": rng.choice(list(OrderStage)) if civil or "gun_violence" in orders else None,
                "order_exceptions": rng.choice(list(YesNoUnsure))
                if civil or "criminal_protective" in orders
                else None,
                "contact_kinds": contact,
                "initiated_by": rng.choice(list(Initiator)) if happened else None,
                "responded": rng.choice(list(YesNoUnsure)) if happened else None,
                "said_ok": rng.choice(list(YesNoUnsure)) if happened else None,
                "criminal_case": rng.choice(list(YesNoUnsure)),
                "court_date": None,
            }
        )


@pytest.fixture(scope="module")
def evaluations():
    return [(answers, evaluate(answers, TODAY)) for answers in generated_answers()]


def test_a_protected_person_never_sees_a_rule_meant_for_the_restrained_side(evaluations):
    checked = 0
    for answers, evaluation in evaluations:
        if (
            answers.role in (Role.PROTECTED, Role.HELPING_PROTECTED)
            and OrderType.MUTUAL not in answers.order_types
        ):
            assert not set(evaluation.rule_ids) & RESTRAINED_SIDE_RULES, answers
            checked += 1
    assert checked > 500


def test_everyone_under_mutual_orders_is_treated_as_restrained(evaluations):
    checked = 0
    for answers, evaluation in evaluations:
        if OrderType.MUTUAL in answers.order_types:
            shown = set(evaluation.rule_ids)
            assert not shown & PROTECTED_SIDE_RULES, answers
            assert {
                "restrained-no-contact",
                "mutual-orders-rare",
                "violation-consequences",
                "safety-resources",
            } <= shown
            assert evaluation.short_answer == "mutual"
            checked += 1
    assert checked > 100


def test_under_mutual_orders_a_visitor_the_order_protects_is_not_told_what_a_defendant_is_told(evaluations):
    checked = 0
    for answers, evaluation in evaluations:
        if OrderType.MUTUAL in answers.order_types and answers.role in (
            Role.PROTECTED,
            Role.HELPING_PROTECTED,
        ):
            assert not set(evaluation.rule_ids) & DEFENDANT_RULES, answers
            checked += 1
    assert checked > 20


def test_no_rule_about_an_order_limiting_contact_is_shown_where_no_order_limits_contact(evaluations):
    needs_contact_terms = {
        "protected-report-violation",
        "protected-invitation-not-permission",
        "if-unsure-no-contact",
        "knowing-is-enough",
        "restrained-no-contact",
        "restrained-stay-away",
        "restrained-cannot-reply",
        "reply-text",
        "reply-call",
        "reply-written",
        "reply-in-person",
        "reply-third-party",
        "helper-no-messages",
        "invitation-does-not-change-order",
        "protected-not-restricted",
        "already-replied",
        "restrained-next-steps",
        "change-or-end-order",
        "violation-consequences",
    }
    checked = 0
    for answers, evaluation in evaluations:
        if not set(answers.order_types) - {OrderType.GUN_VIOLENCE, OrderType.NONE_YET}:
            assert not set(evaluation.rule_ids) & needs_contact_terms, answers
            checked += 1
    assert checked > 200


def test_after_an_arrest_with_no_order_yet_nobody_is_told_that_nothing_binds_anyone(evaluations):
    checked = 0
    for answers, evaluation in evaluations:
        if OrderType.NONE_YET in answers.order_types and answers.criminal_case != YesNoUnsure.NO:
            assert "no-order-yet" not in evaluation.rule_ids
            assert "arrested-no-order-yet" in evaluation.rule_ids
            assert evaluation.short_answer == "arrested-no-order"
            checked += 1
    assert checked > 50


def test_a_restrained_visitor_whose_order_allows_some_contact_is_told_what_it_allows(evaluations):
    checked = 0
    for answers, evaluation in evaluations:
        restrained = answers.role in (Role.RESTRAINED, Role.HELPING_RESTRAINED)
        if restrained and answers.order_exceptions in (YesNoUnsure.YES, YesNoUnsure.UNSURE):
            assert {"peaceful-contact", "restrained-listed-exceptions"} <= set(evaluation.rule_ids)
            checked += 1
    assert checked > 200


def test_valid_answers_never_fall_back_to_the_general_short_answer(evaluations):
    assert {evaluation.short_answer for _, evaluation in evaluations} >= {
        "mutual",
        "arrested-no-order",
        "no-order",
        "gun-only",
        "unsure-role",
        "restrained-made-contact",
        "restrained-contacted",
        "restrained",
        "protected-contacted",
        "protected",
    }
    assert all(evaluation.short_answer != "general" for _, evaluation in evaluations)


def test_the_restrained_side_under_contact_terms_is_always_told_not_to_contact(evaluations):
    for answers, evaluation in evaluations:
        restrained = answers.role in (Role.RESTRAINED, Role.HELPING_RESTRAINED)
        contact_orders = set(answers.order_types) - {OrderType.GUN_VIOLENCE, OrderType.NONE_YET}
        if restrained and contact_orders:
            assert "restrained-no-contact" in evaluation.rule_ids
            assert "protected-not-restricted" not in evaluation.rule_ids


def test_every_visitor_gets_some_guidance_and_a_way_to_get_help(evaluations):
    for _, evaluation in evaluations:
        ids = set(evaluation.rule_ids)
        assert ids
        assert len(ids) == len(evaluation.rule_ids)
        assert ids & {"how-the-firm-helps", "protected-where-to-get-help"}
