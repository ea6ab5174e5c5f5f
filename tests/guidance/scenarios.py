"""Answer sets for the rule tests, written out by hand from PRODUCT.md's catalogue."""

import datetime

TODAY = datetime.date(2026, 11, 25)

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
    "immigration-caution",
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
            "do-not-ask-to-drop-charges",
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
        RESTRAINED_BASE | {"restrained-listed-exceptions", "peaceful-contact"},
        "normal",
    ),
    (
        "restrained, not sure whether the order lists allowed contact",
        answers(order_exceptions="unsure"),
        RESTRAINED_BASE | {"restrained-listed-exceptions", "peaceful-contact"},
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
        {
            "safety-resources",
            "if-unsure-no-contact",
            "one-way-orders",
            "who-is-who",
            "identify-your-order",
            "how-the-firm-helps",
        },
        "normal",
    ),
    (
        "not sure of role, no order yet",
        answers(role="unsure", order_types=["none_yet"], **NO_STAGE),
        {"safety-resources", "get-protection", "no-order-yet", "who-is-who", "how-the-firm-helps"},
        "normal",
    ),
    (
        "mutual orders, says protected: treated as restrained",
        answers(role="protected", order_types=["mutual"]),
        (RESTRAINED_BASE - {"mutual-needs-own-order"}) | {"mutual-orders-rare", "safety-resources"},
        "normal",
    ),
    (
        "mutual orders, helping the protected person, texted first",
        answers(role="helping_protected", order_types=["mutual"], **contact(["text"], "protected")),
        (RESTRAINED_BASE - {"mutual-needs-own-order"})
        | {
            "safety-resources",
            "mutual-orders-rare",
            "mutual-your-protection",
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
        (RESTRAINED_BASE - {"mutual-needs-own-order"})
        | {"safety-resources", "mutual-orders-rare", "who-is-who"},
        "normal",
    ),
    (
        "criminal protective order",
        answers(order_types=["criminal_protective"], order_stage=None),
        RESTRAINED_BASE
        | {
            "criminal-case-caution",
            "criminal-order-one-way",
            "do-not-ask-to-drop-charges",
            "change-criminal-order",
        },
        "high",
    ),
    (
        "criminal protective order and a domestic violence order",
        answers(order_types=["criminal_protective", "domestic_violence"]),
        RESTRAINED_BASE
        | {
            "criminal-case-caution",
            "criminal-order-one-way",
            "criminal-order-priority",
            "do-not-ask-to-drop-charges",
            "change-criminal-order",
        },
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
        {"safety-resources", "get-protection", "no-order-yet", "protected-where-to-get-help"},
        "normal",
    ),
]

# The firm's typical client: a CR-160 only, texted by the protected person, no reply, a criminal case
# and a court date in three weeks (the journey the guidance page's length is measured on).
CRIMINAL_ORDER_TEXTED = answers(
    order_types=["criminal_protective"],
    order_stage=None,
    **contact(["text"], "protected", "no", "yes"),
    criminal_case="yes",
    court_date=TODAY + datetime.timedelta(days=21),
)
CRIMINAL_DEFENDANT = {"criminal-case-caution", "do-not-ask-to-drop-charges"}
CRIMINAL_ORDER = CRIMINAL_DEFENDANT | {"change-criminal-order", "criminal-order-one-way"}
TEXTED_FIRST = {"reply-text", "invitation-does-not-change-order", "document-contact"}

SCENARIOS += [
    (
        "criminal protective order, texted by the protected person, criminal case, court in 3 weeks",
        CRIMINAL_ORDER_TEXTED,
        RESTRAINED_BASE | CRIMINAL_ORDER | TEXTED_FIRST,
        "high",
    ),
    (
        "criminal protective order that allows peaceful contact",
        answers(
            order_types=["criminal_protective"], order_stage=None, order_exceptions="yes", criminal_case="yes"
        ),
        RESTRAINED_BASE | CRIMINAL_ORDER | {"peaceful-contact", "restrained-listed-exceptions"},
        "high",
    ),
    (
        "helping the restrained person, criminal order, not sure what it allows",
        answers(
            role="helping_restrained",
            order_types=["criminal_protective"],
            order_stage=None,
            order_exceptions="unsure",
        ),
        RESTRAINED_BASE
        | CRIMINAL_ORDER
        | {"peaceful-contact", "restrained-listed-exceptions", "helper-no-messages", "who-is-who"},
        "high",
    ),
    (
        "restrained, domestic violence order, not sure about a criminal case",
        answers(criminal_case="unsure"),
        RESTRAINED_BASE | {"do-not-ask-to-drop-charges"},
        "normal",
    ),
    (
        "mutual orders, says protected, texted by the other person, criminal case",
        answers(
            role="protected", order_types=["mutual"], criminal_case="yes", **contact(["text"], "protected")
        ),
        (RESTRAINED_BASE - {"mutual-needs-own-order"})
        | TEXTED_FIRST
        | {"safety-resources", "mutual-orders-rare", "mutual-your-protection"},
        "high",
    ),
    (
        "mutual orders, not sure of role, criminal case",
        answers(role="unsure", order_types=["mutual"], criminal_case="yes"),
        (RESTRAINED_BASE - {"mutual-needs-own-order"})
        | CRIMINAL_DEFENDANT
        | {"safety-resources", "mutual-orders-rare", "who-is-who"},
        "high",
    ),
    (
        "protected, no order yet, no contact",
        answers(role="protected", order_types=["none_yet"], **NO_STAGE),
        {"safety-resources", "get-protection", "no-order-yet", "protected-where-to-get-help"},
        "normal",
    ),
    (
        "restrained, no order yet, arrested",
        answers(order_types=["none_yet"], **NO_STAGE, criminal_case="yes"),
        CRIMINAL_DEFENDANT
        | {"arrested-no-order-yet", "mutual-needs-own-order", "immigration-caution", "how-the-firm-helps"},
        "high",
    ),
    (
        "helping the protected person, no order yet, not sure about a criminal case",
        answers(role="helping_protected", order_types=["none_yet"], **NO_STAGE, criminal_case="unsure"),
        {
            "safety-resources",
            "get-protection",
            "arrested-no-order-yet",
            "who-is-who",
            "protected-where-to-get-help",
        },
        "normal",
    ),
    (
        "not sure of role, gun violence order only",
        answers(role="unsure", order_types=["gun_violence"], order_exceptions=None),
        {"safety-resources", "one-way-orders", "gun-order-not-contact", "who-is-who", "how-the-firm-helps"},
        "normal",
    ),
    (
        "protected, gun violence order only, texted by the restrained person",
        answers(
            role="protected",
            order_types=["gun_violence"],
            order_exceptions=None,
            **contact(["text"], "restrained"),
        ),
        {"safety-resources", "one-way-orders", "gun-order-not-contact", "protected-where-to-get-help"},
        "normal",
    ),
]

# The short answer each scenario opens with (PRODUCT.md, "The short answer"), by scenario name.
SHORT_ANSWER = {
    "restrained, no contact": "restrained",
    "restrained, texted first by the protected person": "restrained-contacted",
    "restrained replied, criminal case": "restrained-made-contact",
    "restrained started in-person contact": "restrained-made-contact",
    "restrained started contact, was told it was OK": "restrained-made-contact",
    "restrained, not sure who started written and third-party contact": "restrained-contacted",
    "restrained, both started": "restrained-made-contact",
    "restrained, order lists allowed contact": "restrained",
    "restrained, not sure whether the order lists allowed contact": "restrained",
    "protected, no contact": "protected",
    "protected started contact, temporary order that lists allowed contact": "protected",
    "protected, called by the restrained person": "protected-contacted",
    "protected, both started": "protected-contacted",
    "protected, not sure who started, not sure about allowed contact": "protected-contacted",
    "helping the protected person, civil harassment": "protected",
    "helping the restrained person, elder abuse order, texted first": "restrained-contacted",
    "not sure of role or order": "unsure-role",
    "not sure of role, no order yet": "no-order",
    "mutual orders, says protected: treated as restrained": "mutual",
    "mutual orders, helping the protected person, texted first": "mutual",
    "mutual orders, not sure of role": "mutual",
    "criminal protective order": "restrained",
    "criminal protective order and a domestic violence order": "restrained",
    "emergency protective order": "restrained",
    "gun violence order alone, temporary": "gun-only",
    "gun violence order with a workplace violence order": "restrained",
    "restrained, no order yet": "no-order",
    "protected, no order yet, texted by the other person": "no-order",
    "criminal protective order, texted by the protected person, criminal case, court in 3 weeks": (
        "restrained-contacted"
    ),
    "criminal protective order that allows peaceful contact": "restrained",
    "helping the restrained person, criminal order, not sure what it allows": "restrained",
    "restrained, domestic violence order, not sure about a criminal case": "restrained",
    "mutual orders, says protected, texted by the other person, criminal case": "mutual",
    "mutual orders, not sure of role, criminal case": "mutual",
    "protected, no order yet, no contact": "no-order",
    "restrained, no order yet, arrested": "arrested-no-order",
    "helping the protected person, no order yet, not sure about a criminal case": "arrested-no-order",
    "not sure of role, gun violence order only": "gun-only",
    "protected, gun violence order only, texted by the restrained person": "gun-only",
}
