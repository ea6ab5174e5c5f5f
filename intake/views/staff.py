"""Staff-only pages outside the intake admin: the rule book, where the firm's attorneys review and
approve the guidance wording and the first messages staff send visitors (the content is
intake.rule_book's, the approvals intake.services.approvals')."""

from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language_info
from django.views.decorators.http import require_POST

from guidance import RULESET_VERSION
from guidance.vocabulary import Group
from intake.guidance_text import GROUP_TITLES
from intake.rule_book import ANSWER, MESSAGE, RULE
from intake.services.approvals import (
    StaleWording,
    can_approve,
    standings,
    waiting_for_approval,
    wording_approve,
)


def rule_book(request):
    """Every short answer and rule: its condition, its wording in each language for each audience
    that reads it, its sources, and who approved that wording and when."""
    items = standings()
    rules = [standing for standing in items if standing.item.kind == RULE]
    groups = [
        (GROUP_TITLES[group][0], [standing for standing in rules if standing.item.group == group])
        for group in Group
    ]
    context = {
        **admin.site.each_context(request),
        "title": "Rule book",
        "answers": [standing for standing in items if standing.item.kind == ANSWER],
        "first_messages": [standing for standing in items if standing.item.kind == MESSAGE],
        "groups": [(title, entries) for title, entries in groups if entries],
        "rule_count": len(rules),
        "waiting": waiting_for_approval(items),
        "can_approve": can_approve(request.user),
        # Column headings, in the order of each wording's texts (settings.LANGUAGES).
        "languages": [get_language_info(code)["name"] for code, _ in settings.LANGUAGES],
        "version": RULESET_VERSION,
    }
    return render(request, "staff/rule_book.html", context)


@require_POST
def approve_wording(request):
    """Approve one item's wording, as the approver read it; refuse if it changed meanwhile."""
    if not can_approve(request.user):
        raise PermissionDenied
    kind, item_id = request.POST.get("kind", ""), request.POST.get("item_id", "")
    try:
        wording_approve(
            kind=kind, item_id=item_id, wording_hash=request.POST.get("wording_hash", ""), by=request.user
        )
    except LookupError:
        raise Http404("No such rule, short answer or first message.") from None
    except StaleWording:
        messages.error(
            request,
            f"The wording of “{item_id}” has changed since you opened the page, so it was not approved. "
            "Read the current wording below before you approve it.",
        )
    else:
        messages.success(request, f"You approved the current wording of “{item_id}”.")
    return redirect(reverse("rule_book") + f"#{kind}-{item_id}")
