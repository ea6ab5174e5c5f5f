"""The catalogue as data: answers in, the exact set of rule ids out (PRODUCT.md, "The guidance rules")."""

import pytest

from guidance import RULESET_VERSION, Answers, evaluate
from guidance.rules import RULES
from guidance.vocabulary import Group, OrderType, Role
from tests.guidance.scenarios import SCENARIOS, TODAY


@pytest.mark.parametrize(("name", "data", "expected", "priority"), SCENARIOS, ids=[s[0] for s in SCENARIOS])
def test_scenario_shows_exactly_the_expected_rules(name, data, expected, priority):
    evaluation = evaluate(Answers.from_dict(data), TODAY)
    assert set(evaluation.rule_ids) == expected
    assert evaluation.priority == priority
    assert evaluation.version == RULESET_VERSION


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
