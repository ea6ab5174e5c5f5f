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
