"""The Dockerfile's own commands, run outside Docker (this machine has no Docker engine).

Each RUN of the build stage runs as written, with the image's paths (/venv, /app) mapped into a
temporary directory and the image's ENV applied. Creating the system user needs root inside an
image and is skipped. Then the image's CMD starts the app (on a free port instead of 8000, with the
production environment a deployment provides) and the image's HEALTHCHECK command must pass.
"""

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import time
from fnmatch import fnmatch
from pathlib import Path

import pytest

from tests.servers import BASE_DIR, free_port, production_env

pytestmark = pytest.mark.once


def instructions(dockerfile: Path):
    """(instruction, arguments) pairs, continuation lines joined, comments dropped."""
    text = re.sub(r"\\\n\s*", " ", dockerfile.read_text())
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            word, _, rest = line.partition(" ")
            yield word.upper(), rest.strip()


def dockerignored(path: str, patterns: list[str]) -> bool:
    return any(
        fnmatch(path, p) or fnmatch(path, p + "/*") or path.startswith(p.rstrip("/") + "/") for p in patterns
    )


def copy_context(target: Path):
    patterns = [p.strip() for p in (BASE_DIR / ".dockerignore").read_text().splitlines() if p.strip()]
    files = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    for name in files:
        if not dockerignored(name, patterns) and (BASE_DIR / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(BASE_DIR / name, target / name)


def test_the_dockerfile_commands_build_and_run_the_app(tmp_path):
    root = tmp_path / "image"
    paths = {"/venv": str(root / "venv"), "/app": str(root / "app")}
    shims = tmp_path / "shims"
    shims.mkdir()
    (shims / "python").symlink_to(sys.executable)  # the image's `python` is this Python version

    def mapped(text):
        for image_path, local in paths.items():
            text = re.sub(rf"(?<![\w/]){re.escape(image_path)}(?=[/\s:\"']|$)", local, text)
        return text

    env = {"PATH": f"{shims}:{os.environ['PATH']}", "HOME": str(tmp_path)}
    workdir, stage, ran, skipped = root, 0, [], []
    cmd = healthcheck = None
    for word, args in instructions(BASE_DIR / "Dockerfile"):
        if word == "FROM":
            stage += 1
            env = {"PATH": f"{shims}:{os.environ['PATH']}", "HOME": str(tmp_path)}
        elif word == "ENV":
            for pair in shlex.split(args):
                key, _, value = pair.partition("=")
                env[key] = mapped(value.replace("$PATH", env["PATH"]))
        elif word == "WORKDIR":
            workdir = Path(mapped(args))
            workdir.mkdir(parents=True, exist_ok=True)
        elif word == "COPY" and "--from=" not in args:
            source, _ = args.split()
            if source == ".":
                copy_context(workdir)
            else:
                (workdir / source).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(BASE_DIR / source, workdir / source)
        elif word == "RUN":
            if "useradd" in args or "groupadd" in args:
                skipped.append(args)
                continue
            run_env = {k: v for k, v in env.items() if k != "PIP_NO_CACHE_DIR"}  # reuse pip's cache here
            result = subprocess.run(
                ["bash", "-c", mapped(args)], cwd=workdir, env=run_env, capture_output=True, text=True
            )
            assert result.returncode == 0, f"RUN {args}\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}"
            ran.append(args)
        elif word == "CMD":
            cmd = json.loads(args)
        elif word == "HEALTHCHECK":
            healthcheck = json.loads(args.split(" CMD ", 1)[1])
    assert stage == 2 and len(ran) == 2 and len(skipped) == 1 and cmd and healthcheck

    app = Path(paths["/app"])
    assert (app / "staticfiles" / "staticfiles.json").exists()  # collected and fingerprinted at build
    assert list((app / "staticfiles" / "css").glob("site.*.css.gz"))  # and compressed
    port = free_port()
    runtime = {
        **production_env(tmp_path),
        **env,
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "DJANGO_STATIC_ROOT": str(app / "staticfiles"),
    }
    manage_env = {**runtime, "PATH": env["PATH"]}
    subprocess.run(
        [str(Path(paths["/venv"]) / "bin" / "python"), "manage.py", "migrate", "--noinput"],
        cwd=app,
        env=manage_env,
        check=True,
        capture_output=True,
    )
    server = subprocess.Popen(cmd, cwd=app, env=runtime, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        check = [
            healthcheck[0],
            healthcheck[1],
            healthcheck[2].replace("127.0.0.1:8000", f"127.0.0.1:{port}"),
        ]
        for _ in range(60):
            if subprocess.run(check, cwd=app, env=runtime, capture_output=True).returncode == 0:
                break
            assert server.poll() is None, server.stderr.read().decode()[-2000:]
            time.sleep(0.5)
        else:
            pytest.fail("the image's HEALTHCHECK never passed")
    finally:
        server.terminate()
        server.wait(timeout=10)
        server.stderr.close()
