"""Render the guidance for one evaluation: the HTML that the visitor sees and the intake stores.

The engine decides which rules apply; the template of each rule (templates/guidance/rules/<id>.html)
says what they mean for this visitor, in their language.
"""

import functools

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from guidance import Answers, Evaluation
from guidance.rules import RULES_BY_ID
from guidance.terms import derive
from guidance.vocabulary import Group, Priority
from intake.sources import source_titles
from intake.templatetags.intake_tags import tel_href

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

# The derived terms a rule's wording may depend on (the condition decides whether it is shown).
WORDING_TERMS = ("helper", "restrained_side", "mutual", "contact_terms", "some_order")


def rule_context(**terms) -> dict:
    """What every rule template may use: the WORDING_TERMS flags and the firm's details."""
    return {
        **{name: bool(terms.get(name)) for name in WORDING_TERMS},
        "firm_name": settings.FIRM_NAME,
        "firm_phone": settings.FIRM_PHONE,
        "firm_phone_href": tel_href(settings.FIRM_PHONE),
    }


def rule_template(rule_id: str) -> str:
    return f"guidance/rules/{rule_id}.html"


@functools.lru_cache(maxsize=4096)
def rule_html(rule_id: str, flags: tuple[bool, ...], language: str, firm: tuple[str, str]) -> str:
    """One rule's wording for one combination of wording terms, in one language (it depends on nothing
    else, so each combination is rendered once per process)."""
    with translation.override(language):
        return render_to_string(
            rule_template(rule_id), rule_context(**dict(zip(WORDING_TERMS, flags, strict=True)))
        )


def render_guidance(answers: Answers, evaluation: Evaluation, language: str) -> str:
    terms = derive(answers)
    flags = tuple(bool(getattr(terms, name)) for name in WORDING_TERMS)
    firm = (settings.FIRM_NAME, settings.FIRM_PHONE)
    html = groups_html(evaluation.groups, flags, terms.helper, terms.some_order, language, firm)
    if answers.court_date:
        with translation.override(language):
            context = {"court_date": answers.court_date, "helper": terms.helper}
            html = render_to_string("guidance/court_date.html", context) + html
    return html


def group_title(group: Group, helper: bool, some_order: bool) -> str:
    if group == Group.KNOW and not some_order:
        return NO_ORDER_KNOW_TITLE
    return GROUP_TITLES[group][helper]


@functools.lru_cache(maxsize=512)
def groups_html(
    groups: tuple, flags: tuple, helper: bool, some_order: bool, language: str, firm: tuple[str, str]
) -> str:
    """The rules, in their groups, for one set of rules and wording terms (many visitors share one)."""
    with translation.override(language):
        context = [
            {
                "id": str(group),
                "title": group_title(group, helper, some_order),
                "rules": [
                    {
                        "id": rule_id,
                        "html": rule_html(rule_id, flags, language, firm),
                        "sources": source_titles(RULES_BY_ID[rule_id].sources),
                    }
                    for rule_id in rule_ids
                ],
            }
            for group, rule_ids in groups
        ]
        return render_to_string("guidance/rules.html", {"groups": context})


def render_stored_guidance(answers: dict, rule_ids: list[str], language: str) -> str:
    """The guidance an intake stored, rendered again in another language (staff read it in English)."""
    shown = [rule_id for rule_id in rule_ids if rule_id in RULES_BY_ID]
    groups = tuple(
        (group, ids)
        for group in Group
        if (ids := tuple(rule_id for rule_id in shown if RULES_BY_ID[rule_id].group == group))
    )
    evaluation = Evaluation(rule_ids=tuple(shown), groups=groups, priority=Priority.NORMAL)
    return render_guidance(Answers.from_dict(answers), evaluation, language)
