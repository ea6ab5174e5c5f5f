"""The Content-Security-Policy header, built once per process, is exactly django-csp's, and a view
that changes the policy still gets django-csp's own handling."""

import pytest
from csp.constants import NONCE, SELF
from csp.decorators import csp_exempt, csp_update
from csp.middleware import CSPMiddleware as LibraryCSPMiddleware
from django.http import HttpResponse
from django.test import RequestFactory

from intake.security import CSPMiddleware


def through(middleware_class, view, request=None):
    request = request or RequestFactory().get("/")
    middleware = middleware_class(view)
    return middleware(request)


def plain(request):
    return HttpResponse("ok")


def test_the_header_is_the_same_as_django_csp_builds():
    ours = through(CSPMiddleware, plain)["Content-Security-Policy"]
    assert ours == through(LibraryCSPMiddleware, plain)["Content-Security-Policy"]
    assert "default-src 'none'" in ours


def test_a_view_that_changes_the_policy_goes_through_django_csp():
    updated = csp_update({"img-src": [SELF, "data:"]})(plain)
    assert "img-src 'self' data:" in through(CSPMiddleware, updated)["Content-Security-Policy"]
    assert "Content-Security-Policy" not in through(CSPMiddleware, csp_exempt()(plain))


def test_a_page_that_uses_a_nonce_gets_it_in_the_header(settings):
    # Nothing here uses nonces; a policy that asks for them must still get django-csp's handling.
    policy = settings.CONTENT_SECURITY_POLICY
    directives = {**policy["DIRECTIVES"], "script-src": [SELF, NONCE]}
    settings.CONTENT_SECURITY_POLICY = {**policy, "DIRECTIVES": directives}

    def with_nonce(request):
        return HttpResponse(str(request.csp_nonce))

    response = through(CSPMiddleware, with_nonce)
    assert f"'nonce-{response.content.decode()}'" in response["Content-Security-Policy"]


def test_a_nonce_asked_for_after_the_header_is_written_is_refused():
    request = RequestFactory().get("/")
    through(CSPMiddleware, plain, request)
    with pytest.raises(Exception, match="not available after the CSP header"):
        str(request.csp_nonce)
