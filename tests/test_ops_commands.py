"""`python -m bot stats` and `python -m bot health` as an operator or Docker runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli import main
from bot.knowledge.model import KnowledgeBase
from bot.knowledge.store import save_kb
from bot.state import ALL, Reason, Repository


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # no .env from the developer's checkout
    for name in ("BOT_DB_PATH", "BOT_KB_DIR"):
        monkeypatch.delenv(name, raising=False)


def make_db(path: Path) -> None:
    with Repository(path) as repository:
        repository.subscribe(1, "Haninge", "sv")
        repository.subscribe(2, "Haninge", "en")
        repository.subscribe(2, "Tyresö", "en")
        repository.subscribe(3, "alla", "sv")
        repository.watch_meeting(1, "frukostmöte-2026-09-28")
        for chat in (1, 2):
            repository.claim_reminder(chat, "frukostmöte-2026-09-28", "day_before", Reason(("Haninge",)))
            repository.mark_sent(chat, "frukostmöte-2026-09-28", "day_before", 10 + chat)
        repository.claim_reminder(3, "frukostmöte-2026-09-28", "day_before", Reason((ALL,)))
        repository.mark_failed(3, "frukostmöte-2026-09-28", "day_before", "Forbidden: bot was blocked by the user")
        repository.mark_blocked(3)


def test_stats_prints_users_subscriptions_and_reminders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "data" / "fedbot.sqlite3"
    make_db(db)
    monkeypatch.setenv("BOT_DB_PATH", str(db))
    assert main(["stats"]) == 0
    out = capsys.readouterr().out
    assert "Users: 3 (1 blocked the bot)" in out
    assert "Active subscriptions: 3" in out and "  Haninge: 2" in out and "  Tyresö: 1" in out
    assert "Reminders sent: 2 (failed: 1" in out

    assert main(["stats", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["users"] == 3 and figures["reminders_sent"] == 2 and figures["subscribers"] == 3


def test_stats_without_a_database_says_so_and_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["stats", "--db", str(tmp_path / "none.sqlite3")]) == 2  # bad input: not restarted
    assert "no database" in capsys.readouterr().err
    assert not (tmp_path / "none.sqlite3").exists()


def test_health_passes_when_the_database_opens_and_the_knowledge_loads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_db(tmp_path / "fedbot.sqlite3")
    save_kb(KnowledgeBase(), tmp_path / "kb")
    assert main(["health", "--db", str(tmp_path / "fedbot.sqlite3"), "--kb", str(tmp_path / "kb")]) == 0
    assert capsys.readouterr().out.count("ok:") == 3  # database, lock file, knowledge base


def test_health_fails_on_a_missing_database_or_a_broken_knowledge_base(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    save_kb(KnowledgeBase(), tmp_path / "kb")
    assert main(["health", "--db", str(tmp_path / "none.sqlite3"), "--kb", str(tmp_path / "kb")]) == 1
    assert "no database" in capsys.readouterr().err
    assert not (tmp_path / "none.sqlite3").exists() and not (tmp_path / "none.sqlite3.lock").exists()

    make_db(tmp_path / "fedbot.sqlite3")
    (tmp_path / "kb" / "meetings.yaml").write_text("- id: [unclosed\n", encoding="utf-8")
    assert main(["health", "--db", str(tmp_path / "fedbot.sqlite3"), "--kb", str(tmp_path / "kb")]) == 1
    assert "meetings.yaml" in capsys.readouterr().err


def test_a_file_that_is_not_a_database_is_reported_by_every_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    garbage = tmp_path / "fedbot.sqlite3"
    garbage.write_bytes(b"this is not an SQLite database, only some text long enough to fill a header" * 2)
    save_kb(KnowledgeBase(), tmp_path / "kb")
    expected = {"stats": 2, "health": 1, "backup": 2}  # bad input, except that health reports "unhealthy"
    for command in (["stats"], ["health", "--kb", str(tmp_path / "kb")], ["backup", str(tmp_path / "copy.sqlite3")]):
        assert main([*command, "--db", str(garbage)]) == expected[command[0]]
        assert "not a database" in capsys.readouterr().err
    assert not (tmp_path / "copy.sqlite3").exists()
