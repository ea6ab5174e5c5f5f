"""The session engine the settings chose (BENCH_SESSION_ENGINE), timed: each store adds up the CPU
its loads, saves and deletes take, database queries included, for bench.queries to report.
Benchmark settings only."""

import contextvars
import time
from importlib import import_module

from django.conf import settings

Base = import_module(settings.BENCH_SESSION_ENGINE).SessionStore

# Whether the current code runs inside a session operation (bench.queries then counts a database
# query as the session's, not as the page's).
in_session = contextvars.ContextVar("in_session", default=False)


def _timed(method):
    def timed(self, *args, **kwargs):
        if in_session.get():  # a call made by another of these (save() calling create(), say)
            return method(self, *args, **kwargs)
        token = in_session.set(True)
        started = time.thread_time_ns()
        try:
            return method(self, *args, **kwargs)
        finally:
            self.bench_cpu_ns = getattr(self, "bench_cpu_ns", 0) + time.thread_time_ns() - started
            in_session.reset(token)

    return timed


class SessionStore(Base):
    load = _timed(Base.load)
    save = _timed(Base.save)
    delete = _timed(Base.delete)
    exists = _timed(Base.exists)
