"""The shared vocabulary: step names, field names' choice values (PRODUCT.md's data contract).

Defined once here and used by the rules, the forms, the models and the tests. Values only:
the words a visitor reads are in ``intake.choices`` so that they can be translated.
"""

from enum import StrEnum


class Role(StrEnum):
    PROTECTED = "protected"
    RESTRAINED = "restrained"
    HELPING_PROTECTED = "helping_protected"
    HELPING_RESTRAINED = "helping_restrained"
    UNSURE = "unsure"


class OrderType(StrEnum):
    DOMESTIC_VIOLENCE = "domestic_violence"
    CIVIL_HARASSMENT = "civil_harassment"
    ELDER_ABUSE = "elder_abuse"
    WORKPLACE_VIOLENCE = "workplace_violence"
    GUN_VIOLENCE = "gun_violence"
    CRIMINAL_PROTECTIVE = "criminal_protective"
    EMERGENCY_PROTECTIVE = "emergency_protective"
    MUTUAL = "mutual"
    NONE_YET = "none_yet"
    UNSURE = "unsure"


class OrderStage(StrEnum):
    TEMPORARY = "temporary"
    AFTER_HEARING = "after_hearing"
    UNSURE = "unsure"


class ContactKind(StrEnum):
    TEXT = "text"
    CALL = "call"
    EMAIL_SOCIAL = "email_social"
    IN_PERSON = "in_person"
    THIRD_PARTY = "third_party"
    NONE = "none"


class Initiator(StrEnum):
    PROTECTED = "protected"
    RESTRAINED = "restrained"
    BOTH = "both"
    UNSURE = "unsure"


class YesNoUnsure(StrEnum):
    YES = "yes"
    NO = "no"
    UNSURE = "unsure"


class YesNo(StrEnum):
    YES = "yes"
    NO = "no"


class ContactMethod(StrEnum):
    PHONE = "phone"
    TEXT = "text"
    EMAIL = "email"


class Priority(StrEnum):
    URGENT = "urgent"
    HIGH = "high"
    NORMAL = "normal"


class Group(StrEnum):
    """Groups of the guidance page, in page order."""

    DANGER = "danger"
    MUST_NOT = "must_not"
    MAY = "may"
    NEXT = "next"
    RECORD = "record"
    KNOW = "know"
    HELP = "help"


class Step(StrEnum):
    """The wizard's steps, in order."""

    ROLE = "role"
    ORDER = "order"
    ORDER_STAGE = "order_stage"
    ORDER_EXCEPTIONS = "order_exceptions"
    CONTACT = "contact"
    CONTACT_DETAILS = "contact_details"
    SITUATION = "situation"
    CHECK = "check"


# Orders that a civil court issues after a request by the protected person ("civil order").
CIVIL_ORDERS = frozenset(
    {
        OrderType.DOMESTIC_VIOLENCE,
        OrderType.CIVIL_HARASSMENT,
        OrderType.ELDER_ABUSE,
        OrderType.WORKPLACE_VIOLENCE,
        OrderType.MUTUAL,
    }
)

# Orders that restrict contact. A gun violence order alone restricts firearms, not contact;
# `none_yet` is no order at all; `unsure` is treated as an order that may restrict contact.
CONTACT_ORDERS = CIVIL_ORDERS | {
    OrderType.CRIMINAL_PROTECTIVE,
    OrderType.EMERGENCY_PROTECTIVE,
    OrderType.UNSURE,
}

# Choices that must be picked on their own.
EXCLUSIVE_ORDER_TYPES = frozenset({OrderType.NONE_YET, OrderType.UNSURE})
EXCLUSIVE_CONTACT_KINDS = frozenset({ContactKind.NONE})
