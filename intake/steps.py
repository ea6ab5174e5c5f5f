"""The wizard's steps and when each is shown (PRODUCT.md's data contract, "shown when").

Conditions read answers through `answers_for`, which validates the stored data of an
earlier, always-shown step directly: calling the wizard's get_cleaned_data_for_step from a
condition recurses into get_form_list (django-formtools #220, #266).
"""

from collections.abc import Callable

from guidance.vocabulary import CIVIL_ORDERS, ContactKind, OrderType, Step
from intake.forms.check import CheckForm
from intake.forms.questions import (
    ContactDetailsForm,
    ContactForm,
    OrderExceptionsForm,
    OrderForm,
    OrderStageForm,
    RoleForm,
    SituationForm,
)

FORMS = [
    (Step.ROLE, RoleForm),
    (Step.ORDER, OrderForm),
    (Step.ORDER_STAGE, OrderStageForm),
    (Step.ORDER_EXCEPTIONS, OrderExceptionsForm),
    (Step.CONTACT, ContactForm),
    (Step.CONTACT_DETAILS, ContactDetailsForm),
    (Step.SITUATION, SituationForm),
    (Step.CHECK, CheckForm),
]
QUESTION_STEPS = [step for step, _ in FORMS if step != Step.CHECK]


def _orders(answers_for: Callable) -> set[str]:
    return set((answers_for(Step.ORDER) or {}).get("order_types", ()))


def order_stage_shown(answers_for: Callable) -> bool:
    """A civil order or a gun violence order is among the orders."""
    return bool(_orders(answers_for) & (CIVIL_ORDERS | {OrderType.GUN_VIOLENCE}))


def order_exceptions_shown(answers_for: Callable) -> bool:
    """A civil order or a criminal protective order is among the orders."""
    return bool(_orders(answers_for) & (CIVIL_ORDERS | {OrderType.CRIMINAL_PROTECTIVE}))


def contact_details_shown(answers_for: Callable) -> bool:
    """Some contact happened."""
    kinds = set((answers_for(Step.CONTACT) or {}).get("contact_kinds", ()))
    return bool(kinds - {ContactKind.NONE})


CONDITIONS = {
    Step.ORDER_STAGE: order_stage_shown,
    Step.ORDER_EXCEPTIONS: order_exceptions_shown,
    Step.CONTACT_DETAILS: contact_details_shown,
}


def question_count(answers_for: Callable) -> tuple[int, bool]:
    """How many questions the answers so far lead to at most, and whether that number is final.

    A question whose condition reads only answered questions is decided: shown or not. One whose
    condition reads a question not yet answered could still go either way: it is counted (the number
    is then the most there can be) and the number is not final. Always-shown questions count.
    """
    most, final = 0, True
    for step in QUESTION_STEPS:
        shown = CONDITIONS.get(step)
        if shown is None:
            most += 1
            continue
        unanswered = []

        def reading(read, unanswered=unanswered):
            answer = answers_for(read)
            if answer is None:
                unanswered.append(read)
            return answer

        if shown(reading) or unanswered:
            most += 1
        final = final and not unanswered
    return most, final
