"""Pages around the questions: the start page and quick exit."""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.views.decorators.cache import never_cache


def start(request):
    return render(request, "start.html")


@never_cache
def quick_exit(request):
    """Forget everything about this visitor, then leave for a neutral site."""
    request.session.flush()
    response = HttpResponseRedirect(settings.QUICK_EXIT_URL)
    response.delete_cookie(settings.LANGUAGE_COOKIE_NAME)
    return response
