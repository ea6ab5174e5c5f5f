"""Staff-only pages outside the intake admin: the rule book for the firm's attorneys."""

import itertools

from django.contrib import admin
from django.shortcuts import render
from django.template.loader import render_to_string

from guidance import RULESET_VERSION
from guidance.rules import RULES
from intake.guidance_text import GROUP_TITLES, WORDING_TERMS, rule_context, rule_template
from intake.sources import source_titles


def possible(flags) -> bool:
    """Combinations of terms that some visitor can have."""
    if flags["mutual"] and not (flags["restrained_side"] and flags["contact_terms"] and flags["some_order"]):
        return False
    return not (flags["contact_terms"] and not flags["some_order"])


def describe(flags) -> str:
    words = ["helper" if flags["helper"] else "visitor"]
    words.append("restrained side" if flags["restrained_side"] else "not restrained side")
    words.append("mutual orders" if flags["mutual"] else "")
    words.append("order restricts contact" if flags["contact_terms"] else "no order restricting contact")
    words.append("" if flags["some_order"] else "no order yet")
    return ", ".join(w for w in words if w)


def rule_book(request):
    """Every rule with its wording for each audience, its condition in words and its sources."""
    variants = [
        (describe(flags), rule_context(**flags))
        for values in itertools.product((False, True), repeat=len(WORDING_TERMS))
        if (flags := dict(zip(WORDING_TERMS, values, strict=True))) and possible(flags)
    ]
    rules = []
    for rule in RULES:
        texts = {}
        for audience, context in variants:
            html = render_to_string(rule_template(rule.id), context)
            # Show each different wording once, with every audience that reads it.
            texts.setdefault(html, []).append(audience)
        rules.append(
            {
                "rule": rule,
                "group": GROUP_TITLES[rule.group][0],
                "sources": source_titles(rule.sources),
                "wordings": [(audiences, html) for html, audiences in texts.items()],
            }
        )
    context = {
        **admin.site.each_context(request),
        "title": "Rule book",
        "rules": rules,
        "version": RULESET_VERSION,
    }
    return render(request, "staff/rule_book.html", context)
