"""gunicorn's access log (config/gunicorn.py, config/access_log.py): method, path, status, size and
time, and nothing that identifies a visitor or what they typed."""

import re
from urllib.parse import quote, unquote_to_bytes

from tests.http import Session
from tests.journeys import journey, step_data
from tests.servers import AppServer, prepare, production_env

LINE = re.compile(r'^"(GET|POST) (/[^ "?]*)" (\d{3}) (\d+|-) (\d+)ms$')


def test_the_access_log_keeps_method_path_status_size_and_time_only(tmp_path):
    log = tmp_path / "access.log"
    env = production_env(tmp_path, GUNICORN_ACCESS_LOG=str(log))
    prepare(env)
    with AppServer(env) as server:
        session = Session(server.url)
        session.get("/questions/?name=Sam+Doe&phone=2135550143", headers={"Referer": "https://example.org/x"})
        session.get("/questions/role/")
        session.post("/questions/role/", step_data("role", journey()))
    lines = [line for line in log.read_text().splitlines() if "/healthz" not in line]
    assert len(lines) == 3, lines
    parsed = [LINE.match(line) for line in lines]
    assert all(parsed), lines
    assert [(m[1], m[2], m[3]) for m in parsed] == [
        ("GET", "/questions/", "302"),
        ("GET", "/questions/role/", "200"),
        ("POST", "/questions/role/", "302"),
    ]
    text = log.read_text()
    for private in ("Sam", "2135550143", "example.org", "127.0.0.1", "tests", "restrained"):
        assert private not in text


# A line an attacker would like a log reader to believe, and what may come before it in a request's
# path to end the line it is in (for some reader: Python's str.splitlines(), a terminal, an editor)
# or the quoted request: each is sent percent-encoded, as a client can, and arrives decoded.
FORGED = '"GET /forged/" 200 0 1ms'
BREAKERS = {
    "line feed": "%0a",
    "carriage return": "%0d",
    "NUL": "%00",
    "terminal escape, erase line": "%1b[2K%0d",
    "file separator": "%1c",
    "next line (C1)": "%c2%85",
    "line separator": "%e2%80%a8",
    "double quote": "%22%20",
    "backslash, then an escape's text": "%5cx0a",
}
ESCAPED_LINE = re.compile(r'^"(GET|POST) ((?:[ !#-\[\]-~]|\\x[0-9A-F]{2})*)" (\d{3}) (\d+|-) (\d+)ms$')


def unescaped(path: str) -> bytes:
    return re.sub(r"\\x([0-9A-F]{2})", lambda m: chr(int(m[1], 16)), path).encode("latin-1")


def forged_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith(FORGED[:14])]


def test_no_request_writes_a_log_line_of_its_own(tmp_path):
    """The access log escapes what the client sent, as nginx does: a double quote, a backslash and
    every byte that is not printable ASCII become \\xHH. Django's log escapes what it quotes of a
    request (a failed sign-in's user name, a path) too: one request, one line, in either log."""
    log, errors = tmp_path / "access.log", tmp_path / "errors.log"
    env = production_env(tmp_path, GUNICORN_ACCESS_LOG=str(log))
    prepare(env)
    targets = [
        f"{base}x{code}{quote(FORGED)}" for code in BREAKERS.values() for base in ("/questions/", "/no/")
    ]
    with AppServer(env, error_log=errors) as server:
        session = Session(server.url)
        for target in targets:
            assert session.get(target).status == 404, target
        session.get("/admin/login/")
        signing_in = session.post("/admin/login/", {"username": f"x\n{FORGED}", "password": "wrong"})
        assert signing_in.status == 200
    access, error_log = log.read_text(errors="replace"), errors.read_text(errors="replace")
    print(f"forged lines: access log {len(forged_lines(access))}, error log {len(forged_lines(error_log))}")
    assert forged_lines(access) == [] and forged_lines(error_log) == []
    lines = [line for line in access.splitlines() if "/healthz" not in line]
    assert len(lines) == len(targets) + 2, lines
    parsed = [ESCAPED_LINE.match(line) for line in lines]
    assert all(parsed), [line for line, match in zip(lines, parsed, strict=True) if not match]
    assert [unescaped(match[2]) for match in parsed[: len(targets)]] == [unquote_to_bytes(t) for t in targets]
    assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]", access + error_log)
