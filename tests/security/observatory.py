"""Mozilla Observatory's header tests and scoring (v2), applied to responses we fetch ourselves.

Follows the published test names and modifiers (https://developer.mozilla.org/en-US/observatory/docs/tests_and_scoring);
the site has no internet here, so the test computes the grade locally. Score starts at 100; bonuses
count only when the score before them is at least 90. A+ is 100 or more.
"""

from http.cookies import SimpleCookie

SESSION_NAMES = ("session", "sess", "sid")


def csp_result(header: str | None) -> tuple[str, int]:
    if not header:
        return "csp-not-implemented", -25
    directives = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0].lower()] = [w.lower() for w in words[1:]]
    script = directives.get("script-src", directives.get("default-src", []))
    style = directives.get("style-src", directives.get("default-src", []))
    if "'unsafe-inline'" in script:
        return "csp-implemented-with-unsafe-inline", -20
    if "'unsafe-eval'" in script:
        return "csp-implemented-with-unsafe-eval", -10
    if any(src.startswith("http:") for values in directives.values() for src in values):
        return "csp-implemented-with-insecure-scheme", -20
    if "'unsafe-inline'" in style:
        return "csp-implemented-with-unsafe-inline-in-style-src-only", 0
    if directives.get("default-src") == ["'none'"]:
        return "csp-implemented-with-no-unsafe-default-src-none", 10
    return "csp-implemented-with-no-unsafe", 5


def cookies_result(set_cookie_headers: list[str]) -> tuple[str, int]:
    if not set_cookie_headers:
        return "cookies-not-found", 0
    all_samesite = True
    for header in set_cookie_headers:
        cookie = SimpleCookie()
        cookie.load(header)
        for name, morsel in cookie.items():
            session = any(word in name.lower() for word in SESSION_NAMES)
            if session and not morsel["secure"]:
                return "cookies-session-without-secure-flag", -40
            if session and not morsel["httponly"]:
                return "cookies-session-without-httponly-flag", -30
            if not morsel["secure"]:
                return "cookies-without-secure-flag", -20
            samesite = morsel["samesite"].lower()
            if samesite and samesite not in ("strict", "lax", "none"):
                return "cookies-samesite-flag-invalid", -20
            all_samesite = all_samesite and samesite in ("strict", "lax")
    if all_samesite:
        return "cookies-secure-with-httponly-sessions-and-samesite", 5
    return "cookies-secure-with-httponly-sessions", 0


def hsts_result(header: str | None) -> tuple[str, int]:
    if not header:
        return "hsts-not-implemented", -20
    parts = {p.strip().split("=")[0].lower(): p.strip() for p in header.split(";") if p.strip()}
    max_age = int(parts.get("max-age", "max-age=0").split("=")[1])
    if max_age < 15768000:
        return "hsts-implemented-max-age-less-than-six-months", -10
    if "preload" in parts and "includesubdomains" in parts and max_age >= 31536000:
        return "hsts-preloaded", 5
    return "hsts-implemented-max-age-at-least-six-months", 0


def referrer_result(header: str | None) -> tuple[str, int]:
    if not header:
        return "referrer-policy-not-implemented", 0
    policy = header.split(",")[-1].strip().lower()
    if policy in ("no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"):
        return "referrer-policy-private", 5
    return "referrer-policy-unsafe", -5


def frame_result(xfo: str | None, csp: str | None) -> tuple[str, int]:
    if csp and "frame-ancestors 'none'" in csp.lower() or csp and "frame-ancestors 'self'" in csp.lower():
        return "x-frame-options-implemented-via-csp", 5
    if xfo and xfo.upper() in ("DENY", "SAMEORIGIN"):
        return "x-frame-options-sameorigin-or-deny", 0
    return "x-frame-options-not-implemented", -20


def nosniff_result(header: str | None) -> tuple[str, int]:
    if header and header.lower() == "nosniff":
        return "x-content-type-options-nosniff", 0
    return "x-content-type-options-not-implemented", -5


def cors_result(header: str | None) -> tuple[str, int]:
    if header == "*":
        return "cors-implemented-with-universal-access", -50
    return "cors-not-implemented" if header is None else "cors-implemented-with-restricted-access", 0


def redirection_result(status: int, location: str | None) -> tuple[str, int]:
    if status in (301, 302, 307, 308) and (location or "").startswith("https://"):
        return "redirection-to-https", 0
    return "redirection-missing", -20


def score(headers, set_cookies: list[str], http_redirect: tuple[int, str | None]) -> tuple[int, str, dict]:
    results = {
        "content-security-policy": csp_result(headers.get("Content-Security-Policy")),
        "cookies": cookies_result(set_cookies),
        "cross-origin-resource-sharing": cors_result(headers.get("Access-Control-Allow-Origin")),
        "redirection": redirection_result(*http_redirect),
        "referrer-policy": referrer_result(headers.get("Referrer-Policy")),
        "strict-transport-security": hsts_result(headers.get("Strict-Transport-Security")),
        "subresource-integrity": ("sri-not-implemented-but-all-scripts-loaded-from-secure-origin", 0),
        "x-content-type-options": nosniff_result(headers.get("X-Content-Type-Options")),
        "x-frame-options": frame_result(
            headers.get("X-Frame-Options"), headers.get("Content-Security-Policy")
        ),
    }
    penalties = sum(m for _, m in results.values() if m < 0)
    bonuses = sum(m for _, m in results.values() if m > 0)
    total = 100 + penalties
    if total >= 90:
        total += bonuses
    grade = "A+" if total >= 100 else "A" if total >= 90 else "A-" if total >= 85 else "below A-"
    return total, grade, results
