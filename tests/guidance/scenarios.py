"""Answer sets for the rule tests, written out by hand from PRODUCT.md's catalogue."""

import datetime

BASE_ANSWERS = {
    "role": "restrained",
    "order_types": ["domestic_violence"],
    "order_stage": "after_hearing",
    "order_exceptions": "no",
    "contact_kinds": ["none"],
    "initiated_by": None,
    "responded": None,
    "said_ok": None,
    "criminal_case": "no",
    "court_date": None,
}

# What a restrained person under a domestic violence order, with no contact, is shown.
RESTRAINED_BASE = {
    "knowing-is-enough",
    "restrained-no-contact",
    "restrained-stay-away",
    "restrained-cannot-reply",
    "restrained-firearms",
    "restrained-next-steps",
    "change-or-end-order",
    "one-way-orders",
    "mutual-needs-own-order",
    "violation-consequences",
    "how-the-firm-helps",
}

PROTECTED_BASE = {
    "safety-resources",
    "protected-not-restricted",
    "one-way-orders",
    "protected-where-to-get-help",
}


def answers(**changes):
    data = dict(BASE_ANSWERS)
    data.update(changes)
    return data


def contact(kinds, initiated_by, responded="no", said_ok="no"):
    return {"contact_kinds": kinds, "initiated_by": initiated_by, "responded": responded, "said_ok": said_ok}


NO_STAGE = {"order_stage": None, "order_exceptions": None}

# (name, answers, expected rule ids, expected priority)
SCENARIOS = [
    ("restrained, no contact", answers(), RESTRAINED_BASE, "normal"),
    (
        "restrained, texted first by the protected person",
        answers(**contact(["text"], "protected")),
        RESTRAINED_BASE | {"reply-text", "invitation-does-not-change-order", "document-contact"},
        "normal",
    ),
    (
        "restrained replied, criminal case",
        answers(**contact(["text", "call"], "protected", "yes", "yes"), criminal_case="yes"),
        RESTRAINED_BASE
        | {
            "reply-text",
            "reply-call",
            "invitation-does-not-change-order",
            "document-contact",
            "already-replied",
            "criminal-case-caution",
        },
        "urgent",
    ),
    (
        "restrained started in-person contact",
        answers(**contact(["in_person"], "restrained", "yes", "no")),
        (RESTRAINED_BASE - {"restrained-cannot-reply"}) | {"reply-in-person", "already-replied"},
        "high",
    ),
    (
        "restrained started contact, was told it was OK",
        answers(**contact(["call"], "restrained", "no", "yes")),
        (RESTRAINED_BASE - {"restrained-cannot-reply"})
        | {"reply-call", "already-replied", "invitation-does-not-change-order"},
        "high",
    ),
    (
        "restrained, not sure who started written and third-party contact",
        answers(**contact(["email_social", "third_party"], "unsure", "unsure", "unsure")),
        RESTRAINED_BASE
        | {"reply-written", "reply-third-party", "invitation-does-not-change-order", "document-contact"},
        "normal",
    ),
    (
        "restrained, both started",
        answers(**contact(["text"], "both")),
        RESTRAINED_BASE
        | {"reply-text", "invitation-does-not-change-order", "already-replied", "document-contact"},
        "high",
    ),
    (
        "restrained, order lists allowed contact",
        answers(order_exceptions="yes"),
        RESTRAINED_BASE | {"restrained-listed-exceptions"},
        "normal",
    ),
    (
        "restrained, not sure whether the order lists allowed contact",
        answers(order_exceptions="unsure"),
        RESTRAINED_BASE | {"restrained-listed-exceptions"},
        "normal",
    ),
    ("protected, no contact", answers(role="protected"), PROTECTED_BASE, "normal"),
    (
        "protected started contact, temporary order that lists allowed contact",
        answers(
            role="protected",
            order_stage="temporary",
            order_exceptions="yes",
            **contact(["text"], "protected", "yes", "yes"),
        ),
        PROTECTED_BASE
        | {
            "temporary-order-hearing",
            "change-or-end-order",
            "protected-order-terms",
            "protected-invitation-not-permission",
        },
        "high",
    ),
    (
        "protected, called by the restrained person",
        answers(role="protected", **contact(["call"], "restrained", "yes")),
        PROTECTED_BASE | {"protected-report-violation"},
        "high",
    ),
    (
        "protected, both started",
        answers(role="protected", **contact(["in_person"], "both")),
        PROTECTED_BASE
        | {"change-or-end-order", "protected-report-violation", "protected-invitation-not-permission"},
        "high",
    ),
    (
        "protected, not sure who started, not sure about allowed contact",
        answers(
            role="protected",
            order_exceptions="unsure",
            **contact(["third_party"], "unsure", "unsure", "unsure"),
        ),
        PROTECTED_BASE | {"protected-report-violation", "protected-order-terms"},
        "high",
    ),
    (
        "helping the protected person, civil harassment",
        answers(role="helping_protected", order_types=["civil_harassment"]),
        PROTECTED_BASE | {"who-is-who"},
        "normal",
    ),
    (
        "helping the restrained person, elder abuse order, texted first",
        answers(role="helping_restrained", order_types=["elder_abuse"], **contact(["text"], "protected")),
        RESTRAINED_BASE
        | {
            "helper-no-messages",
            "reply-text",
            "invitation-does-not-change-order",
            "document-contact",
            "who-is-who",
        },
        "normal",
    ),
    (
        "not sure of role or order",
        answers(role="unsure", order_types=["unsure"], **NO_STAGE),
        {"if-unsure-no-contact", "one-way-orders", "who-is-who", "identify-your-order", "how-the-firm-helps"},
        "normal",
    ),
    (
        "not sure of role, no order yet",
        answers(role="unsure", order_types=["none_yet"], **NO_STAGE),
        {"if-unsure-no-contact", "no-order-yet", "who-is-who", "how-the-firm-helps"},
        "normal",
    ),
    (
        "mutual orders, says protected: treated as restrained",
        answers(role="protected", order_types=["mutual"]),
        (RESTRAINED_BASE - {"mutual-needs-own-order"}) | {"mutual-orders-rare"},
        "normal",
    ),
    (
        "mutual orders, helping the protected person, texted first",
        answers(role="helping_protected", order_types=["mutual"], **contact(["text"], "protected")),
        (RESTRAINED_BASE - {"mutual-needs-own-order"})
        | {
            "mutual-orders-rare",
            "who-is-who",
            "reply-text",
            "invitation-does-not-change-order",
            "document-contact",
        },
        "normal",
    ),
    (
        "mutual orders, not sure of role",
        answers(role="unsure", order_types=["mutual"]),
        (RESTRAINED_BASE - {"mutual-needs-own-order"}) | {"mutual-orders-rare", "who-is-who"},
        "normal",
    ),
    (
        "criminal protective order",
        answers(order_types=["criminal_protective"], order_stage=None),
        RESTRAINED_BASE | {"criminal-case-caution", "criminal-order-one-way"},
        "high",
    ),
    (
        "criminal protective order and a domestic violence order",
        answers(order_types=["criminal_protective", "domestic_violence"]),
        RESTRAINED_BASE | {"criminal-case-caution", "criminal-order-one-way", "criminal-order-priority"},
        "high",
    ),
    (
        "emergency protective order",
        answers(order_types=["emergency_protective"], **NO_STAGE),
        RESTRAINED_BASE | {"emergency-order"},
        "urgent",
    ),
    (
        "gun violence order alone, temporary",
        answers(order_types=["gun_violence"], order_stage="temporary", order_exceptions=None),
        {
            "restrained-firearms",
            "temporary-order-hearing",
            "one-way-orders",
            "gun-order-not-contact",
            "mutual-needs-own-order",
            "how-the-firm-helps",
        },
        "high",
    ),
    (
        "gun violence order with a workplace violence order",
        answers(order_types=["gun_violence", "workplace_violence"]),
        RESTRAINED_BASE,
        "normal",
    ),
    (
        "restrained, no order yet",
        answers(order_types=["none_yet"], **NO_STAGE),
        {"no-order-yet", "mutual-needs-own-order", "how-the-firm-helps"},
        "normal",
    ),
    (
        "protected, no order yet, texted by the other person",
        answers(role="protected", order_types=["none_yet"], **NO_STAGE, **contact(["text"], "restrained")),
        {"safety-resources", "protected-report-violation", "no-order-yet", "protected-where-to-get-help"},
        "high",
    ),
]

TODAY = datetime.date(2026, 11, 25)
