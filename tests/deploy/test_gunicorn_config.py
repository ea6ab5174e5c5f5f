"""gunicorn's settings file (config/gunicorn.py), read as gunicorn reads it."""

import os
import runpy
from pathlib import Path

CONFIG = str(Path(__file__).resolve().parents[2] / "config" / "gunicorn.py")


def test_the_worker_heartbeat_lives_in_memory_unless_told_otherwise(monkeypatch, tmp_path):
    monkeypatch.delenv("GUNICORN_WORKER_TMP_DIR", raising=False)
    expected = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108 - only compared
    assert runpy.run_path(CONFIG)["worker_tmp_dir"] == expected
    monkeypatch.setenv("GUNICORN_WORKER_TMP_DIR", str(tmp_path))
    assert runpy.run_path(CONFIG)["worker_tmp_dir"] == str(tmp_path)


def test_request_heads_are_bounded():
    """gunicorn bounds a request's head (a body is bounded by Django and the proxy: see
    tests/deploy/test_request_bodies.py)."""
    config = runpy.run_path(CONFIG)
    assert 0 < config["limit_request_line"] <= 4094
    assert 0 < config["limit_request_fields"] <= 100
    assert 0 < config["limit_request_field_size"] <= 8190
