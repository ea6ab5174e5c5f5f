"""Render the guidance for one evaluation: the HTML that the visitor sees and the intake stores.

The engine decides which rules apply and which short answer opens the page; the templates say what
they mean for this visitor, in their language: ``templates/guidance/answers/<id>.html`` for each
short answer and ``templates/guidance/rules/<id>.html`` for each rule (a title block and a body
block, so that the page can show a rule open or folded into a ``<details>``).
"""

import functools

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from guidance import Answers, Evaluation
from guidance.engine import group_rules
from guidance.rules import RULES_BY_ID
from guidance.short_answers import short_answer
from guidance.terms import Terms, derive
from guidance.vocabulary import Group, Priority
from intake.sources import short_source_line
from intake.templatetags.intake_tags import tel_href
from web.context_processors import firm_details

# (for the visitor themselves, for someone helping)
GROUP_TITLES = {
    Group.DANGER: (_("Your safety comes first"), _("Safety comes first")),
    Group.MUST_NOT: (_("What you must not do"), _("What not to do")),
    Group.MAY: (_("What you may do"), _("What is allowed")),
    Group.NEXT: (_("What to do next"), _("What to do next")),
    Group.RECORD: (_("Keep a record"), _("Keep a record")),
    Group.KNOW: (_("About your order"), _("About the order")),
    Group.HELP: (_("Getting help"), _("Getting help")),
}

# With no order yet, there is no "your order" to speak of ("not sure which kind" is still an order).
NO_ORDER_KNOW_TITLE = _("About restraining orders")

# Background the visitor can open: each of these rules is folded into a <details> on the page, its
# title showing (it opens without JavaScript, and prints open). Everything the visitor must do or
# not do stays open.
FOLDED_GROUPS = frozenset({Group.KNOW, Group.HELP})

# The derived terms a rule's or a short answer's wording may depend on (its condition decides
# whether it is shown).
WORDING_TERMS = (
    "helper",
    "restrained_side",
    "protected_side",
    "mutual",
    "contact_terms",
    "some_order",
    "exceptions",
)


def rule_context(**terms) -> dict:
    """What every rule and short answer template may use: the WORDING_TERMS flags and the firm's details."""
    return {
        **{name: bool(terms.get(name)) for name in WORDING_TERMS},
        "firm_name": settings.FIRM_NAME,
        "firm_phone": settings.FIRM_PHONE,
        "firm_phone_href": tel_href(settings.FIRM_PHONE),
    }


def wording_flags(terms: Terms) -> tuple[bool, ...]:
    """The WORDING_TERMS of one visitor's derived terms, in order (what each wording is cached by)."""
    return tuple(bool(getattr(terms, name)) for name in WORDING_TERMS)


def flags_context(flags: tuple[bool, ...]) -> dict:
    return rule_context(**dict(zip(WORDING_TERMS, flags, strict=True)))


def rule_template(rule_id: str) -> str:
    return f"guidance/rules/{rule_id}.html"


def answer_template(answer_id: str) -> str:
    return f"guidance/answers/{answer_id}.html"


def rule_parts(rule_id: str, context: dict) -> tuple[str, str]:
    """A rule's title and body for one context (its template renders one block or the other)."""
    template = rule_template(rule_id)
    title = render_to_string(template, {**context, "part": "title"})
    body = render_to_string(template, {**context, "part": "body"}).strip()
    # Both come from our own templates, escaped there; the title is only put on one line.
    return mark_safe(" ".join(title.split())), mark_safe(body)  # noqa: S308


@functools.lru_cache(maxsize=4096)
def rule_wording(
    rule_id: str, flags: tuple[bool, ...], language: str, firm: tuple[str, str]
) -> tuple[str, str]:
    """One rule's title and body for one combination of wording terms, in one language (it depends on
    nothing else, so each combination is rendered once per process)."""
    with translation.override(language):
        return rule_parts(rule_id, flags_context(flags))


@functools.lru_cache(maxsize=1024)
def answer_wording(answer_id: str, flags: tuple[bool, ...], language: str, firm: tuple[str, str]) -> str:
    """One short answer's wording for one combination of wording terms, in one language."""
    with translation.override(language):
        # From our own template, escaped there.
        return mark_safe(render_to_string(answer_template(answer_id), flags_context(flags)).strip())  # noqa: S308


def answer_html(answer_id: str, flags: tuple[bool, ...], language: str, firm: tuple[str, str]) -> str:
    """The short answer as the page opens with it: its wording under its heading, with its marker."""
    with translation.override(language):
        context = {"answer_id": answer_id, "wording": answer_wording(answer_id, flags, language, firm)}
        return render_to_string("guidance/short_answer.html", context)


def render_guidance(answers: Answers, evaluation: Evaluation, language: str, *, fold: bool = True) -> str:
    """The short answer, the court date if given, and the rules in their groups, as the page shows them
    (with `fold` false, every rule open, as the printable view shows them)."""
    terms = derive(answers)
    flags = wording_flags(terms)
    firm = (settings.FIRM_NAME, settings.FIRM_PHONE)
    html = answer_html(evaluation.short_answer, flags, language, firm)
    with translation.override(language):
        html += render_to_string(
            "guidance/before_rules.html",
            {
                "some_order": terms.some_order,
                "helper": terms.helper,
                "court_date": answers.court_date,
                # Everyone whose rules do not include the safety resources may still be in danger.
                "danger_line": "safety-resources" not in evaluation.rule_ids,
                **firm_details(),  # the court date box gives the firm's phone
            },
        )
    return html + groups_html(evaluation.page_groups, flags, language, firm, fold)


def group_title(group: Group, helper: bool, some_order: bool) -> str:
    if group == Group.KNOW and not some_order:
        return NO_ORDER_KNOW_TITLE
    return GROUP_TITLES[group][helper]


@functools.lru_cache(maxsize=512)
def groups_html(groups: tuple, flags: tuple, language: str, firm: tuple[str, str], fold: bool = True) -> str:
    """The rules, in their groups, for one set of rules and wording terms (many visitors share one)."""
    terms = dict(zip(WORDING_TERMS, flags, strict=True))
    helper, some_order = terms["helper"], terms["some_order"]
    with translation.override(language):
        context = [
            {
                "id": str(group),
                "title": group_title(group, helper, some_order),
                "folded": fold and group in FOLDED_GROUPS,
                "rules": [
                    {
                        "id": rule_id,
                        "parts": rule_wording(rule_id, flags, language, firm),
                        "sources": short_source_line(RULES_BY_ID[rule_id].sources),
                    }
                    for rule_id in rule_ids
                ],
            }
            for group, rule_ids in groups
        ]
        return render_to_string("guidance/rules.html", {"groups": context})


def render_stored_guidance(answers: dict, rule_ids: list[str], language: str, *, fold: bool = True) -> str:
    """The guidance an intake stored, rendered again in another language (staff read it in English).

    The short answer is chosen again from the answers: it depends on nothing else.
    """
    stored = Answers.from_dict(answers)
    shown = [rule_id for rule_id in rule_ids if rule_id in RULES_BY_ID]
    evaluation = Evaluation(
        rule_ids=tuple(shown),
        groups=group_rules(shown),
        priority=Priority.NORMAL,
        short_answer=short_answer(derive(stored)),
    )
    return render_guidance(stored, evaluation, language, fold=fold)
