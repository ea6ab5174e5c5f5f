"""Visitor pages rendered once per process for each way they can look, then served from memory.

A question page looks the same to every visitor with the same language, step, ticked choices, role
and "mutual" choice (they change the wording), question number, number of questions (and whether it
is final) and Back link, on the same day. The
page around a visitor's own answers ("Check your answers") looks the same for everyone with the same
language and Back link, the page around their guidance for everyone with the same language who is
offered the consultation form (or has already asked), and the confirmation around their reference
for everyone with the same language and contact choices. What does differ is filled in for each
response: the page is rendered with placeholders, and each response gets the visitor's own CSRF
token and their own `fills` (their answers, their guidance, their reference), which are never kept.
Pages with a message to show or a query string are rendered as usual, and so is any page given no
facts: a question page showing a saved court date (particular to a visitor, unlike a combination of
ticks that many visitors share) or a draft kept across a language switch (intake.drafts), and a
consultation form holding what a visitor typed (mistakes, a retry after a failure, or a draft).

The key also holds what the context processors named in PAGE_MEMORY_KEY_CONTEXT add to every page
(the footer's "Start again"), so no view has to.
The cache ("pages" in settings) is each process's own memory, for an hour at most; a kept page
holds nothing that identifies a visitor.
"""

import hashlib
import json
import re
from collections.abc import Callable
from functools import cache

from django.conf import settings
from django.contrib import messages
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.template.response import SimpleTemplateResponse
from django.utils import timezone
from django.utils.html import conditional_escape
from django.utils.module_loading import import_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

# Only letters, digits, hyphens and underscores, so HTML escaping leaves them as they are. No
# placeholder is part of another: each fill's begins with "fill-" and they all end the same way.
CSRF_PLACEHOLDER = "csrf-token-placeholder-7d1f0b"


def placeholder(name: str) -> SafeString:
    return mark_safe(f"fill-{name}-placeholder-7d1f0b")  # noqa: S308 - a fixed string of our own


def _pages():
    return caches["pages"]


@cache
def _key_context_processors() -> tuple:
    return tuple(import_string(path) for path in settings.PAGE_MEMORY_KEY_CONTEXT)


def page_key(request: HttpRequest, facts: list) -> str:
    shared = [processor(request) for processor in _key_context_processors()]
    text = json.dumps([get_language(), request.path, str(timezone.localdate()), shared, facts], default=str)
    return "page:" + hashlib.sha256(text.encode()).hexdigest()


def served_from_memory(request: HttpRequest) -> bool:
    return not request.META.get("QUERY_STRING") and not len(messages.get_messages(request))


def respond(
    request: HttpRequest,
    facts: list | None,
    render: Callable[..., HttpResponse],
    fills: dict[str, str] | None = None,
) -> HttpResponse:
    """The page described by `facts`, from memory, or rendered by `render(csrf_token=..., **fills)`
    with placeholders and kept. `fills` are this visitor's context values (escaped unless marked
    safe). Without facts the page is rendered for this request only."""
    fills = fills or {}
    if facts is None or not served_from_memory(request):
        return render(**fills)
    key = page_key(request, [facts, sorted(fills)])
    html = _pages().get(key)
    if html is None:
        response = render(csrf_token=CSRF_PLACEHOLDER, **{name: placeholder(name) for name in fills})
        if isinstance(response, SimpleTemplateResponse):
            response.render()
        html = response.content.decode()
        _pages().set(key, html)
    if not fills:
        return HttpResponse(html.replace(CSRF_PLACEHOLDER, get_token(request)))
    # Escaped unless already safe HTML, as the template would have done.
    values = {CSRF_PLACEHOLDER: get_token(request)}
    values.update((placeholder(name), conditional_escape(value)) for name, value in fills.items())
    # One pass: a value filled in is never searched for another placeholder.
    pattern = re.compile("|".join(map(re.escape, values)))
    return HttpResponse(pattern.sub(lambda match: values[match.group()], html))
