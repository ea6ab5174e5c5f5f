"""Notices for the next page (Django's messages), each waiting at most once."""

from django.contrib import messages


def notice_once(request, text) -> None:
    """Add `text` as a notice unless the same one already waits to be shown. A client that never
    follows the redirects would otherwise pile the same notice up on every request: 2,500 of them,
    compressed into the messages cookie, made each request 5 times slower."""
    waiting = messages.get_messages(request)
    already = any(notice.message == text for notice in waiting)
    waiting.used = False  # looked at, not shown: they stay for the next page (Django's documented way)
    if not already:
        messages.info(request, text)
