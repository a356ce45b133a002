"""The staff's newsletter workflow, walked with a newsletter written for this test:

drop the new issue next to the others, `build-kb`, review the YAML diff, `check-kb`, then `/reload`.
"""

from __future__ import annotations

import difflib
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from bot.knowledge.query import latest_places, upcoming_meetings
from bot.knowledge.store import load_kb

ROOT = Path(__file__).resolve().parents[1]

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


def bot(*args: str) -> subprocess.CompletedProcess[str]:
    """`python -m bot …` as the staff run it from the project folder."""
    return subprocess.run([sys.executable, "-m", "bot", *args], cwd=ROOT, capture_output=True, text=True, timeout=60)


def yaml_diff(before: Path, after: Path, name: str) -> list[str]:
    old = (before / name).read_text(encoding="utf-8").splitlines()
    new = (after / name).read_text(encoding="utf-8").splitlines()
    return [
        line
        for line in difflib.unified_diff(old, new, lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(the base before the new issue, the base after it), both built with `build-kb`."""
    work = tmp_path_factory.mktemp("workflow")
    sources = work / "sources"
    shutil.copytree(ROOT / "knowledge" / "sources", sources)
    before = bot("build-kb", str(sources), "--out", str(work / "before"))
    assert before.returncode == 0, before.stderr
    # Step 1: drop the new issue next to the others.
    (sources / "nyhetsbrev-2019-nr4.txt").write_text(NEW_ISSUE, encoding="utf-8")
    # Step 2: build.
    after = bot("build-kb", str(sources), "--out", str(work / "after"))
    assert after.returncode == 0, after.stderr
    assert "nr 4 2019" in after.stdout
    return work / "before", work / "after"


def test_the_diff_to_review_adds_the_new_issue_and_takes_nothing_away(built: tuple[Path, Path]) -> None:
    before, after = built
    meetings = yaml_diff(before, after, "meetings.yaml")
    assert meetings and all(line.startswith("+") for line in meetings)
    added = "\n".join(meetings)
    for topic in (
        "Digitala verktyg i arbetsträningen",
        "Psykisk ohälsa och arbetsliv",
        "Samverkan kring nyanlända kvinnor",
    ):
        assert topic in added
    assert "issue: 2019-4" in added
    places = "\n".join(yaml_diff(before, after, "places.yaml"))
    assert "provider: Verkstaden" in places and "enrolled: 74" in places
    assert "id: 2019-4" in "\n".join(yaml_diff(before, after, "issues.yaml"))


def test_the_new_meetings_and_places_are_what_the_bot_will_answer(built: tuple[Path, Path]) -> None:
    _, after = built
    kb = load_kb(after)
    today = date(2019, 9, 16)
    nynashamn = upcoming_meetings(kb, today, "Nynäshamn")
    assert nynashamn and nynashamn[0].date == date(2019, 10, 4)
    assert nynashamn[0].topic == "Psykisk ohälsa och arbetsliv"
    assert [m.date for m in upcoming_meetings(kb, today, "Haninge")][:2] == [date(2019, 9, 27), date(2019, 10, 25)]
    report = latest_places(kb, today)
    assert report is not None and report.enrolled == 74 and report.as_of_text == "i slutet av augusti"
    assert {place.provider: place.count for place in report.places}["Verkstaden"] == 2
    # Everything the earlier issues said is still there.
    assert len(kb.meetings) == len(load_kb(built[0]).meetings) + 4


def test_check_kb_accepts_the_new_base_and_names_a_broken_one(built: tuple[Path, Path], tmp_path: Path) -> None:
    _, after = built
    checked = bot("check-kb", str(after))
    assert checked.returncode == 0, checked.stderr
    assert "valid: 6 issues" in checked.stdout

    broken = tmp_path / "broken"
    shutil.copytree(after, broken)
    text = (broken / "meetings.yaml").read_text(encoding="utf-8")
    (broken / "meetings.yaml").write_text(text.replace("issue: 2019-4", "issue: 2019-9", 1), encoding="utf-8")
    failed = bot("check-kb", str(broken))
    assert failed.returncode == 2
    assert "2019-9" in failed.stderr


async def test_reload_puts_the_new_meetings_in_front_of_users_without_a_restart(
    built: tuple[Path, Path], tmp_path: Path
) -> None:
    harness = pytest.importorskip("telegram_harness", reason="the Telegram test harness is not in yet")
    from fake_bot_api import FakeBotApi

    from bot.engine import Engine

    before, after = built
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

            api.queue_update(harness.message(chat, "/nasta Nynäshamn"))
            new = (await api.wait_for("sendMessage", 2, chat_id=chat))[-1]
            assert "Psykisk ohälsa och arbetsliv" in new.text and "Nyhetsbrev nr 4 2019" in new.text
            assert any(NEW_NYNASHAMN in data for data in harness.keyboard_data(new))
            # The subscriber's reminder of the new meeting is scheduled, still without a restart.
            assert bot_.reminder_jobs()
