"""The Docker files parse and say what the deployment relies on (Docker itself cannot run here)."""

from __future__ import annotations

import fnmatch
import json
import re
import shlex
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from bot.cli import COMMANDS

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy"


def instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) of deploy/Dockerfile, continuation lines joined."""
    text = re.sub(r"\\\n", " ", (DEPLOY / "Dockerfile").read_text(encoding="utf-8"))
    found = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            name, _, rest = line.partition(" ")
            found.append((name.upper(), rest.strip()))
    return found


def first(name: str, steps: list[tuple[str, str]], containing: str = "") -> int:
    return next(i for i, (step, args) in enumerate(steps) if step == name and containing in args)


def test_dockerfile_has_a_cached_dependency_layer_a_non_root_user_and_the_bot_as_command() -> None:
    steps = instructions()
    assert re.fullmatch(r"python:3\.11-slim(-\w+)?", steps[0][1]), steps[0]
    # pyproject.toml alone, then the dependencies, then the code: code changes keep the pip layer.
    assert first("COPY", steps, "pyproject.toml") < first("RUN", steps, "pip install") < first("COPY", steps, "bot/")
    assert "requirements.lock" in steps[first("COPY", steps, "pyproject.toml")][1]
    assert "--constraint requirements.lock" in steps[first("RUN", steps, "pip install")][1]  # the tested versions
    user = [args for step, args in steps if step == "USER"]
    assert user and user[-1] not in ("root", "0")
    assert ("VOLUME", '["/data"]') in steps
    env = " ".join(args for step, args in steps if step == "ENV")
    assert "BOT_DB_PATH=/data/fedbot.sqlite3" in env
    (healthcheck,) = [args for step, args in steps if step == "HEALTHCHECK"]
    assert json.loads(healthcheck.split("CMD", 1)[1]) == ["python", "-m", "bot", "health"]
    cmd = [args for step, args in steps if step == "CMD"][-1]
    assert json.loads(cmd) == ["python", "-m", "bot", "run"]  # exec form: SIGTERM reaches python


@pytest.mark.parametrize("command", ["health", "run"])
def test_the_commands_the_image_runs_exist(command: str) -> None:
    if command == "run" and "run" not in COMMANDS:
        pytest.skip("the runtime's run command is not registered yet")
    assert command in COMMANDS


def test_the_dependency_step_installs_exactly_the_projects_dependencies(tmp_path: Path) -> None:
    run = next(args for step, args in instructions() if step == "RUN" and "tomllib" in args)
    command = run.split(">", 1)[0].strip()  # the python -c … that lists the requirements
    (tmp_path / "pyproject.toml").write_bytes((ROOT / "pyproject.toml").read_bytes())
    argv = shlex.split(command)
    listed = subprocess.run([sys.executable, *argv[1:]], cwd=tmp_path, capture_output=True, text=True, check=True)
    wanted = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    assert listed.stdout.split("\n")[:-1] == wanted


def ignored(path: str, patterns: list[str]) -> bool:
    """.dockerignore semantics, enough for these patterns: later lines win, `!` re-includes."""
    result = False
    for pattern in patterns:
        negate = pattern.startswith("!")
        pattern = pattern.lstrip("!").removeprefix("**/")
        parts = path.split("/")
        hit = any(
            fnmatch.fnmatch("/".join(parts[: i + 1]), pattern) or fnmatch.fnmatch(parts[i], pattern)
            for i in range(len(parts))
        )
        if hit:
            result = not negate
    return result


def test_dockerignore_keeps_secrets_and_local_state_out_of_the_image() -> None:
    lines = (ROOT / ".dockerignore").read_text().splitlines()
    patterns = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    for path in (
        ".env",
        ".venv/bin/python",
        ".git/config",
        "data/fedbot.sqlite3",
        "data/fedbot.sqlite3-wal",
        "x.sqlite3",
        "bot/__pycache__/cli.cpython-311.pyc",
    ):
        assert ignored(path, patterns), path
    for path in (
        "pyproject.toml",
        "requirements.lock",
        "bot/cli.py",
        "bot/commands/health.py",
        "knowledge/sources/a.txt",
        "knowledge/vocabulary.yaml",
    ):
        assert not ignored(path, patterns), path


def test_compose_has_the_volume_the_env_file_and_a_restart_policy() -> None:
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text(encoding="utf-8"))
    (service,) = compose["services"].values()
    assert (DEPLOY / service["build"]["context"] / service["build"]["dockerfile"]).resolve() == DEPLOY / "Dockerfile"
    env_files = service["env_file"]
    assert [(DEPLOY / f).resolve() for f in env_files] == [ROOT / ".env"]
    assert service["restart"] in ("unless-stopped", "always", "on-failure")
    volumes = {volume.split(":")[1]: volume.split(":")[0] for volume in service["volumes"]}
    assert volumes["/data"] in compose["volumes"]  # a named volume, not the image's layer
    assert service["environment"]["BOT_DB_PATH"] == "/data/fedbot.sqlite3"
