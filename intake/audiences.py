"""Who reads each rule and short answer: the wording-term combinations that real visitors reach.

A rule's wording varies with the WORDING_TERMS flags (intake.guidance_text). To show attorneys every
wording a visitor can read, and only those, this module walks a bounded set of valid answer sets
(the wizard's own "shown when" conditions decide which optional steps have an answer), evaluates
each, and records the flags of every rule and short answer shown. It also names a group of
audiences in plain words, using only the flags that tell one rule's audiences apart.

Belongs here: the sample of answers, the reachable flags, the plain words for each flag. Not here:
rendering (intake.rule_book) and approvals (intake.services.approvals).
"""

from __future__ import annotations

import functools
import itertools
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from types import MappingProxyType

from guidance import Answers
from guidance.rules import RULES
from guidance.short_answers import short_answer
from guidance.terms import derive
from guidance.vocabulary import (
    EXCLUSIVE_ORDER_TYPES,
    ContactKind,
    Initiator,
    OrderStage,
    OrderType,
    Role,
    Step,
    YesNoUnsure,
)
from intake.guidance_text import WORDING_TERMS, wording_flags
from intake.steps import order_exceptions_shown, order_stage_shown

# Plain words for each wording term, (when true, when false). Every name in WORDING_TERMS needs
# an entry (a test says which one is missing).
FLAG_WORDS = {
    "helper": ("Someone helping", "The person themselves"),
    "restrained_side": ("the order is against them", "the order is not against them"),
    "protected_side": ("the order protects them", "not on the protected side"),
    "mutual": ("orders on both sides", "an order on one side only"),
    "contact_terms": ("an order limits contact", "no order limits contact"),
    "some_order": ("has an order", "no order yet"),
    "exceptions": ("the order may allow some contact", "no allowed contact listed"),
}

Flags = tuple[bool, ...]

_CONTACTED = frozenset(ContactKind) - {ContactKind.NONE}

# Contact answers: none; started by the protected person; started by the restrained person, with a
# reply; both; not sure. Each pattern with contact names every kind of contact, so that each
# "do not reply by ..." rule is reached (the kinds change no wording term).
CONTACT_PATTERNS = (
    {"contact_kinds": frozenset({ContactKind.NONE})},
    {
        "contact_kinds": _CONTACTED,
        "initiated_by": Initiator.PROTECTED,
        "responded": YesNoUnsure.NO,
        "said_ok": YesNoUnsure.YES,
    },
    {
        "contact_kinds": _CONTACTED,
        "initiated_by": Initiator.RESTRAINED,
        "responded": YesNoUnsure.YES,
        "said_ok": YesNoUnsure.NO,
    },
    {
        "contact_kinds": _CONTACTED,
        "initiated_by": Initiator.BOTH,
        "responded": YesNoUnsure.YES,
        "said_ok": YesNoUnsure.UNSURE,
    },
    {
        "contact_kinds": _CONTACTED,
        "initiated_by": Initiator.UNSURE,
        "responded": YesNoUnsure.UNSURE,
        "said_ok": YesNoUnsure.UNSURE,
    },
)


def order_sets() -> list[frozenset[OrderType]]:
    """Each order type alone, and every pair of the types that may be picked together."""
    combinable = [order for order in OrderType if order not in EXCLUSIVE_ORDER_TYPES]
    singles = [frozenset({order}) for order in OrderType]
    return singles + [frozenset(pair) for pair in itertools.combinations(combinable, 2)]


def _asked(shown, orders) -> bool:
    return shown(lambda step: {"order_types": orders} if step == Step.ORDER else None)


def sample_answers() -> Iterator[Answers]:
    """Valid answer sets: every role, order set, order stage and exception answer (when asked),
    contact pattern and criminal case answer."""
    for orders in order_sets():
        stages = tuple(OrderStage) if _asked(order_stage_shown, orders) else (None,)
        exceptions = tuple(YesNoUnsure) if _asked(order_exceptions_shown, orders) else (None,)
        for role, stage, allowed, contact, criminal in itertools.product(
            Role, stages, exceptions, CONTACT_PATTERNS, YesNoUnsure
        ):
            yield Answers(
                role=role,
                order_types=orders,
                order_stage=stage,
                order_exceptions=allowed,
                criminal_case=criminal,
                **contact,
            )


@functools.cache
def reachable_flags() -> tuple[Mapping[str, frozenset[Flags]], Mapping[str, frozenset[Flags]]]:
    """For each rule id and each short answer id, the wording flags of the visitors shown it.

    Computed once per process: it depends on the code alone.
    """
    rules: dict[str, set[Flags]] = defaultdict(set)
    answers: dict[str, set[Flags]] = defaultdict(set)
    for sample in sample_answers():
        # The rules' conditions and the short answer are what guidance.evaluate decides, without
        # the triage it adds (the same answers, a fifth of the time).
        terms = derive(sample)
        flags = wording_flags(terms)
        for rule in RULES:
            if rule.applies(terms):
                rules[rule.id].add(flags)
        answers[short_answer(terms)].add(flags)
    return _frozen(rules), _frozen(answers)


def _frozen(found: dict[str, set[Flags]]) -> Mapping[str, frozenset[Flags]]:
    return MappingProxyType({item_id: frozenset(flags) for item_id, flags in found.items()})


def differing_terms(audiences: Sequence[Flags]) -> tuple[int, ...]:
    """The positions (in WORDING_TERMS) of the flags that are not the same for every audience."""
    return tuple(i for i in range(len(WORDING_TERMS)) if len({flags[i] for flags in audiences}) > 1)


def describe(audiences: Sequence[Flags], among: Sequence[Flags]) -> list[str]:
    """Plain words for a group of audiences (who read one wording), told apart from the item's other
    audiences (`among` holds them all).

    Names use only the flags that differ between the item's audiences, and no name fits an audience
    outside the group. The fewest names are chosen that cover the group, each with the fewest flags
    (the first terms of WORDING_TERMS preferred).
    """
    group = set(audiences)
    others = [flags for flags in among if flags not in group]
    subsets = [
        subset
        for size in range(len(WORDING_TERMS) + 1)
        for subset in itertools.combinations(differing_terms(among), size)
    ]
    candidates = {}  # a name (position, value pairs) -> the audiences of the group it fits
    for subset in subsets:
        for flags in group:
            cube = tuple((i, flags[i]) for i in subset)
            if cube not in candidates and not any(_fits(cube, other) for other in others):
                candidates[cube] = {f for f in group if _fits(cube, f)}
    names, uncovered = [], set(group)
    while uncovered:
        cube = max(candidates, key=lambda c: (len(candidates[c] & uncovered), -len(c)))
        names.append(cube)
        uncovered -= candidates[cube]
    return sorted(" · ".join(_words(cube)) for cube in names)


def _fits(cube, flags: Flags) -> bool:
    return all(flags[i] == value for i, value in cube)


def _words(cube) -> list[str]:
    words = [FLAG_WORDS[WORDING_TERMS[i]][0 if value else 1] for i, value in cube]
    return [words[0][0].upper() + words[0][1:], *words[1:]] if words else ["Everyone else"]
