"""The one command list (bot/texts.yaml `commands:`) and reading "/word@bot args" against it."""

from __future__ import annotations

import re

import pytest

from bot import slash
from bot.knowledge.serde import KnowledgeError, read_yaml
from bot.paths import TEXTS_PATH
from bot.slash import find_command, read_slash
from bot.texts import Command, commands


@pytest.mark.parametrize(
    "text, key, args, lang, bot",
    [
        ("/nästa Handen", "next", ["Handen"], "sv", None),
        ("/nasta", "next", [], "sv", None),
        ("/NEXT@FedBot_bot tyresö  ", "next", ["tyresö"], "en", "FedBot_bot"),
        ("/möten\nTyresö", "meetings", ["Tyresö"], "sv", None),
        ("/hjälp", "help", [], "sv", None),
        ("/Help", "help", [], "en", None),
        ("/about", "about", [], "en", None),
        ("/om", "about", [], "sv", None),
        ("/privacy", "privacy", [], "en", None),
        ("/stop", "stop", [], "en", None),
        ("/menu", "menu", [], "en", None),
        ("/börja", "start", [], "sv", None),
    ],
)
def test_a_typed_command_is_found_by_its_folded_name(text, key, args, lang, bot):
    read = read_slash(text)
    assert read is not None and read.command is not None
    assert (read.command.key, read.args, read.lang, read.bot) == (key, args, lang, bot)


def test_what_is_no_command_of_the_list():
    assert read_slash("hej /nasta") is None  # only a message that starts with "/"
    unknown = read_slash("/foo bar")
    assert unknown is not None and unknown.command is None and unknown.word == "foo" and unknown.args == ["bar"]
    assert read_slash("/").word == ""
    assert len(read_slash("/" + "x" * 500).word) == slash.MAX_SHOWN


def test_every_command_in_the_list_has_names_telegram_accepts_and_an_about_in_both_languages():
    found = commands()
    assert len({command.key for command in found}) == len(found)
    for command in found:
        assert all(re.fullmatch(r"[a-z0-9_]{1,32}", name) for name in command.names)
        assert command.about["sv"] and command.about["en"]
        assert find_command(command.names[0]) == (command, "sv")


def test_every_command_the_bots_texts_mention_is_one_of_the_list():
    texts = read_yaml(TEXTS_PATH)
    written = " ".join(
        value
        for key, entry in texts.items()
        if key not in ("commands", "examples")
        for value in entry.values()
        if isinstance(value, str)
    )
    mentioned = set(re.findall(r"(?<![\w/])/(\w+)", written))
    assert {"prenumerera", "avsluta", "radera", "integritet", "unsubscribe", "delete", "nästa"} <= mentioned
    assert [name for name in mentioned if find_command(name) is None] == []


def test_two_commands_sharing_a_name_stop_the_bot_with_the_file_named(monkeypatch):
    about = {"sv": "x", "en": "x"}
    clash = [Command("one", ("ett", "one"), about), Command("two", ("tva", "two"), about, also={"sv": ["Ett"]})]
    monkeypatch.setattr(slash, "commands", lambda: clash)
    slash._index.cache_clear()
    try:
        with pytest.raises(KnowledgeError, match="texts.yaml: commands: /Ett names both one and two"):
            find_command("ett")
    finally:
        slash._index.cache_clear()
