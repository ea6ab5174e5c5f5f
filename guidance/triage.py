"""Triage priority for the firm's staff (PRODUCT.md, "Triage priority"). Never shown to visitors."""

from __future__ import annotations

import datetime

from guidance.terms import Terms
from guidance.vocabulary import OrderStage, OrderType, Priority

URGENT_WITHIN_DAYS = 7
HIGH_WITHIN_DAYS = 30


def court_date_within(terms: Terms, today: datetime.date, days: int) -> bool:
    """True when the court date is between today and `days` days from now (inclusive)."""
    court_date = terms.answers.court_date
    return court_date is not None and 0 <= (court_date - today).days <= days


def priority(terms: Terms, today: datetime.date, shown_rule_ids: frozenset[str]) -> Priority:
    answers = terms.answers
    restrained_contact = terms.restrained_side and terms.restrained_made_contact
    if (
        court_date_within(terms, today, URGENT_WITHIN_DAYS)
        or OrderType.EMERGENCY_PROTECTIVE in answers.order_types
        or (restrained_contact and terms.criminal)
    ):
        return Priority.URGENT
    if (
        restrained_contact
        or terms.criminal
        or answers.order_stage == OrderStage.TEMPORARY
        or court_date_within(terms, today, HIGH_WITHIN_DAYS)
        or "protected-report-violation" in shown_rule_ids
    ):
        return Priority.HIGH
    return Priority.NORMAL
