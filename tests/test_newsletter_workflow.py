"""The staff's newsletter workflow (README, "A new newsletter"), walked with a newsletter written for
this test: drop the new issue next to the others, `build-kb`, review the YAML diff, `check-kb`, ask the
bot, then `/reload`.

It is walked in a copy of the project (the bot's code and its knowledge folder, with the five seed
newsletters as the sources), so the README's commands run exactly as written, without paths, from a
known starting point, and the project's own knowledge/ is never touched.
"""

from __future__ import annotations

import difflib
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from conftest import ROOT, run_cli
from pdf_maker import make_pdf

from bot.knowledge.query import latest_places, upcoming_meetings
from bot.knowledge.store import load_kb

# Nr 4 2019, in the style of the seeds: damaged layout, markdown remnants, the page footer,
# meetings under municipality lines, a "Lediga platser" notice with the items on one line.
NEW_ISSUE = """



NYHETS BREV

nr 4 2019 sep.

Anna Lexelius ett halvår som förbundschef • Verkstaden ny leverantör av arbetsträning • Höstens frukostmöten

Anna Lexelius ett halvår som förbundschef

Sedan i april leder Anna Lexelius förbundet. – **Det viktigaste** för mig har varit att lära känna verksamheterna och de människor som deltar i dem, säger hon.

Verkstaden ny leverantör av arbetsträning

Förbundet har godkänt Verkstaden i **Nynäshamn** som leverantör av arbetsträning inom MIA Östra Södertörn. Verkstaden erbjuder arbetsträning i snickeri och cykelreparationer.

► Välkommen till höstens frukostmöten!

Haninge

27/9 Digitala verktyg i arbetsträningen. [Inbjudan.](#)

25/10 Unga som varken arbetar eller studerar – vad säger de nya siffrorna? [Inbjudan.](#)

Nynäshamn

4/10 Psykisk ohälsa och arbetsliv. [Inbjudan.](#)

Tyresö

18/10 Samverkan kring nyanlända kvinnor. [Inbjudan.](#)



Nyhetsbrevet utkommer 6-8 gånger per år. Prenumerera gratis – mejla Cecilia Vitblom, cecilia.vitblom@haninge.se som du också kontaktar om du vill avsluta prenumerationen.

Ansvarig utgivare: förbundschef Anna Lexelius, 08-606 82 41

Läs mer om förbundet på www.samordningsforbundetostrasodertorn.se



Lediga platser i MIA Östra Södertörn!

74 deltagare var inskrivna i slutet av augusti. Följande lediga platser finns just nu:

Arbetsträning: Bönorna 3, Grow 1, Jobbverket 4, Verkstaden 2 • **Case Management:** 12 • **Stationen:** 5 • **Roa:** 3

Kontakta Resursrådet/En väg in om du har deltagare att föreslå!
"""


def save_as_text(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def save_as_pdf(path: Path, text: str) -> None:
    """As the layout program exports it: two columns, bold headlines, words hyphenated at line ends."""
    written = path.with_suffix(".source.txt")
    written.write_text(text, encoding="utf-8")
    make_pdf(written, path)
    written.unlink()


# How a communicator saves an issue into knowledge/sources, by file type.
SAVE_AS: dict[str, Callable[[Path, str], None]] = {"txt": save_as_text, "pdf": save_as_pdf}
NEW_FILE = "nyhetsbrev-2019-nr4"


@dataclass
class Walk:
    file_type: str  # how the new issue was saved: "txt" or "pdf"
    project: Path  # the copy of the project: bot/ and knowledge/
    before: Path  # its knowledge base as it was before the new issue
    dropped: subprocess.CompletedProcess[str]  # `check-kb` with the issue dropped in, before `build-kb`
    built: subprocess.CompletedProcess[str]  # `build-kb`
    checked: subprocess.CompletedProcess[str]  # `check-kb` after it

    @property
    def base(self) -> Path:
        return self.project / "knowledge" / "base"


@pytest.fixture(scope="module", params=sorted(SAVE_AS))
def walked(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, seed_knowledge: Path) -> Walk:
    """Steps 1, 2 and 4 of the workflow in a fresh copy of the project, for one file type."""
    project = tmp_path_factory.mktemp(f"project-{request.param}")
    shutil.copytree(ROOT / "bot", project / "bot", ignore=shutil.ignore_patterns("__pycache__"))
    knowledge = project / "knowledge"
    shutil.copytree(ROOT / "knowledge", knowledge, ignore=shutil.ignore_patterns("sources", "base"))
    shutil.copytree(seed_knowledge / "sources", knowledge / "sources")
    shutil.copytree(seed_knowledge / "base", knowledge / "base")
    start = run_cli("check-kb", cwd=project)
    assert start.returncode == 0, start.stderr  # the copy starts up to date
    before = tmp_path_factory.mktemp("before") / "base"
    shutil.copytree(knowledge / "base", before)
    # Step 1: drop the new issue next to the others.
    SAVE_AS[request.param](knowledge / "sources" / f"{NEW_FILE}.{request.param}", NEW_ISSUE)
    dropped = run_cli("check-kb", cwd=project)
    # Step 2: build.
    built = run_cli("build-kb", cwd=project)
    assert built.returncode == 0, built.stderr
    # Step 4: check.
    checked = run_cli("check-kb", cwd=project)
    return Walk(request.param, project, before, dropped, built, checked)


def removed_and_added(before: Path, after: Path, name: str) -> tuple[list[str], list[str]]:
    """The lines `git diff` would show taken away from and added to one file of the base."""
    old = (before / name).read_text(encoding="utf-8").splitlines()
    new = (after / name).read_text(encoding="utf-8").splitlines()
    changed = [
        line
        for line in difflib.unified_diff(old, new, lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    return [line[1:] for line in changed if line[0] == "-"], [line[1:] for line in changed if line[0] == "+"]


def test_check_kb_says_the_base_is_out_of_date_until_it_is_built(walked: Walk) -> None:
    assert walked.dropped.returncode == 1
    assert "out of date with knowledge/sources" in walked.dropped.stderr
    assert "python -m bot build-kb" in walked.dropped.stderr


def test_build_kb_writes_the_projects_base_and_names_the_new_issue(walked: Walk) -> None:
    seeds = "nr 3 2016, nr 2 2017, nr 3 2017, nr 5 2018, nr 1 2019"
    first, counts = walked.built.stdout.splitlines()[:2]
    assert first.startswith(f"Built {walked.base} in ")  # the copy's own base, not the project's
    assert first.endswith(f" from 6 issues ({seeds}, nr 4 2019):")
    assert counts.startswith("  27 meetings, 16 open places in 2 notices, ")
    assert "warning:" not in walked.built.stdout


def test_the_diff_to_review_adds_the_new_issue_and_takes_nothing_away(walked: Walk) -> None:
    names = sorted(path.name for path in walked.base.glob("*.yaml"))
    assert names == sorted(path.name for path in walked.before.glob("*.yaml"))
    diff = {name: removed_and_added(walked.before, walked.base, name) for name in names}
    assert {name: removed for name, (removed, _) in diff.items() if removed} == {}
    meetings = "\n".join(diff["meetings.yaml"][1])
    for topic in (
        "Digitala verktyg i arbetsträningen",
        "Psykisk ohälsa och arbetsliv",
        "Samverkan kring nyanlända kvinnor",
    ):
        assert topic in meetings
    assert "issue: 2019-4" in meetings
    places = "\n".join(diff["places.yaml"][1])
    assert "provider: Verkstaden" in places and "enrolled: 74" in places
    issues = diff["issues.yaml"][1]
    assert "- id: 2019-4" in issues and f"  file: {NEW_FILE}.{walked.file_type}" in issues


def test_check_kb_accepts_the_new_base_and_names_a_broken_one(walked: Walk, tmp_path: Path) -> None:
    assert walked.checked.returncode == 0, walked.checked.stderr
    assert walked.checked.stdout.startswith(f"{walked.base}: valid: 6 issues, 27 meetings, 16 open places")

    broken = tmp_path / "broken"
    shutil.copytree(walked.base, broken)
    text = (broken / "meetings.yaml").read_text(encoding="utf-8")
    (broken / "meetings.yaml").write_text(text.replace("issue: 2019-4", "issue: 2019-9", 1), encoding="utf-8")
    failed = run_cli("check-kb", str(broken), cwd=walked.project)
    assert failed.returncode == 2
    assert "2019-9" in failed.stderr


def test_ask_answers_with_the_new_meeting(walked: Walk) -> None:
    asked = run_cli(
        "ask",
        "--kb",
        str(walked.base),
        "--today",
        "2019-09-16",
        "när är nästa frukostmöte i Haninge?",
        cwd=walked.project,
    )
    assert asked.returncode == 0, asked.stderr
    assert asked.stdout.splitlines() == [
        "Nästa frukostmöte i Haninge är fredag 27 september 2019.",
        "Tema: Digitala verktyg i arbetsträningen",
        "Anmälan: se inbjudan (länk i nyhetsbrevet)",
        "Källa: Nyhetsbrev nr 4 2019",
    ]


def test_the_new_meetings_and_places_are_what_the_bot_will_answer(walked: Walk) -> None:
    kb = load_kb(walked.base)
    today = date(2019, 9, 16)
    nynashamn = upcoming_meetings(kb, today, "Nynäshamn")
    assert nynashamn and nynashamn[0].date == date(2019, 10, 4)
    assert nynashamn[0].topic == "Psykisk ohälsa och arbetsliv"
    assert [m.date for m in upcoming_meetings(kb, today, "Haninge")][:2] == [date(2019, 9, 27), date(2019, 10, 25)]
    report = latest_places(kb, today)
    assert report is not None and report.enrolled == 74 and report.as_of_text == "i slutet av augusti"
    assert {place.provider: place.count for place in report.places}["Verkstaden"] == 2
    # Everything the earlier issues said is still there.
    assert len(kb.meetings) == len(load_kb(walked.before).meetings) + 4


async def test_reload_puts_the_new_meetings_in_front_of_users_without_a_restart(walked: Walk, tmp_path: Path) -> None:
    harness = pytest.importorskip("telegram_harness", reason="the Telegram test harness is not in yet")
    from fake_bot_api import FakeBotApi

    from bot.engine import Engine

    before, after = walked.before, walked.base
    chat = 4242
    NEW_NYNASHAMN = "frukostmöte-2019-10-04"  # noqa: N806
    with FakeBotApi() as api:
        clock = harness.Clock(harness.local(2019, 9, 16, 10, 0))
        bot_ = harness.build_bot(api, tmp_path / "fedbot.sqlite3", clock, kb=load_kb(before))
        # What `run` does on /reload: a fresh engine from the knowledge base on disk.
        bot_.app.bot_data["fedbot"].load_engine = lambda: Engine.load(after)
        async with harness.running(bot_):
            api.queue_update(harness.message(chat, "/nasta Nynäshamn"))
            [old] = await api.wait_for("sendMessage", chat_id=chat)
            assert NEW_NYNASHAMN not in " ".join(harness.keyboard_data(old))
            bot_.repo.subscribe(chat, "Nynäshamn")
            assert bot_.reminder_jobs() == []

            # Step 5: an admin sends /reload.
            api.queue_update(harness.message(harness.ADMIN, "/reload"))
            [reloaded] = await api.wait_for("sendMessage", chat_id=harness.ADMIN)
            assert f"{len(load_kb(after).meetings)} möten" in reloaded.text
            # The subscriber hears of the new meeting in Nynäshamn, once.
            await bot_.alerts.send_pending(bot_.app.bot)
            alert = (await api.wait_for("sendMessage", 2, chat_id=chat))[-1]
            assert alert.text.startswith("Nytt om mötena i Nynäshamn:\n• Nytt: Frukostmöte fredag 4 oktober 2019")

            api.queue_update(harness.message(chat, "/nasta Nynäshamn"))
            new = (await api.wait_for("sendMessage", 3, chat_id=chat))[-1]
            assert "Psykisk ohälsa och arbetsliv" in new.text and "Nyhetsbrev nr 4 2019" in new.text
            assert any(NEW_NYNASHAMN in data for data in harness.keyboard_data(new))
            # The subscriber's reminder of the new meeting is scheduled, still without a restart.
            assert bot_.reminder_jobs()
