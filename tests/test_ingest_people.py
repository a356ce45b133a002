"""Open places, roles, the board, contacts and the particulars of meetings as newsletters of other layouts write
them: each rule read from a small newsletter of its own."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from bot.ingest.build import build
from bot.knowledge.model import KnowledgeBase
from bot.knowledge.vocabulary import load_vocabulary


def read(tmp_path: Path, body: str, header: str = "nr 4 2024 okt.") -> KnowledgeBase:
    path = tmp_path / "nyhetsbrev.txt"
    path.write_text(f"NYHETSBREV\n\n{header}\n\n{body.strip()}\n", encoding="utf-8")
    return build([path], load_vocabulary(), None).kb


def places(kb: KnowledgeBase) -> dict[str, int]:
    return {place.provider: place.count for report in kb.places for place in report.places}


def test_places_named_in_a_sentence_and_joined_by_och(tmp_path):
    kb = read(
        tmp_path,
        """
Lediga platser i november

Under november finns lediga platser i Trappan hos Bageriet Dalarö 3, Tryckeriet 1 och Second Hand Vendelsö 2.
Pappersverket har inga lediga platser.
""",
    )
    assert places(kb) == {"Bageriet Dalarö": 3, "Tryckeriet": 1, "Second Hand Vendelsö": 2, "Pappersverket": 0}


def test_places_counted_before_the_provider_and_the_second_count_alone(tmp_path):
    kb = read(
        tmp_path,
        """
Lediga platser

Vi har 3 lediga platser hos Tryckeriet och 1 hos Bageriet Dalarö. Resten av insatserna är fulla till jul.
""",
    )
    assert places(kb) == {"Tryckeriet": 3, "Bageriet Dalarö": 1}


def test_a_bulleted_provider_with_none(tmp_path):
    kb = read(
        tmp_path,
        """
## Lediga platser i Trappan

- **2 platser** hos Tryckeriet
- Pappersverket: inga lediga platser
- Bageriet Dalarö 4
""",
    )
    assert places(kb) == {"Tryckeriet": 2, "Pappersverket": 0, "Bageriet Dalarö": 4}


def contact(kb: KnowledgeBase, name: str) -> tuple[str | None, str | None]:
    (found,) = [c for c in kb.contacts if c.name == name]
    return found.email, found.phone


def test_phone_numbers_in_groups_of_three_and_particulars_between_name_and_address(tmp_path):
    kb = read(
        tmp_path,
        """
Frågor om Trappan

Frågor om insatsen? Kontakta samordnare Olle Berg, 070-123 456 78, olle.berg@tyreso.se.
Anmälan till Karin Ström, utvecklingsledare, karin.strom@haninge.se, 08-555 012 34.
Ansvarig utgivare är förbundschef Maria Lund, tel. 08-555 010 20.
""",
    )
    assert contact(kb, "Olle Berg") == ("olle.berg@tyreso.se", "070-123 456 78")
    assert contact(kb, "Karin Ström") == ("karin.strom@haninge.se", "08-555 012 34")
    assert contact(kb, "Maria Lund")[1] == "08-555 010 20"


def test_an_address_given_after_a_first_name_is_the_persons(tmp_path):
    kb = read(
        tmp_path,
        """
Ny utredare

Olle Berg är ny utredare på kansliet. Olle nås på olle.berg@tyreso.se eller 070-123 45 67.
""",
    )
    assert contact(kb, "Olle Berg") == ("olle.berg@tyreso.se", "070-123 45 67")
    assert [c.name for c in kb.contacts] == ["Olle Berg"]


def roles(kb: KnowledgeBase) -> dict[tuple[str, str], date | None]:
    return {(c.name, r.title): r.start for c in kb.contacts for r in c.roles}


def test_an_appointment_dated_in_the_next_sentence_by_first_name_or_pronoun(tmp_path):
    kb = read(
        tmp_path,
        """
Nytt på kansliet

Sofia Lind är ny utredare för Trappan, förbundets insats för nyanlända. Sofia började hos oss
den 7 oktober och har tidigare arbetat på Försäkringskassan.

Styrelsen har den 2 oktober utsett Johan Ek till ny förbundschef. Han tillträder tjänsten 1 februari.
""",
    )
    assert roles(kb)[("Sofia Lind", "utredare")] == date(2024, 10, 7)
    assert roles(kb)[("Johan Ek", "förbundschef")] == date(2025, 2, 1)  # the start, in the coming year


def test_the_one_who_succeeds_takes_up_the_role(tmp_path):
    kb = read(
        tmp_path,
        """
Ny ekonom

Lisa Holm efterträder Bengt Sjö som ekonom. Hon börjar den 4 november.
""",
    )
    assert roles(kb) == {("Lisa Holm", "ekonom"): date(2024, 11, 4), ("Bengt Sjö", "ekonom"): None}
    ends = {c.name: r.end for c in kb.contacts for r in c.roles}
    assert ends["Bengt Sjö"] == date(2024, 11, 4)  # the one succeeded holds the role until that day


def test_a_role_chosen_in_running_text(tmp_path):
    kb = read(
        tmp_path,
        """
Styrelsen kompletterad

Till ersättare för Tyresö har kommunfullmäktige utsett Nils Åberg (L). Han har suttit i socialnämnden.
""",
    )
    assert ("Nils Åberg", "ersättare") in roles(kb)


def seats(kb: KnowledgeBase) -> list[tuple[str, str | None, str | None, str]]:
    (board,) = kb.boards
    return [(m.position, m.name, m.vacancy, m.represents) for m in board.members]


def test_a_board_listed_position_first_with_a_vacant_seat(tmp_path):
    kb = read(
        tmp_path,
        """
Styrelsen 2025

Styrelsen har valt om sitt presidium. Så här ser den ut från januari:

Ordförande: Olle Berg (C), Nynäshamns kommun
Vice ordförande: Vakant, Region Stockholm
Ledamot: Karin Ström, Försäkringskassan
""",
    )
    assert seats(kb) == [
        ("ordförande", "Olle Berg", None, "Nynäshamns kommun"),
        ("vice ordförande", None, "Vakant", "Region Stockholm"),
        ("ledamot", "Karin Ström", None, "Försäkringskassan"),
    ]
    assert (kb.boards[0].start_year, kb.boards[0].source.section) == (2025, "Styrelsen 2025")


def test_a_board_listed_organisation_first_and_its_deputies(tmp_path):
    kb = read(
        tmp_path,
        """
Vår styrelse

Tyresö kommun – ordförande Olle Berg (C)
Arbetsförmedlingen – ledamot: (Utses i mars)

Ersättare

Karin Ström (S), Tyresö kommun
Vakant, Arbetsförmedlingen
""",
    )
    assert seats(kb) == [
        ("ordförande", "Olle Berg", None, "Tyresö kommun"),
        ("ledamot", None, "Utses i mars", "Arbetsförmedlingen"),
        ("ersättare", "Karin Ström", None, "Tyresö kommun"),
        ("ersättare", None, "Vakant", "Arbetsförmedlingen"),
    ]


def test_a_sentence_about_a_board_seat_is_no_member(tmp_path):
    kb = read(
        tmp_path,
        """
Styrelsen

Försäkringskassans ledamot har lämnat styrelsen, och en ny ledamot utses i vår.
Ordförande Olle Berg, Tyresö kommun, hälsar alla välkomna.
""",
    )
    assert kb.boards == []


def test_deputies_under_a_heading_of_their_own_with_a_vacancy(tmp_path):
    kb = read(
        tmp_path,
        """
## Styrelsen 2025

• Petra Ek (S), ordförande, Tyresö kommun
• Ola Berg (M), ledamot, Haninge kommun

## Ersättare

• Lina Hed (V), Tyresö kommun
• Vakant, Haninge kommun
""",
    )
    (board,) = kb.boards
    deputies = [(m.name, m.vacancy, m.represents) for m in board.members if m.position == "ersättare"]
    assert deputies == [("Lina Hed", None, "Tyresö kommun"), (None, "Vakant", "Haninge kommun")]


def test_a_role_held_since_a_day_and_one_taken_up_earlier_in_the_year(tmp_path):
    kb = read(
        tmp_path,
        """
Nytt i förbundet

Sedan årsskiftet leder Tove Lund (C) styrelsen, och Tove Lund (C) är förbundets ordförande sedan den 1 januari.

Den 1 augusti tillträdde Rami Aziz som samordnare.
""",
    )
    roles = {(c.name, r.title): r.start for c in kb.contacts for r in c.roles}
    assert roles[("Tove Lund", "ordförande")] == date(2024, 1, 1)
    assert roles[("Rami Aziz", "samordnare")] == date(2024, 8, 1)  # past tense: not next August


def test_a_line_with_an_at_sign_that_begins_no_address_is_no_contact(tmp_path):
    kb = read(
        tmp_path,
        """
Anmälan

Anmäl dig via hemsidan eller skriv till oss @ kansliet.
Frågor? Kontakta Eva Lund, eva.lund@nacka.se.
""",
    )
    assert [(c.name, c.email) for c in kb.contacts] == [("Eva Lund", "eva.lund@nacka.se")]


def test_one_called_new_before_the_leaving_holder_took_up_the_role_is_no_successor(tmp_path):
    issues = {
        "nyhetsbrev-2023-nr2.txt": "nr 2 2023 mars\n\nNy på kansliet\n\nKarin Ny är ny förbundschef. "
        "Hon kommer närmast från Huddinge kommun.",
        "nyhetsbrev-2026-nr3.txt": "nr 3 2026 maj\n\nTack Per\n\nDen 1 mars 2024 tillträdde Per Holm som "
        "förbundschef. Per Holm slutar som förbundschef den 30 juni.\n\nNy förbundschef\n\n"
        "Lena Ek blir ny förbundschef.",
    }
    for name, text in issues.items():
        (tmp_path / name).write_text(f"NYHETSBREV\n\n{text}\n", encoding="utf-8")
    kb = build(sorted(tmp_path.iterdir()), load_vocabulary(), None).kb
    assert roles(kb) == {
        ("Karin Ny", "förbundschef"): None,  # new in 2023, before Per Holm's day: not the one who takes over
        ("Per Holm", "förbundschef"): date(2024, 3, 1),
        ("Lena Ek", "förbundschef"): date(2026, 6, 30),  # new when he leaves: from his last day
    }


def test_a_role_in_the_federation_named_in_the_genitive_is_the_federations(tmp_path):
    kb = read(
        tmp_path,
        """
Välkommen Anna

Anna Berg är Samordningsförbundet Östra Södertörns nya förbundschef. Hon tillträdde den 2 september och kommer
från Botkyrka.

Kontakt

Anna Berg, förbundschef
anna.berg@ostrasodertorn-finsam.se

Samordningsförbundet Östra Södertörn · Haninge · Nynäshamn · Tyresö
""",
    )
    held = [(r.title, r.organisation, r.start) for c in kb.contacts for r in c.roles]
    assert held == [("förbundschef", "Samordningsförbundet Östra Södertörn", date(2024, 9, 2))]


def test_a_meeting_told_above_a_lists_title_is_read_with_its_deadline_which_is_not_the_lists(tmp_path):
    # the deadline wraps onto a line of its own: "Anmälan senast" / "7 oktober." is no meeting on 7 October
    kb = read(
        tmp_path,
        """
Möten i höst

Onsdag 14 oktober kl. 13.00–15.30 ordnar vi ett seminarium om samverkan kring unga i Tyresö. Anmälan senast
7 oktober.

Höstens frukostmöten:

- 23 oktober Haninge: Arbetsträning i nya former
- 20 november Nynäshamn: Skuldsättning och hälsa
""",
        header="nr 4 2024 sep.",
    )
    deadlines = {meeting.date: meeting.registration and meeting.registration.deadline for meeting in kb.meetings}
    assert deadlines == {date(2024, 10, 14): date(2024, 10, 7), date(2024, 10, 23): None, date(2024, 11, 20): None}


def test_a_region_named_before_an_address_is_no_person(tmp_path):
    kb = read(
        tmp_path,
        """
Arbetsträning

Kontakta Elsa Lund, handledare i Navet Södra Roslagen, elsa.lund@exempel.se, tel 070-174 06 77.

Frågor om projektet

Tor Wik | Projektledare Navet
Samordningsförbundet Norra Roslagen
Mobil: 070-174 06 78
""",
    )
    assert {c.name: (c.email, c.phone) for c in kb.contacts if c.email or c.phone} == {
        "Elsa Lund": ("elsa.lund@exempel.se", "070-174 06 77"),
        "Tor Wik": (None, "070-174 06 78"),  # the card's, under the federation's name
    }


def test_a_row_of_the_calendar_over_the_list_is_no_part_of_its_registration(tmp_path):
    kb = read(
        tmp_path,
        """
KALENDER HÖSTEN

Alla frukostmöten börjar kl. 8.30. Anmälan görs på hemsidan senast dagen före.

  tis 6 okt    Styrelsen sammanträder, Tyresö kommunhus
  fre 16 okt   FRUKOSTMÖTE Tyresö – Unga utan sysselsättning
  fre 13 nov   FRUKOSTMÖTE Haninge – Arbetsträning i kommunen
""",
        header="nr 4 2024 sep.",
    )
    registrations = {meeting.date: meeting.registration for meeting in kb.meetings}
    assert set(registrations) == {date(2024, 10, 16), date(2024, 11, 13)}
    for registration in registrations.values():  # the board's day is no deadline, and no part of the sentence
        assert registration is not None and registration.deadline is None
        assert registration.text == "Anmälan görs på hemsidan senast dagen före."


def test_a_title_before_a_name_of_three_words_leaves_the_name_whole(tmp_path):
    kb = read(
        tmp_path,
        """
Ett år på posten

Förbundschef Maria Lindgren Okonkwo har nu varit på plats i ett år och ser tillbaka på det hon hunnit med.
""",
    )
    assert [c.name for c in kb.contacts] == ["Maria Lindgren Okonkwo"]


def test_leaving_told_in_the_past_ends_the_role_and_another_persons_leaving_is_theirs(tmp_path):
    kb = read(
        tmp_path,
        """
Nytt från kansliet

Jonas Berg slutade som förbundschef den 30 september för att bli socialchef i Huddinge.

Styrelsen

Eva Ek (S), Tyresö, är förbundets ordförande sedan den 1 mars, då Per Al (M) lämnade posten efter sex år.
""",
    )
    held = {(c.name, r.title): (r.start, r.end) for c in kb.contacts for r in c.roles}
    assert held[("Jonas Berg", "förbundschef")] == (None, date(2024, 9, 30))
    assert held[("Eva Ek", "ordförande")] == (date(2024, 3, 1), None)  # Per Al left, not she


def test_a_title_after_en_ny_is_no_one_s_unless_a_name_follows_it(tmp_path):
    kb = read(
        tmp_path,
        """
Förändringar på kansliet

Styrelsen har utsett Lisa Ek till tillförordnad förbundschef. Lisa har haft uppdraget sedan den 1 oktober och har
det tills en ny förbundschef är på plats.
Sedan den 2 september har förbundet också en ny ekonom, Omar Said.
""",
    )
    held = {(c.name, r.title) for c in kb.contacts for r in c.roles}
    assert held == {("Lisa Ek", "tillförordnad förbundschef"), ("Omar Said", "ekonom")}


def test_a_label_before_a_mailbox_is_no_organisation(tmp_path):
    kb = read(
        tmp_path,
        """
Extra frukostmöte

När: fredag 8 november, 8.30–10.00
Var: Tyresö bibliotek
Boka: bokaplats@exempel.se
""",
    )
    assert [c.name for c in kb.contacts] == []  # a mailbox with no one's name: no contact
