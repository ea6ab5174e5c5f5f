"""The derived terms that the rule conditions are written in (PRODUCT.md, "Terms used in the conditions")."""

from __future__ import annotations

from dataclasses import dataclass

from guidance.answers import Answers
from guidance.vocabulary import (
    CIVIL_ORDERS,
    CONTACT_ORDERS,
    ContactKind,
    Initiator,
    OrderType,
    Role,
    YesNoUnsure,
)

RESTRAINED_ROLES = frozenset({Role.RESTRAINED, Role.HELPING_RESTRAINED})
PROTECTED_ROLES = frozenset({Role.PROTECTED, Role.HELPING_PROTECTED})
HELPER_ROLES = frozenset({Role.HELPING_PROTECTED, Role.HELPING_RESTRAINED})
REACHED_OUT = frozenset({Initiator.PROTECTED, Initiator.BOTH, Initiator.UNSURE})
RESTRAINED_INITIATED = frozenset({Initiator.RESTRAINED, Initiator.BOTH})
YES_OR_UNSURE = frozenset({YesNoUnsure.YES, YesNoUnsure.UNSURE})


@dataclass(frozen=True)
class Terms:
    """The answers plus every derived term, so that each condition reads like the catalogue."""

    answers: Answers
    mutual: bool
    restrained_side: bool
    protected_side: bool
    contact_terms: bool
    civil_order: bool
    some_order: bool
    contact_happened: bool
    they_reached_out: bool
    restrained_made_contact: bool
    criminal: bool
    defendant_side: bool
    helper: bool
    exceptions: bool

    def has_order(self, order_type: OrderType) -> bool:
        return order_type in self.answers.order_types

    def had_contact(self, kind: ContactKind) -> bool:
        return kind in self.answers.contact_kinds


def derive(answers: Answers) -> Terms:
    orders = answers.order_types
    mutual = OrderType.MUTUAL in orders
    contact_happened = bool(answers.contact_kinds - {ContactKind.NONE})
    return Terms(
        answers=answers,
        mutual=mutual,
        # Under mutual orders everyone is restrained.
        restrained_side=answers.role in RESTRAINED_ROLES or mutual,
        protected_side=answers.role in PROTECTED_ROLES and not mutual,
        contact_terms=bool(orders & CONTACT_ORDERS),
        civil_order=bool(orders & CIVIL_ORDERS),
        some_order=bool(orders) and OrderType.NONE_YET not in orders,
        contact_happened=contact_happened,
        they_reached_out=contact_happened and answers.initiated_by in REACHED_OUT,
        restrained_made_contact=contact_happened
        and (answers.responded == YesNoUnsure.YES or answers.initiated_by in RESTRAINED_INITIATED),
        criminal=answers.criminal_case == YesNoUnsure.YES or OrderType.CRIMINAL_PROTECTIVE in orders,
        # Under mutual orders a visitor who says the order protects them is not told what a
        # defendant is told; one who is not sure is.
        defendant_side=answers.role in RESTRAINED_ROLES or (mutual and answers.role == Role.UNSURE),
        helper=answers.role in HELPER_ROLES,
        # The order lists contact it allows (or the visitor is not sure): no absolute "no contact".
        exceptions=answers.order_exceptions in YES_OR_UNSURE,
    )
