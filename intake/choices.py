"""The words for the vocabulary's values: what visitors read in questions and staff read in admin.

Values come from ``guidance.vocabulary``; only labels live here, so that they can be translated.
The one exception is `CallWhom`: the guidance never reads it (it is part of the consultation
request, not of the answers), so its values are defined here, once, next to their words.
"""

from enum import StrEnum

from django.utils.translation import gettext_lazy as _

from guidance.vocabulary import (
    ContactKind,
    ContactMethod,
    Initiator,
    OrderStage,
    OrderType,
    Priority,
    Role,
    YesNo,
    YesNoUnsure,
)

NOT_SURE = _("I’m not sure")

ROLE = {
    Role.PROTECTED: _("The order protects me, or I want protection"),
    Role.RESTRAINED: _("The order is against me, or I am the one accused"),
    Role.HELPING_PROTECTED: _("I’m helping someone who is protected or wants protection"),
    Role.HELPING_RESTRAINED: _("I’m helping someone the order is against, or who is accused"),
    Role.UNSURE: NOT_SURE,
}

ROLE_HINT = {
    Role.PROTECTED: _(
        "You were harmed or threatened. You may have asked the court for an order, or want to."
    ),
    Role.RESTRAINED: _("An order was made against you, or someone says you harmed or threatened them."),
    Role.UNSURE: _("For example, if there are orders on both sides, or you have not seen the papers."),
}

ORDER_TYPE = {
    OrderType.DOMESTIC_VIOLENCE: _("Domestic violence restraining order"),
    OrderType.CIVIL_HARASSMENT: _("Civil harassment restraining order"),
    OrderType.ELDER_ABUSE: _("Elder or dependent adult abuse restraining order"),
    OrderType.WORKPLACE_VIOLENCE: _("Workplace violence restraining order"),
    OrderType.GUN_VIOLENCE: _("Gun violence restraining order"),
    OrderType.CRIMINAL_PROTECTIVE: _("Criminal protective order"),
    OrderType.EMERGENCY_PROTECTIVE: _("Emergency protective order"),
    OrderType.MUTUAL: _("Orders on both sides (mutual orders)"),
    OrderType.NONE_YET: _("There is no order yet"),
    OrderType.UNSURE: NOT_SURE,
}

ORDER_TYPE_HINT = {
    OrderType.DOMESTIC_VIOLENCE: _("Forms DV-110 or DV-130. Between partners, exes or family."),
    OrderType.CIVIL_HARASSMENT: _("Forms CH-110 or CH-130. Between neighbors, roommates or others."),
    OrderType.ELDER_ABUSE: _("Forms EA-110 or EA-130. Protects a person 65 or older, or a dependent adult."),
    OrderType.WORKPLACE_VIOLENCE: _("Forms WV-110 or WV-130. An employer or a union asked for it."),
    OrderType.GUN_VIOLENCE: _("Forms GV-110 or GV-130. About guns and ammunition."),
    OrderType.CRIMINAL_PROTECTIVE: _("Forms CR-160 or CR-161. A judge in a criminal case made it."),
    OrderType.EMERGENCY_PROTECTIVE: _("Form EPO-001. The police asked a judge for it. It lasts a few days."),
    OrderType.MUTUAL: _("Each person has an order against the other."),
    OrderType.NONE_YET: _("For example, someone has asked for one but no judge has made one."),
}

ORDER_STAGE = {
    OrderStage.TEMPORARY: _("Temporary: made before a hearing"),
    OrderStage.AFTER_HEARING: _("Made after a court hearing"),
    OrderStage.UNSURE: NOT_SURE,
}

ORDER_STAGE_HINT = {
    OrderStage.TEMPORARY: _("Forms such as DV-110, CH-110 or GV-110. A hearing date is on the order."),
    OrderStage.AFTER_HEARING: _("Forms such as DV-130, CH-130 or GV-130. It can last for years."),
}

ORDER_EXCEPTIONS = {
    YesNoUnsure.NO: _("No, it does not allow any contact"),
    YesNoUnsure.YES: _("Yes, it allows some contact"),
    YesNoUnsure.UNSURE: NOT_SURE,
}

CONTACT_KIND = {
    ContactKind.TEXT: _("Text messages"),
    ContactKind.CALL: _("Phone calls or voicemails"),
    ContactKind.EMAIL_SOCIAL: _("Email, social media or messaging apps"),
    ContactKind.IN_PERSON: _("Meeting or coming up in person"),
    ContactKind.THIRD_PARTY: _("Messages passed on by friends, family or others"),
    ContactKind.NONE: _("No contact"),
}

YES_NO_UNSURE = {
    YesNoUnsure.YES: _("Yes"),
    YesNoUnsure.NO: _("No"),
    YesNoUnsure.UNSURE: NOT_SURE,
}

YES_NO = {YesNo.YES: _("Yes"), YesNo.NO: _("No")}

CONTACT_METHOD = {
    ContactMethod.PHONE: _("Phone call"),
    ContactMethod.TEXT: _("Text message"),
    ContactMethod.EMAIL: _("Email"),
}

# Who started the contact, in the words of the person answering. Under mutual orders both people
# are restrained, so the visitor's side is answered as the restrained side and the other person
# as the protected one (PRODUCT.md: everyone under mutual orders is treated as restrained).
INITIATOR_BY_ROLE = {
    Role.PROTECTED: {
        Initiator.PROTECTED: _("I did"),
        Initiator.RESTRAINED: _("They did (the restrained person)"),
        Initiator.BOTH: _("We both did"),
    },
    Role.RESTRAINED: {
        Initiator.PROTECTED: _("They did (the protected person)"),
        Initiator.RESTRAINED: _("I did"),
        Initiator.BOTH: _("We both did"),
    },
    Role.HELPING_PROTECTED: {
        Initiator.PROTECTED: _("The person I’m helping"),
        Initiator.RESTRAINED: _("The restrained person"),
        Initiator.BOTH: _("They both did"),
    },
    Role.HELPING_RESTRAINED: {
        Initiator.PROTECTED: _("The protected person"),
        Initiator.RESTRAINED: _("The person I’m helping"),
        Initiator.BOTH: _("They both did"),
    },
    Role.UNSURE: {
        Initiator.PROTECTED: _("The protected person"),
        Initiator.RESTRAINED: _("The restrained person"),
        Initiator.BOTH: _("Both of them"),
    },
}
INITIATOR_UNDER_MUTUAL = {
    "self": {
        Initiator.PROTECTED: _("They did (the other person)"),
        Initiator.RESTRAINED: _("I did"),
        Initiator.BOTH: _("We both did"),
    },
    "helper": {
        Initiator.PROTECTED: _("The other person"),
        Initiator.RESTRAINED: _("The person I’m helping"),
        Initiator.BOTH: _("They both did"),
    },
}


class CallWhom(StrEnum):
    """Whom the firm should call, asked of helpers (PRODUCT.md: `call_whom`). The contact details
    the visitor gives are that person's."""

    ME = "me"
    THEM = "them"


CALL_WHOM = {
    CallWhom.ME: _("Call me"),
    CallWhom.THEM: _("Call the person I’m helping"),
}


def perspective(role: str | None, mutual: bool) -> str:
    """Whose words the contact questions are asked in: the same stored answer means the same thing
    only under the same perspective."""
    if mutual:
        return "mutual-helper" if role in (Role.HELPING_PROTECTED, Role.HELPING_RESTRAINED) else "mutual-self"
    return str(role or Role.UNSURE)


# With no order yet nobody is protected or restrained: the other side is "the other person".
OTHER_PERSON = {"self": _("They did (the other person)"), "helper": _("The other person")}


def initiator_labels(role: Role, mutual: bool, no_order: bool = False) -> dict:
    helping = role in (Role.HELPING_PROTECTED, Role.HELPING_RESTRAINED)
    if mutual:
        return INITIATOR_UNDER_MUTUAL["helper" if helping else "self"]
    labels = INITIATOR_BY_ROLE[role]
    if no_order and role != Role.UNSURE:
        other = (
            Initiator.RESTRAINED if role in (Role.PROTECTED, Role.HELPING_PROTECTED) else Initiator.PROTECTED
        )
        labels = {**labels, other: OTHER_PERSON["helper" if helping else "self"]}
    return labels


# Short labels for staff (admin lists and filters). English only: the staff desk is not translated.
STAFF_ROLE = {
    Role.PROTECTED: "Protected person",
    Role.RESTRAINED: "Restrained person",
    Role.HELPING_PROTECTED: "Helping the protected person",
    Role.HELPING_RESTRAINED: "Helping the restrained person",
    Role.UNSURE: "Not sure",
}

# Short forms for the queue's narrow columns (the full words are in STAFF_ROLE and ORDER_TYPE).
STAFF_ROLE_SHORT = {
    Role.PROTECTED: "Protected",
    Role.RESTRAINED: "Restrained",
    Role.HELPING_PROTECTED: "Helps protected",
    Role.HELPING_RESTRAINED: "Helps restrained",
    Role.UNSURE: "Not sure",
}
STAFF_ORDER_SHORT = {
    OrderType.DOMESTIC_VIOLENCE: "DVRO",
    OrderType.CIVIL_HARASSMENT: "CHRO",
    OrderType.ELDER_ABUSE: "EA",
    OrderType.WORKPLACE_VIOLENCE: "WVRO",
    OrderType.GUN_VIOLENCE: "GVRO",
    OrderType.CRIMINAL_PROTECTIVE: "CPO",
    OrderType.EMERGENCY_PROTECTIVE: "EPO",
    OrderType.MUTUAL: "Mutual",
    OrderType.NONE_YET: "No order yet",
    OrderType.UNSURE: "Not sure",
}
STAFF_CONTACT_METHOD = {
    ContactMethod.PHONE: "Phone",
    ContactMethod.TEXT: "Text only",
    ContactMethod.EMAIL: "Email",
}

# Whom to call, for staff: the contact details on the intake are that person's.
STAFF_CALL_WHOM = {
    CallWhom.ME: "The visitor (the helper)",
    CallWhom.THEM: "The person they help",
}

PRIORITY = {
    Priority.URGENT: "Urgent",
    Priority.HIGH: "High",
    Priority.NORMAL: "Normal",
}


def as_choices(labels: dict) -> list[tuple[str, str]]:
    """Turn a value→label mapping into Django choices, keeping the mapping's order."""
    return [(str(value), label) for value, label in labels.items()]
