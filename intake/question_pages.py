"""Question pages, rendered once per process for each way they can look, then served from memory.

A question page looks the same to every visitor with the same language, step, ticked choices, role
and "mutual" choice (they change the wording), question number and Back link, on the same day.
Only the CSRF token differs: the page is rendered with a placeholder, and each response gets the
visitor's own token. Pages with a message to show or a query string are rendered as usual, and so
is any page the wizard gives no facts for (one showing a saved court date, which is particular to
a visitor, unlike a combination of ticks that many visitors share).

The cache ("pages" in settings) is each process's own memory, for an hour at most; a kept page is
not linked to any visitor or session.
"""

import hashlib
import json
from collections.abc import Callable

from django.contrib import messages
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.translation import get_language

# Only letters and hyphens, so HTML escaping leaves it as it is.
CSRF_PLACEHOLDER = "csrf-token-placeholder-7d1f0b"


def _pages():
    return caches["pages"]


def page_key(request: HttpRequest, facts: list) -> str:
    text = json.dumps([get_language(), request.path, str(timezone.localdate()), facts], default=str)
    return "question-page:" + hashlib.sha256(text.encode()).hexdigest()


def served_from_memory(request: HttpRequest) -> bool:
    return not request.META.get("QUERY_STRING") and not len(messages.get_messages(request))


def respond(request: HttpRequest, facts: list | None, render: Callable[..., HttpResponse]) -> HttpResponse:
    """The page described by `facts`, from memory, or rendered by `render(csrf_token=...)` and kept.
    Without facts the page is rendered for this request only."""
    if facts is None or not served_from_memory(request):
        return render()
    key = page_key(request, facts)
    html = _pages().get(key)
    if html is None:
        response = render(csrf_token=CSRF_PLACEHOLDER)
        response.render()
        html = response.content.decode()
        _pages().set(key, html)
    return HttpResponse(html.replace(CSRF_PLACEHOLDER, get_token(request)))
