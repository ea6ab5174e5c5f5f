"""The catalogue of guidance rules (PRODUCT.md, "The guidance rules").

Each rule is an id, the group it is shown in, its condition over the derived terms, the same
condition in one plain sentence for the attorneys' rule book, and the sources its wording rests on.
The order of this list is the order of the rules within each group.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from guidance.terms import HELPER_ROLES, PROTECTED_ROLES, RESTRAINED_ROLES, YES_OR_UNSURE, Terms
from guidance.vocabulary import ContactKind, Group, Initiator, OrderStage, OrderType, Role, YesNoUnsure


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


def _reply_condition(kind: str) -> str:
    return f"Restrained side, an order limits contact, and the contact included {kind}."


RESTRAINED_UNDER_TERMS = "Restrained side, and an order limits contact."
PROTECTED_STARTED = frozenset({Initiator.PROTECTED, Initiator.BOTH})
RESTRAINED_STARTED = frozenset({Initiator.RESTRAINED, Initiator.BOTH, Initiator.UNSURE})

RULES: tuple[Rule, ...] = (
    Rule(
        "safety-resources",
        Group.DANGER,
        lambda t: t.protected_side or t.mutual or t.answers.role == Role.UNSURE,
        "Protected side, or mutual orders, or the visitor is not sure of their side "
        "(any of them may be the one in danger).",
        ("911-hotline", "hotline-online-safety"),
    ),
    Rule(
        "if-unsure-no-contact",
        Group.MUST_NOT,
        lambda t: t.answers.role == Role.UNSURE and not t.mutual and t.contact_terms,
        "The visitor is not sure of their side, the orders are not mutual, and an order limits contact.",
        ("one-way-street",),
    ),
    Rule(
        "knowing-is-enough",
        Group.MUST_NOT,
        _restrained_under_contact_terms,
        RESTRAINED_UNDER_TERMS,
        ("family-code-6383", "family-code-6381", "penal-code-273.6", "penal-code-166c1"),
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
        "Restrained side, an order limits contact, and either no contact has happened or the other "
        "person reached out (started it, both did, or the visitor is not sure who).",
        ("one-way-street", "trap-of-responding"),
    ),
    Rule(
        "reply-text",
        Group.MUST_NOT,
        _reply_rule(ContactKind.TEXT),
        _reply_condition("texts"),
        ("trap-of-responding",),
    ),
    Rule(
        "reply-call",
        Group.MUST_NOT,
        _reply_rule(ContactKind.CALL),
        _reply_condition("calls"),
        ("trap-of-responding",),
    ),
    Rule(
        "reply-written",
        Group.MUST_NOT,
        _reply_rule(ContactKind.EMAIL_SOCIAL),
        _reply_condition("email, social media or messaging apps"),
        ("trap-of-responding", "documentation"),
    ),
    Rule(
        "reply-in-person",
        Group.MUST_NOT,
        _reply_rule(ContactKind.IN_PERSON),
        _reply_condition("in-person approaches"),
        ("trap-of-responding",),
    ),
    Rule(
        "reply-third-party",
        Group.MUST_NOT,
        _reply_rule(ContactKind.THIRD_PARTY),
        _reply_condition("messages passed on by other people"),
        ("trap-of-responding",),
    ),
    Rule(
        "helper-no-messages",
        Group.MUST_NOT,
        lambda t: t.answers.role == Role.HELPING_RESTRAINED and t.contact_terms,
        "The visitor is helping the restrained person, and an order limits contact.",
        ("trap-of-responding",),
    ),
    Rule(
        "do-not-ask-to-drop-charges",
        Group.MUST_NOT,
        lambda t: t.defendant_side and (t.criminal or t.answers.criminal_case == YesNoUnsure.UNSURE),
        "Defendant side, and a criminal case (yes, not sure, or a criminal protective order).",
        ("penal-code-136.1", "penal-code-137"),
    ),
    Rule(
        "invitation-does-not-change-order",
        Group.MUST_NOT,
        lambda t: (
            _restrained_under_contact_terms(t)
            and t.contact_happened
            and (t.answers.said_ok in YES_OR_UNSURE or t.they_reached_out)
        ),
        "Restrained side, an order limits contact, contact happened, and the other person said "
        "replying was OK (yes or not sure) or reached out.",
        ("trap-of-responding",),
    ),
    Rule(
        "restrained-firearms",
        Group.MUST_NOT,
        lambda t: t.restrained_side and t.some_order,
        "Restrained side, and some order (anything but “no order yet”).",
        ("family-code-6389", "ccp-527.9", "penal-code-18120", "court-self-help-firearms"),
    ),
    Rule(
        "peaceful-contact",
        Group.MAY,
        lambda t: (
            not t.protected_side
            and t.exceptions
            and (t.has_order(OrderType.CRIMINAL_PROTECTIVE) or t.civil_order)
        ),
        "Not the protected side, the order lists contact it allows (yes or not sure), and a criminal "
        "protective order or a civil order.",
        ("cr-160-peaceful-contact", "dv-130-contact-allowed"),
    ),
    Rule(
        "restrained-listed-exceptions",
        Group.MAY,
        lambda t: t.restrained_side and t.exceptions,
        "Restrained side, and the order lists contact it allows (yes or not sure).",
        ("order-forms-allowed-contact",),
    ),
    Rule(
        "protected-not-restricted",
        Group.MAY,
        lambda t: t.protected_side and t.contact_terms,
        "Protected side, and an order limits contact.",
        ("one-way-street",),
    ),
    Rule(
        "already-replied",
        Group.NEXT,
        lambda t: _restrained_under_contact_terms(t) and t.restrained_made_contact,
        "Restrained side, an order limits contact, and the restrained person made contact "
        "(replied, or started it alone or with the other person).",
        ("trap-of-responding", "how-the-firm-helps"),
    ),
    Rule(
        "criminal-case-caution",
        Group.NEXT,
        lambda t: t.defendant_side and t.criminal,
        "Defendant side, and a criminal case (yes, or a criminal protective order).",
        ("court-self-help-response",),
    ),
    Rule(
        "temporary-order-hearing",
        Group.NEXT,
        lambda t: t.answers.order_stage == OrderStage.TEMPORARY,
        "The order is temporary (made before a hearing).",
        ("notice-of-hearing-forms", "family-code-242-245", "response-forms"),
    ),
    Rule(
        "restrained-next-steps",
        Group.NEXT,
        _restrained_under_contact_terms,
        RESTRAINED_UNDER_TERMS,
        ("what-to-do",),
    ),
    Rule(
        "change-criminal-order",
        Group.NEXT,
        lambda t: t.defendant_side and t.has_order(OrderType.CRIMINAL_PROTECTIVE),
        "Defendant side, and a criminal protective order.",
        ("penal-code-136.2", "court-self-help-criminal"),
    ),
    Rule(
        "change-or-end-order",
        Group.NEXT,
        lambda t: (
            _restrained_under_contact_terms(t)
            or (t.protected_side and t.contact_terms and t.answers.initiated_by in PROTECTED_STARTED)
        ),
        "Restrained side and an order limits contact; or protected side, an order limits contact, "
        "and the protected person started contact (alone or both).",
        # The last two for a criminal protective order: the prosecutor or victim advocate, the criminal judge.
        ("trap-of-responding", "documentation", "what-to-do", "penal-code-136.2", "court-self-help-criminal"),
    ),
    Rule(
        "protected-report-violation",
        Group.NEXT,
        lambda t: (
            t.protected_side
            and t.contact_terms
            and t.contact_happened
            and t.answers.initiated_by in RESTRAINED_STARTED
        ),
        "Protected side, an order limits contact, contact happened, and the restrained person "
        "started it (alone, both, or not sure who).",
        ("one-way-street", "documentation"),
    ),
    Rule(
        "mutual-your-protection",
        Group.NEXT,
        lambda t: t.mutual and t.contact_happened and t.they_reached_out,
        "Mutual orders, contact happened, and the other person reached out (started it, both did, or "
        "not sure who).",
        ("family-code-6305", "penal-code-836c3"),
    ),
    Rule(
        "get-protection",
        Group.NEXT,
        lambda t: t.has_order(OrderType.NONE_YET) and t.answers.role in PROTECTED_ROLES | {Role.UNSURE},
        "No order yet, and the visitor is the person harmed or threatened, helps them, or is not sure.",
        ("family-code-6240-6257", "court-self-help-request"),
    ),
    Rule(
        "arrested-no-order-yet",
        Group.NEXT,
        lambda t: t.has_order(OrderType.NONE_YET) and t.answers.criminal_case in YES_OR_UNSURE,
        "No order yet, and a criminal case (yes or not sure).",
        ("family-code-6250-6257", "penal-code-136.2"),
    ),
    Rule(
        "no-order-yet",
        Group.NEXT,
        lambda t: t.has_order(OrderType.NONE_YET) and t.answers.criminal_case == YesNoUnsure.NO,
        "No order yet, and no criminal case.",
        ("family-code-6383", "penal-code-273.6", "what-to-do"),
    ),
    Rule(
        "document-contact",
        Group.RECORD,
        lambda t: t.restrained_side and t.contact_happened and t.they_reached_out,
        "Restrained side, contact happened, and the other person reached out.",
        ("documentation",),
    ),
    Rule(
        "one-way-orders",
        Group.KNOW,
        lambda t: t.contact_terms or t.has_order(OrderType.GUN_VIOLENCE),
        "An order limits contact, or a gun violence order.",
        ("one-sided", "one-way-street"),
    ),
    Rule(
        "who-is-who",
        Group.KNOW,
        lambda t: t.answers.role == Role.UNSURE or t.answers.role in HELPER_ROLES,
        "The visitor is not sure of their side, or is helping someone.",
        ("one-sided",),
    ),
    Rule(
        "identify-your-order",
        Group.KNOW,
        lambda t: t.has_order(OrderType.UNSURE),
        "The visitor is not sure what kind of order they have.",
        ("form-numbers",),
    ),
    Rule(
        "gun-order-not-contact",
        Group.KNOW,
        lambda t: t.has_order(OrderType.GUN_VIOLENCE) and not t.contact_terms,
        "A gun violence order, and no order that limits contact.",
        ("court-self-help-gvro",),
    ),
    Rule(
        "criminal-order-one-way",
        Group.KNOW,
        lambda t: t.has_order(OrderType.CRIMINAL_PROTECTIVE),
        "A criminal protective order.",
        ("criminal-orders", "penal-code-136.2"),
    ),
    Rule(
        "criminal-order-priority",
        Group.KNOW,
        lambda t: t.has_order(OrderType.CRIMINAL_PROTECTIVE) and t.civil_order,
        "A criminal protective order and a civil order.",
        ("cr-160", "order-precedence"),
    ),
    Rule(
        "emergency-order",
        Group.KNOW,
        lambda t: t.has_order(OrderType.EMERGENCY_PROTECTIVE),
        "An emergency protective order.",
        ("family-code-6256", "penal-code-18125"),
    ),
    Rule(
        "protected-order-terms",
        Group.KNOW,
        lambda t: t.protected_side and t.exceptions,
        "Protected side, and the order lists contact it allows (yes or not sure).",
        ("order-forms-allowed-contact",),
    ),
    Rule(
        "protected-invitation-not-permission",
        Group.KNOW,
        lambda t: (
            t.protected_side
            and t.contact_terms
            and t.contact_happened
            and t.answers.initiated_by in PROTECTED_STARTED
        ),
        "Protected side, an order limits contact, contact happened, and the protected person started "
        "it (alone or both).",
        ("trap-of-responding",),
    ),
    Rule(
        "mutual-needs-own-order",
        Group.KNOW,
        lambda t: t.answers.role in RESTRAINED_ROLES and not t.mutual,
        "The order is against the visitor or the person they help, and the orders are not mutual.",
        ("why-one-sided",),
    ),
    Rule(
        "mutual-orders-rare",
        Group.KNOW,
        lambda t: t.mutual,
        "Mutual orders (Family Code 6305 applies to domestic violence orders).",
        ("mutual-orders", "family-code-6305"),
    ),
    Rule(
        "violation-consequences",
        Group.KNOW,
        _restrained_under_contact_terms,
        RESTRAINED_UNDER_TERMS,
        ("one-way-street", "what-to-do", "penal-code-273.6", "penal-code-166c1"),
    ),
    Rule(
        "immigration-caution",
        Group.KNOW,
        lambda t: t.restrained_side and (t.contact_terms or t.criminal),
        "Restrained side, and an order limits contact or there is a criminal case.",
        ("usc-1227",),
    ),
    Rule(
        "how-the-firm-helps",
        Group.HELP,
        lambda t: not t.protected_side,
        "Not the protected side.",
        ("how-the-firm-helps",),
    ),
    Rule(
        "protected-where-to-get-help",
        Group.HELP,
        lambda t: t.protected_side,
        "Protected side.",
        ("court-self-help-centers",),
    ),
)

RULES_BY_ID = {rule.id: rule for rule in RULES}
assert len(RULES_BY_ID) == len(RULES), "rule ids must be unique"
