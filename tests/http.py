"""A small HTTP client for tests against real app servers (gunicorn), as a browser behind a TLS proxy.

It keeps cookies by name (ignoring the Secure flag, since the proxy would carry them over HTTPS),
sends X-Forwarded-Proto: https and an Origin header, and reads CSRF tokens from forms.
"""

import http.client
import re
from dataclasses import dataclass
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")

    def header(self, name):
        return self.headers.get(name)

    @property
    def location(self):
        return self.headers.get("Location", "")


class Session:
    def __init__(self, base_url: str, *, https=True, timeout=30):
        self.bases = [base_url] if isinstance(base_url, str) else list(base_url)
        self.turn = 0
        self.https = https
        self.timeout = timeout
        self.cookies: dict[str, str] = {}
        self.last_csrf = None

    @property
    def base(self):
        return self.bases[self.turn % len(self.bases)]

    def request(self, method, path, data=None, headers=None, base=None):
        base = base or self.base
        parts = urlsplit(base)
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=self.timeout)
        sent = {"Host": parts.netloc, "User-Agent": "tests"}
        if self.https:
            sent["X-Forwarded-Proto"] = "https"
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urlencode(data, doseq=True)
            sent["Content-Type"] = "application/x-www-form-urlencoded"
            sent["Origin"] = f"{'https' if self.https else 'http'}://{parts.netloc}"
        sent.update(headers or {})
        connection.request(method, path, body=body, headers=sent)
        raw = connection.getresponse()
        response = Response(raw.status, raw.headers, raw.read())
        connection.close()
        for header in raw.headers.get_all("Set-Cookie") or []:
            cookie = SimpleCookie()
            cookie.load(header)
            for name, morsel in cookie.items():
                if morsel["max-age"] == "0" or morsel.value == "":
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        if (match := CSRF_INPUT.search(response.text)) is not None:
            self.last_csrf = match.group(1)
        return response

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)

    def post(self, path, data, **kwargs):
        return self.request("POST", path, data={"csrfmiddlewaretoken": self.last_csrf, **data}, **kwargs)

    def next_server(self):
        """Send the following requests to the next app server (for tests across several servers)."""
        self.turn += 1


def walk(session: "Session", answers: dict, *, finish=True, alternate=False) -> Response:
    """Answer the questions over HTTP as a browser would.

    With `alternate`, the session switches app server after every request.
    """
    from tests.journeys import step_data

    def hop():
        if alternate:
            session.next_server()

    response = session.get("/questions/")
    hop()
    location = response.location
    while location != "/questions/check/":
        step = location.strip("/").split("/")[-1]
        page = session.get(location)
        assert page.status == 200, (step, page.status)
        hop()
        response = session.post(location, step_data(step, answers))
        assert response.status == 302, (step, response.status, response.text[:500])
        hop()
        location = response.location
    assert session.get(location).status == 200
    hop()
    if not finish:
        return response
    response = session.post(location, {"questions-current_step": "check"})
    hop()
    return response
