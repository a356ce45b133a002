"""deploy/fedbot.service: the settings the README promises, and `systemd-analyze verify` when available."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

UNIT = Path(__file__).resolve().parents[1] / "deploy" / "fedbot.service"


class _MultiDict(dict):  # type: ignore[type-arg]
    """systemd allows a key several times; keep every value, as systemd does."""

    def __setitem__(self, key: str, value: object) -> None:
        if key in self and isinstance(value, list):
            super().__getitem__(key).extend(value)
        else:
            super().__setitem__(key, value)


def read_unit() -> dict[str, dict[str, list[str]]]:
    parser = configparser.RawConfigParser(
        strict=False, dict_type=_MultiDict, empty_lines_in_values=False, interpolation=None
    )
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # systemd keys are case-sensitive
    parser.read_string(UNIT.read_text(encoding="utf-8"))
    return {
        section: {key: value.splitlines() if value else [""] for key, value in parser.items(section)}
        for section in parser.sections()
    }


def test_the_unit_runs_the_bot_as_a_dedicated_user_with_restart_and_hardening() -> None:
    unit = read_unit()
    service = unit["Service"]
    assert service["User"] == ["fedbot"] and service["Group"] == ["fedbot"]
    assert service["ExecStart"] == ["/opt/fedbot/.venv/bin/python -m bot run"]
    assert service["Restart"] == ["on-failure"]
    assert service["EnvironmentFile"] == ["/etc/fedbot/fedbot.env"]
    assert service["StateDirectory"] == ["fedbot"]
    assert "BOT_DB_PATH=/var/lib/fedbot/fedbot.sqlite3" in service["Environment"]
    for key, value in {
        "ProtectSystem": "strict",
        "NoNewPrivileges": "yes",
        "ProtectHome": "yes",
        "PrivateTmp": "yes",
        "CapabilityBoundingSet": "",
    }.items():
        assert service[key] == [value], key
    assert unit["Install"]["WantedBy"] == ["multi-user.target"]
    assert "network-online.target" in unit["Unit"]["After"][0]


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed")
def test_systemd_analyze_verify_accepts_the_unit(tmp_path: Path) -> None:
    # verify insists that ExecStart's program exists: point it at this interpreter.
    text = UNIT.read_text(encoding="utf-8").replace("/opt/fedbot/.venv/bin/python", str(Path(sys.executable).resolve()))
    (tmp_path / "fedbot.service").write_text(text, encoding="utf-8")
    result = subprocess.run(
        ["systemd-analyze", "verify", str(tmp_path / "fedbot.service")], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "fedbot.service" not in result.stderr, result.stderr  # no warning about our unit
