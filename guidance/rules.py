"""The catalogue of guidance rules (PRODUCT.md, "The guidance rules").

Each rule is an id, the group it is shown in, its condition over the derived terms, the
same condition in words for the staff rule book, and the sources its wording rests on.
The order of this list is the order of the rules within each group on the page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from guidance.terms import HELPER_ROLES, YES_OR_UNSURE, Terms
from guidance.vocabulary import (
    ContactKind,
    Group,
    Initiator,
    OrderStage,
    OrderType,
    Role,
)


@dataclass(frozen=True)
class Rule:
    id: str
    group: Group
    applies: Callable[[Terms], bool]
    condition: str
    sources: tuple[str, ...]


def _restrained_under_contact_terms(t: Terms) -> bool:
    return t.restrained_side and t.contact_terms


def _reply_rule(kind: ContactKind) -> Callable[[Terms], bool]:
    return lambda t: _restrained_under_contact_terms(t) and t.had_contact(kind)


RESTRAINED_UNDER_TERMS = "restrained side and the order restricts contact"

RULES: tuple[Rule, ...] = (
    Rule(
        "safety-resources",
        Group.DANGER,
        lambda t: t.protected_side,
        "protected side",
        ("911-hotline",),
    ),
    Rule(
        "if-unsure-no-contact",
        Group.MUST_NOT,
        lambda t: t.answers.role == Role.UNSURE and not t.mutual,
        "role is 'not sure' and the orders are not mutual",
        ("one-way-street",),
    ),
    Rule(
        "knowing-is-enough",
        Group.MUST_NOT,
        _restrained_under_contact_terms,
        RESTRAINED_UNDER_TERMS,
        ("family-code-6383", "penal-code-273.6"),
    ),
    Rule(
        "restrained-no-contact",
        Group.MUST_NOT,
        _restrained_under_contact_terms,
        RESTRAINED_UNDER_TERMS,
        ("one-way-street",),
    ),
    Rule(
        "restrained-stay-away",
        Group.MUST_NOT,
        _restrained_under_contact_terms,
        RESTRAINED_UNDER_TERMS,
        ("one-way-street",),
    ),
    Rule(
        "restrained-cannot-reply",
        Group.MUST_NOT,
        lambda t: _restrained_under_contact_terms(t) and (not t.contact_happened or t.they_reached_out),
        RESTRAINED_UNDER_TERMS + ", and either no contact has happened or the protected person reached out "
        "(started it, both did, or not sure who)",
        ("one-way-street", "trap-of-responding"),
    ),
    Rule(
        "reply-text",
        Group.MUST_NOT,
        _reply_rule(ContactKind.TEXT),
        RESTRAINED_UNDER_TERMS + ", and the contact included texts",
        ("trap-of-responding",),
    ),
    Rule(
        "reply-call",
        Group.MUST_NOT,
        _reply_rule(ContactKind.CALL),
        RESTRAINED_UNDER_TERMS + ", and the contact included calls",
        ("trap-of-responding",),
    ),
    Rule(
        "reply-written",
        Group.MUST_NOT,
        _reply_rule(ContactKind.EMAIL_SOCIAL),
        RESTRAINED_UNDER_TERMS + ", and the contact included email or social media",
        ("trap-of-responding", "documentation"),
    ),
    Rule(
        "reply-in-person",
        Group.MUST_NOT,
        _reply_rule(ContactKind.IN_PERSON),
        RESTRAINED_UNDER_TERMS + ", and the contact included in-person approaches",
        ("trap-of-responding",),
    ),
    Rule(
        "reply-third-party",
        Group.MUST_NOT,
        _reply_rule(ContactKind.THIRD_PARTY),
        RESTRAINED_UNDER_TERMS + ", and the contact included messages through other people",
        ("trap-of-responding",),
    ),
    Rule(
        "helper-no-messages",
        Group.MUST_NOT,
        lambda t: t.answers.role == Role.HELPING_RESTRAINED and t.contact_terms,
        "role is 'helping the restrained person' and the order restricts contact",
        ("trap-of-responding",),
    ),
    Rule(
        "invitation-does-not-change-order",
        Group.MUST_NOT,
        lambda t: (
            _restrained_under_contact_terms(t)
            and t.contact_happened
            and (t.answers.said_ok in YES_OR_UNSURE or t.they_reached_out)
        ),
        RESTRAINED_UNDER_TERMS + ", contact happened, and the protected person said replying was OK "
        "(yes or not sure) or reached out",
        ("trap-of-responding",),
    ),
    Rule(
        "restrained-firearms",
        Group.MUST_NOT,
        lambda t: t.restrained_side and t.some_order,
        "restrained side and some order (anything but 'no order yet')",
        ("family-code-6389", "penal-code-136.2", "court-self-help-firearms"),
    ),
    Rule(
        "restrained-listed-exceptions",
        Group.MAY,
        lambda t: t.restrained_side and t.answers.order_exceptions in YES_OR_UNSURE,
        "restrained side and the order lists allowed contact (yes or not sure)",
        ("one-way-street",),
    ),
    Rule(
        "protected-not-restricted",
        Group.MAY,
        lambda t: t.protected_side and t.contact_terms,
        "protected side and the order restricts contact",
        ("one-way-street",),
    ),
    Rule(
        "already-replied",
        Group.NEXT,
        lambda t: _restrained_under_contact_terms(t) and t.restrained_made_contact,
        RESTRAINED_UNDER_TERMS
        + ", and the restrained person made contact (replied, or started it alone or with the other)",
        ("trap-of-responding", "how-the-firm-helps"),
    ),
    Rule(
        "criminal-case-caution",
        Group.NEXT,
        lambda t: t.restrained_side and t.criminal,
        "restrained side and a criminal case (answered yes, or a criminal protective order)",
        ("court-self-help-response",),
    ),
    Rule(
        "temporary-order-hearing",
        Group.NEXT,
        lambda t: t.answers.order_stage == OrderStage.TEMPORARY,
        "the order is temporary (before the hearing)",
        ("dv-110-ch-110", "how-the-firm-helps"),
    ),
    Rule(
        "restrained-next-steps",
        Group.NEXT,
        _restrained_under_contact_terms,
        RESTRAINED_UNDER_TERMS,
        ("what-to-do",),
    ),
    Rule(
        "change-or-end-order",
        Group.NEXT,
        lambda t: (
            _restrained_under_contact_terms(t)
            or (t.protected_side and t.answers.initiated_by in {Initiator.PROTECTED, Initiator.BOTH})
        ),
        RESTRAINED_UNDER_TERMS
        + "; or protected side and the protected person started contact (alone or both)",
        ("trap-of-responding", "documentation", "what-to-do"),
    ),
    Rule(
        "protected-report-violation",
        Group.NEXT,
        lambda t: (
            t.protected_side
            and t.contact_happened
            and t.answers.initiated_by in {Initiator.RESTRAINED, Initiator.BOTH, Initiator.UNSURE}
        ),
        "protected side, contact happened, and the restrained person started it "
        "(alone, both, or not sure who)",
        ("one-way-street", "documentation"),
    ),
    Rule(
        "no-order-yet",
        Group.NEXT,
        lambda t: t.has_order(OrderType.NONE_YET),
        "no order yet",
        ("what-to-do",),
    ),
    Rule(
        "document-contact",
        Group.RECORD,
        lambda t: t.restrained_side and t.contact_happened and t.they_reached_out,
        "restrained side, contact happened, and the protected person reached out",
        ("documentation",),
    ),
    Rule(
        "one-way-orders",
        Group.KNOW,
        lambda t: t.contact_terms or t.has_order(OrderType.GUN_VIOLENCE),
        "the order restricts contact, or a gun violence order",
        ("one-sided", "one-way-street"),
    ),
    Rule(
        "who-is-who",
        Group.KNOW,
        lambda t: t.answers.role == Role.UNSURE or t.answers.role in HELPER_ROLES,
        "role is 'not sure' or helping someone",
        ("one-sided",),
    ),
    Rule(
        "identify-your-order",
        Group.KNOW,
        lambda t: t.has_order(OrderType.UNSURE),
        "not sure what kind of order",
        ("form-numbers",),
    ),
    Rule(
        "gun-order-not-contact",
        Group.KNOW,
        lambda t: t.has_order(OrderType.GUN_VIOLENCE) and not t.contact_terms,
        "a gun violence order and no order that restricts contact",
        ("court-self-help-gvro",),
    ),
    Rule(
        "criminal-order-one-way",
        Group.KNOW,
        lambda t: t.has_order(OrderType.CRIMINAL_PROTECTIVE),
        "a criminal protective order",
        ("criminal-orders",),
    ),
    Rule(
        "criminal-order-priority",
        Group.KNOW,
        lambda t: t.has_order(OrderType.CRIMINAL_PROTECTIVE) and t.civil_order,
        "a criminal protective order and a civil order",
        ("cr-160", "court-self-help-criminal"),
    ),
    Rule(
        "emergency-order",
        Group.KNOW,
        lambda t: t.has_order(OrderType.EMERGENCY_PROTECTIVE),
        "an emergency protective order",
        ("family-code-6256",),
    ),
    Rule(
        "protected-order-terms",
        Group.KNOW,
        lambda t: t.protected_side and t.answers.order_exceptions in YES_OR_UNSURE,
        "protected side and the order lists allowed contact (yes or not sure)",
        ("one-way-street",),
    ),
    Rule(
        "protected-invitation-not-permission",
        Group.KNOW,
        lambda t: (
            t.protected_side
            and t.contact_happened
            and t.answers.initiated_by in {Initiator.PROTECTED, Initiator.BOTH}
        ),
        "protected side, contact happened, and the protected person started it (alone or both)",
        ("trap-of-responding",),
    ),
    Rule(
        "mutual-needs-own-order",
        Group.KNOW,
        lambda t: t.answers.role in {Role.RESTRAINED, Role.HELPING_RESTRAINED} and not t.mutual,
        "role is restrained (or helping them) and the orders are not mutual",
        ("why-one-sided",),
    ),
    Rule(
        "mutual-orders-rare",
        Group.KNOW,
        lambda t: t.mutual,
        "mutual orders",
        ("mutual-orders", "family-code-6305"),
    ),
    Rule(
        "violation-consequences",
        Group.KNOW,
        _restrained_under_contact_terms,
        RESTRAINED_UNDER_TERMS,
        ("one-way-street", "what-to-do"),
    ),
    Rule(
        "how-the-firm-helps",
        Group.HELP,
        lambda t: not t.protected_side,
        "not the protected side",
        ("how-the-firm-helps",),
    ),
    Rule(
        "protected-where-to-get-help",
        Group.HELP,
        lambda t: t.protected_side,
        "protected side",
        ("court-self-help-centers",),
    ),
)

RULES_BY_ID = {rule.id: rule for rule in RULES}
assert len(RULES_BY_ID) == len(RULES), "rule ids must be unique"
