"""Real app servers for tests: gunicorn with the production settings, on loopback.

Production settings refuse to start without their secrets; tests give them throwaway values,
a database (SQLite file, or PostgreSQL when asked), a session directory and collected static files.
"""

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from contextlib import contextmanager, nullcontext
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_env(workdir: Path, *, database_url=None, redis_url=None, **extra) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "DJANGO_SECRET_KEY": "test-only-" + "k" * 50,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DJANGO_BEHIND_TLS_PROXY": "true",
            "TRUSTED_PROXY_COUNT": "1",
            "TRUSTED_PROXY_ADDRESSES": "127.0.0.1",  # the tests' pretend proxy
            "DJANGO_STATIC_ROOT": str(workdir / "static"),
            "DJANGO_DEFAULT_FROM_EMAIL": "desk@example.com",
            "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            "DATABASE_URL": database_url or f"sqlite:///{workdir / 'db.sqlite3'}",
            "FIRM_PHONE": "(555) 555-0100",
            "SITE_URL": "https://127.0.0.1",
            "INTAKE_NOTIFY_EMAILS": "desk@example.com",
            "QUICK_EXIT_URL": "https://example.org/",
            "WEB_CONCURRENCY": "1",
        }
    )
    if redis_url:
        env["REDIS_URL"] = redis_url
    env.update({k: str(v) for k, v in extra.items()})
    return env


def manage(env: dict, *args: str) -> None:
    subprocess.run(
        [sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, check=True, capture_output=True
    )


def prepare(env: dict) -> None:
    """Migrate the database and collect static files, as a deployment does before starting servers."""
    manage(env, "migrate", "--noinput")
    manage(env, "collectstatic", "--noinput")


class AppServer:
    def __init__(
        self,
        env: dict,
        *,
        port: int | None = None,
        workers: int = 1,
        health_path: str = "/healthz",
        error_log: Path | None = None,
    ):
        """`error_log`: a file for what the server writes to its standard error (gunicorn's error log
        and Django's log); by default it is kept in a pipe, to show should the server not start."""
        self.health_path = health_path
        self.error_log = error_log
        self.port = port or free_port()
        self.env = {**env, "WEB_CONCURRENCY": str(workers), "GUNICORN_BIND": f"127.0.0.1:{self.port}"}
        self.process = None
        self.url = f"http://127.0.0.1:{self.port}"

    def start(self, timeout=30):
        # Given a file, the server writes to a copy of its own of it.
        errors = open(self.error_log, "ab") if self.error_log else nullcontext(subprocess.PIPE)  # noqa: SIM115
        with errors as stderr:
            self.process = subprocess.Popen(
                [str(VENV_BIN / "gunicorn"), "-c", "config/gunicorn.py", "config.wsgi:application"],
                cwd=BASE_DIR,
                env=self.env,
                stdout=subprocess.DEVNULL,
                stderr=stderr,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("gunicorn exited: " + self.errors()[-3000:])
            try:
                request = urllib.request.Request(
                    self.url + self.health_path, headers={"X-Forwarded-Proto": "https"}
                )
                with urllib.request.urlopen(request, timeout=2) as response:  # noqa: S310 - loopback only
                    if response.status == 200:
                        return self
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("gunicorn did not become healthy")

    def errors(self) -> str:
        """What the server wrote to its standard error (all of it once it has stopped)."""
        if self.error_log is not None:
            return Path(self.error_log).read_bytes().decode("utf-8", "replace")
        return self.process.stderr.read().decode("utf-8", "replace")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        if self.process and self.process.stderr:
            self.process.stderr.close()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


@contextmanager
def hung_mail_server():
    """A port that accepts connections and never says a word (an SMTP server that hangs). Yields the
    port and the list of connections it accepted."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    accepted = []

    def accept():
        while True:
            try:
                accepted.append(listener.accept()[0])
            except OSError:
                return

    threading.Thread(target=accept, daemon=True).start()
    try:
        yield listener.getsockname()[1], accepted
    finally:
        listener.shutdown(socket.SHUT_RDWR)  # wakes the accept() waiting in its thread
        listener.close()
        for connection in accepted:
            connection.close()
