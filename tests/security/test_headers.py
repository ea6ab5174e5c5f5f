"""Security headers of the production configuration, served by gunicorn as in production."""

import subprocess
import sys

import pytest

from tests.http import Session, walk
from tests.journeys import journey, step_data
from tests.security import observatory
from tests.servers import BASE_DIR, AppServer, prepare, production_env

PAGES = ["start", "question", "guidance", "admin login"]
SHOWN = [
    "Content-Security-Policy",
    "Strict-Transport-Security",
    "Referrer-Policy",
    "Permissions-Policy",
    "X-Frame-Options",
    "X-Content-Type-Options",
    "Cross-Origin-Opener-Policy",
    "Cache-Control",
    "Set-Cookie",
]


@pytest.fixture(scope="module")
def production(tmp_path_factory):
    env = production_env(tmp_path_factory.mktemp("production"))
    prepare(env)
    with AppServer(env) as server:
        yield server


@pytest.fixture(scope="module")
def responses(production):
    session = Session(production.url)
    pages = {"start": session.get("/")}
    session.get("/questions/")
    pages["question"] = session.get("/questions/role/")
    # The session cookie comes with the first answer (a first look at a question stores nothing).
    pages["first answer"] = session.post("/questions/role/", step_data("role", journey()))
    walk(session, journey())
    pages["guidance"] = session.get("/guidance/")
    pages["admin login"] = Session(production.url).get("/admin/login/")
    print("\nResponse headers (production settings, gunicorn, behind a TLS proxy):")
    for name in PAGES:
        print(f"\n  {name}: {pages[name].status}")
        for header in SHOWN:
            for value in pages[name].headers.get_all(header) or []:
                print(f"    {header}: {value}")
    return pages


@pytest.mark.parametrize("page", PAGES)
def test_every_page_scores_a_plus_on_the_observatory_criteria(production, responses, page):
    response = responses[page]
    assert response.status == 200
    plain_http = Session(production.url, https=False).get("/")
    set_cookies = [
        *(responses["question"].headers.get_all("Set-Cookie") or []),
        *(responses["first answer"].headers.get_all("Set-Cookie") or []),
    ]
    total, grade, results = observatory.score(
        response.headers, set_cookies, (plain_http.status, plain_http.location)
    )
    print(f"\n  {page}: Observatory score {total} ({grade}): {results}")
    assert grade == "A+", results
    assert all(modifier >= 0 for _, modifier in results.values()), results


def test_headers_in_detail(responses):
    for name in PAGES:
        headers = responses[name].headers
        csp = headers["Content-Security-Policy"]
        assert "default-src 'none'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert "frame-ancestors 'none'" in csp
        assert int(headers["Strict-Transport-Security"].split("max-age=")[1].split(";")[0]) >= 31536000
        assert headers["Referrer-Policy"] == "no-referrer"
        assert (
            "camera=()" in headers["Permissions-Policy"] and "geolocation=()" in headers["Permissions-Policy"]
        )
        assert headers["X-Frame-Options"] == "DENY"
        assert headers["X-Content-Type-Options"] == "nosniff"
    for page in ("question", "guidance"):
        assert "no-store" in responses[page].headers["Cache-Control"]


def test_cookies_are_host_only_secure_httponly_samesite_and_end_with_the_browser(responses):
    cookies = [
        *responses["question"].headers.get_all("Set-Cookie"),
        *responses["first answer"].headers.get_all("Set-Cookie"),
    ]
    names = {c.split("=")[0] for c in cookies}
    assert {"__Host-session", "__Host-csrftoken"} <= names
    for cookie in cookies:
        lowered = cookie.lower()
        assert (
            "secure" in lowered
            and "httponly" in lowered
            and "samesite=lax" in lowered
            and "path=/" in lowered
        )
        assert "domain=" not in lowered
        # No expiry: nothing of this site stays on a shared device once the browser is closed.
        assert "max-age" not in lowered and "expires" not in lowered, cookie


def test_plain_http_redirects_to_https(production):
    response = Session(production.url, https=False).get("/questions/")
    assert response.status == 301 and response.location.startswith("https://")


def test_the_proxy_https_header_is_trusted_only_when_configured(tmp_path, production):
    env = production_env(tmp_path, DJANGO_BEHIND_TLS_PROXY="false")
    prepare(env)
    with AppServer(env) as untrusting:
        # X-Forwarded-Proto is ignored: the request still counts as plain HTTP and is sent to HTTPS.
        response = Session(untrusting.url).get("/questions/")
        assert response.status == 301 and response.location.startswith("https://")
    assert Session(production.url).get("/questions/").status == 302  # trusted: on to the first question


def test_production_settings_pass_the_deployment_check(tmp_path):
    env = production_env(tmp_path)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
