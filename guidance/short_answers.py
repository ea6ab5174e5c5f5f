"""The short answer that opens every guidance page (PRODUCT.md, "The short answer").

One answer to the visitor's own question (does the order bind me, may I reply, may they contact
me, what now?): the first entry below that applies. Its wording lives in
``templates/guidance/answers/<id>.html``; like the rules, each entry carries its condition in one
plain sentence for the attorneys' rule book, and its sources.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from guidance.rules import RESTRAINED_STARTED
from guidance.terms import YES_OR_UNSURE, Terms
from guidance.vocabulary import OrderType, Role


@dataclass(frozen=True)
class ShortAnswer:
    id: str
    applies: Callable[[Terms], bool]
    condition: str
    sources: tuple[str, ...]


def _no_order(t: Terms) -> bool:
    return t.has_order(OrderType.NONE_YET)


SHORT_ANSWERS: tuple[ShortAnswer, ...] = (
    ShortAnswer(
        "mutual",
        lambda t: t.mutual,
        "Mutual orders.",
        ("mutual-orders", "one-way-street"),
    ),
    ShortAnswer(
        "arrested-no-order",
        lambda t: _no_order(t) and t.answers.criminal_case in YES_OR_UNSURE,
        "No order yet, and a criminal case (yes or not sure).",
        ("family-code-6250-6257", "penal-code-136.2"),
    ),
    ShortAnswer(
        "no-order",
        _no_order,
        "No order yet.",
        ("family-code-6383", "family-code-6240-6257"),
    ),
    ShortAnswer(
        "gun-only",
        lambda t: t.has_order(OrderType.GUN_VIOLENCE) and not t.contact_terms,
        "A gun violence order, and no order that limits contact.",
        ("court-self-help-gvro",),
    ),
    ShortAnswer(
        "unsure-role",
        lambda t: t.answers.role == Role.UNSURE,
        "The visitor is not sure of their side.",
        ("one-sided", "one-way-street"),
    ),
    ShortAnswer(
        "restrained-made-contact",
        lambda t: t.restrained_side and t.contact_terms and t.restrained_made_contact,
        "Restrained side, an order limits contact, and the restrained person made contact.",
        ("trap-of-responding", "how-the-firm-helps"),
    ),
    ShortAnswer(
        "restrained-contacted",
        lambda t: t.restrained_side and t.contact_terms and t.contact_happened,
        "Restrained side, an order limits contact, and contact happened.",
        ("one-way-street", "trap-of-responding", "documentation"),
    ),
    ShortAnswer(
        "restrained",
        lambda t: t.restrained_side and t.contact_terms,
        "Restrained side, and an order limits contact.",
        ("one-sided", "one-way-street"),
    ),
    ShortAnswer(
        "protected-contacted",
        lambda t: t.protected_side and t.contact_happened and t.answers.initiated_by in RESTRAINED_STARTED,
        "Protected side, contact happened, and the restrained person started it (alone, both, or not "
        "sure who).",
        ("one-way-street", "documentation"),
    ),
    ShortAnswer(
        "protected",
        lambda t: t.protected_side,
        "Protected side.",
        ("one-way-street", "trap-of-responding"),
    ),
    ShortAnswer(
        "general",
        lambda t: True,
        "Anything else (valid answers do not reach it).",
        ("one-sided",),
    ),
)


def short_answer(terms: Terms) -> str:
    """The id of the first short answer that applies."""
    return next(answer.id for answer in SHORT_ANSWERS if answer.applies(terms))
