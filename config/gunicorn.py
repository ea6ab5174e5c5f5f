"""gunicorn settings, read from the environment: `gunicorn -c config/gunicorn.py config.wsgi:application`."""

import gc
import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
# Recycle workers now and then, so that a slow leak never grows for long.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = max_requests // 10  # 0 turns recycling off
# Each worker's heartbeat is a file touched on every request; in memory it never waits on a disk (in
# a container, /tmp is the image's overlay filesystem).
SHARED_MEMORY = "/dev/shm"  # noqa: S108 - gunicorn makes its file with mkstemp and unlinks it at once
worker_tmp_dir = os.environ.get("GUNICORN_WORKER_TMP_DIR") or (
    SHARED_MEMORY if os.path.isdir(SHARED_MEMORY) else None
)
# The access log keeps method, path, status, size and time: no client address, no query string,
# no referrer, no user agent (none of which the firm needs, and all of which can identify a visitor).
# The line is written by config.access_log.AccessLogger: "METHOD /path" status bytes time, with
# what the client sent escaped as nginx escapes it (one request, one line).
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
logger_class = "config.access_log.AccessLogger"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# A request's head is bounded here: its request line (path and query string), how many header lines it
# has and how long each may be (gunicorn's own defaults, stated so that they stay). gunicorn has no
# limit on a body: Django refuses one over DATA_UPLOAD_MAX_MEMORY_SIZE (256 KB) from its Content-Length
# before reading it, and one of no stated length (web.request_bodies), and the TLS proxy in front
# refuses bodies over 256 KB itself (README, "Deploying").
limit_request_line = 4094
limit_request_fields = 100
limit_request_field_size = 8190
# Whether a request came over HTTPS is Django's decision alone (DJANGO_BEHIND_TLS_PROXY), so gunicorn
# must not turn X-Forwarded-Proto into an HTTPS scheme by itself.
secure_scheme_headers = {}


def post_worker_init(worker):
    """Django, the app and its modules are loaded and live as long as the worker: freezing them keeps
    them out of every later garbage collection, which would otherwise walk them all again. Garbage
    left from loading is collected first, so that none of it is frozen."""
    gc.collect()
    gc.freeze()
