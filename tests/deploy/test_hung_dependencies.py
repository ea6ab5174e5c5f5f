"""A dependency that stops answering holds no visitor's request: a mail server that accepts and never
replies, and a Redis that is stopped (SIGSTOP: its port still takes connections, nothing answers).

Against gunicorn with the production settings. The Redis here is one of the test's own, on a free
port: the machine's shared Redis is never stopped.
"""

import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time

import pytest

from tests.deploy.conftest import _missing
from tests.http import Session, walk
from tests.journeys import VALID, journey, step_data
from tests.servers import BASE_DIR, AppServer, free_port, hung_mail_server, prepare, production_env

# What a visitor may wait on a dependency that does not answer ("about a second"), with some room
# for this shared machine's own slowness.
LONGEST_WAIT = 1.5


@pytest.fixture
def own_redis(tmp_path):
    """A Redis server of this test's own, on a free port, without persistence. Yields its process."""
    binary = shutil.which("redis-server")
    if binary is None:
        _missing("redis-server")
    port = free_port()
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    process.url = f"redis://127.0.0.1:{port}/0"
    deadline = time.monotonic() + 10
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as probe:
                probe.sendall(b"PING\r\n")
                if probe.recv(16).startswith(b"+PONG"):
                    break
        except OSError:
            pass
        if time.monotonic() > deadline or process.poll() is not None:
            process.kill()
            pytest.fail("the test's own redis-server did not start")
        time.sleep(0.05)
    yield process
    process.send_signal(signal.SIGCONT)
    process.terminate()
    process.wait(timeout=10)


def timed(request, *args):
    """`request(*args)`, and how many seconds it took."""
    started = time.monotonic()
    response = request(*args)
    return response, time.monotonic() - started


def test_a_stopped_redis_holds_no_question_step_more_than_about_a_second(tmp_path, own_redis):
    env = production_env(tmp_path, redis_url=own_redis.url)
    prepare(env)
    with AppServer(env) as server:
        session = Session(server.url)
        answers = journey()
        session.get("/questions/")
        session.get("/questions/role/")
        assert session.post("/questions/role/", step_data("role", answers)).status == 302
        own_redis.send_signal(signal.SIGSTOP)  # still accepts connections; answers nothing
        try:
            timings = {}
            location = "/questions/order/"
            while location != "/questions/check/":
                step = location.strip("/").split("/")[-1]
                page, timings[f"GET {step}"] = timed(session.get, location)
                assert page.status == 200, (step, page.status)
                sent, timings[f"POST {step}"] = timed(session.post, location, step_data(step, answers))
                assert sent.status == 302, (step, sent.status)
                location = sent.location
            finished, timings["POST check"] = timed(session.post, location, {})
            assert finished.status == 302 and finished.location == "/guidance/"
            guidance, timings["GET guidance"] = timed(session.get, "/guidance/")
            assert guidance.status == 200
            sent, timings["POST guidance"] = timed(session.post, "/guidance/", VALID)
            assert sent.location == "/guidance/request-sent/"
        finally:
            own_redis.send_signal(signal.SIGCONT)
    print("with Redis stopped, seconds per request:", {k: round(v, 2) for k, v in timings.items()})
    assert max(timings.values()) < LONGEST_WAIT, timings


def _sent_at(database: str) -> list:
    with sqlite3.connect(database) as db:
        return [row[0] for row in db.execute("SELECT sent_at FROM intake_notification")]


def test_a_hung_mail_server_holds_no_request_and_the_sender_process_sends_later(tmp_path):
    database = tmp_path / "db.sqlite3"
    with hung_mail_server() as (port, accepted):
        env = production_env(
            tmp_path,
            DJANGO_EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            DJANGO_EMAIL_HOST="127.0.0.1",
            DJANGO_EMAIL_PORT=port,
        )
        prepare(env)
        with AppServer(env) as server:
            session = Session(server.url)
            walk(session, journey())
            sent, seconds = timed(session.post, "/guidance/", VALID)
            assert sent.status == 302 and sent.location == "/guidance/request-sent/"
        print(f"consultation request with the mail server hung: {seconds:.2f} s")
        assert seconds < LONGEST_WAIT
        assert accepted == []  # the request never even connected to it
        assert _sent_at(database) == [None]  # queued for the sender

    # The sender, a process of its own, as production runs it beside the app servers.
    env["DJANGO_EMAIL_BACKEND"] = "django.core.mail.backends.locmem.EmailBackend"
    sender = subprocess.Popen(
        [sys.executable, "manage.py", "send_notifications", "--loop", "--interval", "0.2"],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 20
        while _sent_at(database) == [None]:
            assert sender.poll() is None, sender.stdout.read().decode()
            assert time.monotonic() < deadline, "the sender did not send the queued email"
            time.sleep(0.1)
        sender.send_signal(signal.SIGTERM)  # as `docker stop` does: it stops between rounds
        assert sender.wait(timeout=5) == 0
    finally:
        if sender.poll() is None:
            sender.kill()
            sender.wait()
    assert os.path.exists(database) and _sent_at(database) != [None]
