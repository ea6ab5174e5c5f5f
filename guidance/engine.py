"""Evaluate the catalogue against one visitor's answers."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from guidance.answers import Answers
from guidance.rules import RULES
from guidance.terms import derive
from guidance.triage import priority
from guidance.vocabulary import Group, Priority

# Bump whenever a condition, a rule, its wording or the triage table changes; stored with each intake.
RULESET_VERSION = "2026.11.2"


@dataclass(frozen=True)
class Evaluation:
    rule_ids: tuple[str, ...]
    groups: tuple[tuple[Group, tuple[str, ...]], ...]
    priority: Priority
    version: str = RULESET_VERSION


def evaluate(answers: Answers, today: datetime.date) -> Evaluation:
    terms = derive(answers)
    shown = [rule for rule in RULES if rule.applies(terms)]
    groups = tuple(
        (group, ids) for group in Group if (ids := tuple(rule.id for rule in shown if rule.group == group))
    )
    rule_ids = tuple(rule_id for _, ids in groups for rule_id in ids)
    return Evaluation(
        rule_ids=rule_ids,
        groups=groups,
        priority=priority(terms, today, frozenset(rule_ids)),
    )
