"""Staff-only pages outside the intake admin: the rule book for the firm's attorneys."""

from django.contrib import admin
from django.contrib.admin.views.decorators import staff_member_required
from django.shortcuts import render
from django.template.loader import render_to_string

from guidance import RULESET_VERSION
from guidance.rules import RULES
from intake.guidance_text import GROUP_TITLES, rule_context, rule_template
from intake.sources import source_titles


@staff_member_required
def rule_book(request):
    """Every rule with its wording for each audience, its condition in words and its sources."""
    variants = [
        ("restrained side", rule_context(helper=False, restrained_side=True)),
        ("protected side", rule_context(helper=False, restrained_side=False)),
        ("helper, restrained side", rule_context(helper=True, restrained_side=True)),
        ("helper, protected side", rule_context(helper=True, restrained_side=False)),
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
