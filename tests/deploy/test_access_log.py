"""gunicorn's access log (config/gunicorn.py, config/access_log.py): method, path, status, size and
time, and nothing that identifies a visitor or what they typed."""

import re

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
