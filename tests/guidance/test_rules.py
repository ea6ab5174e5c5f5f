"""The catalogue as data: answers in, the exact set of rule ids out (PRODUCT.md, "The guidance rules")."""

import pytest

from guidance import RULESET_VERSION, Answers, evaluate
from guidance.rules import RULES
from guidance.short_answers import SHORT_ANSWERS
from guidance.vocabulary import Group, OrderType, Role
from tests.guidance.scenarios import CRIMINAL_ORDER_TEXTED, SCENARIOS, SHORT_ANSWER, TODAY, answers, contact


@pytest.mark.parametrize(("name", "data", "expected", "priority"), SCENARIOS, ids=[s[0] for s in SCENARIOS])
def test_scenario_shows_exactly_the_expected_rules(name, data, expected, priority):
    evaluation = evaluate(Answers.from_dict(data), TODAY)
    assert set(evaluation.rule_ids) == expected
    assert evaluation.priority == priority
    assert evaluation.version == RULESET_VERSION


@pytest.mark.parametrize(("name", "data"), [s[:2] for s in SCENARIOS], ids=[s[0] for s in SCENARIOS])
def test_scenario_opens_with_the_expected_short_answer(name, data):
    assert evaluate(Answers.from_dict(data), TODAY).short_answer == SHORT_ANSWER[name]


def test_the_scenarios_cover_every_short_answer_but_the_fallback():
    assert set(SHORT_ANSWER) == {name for name, *_ in SCENARIOS}
    assert set(SHORT_ANSWER.values()) == {answer.id for answer in SHORT_ANSWERS} - {"general"}


def test_the_scenarios_cover_every_rule_role_and_order_type():
    shown = set().union(*(expected for _, _, expected, _ in SCENARIOS))
    assert shown == {rule.id for rule in RULES}
    assert {data["role"] for _, data, _, _ in SCENARIOS} == set(Role)
    assert set().union(*(data["order_types"] for _, data, _, _ in SCENARIOS)) == set(OrderType)


def test_restrained_person_texted_first_under_a_domestic_violence_order():
    data = SCENARIOS[1][1]
    shown = set(evaluate(Answers.from_dict(data), TODAY).rule_ids)
    assert {
        "restrained-cannot-reply",
        "reply-text",
        "invitation-does-not-change-order",
        "document-contact",
    } <= shown
    assert "protected-not-restricted" not in shown


def test_groups_follow_page_order_and_rules_follow_catalogue_order():
    data = SCENARIOS[2][1]
    evaluation = evaluate(Answers.from_dict(data), TODAY)
    group_order = list(Group)
    assert [group_order.index(g) for g, _ in evaluation.groups] == sorted(
        group_order.index(g) for g, _ in evaluation.groups
    )
    catalogue_order = [rule.id for rule in RULES]
    for _, ids in evaluation.groups:
        assert [catalogue_order.index(i) for i in ids] == sorted(catalogue_order.index(i) for i in ids)
    assert evaluation.rule_ids == tuple(i for _, ids in evaluation.groups for i in ids)
    assert [g for g, _ in evaluation.groups] == [
        Group.MUST_NOT,
        Group.NEXT,
        Group.RECORD,
        Group.KNOW,
        Group.HELP,
    ]


def test_the_criminal_order_journey_answers_the_question_first_and_says_how_to_change_the_order():
    evaluation = evaluate(Answers.from_dict(CRIMINAL_ORDER_TEXTED), TODAY)
    assert evaluation.short_answer == "restrained-contacted"
    assert {"invitation-does-not-change-order", "change-criminal-order", "do-not-ask-to-drop-charges"} <= set(
        evaluation.rule_ids
    )


def test_a_protected_person_contacted_by_the_restrained_person_reads_how_to_report_it_first():
    """Section 2, item 7: "you may contact them" does not lead when the restrained person started it."""
    evaluation = evaluate(
        Answers.from_dict(answers(role="protected", **contact(["call"], "restrained"))), TODAY
    )
    page = [rule_id for _, ids in evaluation.page_groups for rule_id in ids]
    assert page.index("protected-report-violation") < page.index("protected-not-restricted")
    # The catalogue's own order is unchanged (and stored as such).
    assert evaluation.rule_ids.index("protected-not-restricted") < evaluation.rule_ids.index(
        "protected-report-violation"
    )


def test_without_a_report_to_make_the_page_keeps_the_catalogues_group_order():
    evaluation = evaluate(
        Answers.from_dict(answers(role="protected", **contact(["call"], "protected"))), TODAY
    )
    assert evaluation.page_groups == evaluation.groups
