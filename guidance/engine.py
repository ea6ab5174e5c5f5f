"""Evaluate the catalogue against one visitor's answers."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from guidance.answers import Answers
from guidance.rules import RULES
from guidance.short_answers import short_answer
from guidance.terms import derive
from guidance.triage import priority
from guidance.vocabulary import Group, Priority

# Bump whenever a condition, a rule, its wording or the triage table changes; stored with each intake.
RULESET_VERSION = "2026.12.1"

# The rule that, when shown, leads the page after the safety group: a protected person contacted by
# the restrained person needs "this may break the order, you can report it" before "the order does
# not limit you".
REPORT_FIRST = "protected-report-violation"


@dataclass(frozen=True)
class Evaluation:
    rule_ids: tuple[str, ...]
    groups: tuple[tuple[Group, tuple[str, ...]], ...]
    priority: Priority
    short_answer: str
    version: str = RULESET_VERSION

    @property
    def page_groups(self) -> tuple[tuple[Group, tuple[str, ...]], ...]:
        """The groups in the order the page shows them (the catalogue's, but for one case)."""
        return page_order(self.groups)


def page_order(
    groups: tuple[tuple[Group, tuple[str, ...]], ...],
) -> tuple[tuple[Group, tuple[str, ...]], ...]:
    """Groups in page order: PRODUCT.md's, except that "What to do next" comes before "What you may
    do" when it holds REPORT_FIRST."""
    if not any(REPORT_FIRST in ids for _, ids in groups):
        return groups
    order = list(Group)
    order.remove(Group.NEXT)
    order.insert(order.index(Group.MAY), Group.NEXT)
    return tuple(sorted(groups, key=lambda item: order.index(item[0])))


def group_rules(rule_ids) -> tuple[tuple[Group, tuple[str, ...]], ...]:
    """The given rules in their groups, groups in PRODUCT.md's order, rules in catalogue order."""
    shown = set(rule_ids)
    return tuple(
        (group, ids)
        for group in Group
        if (ids := tuple(rule.id for rule in RULES if rule.group == group and rule.id in shown))
    )


def evaluate(answers: Answers, today: datetime.date) -> Evaluation:
    terms = derive(answers)
    groups = group_rules(rule.id for rule in RULES if rule.applies(terms))
    rule_ids = tuple(rule_id for _, ids in groups for rule_id in ids)
    return Evaluation(
        rule_ids=rule_ids,
        groups=groups,
        priority=priority(terms, today, frozenset(rule_ids)),
        short_answer=short_answer(terms),
    )
